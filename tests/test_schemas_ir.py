"""JSON Schema → IR types, rule by rule, without rendering anything (parse/schemas.py on its own)."""

from __future__ import annotations

from typing import Any

import pytest

from generator import ir
from generator.parse.api import ClientSettings, build_ir

CLIENT = ClientSettings("demo", "Demo", "DEMO", "")


def field_type(schema: dict[str, Any], *, openapi: str = "3.0.3") -> ir.TypeRef:
    """The IR type of property ``x`` of a component ``Holder`` whose ``x`` is ``schema``."""
    doc = {
        "openapi": openapi,
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/h": {
                "get": {
                    "operationId": "get_h",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Holder"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Holder": {"type": "object", "required": ["x"], "properties": {"x": schema}},
                "Other": {"type": "object", "properties": {"y": {"type": "integer"}}},
            }
        },
    }
    api, _ = build_ir(doc, CLIENT, source="test")
    holder = next(s for s in api.schemas if isinstance(s, ir.Model) and s.wire_name == "Holder")
    return next(f.type for f in holder.fields if f.wire_name == "x")


@pytest.mark.parametrize(
    "schema, expected",
    [
        ({"type": "string"}, ir.Primitive("str")),
        ({"type": "integer"}, ir.Primitive("int")),
        ({"type": "number"}, ir.Primitive("float")),
        ({"type": "boolean"}, ir.Primitive("bool")),
        ({"type": "string", "format": "date-time"}, ir.DateTime("datetime")),
        ({"type": "string", "format": "date"}, ir.DateTime("date")),
        ({"type": "string", "format": "uuid"}, ir.DateTime("UUID")),
        ({"type": "string", "format": "uri"}, ir.Primitive("str", format="uri")),  # a str, not a URL object
        ({"type": "array", "items": {"type": "integer"}}, ir.ListOf(ir.Primitive("int"))),
        ({"type": "object", "additionalProperties": {"type": "string"}}, ir.MapOf(ir.Primitive("str"))),
        ({"type": "string", "nullable": True}, ir.Nullable(ir.Primitive("str"))),
    ],
)
def test_scalar_and_container_types(schema: dict[str, Any], expected: ir.TypeRef) -> None:
    assert field_type(schema) == expected


def test_openapi_31_null_in_a_type_list_is_nullable() -> None:
    assert field_type({"type": ["string", "null"]}, openapi="3.1.0") == ir.Nullable(ir.Primitive("str"))


def test_a_reference_is_the_named_model() -> None:
    t = ir.non_null(field_type({"$ref": "#/components/schemas/Other"}))
    assert isinstance(t, ir.ModelRef) and t.class_name == "Other"


def test_one_of_two_shapes_is_a_union_of_both() -> None:
    t = field_type({"oneOf": [{"type": "integer"}, {"$ref": "#/components/schemas/Other"}]})
    assert isinstance(t, ir.UnionOf)
    assert ir.Primitive("int") in t.options
    assert any(isinstance(o, ir.ModelRef) and o.class_name == "Other" for o in t.options)


def test_const_is_a_one_value_literal() -> None:
    assert field_type({"type": "string", "const": "cat"}) == ir.LiteralOf(("cat",))
