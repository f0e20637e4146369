"""The load stage: JSON/YAML into plain data, within bounds, with the $ref policy enforced."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]
from genutil import shared_documents

from generator.errors import GeneratorError
from generator.spec.load import load_bytes, load_document
from generator.spec.yamldata import MAX_DEPTH

BROKEN = Path(__file__).parent / "broken"
EXPECTED: dict[str, dict[str, Any]] = json.loads((BROKEN / "expected.json").read_text())
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CORPUS = SHARED / "corpus"

MINIMAL_YAML = """\
openapi: 3.0.3
info:
  title: Minimal
  version: 1.0.0
paths:
  /api/videos/{id}/:
    get:
      responses:
        200:
          description: OK
"""


def refusal(raw: bytes, source: str = "spec.yaml", **options: Any) -> str:
    with pytest.raises(GeneratorError) as caught:
        load_bytes(raw, source=source, **options)
    (line,) = str(caught.value).splitlines()
    return line


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["stage"] == "load"))
def test_broken_documents_are_refused_with_one_located_line(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = EXPECTED[name]
    relative = f"tests/broken/{name}"
    monkeypatch.chdir(BROKEN.parents[1])
    with pytest.raises(GeneratorError) as caught:
        load_document(relative, **expected.get("options", {}))
    lines = str(caught.value).splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(relative)
    assert expected["message_contains"] in lines[0]
    assert caught.value.exit_code == expected["exit_code"]


def test_every_case_in_the_broken_folder_has_an_expectation() -> None:
    files = {p.name for p in BROKEN.iterdir() if p.is_file()} - {
        "expected.json",
        "README.md",
    }
    assert files == set(EXPECTED)


def test_json_and_yaml_give_the_same_data() -> None:
    from_yaml = load_bytes(MINIMAL_YAML.encode(), source="a.yaml")
    as_json = json.dumps(from_yaml.data, indent=2).encode()
    from_json = load_bytes(as_json, source="a.json")
    assert from_yaml.is_yaml and not from_json.is_yaml
    assert from_json.data == from_yaml.data
    assert from_yaml.sha256 != from_json.sha256
    assert from_json.raw == as_json


def test_keys_keep_their_text_and_dates_stay_strings() -> None:
    doc = load_bytes(
        b"openapi: 3.0.3\n200: a\non: b\ntrue: c\n1.50: d\n~: e\n"
        b"when: 2024-01-02\ncount: 0x10\nflag: yes\nnothing: ~\nratio: 1.5\n",
        source="k.yaml",
    )
    assert doc.data == {
        "openapi": "3.0.3",
        "200": "a",
        "on": "b",
        "true": "c",
        "1.50": "d",
        "~": "e",
        "when": "2024-01-02",
        "count": 16,
        "flag": True,
        "nothing": None,
        "ratio": 1.5,
    }


def test_duplicate_keys_last_wins_and_merge_keys_apply() -> None:
    doc = load_bytes(
        b"openapi: 3.0.3\na: 1\na: 2\nbase: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n",
        source="d.yaml",
    )
    assert doc.data["a"] == 2
    assert doc.data["m"] == {"x": 1, "y": 3}


@pytest.mark.shared
def test_yaml_matches_pyyaml_safe_loader_on_real_documents() -> None:
    class NoTimestamps(yaml.SafeLoader):  # type: ignore[misc, unused-ignore]
        pass

    NoTimestamps.yaml_implicit_resolvers = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    for path in (
        CORPUS / "typesense.yml",
        SHARED / "upstream" / "spiritme-openapi.yaml",
    ):
        expected = yaml.load(path.read_bytes(), Loader=NoTimestamps)
        assert load_document(path).data == stringified_keys(expected)


def stringified_keys(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): stringified_keys(v) for k, v in node.items()}
    if isinstance(node, list):
        return [stringified_keys(v) for v in node]
    return node


def test_line_of_points_at_the_key_or_item() -> None:
    doc = load_bytes(MINIMAL_YAML.encode(), source="m.yaml")
    assert doc.line_of("/paths/~1api~1videos~1{id}~1/get") == 7
    assert doc.line_of("/paths/~1api~1videos~1{id}~1/get/responses/200/description") == 10
    assert doc.line_of("/info/version") == 4
    # a place that is not in the text: its nearest ancestor that is
    assert doc.line_of("/paths/~1api~1videos~1{id}~1/get/requestBody") == 7
    listed = load_bytes(b"openapi: 3.0.3\ntags:\n  - name: a\n  - name: b\n", source="t.yaml")
    assert listed.line_of("/tags/1/name") == 4


def test_line_of_pretty_json_and_none_for_one_line_json() -> None:
    pretty = json.dumps({"openapi": "3.0.3", "paths": {"/a": {}}}, indent=2).encode()
    assert load_bytes(pretty, source="p.json").line_of("/paths/~1a") == 4
    one_line = json.dumps({"openapi": "3.0.3", "paths": {"/a": {}}}).encode()
    assert load_bytes(one_line, source="p.json").line_of("/paths/~1a") is None


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a": ' * 5000 + b"1" + b"}" * 5000,  # beyond json's own recursion limit
        b'{"a": ' * (MAX_DEPTH + 5) + b"1" + b"}" * (MAX_DEPTH + 5),  # within it
        b"a: " + b"[" * 5000 + b"]" * 5000,
        b"".join(b" " * i + b"k:\n" for i in range(MAX_DEPTH + 5)) + b" " * 300 + b"v\n",
    ],
    ids=["json-5000", "json-past-limit", "yaml-flow-5000", "yaml-block-past-limit"],
)
def test_deep_nesting_is_refused_with_a_message(raw: bytes) -> None:
    assert "nesting" in refusal(raw)


def test_shared_parts_count_as_often_as_they_appear() -> None:
    # an anchor used a few times is fine
    doc = load_bytes(
        b"openapi: 3.0.3\nx-base: &b {type: string}\nx-a: *b\nx-c: *b\n",
        source="a.yaml",
    )
    assert doc.data["x-a"] is doc.data["x-c"]
    # ten levels of ten aliases is not
    lines = ["openapi: 3.0.3", 'x0: &a0 ["lol", "lol"]']
    lines += [f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    assert "aliases expand" in refusal("\n".join(lines).encode())


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "the document is empty"),
        (b"  \n# only a comment\n", "the document is empty"),
        (b"- a\n- b\n", "a list, not a mapping"),
        (b'"just text"', "a string, not a mapping"),
        (b"a: \xff\n", "not UTF-8"),
        (b"? [a, b]\n: 1\n", "a mapping key must be a scalar"),
        (b"a: !!binary aGk=\n", "unsupported YAML tag !!binary"),
        (b"a: *undefined\n", "YAML alias *undefined is not defined"),
        (b'{"a": 1,,}', "invalid JSON"),
        (b"a: 'unterminated\n", "invalid YAML"),
    ],
)
def test_malformed_input_gives_one_clean_line(raw: bytes, message: str) -> None:
    line = refusal(raw, "x.json" if raw.startswith(b"{") else "x.yaml")
    assert message in line
    assert "error:" in line


def test_size_limit_applies_to_bytes_and_files(tmp_path: Path) -> None:
    assert "larger than the limit of 10 bytes" in refusal(b"openapi: 3.0.3\n", max_bytes=10)
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL_YAML)
    with pytest.raises(GeneratorError, match="larger than the limit"):
        load_document(spec, max_bytes=100)
    assert load_document(spec).data["openapi"] == "3.0.3"


def test_unreadable_paths_are_clean_errors(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError, match="no such file"):
        load_document(tmp_path / "missing.yaml")
    with pytest.raises(GeneratorError, match="is a directory"):
        load_document(tmp_path)


def test_utf8_bom_is_accepted() -> None:
    doc = load_bytes(b"\xef\xbb\xbfopenapi: 3.0.3\n", source="bom.yaml")
    assert doc.data == {"openapi": "3.0.3"}


# ----------------------------------------------------------------------------- $ref policy


def write_spec(folder: Path, schemas: dict[str, Any], name: str = "spec.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
    path = folder / name
    path.write_text(yaml.safe_dump(doc))
    return path


@pytest.mark.parametrize(
    "ref",
    [
        "http://example.com/x.json",
        "https://example.com/x.yaml#/X",
        "file:///etc/passwd",
        "ftp://h/x",
    ],
)
def test_url_refs_are_refused_naming_the_pointer(tmp_path: Path, ref: str) -> None:
    spec = write_spec(tmp_path, {"A": {"properties": {"b": {"$ref": ref}}}})
    with pytest.raises(GeneratorError) as caught:
        load_document(spec, allow_file_refs=True)
    diagnostic = caught.value.diagnostics[0]
    assert diagnostic.pointer == "/components/schemas/A/properties/b/$ref"
    assert diagnostic.line is not None
    assert "points outside the document" in diagnostic.message


def test_file_refs_need_permission(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, {"Pet": {"$ref": "parts/pet.yaml#/Pet"}})
    with pytest.raises(GeneratorError, match="--allow-file-refs"):
        load_document(spec)


def test_allowed_file_refs_are_bundled_inline(tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "pet.yaml").write_text(
        "Pet:\n  type: object\n  properties:\n    tag: {$ref: '#/Tag'}\n    owner: {$ref: './owner.json'}\n"
        "Tag: {type: string}\n"
    )
    (parts / "owner.json").write_text('{"type": "object", "properties": {"name": {"type": "string"}}}')
    spec = write_spec(
        tmp_path,
        {
            "Pet": {"$ref": "parts/pet.yaml#/Pet"},
            "Local": {"$ref": "#/components/schemas/Pet"},
        },
    )
    doc = load_document(spec, allow_file_refs=True)
    pet = doc.data["components"]["schemas"]["Pet"]
    assert pet["properties"]["tag"] == {"type": "string"}
    assert pet["properties"]["owner"]["properties"]["name"] == {"type": "string"}
    # internal refs of the main document stay refs
    assert doc.data["components"]["schemas"]["Local"] == {"$ref": "#/components/schemas/Pet"}
    assert [name for name, _ in doc.bundled] == ["parts/owner.json", "parts/pet.yaml"]
    assert "$ref" not in json.dumps(pet)


def test_file_ref_cycles_are_hoisted_into_the_component_that_refers_to_them(tmp_path: Path) -> None:
    (tmp_path / "node.yaml").write_text("Node:\n  properties:\n    next: {$ref: '#/Node'}\n")
    spec = write_spec(tmp_path, {"Node": {"$ref": "node.yaml#/Node"}})
    doc = load_document(spec, allow_file_refs=True)
    assert doc.data["components"]["schemas"]["Node"] == {"properties": {"next": {"$ref": "#/components/schemas/Node"}}}


def test_file_refs_cannot_leave_the_spec_folder(tmp_path: Path) -> None:
    (tmp_path / "outside.yaml").write_text("X: {type: string}\n")
    spec = write_spec(tmp_path / "spec", {"X": {"$ref": "../outside.yaml#/X"}})
    with pytest.raises(GeneratorError, match="leads outside the spec's folder"):
        load_document(spec, allow_file_refs=True)


def test_file_refs_cannot_leave_through_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "outside.yaml").write_text("X: {type: string}\n")
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "inside.yaml").symlink_to(tmp_path / "outside.yaml")
    spec = write_spec(folder, {"X": {"$ref": "inside.yaml#/X"}})
    with pytest.raises(GeneratorError, match="leads outside the spec's folder"):
        load_document(spec, allow_file_refs=True)


def test_file_refs_from_bytes_need_a_folder() -> None:
    raw = b"openapi: 3.0.3\ncomponents:\n  schemas:\n    X: {$ref: 'x.yaml'}\n"
    assert "not read from a folder" in refusal(raw, allow_file_refs=True)


def test_missing_file_target_is_a_clean_error(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, {"X": {"$ref": "nothing.yaml#/X"}})
    with pytest.raises(GeneratorError, match="no such file"):
        load_document(spec, allow_file_refs=True)


def test_refs_inside_example_data_and_id_refs_are_left_alone() -> None:
    raw = json.dumps(
        {
            "openapi": "3.1.0",
            "components": {
                "examples": {"scim": {"value": {"members": [{"$ref": "https://h/Users/1"}]}}},
                "schemas": {
                    "Group": {
                        "type": "object",
                        "example": {"$ref": "https://h/Groups/1"},
                    },
                    "Details": {"$id": "/schemas/details", "type": "object"},
                    "Pet": {"properties": {"d": {"$ref": "/schemas/details"}}},
                    # a property may be called "default" and is structure
                    "Conf": {"properties": {"default": {"$ref": "#/components/schemas/Pet"}}},
                },
            },
        }
    ).encode()
    doc = load_bytes(raw, source="s.json")
    assert doc.data["components"]["schemas"]["Pet"]["properties"]["d"] == {"$ref": "/schemas/details"}
    hostile = raw.replace(b'"#/components/schemas/Pet"', b'"http://evil/x"')
    assert "points outside the document" in refusal(hostile, "s.json")


@pytest.mark.parametrize(
    "path",
    shared_documents(CORPUS),
    ids=lambda p: p.name,
)
def test_every_corpus_document_loads(path: Path) -> None:
    doc = load_document(path)
    assert isinstance(doc.data, dict)
    assert doc.is_yaml == (path.suffix != ".json")


def test_a_shared_file_ref_is_bundled_at_each_place(tmp_path: Path) -> None:
    (tmp_path / "tag.yaml").write_text("Tag: {type: string}\n")
    (tmp_path / "spec.yaml").write_text(
        "openapi: 3.0.3\nx-ref: &r {$ref: 'tag.yaml#/Tag'}\n"
        "components:\n  schemas:\n    A: {properties: {t: *r, u: *r}}\n"
    )
    doc = load_document(tmp_path / "spec.yaml", allow_file_refs=True)
    properties = doc.data["components"]["schemas"]["A"]["properties"]
    assert properties == {"t": {"type": "string"}, "u": {"type": "string"}}


def test_file_refs_that_multiply_are_refused(tmp_path: Path) -> None:
    for i in range(7):
        refs = ", ".join([f"{{$ref: 'f{i + 1}.yaml#/X'}}"] * 10)
        (tmp_path / f"f{i}.yaml").write_text(f"X: [{refs}]\n")
    (tmp_path / "f7.yaml").write_text("X: {type: string}\n")
    spec = write_spec(tmp_path, {"Bomb": {"$ref": "f0.yaml#/X"}})
    with pytest.raises(GeneratorError, match="shared parts expand"):
        load_document(spec, allow_file_refs=True)
