"""Schema coverage: collisions, recursion across modules, unions, maps, const, odd enums, formats — built and used."""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import json
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest
from genutil import api, build, imported
from servers import LocalServer, Reply, Request

SCHEMAS = {
    "Video": {
        "type": "object",
        "properties": {"foo-bar": {"type": "integer"}, "foo_bar": {"type": "string"}, "Foo Bar": {"type": "boolean"}},
    },
    "video": {"type": "object", "properties": {"x": {"type": "integer"}}},
    "Node": {
        "type": "object",
        "required": ["value"],
        "properties": {
            "value": {"type": "integer"},
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            "other": {"$ref": "#/components/schemas/Other"},
        },
    },
    "Other": {"type": "object", "properties": {"back": {"$ref": "#/components/schemas/Node"}}},
    "Cat": {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string", "const": "cat"}, "meow": {"type": "boolean"}},
    },
    "Dog": {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string", "const": "dog"}, "bark": {"type": "boolean"}},
    },
    "Pet": {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
        "discriminator": {"propertyName": "kind"},
    },
    "Bag": {
        "type": "object",
        "properties": {
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
        },
    },
}
PATHS = {
    "/bags/": {
        "post": {
            "operationId": "bags_create",
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Bag"}}},
            },
            "responses": {
                "201": {
                    "description": "",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}},
                }
            },
        }
    }
}


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
        bag = pkg.types.Bag.model_validate(
            {
                "pet": {"kind": "dog", "bark": True},
                "counts": {"a": 1},
                "anything": [1, "x"],
                "when": "2024-06-28T12:00:00Z",
                "day": "2024-06-28",
                "uid": "123e4567-e89b-12d3-a456-426614174000",
                "price": "1.50",
                "site": "https://example.com/a b",
                "ordering": None,
                "level": 2,
                "mixed": 1,
            }
        )
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


MEDIA_SPEC = api(
    {
        "/notes/": {
            "post": {
                "operationId": "notes_create",
                "tags": ["notes"],
                "requestBody": {
                    "required": True,
                    "content": {
                        media: {"schema": {"$ref": "#/components/schemas/NoteRequest"}}
                        for media in ("application/json", "application/x-www-form-urlencoded", "multipart/form-data")
                    }
                    | {"text/plain": {"schema": {"type": "string"}}},
                },
                "responses": {"204": {"description": "stored"}},
            }
        }
    },
    {
        "NoteRequest": {
            "type": "object",
            "required": ["title"],
            "properties": {"title": {"type": "string"}, "stars": {"type": "integer"}},
        }
    },
)


@contextlib.contextmanager
def client_and_requests(spec: dict[str, Any], tmp_path: Path) -> Iterator[tuple[Any, list[Request]]]:
    """A client built from ``spec``, talking to a local server that records every request (answers 204)."""
    result = build(spec, tmp_path)
    assert result.exit_code == 0, result.stderr
    seen: list[Request] = []

    def handler(request: Request) -> Reply:
        seen.append(request)
        return Reply(204)

    with LocalServer(handler) as server, imported(result.output) as pkg:
        yield pkg.Demo(api_key="k", base_url=server.url, max_retries=0), seen


def test_a_body_offered_in_several_media_types_can_be_sent_in_each(tmp_path: Path) -> None:
    with client_and_requests(MEDIA_SPEC, tmp_path) as (client, seen):
        client.notes.create(title="a b", stars=3)
        client.notes.create(title="a b", stars=3, media_type="application/x-www-form-urlencoded")
        client.notes.create(title="a b", media_type="multipart/form-data")
    kinds = [r.headers["Content-Type"].split(";")[0] for r in seen]
    assert kinds == ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"]
    assert json.loads(seen[0].body) == {"title": "a b", "stars": 3}
    assert seen[1].body == b"title=a+b&stars=3"
    assert b'name="title"' in seen[2].body and b"a b" in seen[2].body
    # a media type with another schema stays out of the choice (it is recorded, and named in the report)
    source = (tmp_path / "out" / "demo" / "resources" / "notes.py").read_text()
    assert "text/plain" not in source.split("def create", 1)[1].split('"""', 1)[0]


