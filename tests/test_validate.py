"""The validate stage: errors only for what makes generation impossible, located warnings for the rest."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]
from genutil import shared_documents

from generator.errors import Diagnostic, Level
from generator.spec import validate
from generator.spec.load import Document, load_bytes, load_document
from generator.spec.validate import validate_document

BROKEN = Path(__file__).parent / "broken"
REPO = Path(__file__).resolve().parents[1]
EXPECTED: dict[str, dict[str, Any]] = json.loads((BROKEN / "expected.json").read_text())
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CORPUS = shared_documents(SHARED / "corpus")
LARGE = {
    "authentik.yaml",
    "openai.yaml",
    "github-api.github.com.json",
    "label-studio.yaml",
    "airflow-v2.yaml",
}


@pytest.fixture(autouse=True)
def cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(cache))
    return cache


def spec(text: str, source: str = "specs/x.yaml") -> Document:
    return load_bytes(text.encode(), source=source)


def errors(found: list[Diagnostic]) -> list[str]:
    return [d.format() for d in found if d.level is Level.ERROR]


def warnings(found: list[Diagnostic]) -> list[str]:
    return [d.format() for d in found if d.level is Level.WARNING]


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["stage"] == "validate"))
def test_broken_documents_give_a_located_error(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = EXPECTED[name]
    options = expected.get("options", {})
    monkeypatch.chdir(BROKEN.parents[1])
    doc = load_document(f"tests/broken/{name}")
    found = errors(validate_document(doc, strict=options.get("strict", False)))
    assert found, "expected an error"
    assert all(line.startswith(f"tests/broken/{name}") for line in found)
    assert any(expected["message_contains"] in line for line in found), found


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=[pytest.mark.slow] if p.name in LARGE else [], id=p.name) if isinstance(p, Path) else p
        for p in CORPUS
    ],
)
def test_corpus_documents_validate_without_errors(path: Path) -> None:
    found = validate_document(load_document(path))
    assert errors(found) == []


@pytest.mark.shared
def test_the_spiritme_document_has_no_errors() -> None:
    doc = load_document(SHARED / "upstream" / "spiritme-openapi.yaml")
    assert errors(validate_document(doc)) == []


def test_drf_habits_are_warnings_and_strict_makes_them_errors() -> None:
    doc = load_document(BROKEN / "drf-strict.yaml")
    found = validate_document(doc)
    assert errors(found) == []
    text = "\n".join(warnings(found))
    assert (
        "#/components/schemas/Video Request/properties/format/default (line 31): warning: default '' is not one of the enum values"
        in text
    )
    assert "#/info/description (line 6): warning: None is not of type 'string'" in text
    assert "component name 'Video Request'" in text
    strict = validate_document(doc, strict=True)
    assert len(errors(strict)) == len(found) and warnings(strict) == []


OWN_CHECKS = """\
openapi: 3.0.3
info: {title: checks, version: '1'}
paths:
  /api/videos/:
    post:
      operationId: videos_create
      requestBody:
        description: no content
      responses:
        '201': {description: created}
  /api/videos/{id}/:
    get:
      operationId: videos_create
      parameters:
        - {name: pk, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok}
components:
  schemas:
    Video:
      type: object
      properties:
        name: {type: string}
      required: [name, title]
    WithParent:
      allOf:
        - $ref: '#/components/schemas/Video'
        - required: [name]
"""


def test_own_checks_are_located_warnings() -> None:
    found = validate_document(spec(OWN_CHECKS))
    assert errors(found) == []
    lines = warnings(found)
    expected = [
        "specs/x.yaml#/paths/~1api~1videos~1/post/requestBody (line 7): warning: requestBody has no content",
        "specs/x.yaml#/paths/~1api~1videos~1{id}~1/get/operationId (line 13): warning:"
        " operationId 'videos_create' is also used by POST /api/videos/",
        "specs/x.yaml#/paths/~1api~1videos~1{id}~1/get (line 12): warning:"
        " path parameter {id} is in the path but not declared",
        "specs/x.yaml#/paths/~1api~1videos~1{id}~1/get/parameters/0 (line 15): warning:"
        " path parameter 'pk' is declared but not in the path '/api/videos/{id}/'",
        "specs/x.yaml#/components/schemas/Video/required/1 (line 24): warning:"
        " required property 'title' is not among the properties",
    ]
    for line in expected:
        assert line in lines
    # required names in an allOf part may come from another part: not reported
    assert not any("WithParent" in line for line in lines)


def test_ref_errors_name_the_ref() -> None:
    doc = spec("""\
