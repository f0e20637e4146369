"""Fetch the OpenAPI document over HTTP(S) and keep it as a snapshot with a lock file beside it.

Standard library only. Rules that protect the token: plain ``http://`` is refused to any host but
loopback unless ``allow_insecure``; the ``Authorization`` header goes only to the origin first asked
(a redirect elsewhere loses it) and a redirect from https to http is refused; the token is never put
in a message, and URLs in messages and in the lock file lose their userinfo and credential-like
query parameters.

The snapshot keeps the bytes exactly as served, whatever the output's extension says: a server that
answers JSON to ``specs/spiritme.yaml`` gets its JSON kept (JSON is YAML, and the loader reads
either), and the lock file's ``content_type`` records what was served. Re-encoding would break the
link between the file, its sha256 and the server's ETag, and make a diff of the snapshot show
changes the server never made.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import http
import http.client
import json
import os
import socket
import ssl
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email.message import Message
from pathlib import Path
from typing import Any

from generator import __version__
from generator.config import DEFAULTS
from generator.errors import GeneratorError, NetworkError
from generator.loopback import is_loopback

SCHEMA_PATH = "/api/schema/"
ACCEPT = "application/vnd.oai.openapi, application/yaml, application/vnd.oai.openapi+json, application/json"
USER_AGENT = f"spiritme-gen/{__version__}"
MAX_REDIRECTS = 5
BACKOFF_SECONDS = 0.5  # pause before the first retry; doubles each time
MAX_RETRY_AFTER = 10.0  # a server asking for a longer pause ends the retries
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK_BYTES = 64 * 1024
MAX_BYTES: int = DEFAULTS["max-bytes"]  # the loader's bound, applied after gunzip too
SECRET_PARAM_WORDS = (
    "token",
    "key",
    "secret",
    "pass",
    "auth",
    "sig",
    "credential",
    "session",
)
STATUS_HINTS = {
    401: "check SPIRITME_API_KEY",
    403: "the token may not read this schema",
    404: "not an OpenAPI schema endpoint?",
}


@dataclass(frozen=True)
class FetchResult:
    """A successful answer (2xx, or 304 to a conditional request); ``url`` carries no credentials."""

    status: int
    body: bytes
    etag: str
    content_type: str
    url: str


@dataclass(frozen=True)
class SnapshotResult:
    """What ``update_snapshot`` did to the snapshot file."""

    changed: bool
    path: Path
    sha256: str
    etag: str
    detail: str = ""

    def summary(self) -> str:
        verdict = "updated" if self.changed else "unchanged"
        detail = f"{self.detail}; " if self.detail else ""
        return f"{self.path}: {verdict} ({detail}sha256 {self.sha256[:12]})"


@dataclass(frozen=True)
class _Target:
    """A URL split for requesting: no userinfo, no fragment; ``userinfo`` kept apart."""

    url: str
    scheme: str
    host: str
    port: int
    userinfo: str

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)


@dataclass(frozen=True)
class _Response:
    status: int
    headers: Message
    body: bytes
    url: str
    attempts: int = 1


class _Unreachable(Exception):
    """No HTTP answer: the connection failed, timed out or broke; ``retryable`` if trying again may help."""

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


# ----------------------------------------------------------------- URLs


def schema_url(base_url: str) -> str:
    """``https://host`` or ``https://host/`` → ``https://host/api/schema/``."""
    return base_url.rstrip("/") + SCHEMA_PATH


