"""References as real documents use them: cycles across files, 3.1 ``$id``/``$anchor``, components used out of kind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from genutil import build, imported, run_cli

from generator.errors import GeneratorError, Level
from generator.spec.load import _internal_refs_only, load_bytes, load_document
from generator.spec.validate import validate_document


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder / next(iter(files))


MULTI_FILE = {
    "api.yaml": """\
openapi: 3.0.3
info: {title: Multi, version: "1"}
servers: [{url: "https://multi.example.com"}]
paths:
  /folders/:
    get:
      operationId: listFolders
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Folder"}}
components:
  schemas:
    Folder: {$ref: "parts/folder.yaml#/Folder"}
""",
    "parts/folder.yaml": """\
Folder:
  type: object
  properties:
    name: {type: string}
    files:
      type: array
      items: {$ref: "file.yaml#/File"}
""",
    "parts/file.yaml": """\
File:
  type: object
  properties:
    name: {type: string}
    parent: {$ref: "folder.yaml#/Folder"}
    links:
      type: array
      items: {$ref: "#/Link"}
Link:
  type: object
  properties:
    target: {$ref: "#/File"}
""",
}


def test_a_cycle_across_files_is_bundled_into_components(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, MULTI_FILE), allow_file_refs=True)
    schemas = doc.data["components"]["schemas"]
    assert set(schemas) == {"Folder", "File"}
    assert schemas["Folder"]["properties"]["files"]["items"] == {"$ref": "#/components/schemas/File"}
    assert schemas["File"]["properties"]["parent"] == {"$ref": "#/components/schemas/Folder"}
    link = schemas["File"]["properties"]["links"]["items"]
    assert link["properties"]["target"] == {"$ref": "#/components/schemas/File"}
    assert [name for name, _ in doc.bundled] == ["parts/file.yaml", "parts/folder.yaml"]
    assert [d for d in validate_document(doc) if d.level is Level.ERROR] == []


def test_a_cycle_across_files_builds_a_client_whose_models_refer_to_each_other(tmp_path: Path) -> None:
    spec = write(tmp_path / "spec", MULTI_FILE)
    result = build(spec, tmp_path, "--allow-file-refs", package="multi")
    assert result.exit_code == 0, result.stderr
    with imported(result.output, "multi") as multi:
        folder = multi.types.Folder.model_validate({"name": "a", "files": [{"name": "f", "parent": {"name": "a"}}]})
        assert folder.files[0].parent.name == "a"


def test_a_hoisted_name_never_overwrites_a_component(tmp_path: Path) -> None:
    files = {
        "api.yaml": "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Node: {type: string}\n    Tree: {$ref: 'tree.yaml#/Tree'}\n",
        "tree.yaml": "Tree:\n  properties:\n    children: {type: array, items: {$ref: '#/Node'}}\n"
        "Node:\n  properties:\n    tree: {$ref: '#/Tree'}\n    next: {$ref: '#/Node'}\n",
    }
    schemas = load_document(write(tmp_path, files), allow_file_refs=True).data["components"]["schemas"]
    assert schemas["Node"] == {"type": "string"}
    assert schemas["Node2"]["properties"]["next"] == {"$ref": "#/components/schemas/Node2"}
    assert schemas["Tree"]["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Node2"}
    assert schemas["Node2"]["properties"]["tree"] == {"$ref": "#/components/schemas/Tree"}


IDS = """\
openapi: 3.1.0
info: {title: Ids, version: "1"}
servers: [{url: "https://ids.example.com"}]
paths:
  /pets/:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: "https://schemas.example.com/pet"}}
    post:
      operationId: makePet
      requestBody:
        content:
          application/json:
            schema: {$ref: "https://schemas.example.com/pet#owner"}
      responses:
        "201":
          description: ok
          content:
            application/json:
              schema: {$ref: "#tagged"}
  /extras/:
    get:
      operationId: getExtra
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "pet#dyn"}
components:
  schemas:
    Pet:
      $id: "https://schemas.example.com/pet"
      type: object
      properties:
        name: {type: string}
        owner:
          $anchor: owner
          type: object
          properties:
            login: {type: string}
        extra:
          $dynamicAnchor: dyn
          type: object
          properties:
            size: {type: integer}
    Tag:
      $anchor: tagged
      type: object
      properties:
        label: {type: string}
