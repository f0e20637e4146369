"""Swagger 2.0 documents are converted to OpenAPI 3.0 in memory: build, validate, diff and mock accept them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from genutil import CORPUS, build, imported, needs_shared, run_cli

from generator.errors import GeneratorError, Level
from generator.mock.server import MockServer
from generator.spec.load import load_bytes, load_document
from generator.spec.swagger2 import convert, rewritten_ref, source_pointer
from generator.spec.validate import validate_document

HERE = Path(__file__).resolve().parent / "documents" / "swagger2"
FEATURES = HERE / "features.yaml"


@pytest.fixture(scope="module")
def features() -> Any:
    return load_document(FEATURES)


def test_servers_come_from_host_base_path_and_schemes_https_first(features: Any) -> None:
    assert features.data["openapi"] == "3.0.3"
    assert features.data["servers"] == [
        {"url": "https://kennel.example.com/v1"},
        {"url": "http://kennel.example.com/v1"},
    ]
    assert features.original["swagger"] == "2.0"


def test_definitions_parameters_responses_become_components_and_refs_follow(features: Any) -> None:
    components = features.data["components"]
    assert set(components["schemas"]) == {"NewDog", "Dog", "Owner", "Photo", "Error"}
    assert components["schemas"]["Dog"]["allOf"][0] == {"$ref": "#/components/schemas/NewDog"}
    assert components["parameters"] == {
        "limitParam": {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 20, "minimum": 1}}
    }
    assert "dogBody" not in components["parameters"]  # a body parameter is a request body, folded in where used
    assert components["responses"]["NotFound"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    get = features.data["paths"]["/dogs/{dogId}"]["get"]
    assert get["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}


def test_body_and_form_parameters_become_request_bodies_per_consumes(features: Any) -> None:
    paths = features.data["paths"]
    create = paths["/dogs"]["post"]
    assert "parameters" not in create
    assert create["requestBody"] == {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewDog"}}},
    }
    assert list(create) == ["operationId", "requestBody", "responses"]
    upload = paths["/dogs/{dogId}/photo"]["post"]
    assert [p["name"] for p in upload["parameters"]] == ["dogId"]
    assert upload["requestBody"]["content"] == {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"caption": {"type": "string"}, "file": {"type": "string", "format": "binary"}},
                "required": ["file"],
            }
        }
    }
    rename = paths["/dogs/{dogId}/rename"]["post"]["requestBody"]["content"]
    assert list(rename) == ["application/x-www-form-urlencoded"]
    assert rename["application/x-www-form-urlencoded"]["encoding"] == {"aliases": {"style": "form", "explode": False}}


def test_produces_gives_the_response_media_types_and_examples(features: Any) -> None:
    paths = features.data["paths"]
    ok = paths["/dogs"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["example"] == [{"id": 1, "name": "Rex"}]
    assert ok["headers"] == {"X-Total": {"schema": {"type": "integer"}, "description": "how many there are"}}
    report = paths["/report"]["get"]["responses"]["200"]["content"]
    assert report == {"text/csv": {"schema": {"type": "string", "format": "binary"}}}  # type: file
    assert "content" not in paths["/dogs/{dogId}"]["delete"]["responses"]["204"]


def test_collection_formats_become_style_and_explode(features: Any) -> None:
    params = {p.get("name"): p for p in features.data["paths"]["/dogs"]["get"]["parameters"]}
    assert (params["tags"]["style"], params["tags"]["explode"]) == ("form", True)  # multi
    assert (params["ids"]["style"], params["ids"]["explode"]) == ("pipeDelimited", False)
    assert (params["fields"]["style"], params["fields"]["explode"]) == ("form", False)  # tsv: no equivalent
    assert params["X-Trace"]["example"] == "abc"  # x-example
    path_param = features.data["paths"]["/dogs/{dogId}"]["parameters"][0]
    assert path_param == {
        "name": "dogId",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "format": "int64"},
    }


def test_security_definitions_become_security_schemes(features: Any) -> None:
    schemes = features.data["components"]["securitySchemes"]
    assert schemes["basicAuth"] == {"type": "http", "scheme": "basic"}
    assert schemes["tokenAuth"] == {
        "type": "apiKey",
        "name": "Authorization",
        "in": "header",
        "description": "Token <key>",
    }
    flows = {name: next(iter(s["flows"])) for name, s in schemes.items() if s["type"] == "oauth2"}
    assert flows == {
        "implicitAuth": "implicit",
        "passwordAuth": "password",
        "appAuth": "clientCredentials",
        "codeAuth": "authorizationCode",
    }
    assert schemes["codeAuth"]["flows"]["authorizationCode"]["tokenUrl"] == "https://kennel.example.com/oauth/token"
    assert features.data["security"] == [{"tokenAuth": []}]


def test_x_nullable_becomes_nullable(features: Any) -> None:
    nickname = features.data["components"]["schemas"]["NewDog"]["properties"]["nickname"]
    assert nickname == {"type": "string", "nullable": True}


def test_conversion_findings_are_located_warnings_in_the_text_as_written(features: Any) -> None:
    [finding] = features.conversion_findings
    assert finding.level is Level.WARNING
    assert finding.pointer == "/paths/~1dogs/get/parameters/3/collectionFormat"
    assert FEATURES.read_text().splitlines()[finding.line - 1].strip() == "collectionFormat: tsv"
    found = validate_document(features)
    assert [d for d in found if d.level is Level.ERROR] == []
    assert finding.message in [d.message for d in found]


def test_findings_on_the_converted_document_point_at_the_2_0_lines(features: Any) -> None:
    lines = FEATURES.read_text().splitlines()
    assert lines[features.line_of("/components/schemas/Owner") - 1].strip() == "Owner:"
    body = features.line_of("/paths/~1dogs~1{dogId}~1photo/post/requestBody/content/multipart~1form-data/schema")
    assert lines[body - 1].strip() == "- name: caption"
    assert source_pointer({"/components/schemas": "/definitions"}, "/components/schemas/A/x") == "/definitions/A/x"


def test_the_2_0_validator_reports_what_the_2_0_schema_forbids_as_warnings() -> None:
    text = (
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      responses:\n        '200': {description: ok}\n      bogus: 1\n"
    )
    doc = load_bytes(text.encode(), source="doc.yaml")
    found = validate_document(doc)
    assert not [d for d in found if d.level is Level.ERROR]
    assert [d.format() for d in found] == [
        "doc.yaml#/paths/~1a/get (line 5): warning: Swagger 2.0: 'bogus' does not match any of the regexes: '^x-'"
    ]


def test_refs_are_rewritten_and_unsupported_versions_refused() -> None:
    assert rewritten_ref("#/definitions/A") == "#/components/schemas/A"
    assert rewritten_ref("#/parameters/p") == "#/components/parameters/p"
    assert rewritten_ref("#/responses/r") == "#/components/responses/r"
    assert rewritten_ref("other.yaml#/definitions/A") == "other.yaml#/components/schemas/A"
    assert rewritten_ref("#/components/schemas/A") == "#/components/schemas/A"
    with pytest.raises(GeneratorError, match="unsupported Swagger version '1.2'"):
        load_bytes(b'{"swagger": "1.2", "info": {}, "paths": {}}', source="old.json")
    original = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {}, "definitions": {"A": {}}}
    convert(original)
    assert "definitions" in original  # the original is left as it was


def test_a_structurally_broken_2_0_document_is_refused_with_its_line(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: nope\n")
    code, _out, err = run_cli("validate", str(spec))
    assert code == 2
    assert "#/paths/~1a/get/responses (line 6): error:" in err


def test_a_2_0_document_builds_imports_and_its_stub_tests_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no project settings: the client's default server is the document's
    result = build(FEATURES, tmp_path, package="kennel")
    assert result.exit_code == 0, result.stderr
    report = json.loads((result.output / "spiritme-gen.json").read_text())
    assert report["skipped"] == []
    with imported(result.output, "kennel") as kennel:
        client = kennel.Kennel(api_key="k")
        assert str(client.base_url).rstrip("/") == "https://kennel.example.com/v1"
        client.close()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "tests"],
        cwd=result.output,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_the_mock_plays_a_2_0_document(tmp_path: Path) -> None:
    with MockServer.from_spec(FEATURES, port=0) as server:
        assert server.url.endswith("/v1")
        assert httpx.get(server.url + "/dogs").status_code == 401
        created = httpx.post(server.url + "/dogs", headers={"Authorization": "Token x"}, json={"name": "Rex"})
        assert created.status_code == 201, created.text
        assert created.json()["name"] == "Rex"
        refused = httpx.post(server.url + "/dogs", headers={"Authorization": "Token x"}, json={})
        assert refused.status_code == 400


@needs_shared
def test_diff_of_the_2_0_petstore_and_its_hand_made_3_0_equivalent_is_empty() -> None:
    code, out, err = run_cli(
        "diff", str(CORPUS / "oai-swagger2-petstore.json"), str(HERE / "oai-petstore-3.0.yaml"), "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out)["changes"] == []


def test_diff_reports_a_real_change_between_2_0_and_3_0(tmp_path: Path) -> None:
    old = load_document(FEATURES)
    changed = json.loads(json.dumps(old.data))
    del changed["paths"]["/report"]
    changed["info"]["version"] = "2.0.0"  # a breaking change comes with a new version
    (tmp_path / "new.json").write_text(json.dumps(changed))
    code, out, err = run_cli("diff", str(FEATURES), str(tmp_path / "new.json"), "--format", "json")
    assert code == 0, err
    assert [c["id"] for c in json.loads(out)["changes"]] == ["api-path-removed-without-deprecation"]


def test_path_level_body_parameters_discriminators_and_global_form_parameters() -> None:
    original = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "parameters": {"note": {"name": "note", "in": "formData", "type": "string", "required": True}},
        "paths": {
            "/things/{id}": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "type": "string"},
                    {"name": "thing", "in": "body", "schema": {"$ref": "#/definitions/Thing"}},
                ],
                "put": {"responses": {"204": {"description": "done"}}},
                "post": {
                    "consumes": ["application/x-www-form-urlencoded"],
                    "parameters": [{"$ref": "#/parameters/note"}],
                    "responses": {"200": {"description": "ok"}},
                },
            },
            "/notes": {
                "post": {
                    "consumes": ["application/x-www-form-urlencoded"],
                    "parameters": [{"$ref": "#/parameters/note"}],
                    "schemes": ["http"],
                    "responses": {"200": {"description": "ok"}},
                },
            },
        },
        "definitions": {
            "Thing": {"type": "object", "discriminator": "kind", "properties": {"kind": {"type": "string"}}}
        },
    }
    converted = convert(original)
    item = converted.data["paths"]["/things/{id}"]
    assert [p["name"] for p in item["parameters"]] == ["id"]
    assert item["put"]["requestBody"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
    }
    # the path's body parameter applies to every operation: formData beside it is not Swagger 2.0
    assert item["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"] == {
        "$ref": "#/components/schemas/Thing"
    }
    notes = converted.data["paths"]["/notes"]["post"]["requestBody"]["content"]
    assert notes["application/x-www-form-urlencoded"]["schema"]["required"] == ["note"]
    assert converted.data["components"]["schemas"]["Thing"]["discriminator"] == {"propertyName": "kind"}
    assert "parameters" not in converted.data["components"]  # a formData parameter is folded in where used
    assert [d.pointer for d in converted.findings] == [
        "/paths/~1things~1{id}/post",
        "/paths/~1notes/post/schemes",
    ]
