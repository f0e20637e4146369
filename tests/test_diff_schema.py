"""``diff`` schema rules: oasdiff's ids and levels, both directions of the schema fixtures, real evolutions."""

from __future__ import annotations

import csv
import datetime
import functools
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from genutil import SHARED_MISSING

from generator.diff.compare import Change, diff_documents
from generator.diff.context import Policy
from generator.diff.impact import EFFECTS, _effect
from generator.diff.rules import (
    HIDDEN_KINDS,
    KIND_LEVELS,
    OASDIFF_SCHEMA_LEVELS,
    RULES,
    Finding,
    schema_rule_id,
    schema_rule_ids,
)
from generator.diff.schemas import SchemaComparer, Views, loosely_typed
from generator.spec.load import load_bytes

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "diff_fixtures"
SHARED = HERE.parents[0] / ".." / "shared"
OASDIFF_RULES = SHARED / "reference" / "oasdiff-rules.tsv"
EVOLUTION = SHARED / "evolution"
PAIRS = sorted(p for p in FIXTURES.iterdir() if (p / "expected.json").is_file())
SCHEMA_PAIRS = [p for p in PAIRS if p.name.startswith("s")]
OASDIFF_LEVEL = {"ERR": "breaking", "WARN": "warning", "INFO": "info"}
needs_shared = pytest.mark.skipif(not OASDIFF_RULES.is_file(), reason=SHARED_MISSING)


def load(path: Path) -> dict[str, Any]:
    return load_bytes(path.read_bytes(), source=str(path)).data


def pairs_of(changes: list[Change]) -> list[tuple[str, str]]:
    return sorted((c.id, c.level) for c in changes)


def oasdiff_schema_rules() -> dict[str, str]:
    """oasdiff's schema rules (and the schema rules of parameters and headers): id → our level name."""
    with OASDIFF_RULES.open(encoding="utf-8") as table:
        rows = list(csv.DictReader(table, delimiter="\t"))
    derived = set(schema_rule_ids())
    return {r["id"]: OASDIFF_LEVEL[r["level"]] for r in rows if r["area"] == "schema" or r["id"] in derived}


# ----------------------------------------------------------------- fixtures, both directions


def pair_changes(folder: Path) -> list[Change]:
    """Both directions of a fixture pair, with the deprecation policy its ``expected.json`` sets."""
    policy = Policy(**json.loads((folder / "expected.json").read_text(encoding="utf-8")).get("options", {}))
    old, new = load(folder / "old.yaml"), load(folder / "new.yaml")
    return diff_documents(old, new, policy=policy) + diff_documents(new, old, policy=policy)


@pytest.mark.parametrize("folder", SCHEMA_PAIRS, ids=lambda p: p.name)
def test_every_breaking_change_of_a_schema_pair_states_its_client_impact(folder: Path) -> None:
    assert [c for c in pair_changes(folder) if c.level == "breaking" and not c.client_impact] == []


@needs_shared
def test_every_oasdiff_schema_rule_is_claimed_at_oasdiff_level() -> None:
    oasdiff = oasdiff_schema_rules()
    with OASDIFF_RULES.open(encoding="utf-8") as table:
        schema_area = {r["id"] for r in csv.DictReader(table, delimiter="\t") if r["area"] == "schema"}
    assert sorted(schema_area - set(RULES)) == []
    claimed = {rule: level for rule, level in oasdiff.items() if rule in RULES}
    departing = {rule: level for rule, level in claimed.items() if RULES[rule] != level}
    assert departing == OASDIFF_SCHEMA_LEVELS


@functools.cache
def reached_by_fixtures() -> frozenset[str]:
    """Every id some fixture pair reports, read forwards or backwards."""
    return frozenset(c.id for folder in PAIRS for c in pair_changes(folder))


@needs_shared
def test_every_claimed_oasdiff_schema_rule_is_reached_by_a_fixture_pair() -> None:
    claimed = {rule for rule in oasdiff_schema_rules() if rule in RULES}
    assert sorted(claimed - reached_by_fixtures()) == []


def test_every_schema_rule_id_ours_included_is_reached_by_a_fixture_pair() -> None:
    assert sorted(set(schema_rule_ids()) - reached_by_fixtures()) == []


# ----------------------------------------------------------------- rules and impact, unit by unit


