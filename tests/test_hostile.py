"""Hostile but valid documents (``tests/hostile/``) build into safe code: contained, importable, tested, black-clean."""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest
from genutil import REPO, build, imported

HOSTILE = Path(__file__).resolve().parent / "hostile"
EXPECTED_PATH = HOSTILE / "expected.json"
EXPECTED: dict[str, Any] = json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))
DOCUMENTS = sorted(p.name for p in HOSTILE.iterdir() if p.suffix in (".yaml", ".json") and p != EXPECTED_PATH)
UPDATE_SNAPSHOTS = bool(os.environ.get("SPIRITME_UPDATE_SNAPSHOTS"))
PACKAGE = "demo"
# what the payloads in the documents would create if any of their text were ever run
MARKER = re.compile(r"pwned", re.IGNORECASE)
# file names Windows refuses whatever the extension; a generated file must not take one
WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", re.IGNORECASE)
SAFE_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")
# what the build may print besides text: a terminal acts on the others (escape sequences, CR, BEL, NUL)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# documents whose build shows a bug in a file this suite may not change: name → the bug
KNOWN_BUGS: dict[str, str] = {}  # document name → reason, for a bug found and not yet fixed (strict xfail)


def case(name: str) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name])] if name in KNOWN_BUGS else []
    return pytest.param(name, marks=marks, id=name)


def written_files(out: Path) -> list[str]:
    """Every file under ``out`` as a relative POSIX path; fails on a symlink or a path that leaves it."""
    found: list[str] = []
    root = out.resolve()
    for folder, dirs, files in os.walk(out, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            assert not path.is_symlink(), f"symlink written: {path}"
            assert path.resolve().is_relative_to(root), f"outside the output folder: {path}"
        found.extend((Path(folder) / f).relative_to(out).as_posix() for f in files)
    return sorted(found)


def unsafe_names(files: list[str]) -> list[str]:
    """Path parts that are not plain ASCII names, are reserved on Windows, or clash by case in one folder."""
    bad = [
        part
        for f in files
        for part in f.split("/")
        if not SAFE_PART.fullmatch(part) or WINDOWS_RESERVED.fullmatch(part)
    ]
    seen: dict[str, str] = {}
    for f in files:
        key = f.casefold()
        if key in seen and seen[key] != f:
            bad.append(f"{seen[key]} ~ {f}")
        seen[key] = f
    return bad


def uncompilable(out: Path, files: list[str]) -> list[str]:
    """Generated modules that do not compile, or compile with a warning (an invalid escape is an error to come)."""
    bad: list[str] = []
    for f in files:
        if f.endswith(".py"):
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                try:
                    compile((out / f).read_text(encoding="utf-8"), f, "exec", dont_inherit=True)
                except (SyntaxError, Warning) as exc:
                    bad.append(f"{f}: {exc}")
    return bad


def marker_files(folder: Path) -> list[str]:
    """Files below ``folder`` (``.git`` skipped) whose name a payload would have created."""
    hits: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != ".git"]
        hits.extend(os.path.join(root, f) for f in files + dirs if MARKER.search(f))
    return hits


def client_surface(pkg: Any) -> dict[str, list[str]]:
    """Resource attribute → its public method names, read from a client instance (resources load on first use)."""
    client = pkg.Demo(api_key="k", base_url="http://127.0.0.1:9")
    try:
        lazy = [name for name, attr in vars(type(client)).items() if isinstance(attr, functools.cached_property)]
        values = {name: getattr(client, name) for name in lazy}
        resources = {k: v for k, v in values.items() if type(v).__module__.startswith(f"{PACKAGE}.resources.")}
        return {
            attr: sorted(n for n, v in vars(type(r)).items() if callable(v) and not n.startswith("_"))
            for attr, r in sorted(resources.items())
        }
    finally:
        client.close()


def facts(out: Path, files: list[str], pkg: Any, stderr: str) -> dict[str, Any]:
    """What the snapshot pins: module names made from the document's names, the client's surface, operations,
    skipped operations, warnings (without their place)."""
    manifest = json.loads((out / "spiritme-gen.json").read_text(encoding="utf-8"))
    named = [f for f in files if re.fullmatch(rf"{PACKAGE}/(resources|types)/\w+\.py|tests/test_\w+\.py", f)]
    return {
        "files": named,
        "client": client_surface(pkg),
        "operations": manifest["operations"],
        "skipped": [s["pointer"] for s in manifest["skipped"]],
        "warnings": sorted({line.split(": warning: ", 1)[1] for line in stderr.splitlines() if ": warning: " in line}),
    }


