"""The fetch stage against real HTTP servers on 127.0.0.1: snapshot, lock, errors, redirects, retries."""

from __future__ import annotations

import gzip
import hashlib
import json
import socket
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from servers import LocalServer, Reply, Request, free_port, self_signed_tls

from generator.cli import main
from generator.errors import GeneratorError
from generator.spec import fetch
from generator.spec.fetch import fetch_schema, is_loopback, public_url

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
UPSTREAM = SHARED / "upstream" / "spiritme-openapi.yaml"
TOKEN = "sk-test-7f3a9c1e5b2d4f60"
SPEC = b"openapi: 3.0.3\ninfo: {title: Tiny, version: '1'}\npaths: {}\n"
OPENAPI_YAML = {"Content-Type": "application/vnd.oai.openapi"}


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries happen as in real use, without the pauses between them."""
    monkeypatch.setattr(fetch, "BACKOFF_SECONDS", 0.0)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def serve_spec(body: bytes = SPEC, etag: str = '"v1"') -> Any:
    """A handler serving ``body`` with ``etag``, answering 304 when the client already has it."""

    def handler(request: Request) -> Reply:
        if request.headers.get("If-None-Match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, body, {**OPENAPI_YAML, "ETag": etag})

    return handler


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


def run_fetch(url: str, output: Path, *extra: str, token: str = TOKEN) -> Result:
    return CliRunner().invoke(
        main,
        ["fetch", "--url", url, "--output", str(output), *extra],
        env={"SPIRITME_API_KEY": token, "SPIRITME_BASE_URL": None},
    )


def lock_of(output: Path) -> dict[str, str]:
    data: dict[str, str] = json.loads((output.parent / "spiritme.lock.json").read_text())
    return data


def stamps(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.iterdir())}


# ----------------------------------------------------------------- the snapshot


@pytest.mark.shared
def test_first_fetch_writes_the_bytes_as_served_and_a_lock(server: LocalServer, workdir: Path) -> None:
    served = UPSTREAM.read_bytes()
    server.routes["/api/schema/"] = serve_spec(served)
    output = workdir / "specs" / "spiritme.yaml"

    result = run_fetch(server.url + "/", output)

    assert result.exit_code == 0, result.output
    assert "updated" in result.stdout
    assert output.read_bytes() == served
    lock_text = (workdir / "specs" / "spiritme.lock.json").read_text()
    assert lock_text.endswith("}\n")
    lock = json.loads(lock_text)
    assert list(lock) == sorted(lock)
    assert lock["sha256"] == hashlib.sha256(served).hexdigest()
    assert lock["etag"] == '"v1"'
    assert lock["source_url"] == server.url + "/api/schema/"
    assert lock["content_type"] == "application/vnd.oai.openapi"
    assert lock["fetched_at"].endswith("Z")
    [request] = server.requests
    assert request.path == "/api/schema/"
    assert request.headers["Authorization"] == f"Token {TOKEN}"
    assert "application/vnd.oai.openapi" in request.headers["Accept"]
    assert request.headers["Accept-Encoding"] == "gzip"
    assert request.headers["User-Agent"].startswith("spiritme-gen/")
    assert "If-None-Match" not in request.headers


def test_304_rewrites_nothing(server: LocalServer, workdir: Path) -> None:
    server.routes["/api/schema/"] = serve_spec()
    output = workdir / "spiritme.yaml"
    assert run_fetch(server.url, output).exit_code == 0
    before = stamps(workdir)

    result = run_fetch(server.url, output)

    assert result.exit_code == 0, result.output
    assert "unchanged" in result.stdout and "304" in result.stdout
    assert server.requests[-1].headers["If-None-Match"] == '"v1"'
    assert stamps(workdir) == before


def test_same_body_with_200_rewrites_nothing(server: LocalServer, workdir: Path) -> None:
    server.routes["/api/schema/"] = lambda request: Reply(200, SPEC, {"ETag": '"other"'})
    output = workdir / "spiritme.yaml"
    assert run_fetch(server.url, output).exit_code == 0
    before = stamps(workdir)

    result = run_fetch(server.url, output)

    assert result.exit_code == 0, result.output
    assert "unchanged" in result.stdout
    assert stamps(workdir) == before


def test_a_new_body_replaces_the_snapshot_and_its_lock(server: LocalServer, workdir: Path) -> None:
    server.routes["/api/schema/"] = serve_spec(SPEC, '"v1"')
    output = workdir / "spiritme.yaml"
    assert run_fetch(server.url, output).exit_code == 0
    newer = SPEC.replace(b"version: '1'", b"version: '2'")
    server.routes["/api/schema/"] = serve_spec(newer, '"v2"')

    result = run_fetch(server.url, output)

    assert result.exit_code == 0, result.output
    assert output.read_bytes() == newer
    assert lock_of(output)["etag"] == '"v2"'
    assert lock_of(output)["sha256"] == hashlib.sha256(newer).hexdigest()
    assert sorted(p.name for p in workdir.iterdir()) == [
        "spiritme.lock.json",
        "spiritme.yaml",
    ]


def test_an_edited_snapshot_is_not_trusted_for_if_none_match(server: LocalServer, workdir: Path) -> None:
    server.routes["/api/schema/"] = serve_spec()
    output = workdir / "spiritme.yaml"
    assert run_fetch(server.url, output).exit_code == 0
    output.write_bytes(b"openapi: 3.0.3\n# edited by hand\n")

    result = run_fetch(server.url, output)

    assert result.exit_code == 0, result.output
    assert "If-None-Match" not in server.requests[-1].headers
    assert output.read_bytes() == SPEC


def test_json_served_to_a_yaml_output_is_kept_as_served(server: LocalServer, workdir: Path) -> None:
    body = b'{"openapi": "3.1.0", "info": {"title": "J", "version": "1"}, "paths": {}}'
    server.routes["/api/schema/"] = lambda r: Reply(200, body, {"Content-Type": "application/json"})
    output = workdir / "spiritme.yaml"

    assert run_fetch(server.url, output).exit_code == 0
    assert output.read_bytes() == body
    assert lock_of(output)["content_type"] == "application/json"


def test_gzip_body_is_stored_decoded(server: LocalServer, workdir: Path) -> None:
    headers = {**OPENAPI_YAML, "Content-Encoding": "gzip"}
    server.routes["/api/schema/"] = lambda request: Reply(200, gzip.compress(SPEC), headers)
    output = workdir / "spiritme.yaml"

    result = run_fetch(server.url, output)

    assert result.exit_code == 0, result.output
    assert output.read_bytes() == SPEC


def gzip_bomb(size: int) -> bytes:
    """A small gzip stream that inflates to ``size`` zero bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.flush()


