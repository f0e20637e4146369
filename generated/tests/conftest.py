"""Fixtures for the generated stub tests: a real HTTP server on 127.0.0.1 that records requests."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, AsyncIterator, Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from spiritme import AsyncSpiritMe, SpiritMe

API_KEY = "test-key"
RESPONSES = Path(__file__).resolve().parent / "responses"


def load_responses(resource: str) -> dict[str, Any]:
    """The response bodies of one resource's stub tests, by method name (kept as JSON data)."""
    loaded: dict[str, Any] = json.loads(
        (RESPONSES / f"{resource}.json").read_text(encoding="utf-8")
    )
    return loaded


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class StubServer:
    """Answers every request with the queued response and keeps what it received."""

    url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    status: int = 200
    body: bytes = b"{}"
    content_type: str = "application/json"

    def respond(self, status: int, payload: Any, content_type: str = "application/json") -> None:
        self.status = status
        self.content_type = content_type
        if payload is None:
            self.body = b""
        elif isinstance(payload, bytes):
            self.body = payload
        else:
            self.body = json.dumps(payload).encode()

    def last(self) -> Recorded:
        assert self.requests, "the client sent no request"
        return self.requests[-1]


@pytest.fixture(scope="session")
def server() -> Iterator[StubServer]:
    stub = StubServer()

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            stub.requests.append(
                Recorded(
                    self.command,
                    parts.path,
                    parse_qs(parts.query, keep_blank_values=True),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
            )
            self.send_response(stub.status)
            if stub.body:
                self.send_header("Content-Type", stub.content_type)
            self.send_header("Content-Length", str(len(stub.body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(stub.body)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = do_TRACE = _handle

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield stub
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def client(server: StubServer) -> Iterator[SpiritMe]:
    server.requests.clear()
    with SpiritMe(api_key=API_KEY, base_url=server.url, max_retries=0) as c:
        yield c


@pytest.fixture
async def async_client(server: StubServer) -> AsyncIterator[AsyncSpiritMe]:
    server.requests.clear()
    async with AsyncSpiritMe(api_key=API_KEY, base_url=server.url, max_retries=0) as c:
        yield c


def check_request(
    request: Recorded,
    method: str,
    path: str,
    query: dict[str, str],
    body_keys: list[str],
    content_type: str,
) -> None:
    """The request the client sent: method, path, query, credentials, body encoding and keys."""
    assert request.method == method
    assert request.path == path
    for name, value in query.items():
        assert request.query.get(name) == [value]
    expected = "Token " + API_KEY
    assert request.headers.get("authorization") == expected
    if content_type == "json":
        assert request.headers["content-type"].startswith("application/json")
        sent: Any = request.json()
        if body_keys:
            assert isinstance(sent, dict)
            assert set(body_keys) <= set(sent)
    elif content_type == "multipart":
        assert request.headers["content-type"].startswith("multipart/form-data")
        for key in body_keys:
            assert f'name="{key}"'.encode() in request.body
    elif content_type == "form":
        assert request.headers["content-type"].startswith("application/x-www-form-urlencoded")
        for key in body_keys:
            assert key.encode() in request.body
