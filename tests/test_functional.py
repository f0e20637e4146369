"""Build small inline documents, import the result and call it against a real server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from genutil import api, build, imported, tree
from servers import LocalServer, Reply, Request

PET = {
    "type": "object",
    "required": ["id", "name", "status"],
    "properties": {
        "id": {"type": "integer", "readOnly": True},
        "name": {"type": "string", "maxLength": 5},
        "status": {"$ref": "#/components/schemas/PetStatus"},
        "class": {"type": "string", "nullable": True},
        "model_config": {"type": "string"},
        "born": {"type": "string", "format": "date-time"},
        "tags": {"type": "object", "additionalProperties": {"type": "integer"}},
        "parent": {"allOf": [{"$ref": "#/components/schemas/Pet"}], "nullable": True},
    },
}
SCHEMAS = {
    "Pet": PET,
    "PetStatus": {"type": "string", "enum": ["available", "sold"]},
    "Base": {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
    "Both": {
        "allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "properties": {"b": {"type": "integer"}}}]
    },
    "Shape": {"oneOf": [{"$ref": "#/components/schemas/Base"}, {"type": "integer"}]},
}
PATHS = {
    "/pets/": {
        "get": {
            "operationId": "pets_list",
            "tags": ["pets"],
            "parameters": [
                {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                {"name": "offset", "in": "query", "schema": {"type": "integer"}},
            ],
            "responses": {
                "200": {
                    "description": "",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "count": {"type": "integer"},
                                    "next": {"type": "string", "nullable": True},
                                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
                                },
                            }
                        }
                    },
                }
            },
        },
        "post": {
            "operationId": "pets_create",
            "tags": ["pets"],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}},
            },
            "responses": {
                "201": {
                    "description": "",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}},
                }
            },
        },
    },
    "/pets/{pet id}/": {
        "get": {
            "operationId": "pets_retrieve",
            "tags": ["pets"],
            "parameters": [{"name": "pet id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {
                    "description": "",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Both"}}},
                }
            },
        },
        "delete": {
            "operationId": "pets_destroy",
            "tags": ["pets"],
            "parameters": [{"name": "pet id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"204": {"description": ""}},
        },
    },
}


def pet_json(i: int, **extra: Any) -> dict[str, Any]:
    return {"id": i, "name": f"p{i}", "status": "available", **extra}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = build(api(PATHS, SCHEMAS), tmp_path_factory.mktemp("demo"))
    assert result.exit_code == 0, result.stderr
    return result.output


def test_request_split_lenient_response_and_names(demo: Path) -> None:
    with imported(demo) as pkg:
        types = pkg.types
        # readOnly `id` is not part of the request model; the response model keeps it
        assert "id" not in types.PetRequest.model_fields and "id" in types.Pet.model_fields
        # hostile names keep their wire names
        assert types.Pet.model_fields["class_"].alias == "class"
        assert types.Pet.model_fields["model_config_"].alias == "model_config"
        pet = types.Pet.model_validate(pet_json(1, name="far too long", status="adopted", tags={"x": 1}))
        assert pet.name == "far too long"  # response models do not enforce maxLength
        assert pet.status == "adopted" and isinstance(pet.status, types.PetStatus)  # unknown enum value kept
        with pytest.raises(Exception):
            types.PetRequest.model_validate({"name": "far too long", "status": "sold"})
        both = types.Both.model_validate({"a": "x", "b": 2})
        assert (both.a, both.b) == ("x", 2)  # allOf merged


def test_calls_against_a_local_server(demo: Path) -> None:
    seen: list[Request] = []

    def handler(request: Request) -> Reply:
        seen.append(request)
        if request.method == "POST":
            body = json.loads(request.body)
            return Reply(201, json.dumps(pet_json(7, **body)).encode(), {"Content-Type": "application/json"})
        if request.method == "DELETE":
            return Reply(204)
        if request.path.startswith("/pets/a%20b/"):
            return Reply(200, b'{"a": "x"}', {"Content-Type": "application/json"})
        offset = int(dict(request.query).get("offset", 0))
        nxt = f"{server.url}/pets/?limit=2&offset={offset + 2}" if offset < 4 else None
        page = {"count": 6, "next": nxt, "results": [pet_json(offset + 1), pet_json(offset + 2)]}
        return Reply(200, json.dumps(page).encode(), {"Content-Type": "application/json"})

    with LocalServer(handler) as server, imported(demo) as pkg:
        client = pkg.Demo(api_key="secret-key", base_url=server.url, max_retries=0)
        created = client.pets.create(name="rex", status=pkg.types.PetStatus.SOLD, class_=None)
        sent = json.loads(seen[-1].body)
        assert sent == {"name": "rex", "status": "sold", "class": None}  # NOT_GIVEN fields are not sent
        assert seen[-1].headers["Authorization"] == "Token secret-key"
        assert created.id == 7
        assert [p.id for p in client.pets.list(limit=2)] == [1, 2, 3, 4, 5, 6]  # three pages
        assert client.pets.retrieve("a b").a == "x"
        assert client.pets.delete("a b") is None
        with pytest.raises(ValueError):
            client.pets.retrieve("../users/current")
        assert all(r.path.startswith("/pets/") for r in seen)
        assert "secret-key" not in repr(client)


async def test_async_client(demo: Path) -> None:
    def handler(request: Request) -> Reply:
        return Reply(
            200,
            json.dumps({"count": 1, "next": None, "results": [pet_json(1)]}).encode(),
            {"Content-Type": "application/json"},
        )

    with LocalServer(handler) as server, imported(demo) as pkg:
        async with pkg.AsyncDemo(api_key="k", base_url=server.url) as client:
            assert [p.id async for p in client.pets.list()] == [1]


def test_the_same_api_in_two_dialects_gives_byte_identical_trees(tmp_path: Path) -> None:
    """3.0 JSON with ``nullable`` and 3.1 YAML with type arrays and ``examples``: one output."""
    doc30 = api(PATHS, SCHEMAS)
    doc31 = json.loads(json.dumps(doc30))
    doc31["openapi"] = "3.1.0"

    def to_31(node: Any) -> None:
        if isinstance(node, dict):
            if node.pop("nullable", False):
                if "type" in node:
                    node["type"] = [node["type"], "null"]
                else:
                    node["anyOf"] = (
                        [{"allOf": node.pop("allOf")}, {"type": "null"}] if "allOf" in node else [{"type": "null"}]
                    )
            for v in node.values():
                to_31(v)
        elif isinstance(node, list):
            for v in node:
                to_31(v)

    to_31(doc31["components"])
    to_31(doc31["paths"])
    a = build(doc30, tmp_path / "a")
    b = build(yaml.safe_dump(doc31, sort_keys=False), tmp_path / "b")
    assert a.exit_code == 0 and b.exit_code == 0, a.stderr + b.stderr
    ta, tb = tree(a.output), tree(b.output)
    ta.pop("spiritme-gen.json")
    tb.pop("spiritme-gen.json")
    assert ta == tb


def test_hostile_names_and_text_become_safe_code(tmp_path: Path) -> None:
    evil = '"""; import os; os.system("touch pwned") #\u202e\u200b'
    doc = api(
        {
            "/x/{id}/": {
                "post": {
                    "operationId": "../../evil",
                    "tags": ["../../../etc", "class"],
                    "summary": evil,
                    "description": evil + "\\",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "import", "in": "query", "schema": {"type": "string", "default": evil}},
                    ],
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Evil"}}}},
                    "responses": {
                        "200": {
                            "description": evil,
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Evil"}}},
                        }
                    },
                }
            }
        },
        {
            "Evil": {
                "type": "object",
                "title": evil,
                "description": evil,
                "properties": {
                    evil: {"type": "string", "description": evil, "default": evil, "pattern": evil},
                    "self": {"type": "string", "enum": [evil, "1x", ""]},
                    "__init__": {"type": "integer"},
                },
            },
            "../../Evil Name": {"type": "object", "properties": {"a": {"type": "string"}}},
        },
    )
    doc["info"]["title"] = evil
    result = build(doc, tmp_path)
    assert result.exit_code == 0, result.stderr
    files = tree(result.output)
    assert all(not Path(p).is_absolute() and ".." not in Path(p).parts for p in files)
    assert not (tmp_path / "etc").exists() and not list(tmp_path.rglob("pwned"))
    for path, data in files.items():
        text = data.decode()
        assert "\u202e" not in text and "\u200b" not in text, path
        if path.endswith(".py"):
            compile(text, path, "exec")
    with imported(result.output) as pkg:
        assert hasattr(pkg, "Demo")
    assert not list(tmp_path.rglob("pwned"))


def test_a_tag_named_like_the_client_does_not_shadow_it(tmp_path: Path) -> None:
    paths = {
        "/things/": {
            "get": {"operationId": "things_list", "tags": ["things"], "responses": {"200": {"description": "ok"}}}
        }
    }
    result = build(api(paths), tmp_path, package="things")
    assert result.exit_code == 0, result.stderr
    with imported(result.output, "things") as pkg:
        client = pkg.Things(api_key="k", base_url="http://127.0.0.1:9")
        assert type(client.things).__name__ == "ThingsResource"