"""


def test_3_1_ids_anchors_and_dynamic_anchors_resolve(tmp_path: Path) -> None:
    data = yaml.safe_load(IDS)
    # "pet#dyn" is relative: it resolves against the $id of a schema that holds it
    data["components"]["schemas"]["Holder"] = {
        "$id": "https://schemas.example.com/holder",
        "properties": {"extra": {"$ref": "pet#dyn"}},
    }
    data["paths"]["/extras/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": "https://schemas.example.com/pet#dyn"
    }
    doc = load_bytes(json.dumps(data).encode(), source="ids.json")
    assert [d.format() for d in validate_document(doc) if d.level is Level.ERROR] == []
    result = build(data, tmp_path, package="ids")
    assert result.exit_code == 0, result.stderr
    with imported(result.output, "ids") as ids:
        client = ids.Ids(api_key="k")
        assert client.pets.make_pet.__annotations__["return"] in ("Tag", ids.types.Tag)
        client.close()


REQUEST_BODY_AS_RESPONSE = """\
openapi: 3.0.3
info: {title: Kinds, version: "1"}
servers: [{url: "https://kinds.example.com"}]
paths:
  /pets/:
    post:
      operationId: makePet
      requestBody: {$ref: "#/components/responses/PetOut"}
      responses:
        "201": {$ref: "#/components/requestBodies/PetIn"}
components:
  requestBodies:
    PetIn:
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Pet"}
  responses:
    PetOut:
      description: a pet
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Pet"}
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
"""


def test_a_component_of_the_wrong_kind_that_fits_is_a_warning_and_is_used(tmp_path: Path) -> None:
    spec = write(tmp_path, {"kinds.yaml": REQUEST_BODY_AS_RESPONSE})
    code, _out, err = run_cli("validate", str(spec))
    assert code == 0, err
    assert (
        "kinds.yaml#/paths/~1pets~1/post/responses/201/$ref (line 10): warning: $ref '#/components/requestBodies/PetIn'"
        " is used as a response but points to a request body; used as it fits"
    ) in err
    result = build(spec, tmp_path, package="kinds")
    assert result.exit_code == 0, result.stderr
    with imported(result.output, "kinds") as kinds:
        with kinds.Kinds(api_key="k") as client:
            annotations: dict[str, Any] = client.pets.make_pet.__annotations__
        assert annotations["return"] == "Pet"
        assert "name" in annotations


def test_a_component_of_the_wrong_kind_that_does_not_fit_is_an_error(tmp_path: Path) -> None:
    data = yaml.safe_load(REQUEST_BODY_AS_RESPONSE)
    data["components"]["headers"] = {"Trace": {"schema": {"type": "string"}}}
    data["paths"]["/pets/"]["post"]["parameters"] = [{"$ref": "#/components/headers/Trace"}]
    result = build(data, tmp_path)
    assert result.exit_code == 2
    assert "is used as a parameter but points to a header" in result.stderr


@pytest.mark.parametrize(
    "text, vouched",
    [
        ("a: {$ref: \"#/x\"}\nb:\n  $ref: '#/y'\n", True),
        ('{"a": {"$ref": "#/x"}}', True),
        ("a:\n  $ref: other.yaml#/x\n", False),
        ('a:\n  "\\u0024ref": "#/x"\n', False),  # an escape could spell the key
        ("description: see $ref\n", False),  # a mention, not a key: the data is walked
        ('k: "a\\\n  b"\nc:\n  $ref: "#/x"\n', False),  # a continued double-quoted line
    ],
)
def test_texts_whose_refs_all_stay_inside_skip_the_bundling_walk(text: str, vouched: bool) -> None:
    assert _internal_refs_only(text.encode()) is vouched


def test_a_file_ref_spelled_with_an_escape_is_still_refused() -> None:
    text = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      "\\x24ref": "other.yaml#/B"\n'
    with pytest.raises(GeneratorError, match="another file"):
        load_bytes(text.encode(), source="t.yaml")
