"""A real threaded HTTP server on 127.0.0.1 for tests: per-test handlers, records requests, stops on exit."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Mapping
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class Request:
    """One request as the server received it."""

    method: str
    path: str  # without the query string
    query: tuple[tuple[str, str], ...]
    headers: Message
    body: bytes
    raw_query: str = ""  # the query string as it was sent


@dataclass(frozen=True)
class Reply:
    """What a handler answers; ``delay`` seconds pass before anything is sent."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0


Handler = Callable[[Request], Reply]


def not_found(request: Request) -> Reply:
    """The answer for a path no route serves."""
    return Reply(404, b"not found", {"Content-Type": "text/plain"})


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now (bound, then closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def self_signed_tls(folder: Path) -> tuple[ssl.SSLContext, Path] | None:
    """A server context for 127.0.0.1 and the certificate a client must trust; None without openssl."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, cert


class LocalServer:
    """Serves ``routes`` (path → handler, or one handler for every path) until the ``with`` block ends.

    Usage: ``with LocalServer({"/hello": lambda request: Reply(body=b"hi")}) as server:``
    then request ``server.url + "/hello"``; ``server.requests`` lists what arrived.
    """

    def __init__(
        self,
        routes: Mapping[str, Handler] | Handler | None = None,
        *,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.routes: dict[str, Handler] = {}
        self.fallback: Handler = not_found
        if callable(routes):
            self.fallback = routes
        elif routes:
            self.routes.update(routes)
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), _handler_class(self))
        self.scheme = "https" if tls else "http"
        if tls:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            daemon=True,
        )

    @property
    def port(self) -> int:
        port: int = self._httpd.server_address[1]
        return port

    @property
    def url(self) -> str:
        """The base URL, without a trailing slash: ``http://127.0.0.1:PORT`` (or https)."""
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def handle(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
        return self.routes.get(request.path, self.fallback)(request)

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class _QuietServer(ThreadingHTTPServer):
    """Does not print a traceback when a client hangs up first (as a client that timed out does)."""

    daemon_threads = True

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def _handler_class(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            request = Request(
                method=self.command,
                path=parts.path,
                query=tuple(parse_qsl(parts.query, keep_blank_values=True)),
                headers=self.headers,
                body=self._body(),
                raw_query=parts.query,
            )
            reply = server.handle(request)
            if reply.delay:
                time.sleep(reply.delay)
            self.send_response(reply.status)
            names = {name.lower() for name in reply.headers}
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if "content-length" not in names and reply.status != 304:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if self.command != "HEAD" and reply.status != 304:
                self.wfile.write(reply.body)

        def _body(self) -> bytes:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                return self._chunked_body()
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _chunked_body(self) -> bytes:
            body = bytearray()
            while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                body += self.rfile.read(size)
                self.rfile.readline()
            while self.rfile.readline().strip():  # trailers, then the blank line
                pass
            return bytes(body)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _serve

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
            pass

    return _Handler