STYLED_PATHS = api(
    {
        "/a/{label}/b/{matrix}/c/{ids}/d/{exploded}/": {
            "get": {
                "operationId": "styled_retrieve",
                "tags": ["styled"],
                "parameters": [
                    {"name": "label", "in": "path", "required": True, "style": "label", "schema": {"type": "string"}},
                    {
                        "name": "matrix",
                        "in": "path",
                        "required": True,
                        "style": "matrix",
                        "schema": {"type": "integer"},
                    },
                    {
                        "name": "ids",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "array", "items": {"type": "integer"}},
                    },
                    {
                        "name": "exploded",
                        "in": "path",
                        "required": True,
                        "style": "matrix",
                        "explode": True,
                        "schema": {"type": "array", "items": {"type": "string"}},
                    },
                ],
                "responses": {"204": {"description": "ok"}},
            }
        }
    }
)


def test_path_parameters_are_serialized_in_their_style(tmp_path: Path) -> None:
    with client_and_requests(STYLED_PATHS, tmp_path) as (client, seen):
        client.styled.retrieve("x y", 5, [1, 2], ["p", "q"])
        with pytest.raises(ValueError):
            client.styled.retrieve("ok", 5, [1, 2], ["p", "../q"])  # each item stays one segment
    assert [r.path for r in seen] == ["/a/.x%20y/b/;matrix=5/c/1,2/d/;exploded=p;exploded=q/"]


PETS_BY_KIND = api(
    {
        "/pets/{id}/": {
            "get": {
                "operationId": "pets_retrieve",
                "tags": ["pets"],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AnyPet"}}},
                    }
                },
            }
        },
        "/owners/{id}/": {
            "get": {
                "operationId": "owners_retrieve",
                "tags": ["owners"],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Owner"}}},
                    }
                },
            }
        },
    },
    {
        # both shapes accept any object: only the discriminator can tell them apart
        "Cat": {"type": "object", "properties": {"kind": {"type": "string"}, "name": {"type": "string"}}},
        "Dog": {
            "type": "object",
            "properties": {"kind": {"type": "string"}, "name": {"type": "string"}, "barks": {"type": "boolean"}},
        },
        "AnyPet": {
            "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
            "discriminator": {"propertyName": "kind", "mapping": {"puppy": "#/components/schemas/Dog"}},
        },
        "Owner": {"type": "object", "properties": {"pet": {"$ref": "#/components/schemas/AnyPet"}}},
    },
)


def test_a_discriminator_mapping_chooses_the_option(tmp_path: Path) -> None:
    replies = {
        "/pets/1/": {"kind": "Dog", "name": "rex"},  # implicit: the component name
        "/pets/2/": {"kind": "puppy", "name": "bo"},  # explicit mapping
        "/pets/3/": {"kind": "Cat", "name": "tom"},
        "/owners/1/": {"pet": {"kind": "puppy", "name": "bo"}},
        "/pets/4/": {"kind": "parrot", "name": "polly"},  # a kind the document does not know
    }
    result = build(PETS_BY_KIND, tmp_path)
    assert result.exit_code == 0, result.stderr

    def handler(request: Request) -> Reply:
        return Reply(200, json.dumps(replies[request.path]).encode(), {"Content-Type": "application/json"})

    with LocalServer(handler) as server, imported(result.output) as pkg:
        client = pkg.Demo(api_key="k", base_url=server.url, max_retries=0)
        assert type(client.pets.retrieve(1)).__name__ == "Dog"
        assert type(client.pets.retrieve(2)).__name__ == "Dog"
        assert type(client.pets.retrieve(3)).__name__ == "Cat"
        assert type(client.owners.retrieve(1).pet).__name__ == "Dog"
        assert pkg.types.Owner(pet=pkg.types.Dog(kind="Dog")).pet.kind == "Dog"  # instances keep their class
        assert client.pets.retrieve(4).name == "polly"  # an unknown value: the options are tried in turn
