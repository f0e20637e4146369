"""A frame node of the wrong JSON type is a located error (exit 2, nothing written); inside schemas, warnings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from genutil import build, run_cli

from generator.errors import Level
from generator.spec.structure import structure_findings

BROKEN = Path(__file__).resolve().parent / "broken"

BASE = """\
openapi: 3.0.3
info:
  title: Frame
  version: "1"
paths:
  /things/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema: {type: integer}
    post:
      operationId: makeThing
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Thing"}
      responses:
        "200":
          description: ok
          headers:
            X-Rate: {schema: {type: integer}}
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Thing:
      type: object
      properties:
        name: {type: string}
  responses:
    Gone: {description: gone}
  parameters:
    Limit: {name: limit, in: query, schema: {type: integer}}
  requestBodies:
    ThingBody:
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Thing"}
"""
OP = ("paths", "/things/{id}", "post")

# (where, the wrong value, the message expected)
CASES = [
    ((), "info", ["one"], "'info' must be a mapping, not a list"),
    ((), "paths", "all of them", "'paths' must be a mapping, not a string"),
    (("paths",), "/things/{id}", ["get"], "a path item must be a mapping, not a list"),
    (("paths", "/things/{id}"), "post", "make", "an operation must be a mapping, not a string"),
    (("paths", "/things/{id}"), "parameters", {"id": 1}, "'parameters' must be a list, not a mapping"),
    (("paths", "/things/{id}", "parameters"), 0, "id", "a parameter must be a mapping, not a string"),
    (OP, "responses", "200 ok", "'responses' must be a mapping, not a string"),
    (OP + ("responses",), "200", "ok", "a response must be a mapping, not a string"),
    (OP + ("responses", "200"), "content", ["application/json"], "'content' must be a mapping, not a list"),
    (OP + ("responses", "200", "content"), "application/json", "Thing", "a media type object must be a mapping"),
    (OP + ("responses", "200"), "headers", [], "'headers' must be a mapping, not a list"),
    (OP, "requestBody", ["Thing"], "'requestBody' must be a mapping, not a list"),
    (OP, "parameters", "limit", "'parameters' must be a list, not a string"),
    ((), "components", [], "'components' must be a mapping, not a list"),
    (("components",), "responses", ["Gone"], "'responses' must be a mapping, not a list"),
    (("components", "responses"), "Gone", "gone", "a response must be a mapping, not a string"),
    (("components", "parameters"), "Limit", 3, "a parameter must be a mapping, not a number"),
    (("components", "requestBodies"), "ThingBody", None, "a request body must be a mapping, not null"),
    (("components", "schemas"), "Thing", "object", "a schema must be a mapping, not a string"),
]


def broken(where: tuple[Any, ...], key: Any, value: Any) -> dict[str, Any]:
    data = yaml.safe_load(BASE)
    node = data
    for token in where:
        node = node[token]
    node[key] = value
    return data


def pointer_of(where: tuple[Any, ...], key: Any) -> str:
    return "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in (*where, key))


@pytest.mark.parametrize("where, key, value, message", CASES, ids=[pointer_of(c[0], c[1]) for c in CASES])
def test_a_frame_node_of_the_wrong_type_is_refused_with_pointer_and_line(
    where: tuple[Any, ...], key: Any, value: Any, message: str, tmp_path: Path
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(broken(where, key, value), sort_keys=False), encoding="utf-8")
    line = line_of(spec.read_text().splitlines(), (*where, key))
    code, _out, err = run_cli("validate", str(spec))
    assert code == 2
    assert f"spec.yaml#{pointer_of(where, key)} (line {line}): error: {message}" in err, err
    result = build(spec, tmp_path)
    assert result.exit_code == 2
    assert not result.output.exists()


def line_of(lines: list[str], tokens: tuple[Any, ...]) -> int:
    """The line of the last token, found by looking for each token in turn below the one before."""
    at = 0
    for token in tokens:
        spellings = ("- ",) if isinstance(token, int) else (f"{token}:", f"'{token}':", f'"{token}":')
        at = next(i for i in range(at, len(lines)) if lines[i].strip().startswith(spellings))
    return at + 1


def test_the_well_formed_frame_has_no_structure_findings() -> None:
    assert structure_findings(yaml.safe_load(BASE)) == []


def test_a_3_1_boolean_schema_is_a_schema() -> None:
    data = broken(("components", "schemas"), "Anything", True)
    data["openapi"] = "3.1.0"
    assert structure_findings(data) == []
    data["openapi"] = "3.0.3"
    assert [d.message for d in structure_findings(data)] == ["a schema must be a mapping, not a boolean"]


def test_violations_inside_schemas_stay_warnings(tmp_path: Path) -> None:
    data = broken(("components", "schemas", "Thing"), "required", "name")
    data["components"]["schemas"]["Thing"]["properties"]["name"]["maxLength"] = "ten"
    code, out, err = run_cli("validate", str(_written(tmp_path, data)))
    assert code == 0, err
    assert "warning" in err and "error" not in err
    result = build(data, tmp_path)
    assert result.exit_code == 0, result.stderr


def test_every_finding_is_an_error() -> None:
    data = broken(OP, "responses", "no")
    data["info"] = "no"
    found = structure_findings(data)
    assert [d.pointer for d in found] == ["/info", "/paths/~1things~1{id}/post/responses"]
    assert {d.level for d in found} == {Level.ERROR}


@pytest.mark.parametrize("name", ["responses-string.yaml", "component-entry-string.yaml"])
def test_the_broken_documents_are_listed(name: str) -> None:
    assert name in json.loads((BROKEN / "expected.json").read_text())


def _written(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
