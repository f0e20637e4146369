"""Every real OpenAPI document in ../shared/corpus builds clean code, every module imports, its stub tests pass."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from genutil import build, shared_documents
from test_codegen_documents import generated_code_problems

DOCUMENTS = shared_documents()
LARGE = {"authentik.yaml", "github-api.github.com.json", "openai.yaml", "label-studio.yaml"}


def black_sample(output: Path, *, large: bool) -> list[str]:
    """The modules whose formatting is checked with black, relative to ``output``."""
    files = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.py"))
    if not large:
        return files
    folders: dict[str, list[str]] = {}
    for f in files:
        folders.setdefault(f.rsplit("/", 1)[0] if "/" in f else "", []).append(f)
    return [f for group in folders.values() for f in (group if len(group) <= 16 else group[::8])]


def package_of(doc: Path) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in doc.stem.lower())


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(d, id=d.name, marks=[pytest.mark.slow] if d.name in LARGE else []) if isinstance(d, Path) else d
        for d in DOCUMENTS
    ],
)
def test_corpus_document_builds_imports_and_passes_its_stub_tests(doc: Path, tmp_path: Path) -> None:
    package = package_of(doc)
    result = build(doc, tmp_path, package=package)
    assert result.exit_code == 0, result.stderr[-2000:]
    report = json.loads((result.output / "spiritme-gen.json").read_text())
    assert report["skipped"] == []
    modules = sorted(
        ".".join(p.relative_to(result.output).with_suffix("").parts).removesuffix(".__init__")
        for p in (result.output / package).rglob("*.py")
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(package.upper() + "_")}
    # no unused import, no nested Union, no 300-column line in any module
    assert generated_code_problems(result.output) == []
    # black's whole-module verdict on what the fast path formatted piece by piece: every module of the smaller
    # documents; of the four largest (black would take minutes of CPU on each), every module that is not
    # one-of-many plus every eighth of each many (resources, types, stub tests) — each kind and template covered
    proc = subprocess.run(
        [sys.executable, "-m", "black", "--check", "-q", *black_sample(result.output, large=doc.name in LARGE)],
        cwd=result.output,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    # every module imports, then the stub tests run, in one interpreter (the tests reuse the imports)
    importer_then_tests = (
        "import importlib, sys\n"
        "for m in sys.argv[1:]: importlib.import_module(m)\n"
        "import pytest\n"
        "raise SystemExit(pytest.main(['-q', '-x', '-p', 'no:cacheprovider', 'tests']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", importer_then_tests, *modules],
        cwd=result.output,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode in (0, 5), (proc.stdout + proc.stderr)[
        -3000:
    ]  # 5: a document with no operations has no tests
    assert " failed" not in proc.stdout and " error" not in proc.stdout, proc.stdout[-3000:]
