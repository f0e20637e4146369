"""Flows as a user runs them: where the schema comes from is not where the client talks to."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

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
