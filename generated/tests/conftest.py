"""Fixtures for the generated stub tests: a real HTTP server on 127.0.0.1 that records requests."""

from __future__ import annotations

import datetime as _dt
import decimal as _decimal
import enum
import json
import threading
import uuid as _uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, AsyncIterator, Iterator
from urllib.parse import parse_qs, urlsplit

import pydantic
import pytest

from spiritme import AsyncSpiritMe, SpiritMe

API_KEY = "test-key"
RESPONSES = Path(__file__).resolve().parent / "responses"


def load_responses(resource: str) -> dict[str, Any]:
    """What one resource's stub tests serve and expect, as JSON data: answers by method name,
    request bodies by method name + " request"."""
    text = (RESPONSES / f"{resource}.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
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
    # a short poll: shutdown() waits for the loop to look, half a second by default
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
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
    query: dict[str, list[str]],
    encoding: str,
    body: Any,
) -> None:
    """The request the client sent: method, path, query values, credentials, body encoding and content."""
    assert request.method == method
    assert request.path == path
    for name, values in query.items():
        sent = request.query.get(name)
        assert sent is not None and len(sent) == len(values), (name, sent, values)
        assert all(same_json(s, v) for s, v in zip(sent, values)), (name, sent, values)
    expected = "Token " + API_KEY
    assert request.headers.get("authorization") == expected
    content_type = request.headers.get("content-type", "")
    if encoding == "json":
        assert content_type.startswith("application/json") or "json" in content_type, content_type
        assert same_json(request.json(), body), (request.json(), body)
    elif encoding == "multipart":
        assert content_type.startswith("multipart/form-data"), content_type
        for key in body:
            assert f'name="{key}"'.encode() in request.body, key
    elif encoding == "form":
        assert content_type.startswith("application/x-www-form-urlencoded"), content_type
        sent = parse_qs(request.body.decode(), keep_blank_values=True)
        for key, value in body.items():
            assert key in sent, key
            assert value is None or same_json(sent[key][0], value), (key, sent[key], value)
    elif encoding == "binary":
        assert request.body == body
    elif encoding == "text":
        assert request.body.decode() == body


def check_parsed(result: Any, served: Any) -> None:
    """What the client parsed holds what the server sent: every field, by wire name."""
    assert same_json(dumped(result), served), (dumped(result), served)


def dumped(value: Any) -> Any:
    """A parsed value back as JSON data: models by wire name (fields the answer set), enums by value."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (list, tuple)):
        return [dumped(v) for v in value]
    if isinstance(value, dict):
        return {k: dumped(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, (_uuid.UUID, _decimal.Decimal)):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def same_json(got: Any, want: Any) -> bool:
    """JSON values equal, with numbers compared as numbers (``1`` and ``1.0``, ``"1.5"`` and ``1.5``)
    and date-times, dates, UUIDs compared as what they mean, not how they are spelled."""
    if isinstance(want, dict):
        same_keys = isinstance(got, dict) and set(got) == set(want)
        return same_keys and all(same_json(got[k], want[k]) for k in want)
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(map(same_json, got, want))
    if got == want and type(got) is type(want):
        return True
    if isinstance(got, bool) or isinstance(want, bool):
        return str(got).lower() == str(want).lower()
    if isinstance(got, (int, float, str)) and isinstance(want, (int, float, str)):
        a, b = str(got), str(want)
        return _same_number(a, b) or _same_moment(a, b) or _same_uuid(a, b)
    return bool(got == want)


def _same_number(got: str, want: str) -> bool:
    try:
        return _decimal.Decimal(got) == _decimal.Decimal(want)
    except (_decimal.InvalidOperation, ValueError):
        return False


def _same_uuid(got: str, want: str) -> bool:
    try:
        return _uuid.UUID(got) == _uuid.UUID(want)
    except ValueError:
        return False


def _same_moment(got: str, want: str) -> bool:
    for kind in (_dt.datetime, _dt.date, _dt.time):
        try:
            a = kind.fromisoformat(got.replace("Z", "+00:00"))
            b = kind.fromisoformat(want.replace("Z", "+00:00"))
        except ValueError:
            continue
        try:
            return bool(a == b)
        except TypeError:  # naive against aware
            return False
    return False