def public_url(url: str) -> str:
    """``url`` fit for a message or the lock file: no userinfo, fragment or credential-like parameter."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "<malformed URL>"
    netloc = parts.netloc.rpartition("@")[2]
    query = [
        (name, value)
        for name, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if not any(word in name.lower() for word in SECRET_PARAM_WORDS)
    ]
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, urllib.parse.urlencode(query), ""))


def _target(url: str, *, allow_insecure: bool) -> _Target:
    """Parse ``url`` and refuse what must not be requested, before any connection is made."""
    shown = public_url(url)
    if any(ch <= " " or ch == "\x7f" for ch in url):
        raise GeneratorError("URL contains spaces or control characters", source=shown)
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise GeneratorError(f"malformed URL: {exc}", source=shown) from None
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if scheme not in ("http", "https"):
        raise GeneratorError(f"unsupported URL scheme {scheme!r}: use https://", source=shown)
    if not host:
        raise GeneratorError("URL has no host", source=shown)
    if scheme == "http" and not allow_insecure and not is_loopback(host):
        raise GeneratorError(
            f"refusing plain http:// to {host}: the token would travel in clear" " (use https://, or --allow-insecure)",
            source=shown,
        )
    userinfo, _, netloc = parts.netloc.rpartition("@")
    clean = urllib.parse.urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    default_port = 443 if scheme == "https" else 80
    return _Target(clean, scheme, host, port or default_port, urllib.parse.unquote(userinfo))


# ----------------------------------------------------------------- one exchange


def request_headers(token: str, etag: str, userinfo: str = "") -> dict[str, str]:
    """The headers of every request; ``Authorization`` only when there is a credential."""
    headers = {
        "Accept": ACCEPT,
        "Accept-Encoding": "gzip",
        "User-Agent": USER_AGENT,
    }
    token = token.strip()
    if token:
        if not _header_safe(token):
            raise GeneratorError("SPIRITME_API_KEY holds characters that cannot go in an HTTP header")
        headers["Authorization"] = f"Token {token}"
    elif userinfo:
        credentials = base64.b64encode(userinfo.encode("utf-8")).decode("ascii")
        headers["Authorization"] = f"Basic {credentials}"
    if etag and _header_safe(etag):
        headers["If-None-Match"] = etag
    return headers


def _header_safe(value: str) -> bool:
    return all("!" <= ch <= "~" for ch in value)


def _opener(target: _Target) -> urllib.request.OpenerDirector:
    """An opener that hands back every status (no redirect followed) and never proxies loopback."""
    opener = urllib.request.OpenerDirector()
    proxies: dict[str, str] | None = {} if is_loopback(target.host) else None
    for handler in (
        urllib.request.ProxyHandler(proxies),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _EveryStatus(),
    ):
        opener.add_handler(handler)
    return opener


class _EveryStatus(urllib.request.BaseHandler):
    """Hands every response back as is: redirects and errors are this module's business."""

    def http_response(self, request: urllib.request.Request, response: Any) -> Any:
        return response

    https_response = http_response


def _exchange(target: _Target, headers: dict[str, str], timeout: float) -> _Response:
    """One GET, body read (bounded, gunzipped) within ``timeout`` seconds."""
    request = urllib.request.Request(target.url, headers=headers, method="GET")
    deadline = time.monotonic() + timeout
    try:
        with _opener(target).open(request, timeout=timeout) as reply:
            body = _read_body(reply, deadline, public_url(target.url))
            return _Response(reply.status, reply.headers, body, target.url)
    except (OSError, http.client.HTTPException) as exc:
        raise _unreachable(exc, target, timeout) from None


def _unreachable(exc: BaseException, target: _Target, timeout: float) -> _Unreachable:
    """Turn a low-level failure into one line that names what went wrong."""
    reason: object = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, ssl.SSLCertVerificationError):
        return _Unreachable(
            f"TLS certificate verification failed: {reason.verify_message}",
            retryable=False,
        )
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return _Unreachable(f"timed out after {timeout:g} s")
    if isinstance(reason, ConnectionRefusedError):
        return _Unreachable("connection refused")
    if isinstance(reason, socket.gaierror):
        return _Unreachable(
            f"cannot resolve host {target.host} (DNS)",
            retryable=reason.errno == socket.EAI_AGAIN,
        )
    text = " ".join(str(reason).split()) or type(reason).__name__
    return _Unreachable(f"connection failed: {text}")