def test_gzip_bomb_is_refused(server: LocalServer, workdir: Path) -> None:
    bomb = gzip_bomb(fetch.MAX_BYTES + (8 << 20))
    assert len(bomb) < 1 << 20
    headers = {**OPENAPI_YAML, "Content-Encoding": "gzip"}
    server.routes["/api/schema/"] = lambda request: Reply(200, bomb, headers)

    result = run_fetch(server.url, workdir / "spiritme.yaml")

    assert result.exit_code == 2
    assert "larger than 64 MiB" in result.output
    assert list(workdir.iterdir()) == []


@pytest.mark.parametrize(
    "body, content_type",
    [
        (b"<!DOCTYPE html><html><body><form>Log in</form></body></html>", "text/html"),
        (b"<html><body>Sign in</body></html>", "application/json"),
        (b"hello: world\n", "application/yaml"),
        (b"openapi: [unclosed\n", "application/yaml"),
    ],
)
def test_a_200_that_is_not_an_openapi_document_writes_nothing(
    server: LocalServer, workdir: Path, body: bytes, content_type: str
) -> None:
    server.routes["/api/schema/"] = lambda r: Reply(200, body, {"Content-Type": content_type})

    result = run_fetch(server.url, workdir / "spiritme.yaml")

    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert list(workdir.iterdir()) == []


def test_an_html_login_page_is_named_in_the_refusal(server: LocalServer, workdir: Path) -> None:
    page = b"<!DOCTYPE html><html><body><form>Log in</form></body></html>"
    server.routes["/api/schema/"] = lambda r: Reply(200, page, {"Content-Type": "text/html; charset=utf-8"})

    result = run_fetch(server.url, workdir / "spiritme.yaml")

    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"{server.url}/api/schema/: error: served text/html, not an OpenAPI document" " (a login page, or a wrong URL?)"
    ]