def test_hidden_kinds_and_aliases_are_spelled_as_oasdiff_spells_them() -> None:
    def rule(kind: str, area: str, direction: Any, required: bool = False, values: tuple[Any, ...] = ()) -> str:
        return schema_rule_id(area, Finding(kind, "", "", required=required, values=values), direction)

    assert rule("read-only:max-decreased", "request-property", "request") == "request-read-only-property-max-decreased"
    assert rule("write-only:became-optional", "response-property", "response") == (
        "response-write-only-property-became-optional"
    )
    assert rule("write-only:property-added", "response-property", "response", True) == (
        "response-required-write-only-property-added"
    )
    assert rule("property-added", "request-property", "request", True, ("default",)) == (
        "new-required-request-property-with-default"
    )
    assert rule("type-specialized", "request-property", "request") == "request-property-type-changed"
    assert rule("enum-value-removed", "response-body", "response") == "response-mediatype-enum-value-removed"
    assert all(f"request-read-only-property-{k}" in RULES for k in HIDDEN_KINDS["read-only"])


def test_every_schema_kind_has_a_client_impact_text() -> None:
    assert set(KIND_LEVELS) <= set(EFFECTS)
    for kind in KIND_LEVELS:
        finding = Finding(kind, "/p", "", values=("a", "b", "pattern"))
        for direction in ("request", "response"):
            assert _effect(finding, "`x`", direction, ("str", "int"), "", checked=True), (kind, direction)


def test_a_response_that_became_nullable_names_the_type_the_client_had() -> None:
    text = _effect(
        Finding("became-nullable", "/p", ""), "`Pet.name`", "response", ("str", "Optional[str]"), "", checked=False
    )
    assert text == "`Pet.name` may now be None where the client typed `str`: check before using it"


def test_text_and_xml_bodies_are_loosely_typed_json_is_not() -> None:
    assert loosely_typed("/paths/~1a/post/requestBody/content/text~1plain/schema")
    assert loosely_typed("/components/requestBodies/B/content/application~1xml; charset=utf-8/schema")
    assert not loosely_typed("/paths/~1a/post/requestBody/content/application~1json/schema")
    assert not loosely_typed("/paths/~1a/get/parameters/0/schema")


def test_a_sunset_within_the_policy_is_too_small_and_one_beyond_it_is_not() -> None:
    def document(sunset: str) -> dict[str, Any]:
        prop = {"type": "string", "deprecated": True, "x-sunset": sunset} if sunset else {"type": "string"}
        return {"openapi": "3.1.0", "paths": {}, "components": {"schemas": {"A": {"properties": {"p": prop}}}}}

    def kinds(sunset: str, days: int) -> list[str]:
        policy = Policy(deprecation_days_beta=days, deprecation_days_stable=days, today=datetime.date(2030, 1, 1))
        comparer = SchemaComparer(Views(document(""), ""), Views(document(sunset), ""), policy)
        root = ({"$ref": "#/components/schemas/A"}, "/components/schemas/A")
        return [f.kind for f in comparer.findings(root, root, "response")]

    assert kinds("2030-02-01", 60) == ["sunset-date-too-small"]
    assert kinds("2030-02-01", 30) == ["deprecated-with-sunset"]
    assert kinds("soon", 30) == ["deprecated-sunset-invalid"]


def test_a_one_of_of_constants_is_compared_as_the_enum_it_spells() -> None:
    def document(values: list[str]) -> dict[str, Any]:
        schema = {"oneOf": [{"const": v, "title": v.upper()} for v in values]}
        op = {"responses": {"200": {"description": "", "content": {"application/json": {"schema": schema}}}}}
        return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": op}}}

    changes = diff_documents(document(["a", "b"]), document(["a", "b", "c", "d"]))
    assert pairs_of(changes) == [("response-body-enum-value-added", "warning")] * 2
    assert all("gained the enum value" in c.message for c in changes)


# ----------------------------------------------------------------- real evolutions


def evolution_pairs() -> list[tuple[str, str]]:
    """Consecutive versions of each API in the evolution folder (``<api>-<yyyy-mm-dd>.<ext>``)."""
    versions: dict[str, list[str]] = {}
    for path in sorted(EVOLUTION.glob("*")) if EVOLUTION.is_dir() else []:
        found = re.fullmatch(r"(.+)-\d{4}-\d{2}-\d{2}\.(ya?ml|json)", path.name)
        if found:
            versions.setdefault(found.group(1), []).append(path.name)
    return [pair for names in versions.values() for pair in zip(names, names[1:])] or [("", "")]


