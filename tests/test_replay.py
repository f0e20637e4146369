"""A replaying parse and plan give what a cold parse and plan give: random chains of edits to real
documents, each parsed and planned with what the last build kept (through the cache's bytes), are
compared with a cold parse and plan of the same document."""

from __future__ import annotations

import copy
import pickle
import random
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]
from genutil import CORPUS, REPO, SHARED_MISSING

from generator.build.plan import PlanMemory, plan_files, render_plan
from generator.errors import GeneratorError
from generator.parse import replay
from generator.parse.api import ClientSettings, build_ir, build_ir_replaying
from generator.spec import load

SETTINGS = ClientSettings("demo", "Demo", "DEMO", "")
KEY = "test-code"
LOCAL = [REPO / "specs" / "spiritme.yaml", *sorted((REPO / "tests" / "documents").glob("*.yaml"))]
CORPUS_DOCS = ["petstore-3.0.yaml", "typesense.yml", "cvat.yaml", "apisguru-mandrill-swagger2.yaml"]


def loaded(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = load.load_bytes(path.read_bytes(), source=str(path)).data
    return data


# ----------------------------------------------------------------------------- random edits


def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
    found = (doc.get("components") or {}).get("schemas")
    return found if isinstance(found, dict) else {}


def _objects(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in _schemas(doc).values() if isinstance(s, dict) and isinstance(s.get("properties"), dict)]


def _operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in (doc.get("paths") or {}).items()
        if isinstance(item, dict)
        for method, op in item.items()
        if method in ("get", "put", "post", "delete", "patch") and isinstance(op, dict)
    ]


