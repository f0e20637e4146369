"""``spiritme-gen mock``: a local HTTP server built from the document's IR (auth, validation, memory, jobs, faults)."""

from __future__ import annotations

import email.parser
import email.policy
import json
import random
import re
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Collection, Iterable
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from generator import ir
from generator.config import Settings, resolve_settings
from generator.errors import GeneratorError
from generator.loopback import is_loopback
from generator.mock.store import (
    ITEM_SHAPE,
    PARAM,
    REQUIRED,
    CollectionSpec,
    Store,
    Upload,
    Values,
    collection_specs,
    id_key,
    list_item_type,
    shape_of,
)
from generator.parse.api import body_encoding, build_ir, json_media
from generator.spec.refs import Resolver

DEFAULT_PAGE_SIZE = 100
NOT_FOUND = {"detail": "Not found."}
UNAUTHORIZED = {"detail": "Authentication credentials were not provided."}
ITEM_ROLES = {"get": "retrieve", "put": "update", "patch": "update", "delete": "delete"}
COUNT_FIELDS = ("count", "total", "total_count", "totalCount")


@dataclass(frozen=True)
class Incoming:
    """One request as the mock received it."""

    method: str
    path: str  # without the query string, still percent-encoded
    query: dict[str, list[str]]
    headers: Message
    body: bytes
    origin: str  # ``http://host:port`` as the client addressed the mock


@dataclass(frozen=True)
class Reply:
    status: int
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def json_reply(status: int, data: Any, media: str = "application/json", headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, json.dumps(data, separators=(",", ":")).encode(), {"Content-Type": media, **(headers or {})})


@dataclass(frozen=True)
class Route:
    """An operation, the pattern its path matches, and what it does to the store."""

    op: ir.Operation
    pattern: re.Pattern[str]
    role: str  # list, create, retrieve, update, delete, other
    collection: CollectionSpec | None
    parents: tuple[CollectionSpec, ...]  # collections whose item this path lies under (checked to exist)
    public: bool  # needs no credential


def routes_of(api: ir.Api, specs: dict[str, CollectionSpec], values: Values, open_ops: Collection[str]) -> list[Route]:
    """Every operation as a route; literal paths before templated ones."""
    routes = []
    for op in api.operations:
        shape = shape_of(op.request_path)
        item = ITEM_SHAPE.match(shape)
        collection, role = None, "other"
        if shape in specs:
            collection = specs[shape]
            role = {"post": "create", "get": "list" if list_item_type(op, values) else "other"}.get(
                op.http_method, "other"
            )
        elif item and item.group(1) in specs and specs[item.group(1)].item_shape == shape:
            collection, role = specs[item.group(1)], ITEM_ROLES.get(op.http_method, "other")
        parents = tuple(
            s
            for s in specs.values()
            if s.item_shape and (shape == s.item_shape or shape.startswith(s.item_shape.rstrip("/") + "/"))
        )
        routes.append(
            Route(
                op, path_pattern(op.request_path), role, collection, parents, not op.security or op.pointer in open_ops
            )
        )
    return sorted(routes, key=lambda r: (r.op.request_path.count("{"), -len(r.op.fixed_query)))


def path_pattern(template: str) -> re.Pattern[str]:
    """``/api/videos/{id}/`` → a pattern with one group per path parameter."""
    pieces = PARAM.split(template)
    return re.compile("([^/]+)".join(re.escape(p) for p in pieces))


def open_operations(document: dict[str, Any], api: ir.Api) -> frozenset[str]:
    """Pointers of operations whose security requirements include ``{}`` (a credential is optional)."""
    resolver = Resolver(document)
    found = set()
    paths = document.get("paths")
    paths = paths if isinstance(paths, dict) else {}
    for op in api.operations:
        try:
            item, _ = resolver.deref(paths.get(op.path), "/paths")
        except GeneratorError:
            continue
        raw = item.get(op.http_method) if isinstance(item, dict) else None
        security = raw.get("security", document.get("security")) if isinstance(raw, dict) else None
        if isinstance(security, list) and {} in security:
            found.add(op.pointer)
    return frozenset(found)