EVOLUTIONS = evolution_pairs()


@pytest.mark.slow
@pytest.mark.parametrize("pair", EVOLUTIONS, ids=lambda p: p[0].rsplit("-", 3)[0] or "none")
def test_a_real_evolution_gives_a_clean_report(pair: tuple[str, str]) -> None:
    """Every entry distinguishable, every breaking change with its client impact, no flood of one message."""
    if not pair[0]:
        pytest.skip(SHARED_MISSING)
    old, new = (load(EVOLUTION / name) for name in pair)
    changes = diff_documents(old, new)
    assert changes
    entries = Counter((c.operation, c.id, c.message) for c in changes)
    assert [e for e, n in entries.items() if n > 1] == []
    assert [c for c in changes if c.level == "breaking" and not c.client_impact] == []
    assert not any("option `any`" in c.message for c in changes)
    per_operation = Counter(c.operation for c in changes)
    paths = sum(len(item) for item in new.get("paths", {}).values() if isinstance(item, dict))
    assert len(changes) <= 20 * max(paths, 1) and max(per_operation.values()) <= 200


def test_a_union_option_replaced_by_another_component_is_a_removal_and_an_addition() -> None:
    def document(option: str) -> dict[str, Any]:
        schema = {"anyOf": [{"type": "string"}, {"$ref": f"#/components/schemas/{option}"}]}
        body = {"required": True, "content": {"application/json": {"schema": schema}}}
        components = {
            name: {"type": "object", "properties": {f"{name.lower()}_id": {"type": "string"}}}
            for name in ("Cat", "Dog")
        }
        op = {"requestBody": body, "responses": {"204": {"description": ""}}}
        return {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"post": op}},
            "components": {"schemas": components},
        }

    changes = diff_documents(document("Cat"), document("Dog"))
    assert pairs_of(changes) == [("request-body-any-of-added", "info"), ("request-body-any-of-removed", "breaking")]
    assert {c.message for c in changes} == {
        "the request body gained the `anyOf` option `Dog`",
        "the request body lost the `anyOf` option `Cat`",
    }


def test_an_enum_respelled_as_a_one_of_of_constants_is_noise() -> None:
    def document(schema: dict[str, Any]) -> dict[str, Any]:
        op = {"responses": {"200": {"description": "", "content": {"application/json": {"schema": schema}}}}}
        return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": op}}}

    enum = {"type": "string", "enum": ["a", "b"]}
    constants = {"oneOf": [{"const": "a", "description": "A"}, {"const": "b", "description": "B"}]}
    assert diff_documents(document(enum), document(constants)) == []
    assert diff_documents(document(constants), document(enum)) == []


def test_binary_and_base64_strings_spelled_the_3_0_or_the_3_1_way_are_noise() -> None:
    def document(version: str, schema: dict[str, Any]) -> dict[str, Any]:
        body = {"content": {"application/json": {"schema": {"type": "object", "properties": {"file": schema}}}}}
        op = {"requestBody": body, "responses": {"204": {"description": ""}}}
        return {"openapi": version, "info": {"title": "t", "version": "1"}, "paths": {"/a": {"post": op}}}

    for old, new in (
        ({"type": "string", "format": "binary"}, {"type": "string", "contentMediaType": "application/octet-stream"}),
        ({"type": "string", "format": "byte"}, {"type": "string", "contentEncoding": "base64"}),
    ):
        assert diff_documents(document("3.0.3", old), document("3.1.0", new)) == []
        assert diff_documents(document("3.1.0", new), document("3.0.3", old)) == []
    png = {"type": "string", "contentMediaType": "image/png"}
    changes = diff_documents(document("3.0.3", {"type": "string", "format": "binary"}), document("3.1.0", png))
    assert pairs_of(changes) == [("request-property-content-media-type-changed", "breaking")]


def test_every_schema_level_departing_from_oasdiff_is_explained_in_the_docs() -> None:
    docs = (HERE.parent / "docs" / "diff.md").read_text(encoding="utf-8")
    assert [rule for rule in OASDIFF_SCHEMA_LEVELS if f"`{rule}`" not in docs] == []