# ----------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "status, words, attempts",
    [
        (401, "401 Unauthorized — check SPIRITME_API_KEY", 1),
        (403, "403 Forbidden — the token may not read this schema", 1),
        (404, "404 Not Found — not an OpenAPI schema endpoint?", 1),
        (500, "500 Internal Server Error after 3 attempts", 3),
    ],
)
def test_error_status_exits_3_with_one_line(
    server: LocalServer, workdir: Path, status: int, words: str, attempts: int
) -> None:
    server.routes["/api/schema/"] = lambda r: Reply(status, f"denied {TOKEN}".encode())

    result = run_fetch(server.url, workdir / "spiritme.yaml")

    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [f"{server.url}/api/schema/: error: {words}"]
    assert TOKEN not in result.output
    assert len(server.requests) == attempts
    assert list(workdir.iterdir()) == []


def test_401_without_a_token_says_the_key_is_not_set(server: LocalServer, workdir: Path) -> None:
    server.routes["/api/schema/"] = lambda request: Reply(401)

    result = run_fetch(server.url, workdir / "spiritme.yaml", token="")

    assert result.exit_code == 3
    assert "SPIRITME_API_KEY is not set" in result.output
    assert "Authorization" not in server.requests[0].headers


def test_connection_refused_exits_3(workdir: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"

    result = run_fetch(url, workdir / "spiritme.yaml")

    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [f"{url}/api/schema/: error: connection refused (3 attempts)"]


def test_timeout_exits_3(server: LocalServer, workdir: Path) -> None:
    server.routes["/api/schema/"] = lambda request: Reply(200, SPEC, delay=2.0)

    result = run_fetch(server.url, workdir / "spiritme.yaml", "--timeout", "0.2")

    assert result.exit_code == 3
    assert "timed out after 0.2 s (3 attempts)" in result.output
    assert list(workdir.iterdir()) == []


def test_dns_failure_exits_3_without_retrying(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lookups: list[str] = []

    def no_such_host(host: str, *args: Any, **kwargs: Any) -> Any:
        lookups.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)

    result = run_fetch("https://schema.invalid", workdir / "spiritme.yaml")

    assert result.exit_code == 3
    assert "cannot resolve host schema.invalid" in result.output
    assert lookups == ["schema.invalid"]


def test_503_then_200_succeeds_after_retry_after(server: LocalServer, workdir: Path) -> None:
    answers = [Reply(503, headers={"Retry-After": "0"}), Reply(200, SPEC, OPENAPI_YAML)]
    server.routes["/api/schema/"] = lambda request: answers.pop(0)

    result = run_fetch(server.url, workdir / "spiritme.yaml")

    assert result.exit_code == 0, result.output
    assert len(server.requests) == 2
    assert (workdir / "spiritme.yaml").read_bytes() == SPEC


def test_a_long_retry_after_ends_the_retries(server: LocalServer, workdir: Path) -> None:
    server.routes["/api/schema/"] = lambda request: Reply(503, headers={"Retry-After": "3600"})

    result = run_fetch(server.url, workdir / "spiritme.yaml")

    assert result.exit_code == 3
    assert len(server.requests) == 1


# ----------------------------------------------------------------- transport rules


def test_plain_http_to_a_remote_host_is_refused_before_connecting(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lookups: list[str] = []
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: lookups.append(host))

    result = run_fetch("http://api.example.com", workdir / "spiritme.yaml")

    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "http://api.example.com/api/schema/: error: refusing plain http:// to api.example.com:"
        " the token would travel in clear (use https://, or --allow-insecure)"
    ]
    assert lookups == []


