"""Flows as a user runs them: where the schema comes from is not where the client talks to."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from click.testing import CliRunner
from servers import LocalServer, Reply, Request

from generator.cli import main
from generator.config import resolve_settings
from generator.spec import fetch

DOCUMENT = b"""\
openapi: 3.0.3
info: {title: Staged, version: "1"}
servers:
  - url: https://api.staged.example
paths:
  /things/:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: string}}
"""
PROJECT = """\
[tool.spiritme-gen]
spec = "specs/api.yaml"
output = "client"
package-name = "staged"
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"SPIRITME_API_KEY": "t", "SPIRITME_BASE_URL": None})
    return result.exit_code, result.output


def default_base_url(client: Path) -> str:
    text = (client / "staged" / "_base_client.py").read_text(encoding="utf-8")
    found = re.search(r'^DEFAULT_BASE_URL = "([^"]*)"', text, re.M)
    assert found, "the client has no DEFAULT_BASE_URL"
    return found.group(1)


@pytest.fixture
def staging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(fetch, "BACKOFF_SECONDS", 0.0)
    monkeypatch.delenv("SPIRITME_SCHEMA_URL", raising=False)

    def schema(request: Request) -> Reply:
        return Reply(200, DOCUMENT, {"Content-Type": "application/yaml"})

    with LocalServer({"/api/schema/": schema}) as server:
        yield server


@pytest.mark.parametrize("configured", ["", "https://api.configured.example"])
def test_update_from_a_url_never_bakes_it_into_the_client(
    staging: LocalServer, tmp_path: Path, configured: str
) -> None:
    project = PROJECT + (f'base-url = "{configured}"\n' if configured else "")
    (tmp_path / "pyproject.toml").write_text(project, encoding="utf-8")
    code, output = run("update", "--url", staging.url)
    assert code == 0, output
    assert [r.path for r in staging.requests] == ["/api/schema/"]
    assert default_base_url(tmp_path / "client") == (configured or "https://api.staged.example")
    assert staging.url not in (tmp_path / "client" / "staged" / "_base_client.py").read_text()
    code, output = run("build", "--check")
    assert code == 0, output
    code, output = run("update", "--url", staging.url)
    assert code == 0 and "up to date" in output, output


def test_fetch_reads_the_schema_url_setting_and_its_environment(
    staging: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(PROJECT + 'schema-url = "http://127.0.0.1:9"\n', encoding="utf-8")
    assert resolve_settings({}).get("schema-url") == "http://127.0.0.1:9"
    monkeypatch.setenv("SPIRITME_SCHEMA_URL", staging.url)
    code, output = run("fetch")
    assert code == 0, output
    assert (tmp_path / "specs" / "api.yaml").read_bytes() == DOCUMENT
    settings = resolve_settings({})
    assert settings.get("schema-url") == staging.url
    assert settings.get("base-url") == ""  # the document's servers decide the client's default


def test_the_client_environment_variable_does_not_shape_a_build(
    staging: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(PROJECT, encoding="utf-8")
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "api.yaml").write_bytes(DOCUMENT)
    assert run("build")[0] == 0
    monkeypatch.setenv("SPIRITME_BASE_URL", "http://127.0.0.1:4010")
    result = CliRunner().invoke(main, ["build", "--check"])
    assert result.exit_code == 0, result.output
    assert default_base_url(tmp_path / "client") == "https://api.staged.example"


# ----------------------------------------------------------------- nothing left behind


def big_document(schemas: int = 1500) -> dict[str, Any]:
    """A document large enough that openapi-spec-validator takes a few seconds in its workers."""
    components = {
        f"Thing{i}": {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string", "maxLength": 40},
                "tags": {"type": "array", "items": {"type": "string"}},
                "next": {"$ref": f"#/components/schemas/Thing{(i + 1) % schemas}"},
            },
        }
        for i in range(schemas)
    }
    paths = {
        f"/things{i}/{{id}}/": {
            "get": {
                "operationId": f"getThing{i}",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/Thing{i}"}}},
                    }
                },
            }
        }
        for i in range(schemas // 3)
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Big", "version": "1"},
        "paths": paths,
        "components": {"schemas": components},
    }


def children_of(pid: int) -> set[int]:
    """The live (not zombie) processes whose parent is ``pid``."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def building(tmp_path: Path) -> Iterator[Callable[[], tuple[subprocess.Popen[str], set[int]]]]:
    """Start a real build of a big document; return it once its validation workers are running."""
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(big_document()), encoding="utf-8")
    # the reference validator runs in forked workers; a native engine, where installed, needs none:
    # hide it, as on a machine without its wheel
    hidden = tmp_path / "no-native"
    (hidden / "openapi_spec_validator_rs").mkdir(parents=True)
    (hidden / "openapi_spec_validator_rs" / "__init__.py").write_text("raise ImportError('hidden by the test')\n")
    env = {**os.environ, "SPIRITME_GEN_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(hidden)}
    started: list[subprocess.Popen[str]] = []

    def start() -> tuple[subprocess.Popen[str], set[int]]:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "build", "--spec", str(spec), "--output", str(tmp_path / "out")],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(proc)
        workers: set[int] = set()
        assert wait_until(lambda: len(workers.update(children_of(proc.pid)) or workers) >= 2, 60), "no workers"
        return proc, workers

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to see processes")


@needs_proc
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_build_and_its_validation_workers(building: Any, tmp_path: Path, sig: int) -> None:
    proc, workers = building()
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + sig, err
    assert "interrupted; nothing was written" in err
    assert wait_until(lambda: not any(alive(w) for w in workers), 10), "a validation worker outlived the build"
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob(".out.tmp-*"))


@needs_proc
def test_workers_exit_when_their_build_is_killed(building: Any) -> None:
    proc, workers = building()
    proc.kill()
    proc.communicate(timeout=30)
    assert wait_until(lambda: not any(alive(w) for w in workers), 10), "a validation worker outlived its parent"


def test_the_next_build_removes_what_a_killed_build_left_beside_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(PROJECT, encoding="utf-8")
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "api.yaml").write_bytes(DOCUMENT)
    assert run("build")[0] == 0
    leftover = tmp_path / ".client.tmp-k1ll3d"
    (leftover / "staged").mkdir(parents=True)
    (leftover / "staged" / "__init__.py").write_text("# the previous tree\n")
    unrelated = tmp_path / "unrelated.tmp-x"
    unrelated.mkdir()
    assert run("build", "--check")[0] == 0
    assert leftover.exists()  # --check writes nothing, removes nothing
    assert run("build")[0] == 0  # up to date: the fast path cleans up too
    assert not leftover.exists()
    assert unrelated.exists()


@needs_proc
def test_a_worker_whose_parent_died_before_it_began_watching_exits(tmp_path: Path) -> None:
    """The parent is the process the worker was forked from, not the one that adopted it."""
    script = tmp_path / "orphan.py"
    script.write_text(
        "import os, time\n"
        "from generator.lifetime import die_with_parent\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    time.sleep(0.5)  # by now the parent is gone and another process has adopted this one\n"
        "    die_with_parent()\n"
        "    time.sleep(60)  # a worker's work: it must be ended long before this\n"
        "    os._exit(0)\n"
        "print(pid, flush=True)\n"
        "os._exit(0)\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=30)
    child = int(done.stdout)
    try:
        assert wait_until(lambda: not alive(child), 10), "an orphaned worker kept running"
    finally:
        if alive(child):
            os.kill(child, signal.SIGKILL)