def started(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    try:
        stdout, stderr = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
    return process.returncode, stdout, stderr


def test_every_document_is_described_and_snapshotted() -> None:
    readme = (HOSTILE / "README.md").read_text(encoding="utf-8")
    assert [n for n in DOCUMENTS if f"`{n}`" not in readme] == []
    assert sorted(EXPECTED) == sorted(set(DOCUMENTS) - set(KNOWN_BUGS)) or UPDATE_SNAPSHOTS
    assert set(KNOWN_BUGS) <= set(DOCUMENTS)
    assert {Path(n).suffix for n in DOCUMENTS} == {".json", ".yaml"}


@pytest.mark.parametrize("name", [case(n) for n in DOCUMENTS])
def test_hostile_document_builds_safe_code(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cwd, work, black_cache = tmp_path / "cwd", tmp_path / "work", tmp_path / "black-cache"
    for folder in (cwd, work, black_cache):
        folder.mkdir()
    repo_before, hostile_before = sorted(os.listdir(REPO)), sorted(os.listdir(HOSTILE))
    monkeypatch.chdir(cwd)

    result = build(HOSTILE / name, work, package=PACKAGE)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert CONTROL.findall(result.stderr + result.stdout) == []
    out = result.output
    files = written_files(out)
    assert unsafe_names(files) == []
    assert uncompilable(out, files) == []
    manifest = json.loads((out / "spiritme-gen.json").read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == sorted(set(files) - {"spiritme-gen.json"})

    with imported(out, PACKAGE) as pkg:
        found = facts(out, files, pkg, result.stderr)

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(out), "BLACK_CACHE_DIR": str(black_cache)}
    env.pop("PYTEST_ADDOPTS", None)
    # the generated tests and black run side by side, both from a fresh folder
    tests = started([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(out / "tests")], cwd, env)
    black = started([sys.executable, "-m", "black", "--check", str(out)], cwd, env)
    (tests_code, tests_out, tests_err), (black_code, _, black_err) = finished(tests), finished(black)
    assert tests_code == 0, tests_out[-4000:] + tests_err[-2000:]
    assert re.search(r"\d+ passed", tests_out) and " failed" not in tests_out, tests_out[-2000:]
    assert black_code == 0, black_err[-4000:]

    assert os.listdir(cwd) == []
    assert sorted(os.listdir(work)) == sorted(["out", f".{out.name}.lock"])  # the writer's lock file stays beside it
    assert sorted(os.listdir(HOSTILE)) == hostile_before
    assert sorted(os.listdir(REPO)) == repo_before
    assert marker_files(tmp_path) == [] and marker_files(REPO) == []
    assert written_files(out) == files  # running the generated tests wrote nothing into the package

    if UPDATE_SNAPSHOTS:
        EXPECTED[name] = found
        EXPECTED_PATH.write_text(
            json.dumps(dict(sorted(EXPECTED.items())), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if name not in KNOWN_BUGS:  # pinned once it builds, when it leaves KNOWN_BUGS
        assert found == EXPECTED.get(name)


def test_doubled_braces_declare_the_parameter_the_runtime_fills(tmp_path: Path) -> None:
    """``/braces/{{literal}}/``: the parameter is ``literal``, as ``path_template`` reads it, so the call works."""
    result = build(HOSTILE / "path-encoding.yaml", tmp_path, package=PACKAGE)
    assert result.exit_code == 0, result.stderr
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200, json={}))
    with imported(result.output, PACKAGE) as pkg:
        with pkg.Demo(
            api_key="k", base_url="http://127.0.0.1:9", http_client=httpx.Client(transport=transport)
        ) as client:
            client.encoding.doubled_braces(literal="v")
            client.encoding.fragment("a")
    assert [r.url.raw_path for r in sent] == [b"/braces/%7Bv%7D/", b"/fragment%23/a/"]
