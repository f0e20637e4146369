"""Schema coverage: collisions, recursion across modules, unions, maps, const, odd enums, formats — built and used."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from pathlib import Path

import pytest

from genutil import api, build, imported

SCHEMAS = {
    "Video": {"type": "object", "properties": {"foo-bar": {"type": "integer"}, "foo_bar": {"type": "string"},
                                                "Foo Bar": {"type": "boolean"}}},
    "video": {"type": "object", "properties": {"x": {"type": "integer"}}},
    "Node": {"type": "object", "required": ["value"], "properties": {
        "value": {"type": "integer"},
        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
        "other": {"$ref": "#/components/schemas/Other"},
    }},
    "Other": {"type": "object", "properties": {"back": {"$ref": "#/components/schemas/Node"}}},
    "Cat": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "const": "cat"}, "meow": {"type": "boolean"}}},
    "Dog": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "const": "dog"}, "bark": {"type": "boolean"}}},
    "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
            "discriminator": {"propertyName": "kind"}},
    "Bag": {"type": "object", "properties": {
        "pet": {"$ref": "#/components/schemas/Pet"},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
        "anything": {},
        "when": {"type": "string", "format": "date-time"},
        "day": {"type": "string", "format": "date"},
        "uid": {"type": "string", "format": "uuid"},
        "price": {"type": "string", "format": "decimal"},
        "site": {"type": "string", "format": "uri"},
        "blob": {"type": "string", "format": "byte"},
        "ordering": {"type": "string", "enum": ["name", "-name", "name", "", None], "nullable": True},
        "level": {"type": "integer", "enum": [1, 2, 2, 3]},
        "mixed": {"enum": ["a", 1, True]},
        "empty": {"type": "string", "enum": []},
    }},
}
PATHS = {"/bags/": {"post": {
    "operationId": "bags_create",
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Bag"}}}},
    "responses": {"201": {"description": "", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}}},
}}}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = build(api(PATHS, SCHEMAS), tmp_path_factory.mktemp("cov"))
    assert result.exit_code == 0, result.stderr
    return result.output


def test_collisions_get_distinct_names_and_keep_wire_names(out: Path) -> None:
    with imported(out) as pkg:
        t = pkg.types
        assert t.Video is not t.Video_2
        modules = sorted(p.name.lower() for p in (out / "demo" / "types").glob("*.py"))
        assert len(modules) == len(set(modules))  # distinct on case-insensitive file systems
        aliases = {f.alias or name for name, f in t.Video.model_fields.items()}
        assert aliases == {"foo-bar", "foo_bar", "Foo Bar"}
        v = t.Video.model_validate({"foo-bar": 1, "foo_bar": "s", "Foo Bar": True})
        assert v.to_dict() == {"foo-bar": 1, "foo_bar": "s", "Foo Bar": True}


def test_mutually_recursive_models_across_modules(out: Path) -> None:
    with imported(out) as pkg:
        node = pkg.types.Node.model_validate({"value": 1, "children": [{"value": 2}], "other": {"back": {"value": 3}}})
        assert node.children[0].value == 2 and node.other.back.value == 3


def test_unions_maps_formats_and_odd_enums(out: Path) -> None:
    with imported(out) as pkg:
        bag = pkg.types.Bag.model_validate({
            "pet": {"kind": "dog", "bark": True}, "counts": {"a": 1}, "anything": [1, "x"],
            "when": "2024-06-28T12:00:00Z", "day": "2024-06-28", "uid": "123e4567-e89b-12d3-a456-426614174000",
            "price": "1.50", "site": "https://example.com/a b", "ordering": None, "level": 2, "mixed": 1,
        })
        assert type(bag.pet).__name__ == "Dog"
        assert bag.counts == {"a": 1} and bag.anything == [1, "x"]
        assert isinstance(bag.when, dt.datetime) and isinstance(bag.day, dt.date)
        assert isinstance(bag.uid, uuid.UUID) and bag.price == decimal.Decimal("1.50")
        assert bag.site == "https://example.com/a b"  # format: uri stays the string the server sent
        assert bag.ordering is None and bag.level == 2
        enum_cls = type(pkg.types.Bag.model_validate({"ordering": "-name"}).ordering)
        assert [m.value for m in enum_cls] == ["name", "-name", ""]  # duplicates dropped, empty value kept


def test_recursive_request_and_response_through_the_method(out: Path) -> None:
    with imported(out) as pkg:
        import inspect

        params = inspect.signature(pkg.Demo(api_key="k", base_url="http://127.0.0.1:9").bags.create).parameters
        assert {"pet", "counts", "when", "ordering", "extra_body", "timeout"} <= set(params)
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for n, p in params.items())
