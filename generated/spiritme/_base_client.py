"""The HTTP machinery under ``SpiritMe`` and ``AsyncSpiritMe``.

``BaseClient`` holds everything that does no I/O: configuration, building requests, deciding
whether to retry and how long to wait, following redirects safely and parsing answers.
``SyncAPIClient`` and ``AsyncAPIClient`` only send, sleep and loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import functools
import gc
import json
import logging
import os
import random
import ssl
import time
from dataclasses import dataclass, field, replace
from types import GenericAlias, TracebackType
from typing import (
    Any,
    Awaitable,
    Callable,
    Collection,
    Generator,
    Literal,
    Mapping,
    Sequence,
    TypeVar,
    cast,
)
from urllib.parse import quote

import httpx
import pydantic

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    JobFailedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    WaitTimeoutError,
    SpiritMeError,
    request_id_of,
)
from ._models import BaseModel, construct_lenient, set_request_id
from ._files import FileStream, LazyFile, is_replayable, to_httpx_file
from ._pagination import AsyncPage, AsyncPaginator, PageRequest, PageSpec, SyncPage
from ._response import (
    APIResponse,
    AsyncAPIResponse,
    ResponseMode,
    response_mode,
    without_raw_marker,
)
from ._types import (
    NOT_GIVEN,
    Body,
    FileTypes,
    Headers,
    NotGiven,
    Omit,
    Query,
    RequestOptions,
    Timeout,
)
from ._utils import (
    is_loopback_host,
    origin_of,
    scalar_to_str,
    serialize_query,
    to_jsonable,
)
from ._version import __version__

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncAPIClient",
    "AsyncAPIResource",
    "BaseClient",
    "SyncAPIClient",
    "SyncAPIResource",
    "make_request_options",
]

log = logging.getLogger("spiritme")

DEFAULT_BASE_URL = "https://api.spiritme.tech"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
API_KEY_ENV = "SPIRITME_API_KEY"
BASE_URL_ENV = "SPIRITME_BASE_URL"
LOG_ENV = "SPIRITME_LOG"
MAX_REDIRECTS = 20
# The client's retry policy (what this package does when calling the API; see BaseClient).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
# headers that carry credentials: dropped when a redirect leaves the origin
_CREDENTIAL_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
    }
)
# failures before any byte of the request left: safe to retry even a POST
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# failures worth retrying when sending twice does no harm
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _configure_logging() -> None:
    """``SPIRITME_LOG=info`` logs each request (line, status, time) and retry to stderr;
    ``debug`` adds redirects and polls. URLs are logged without their query, and headers never."""
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(
        os.environ.get(LOG_ENV, "").strip().lower()
    )
    if level is None:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
    log.addHandler(handler)
    log.setLevel(level)


_configure_logging()

_T = TypeVar("_T")
_SyncClientT = TypeVar("_SyncClientT", bound="SyncAPIClient")
_SyncPageT = TypeVar("_SyncPageT", bound=SyncPage[Any])
_AsyncPageT = TypeVar("_AsyncPageT", bound=AsyncPage[Any])
_AsyncClientT = TypeVar("_AsyncClientT", bound="AsyncAPIClient")
Encoding = Literal["json", "form", "multipart", "binary", "text"]


def encoding_of(content_type: str | None) -> Encoding:
    """How a body of this media type is encoded (the rules the generator chose the default by)."""
    media = (content_type or "application/json").split(";")[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        return "json"
    if media.startswith("multipart/"):
        return "multipart"
    if media == "application/x-www-form-urlencoded":
        return "form"
    return "text" if media.startswith("text/") else "binary"


def make_request_options(
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
) -> RequestOptions:
    """The options of one call, from a method's ``extra_*``, ``timeout`` and ``max_retries`` arguments."""
    options: RequestOptions = {}
    if extra_headers is not None:
        options["headers"] = extra_headers
    if extra_query is not None:
        options["params"] = extra_query
    if extra_body is not None:
        options["extra_json"] = extra_body
    if not isinstance(timeout, NotGiven):
        options["timeout"] = timeout
    if not isinstance(max_retries, NotGiven):
        options["max_retries"] = max_retries
    return options


@dataclass
class _Payload:
    """A request body, encoded for httpx."""

    json: object = None
    data: dict[str, str | list[str]] | None = None
    files: list[tuple[str, Any]] | None = None
    content: bytes | None = None
    stream: FileStream | None = None
    content_type: str | None = None
    replayable: bool = True
    opened: list[LazyFile] = field(default_factory=lambda: list[LazyFile]())


@dataclass
class _Call:
    """One call ready to send: the request, its retry policy, and the files to close after it."""

    request: httpx.Request
    max_retries: int
    idempotent: bool
    mode: ResponseMode
    payload: _Payload

    @property
    def stream(self) -> bool:
        return self.mode == "stream"

    def close(self) -> None:
        for file in self.payload.opened:
            file.close()


class _Multipart(list[tuple[str, Any]]):
    """File parts that are true even when empty, so that httpx sends multipart without files."""

    def __bool__(self) -> bool:
        return True


def _checked_base_url(url: str | httpx.URL, allow_insecure_http: bool) -> httpx.URL:
    """The base URL without a trailing slash; refuses plain http to another machine."""
    if not url:
        raise SpiritMeError(
            f"no base URL: pass base_url= or set the {BASE_URL_ENV} environment variable",
        )
    parsed = httpx.URL(str(url))
    if parsed.userinfo:
        raise SpiritMeError("base_url must not hold credentials: pass the key as api_key")
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise SpiritMeError(f"base_url must be an http(s) URL with a host, not {str(url)!r}")
    if parsed.scheme == "http" and not allow_insecure_http and not is_loopback_host(parsed.host):
        raise SpiritMeError(
            f"refusing to send the API key over plain http to {parsed.host}: "
            "use https, or pass allow_insecure_http=True"
        )
    return parsed.copy_with(raw_path=parsed.raw_path.split(b"?")[0].rstrip(b"/"))


