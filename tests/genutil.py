"""Helpers for tests that build a client from an inline document and import what was generated."""

from __future__ import annotations

import contextlib
import importlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner

from generator.cli import main

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
UPSTREAM = SHARED / "upstream" / "spiritme-openapi.yaml"
# the one reason every test that reads ../shared gives when a plain clone has none beside it
SHARED_MISSING = "needs ../shared beside the checkout (its corpus/ and upstream/ documents); it is absent"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=SHARED_MISSING)


def shared_documents(folder: Path = CORPUS) -> list[Any]:
    """The documents in a folder of ../shared as test parameters; one skipped parameter when it is absent."""
    if not folder.is_dir():
        return [pytest.param(folder, id="no-shared", marks=pytest.mark.skip(reason=SHARED_MISSING))]
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".json"))


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    output: Path


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def build(spec: dict[str, Any] | str | Path, tmp_path: Path, *extra: str, package: str = "demo") -> Outcome:
    """Build ``spec`` (a dict is written as JSON) into ``tmp_path/out``."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    if isinstance(spec, dict):
        path = tmp_path / "spec.json"
        path.write_text(json.dumps(spec), encoding="utf-8")
    elif isinstance(spec, str) and not Path(spec).exists():
        path = tmp_path / "spec.yaml"
        path.write_text(spec, encoding="utf-8")
    else:
        path = Path(spec)
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(
        "build", "--spec", str(path), "--output", str(out), "--package-name", package, *extra
    )
    return Outcome(code, stdout, stderr, out)


@contextlib.contextmanager
def imported(out: Path, package: str = "demo") -> Iterator[Any]:
    """Import the generated package from ``out``; afterwards ``sys.modules`` holds again what it held
    before for that name (a longer-lived fixture's package of the same name keeps its modules, and
    its lazily imported submodules keep coming from it). Already imported from ``out``: shared."""

    def ours(name: str) -> bool:
        return name == package or name.startswith(package + ".")

    before = {name: module for name, module in sys.modules.items() if ours(name)}
    present = before.get(package)
    if present is not None and Path(present.__file__ or "").resolve().is_relative_to(out.resolve()):
        yield present
        return
    for name in before:
        del sys.modules[name]
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if ours(m)]:
            del sys.modules[name]
        sys.modules.update(before)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path (caches left out)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and ".pytest_cache" not in p.parts
    }


def api(paths: dict[str, Any], schemas: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """A small OpenAPI 3.0 document around ``paths`` and ``schemas``."""
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Demo", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": paths,
        "components": {
            "schemas": schemas or {},
            "securitySchemes": {
                "tokenAuth": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": 'Token-based authentication with required prefix "Token"',
                }
            },
        },
        "security": [{"tokenAuth": []}],
    }
    doc.update(extra)
    return doc