def authorized(auth: ir.Auth, request: Incoming) -> bool:
    """Whether the request carries a non-empty credential where ``auth`` says the client sends it."""
    if auth.kind == "none":
        return True
    if auth.kind == "query":
        return bool(request.query.get(auth.param_name, [""])[-1])
    if auth.kind == "cookie":
        try:
            morsel = SimpleCookie(request.headers.get("Cookie", "")).get(auth.param_name)
        except CookieError:
            return False
        return morsel is not None and bool(morsel.value)
    value = request.headers.get(auth.param_name or "Authorization", "").strip()
    if not auth.prefix:
        return bool(value)
    scheme, _, credential = value.partition(" ")
    return scheme.lower() == auth.prefix.lower() and bool(credential.strip())


def multipart_fields(body: bytes, content_type: str) -> dict[str, list[str | Upload]]:
    """The parts of a multipart/form-data body by name: text, or an ``Upload`` for a file."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", "replace")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    out: dict[str, list[str | Upload]] = {}
    for part in message.iter_parts() if message.is_multipart() else ():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        value: str | Upload = (
            Upload(filename, part.get_content_type(), len(content))
            if filename is not None
            else content.decode("utf-8", "replace")
        )
        out.setdefault(str(name), []).append(value)
    return out


def concrete(shape: str, args: list[str]) -> str:
    """A shape with its ``{}`` filled, in order, from ``args``."""
    pieces = shape.split("{}")
    return "".join(p + (quote(args[i], safe="") if i < len(pieces) - 1 else "") for i, p in enumerate(pieces))


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


class Mock:
    """Answers requests for one API: pure logic over the store, no sockets."""

    def __init__(
        self,
        api: ir.Api,
        *,
        seed: int = 0,
        error_rate: float = 0.0,
        rate_limit_every: int = 0,
        open_ops: Collection[str] = (),
    ) -> None:
        self.api = api
        self.values = Values(api)
        self.store = Store(self.values, seed=seed)
        self.routes = routes_of(api, collection_specs(api, self.values), self.values, open_ops)
        self.base_path = base_path(api.servers)
        self.error_rate = error_rate
        self.rate_limit_every = rate_limit_every
        self.faults = random.Random(f"faults:{seed}")
        self.requests = 0
        self.lock = threading.Lock()

    def answer(self, request: Incoming) -> Reply:
        with self.lock:
            self.requests += 1
            if self.rate_limit_every and self.requests % self.rate_limit_every == 0:
                return json_reply(
                    429,
                    {"detail": "Request was throttled. Expected available in 1 second."},
                    headers={"Retry-After": "1"},
                )
            if self.error_rate and self.faults.random() < self.error_rate:
                return json_reply(500, {"detail": "A server error occurred."})
            return self._dispatch(request)

    def _dispatch(self, request: Incoming) -> Reply:
        path = request.path
        if self.base_path and (path + "/").startswith(self.base_path + "/"):
            path = path[len(self.base_path) :] or "/"
        matches = [(r, m) for r in self.routes if (m := r.pattern.fullmatch(path))]
        if not matches:
            return json_reply(404, NOT_FOUND)
        method = "get" if request.method == "HEAD" else request.method.lower()
        chosen = [
            (r, m)
            for r, m in matches
            if r.op.http_method == method and all(v in request.query.get(k, ()) for k, v in r.op.fixed_query)
        ]
        if not chosen:
            allowed = ", ".join(sorted({r.op.http_method.upper() for r, _ in matches}))
            return json_reply(405, {"detail": f'Method "{request.method}" not allowed.'}, headers={"Allow": allowed})
        route, match = chosen[0]
        if not route.public and not authorized(self.api.auth, request):
            scheme = self.api.auth.prefix or self.api.auth.kind.title()
            return json_reply(
                401,
                UNAUTHORIZED,
                headers={"WWW-Authenticate": scheme} if self.api.auth.kind not in ("query", "cookie") else {},
            )
        args = [unquote(g) for g in match.groups()]
        parent = None
        for spec in route.parents:
            parent = self._find(spec, args)
            if parent is None:
                return json_reply(404, NOT_FOUND)
        problems = self._parameter_errors(route.op, request)
        if problems:
            return json_reply(400, problems)
        body, problem = self._body(route.op, request)
        if problem is not None:
            return problem
        return self._act(route, args, body, parent, request)

    def _find(self, spec: CollectionSpec, args: list[str]) -> Any:
        """The stored item the path names under ``spec`` (no job step), or None."""
        depth = spec.shape.count("{}")
        ident = id_key(args[depth], spec.id_type) if depth < len(args) else None
        if ident is None:
            return None
        return self.store.collection(spec, concrete(spec.shape, args)).items.get(ident)

    def _act(self, route: Route, args: list[str], body: Any, parent: Any, request: Incoming) -> Reply:
        spec, op = route.collection, route.op
        if spec is None or route.role == "other":
            if parent is not None and route.parents and op.success and op.success.type == route.parents[-1].item_type:
                return self._success(op, parent)
            return self._success(op, self.values.sample(op.success.type if op.success else None))
        key = concrete(spec.shape, args)
        if route.role == "list":
            return self._success(op, self._page(route, key, request))
        if route.role == "create":
            return self._success(op, self._view(self.store.create(spec, key, body), spec, op))
        ident = id_key(args[spec.shape.count("{}")], spec.id_type) or ""
        if route.role == "retrieve":
            return self._success(op, self._view(self.store.read(spec, key, ident), spec, op))
        if route.role == "update":
            return self._success(op, self._view(self.store.update(spec, key, ident, body), spec, op))
        self.store.delete(spec, key, ident)
        return self._success(op, None)

    def _view(self, obj: Any, spec: CollectionSpec, op: ir.Operation) -> Any:
        """A stored item as the operation's response type."""
        wanted = op.success.type if op.success else None
        return obj if wanted == spec.item_type else self.values.shaped(obj, wanted)

    def _success(self, op: ir.Operation, data: Any) -> Reply:
        success = op.success
        status = int(success.status) if success and success.status.isdigit() else 200
        if success is None or success.type is None or status in (204, 304):
            return Reply(status)
        if json_media(success.media_type):
            return json_reply(status, data, success.media_type)
        content = data if isinstance(data, bytes) else b"" if data is None else _as_text(data).encode()
        return Reply(status, content, {"Content-Type": success.media_type or "application/octet-stream"})

    # ------------------------------------------------------------ lists

    def _page(self, route: Route, key: str, request: Incoming) -> Any:
        spec, op = route.collection, route.op
        assert spec is not None
        items = self._filtered(list(self.store.collection(spec, key).items.values()), op, request, spec)
        item_type = list_item_type(op, self.values)

        def shaped(objs: list[Any]) -> list[Any]:
            return objs if item_type == spec.item_type else [self.values.shaped(obj, item_type) for obj in objs]

        pg = op.pagination
        if pg is None:
            return shaped(items)
        limit = self._int_query(request, pg.limit_param or "limit", self._default_limit(op))
        limit = max(1, limit)
        if pg.style == "page":
            offset = (max(1, self._int_query(request, pg.page_param, 1)) - 1) * limit
        else:
            offset = max(
                0,
                self._int_query(request, (pg.cursor_param if pg.style == "cursor" else pg.offset_param) or "offset", 0),
            )
        body = self.values.sample(op.success.type if op.success else None)
        body = body if isinstance(body, dict) else {}
        body[pg.items_field] = shaped(items[offset : offset + limit])
        for name in COUNT_FIELDS:
            if name in body:
                body[name] = len(items)
        more = offset + limit < len(items)
        if pg.next_field:
            body[pg.next_field] = self._link(pg, request, offset + limit, limit) if more else None
        if "previous" in body and pg.style in ("offset", "next_link", "page"):
            body["previous"] = self._link(pg, request, max(0, offset - limit), limit) if offset > 0 else None
        return body

    def _link(self, pg: ir.Pagination, request: Incoming, offset: int, limit: int) -> Any:
        """The ``next``/``previous`` value that asks for items from ``offset``: a URL on the mock's own origin, or a cursor."""
        if pg.style == "cursor":
            return str(offset)
        query = {k: v for k, v in request.query.items()}
        if pg.style == "page":
            query[pg.page_param] = [str(offset // limit + 1)]
        elif offset:
            query[pg.offset_param or "offset"] = [str(offset)]
        else:
            query.pop(pg.offset_param or "offset", None)  # DRF's first-page link has no offset
        query[pg.limit_param or "limit"] = [str(limit)]
        return f"{request.origin}{request.path}?{urlencode(query, doseq=True)}"

    @staticmethod
    def _int_query(request: Incoming, name: str, default: int) -> int:
        raw = request.query.get(name, [""])[-1]
        try:
            return int(raw)
        except ValueError:
            return default

    @staticmethod
    def _default_limit(op: ir.Operation) -> int:
        limit = next((p for p in op.parameters if op.pagination and p.wire_name == op.pagination.limit_param), None)
        given = limit.default.value if limit is not None and limit.default.present else None
        return given if isinstance(given, int) and not isinstance(given, bool) and given > 0 else DEFAULT_PAGE_SIZE

    def _filtered(self, items: list[Any], op: ir.Operation, request: Incoming, spec: CollectionSpec) -> list[Any]:
        """Items whose top-level field equals (one of) the values of a query parameter named like it."""
        model = self.values.model(spec.item_type)
        fields = {f.wire_name for f in model.fields} if model else set()
        for p in op.parameters:
            if p.location == "query" and p.wire_name in fields and request.query.get(p.wire_name):
                wanted = {v for raw in request.query[p.wire_name] for v in raw.split(",")}
                items = [obj for obj in items if isinstance(obj, dict) and _as_text(obj.get(p.wire_name)) in wanted]
        return items

    # ------------------------------------------------------------ validation

    def _parameter_errors(self, op: ir.Operation, request: Incoming) -> dict[str, Any]:
        """DRF-style errors for missing or ill-typed query and header parameters."""
        out: dict[str, Any] = {}
        for p in op.parameters:
            if p.location == "query":
                raw = request.query.get(p.wire_name, [])
            elif p.location == "header" and p.wire_name.lower() != self.api.auth.param_name.lower():
                raw = [v.strip() for h in request.headers.get_all(p.wire_name, []) for v in str(h).split(",")]
            else:
                continue
            if isinstance(self.values.resolved(p.type), ir.MapOf) or self.values.model(p.type) is not None:
                continue  # objects in a query have too many styles to read back
            if isinstance(self.values.resolved(p.type), ir.ListOf) and len(raw) == 1 and not p.explode:
                raw = re.split(r"[,|]| ", raw[0])
            if not raw:
                if p.required:
                    out[p.wire_name] = [REQUIRED]
                continue
            found = self.values.errors(self.values.from_text(raw, p.type), p.type)
            if found:
                out[p.wire_name] = found
        return out

    def _body(self, op: ir.Operation, request: Incoming) -> tuple[Any, Reply | None]:
        """The request body as data, or the 400/415 reply that refuses it."""
        body = op.body
        if body is None:
            return None, None
        content_type = request.headers.get("Content-Type", "")
        media = content_type.split(";")[0].strip().lower()
        accepted = {m.split(";")[0].strip().lower() for m in (body.media_type, *body.other_media_types)}
        model = self.values.model(body.type)
        if not request.body and not media:
            data: Any = {} if model is not None else None
        elif media not in accepted and not any(
            a.endswith("/*") and media.startswith(a[:-1]) or a == "*/*" for a in accepted
        ):
            return None, json_reply(415, {"detail": f'Unsupported media type "{content_type}" in request.'})
        else:
            data, problem = self._decoded(request, media, content_type, model)
            if problem is not None:
                return None, problem
        if data is None or body_encoding(media or body.media_type) in ("binary", "text"):
            return data, None
        if model is not None:
            problems = self.values.model_errors(data, model, partial=op.http_method == "patch")
        else:
            problems = self.values.errors(data, body.type)
            problems = problems if isinstance(problems, dict) or problems is None else {"non_field_errors": problems}
        return data, json_reply(400, problems) if problems else None

    def _decoded(
        self, request: Incoming, media: str, content_type: str, model: ir.Model | None
    ) -> tuple[Any, Reply | None]:
        encoding = body_encoding(media)
        if encoding == "json":
            try:
                return json.loads(request.body or b"{}"), None
            except ValueError as exc:
                return None, json_reply(400, {"detail": f"JSON parse error - {exc}"})
        if encoding == "form":
            text = request.body.decode("utf-8", "replace")
            return (
                self._typed_form({k: list(v) for k, v in parse_qs(text, keep_blank_values=True).items()}, model),
                None,
            )
        if encoding == "multipart":
            return self._typed_form(multipart_fields(request.body, content_type), model), None
        return request.body, None

    def _typed_form(
        self, parts: dict[str, list[str]] | dict[str, list[str | Upload]], model: ir.Model | None
    ) -> dict[str, Any]:
        """Form fields read per the model: numbers, booleans, JSON objects; files as uploads."""
        fields = {f.wire_name: f for f in model.fields} if model else {}
        out: dict[str, Any] = {}
        for name, given in parts.items():
            f = fields.get(name)
            uploads = [v for v in given if isinstance(v, Upload)]
            many = f is not None and isinstance(self.values.resolved(f.type), ir.ListOf)
            if uploads:
                out[name] = uploads if many else uploads[0]
            else:
                texts = [str(v) for v in given]
                out[name] = self.values.from_text(texts, f.type) if f is not None else texts[-1]
        return out


def base_path(servers: Iterable[str]) -> str:
    """The path part of the document's first server (``/v1``), which requests may carry before the operation path."""
    for url in servers:
        if "{" not in url:
            return urlsplit(url).path.rstrip("/")
    return ""


class MockServer:
    """The mock on a real socket; ``with MockServer(api) as mock:`` then point the client at ``mock.url``.

    ``port=0`` takes a free port. Faults: ``latency`` seconds before each answer, ``error_rate`` the
    share of requests answered 500 (drawn from ``seed``), ``rate_limit_every`` N answers every Nth
    request with 429 and ``Retry-After: 1``. A non-loopback ``host`` needs ``public=True``.
    """

    def __init__(
        self,
        api: ir.Api,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        latency: float = 0.0,
        error_rate: float = 0.0,
        rate_limit_every: int = 0,
        seed: int = 0,
        public: bool = False,
        open_operations: Collection[str] = (),
        log: Callable[[str], None] | None = None,
    ) -> None:
        if not is_loopback(host) and not public:
            raise GeneratorError(
                f"refusing to listen on {host}: not a loopback address (pass --public to expose the mock)"
            )
        if not 0.0 <= error_rate <= 1.0 or latency < 0 or rate_limit_every < 0:
            raise GeneratorError("mock faults out of range: error rate 0..1, latency and rate-limit period >= 0")
        self.mock = Mock(
            api, seed=seed, error_rate=error_rate, rate_limit_every=rate_limit_every, open_ops=open_operations
        )
        self.latency = latency
        self.log = log
        server_class = _IPv6Server if ":" in host else _QuietServer
        try:
            self._httpd = server_class((host.strip("[]"), port), _handler_class(self))
        except OSError as exc:
            raise GeneratorError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        self._thread: threading.Thread | None = None

    @classmethod
    def from_spec(cls, spec: str | Path | None = None, **options: Any) -> MockServer:
        """A mock of the document at ``spec`` (default: the configured one, ``specs/spiritme.yaml``)."""
        api, open_ops = load_api(resolve_settings({"spec": str(spec) if spec is not None else None}))
        return cls(api, open_operations=open_ops, **options)

    @property
    def origin(self) -> str:
        host, port = str(self._httpd.server_address[0]), self._httpd.server_address[1]
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    @property
    def url(self) -> str:
        """The base URL to give the client: the mock's origin and the document's server path."""
        return self.origin + self.mock.base_path

    def answer(self, request: Incoming) -> Reply:
        if self.latency:
            time.sleep(self.latency)
        try:
            reply = self.mock.answer(request)
        except Exception as exc:  # a bug in the mock must answer, not hang the client
            reply = json_reply(500, {"detail": f"mock error: {type(exc).__name__}: {exc}"})
        if self.log is not None:
            self.log(f"{request.method} {request.path} -> {reply.status}")
        return reply

    def start(self) -> MockServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (Ctrl-C), then close the socket."""
        try:
            self._httpd.serve_forever(poll_interval=0.2)
        finally:
            self._httpd.server_close()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def load_api(settings: Settings) -> tuple[ir.Api, frozenset[str]]:
    """The IR of the configured document, through the build's stages, and its operations with optional auth."""
    from generator.parse.api import client_settings
    from generator.spec.document import load_and_validate

    doc, _ = load_and_validate(settings)
    api, _ = build_ir(doc.data, client_settings(settings), source=doc.source)
    return api, open_operations(doc.data, api)


class _QuietServer(ThreadingHTTPServer):
    """Does not print a traceback when a client hangs up first."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _IPv6Server(_QuietServer):
    address_family = socket.AF_INET6


def _handler_class(server: MockServer) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            host = str(self.headers.get("Host", ""))
            request = Incoming(
                method=self.command,
                path=parts.path,
                query={k: list(v) for k, v in parse_qs(parts.query, keep_blank_values=True).items()},
                headers=self.headers,
                body=self._body(),
                origin=f"http://{host}" if host else server.origin,
            )
            reply = server.answer(request)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.status not in (204, 304):
                self.send_header("Content-Length", str(len(reply.content)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(reply.content)

        def _body(self) -> bytes:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                body = bytearray()
                while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                    body += self.rfile.read(size)
                    self.rfile.readline()
                while self.rfile.readline().strip():
                    pass
                return bytes(body)
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _serve

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
            pass

    return _Handler