openapi: 3.0.3
info: {title: refs, version: '1'}
paths:
  /a:
    get:
      parameters:
        - $ref: '#/components/schemas/Id'
      responses:
        '200': {description: ok}
components:
  schemas:
    Id: {type: string}
    Gone: {$ref: '#/components/schemas/Nowhere'}
""")
    found = errors(validate_document(doc))
    assert found == [
        "specs/x.yaml#/paths/~1a/get/parameters/0/$ref (line 7): error: $ref '#/components/schemas/Id'"
        " is used as a parameter but points to a schema",
        "specs/x.yaml#/components/schemas/Gone/$ref (line 13): error: dangling $ref"
        " '#/components/schemas/Nowhere': the target does not exist",
    ]


def test_refs_through_id_and_anchor_resolve() -> None:
    doc = spec("""\
openapi: 3.1.0
info: {title: ids, version: '1'}
components:
  schemas:
    Details:
      $id: /schemas/details
      properties:
        id: {$anchor: detail_id, type: integer}
    Pet:
      properties:
        details: {$ref: /schemas/details}
        detailId: {$ref: '/schemas/details#detail_id'}
        self: {$ref: '#/components/schemas/Pet'}
""")
    assert errors(validate_document(doc)) == []


def test_recursive_schemas_through_properties_are_fine() -> None:
    doc = spec("""\
openapi: 3.0.3
info: {title: tree, version: '1'}
paths: {}
components:
  schemas:
    Node:
      allOf:
        - $ref: '#/components/schemas/Base'
        - properties:
            children: {type: array, items: {$ref: '#/components/schemas/Node'}}
    Base:
      properties:
        parent: {$ref: '#/components/schemas/Node'}
