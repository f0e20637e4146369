"""A rebuild costs what the change costs: only the files whose inputs changed are rendered, formatted
and written, and the output is byte for byte what a cold build of the changed document writes."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]
from genutil import CORPUS, REPO, SHARED_MISSING, build, tree

from generator.build import pipeline
from generator.build.plan import PlannedFile, render_plan
from generator.build.render import render_package
from generator.config import resolve_settings
from generator.parse.api import build_ir, client_settings
from generator.spec import load
from generator.spec.document import load_source

SPIRITME = REPO / "specs" / "spiritme.yaml"
HOSTILE = REPO / "tests" / "hostile"


def with_property(data: dict[str, Any], schema: str, name: str) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    changed["components"]["schemas"][schema]["properties"][name] = {"type": "string", "description": "added"}
    return changed


def first_object_schema(data: dict[str, Any]) -> str:
    schemas = data["components"]["schemas"]
    return next(n for n in sorted(schemas) if isinstance(schemas[n].get("properties"), dict))


class Spy:
    """Which planned files were rendered and which generated files were written, in this process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.rendered: list[str] = []
        self.written: list[str] = []
        render, write = PlannedFile.render, pipeline._write_file
        monkeypatch.setattr(pipeline, "PARALLEL_FILES", 10**9)  # no forked worker: everything is seen here
        monkeypatch.setattr(
            PlannedFile, "render", lambda planned: self.rendered.append(planned.path) or render(planned)
        )
        monkeypatch.setattr(
            pipeline, "_write_file", lambda target, text: self.written.append(target.name) or write(target, text)
        )


def rebuild_matches_cold_build(
    original: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, package: str
) -> tuple[Spy, str, dict[str, bytes]]:
    data = yaml.safe_load(original.read_text(encoding="utf-8"))
    schema = first_object_schema(data)
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(with_property(data, schema, "incremental_added")), encoding="utf-8")
    original = tmp_path / "original.yaml"  # written the same way: the property is the only difference
    original.write_text(yaml.safe_dump(data), encoding="utf-8")

    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(tmp_path / "warm-cache"))
    first = build(original, tmp_path / "warm", package=package)
    assert first.exit_code == 0, first.stderr
    spy = Spy(monkeypatch)
    reloads: list[object] = []
    real_reparsed = load.reparsed
    monkeypatch.setattr(load, "reparsed", lambda *args: reloads.append(real_reparsed(*args)) or reloads[-1])
    parses: list[Any] = []
    real_parse = pipeline.build_ir_replaying
    monkeypatch.setattr(
        pipeline, "build_ir_replaying", lambda *a, **k: parses.append(real_parse(*a, **k)) or parses[-1]
    )
    warm = build(changed, tmp_path / "warm", package=package)
    assert warm.exit_code == 0, warm.stderr
    assert len(reloads) == 1 and reloads[0] is not None  # the text was not parsed whole again: its parts were reused
    replayed = parses[0][2]
    assert replayed.replayed > len(replayed.record.parts) // 2  # most of the parse was replayed, not run
    monkeypatch.setattr(load, "reparsed", real_reparsed)
    monkeypatch.setattr(pipeline, "build_ir_replaying", real_parse)
    seen = Spy.__new__(Spy)
    seen.rendered, seen.written = list(spy.rendered), list(spy.written)  # the warm rebuild's, not the cold build's

    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(tmp_path / "cold-cache"))
    cold = build(changed, tmp_path / "cold", package=package)
    assert cold.exit_code == 0, cold.stderr
    warm_tree, cold_tree = tree(warm.output), tree(cold.output)
    assert warm_tree == cold_tree
    return seen, schema, warm_tree


def test_a_one_property_change_rerenders_and_rewrites_only_what_depends_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy, schema, files = rebuild_matches_cold_build(SPIRITME, tmp_path, monkeypatch, "spiritme")
    python = [p for p in files if p.endswith(".py")]
    assert any(p.endswith(".py") and "/types/" in p for p in spy.rendered)
    assert len(spy.rendered) < len(python) // 3, spy.rendered
    assert "spiritme-gen.json" in spy.written and len(spy.written) <= len(spy.rendered) + 1
    assert "incremental_added" in "".join(files[p].decode() for p in files if "/types/" in p)


@pytest.mark.slow
def test_a_one_property_change_to_a_large_document_matches_a_cold_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not (CORPUS / "authentik.yaml").is_file():
        pytest.skip(SHARED_MISSING)
    spy, _, files = rebuild_matches_cold_build(CORPUS / "authentik.yaml", tmp_path, monkeypatch, "bench_a")
    assert len(spy.rendered) < len(files) // 10, spy.rendered


def test_a_removed_schema_removes_its_module_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load(SPIRITME.read_text(encoding="utf-8"))
    bigger = copy.deepcopy(data)
    bigger["components"]["schemas"]["IncrementalExtra"] = {"type": "object", "properties": {"a": {"type": "string"}}}
    (tmp_path / "bigger.yaml").write_text(yaml.safe_dump(bigger), encoding="utf-8")
    (tmp_path / "smaller.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(tmp_path / "cache"))
    first = build(tmp_path / "bigger.yaml", tmp_path / "a", package="spiritme")
    assert first.exit_code == 0 and (first.output / "spiritme" / "types" / "incremental_extra.py").is_file()
    user_file = first.output / "NOTES.md"
    user_file.write_text("mine")
    warm = build(tmp_path / "smaller.yaml", tmp_path / "a", package="spiritme")
    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(tmp_path / "cold-cache"))
    cold = build(tmp_path / "smaller.yaml", tmp_path / "b", package="spiritme")
    assert warm.exit_code == cold.exit_code == 0
    assert user_file.read_text() == "mine"
    user_file.unlink()
    assert tree(warm.output) == tree(cold.output)


@pytest.mark.parametrize("spec", [SPIRITME, *sorted(HOSTILE.glob("*.yaml")), *sorted(HOSTILE.glob("*.json"))], ids=str)
def test_the_plan_renders_what_render_package_renders(spec: Path, tmp_path: Path) -> None:
    if spec.name == "expected.json":
        pytest.skip("not a document")
    settings = resolve_settings({"spec": str(spec), "output": str(tmp_path), "package-name": "demo"}, start=REPO)
    try:
        doc = load_source(settings)
        api, _ = build_ir(doc.data, client_settings(settings), source=doc.source)
    except Exception:  # noqa: BLE001 - documents refused before rendering are other tests' business
        pytest.skip("refused before rendering")
    plan = render_plan(api)
    assert {p.path: p.render() for p in plan} == render_package(api)
    assert len({p.key for p in plan}) == len(plan)
    again = render_plan(api)
    assert [p.key for p in again] == [p.key for p in plan]  # keys are deterministic


def test_a_damaged_record_of_the_last_parse_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(tmp_path / "cache"))
    first = build(SPIRITME, tmp_path / "a", package="spiritme")
    assert first.exit_code == 0
    records = list((tmp_path / "cache" / "parses").glob("*.pickle"))
    assert len(records) == 1  # written by the build (a forked process it waited for)
    records[0].write_bytes(b"\x80\x05damaged")
    data = yaml.safe_load(SPIRITME.read_text(encoding="utf-8"))
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(with_property(data, first_object_schema(data), "after_damage")), encoding="utf-8")
    warm = build(changed, tmp_path / "a", package="spiritme")
    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(tmp_path / "cold-cache"))
    cold = build(changed, tmp_path / "b", package="spiritme")
    assert warm.exit_code == cold.exit_code == 0
    assert tree(warm.output) == tree(cold.output)
