"""The whole flow against the stack SpiritMe runs on: a Django REST framework + drf-spectacular API on 127.0.0.1.

fetch (with the token) → build → build --check → the generated client's calls (every page, create, the
custom action, wait(), upload, 400, 401, 404) → the generated stub tests → diff against the second version
by URL → update (the client keeps its base URL, build --check passes right after).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner
from genutil import imported

from generator.cli import main

pytest.importorskip("django", reason="needs Django (a test dependency: pip install -e '.[test]')")
pytest.importorskip("rest_framework", reason="needs djangorestframework (a test dependency)")
pytest.importorskip("drf_spectacular", reason="needs drf-spectacular (a test dependency)")

TESTS = Path(__file__).resolve().parent
TOKEN = "0123456789abcdef0123456789abcdef01234567"
CONFIGURED_BASE_URL = "https://api.studio.example"
PROJECT = f"""\
[tool.spiritme-gen]
spec = "specs/studio.yaml"
output = "client"
package-name = "studio"
base-url = "{CONFIGURED_BASE_URL}"
"""


class Studio:
    """One version of the test API in its own process (Django's settings are per process)."""

    def __init__(self, folder: Path, version: str) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
            "STUDIO_TOKEN": TOKEN,
            "STUDIO_API_VERSION": version,
            "STUDIO_DATABASE": str(folder / f"studio-v{version}.sqlite3"),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "drf_app.serve"],
            cwd=TESTS,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline() if self.process.stdout else ""
        found = re.fullmatch(r"PORT (\d+)\n", line)
        if found is None:
            self.stop()
            raise AssertionError(f"the test API did not start: {line!r} {self.process.stderr.read()[-3000:]}")
        self.url = f"http://127.0.0.1:{found.group(1)}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


@pytest.fixture
def studios(tmp_path: Path) -> Iterator[tuple[Studio, Studio]]:
    first = Studio(tmp_path, "1")
    try:
        second = Studio(tmp_path, "2")
    except BaseException:
        first.stop()
        raise
    try:
        yield first, second
    finally:
        first.stop()
        second.stop()


def cli(*args: str, token: str | None = TOKEN) -> tuple[int, str]:
    env = {"SPIRITME_API_KEY": token, "SPIRITME_BASE_URL": None, "SPIRITME_SCHEMA_URL": None}
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.output


def default_base_url(client: Path) -> str:
    text = (client / "studio" / "_base_client.py").read_text(encoding="utf-8")
    found = re.search(r'^DEFAULT_BASE_URL = "([^"]*)"', text, re.M)
    assert found
    return found.group(1)


@pytest.mark.slow
def test_fetch_build_call_diff_update_against_django_rest_framework(
    studios: tuple[Studio, Studio], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    v1, v2 = studios
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text(PROJECT, encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(tmp_path / "cache"))

    # fetch: the schema needs the token, as SpiritMe's does
    code, output = cli("fetch", "--url", v1.url, token="")
    assert code == 3, output
    code, output = cli("fetch", "--url", v1.url)
    assert code == 0, output
    snapshot = project / "specs" / "studio.yaml"
    assert snapshot.read_bytes().startswith(b"openapi: 3.0.3")
    assert json.loads((project / "specs" / "studio.lock.json").read_text())["sha256"]

    code, output = cli("build")
    assert code == 0, output
    assert "0 skipped" in output, output
    code, output = cli("build", "--check")
    assert code == 0, output
    client_dir = project / "client"
    assert default_base_url(client_dir) == CONFIGURED_BASE_URL

    with imported(client_dir, "studio") as studio:
        calls(studio, v1.url)

    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", "tests"],
        cwd=client_dir,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("STUDIO_")},
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]

    # the second version, by URL: a response field removed, a request field newly required
    code, output = cli("diff", str(snapshot), f"{v2.url}/api/schema/", "--format", "json")
    assert code == 0, output
    changes = {(c["id"], c["pointer"].rsplit("/", 1)[-1]) for c in json.loads(output)["changes"]}
    assert ("response-required-property-removed", "thumbnail") in changes, changes  # read-only: always sent
    assert ("request-property-became-required", "project") in changes, changes
    code, output = cli("diff", str(snapshot), f"{v2.url}/api/schema/", "--fail-on", "breaking")
    assert code == 1, output

    code, output = cli("update", "--url", v2.url)
    assert code == 0, output
    assert "updated" in output, output
    assert b"version: 2.0.0" in snapshot.read_bytes()
    assert "thumbnail" in (project / "specs" / "CHANGES.md").read_text(encoding="utf-8")
    assert default_base_url(client_dir) == CONFIGURED_BASE_URL  # fetched from v2, never baked in
    code, output = cli("build", "--check")
    assert code == 0, output

    with imported(client_dir, "studio") as studio:
        with studio.Studio(api_key=TOKEN, base_url=v2.url) as client:
            with pytest.raises(TypeError):
                client.videos.create(name="no project")  # project= is now required
            video = client.videos.create(name="v2", project="launch")
            assert video.project == "launch"
            assert "thumbnail" not in type(video).model_fields


def calls(studio: Any, url: str) -> None:
    """The generated client against the live API: pages, create, the action, wait, upload, errors."""
    with studio.Studio(api_key=TOKEN, base_url=url) as client:
        client._sleep = lambda seconds: None
        made = [client.videos.create(name=f"video {i}", project="demo") for i in range(5)]
        assert [v.status for v in made] == ["created"] * 5
        page = client.videos.list(limit=2)
        assert [v.name for v in page] == [f"video {i}" for i in range(5)]  # every page, lazily
        assert len(list(page.iter_pages())) == 3

        published = client.videos.publish(made[0].id, name=made[0].name)
        assert published.published is True
        done = client.videos.wait(made[1].id, poll_interval=0.01)
        assert done.status == "success" and done.thumbnail.endswith(f"/{made[1].id}.png")

        uploaded = client.files.create(
            file=("avatar.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100, "image/png"), kind="audio"
        )
        assert (uploaded.name, uploaded.size, uploaded.kind) == ("avatar.png", 108, "audio")
        assert [f.name for f in client.files.list()] == ["avatar.png"]

        with pytest.raises(studio.BadRequestError) as bad:
            client.videos.create(name="video 0", project="again")  # names are unique: only the server knows
        assert bad.value.status_code == 400
        assert "already exists" in json.dumps(bad.value.body)
        with pytest.raises(studio.NotFoundError):
            client.videos.retrieve(999_999)
    with studio.Studio(api_key="wrong", base_url=url) as stranger:
        with pytest.raises(studio.AuthenticationError) as denied:
            stranger.videos.list()
        assert denied.value.status_code == 401