def _read_body(reply: Any, deadline: float, source: str) -> bytes:
    encoding = reply.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip"):
        raise NetworkError(f"unsupported Content-Encoding {encoding!r}", source=source)
    declared = reply.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise _too_large(source)
    body = _BoundedBody(gzipped=encoding != "identity", limit=MAX_BYTES, source=source)
    while chunk := reply.read(CHUNK_BYTES):
        body.add(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError("timed out")
    return body.finish()


def _too_large(source: str) -> GeneratorError:
    return GeneratorError(f"document is larger than {MAX_BYTES // 2**20} MiB", source=source)


class _BoundedBody:
    """Collects a body, gunzipping as it comes, and stops as soon as it passes ``limit`` bytes."""

    def __init__(self, *, gzipped: bool, limit: int, source: str) -> None:
        self._out = bytearray()
        self._received = 0
        self._limit = limit
        self._source = source
        self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None

    def add(self, chunk: bytes) -> None:
        self._received += len(chunk)
        if self._inflate is None:
            self._append(chunk)
            return
        data = chunk
        while data:
            if self._inflate.eof:
                raise NetworkError("data after the end of the gzip stream", source=self._source)
            try:
                piece = self._inflate.decompress(data, self._limit + 1 - len(self._out))
            except zlib.error as exc:
                raise NetworkError(f"corrupt gzip body: {exc}", source=self._source) from None
            self._append(piece)
            data = self._inflate.unconsumed_tail or self._inflate.unused_data

    def finish(self) -> bytes:
        if self._inflate is not None and self._received and not self._inflate.eof:
            raise NetworkError("truncated gzip body", source=self._source)
        return bytes(self._out)

    def _append(self, piece: bytes) -> None:
        if len(self._out) + len(piece) > self._limit:
            raise _too_large(self._source)
        self._out += piece


# ----------------------------------------------------------------- redirects and retries


def _follow_redirects(start: _Target, headers: dict[str, str], *, timeout: float, allow_insecure: bool) -> _Response:
    """GET ``start``, following up to MAX_REDIRECTS redirects; credentials stay with the first origin."""
    anonymous = {k: v for k, v in headers.items() if k != "Authorization"}
    target = start
    for _ in range(MAX_REDIRECTS + 1):
        sent = headers if target.origin == start.origin else anonymous
        response = _exchange(target, sent, timeout)
        location = response.headers.get("Location", "")
        if response.status not in REDIRECT_STATUSES or not location:
            return response
        following = _target(urllib.parse.urljoin(target.url, location), allow_insecure=allow_insecure)
        if target.scheme == "https" and following.scheme != "https":
            raise NetworkError(
                f"refusing a redirect from https to {public_url(following.url)}",
                source=public_url(target.url),
            )
        target = following
    raise NetworkError(f"more than {MAX_REDIRECTS} redirects", source=public_url(start.url))


def _get(
    start: _Target,
    headers: dict[str, str],
    *,
    timeout: float,
    retries: int,
    allow_insecure: bool,
) -> _Response:
    """GET with retries on connection failures, timeouts, 408, 429 and 5xx (short exponential backoff)."""
    attempt = 1
    while True:
        pause: float | None
        try:
            response = _follow_redirects(start, headers, timeout=timeout, allow_insecure=allow_insecure)
        except _Unreachable as exc:
            if not exc.retryable or attempt > retries:
                tried = f" ({attempt} attempts)" if attempt > 1 else ""
                raise NetworkError(f"{exc}{tried}", source=public_url(start.url)) from None
            pause = _backoff(attempt)
        else:
            retry = response.status in RETRY_STATUSES and attempt <= retries
            pause = _pause_before_retry(response, attempt) if retry else None
            if pause is None:
                return replace(response, attempts=attempt)
        time.sleep(pause)
        attempt += 1


def _backoff(attempt: int) -> float:
    return BACKOFF_SECONDS * 2.0 ** (attempt - 1)


def _pause_before_retry(response: _Response, attempt: int) -> float | None:
    """Seconds to wait: the server's Retry-After when small, else the backoff; None if it asks too much."""
    backoff = _backoff(attempt)
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return backoff
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return backoff
        seconds = max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
    return seconds if seconds <= MAX_RETRY_AFTER else None


# ----------------------------------------------------------------- public fetchers


def fetch_url(
    url: str,
    *,
    token: str,
    etag: str = "",
    allow_insecure: bool = False,
    timeout: float = 30.0,
    retries: int = 2,
) -> FetchResult:
    """GET ``url`` as given; a 2xx or (with ``etag``) a 304 is returned, anything else raises NetworkError."""
    start = _target(url, allow_insecure=allow_insecure)
    if not timeout > 0:
        raise GeneratorError(f"must be a positive number of seconds, not {timeout:g}", source="--timeout")
    headers = request_headers(token, etag, start.userinfo)
    response = _get(start, headers, timeout=timeout, retries=retries, allow_insecure=allow_insecure)
    shown = public_url(response.url)
    content_type = response.headers.get("Content-Type", "")
    if 200 <= response.status < 300:
        _refuse_html(response.body, content_type, shown)
        served_etag = response.headers.get("ETag", "")
        return FetchResult(response.status, response.body, served_etag, content_type, shown)
    if response.status == 304 and "If-None-Match" in headers:
        return FetchResult(304, b"", response.headers.get("ETag", etag), content_type, shown)
    raise NetworkError(_status_message(response, bool(token.strip())), source=shown)


def fetch_schema(
    base_url: str,
    *,
    token: str,
    etag: str = "",
    allow_insecure: bool = False,
    timeout: float = 30.0,
    retries: int = 2,
) -> FetchResult:
    """GET ``BASE/api/schema/`` with ``Authorization: Token <token>`` (omitted when empty)."""
    return fetch_url(
        schema_url(base_url),
        token=token,
        etag=etag,
        allow_insecure=allow_insecure,
        timeout=timeout,
        retries=retries,
    )


def _status_message(response: _Response, has_token: bool) -> str:
    status = response.status
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = "HTTP error"
    message = f"{status} {phrase}"
    if response.attempts > 1:
        message += f" after {response.attempts} attempts"
    if status in REDIRECT_STATUSES:
        message += " without a Location header"
    hint = STATUS_HINTS.get(status, "")
    if status == 401 and not has_token:
        hint = "SPIRITME_API_KEY is not set"
    return f"{message} — {hint}" if hint else message


def _refuse_html(body: bytes, content_type: str, source: str) -> None:
    media = content_type.split(";")[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml") or body.lstrip()[:1] == b"<":
        raise GeneratorError(
            f"served {media or 'markup'}, not an OpenAPI document (a login page, or a wrong URL?)",
            source=source,
        )


# ----------------------------------------------------------------- the snapshot


def lock_path_for(output: Path) -> Path:
    """``specs/spiritme.yaml`` → ``specs/spiritme.lock.json``."""
    return output.with_name(output.stem + ".lock.json")


def read_lock(path: Path) -> dict[str, str]:
    """The lock file's string fields; an unreadable or malformed lock counts as none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def check_document(raw: bytes, source: str) -> None:
    """Raise GeneratorError unless ``raw`` parses as a JSON or YAML mapping with an ``openapi`` key."""
    from generator.spec.load import (
        load_bytes,
    )  # noqa: PLC0415 - YAML machinery only when a body arrives

    data = load_bytes(raw, source=source, max_bytes=MAX_BYTES).data
    if not ({"openapi", "swagger"} & data.keys()):
        raise GeneratorError("not an OpenAPI document: no top-level 'openapi' key", source=source)


def _sha256_of_file(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then swap it in with ``os.replace``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise GeneratorError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None


def lock_text(result: FetchResult, sha256: str) -> str:
    """The lock file: sorted keys, two-space indent, trailing newline."""
    lock = {
        "content_type": result.content_type,
        "etag": result.etag,
        "fetched_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sha256": sha256,
        "source_url": result.url,
    }
    return json.dumps(lock, indent=2, sort_keys=True) + "\n"


def update_snapshot(
    base_url: str,
    output: Path,
    *,
    token: str,
    allow_insecure: bool = False,
    timeout: float = 30.0,
) -> SnapshotResult:
    """Fetch the schema into ``output`` and its lock; a 304 or an unchanged sha256 touches nothing."""
    lock_path = lock_path_for(output)
    current = _sha256_of_file(output)
    lock = read_lock(lock_path)
    trusted = bool(current) and lock.get("sha256") == current
    etag = lock.get("etag", "") if trusted else ""
    result = fetch_schema(base_url, token=token, etag=etag, allow_insecure=allow_insecure, timeout=timeout)
    if result.status == 304:
        return SnapshotResult(False, output, current, etag, "304 Not Modified")
    digest = hashlib.sha256(result.body).hexdigest()
    if trusted and digest == current:
        return SnapshotResult(False, output, current, etag, "the server sent the same bytes")
    check_document(result.body, result.url)
    if digest != current:
        write_atomically(output, result.body)
    write_atomically(lock_path, lock_text(result, digest).encode("utf-8"))
    served = f"{len(result.body)} bytes, {result.content_type or 'no content type'}"
    detail = served if digest != current else "same bytes; lock file written"
    return SnapshotResult(digest != current, output, digest, result.etag, detail)