def add_property(doc: dict[str, Any], rng: random.Random) -> bool:
    objects, names = _objects(doc), sorted(_schemas(doc))
    if not objects:
        return False
    kinds: list[Any] = [
        {"type": "string", "description": "added"},
        {"type": "object", "properties": {"inner": {"type": "integer"}}},  # a new inline model: a new name
        {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
        {"type": "string", "readOnly": True},  # a new split between the request and response views
    ]
    if names:
        kinds.append({"$ref": f"#/components/schemas/{rng.choice(names)}"})
    rng.choice(objects)["properties"][f"added_{rng.randrange(1000)}"] = rng.choice(kinds)
    return True


def _a_property(doc: dict[str, Any], rng: random.Random) -> tuple[dict[str, Any], str] | None:
    """An object schema with properties and the name of one of them, or None."""
    objects = [o for o in _objects(doc) if o["properties"]]
    if not objects:
        return None
    target = rng.choice(objects)
    return target, rng.choice(sorted(target["properties"]))


def remove_property(doc: dict[str, Any], rng: random.Random) -> bool:
    if (found := _a_property(doc, rng)) is None:
        return False
    del found[0]["properties"][found[1]]
    return True


def retype_property(doc: dict[str, Any], rng: random.Random) -> bool:
    if (found := _a_property(doc, rng)) is None:
        return False
    found[0]["properties"][found[1]] = rng.choice(
        [{"type": "integer"}, {"type": "string", "format": "date-time"}, {"type": "boolean", "nullable": True}]
    )
    return True


def toggle_required(doc: dict[str, Any], rng: random.Random) -> bool:
    if (found := _a_property(doc, rng)) is None:
        return False
    target, name = found
    required = [r for r in target.get("required") or [] if r != name]
    target["required"] = required if name in (target.get("required") or []) else required + [name]
    return True


def describe(doc: dict[str, Any], rng: random.Random) -> bool:
    nodes = _objects(doc) + [op for _, _, op in _operations(doc)]
    if not nodes:
        return False
    rng.choice(nodes)["description"] = f"Edited {rng.randrange(1000)}."
    return True


def add_schema(doc: dict[str, Any], rng: random.Random) -> bool:
    doc.setdefault("components", {}).setdefault("schemas", {})[f"Added{rng.randrange(1000)}"] = {
        "type": "object",
        "properties": {"x": {"type": "string"}},
    }
    return True


def drop_operation(doc: dict[str, Any], rng: random.Random) -> bool:
    ops = _operations(doc)
    if len(ops) < 2:
        return False
    path, method, _ = rng.choice(ops)
    del doc["paths"][path][method]
    return True


def copy_operation(doc: dict[str, Any], rng: random.Random) -> bool:
    ops = _operations(doc)
    if not ops:
        return False
    path, method, op = rng.choice(ops)
    new = copy.deepcopy(op)
    if isinstance(new.get("operationId"), str):
        new["operationId"] += f"_copy{rng.randrange(1000)}"
    target = "/copied" + path if rng.random() < 0.5 else path.rstrip("/") + "/again"
    item = doc["paths"].setdefault(
        target, copy.deepcopy({k: v for k, v in doc["paths"][path].items() if k == "parameters"})
    )
    item[method] = new
    return True


def retag(doc: dict[str, Any], rng: random.Random) -> bool:
    ops = _operations(doc)
    if not ops:
        return False
    rng.choice(ops)[2]["tags"] = [rng.choice(["alpha", "beta", "videos"])]
    return True


EDITS: list[Callable[[dict[str, Any], random.Random], bool]] = [
    add_property,
    add_property,
    remove_property,
    retype_property,
    toggle_required,
    describe,
    describe,
    add_schema,
    drop_operation,
    copy_operation,
    retag,
]


# ----------------------------------------------------------------------------- comparing


def cold(doc: dict[str, Any]) -> Any:
    try:
        return build_ir(doc, SETTINGS, source="doc.yaml")
    except GeneratorError as exc:
        return ("error", str(exc))


def replayed(doc: dict[str, Any], kept: bytes | None, source: str = "doc.yaml") -> tuple[Any, bytes | None, int]:
    """The replaying parse and plan of ``doc`` with what the last one kept (as the cache keeps it)."""
    found = replay.loads(kept) if kept is not None else None
    earlier, memory = (found[0], PlanMemory(*found[1])) if found is not None else (None, None)
    try:
        api, diagnostics, parse = build_ir_replaying(doc, SETTINGS, source=source, key=KEY, earlier=earlier)
    except GeneratorError as exc:
        return ("error", str(exc)), None, 0
    plan, planned = plan_files(api, memory)
    data = replay.dumps(parse.finish(), (planned.carried, planned.blocks))
    return (api, diagnostics, plan), data, parse.replayed


def check_chain(doc: dict[str, Any], seed: int, steps: int, *, texts: bool) -> int:
    """Edit ``doc`` ``steps`` times; each time the replaying parse and plan must equal the cold
    ones (the plan's keys, and with ``texts`` every file's text). Returns the parts replayed."""
    rng = random.Random(seed)
    _, kept, _ = replayed(doc, None)
    reused = 0
    for _ in range(steps):
        doc = copy.deepcopy(doc)
        if not rng.choice(EDITS)(doc, rng):
            continue
        expected = cold(doc)
        got, kept, count = replayed(doc, kept)
        reused += count
        if isinstance(expected, tuple) and expected[0] == "error":
            assert got[0] == "error" and got[1] == expected[1]
            _, kept, _ = replayed(doc, None)  # a refused document leaves nothing: start again
            continue
        api, diagnostics, plan = got
        assert api == expected[0]
        assert diagnostics == expected[1]
        reference = render_plan(expected[0])
        assert [(p.path, p.key) for p in plan] == [(p.path, p.key) for p in reference]
        if texts:
            assert {p.path: p.render() for p in plan} == {p.path: p.render() for p in reference}
    return reused


@pytest.mark.parametrize("spec", LOCAL, ids=lambda p: p.name)
def test_a_replaying_parse_and_plan_equal_the_cold_ones_over_random_edits(spec: Path) -> None:
    doc = loaded(spec)
    reused = sum(check_chain(doc, seed, 5, texts=True) for seed in range(3))
    assert reused > 0  # the chains did reuse parts: the comparison is not of two cold parses


@pytest.mark.parametrize("name", CORPUS_DOCS)
def test_a_replaying_parse_and_plan_equal_the_cold_ones_on_real_documents(name: str) -> None:
    if not (CORPUS / name).is_file():
        pytest.skip(SHARED_MISSING)
    doc = loaded(CORPUS / name)
    assert sum(check_chain(doc, seed, 3, texts=False) for seed in range(2)) > 0


def test_an_unchanged_document_replays_every_part_and_a_local_change_little() -> None:
    doc = loaded(REPO / "specs" / "spiritme.yaml")
    _, kept, _ = replayed(doc, None)
    again, kept, count = replayed(doc, kept)
    found = replay.loads(kept or b"")
    assert found is not None and count == len(found[0].parts) > 20
    blocks = [p for p in again[2] if "/types/" in p.path and not p.path.endswith("__init__.py")]
    assert blocks and all(p.make is not None for p in blocks)  # no schema module's block was made again
    changed = copy.deepcopy(doc)
    first = next(iter(_objects(changed)))
    first["properties"]["replay_added"] = {"type": "string"}
    _, _, count = replayed(changed, kept)
    assert len(found[0].parts) - 5 <= count < len(found[0].parts)


def test_replayed_warnings_name_the_file_read_now() -> None:
    doc = loaded(REPO / "specs" / "spiritme.yaml")
    doc["paths"]["/warned/{missing}/"] = {"get": {"operationId": "warned", "responses": {"200": {"description": "ok"}}}}
    _, kept, _ = replayed(doc, None, source="old.yaml")
    got, _, count = replayed(doc, kept, source="new.yaml")
    assert count > 0
    warnings = [d for d in got[1] if "missing" in d.message]
    assert warnings and all(d.source == "new.yaml" for d in warnings)


def test_a_kept_record_that_names_anything_but_the_ir_is_refused() -> None:
    class Hostile:
        def __reduce__(self) -> Any:
            return (print, ("loaded",))

    assert replay.loads(pickle.dumps((replay.FORMAT, Hostile(), None))) is None
    assert replay.loads(b"not a pickle") is None
    assert replay.loads(pickle.dumps((replay.FORMAT + 1, None, None))) is None


def test_a_record_from_other_code_or_settings_is_not_reused() -> None:
    doc = loaded(REPO / "specs" / "spiritme.yaml")
    api, _, parse = build_ir_replaying(doc, SETTINGS, source="doc.yaml", key=KEY, earlier=None)
    record = parse.finish()
    _, _, other = build_ir_replaying(doc, SETTINGS, source="doc.yaml", key="other code", earlier=record)
    assert other.replayed == 0
    renamed = ClientSettings("other", "Other", "OTHER", "")
    _, _, other = build_ir_replaying(doc, renamed, source="doc.yaml", key=KEY, earlier=record)
    assert other.replayed == 0
    again, _, same = build_ir_replaying(doc, SETTINGS, source="doc.yaml", key=KEY, earlier=record)
    assert same.replayed == len(record.parts) and again == api


def test_yaml_written_documents_replay_the_same(tmp_path: Path) -> None:
    """Through the loader (numbers, keys and strings as YAML gives them), not only Python dicts."""
    doc = loaded(REPO / "specs" / "spiritme.yaml")
    path = tmp_path / "again.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    again = loaded(path)
    _, kept, _ = replayed(doc, None)
    _, _, count = replayed(again, kept)
    assert count > 0
