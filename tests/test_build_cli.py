"""The build command as users and CI run it: exit codes, one-line errors, atomic and deterministic output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from genutil import REPO, UPSTREAM, api, build, run_cli, tree

BROKEN = Path(__file__).resolve().parent / "broken"
EXPECTED = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_document_is_refused_in_one_line_and_writes_nothing(name: str, tmp_path: Path) -> None:
    case = EXPECTED[name]
    options = case.get("options", {})
    extra = []
    if options.get("strict"):
        extra.append("--strict")
    if options.get("allow_file_refs"):
        extra.append("--allow-file-refs")
    if "max_bytes" in options:
        extra += ["--max-bytes", str(options["max_bytes"])]
    result = build(BROKEN / name, tmp_path, *extra)
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert result.exit_code == case["exit_code"], result.stderr
    # --strict reports every violation, one line each; otherwise the first fatal one stops the build
    assert len(errors) == 1 or (options.get("strict") and errors), result.stderr
    assert any(case["message_contains"] in line for line in errors)
    assert "Traceback" not in result.stderr + result.stdout
    assert not result.output.exists()


def test_failed_build_leaves_previous_output_untouched(tmp_path: Path) -> None:
    good = build(
        api({"/things/": {"get": {"operationId": "things_list", "responses": {"200": {"description": "ok"}}}}}),
        tmp_path,
    )
    assert good.exit_code == 0, good.stderr
    before = tree(good.output)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a/:\n    get: {responses: {'200': {$ref: '#/nope'}}}\n"
    )
    code, _, stderr = run_cli("build", "--spec", str(bad), "--output", str(good.output), "--package-name", "demo")
    assert code == 2 and "#/nope" in stderr
    assert tree(good.output) == before


def test_regeneration_keeps_user_files_and_drops_stale_generated_ones(tmp_path: Path) -> None:
    paths = {
        "/things/": {
            "get": {"operationId": "things_list", "tags": ["things"], "responses": {"200": {"description": "ok"}}}
        },
        "/others/": {
            "get": {"operationId": "others_list", "tags": ["others"], "responses": {"200": {"description": "ok"}}}
        },
    }
    first = build(api(paths), tmp_path)
    assert (first.output / "demo/resources/others.py").exists()
    (first.output / "NOTES.md").write_text("mine")
    (first.output / "demo" / "custom.py").write_text("X = 1\n")
    del paths["/others/"]
    second = build(api(paths), tmp_path)
    assert second.exit_code == 0, second.stderr
    assert (second.output / "NOTES.md").read_text() == "mine"
    assert (second.output / "demo" / "custom.py").read_text() == "X = 1\n"
    assert not (second.output / "demo/resources/others.py").exists()
    assert not list(tmp_path.glob(".out.tmp-*"))


def test_check_reports_stale_files_and_writes_nothing(tmp_path: Path) -> None:
    doc = api({"/things/": {"get": {"operationId": "things_list", "responses": {"200": {"description": "ok"}}}}})
    assert build(doc, tmp_path).exit_code == 0
    assert build(doc, tmp_path, "--check").exit_code == 0
    target = next((tmp_path / "out" / "demo" / "resources").glob("[!_]*.py"))
    target.write_text("# edited\n")
    result = build(doc, tmp_path, "--check")
    assert result.exit_code == 1
    assert target.name in result.stderr
    assert target.read_text() == "# edited\n"


@pytest.mark.shared
def test_output_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "SPIRITME_GEN_CACHE_DIR": str(tmp_path / f"cache{seed}")}
        subprocess.run(
            [sys.executable, "-m", "generator.cli", "build", "--spec", str(UPSTREAM), "--output", str(out)],
            check=True,
            env=env,
            cwd=REPO,
            capture_output=True,
        )
        outputs.append(tree(out))
    assert outputs[0] == outputs[1]


@pytest.mark.shared
def test_summary_line_and_manifest_report(tmp_path: Path) -> None:
    result = build(UPSTREAM, tmp_path, package="spiritme")
    assert result.exit_code == 0, result.stderr
    assert "23 operations" in result.stdout and "0 skipped" in result.stdout
    manifest = json.loads((result.output / "spiritme-gen.json").read_text())
    assert manifest["operations"] == 23 and manifest["skipped"] == []
    assert set(manifest["files"]) == set(tree(result.output)) - {"spiritme-gen.json"}


def test_unreadable_spec_path_is_exit_2(tmp_path: Path) -> None:
    result = build(tmp_path / "missing.yaml", tmp_path)
    assert result.exit_code == 2
    assert "no such file" in result.stderr