def _retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asks us to wait (``retry-after-ms``, ``Retry-After`` seconds or date)."""
    with contextlib.suppress(KeyError, ValueError):
        return max(float(headers["retry-after-ms"]) / 1000, 0.0)
    value = headers.get("retry-after")
    if value is None:
        return None
    with contextlib.suppress(ValueError):
        return max(float(value), 0.0)
    date = email.utils.parsedate_tz(value)
    return None if date is None else max(email.utils.mktime_tz(date) - time.time(), 0.0)


_TLS_CONTEXTS: dict[tuple[str, str], ssl.SSLContext] = {}


def _default_verify() -> ssl.SSLContext | bool:
    """How a client made without ``http_client=`` verifies servers: one TLS context per process
    (per ``SSL_CERT_FILE``/``SSL_CERT_DIR`` setting), built as httpx builds its own and shared by
    every such client. Building one reads the whole CA bundle (tens of milliseconds), which a
    program making a client per request or per tenant would otherwise pay each time (httpx
    before 0.28 builds its own)."""
    create = getattr(httpx, "create_ssl_context", None)
    if create is None:
        return True
    key = (os.environ.get("SSL_CERT_FILE", ""), os.environ.get("SSL_CERT_DIR", ""))
    context = _TLS_CONTEXTS.get(key)
    if context is None:
        made: ssl.SSLContext = create()
        context = _TLS_CONTEXTS.setdefault(key, made)
    return context


def _loggable(url: httpx.URL) -> str:
    """``url`` without its query string, which may carry secrets."""
    return str(url.copy_with(query=None))


@contextlib.contextmanager
def _collection_paused() -> Generator[None, None, None]:
    """Pause the cyclic garbage collector while a body becomes objects: on a big page it would
    otherwise run over and over on objects that are all still alive (measured: 4x on 10,000 items).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@functools.lru_cache(maxsize=256)
def _adapter(cast_to: Any) -> pydantic.TypeAdapter[Any]:
    """A cached validator for ``cast_to``."""
    return pydantic.TypeAdapter(cast_to)


@functools.lru_cache(maxsize=128)
def _page_model(items_field: str, item_type: Any) -> type[pydantic.BaseModel]:
    """A page: its items (under their wire name) validated as ``item_type``, every other key kept."""
    items: Any = (list[item_type] | None, pydantic.Field(default=None, alias=items_field))
    return pydantic.create_model("Page", __config__=pydantic.ConfigDict(extra="allow"), items=items)


def _drained(call: _Call, response: httpx.Response, delay: float | None) -> bool:
    """Whether a streamed answer is read and released now: it is retried, or it is an error."""
    return call.stream and (delay is not None or not response.is_success)


def _is_json(response: httpx.Response) -> bool:
    return bool(response.content) and "json" in response.headers.get("content-type", "")


@functools.lru_cache(maxsize=64)
def _without_files(model: type[pydantic.BaseModel], wire_names: frozenset[str]) -> Any:
    """``model`` with its file fields made optional: files are sent apart, not validated."""
    overrides: Any = {
        name: (Any, None)
        for name, info in model.model_fields.items()
        if (info.alias or name) in wire_names
    }
    return pydantic.create_model(model.__name__, __base__=model, **overrides)


def _decoded_body(response: httpx.Response) -> object:
    """The answer's JSON if it is JSON, else its text."""
    try:
        return response.json()
    except ValueError:
        return response.text
    except httpx.ResponseNotRead:  # a streamed error answer that could not be read
        return None


def _error_detail(body: object) -> str:
    """An error answer as text for a message: JSON as JSON, text cut at 1,000 characters."""
    return json.dumps(body) if isinstance(body, (dict, list)) else str(body)[:1000]


def _form_fields(data: Mapping[str, Any]) -> dict[str, str | list[str]]:
    """JSON values as form fields: scalars as text, lists of scalars repeated, the rest as JSON."""
    fields: dict[str, str | list[str]] = {}
    for name, value in data.items():
        if value is None:
            continue
        items = _listed(value)
        if isinstance(value, list) and not any(isinstance(v, (dict, list)) for v in items):
            fields[name] = [scalar_to_str(v) for v in items]
        elif isinstance(value, (dict, list)):
            fields[name] = json.dumps(value, separators=(",", ":"))
        else:
            fields[name] = scalar_to_str(value)
    return fields


def _listed(value: object) -> list[object]:
    """``value`` as a list: its items when it is a list or tuple, else itself alone."""
    if isinstance(value, (list, tuple)):
        return list(cast("Sequence[object]", value))
    return [value]


def _status_text(status: object) -> str:
    """A status as text: an enum's value, or the value itself."""
    return str(getattr(status, "value", status))


def _job_finished(
    obj: object, status: object, success: Collection[str], failure: Collection[str]
) -> bool:
    """Whether a polled job reached success; raises JobFailedError when it reached failure."""
    text = _status_text(status)
    log.debug("polled %s: status %r", type(obj).__name__, text)
    if text in failure:
        raise JobFailedError(obj, text)
    return text in success


def _argument_error(err: pydantic.ValidationError) -> InvalidArgumentError:
    """The argument a body validation error is about, and what is wrong with it."""
    first = err.errors()[0]
    location = [str(part) for part in first["loc"]]
    argument = location[0] if location else "body"
    problem = str(first["msg"])
    if len(location) > 1:
        problem += f" (at {'.'.join(location[1:])})"
    if err.error_count() > 1:
        problem += f"; {err.error_count() - 1} more problem(s) in the body"
    return InvalidArgumentError(argument, problem)


def _file_part(value: Any, field: str) -> tuple[str, tuple[str | None, Any, str]]:
    """``value`` as a file part of ``field``; InvalidArgumentError for a missing file or odd value."""
    try:
        return to_httpx_file(value, field)
    except (OSError, TypeError, ValueError) as err:
        raise InvalidArgumentError(field, f"not a readable file: {err}") from None