def test_allow_insecure_permits_plain_http_to_a_remote_name(
    server: LocalServer, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The remote name is resolved to the local server, so nothing leaves the machine."""
    real = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: real("127.0.0.1", *a, **k))
    server.routes["/api/schema/"] = serve_spec()
    url = f"http://schema.example.com:{server.port}"

    result = run_fetch(url, workdir / "spiritme.yaml", "--allow-insecure")

    assert result.exit_code == 0, result.output
    assert server.requests[0].headers["Authorization"] == f"Token {TOKEN}"


def test_redirect_to_another_origin_drops_the_authorization_header(
    workdir: Path,
) -> None:
    with LocalServer() as first, LocalServer() as second:
        second.routes["/elsewhere/schema.yaml"] = serve_spec()
        first.routes["/api/schema/"] = lambda r: Reply(302, headers={"Location": second.url + "/elsewhere/schema.yaml"})

        result = run_fetch(first.url, workdir / "spiritme.yaml")

    assert result.exit_code == 0, result.output
    assert first.requests[0].headers["Authorization"] == f"Token {TOKEN}"
    assert "Authorization" not in second.requests[0].headers
    assert lock_of(workdir / "spiritme.yaml")["source_url"] == second.url + "/elsewhere/schema.yaml"


@pytest.fixture
def tls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A TLS context for a local https server, and its certificate trusted by the client."""
    made = self_signed_tls(tmp_path)
    if made is None:
        pytest.skip("openssl is not installed")
    context, cert = made
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    return context


def test_https_fetch_and_refused_downgrade_redirect(tls: Any, workdir: Path) -> None:
    with LocalServer(tls=tls) as secure, LocalServer() as plain:
        secure.routes["/api/schema/"] = serve_spec()
        assert run_fetch(secure.url, workdir / "spiritme.yaml").exit_code == 0
        secure.routes["/api/schema/"] = lambda r: Reply(302, headers={"Location": plain.url + "/s"})

        result = run_fetch(secure.url, workdir / "other.yaml")

    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [
        f"{secure.url}/api/schema/: error: refusing a redirect from https to {plain.url}/s"
    ]
    assert plain.requests == []


def test_an_untrusted_certificate_fails_once(tls: Any, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(workdir / "nothing-trusted.pem"))
    with LocalServer(tls=tls) as secure:
        result = run_fetch(secure.url, workdir / "spiritme.yaml")

    assert result.exit_code == 3
    assert "TLS certificate verification failed" in result.output
    assert "attempts" not in result.output


def test_redirect_within_the_origin_keeps_the_authorization_header(server: LocalServer, workdir: Path) -> None:
    server.routes["/api/schema/"] = lambda r: Reply(301, headers={"Location": "/api/v2/schema/"})
    server.routes["/api/v2/schema/"] = serve_spec()

    result = run_fetch(server.url, workdir / "spiritme.yaml")

    assert result.exit_code == 0, result.output
    assert [r.headers["Authorization"] for r in server.requests] == [f"Token {TOKEN}"] * 2


def test_a_redirect_loop_stops(server: LocalServer, workdir: Path) -> None:
    server.routes["/api/schema/"] = lambda r: Reply(302, headers={"Location": "/api/schema/"})

    result = run_fetch(server.url, workdir / "spiritme.yaml")

    assert result.exit_code == 3
    assert "more than 5 redirects" in result.output
    assert len(server.requests) == 6


def test_userinfo_becomes_basic_auth_and_is_kept_out_of_the_lock(server: LocalServer, workdir: Path) -> None:
    server.routes["/api/schema/"] = serve_spec()
    url = server.url.replace("http://", "http://reader:s3cret@")

    result = run_fetch(url, workdir / "spiritme.yaml", token="")

    assert result.exit_code == 0, result.output
    assert server.requests[0].headers["Authorization"] == "Basic cmVhZGVyOnMzY3JldA=="
    assert "s3cret" not in (workdir / "spiritme.lock.json").read_text()


def test_a_token_that_cannot_be_a_header_is_refused_without_echoing_it() -> None:
    with pytest.raises(GeneratorError) as caught:
        fetch_schema("http://127.0.0.1:9", token="abc\ndef")
    assert "abc" not in str(caught.value)


@pytest.mark.parametrize(
    "host, expected",
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("128.0.0.1", False),
        ("localhost.example.com", False),
        ("10.0.0.1", False),
    ],
)
def test_is_loopback(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


def test_public_url_drops_userinfo_and_credential_parameters() -> None:
    url = "https://user:pw@api.example.com/api/schema/?format=json&api_key=k&X-Amz-Signature=s#top"
    assert public_url(url) == "https://api.example.com/api/schema/?format=json"


def test_a_url_with_spaces_is_refused_without_echoing_its_query() -> None:
    with pytest.raises(GeneratorError) as caught:
        fetch_schema("https://api.example.com/?token=abc def", token=TOKEN)
    assert "abc" not in str(caught.value)
    assert "spaces or control characters" in str(caught.value)
