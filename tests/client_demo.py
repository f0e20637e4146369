"""A small OpenAPI document that exercises the whole client runtime, built by the real generator
into a temporary folder for the runtime tests, and a sink server that reads uploads without keeping them."""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

from genutil import build

VIDEO = {"id": 1, "name": "clip", "status": "success"}

#: security scheme of each generated variant (package name → scheme; None: no auth)
AUTH_SCHEMES: dict[str, dict[str, Any] | None] = {
    "demo_sdk": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": 'Token-based authentication with required prefix "Token"',
    },
    "demo_query": {"type": "apiKey", "in": "query", "name": "api_key"},
    "demo_cookie": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
    "demo_bearer": {"type": "http", "scheme": "bearer"},
    "demo_basic": {"type": "http", "scheme": "basic"},
    "demo_none": None,
    "demo_xkey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
}


def _ok(schema: dict[str, Any], media: str = "application/json") -> dict[str, Any]:
    return {"200": {"description": "OK", "content": {media: {"schema": schema}}}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}


def demo_document(scheme: dict[str, Any] | None, *, webhooks: bool = True) -> dict[str, Any]:
    """The document (OpenAPI 3.0): videos (DRF pages, create, retrieve, update, delete, a job to wait
    on), uploads (multipart and raw binary), a binary download, and a webhook payload."""
    schemas: dict[str, Any] = {
        "VideoStatusEnum": {"type": "string", "enum": ["draft", "in_progress", "success", "error"]},
        "PriorityEnum": {"type": "integer", "enum": [1, 2]},
        "Video": {
            "type": "object",
            "required": ["id", "name", "status"],
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "status": _ref("VideoStatusEnum"),
                "priority": _ref("PriorityEnum"),
                "created_at": {"type": "string", "format": "date-time"},
                "model": {"type": "string"},
            },
        },
        "VideoRequest": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "maxLength": 20},
                "status": {"nullable": True, "allOf": [_ref("VideoStatusEnum")]},
                "model": {"type": "string"},
            },
        },
        "PaginatedVideoList": {
            "type": "object",
            "required": ["count", "results"],
            "properties": {
                "count": {"type": "integer"},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": {"type": "array", "items": _ref("Video")},
            },
        },
        "UploadRequest": {
            "type": "object",
            "required": ["file", "title"],
            "properties": {
                "file": {"type": "string", "format": "binary"},
                # writeOnly: without a request/response marker the generator builds a schema used
                # only in requests in its response view, where a binary field is bytes, not a file
                "title": {"type": "string", "writeOnly": True},
                "tags": {"type": "array", "items": {"type": "string"}},
            },
        },
    }
    paths: dict[str, Any] = {
        "/api/videos/": {
            "get": {
                "operationId": "videos_list",
                "tags": ["videos"],
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {"name": "page", "in": "query", "schema": {"type": "integer"}},
                    {
                        "name": "status",
                        "in": "query",
                        "explode": False,
                        "schema": {"type": "array", "items": {"type": "string"}},
                    },
                ],
                "responses": _ok(_ref("PaginatedVideoList")),
            },
            "post": {
                "operationId": "videos_create",
                "tags": ["videos"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("VideoRequest")}},
                },
                "responses": {
                    "201": {"description": "Created", "content": {"application/json": {"schema": _ref("Video")}}}
                },
            },
        },
        "/api/videos/{id}/": {
            "parameters": [ID],
            "get": {"operationId": "videos_retrieve", "tags": ["videos"], "responses": _ok(_ref("Video"))},
            "put": {
                "operationId": "videos_update",
                "tags": ["videos"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("VideoRequest")}},
                },
                "responses": _ok(_ref("Video")),
            },
            "delete": {
                "operationId": "videos_destroy",
                "tags": ["videos"],
                "responses": {"204": {"description": "Gone"}},
            },
        },
        "/api/videos/{id}/source/": {
            "parameters": [ID],
            "put": {
                "operationId": "videos_upload_raw",
                "tags": ["videos"],
                "requestBody": {
                    "required": True,
                    "content": {"video/*": {"schema": {"type": "string", "format": "binary"}}},
                },
                "responses": _ok(_ref("Video")),
            },
        },
        "/api/videos/{id}/file/": {
            "parameters": [ID],
            "get": {
                "operationId": "videos_download",
                "tags": ["videos"],
                "responses": _ok({"type": "string", "format": "binary"}, "application/octet-stream"),
            },
        },
        "/api/uploads/": {
            "post": {
                "operationId": "videos_upload",
                "tags": ["videos"],
                "requestBody": {
                    "required": True,
                    "content": {"multipart/form-data": {"schema": _ref("UploadRequest")}},
                },
                "responses": _ok(_ref("Video")),
            },
        },
    }
    document: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Demo API", "version": "1.2.3"},
        "servers": [{"url": "https://api.demo.example"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
    if scheme is not None:
        document["components"]["securitySchemes"] = {"auth": scheme}
        document["security"] = [{"auth": []}]
    if webhooks:  # a create call that takes a webhook URL: the video is what the webhook receives
        schemas["VideoRequest"]["properties"]["webhook"] = {"type": "string", "format": "uri"}
    return document


def build_variants(root: Path) -> dict[str, Path]:
    """Builds every auth variant with the generator under ``root``: package name → its import root."""
    roots: dict[str, Path] = {}
    for package, scheme in AUTH_SCHEMES.items():
        document = demo_document(scheme, webhooks=package == "demo_sdk")
        options = ("--client-name", "Demo", "--base-url", "https://api.demo.example")
        outcome = build(document, root / package, *options, package=package)
        assert outcome.exit_code == 0, outcome.stderr
        roots[package] = outcome.output
    return roots


@dataclass(frozen=True)
class Received:
    """What the sink server read of one request body, without keeping it."""

    method: str
    path: str
    headers: dict[str, str]
    size: int
    sha256: str


class Sink:
    """What a sink server has read, and where it listens."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.url = ""


@contextlib.contextmanager
def sink_server(port: int = 0) -> Iterator[Sink]:
    """An HTTP server on 127.0.0.1 (on ``port``, or a free one) while the block runs: it reads
    bodies in 64 KiB chunks, keeps only their size and hash, and answers ``VIDEO`` as JSON.
    """
    sink = Sink()
    httpd = ThreadingHTTPServer(("127.0.0.1", port), _sink_handler(sink))
    httpd.daemon_threads = True
    sink.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    # a short poll: shutdown() waits for the loop to look, half a second by default
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield sink
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _sink_handler(sink: Sink) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            digest, size = hashlib.sha256(), 0
            for chunk in self._chunks():
                digest.update(chunk)
                size += len(chunk)
            headers = {k.lower(): v for k, v in self.headers.items()}
            sink.received.append(Received(self.command, self.path, headers, size, digest.hexdigest()))
            body = json.dumps(VIDEO).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _chunks(self) -> Iterator[bytes]:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                    yield from self._read(size)
                    self.rfile.readline()
                while self.rfile.readline().strip():
                    pass
                return
            yield from self._read(int(self.headers.get("Content-Length") or 0))

        def _read(self, remaining: int) -> Iterator[bytes]:
            while remaining > 0:
                chunk = self.rfile.read(min(remaining, 64 * 1024))
                if not chunk:
                    return
                remaining -= len(chunk)
                yield chunk

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
            pass

    return _Handler