def _attach_request_id(result: _T, response: httpx.Response) -> _T:
    """``result`` with ``_request_id`` set when it is a model and the server sent an id."""
    if isinstance(result, BaseModel):
        request_id = request_id_of(response.headers)
        if request_id is not None:  # None is the default: no pydantic attribute write for it
            set_request_id(result, request_id)
    return result


class BaseClient:
    """Configuration, request building, retry decisions and answer parsing: everything but I/O."""

    # The client's retry policy, with IDEMPOTENT_METHODS, _NEVER_SENT, _TRANSIENT and _retry_delay
    # (the generator that wrote this package fetches documents under a policy of its own).
    INITIAL_RETRY_DELAY = 0.5
    MAX_RETRY_DELAY = 8.0
    MAX_RETRY_AFTER = 60.0

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str | httpx.URL | None,
        timeout: Timeout | NotGiven,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        allow_insecure_http: bool,
        strict_response_validation: bool,
    ) -> None:
        api_key = api_key or os.environ.get(API_KEY_ENV) or None
        if api_key is None:
            raise SpiritMeError(
                f"no API key: pass api_key= to the client or set the {API_KEY_ENV} "
                "environment variable"
            )
        self._api_key = api_key
        self._base_url = _checked_base_url(
            base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL,
            allow_insecure_http,
        )
        self._allow_insecure_http = allow_insecure_http
        self.timeout: Timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout
        self.max_retries = max_retries
        self._default_headers = dict(default_headers or {})
        self._default_query = dict(default_query or {})
        #: Refuse answers that break their schema (APIResponseValidationError), not keep them.
        self.strict_response_validation = strict_response_validation

    @property
    def base_url(self) -> httpx.URL:
        """Where requests go: every path is appended to it."""
        return self._base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self._base_url)!r})"

    def _copy_options(
        self,
        *,
        api_key: str | None,
        base_url: str | httpx.URL | None,
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        allow_insecure_http: bool | None,
        strict_response_validation: bool | None,
    ) -> dict[str, Any]:
        """The constructor arguments of a copy: this client's settings, then the overrides."""
        return {
            "api_key": api_key or self._api_key,
            "base_url": base_url or self._base_url,
            "timeout": self.timeout if isinstance(timeout, NotGiven) else timeout,
            "max_retries": (self.max_retries if isinstance(max_retries, NotGiven) else max_retries),
            "default_headers": {**self._default_headers, **(default_headers or {})},
            "default_query": {**self._default_query, **(default_query or {})},
            "allow_insecure_http": (
                self._allow_insecure_http if allow_insecure_http is None else allow_insecure_http
            ),
            "strict_response_validation": (
                self.strict_response_validation
                if strict_response_validation is None
                else strict_response_validation
            ),
        }

    def is_closed(self) -> bool:
        """Whether ``close()`` was called (on this client or on the one it was copied from)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ building requests

    def _prepare(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, object] | None = None,
        query_styles: Mapping[str, tuple[str, bool]] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = None,
        body_model: type[pydantic.BaseModel] | None = None,
        encoding: Encoding | None = None,
        content_type: str | None = None,
        file_fields: Sequence[str] = (),
        options: RequestOptions | None = None,
        idempotent: bool | None = None,
    ) -> _Call:
        """The request for one call, with its retry policy; validates the body before anything is sent.

        Raises ClientClosedError on a closed client, InvalidArgumentError for an argument refused.
        """
        if self.is_closed():
            raise ClientClosedError()
        options = options or {}
        extra_headers: dict[str, str | Omit] = dict(options.get("headers") or {})
        mode = response_mode(extra_headers)
        try:
            payload = self._payload(
                body,
                body_model=body_model,
                encoding=encoding or encoding_of(content_type),
                content_type=content_type,
                file_fields=file_fields,
                extra_body=options.get("extra_json"),
            )
        except pydantic.ValidationError as err:
            raise _argument_error(err) from None
        timeout = options.get("timeout", self.timeout)
        url = self._url_for(path)
        pairs = self._query_pairs(query, query_styles, options.get("params"))
        # no parameters: the URL's own query (a next-page link's) is sent as it was written
        params: tuple[tuple[str, str], ...] | None = None
        if pairs:
            replaced = {name for name, _ in pairs}
            kept = [(k, v) for k, v in url.params.multi_items() if k not in replaced]
            params = tuple(kept + pairs)
        try:
            request = httpx.Request(
                method.upper(),
                url,
                params=params,
                headers=self._headers_for(headers, cookies, extra_headers, payload),
                json=payload.json,
                data=payload.data,
                files=payload.files,
                content=payload.content,
                extensions={
                    "timeout": (
                        timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
                    ).as_dict()
                },
            )
        except (httpx.InvalidURL, TypeError, ValueError) as err:
            raise InvalidArgumentError("request", f"cannot be sent: {err}") from None
        if payload.stream is not None:
            request.stream = payload.stream
            length = payload.stream.length()
            if length is None:
                request.headers["Transfer-Encoding"] = "chunked"
            else:
                request.headers["Content-Length"] = str(length)
        return _Call(
            request,
            max_retries=(options.get("max_retries", self.max_retries) if payload.replayable else 0),
            idempotent=(method.upper() in IDEMPOTENT_METHODS if idempotent is None else idempotent),
            mode=mode,
            payload=payload,
        )

    def _url_for(self, path: str) -> httpx.URL:
        """The URL of ``path`` under the base URL; an absolute URL (a next page link) as it is."""
        if path.startswith(("http://", "https://")):
            return httpx.URL(path)
        prefix = self._base_url.raw_path.rstrip(b"/")
        encoded = quote(path, safe="/%:@!$&'()*+,;=").encode("ascii")
        return self._base_url.copy_with(raw_path=prefix + encoded)

    def _query_pairs(
        self,
        query: Mapping[str, object] | None,
        styles: Mapping[str, tuple[str, bool]] | None,
        extra: Query | None,
    ) -> list[tuple[str, str]]:
        """The query string: default query, then the call's parameters, then ``extra_query``."""
        styles = styles or {}
        groups: dict[str, list[tuple[str, str]]] = {}
        for source in (self._default_query, query or {}, extra or {}):
            for name, value in source.items():
                style, explode = (
                    styles.get(name, ("form", True)) if source is query else ("form", True)
                )
                groups[name] = serialize_query(name, value, style=style, explode=explode)
        pairs = [pair for group in groups.values() for pair in group]
        return pairs

    def _headers_for(
        self,
        headers: Mapping[str, object] | None,
        cookies: Mapping[str, object] | None,
        extra: Mapping[str, str | Omit],
        payload: _Payload,
    ) -> httpx.Headers:
        """The request headers: defaults, credentials, the call's header and cookie parameters,
        the body's content type, then ``extra_headers`` (``omit`` removes one)."""
        merged = httpx.Headers(
            {
                "User-Agent": f"spiritme-python/{__version__}",
                "Accept": "application/json",
                "Accept-Encoding": "gzip, deflate",
            }
        )
        merged.update(self._default_headers)
        cookie_values: dict[str, str] = {}
        if self._api_key:
            merged["Authorization"] = "Token " + self._api_key
        for name, value in (headers or {}).items():
            if value is not None and not isinstance(value, NotGiven):
                merged[name] = ",".join(scalar_to_str(v) for v in _listed(value))
        for name, value in (cookies or {}).items():
            if value is not None and not isinstance(value, NotGiven):
                cookie_values[name] = scalar_to_str(value)
        if cookie_values:
            merged["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookie_values.items())
        if payload.content_type:
            merged["Content-Type"] = payload.content_type
        for name, text in extra.items():
            if isinstance(text, Omit):
                merged.pop(name, None)
            else:
                merged[name] = text
        return merged

    def _payload(
        self,
        body: object,
        *,
        body_model: type[pydantic.BaseModel] | None,
        encoding: Encoding,
        content_type: str | None,
        file_fields: Sequence[str],
        extra_body: object,
    ) -> _Payload:
        """The body encoded as ``encoding``; a ``body_model`` validates it first (files apart)."""
        if body is None and extra_body is None:
            return _Payload()
        if encoding in ("binary", "text"):
            return self._raw_payload(body, encoding, content_type)
        files: list[tuple[str, FileTypes]] = []
        if isinstance(body, Mapping):
            given = cast("Mapping[str, object]", body)
            values = {k: v for k, v in given.items() if not isinstance(v, NotGiven)}
            for name in file_fields:
                value = values.pop(name, None)
                if value is not None:
                    # a list holds several files; a tuple is one file (name, content, type)
                    many = cast("list[object]", value) if isinstance(value, list) else [value]
                    files.extend((name, cast(FileTypes, v)) for v in many)
            if body_model is not None:
                model = (
                    _without_files(body_model, frozenset(file_fields))
                    if file_fields
                    else body_model
                )
                data = model.model_validate(values).model_dump(
                    mode="json", by_alias=True, exclude_unset=True
                )
            else:
                data = to_jsonable(values)
        else:
            data = to_jsonable(body) if body is not None else dict[str, Any]()
        if isinstance(extra_body, Mapping) and isinstance(data, dict):
            fields_so_far = cast("dict[str, object]", data)
            data = {**fields_so_far, **to_jsonable(cast(object, extra_body))}
        elif extra_body is not None:
            raise InvalidArgumentError("extra_body", "can only add keys to an object body")
        wanted = content_type if content_type and "*" not in content_type else None
        if encoding == "json":
            return _Payload(json=data, content_type=wanted)
        if not isinstance(data, dict):
            raise InvalidArgumentError(
                "body", f"a {encoding} body must be an object, not {type(data).__name__}"
            )
        fields = _form_fields(cast("dict[str, Any]", data))
        if encoding == "form":
            return _Payload(data=fields)
        parts = _Multipart(_file_part(value, name) for name, value in files)
        return _Payload(
            data=fields,
            files=parts,
            replayable=all(is_replayable(content) for _, (_, content, _) in parts),
            opened=[content for _, (_, content, _) in parts if isinstance(content, LazyFile)],
        )

    def _raw_payload(self, body: object, encoding: Encoding, content_type: str | None) -> _Payload:
        """A body sent as it is: text, bytes, or a file read in chunks."""
        if encoding == "text":
            text = body if isinstance(body, str) else json.dumps(to_jsonable(body))
            return _Payload(
                content=text.encode("utf-8"),
                content_type=content_type or "text/plain; charset=utf-8",
            )
        if isinstance(body, (bytes, bytearray)):
            return _Payload(
                content=bytes(body),
                content_type=content_type or "application/octet-stream",
            )
        _, (_, content, mime) = _file_part(body, "body")
        wanted = content_type if content_type and "*" not in content_type else mime
        if isinstance(content, bytes):
            return _Payload(content=content, content_type=wanted)
        return _Payload(
            stream=FileStream(content),
            content_type=wanted,
            replayable=is_replayable(content),
            opened=[content] if isinstance(content, LazyFile) else [],
        )

    def _redirect_request(self, first: httpx.Request, following: httpx.Request) -> httpx.Request:
        """The request a redirect leads to, with credentials only if it stays on ``first``'s origin."""
        same_origin = origin_of(following.url) == origin_of(first.url)
        for name in _CREDENTIAL_HEADERS:
            following.headers.pop(name, None)
            if same_origin and name in first.headers:
                following.headers[name] = first.headers[name]
        log.debug(
            "redirected to %s (credentials %s)",
            _loggable(following.url),
            "kept" if same_origin else "dropped",
        )
        return following

    # ------------------------------------------------------------------ answers

    def _retry_delay(
        self, call: _Call, attempt: int, outcome: httpx.Response | httpx.RequestError
    ) -> float | None:
        """Seconds to wait before sending ``call`` again, or None when ``outcome`` is final."""
        if attempt >= call.max_retries:
            return None
        retry_after = None
        if isinstance(outcome, httpx.RequestError):
            retry = isinstance(outcome, _NEVER_SENT) or (
                call.idempotent and isinstance(outcome, _TRANSIENT)
            )
            reason = type(outcome).__name__
        else:
            status = outcome.status_code
            retry_after = _retry_after(outcome.headers)
            if call.idempotent:
                retry = status in (408, 409, 429) or status >= 500
            else:
                retry = status in (429, 503) and retry_after is not None
            reason = str(status)
        if not retry:
            return None
        if retry_after is not None:
            delay = min(retry_after, self.MAX_RETRY_AFTER)
        else:
            delay = min(self.INITIAL_RETRY_DELAY * 2**attempt, self.MAX_RETRY_DELAY)
            delay *= 1 - 0.25 * random.random()
        log.info(
            "retrying %s %s in %.2f s after %s (retry %d of %d)",
            call.request.method,
            _loggable(call.request.url),
            delay,
            reason,
            attempt + 1,
            call.max_retries,
        )
        return delay

    def _final(self, call: _Call, outcome: httpx.Response | httpx.RequestError) -> httpx.Response:
        """The successful answer; raises the error that ``outcome`` means."""
        request = call.request
        if isinstance(outcome, httpx.TimeoutException):
            raise APITimeoutError(request) from outcome
        if isinstance(outcome, httpx.RequestError):
            message = self._redacted(f"Connection error: {type(outcome).__name__}: {outcome}")
            raise APIConnectionError(request, message=message) from outcome
        if outcome.is_success:
            return outcome
        body = _decoded_body(outcome)
        detail = _error_detail(body)
        message = self._redacted(
            f"Error code: {outcome.status_code} - {request.method} "
            f"{_loggable(request.url)}: {detail}"
        )
        status = outcome.status_code
        fallback = InternalServerError if status >= 500 else APIStatusError
        error = _STATUS_ERRORS.get(status) or fallback
        raise error(message, response=outcome, body=body)

    def _log_attempt(
        self, request: httpx.Request, outcome: httpx.Response | httpx.RequestError, started: float
    ) -> None:
        """One line per attempt at INFO: request line, status (or failure) and time taken."""
        if log.isEnabledFor(logging.INFO):
            status = (
                str(outcome.status_code)
                if isinstance(outcome, httpx.Response)
                else type(outcome).__name__
            )
            elapsed = time.monotonic() - started
            log.info(
                "%s %s -> %s (%.3f s)", request.method, _loggable(request.url), status, elapsed
            )

    def _redacted(self, text: str) -> str:
        """``text`` with the API key hidden."""
        return text.replace(self._api_key, "<redacted>") if self._api_key else text

    @contextlib.contextmanager
    def _validating(self, response: httpx.Response) -> Generator[None, None, None]:
        """Turns a validation error of the answer into APIResponseValidationError."""
        try:
            yield
        except pydantic.ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "the answer"
            message = self._redacted(
                f"the answer to {response.request.method} {_loggable(response.request.url)} "
                f"does not match its schema ({err.error_count()} errors; {where}: {first['msg']})"
            )
            raise APIResponseValidationError(
                message, response=response, body=_decoded_body(response)
            ) from None

    def _parse(self, response: httpx.Response, cast_to: Any) -> Any:
        """The answer as ``cast_to`` (a model carries the request id as ``_request_id``)."""
        return _attach_request_id(self._parse_body(response, cast_to), response)

    def _parse_body(self, response: httpx.Response, cast_to: Any) -> Any:
        """The answer as ``cast_to``: None, bytes, text, or JSON (validated when it fits)."""
        if cast_to is None:
            return None
        if cast_to is bytes:
            return response.content
        if cast_to is str and not _is_json(response):
            return response.text
        if _is_json(response) and not self.strict_response_validation:
            try:  # pydantic reads the JSON itself: three times faster than json.loads first
                with _collection_paused():
                    return _adapter(cast_to).validate_json(response.content)
            except ValueError:
                pass  # not valid, or not JSON after all: the lenient path says what is wrong
        return self._lenient(
            response, cast_to, _decoded_body(response) if response.content else None
        )

    def _lenient(self, response: httpx.Response, type_: Any, value: Any) -> Any:
        """``value`` validated as ``type_``; an answer that breaks its schema is kept, not refused
        (logged), unless ``strict_response_validation`` is set on the client class.
        """
        if self.strict_response_validation:
            with self._validating(response), _collection_paused():
                return _adapter(type_).validate_python(value)
        try:
            with _collection_paused():
                return _adapter(type_).validate_python(value)
        except pydantic.ValidationError as err:
            log.warning(
                "the answer to %s %s does not match its schema (%d errors); kept unvalidated",
                response.request.method,
                _loggable(response.request.url),
                err.error_count(),
            )
            return construct_lenient(type_, value)

    def _page_content(
        self, response: httpx.Response, spec: PageSpec, item_type: Any
    ) -> tuple[dict[str, Any], list[Any]]:
        """The whole JSON object of a page and its validated items."""
        if _is_json(response) and not self.strict_response_validation:
            try:
                with _collection_paused():
                    model = _page_model(spec.items_field, item_type)
                    page = model.model_validate_json(response.content)
                found: object = getattr(page, "items", None)
                if isinstance(found, list):
                    parsed = cast("list[object]", found)
                    return {**(page.model_extra or {}), spec.items_field: parsed}, parsed
            except ValueError:
                pass  # the lenient path below keeps what does not validate
        decoded = self._lenient(response, dict[str, Any], _decoded_body(response))
        body = cast("dict[str, Any]", decoded) if isinstance(decoded, dict) else {}
        items = self._lenient(
            response, GenericAlias(list, (item_type,)), body.get(spec.items_field)
        )
        return body, items


class SyncAPIClient(BaseClient):
    """The synchronous client: sends with ``httpx.Client``, waits with ``time.sleep``."""

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str | httpx.URL | None,
        timeout: Timeout | NotGiven,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        http_client: httpx.Client | None,
        allow_insecure_http: bool = False,
        strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            allow_insecure_http=allow_insecure_http,
            strict_response_validation=strict_response_validation,
        )
        self._owns_http_client = http_client is None
        self._http = http_client or httpx.Client(verify=_default_verify())

    def is_closed(self) -> bool:
        """Whether ``close()`` was called (on this client or on the one it was copied from)."""
        return self._http.is_closed

    def close(self) -> None:
        """Closes the connections (not those of an ``http_client`` you passed in)."""
        if self._owns_http_client:
            self._http.close()

    def __enter__(self: _SyncClientT) -> _SyncClientT:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        self.close()

    def copy(
        self: _SyncClientT,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        allow_insecure_http: bool | None = None,
        strict_response_validation: bool | None = None,
    ) -> _SyncClientT:
        """A client with these settings changed; it shares this client's connections."""
        options = self._copy_options(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            allow_insecure_http=allow_insecure_http,
            strict_response_validation=strict_response_validation,
        )
        return self.__class__(**options, http_client=http_client or self._http)

    with_options = copy

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    # ------------------------------------------------------------------ what resources call

    def request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, object] | None = None,
        query_styles: Mapping[str, tuple[str, bool]] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = None,
        body_model: type[pydantic.BaseModel] | None = None,
        encoding: Encoding | None = None,
        content_type: str | None = None,
        file_fields: Sequence[str] = (),
        cast_to: Any = None,
        options: RequestOptions | None = None,
        idempotent: bool | None = None,
    ) -> Any:
        """Sends one call (retrying as its method allows) and returns ``cast_to`` parsed from the answer.

        The body is validated by ``body_model`` before anything is sent (InvalidArgumentError);
        an ``APIStatusError`` subclass is raised for a status outside 2xx. Resource methods call
        this; for an endpoint the document does not describe, ``get()``/``post()``... are simpler.
        """
        call = self._prepare(
            method,
            path,
            query=query,
            query_styles=query_styles,
            headers=headers,
            cookies=cookies,
            body=body,
            body_model=body_model,
            encoding=encoding,
            content_type=content_type,
            file_fields=file_fields,
            options=options,
            idempotent=idempotent,
        )
        response, retries = self._send(call)
        if call.mode == "parsed":
            return self._parse(response, cast_to)
        return APIResponse(response, lambda: self._parse(response, cast_to), retries_taken=retries)

    def get_page(
        self,
        path: str,
        *,
        page: PageSpec,
        item_type: Any,
        page_class: type[_SyncPageT],
        query: Mapping[str, object] | None = None,
        query_styles: Mapping[str, tuple[str, bool]] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> _SyncPageT:
        """The first page of a list, a ``page_class`` (``SyncPage`` or its typed subclass); the
        page fetches the following ones as they are reached."""
        request = PageRequest(path, query or {}, query_styles, headers, cookies, options)
        result: _SyncPageT = self._fetch_page(request, page, item_type, page_class)
        return result

    def poll(
        self,
        fetch: Callable[[], _T],
        *,
        status_of: Callable[[_T], object],
        success: Collection[str],
        failure: Collection[str],
        poll_interval: float,
        max_wait: float,
    ) -> _T:
        """Fetches until the status is in ``success`` (returns the object) or ``failure``
        (raises JobFailedError); raises WaitTimeoutError after ``max_wait`` seconds in all."""
        deadline = time.monotonic() + max_wait
        while True:
            obj = fetch()
            if _job_finished(obj, status_of(obj), success, failure):
                return obj
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WaitTimeoutError(obj, _status_text(status_of(obj)), max_wait)
            self._sleep(min(poll_interval, remaining))

    # ------------------------------------------------------------------ undocumented endpoints

    def get(
        self,
        path: str,
        *,
        cast_to: type[_T],
        query: Query | None = None,
        extra_headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> _T:
        """GET ``path`` under the base URL, for an endpoint the document does not describe."""
        options = make_request_options(extra_headers, timeout=timeout, max_retries=max_retries)
        return cast(_T, self.request("GET", path, query=query, cast_to=cast_to, options=options))

    def post(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        query: Query | None = None,
        extra_headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> _T:
        """POST ``body`` (as JSON) to ``path``, for an endpoint the document does not describe."""
        options = make_request_options(extra_headers, timeout=timeout, max_retries=max_retries)
        return cast(
            _T,
            self.request("POST", path, query=query, body=body, cast_to=cast_to, options=options),
        )

    def put(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        query: Query | None = None,
        extra_headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> _T:
        """PUT ``body`` (as JSON) to ``path``, for an endpoint the document does not describe."""
        options = make_request_options(extra_headers, timeout=timeout, max_retries=max_retries)
        return cast(
            _T,
            self.request("PUT", path, query=query, body=body, cast_to=cast_to, options=options),
        )

    def patch(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        query: Query | None = None,
        extra_headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> _T:
        """PATCH ``path`` with ``body`` (as JSON), for an endpoint the document does not describe."""
        options = make_request_options(extra_headers, timeout=timeout, max_retries=max_retries)
        return cast(
            _T,
            self.request("PATCH", path, query=query, body=body, cast_to=cast_to, options=options),
        )

    def delete(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        query: Query | None = None,
        extra_headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> _T:
        """DELETE ``path``, for an endpoint the document does not describe."""
        options = make_request_options(extra_headers, timeout=timeout, max_retries=max_retries)
        return cast(
            _T,
            self.request("DELETE", path, query=query, body=body, cast_to=cast_to, options=options),
        )

    # ------------------------------------------------------------------ I/O

    def _fetch_page(
        self, request: PageRequest, spec: PageSpec, item_type: Any, page_class: Any
    ) -> Any:
        call = self._prepare(
            "GET",
            request.path,
            query=request.query,
            query_styles=request.query_styles,
            headers=request.headers,
            cookies=request.cookies,
            options=request.options,
        )
        response, retries = self._send(call)

        def fetch(following: PageRequest) -> SyncPage[Any]:
            page: SyncPage[Any] = self._fetch_page(following, spec, item_type, page_class)
            return page

        def parse() -> SyncPage[Any]:
            body, items = self._page_content(response, spec, item_type)
            made: SyncPage[Any] = page_class(
                fetch=fetch,
                spec=spec,
                request=replace(request, options=without_raw_marker(request.options)),
                base_url=self._base_url,
                response=response,
                body=body,
                items=items,
            )
            return made

        if call.mode == "parsed":
            return parse()
        return APIResponse(response, parse, retries_taken=retries)

    def _send(self, call: _Call) -> tuple[httpx.Response, int]:
        """The answer that ends ``call``, after the retries it allows, and how many were taken."""
        attempt = 0
        try:
            while True:
                started = time.monotonic()
                outcome: httpx.Response | httpx.RequestError
                try:
                    outcome = self._send_once(call)
                except httpx.RequestError as err:
                    outcome = err
                self._log_attempt(call.request, outcome, started)
                delay = self._retry_delay(call, attempt, outcome)
                if isinstance(outcome, httpx.Response) and _drained(call, outcome, delay):
                    with contextlib.suppress(httpx.HTTPError):
                        outcome.read()
                    outcome.close()
                if delay is None:
                    return self._final(call, outcome), attempt
                self._sleep(delay)
                attempt += 1
        finally:
            call.close()

    def _send_once(self, call: _Call) -> httpx.Response:
        """One attempt, following redirects."""
        current = call.request
        for _ in range(MAX_REDIRECTS + 1):
            try:
                response = self._http.send(current, follow_redirects=False, stream=call.stream)
            except RuntimeError as err:  # httpx refuses to send on a closed client
                if self.is_closed():
                    raise ClientClosedError() from err
                raise
            if response.next_request is None:
                return response
            response.close()
            current = self._redirect_request(call.request, response.next_request)
        raise APIError(f"more than {MAX_REDIRECTS} redirects", call.request, body=None)


class AsyncAPIClient(BaseClient):
    """The asynchronous client: sends with ``httpx.AsyncClient``, waits with ``asyncio.sleep``."""

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str | httpx.URL | None,
        timeout: Timeout | NotGiven,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        http_client: httpx.AsyncClient | None,
        allow_insecure_http: bool = False,
        strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            allow_insecure_http=allow_insecure_http,
            strict_response_validation=strict_response_validation,
        )
        self._owns_http_client = http_client is None
        self._http = http_client or httpx.AsyncClient(verify=_default_verify())

    def is_closed(self) -> bool:
        """Whether ``close()`` was called (on this client or on the one it was copied from)."""
        return self._http.is_closed

    async def close(self) -> None:
        """Closes the connections (not those of an ``http_client`` you passed in)."""
        if self._owns_http_client:
            await self._http.aclose()

    async def __aenter__(self: _AsyncClientT) -> _AsyncClientT:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        await self.close()

    def copy(
        self: _AsyncClientT,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        allow_insecure_http: bool | None = None,
        strict_response_validation: bool | None = None,
    ) -> _AsyncClientT:
        """A client with these settings changed; it shares this client's connections."""
        options = self._copy_options(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            allow_insecure_http=allow_insecure_http,
            strict_response_validation=strict_response_validation,
        )
        return self.__class__(**options, http_client=http_client or self._http)

    with_options = copy

    async def _sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    # ------------------------------------------------------------------ what resources call

    async def request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, object] | None = None,
        query_styles: Mapping[str, tuple[str, bool]] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = None,
        body_model: type[pydantic.BaseModel] | None = None,
        encoding: Encoding | None = None,
        content_type: str | None = None,
        file_fields: Sequence[str] = (),
        cast_to: Any = None,
        options: RequestOptions | None = None,
        idempotent: bool | None = None,
    ) -> Any:
        """Sends one call (retrying as its method allows) and returns ``cast_to`` parsed from the answer.

        The body is validated by ``body_model`` before anything is sent (InvalidArgumentError);
        an ``APIStatusError`` subclass is raised for a status outside 2xx. Resource methods call
        this; for an endpoint the document does not describe, ``get()``/``post()``... are simpler.
        """
        call = self._prepare(
            method,
            path,
            query=query,
            query_styles=query_styles,
            headers=headers,
            cookies=cookies,
            body=body,
            body_model=body_model,
            encoding=encoding,
            content_type=content_type,
            file_fields=file_fields,
            options=options,
            idempotent=idempotent,
        )
        response, retries = await self._send(call)
        if call.mode == "parsed":
            return self._parse(response, cast_to)
        return AsyncAPIResponse(
            response, lambda: self._parse(response, cast_to), retries_taken=retries
        )

    def get_page(
        self,
        path: str,
        *,
        page: PageSpec,
        item_type: Any,
        page_class: type[_AsyncPageT],
        query: Mapping[str, object] | None = None,
        query_styles: Mapping[str, tuple[str, bool]] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> AsyncPaginator[Any, _AsyncPageT]:
        """Awaitable to the first page of a list, a ``page_class`` (``AsyncPage`` or its typed
        subclass); ``async for`` over it yields every item of every page."""
        request = PageRequest(path, query or {}, query_styles, headers, cookies, options)
        return AsyncPaginator(lambda: self._fetch_page(request, page, item_type, page_class))

    async def poll(
        self,
        fetch: Callable[[], Awaitable[_T]],
        *,
        status_of: Callable[[_T], object],
        success: Collection[str],
        failure: Collection[str],
        poll_interval: float,
        max_wait: float,
    ) -> _T:
        """Fetches until the status is in ``success`` (returns the object) or ``failure``
        (raises JobFailedError); raises WaitTimeoutError after ``max_wait`` seconds in all."""
        deadline = time.monotonic() + max_wait
        while True:
            obj = await fetch()
            if _job_finished(obj, status_of(obj), success, failure):
                return obj
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WaitTimeoutError(obj, _status_text(status_of(obj)), max_wait)
            await self._sleep(min(poll_interval, remaining))

    # ------------------------------------------------------------------ undocumented endpoints

    async def get(
        self,
        path: str,
        *,
        cast_to: type[_T],
        query: Query | None = None,
        extra_headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> _T:
        """GET ``path`` under the base URL, for an endpoint the document does not describe."""
        options = make_request_options(extra_headers, timeout=timeout, max_retries=max_retries)
        return cast(
            _T, await self.request("GET", path, query=query, cast_to=cast_to, options=options)
        )

    async def post(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        query: Query | None = None,
        extra_headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> _T:
        """POST ``body`` (as JSON) to ``path``, for an endpoint the document does not describe."""
        options = make_request_options(extra_headers, timeout=timeout, max_retries=max_retries)
        return cast(
            _T,
            await self.request(
                "POST", path, query=query, body=body, cast_to=cast_to, options=options
            ),
        )

    async def put(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        query: Query | None = None,
        extra_headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> _T:
        """PUT ``body`` (as JSON) to ``path``, for an endpoint the document does not describe."""
        options = make_request_options(extra_headers, timeout=timeout, max_retries=max_retries)
        return cast(
            _T,
            await self.request(
                "PUT", path, query=query, body=body, cast_to=cast_to, options=options
            ),
        )

    async def patch(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        query: Query | None = None,
        extra_headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> _T:
        """PATCH ``path`` with ``body`` (as JSON), for an endpoint the document does not describe."""
        options = make_request_options(extra_headers, timeout=timeout, max_retries=max_retries)
        return cast(
            _T,
            await self.request(
                "PATCH", path, query=query, body=body, cast_to=cast_to, options=options
            ),
        )

    async def delete(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        query: Query | None = None,
        extra_headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> _T:
        """DELETE ``path``, for an endpoint the document does not describe."""
        options = make_request_options(extra_headers, timeout=timeout, max_retries=max_retries)
        return cast(
            _T,
            await self.request(
                "DELETE", path, query=query, body=body, cast_to=cast_to, options=options
            ),
        )

    # ------------------------------------------------------------------ I/O

    async def _fetch_page(
        self, request: PageRequest, spec: PageSpec, item_type: Any, page_class: Any
    ) -> Any:
        call = self._prepare(
            "GET",
            request.path,
            query=request.query,
            query_styles=request.query_styles,
            headers=request.headers,
            cookies=request.cookies,
            options=request.options,
        )
        response, retries = await self._send(call)

        async def fetch(following: PageRequest) -> AsyncPage[Any]:
            page: AsyncPage[Any] = await self._fetch_page(following, spec, item_type, page_class)
            return page

        def parse() -> AsyncPage[Any]:
            body, items = self._page_content(response, spec, item_type)
            made: AsyncPage[Any] = page_class(
                fetch=fetch,
                spec=spec,
                request=replace(request, options=without_raw_marker(request.options)),
                base_url=self._base_url,
                response=response,
                body=body,
                items=items,
            )
            return made

        if call.mode == "parsed":
            return parse()
        return AsyncAPIResponse(response, parse, retries_taken=retries)

    async def _send(self, call: _Call) -> tuple[httpx.Response, int]:
        """The answer that ends ``call``, after the retries it allows, and how many were taken."""
        attempt = 0
        try:
            while True:
                started = time.monotonic()
                outcome: httpx.Response | httpx.RequestError
                try:
                    outcome = await self._send_once(call)
                except httpx.RequestError as err:
                    outcome = err
                self._log_attempt(call.request, outcome, started)
                delay = self._retry_delay(call, attempt, outcome)
                if isinstance(outcome, httpx.Response) and _drained(call, outcome, delay):
                    with contextlib.suppress(httpx.HTTPError):
                        await outcome.aread()
                    await outcome.aclose()
                if delay is None:
                    return self._final(call, outcome), attempt
                await self._sleep(delay)
                attempt += 1
        finally:
            call.close()

    async def _send_once(self, call: _Call) -> httpx.Response:
        """One attempt, following redirects."""
        current = call.request
        for _ in range(MAX_REDIRECTS + 1):
            try:
                response = await self._http.send(
                    current, follow_redirects=False, stream=call.stream
                )
            except RuntimeError as err:  # httpx refuses to send on a closed client
                if self.is_closed():
                    raise ClientClosedError() from err
                raise
            if response.next_request is None:
                return response
            await response.aclose()
            current = self._redirect_request(call.request, response.next_request)
        raise APIError(f"more than {MAX_REDIRECTS} redirects", call.request, body=None)


class SyncAPIResource:
    """The base of every synchronous resource (``client.videos``): holds the client."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def _poll(
        self,
        fetch: Callable[[], _T],
        *,
        status_of: Callable[[_T], object],
        success: Collection[str],
        failure: Collection[str],
        poll_interval: float,
        max_wait: float,
    ) -> _T:
        """Fetches until the status is in ``success`` (returns the object) or ``failure``
        (raises JobFailedError); raises WaitTimeoutError after ``max_wait`` seconds in all."""
        return self._client.poll(
            fetch,
            status_of=status_of,
            success=success,
            failure=failure,
            poll_interval=poll_interval,
            max_wait=max_wait,
        )


class AsyncAPIResource:
    """The base of every asynchronous resource (``client.videos``): holds the client."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def _poll(
        self,
        fetch: Callable[[], Awaitable[_T]],
        *,
        status_of: Callable[[_T], object],
        success: Collection[str],
        failure: Collection[str],
        poll_interval: float,
        max_wait: float,
    ) -> _T:
        """Fetches until the status is in ``success`` (returns the object) or ``failure``
        (raises JobFailedError); raises WaitTimeoutError after ``max_wait`` seconds in all."""
        return await self._client.poll(
            fetch,
            status_of=status_of,
            success=success,
            failure=failure,
            poll_interval=poll_interval,
            max_wait=max_wait,
        )
