"""read_source: a spec named by a local path, an http(s) URL, or git:REF:path."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from servers import LocalServer, Reply

from generator.errors import ExitCode, GeneratorError
from generator.spec.sources import read_source

SPEC_V1 = b"openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n"
SPEC_V2 = SPEC_V1.replace(b"'1'", b"'2'")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose specs/api.yaml is SPEC_V1 at HEAD~1 and SPEC_V2 at HEAD."""
    git(tmp_path, "init", "-q")
    spec = tmp_path / "specs" / "api.yaml"
    spec.parent.mkdir()
    for body in (SPEC_V1, SPEC_V2):
        spec.write_bytes(body)
        git(tmp_path, "add", "specs/api.yaml")
        git(tmp_path, "commit", "-q", "-m", "spec")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def refusal(spec: str) -> str:
    with pytest.raises(GeneratorError) as caught:
        read_source(spec)
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    message = str(caught.value)
    assert len(message.splitlines()) == 1
    return message


def test_a_path_gives_its_bytes_and_itself_as_name(tmp_path: Path) -> None:
    path = tmp_path / "api.yaml"
    path.write_bytes(SPEC_V1)
    assert read_source(str(path)) == (SPEC_V1, str(path))


def test_a_missing_path_is_bad_input(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    assert refusal(missing) == f"{missing}: error: no such file"


def test_a_url_is_fetched_as_given() -> None:
    with LocalServer({"/openapi/v3.yaml": lambda request: Reply(200, SPEC_V1)}) as server:
        url = server.url + "/openapi/v3.yaml?format=yaml&token=hidden"
        raw, name = read_source(url, token="tok-123")
    assert raw == SPEC_V1
    assert name == server.url + "/openapi/v3.yaml?format=yaml"
    [request] = server.requests
    assert request.path == "/openapi/v3.yaml"
    assert request.headers["Authorization"] == "Token tok-123"


def test_git_revisions_give_the_committed_bytes(repo: Path) -> None:
    assert read_source("git:HEAD~1:specs/api.yaml") == (
        SPEC_V1,
        "git:HEAD~1:specs/api.yaml",
    )
    assert read_source("git:HEAD:specs/api.yaml")[0] == SPEC_V2


@pytest.mark.parametrize(
    "spec, words",
    [
        ("git:no-such-branch:specs/api.yaml", "no-such-branch"),
        ("git:HEAD:specs/missing.yaml", "missing.yaml"),
        ("git:HEAD", "expected git:REF:path"),
        ("git:--output=x:specs/api.yaml", "must not start with '-'"),
    ],
)
def test_bad_git_sources_are_one_line_refusals(repo: Path, spec: str, words: str) -> None:
    message = refusal(spec)
    assert message.startswith(f"{spec}: error: ")
    assert words in message
    assert not (repo / "x").exists()