""")
    assert errors(validate_document(doc)) == []


def test_external_findings_are_capped() -> None:
    schemas = {f"S{i}": {"type": "object", "properties": {"a": {"type": 5}}} for i in range(80)}
    doc = spec(
        yaml.safe_dump(
            {
                "openapi": "3.0.3",
                "info": {"title": "t", "version": "1"},
                "paths": {},
                "components": {"schemas": schemas},
            }
        )
    )
    found = validate_document(doc)
    assert errors(found) == []
    assert len(found) == validate.MAX_EXTERNAL + 1
    assert re.fullmatch(r"\.\.\. and \d+ more from openapi-spec-validator", found[-1].message)


def test_version_field_decides_the_dialect() -> None:
    for version in ("3.0.0", "3.0.4", "3.1.0", "3.1.1"):
        assert (
            errors(validate_document(spec(f"openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths: {{}}\n")))
            == []
        )
    for version in ("'3'", "2.0", "4.0.0", "3.2.0", "latest"):
        found = errors(validate_document(spec(f"openapi: {version}\npaths: {{}}\n")))
        assert len(found) == 1 and "unsupported OpenAPI version" in found[0]


def test_data_that_is_not_a_mapping_is_an_error() -> None:
    doc = Document(data=[1], source="d.json", raw=b"[1]", is_yaml=False, sha256="0" * 64)  # type: ignore[arg-type]
    assert errors(validate_document(doc)) == ["d.json: error: the document is a list, not a mapping"]


def test_structure_that_cannot_be_generated_is_an_error() -> None:
    doc = spec("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: [get]\ncomponents: {schemas: []}\n")
    assert errors(validate_document(doc)) == [
        "specs/x.yaml#/paths/~1a (line 4): error: a path item must be a mapping, not a list",
        "specs/x.yaml#/components/schemas (line 5): error: 'schemas' must be a mapping, not a list",
    ]


def test_results_are_cached_by_document_content(monkeypatch: pytest.MonkeyPatch, cache_in_tmp: Path) -> None:
    doc = load_document(BROKEN / "drf-strict.yaml")
    first = validate_document(doc)
    assert len(list(cache_in_tmp.glob("validate-*.json"))) == 1

    def no_recompute(_: Any) -> tuple[list[Diagnostic], str]:
        raise AssertionError("should have come from the cache")

    monkeypatch.setattr(validate, "_own_findings_and_index", no_recompute)
    assert validate_document(doc) == first
    assert errors(validate_document(doc, strict=True))  # the level is applied after the cache
    other = spec("openapi: 3.0.3\ninfo: {title: other, version: '1'}\npaths: {}\n")
    with pytest.raises(AssertionError, match="cache"):
        validate_document(other)


def test_an_unwritable_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(blocker / "cache"))
    doc = load_document(BROKEN / "drf-strict.yaml")
    found = validate_document(doc)
    assert found and found == validate_document(doc)  # the findings, twice, with nowhere to keep them
    assert not (blocker / "cache").exists()


def test_a_corrupt_cache_entry_is_recomputed(cache_in_tmp: Path) -> None:
    doc = load_document(BROKEN / "drf-strict.yaml")
    first = validate_document(doc)
    (entry,) = cache_in_tmp.glob("validate-*.json")
    entry.write_text("{not json")
    assert validate_document(doc) == first


def test_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SPIRITME_GEN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert validate.cache_dir() == tmp_path / "xdg" / "spiritme-gen"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert validate.cache_dir() == tmp_path / "home" / ".cache" / "spiritme-gen"


def findings_in_a_fresh_process(code: str, spec: Path, cache: Path) -> list[list[Any]]:
    """``code`` (which prints the findings of ``v`` as JSON) run on ``spec`` in a fresh interpreter: a
    forked worker runs only in a process without other threads, and a test worker has some."""
    prelude = (
        "import json, os, sys; from generator.spec.load import load_document; from generator.spec import validate\n"
    )
    tail = "print(json.dumps([[d.message, d.pointer, d.line] for d in v.result()]))\n"
    out = subprocess.run(
        [sys.executable, "-c", prelude + code + tail, str(spec)],
        env={**os.environ, "SPIRITME_GEN_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    found: list[list[Any]] = json.loads(out.stdout)
    return found


def test_background_validation_gives_what_the_inline_one_gives_then_hits_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(tmp_path / "cache"))
    doc = load_document(BROKEN / "drf-strict.yaml")
    inline = validate.document_findings(doc)
    code = (
        "v = validate.start_validation(load_document(sys.argv[1]))\n"
        "assert (v._parts or v._located is not None) and v.errors() == []\n"  # a worker runs, its errors wait
    )
    found = findings_in_a_fresh_process(code, BROKEN / "drf-strict.yaml", tmp_path / "cache")
    assert found == [[d.message, d.pointer, d.line] for d in inline] != []  # located alike
    warm = validate.start_validation(doc, strict=True)
    assert warm._parts == []  # from the cache the forked run wrote
    assert [d.message for d in warm.result()] == [d.message for d in inline]
    assert all(d.level is Level.ERROR for d in warm.result())


def test_a_background_worker_that_dies_costs_time_not_findings(tmp_path: Path) -> None:
    inline = validate.document_findings(load_document(BROKEN / "drf-strict.yaml"))
    code = (
        "validate._located_in_child = lambda sender: os._exit(3)  # the worker dies without a word\n"
        "v = validate.start_validation(load_document(sys.argv[1]))\n"
        "assert v._located is not None  # the worker was started\n"
    )
    found = findings_in_a_fresh_process(code, BROKEN / "drf-strict.yaml", tmp_path / "cache")
    assert found == [[d.message, d.pointer, d.line] for d in inline] != []


# ----------------------------------------------------------------------------- the native engine

TEST_DOCUMENTS = sorted(
    p
    for folder in ("broken", "hostile", "diff_fixtures")
    for p in (Path(__file__).parent / folder).rglob("*")
    if p.suffix in (".json", ".yaml", ".yml") and p.name != "expected.json"
) + [REPO / "specs" / "spiritme.yaml"]


def comparable(found: list[Diagnostic]) -> list[tuple[str, str, str]]:
    """Findings as (level, message, located pointer), in a stable order; the one wording that
    differs by engine normalized: the text after "stopped early:" (the reference's exception
    class name and Python's wording of a recursion error)."""
    rows = []
    for d in found:
        message = d.message
        if "stopped early:" in message:
            message = message.split("stopped early:")[0] + "stopped early"
        rows.append((d.level.value, message, d.pointer))
    return sorted(rows)


def loadable(path: Path) -> Document | None:
    try:
        return load_document(path)
    except Exception:  # noqa: BLE001 - the documents that fail to load are the load stage's tests
        return None


def assert_engines_agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("openapi_spec_validator_rs", reason="the native validator's wheel is not installed")
    doc = loadable(path)
    if doc is None:
        pytest.skip("does not load (a load-stage test)")
    monkeypatch.setattr(validate, "MAX_EXTERNAL", 10**6)  # every finding, not the first 50
    reference = comparable(validate.document_findings(doc, engine="reference"))
    native = comparable(validate.document_findings(doc, engine="native"))
    assert native == reference


@pytest.mark.parametrize("path", TEST_DOCUMENTS, ids=lambda p: str(p.relative_to(REPO)))
def test_native_engine_finds_what_the_reference_finds_in_the_test_documents(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_engines_agree(path, monkeypatch)


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=[pytest.mark.slow] if p.name in LARGE else [], id=p.name) if isinstance(p, Path) else p
        for p in CORPUS
    ],
)
def test_native_engine_finds_what_the_reference_finds_in_the_corpus(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_engines_agree(path, monkeypatch)


KEYWORD_FINDINGS = """\
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      parameters:
        - {name: n, in: query, schema: {type: integer, default: ''}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
components:
  schemas:
    A:
      type: object
      properties:
        size: {type: integer, default: 'big'}
        name: {type: string, minLength: 'five'}
    B:
      type: object
      properties:
        size: {type: integer, default: 'big'}
"""


def test_keyword_findings_are_located_like_the_reference_locates_them(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("openapi_spec_validator_rs", reason="the native validator's wheel is not installed")
    doc = spec(KEYWORD_FINDINGS)
    reference = comparable(validate.document_findings(doc, engine="reference"))
    assert len(reference) >= 4 and {pointer for _, _, pointer in reference} >= {
        "/paths/~1a/get/parameters/0/schema",
        "/components/schemas/A/properties/size",
        "/components/schemas/B/properties/size",
    }
    assert comparable(validate.document_findings(doc, engine="native")) == reference
    # defaults alone are located natively: the reference's keyword pass is not run
    calls: list[str] = []
    original = validate._external_part
    monkeypatch.setattr(validate, "_external_part", lambda *a: calls.append(a[-1]) or original(*a))
    defaults_only = spec(KEYWORD_FINDINGS.replace("minLength: 'five'", "minLength: 5"))
    native = comparable(validate.document_findings(defaults_only, engine="native"))
    assert calls == [] and len(native) == 3
    assert native == comparable(validate.document_findings(defaults_only, engine="reference"))


def test_without_the_native_wheel_the_reference_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = spec(KEYWORD_FINDINGS)
    expected = comparable(validate.document_findings(doc, engine="reference"))
    monkeypatch.setitem(sys.modules, "openapi_spec_validator_rs", None)  # import raises ImportError
    assert comparable(validate.document_findings(doc)) == expected
    assert comparable(validate_document(doc)) == expected
    with pytest.raises(ImportError):
        validate.document_findings(doc, engine="native")
