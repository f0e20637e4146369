"""Raw and streamed responses: the HTTP response with its headers, and the parsed value on demand.

``client.videos.with_raw_response.retrieve(1)`` gives an ``APIResponse`` whose body is already read;
``with client.videos.with_streaming_response.retrieve(1) as response:`` gives one whose body is read
only as you ask for it (``iter_bytes()``, ``iter_lines()``, ``read()``, ``parse()``...) and whose
connection is released when the block ends.
"""

from __future__ import annotations

import contextlib
import functools
import os
from types import TracebackType
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Generic,
    Iterator,
    Literal,
    Mapping,
    ParamSpec,
    TypeVar,
    cast,
)

import httpx

from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    SpiritMeError,
    request_id_of,
)
from ._types import RequestOptions

__all__ = [
    "RAW_RESPONSE_HEADER",
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncResponseContextManager",
    "ResponseContextManager",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "response_mode",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "without_raw_marker",
]

# in a call's ``extra_headers``: "raw" asks for an ``APIResponse`` with its body read, "stream" for
# one whose body is read as asked; removed before the request is sent
RAW_RESPONSE_HEADER = "X-SpiritMe-Raw-Response"
ResponseMode = Literal["parsed", "raw", "stream"]

_T = TypeVar("_T")
_R = TypeVar("_R")
_P = ParamSpec("_P")
_SyncResponseT = TypeVar("_SyncResponseT", bound="APIResponse[Any]")
_AsyncResponseT = TypeVar("_AsyncResponseT", bound="AsyncAPIResponse[Any]")


@contextlib.contextmanager
def _reading(request: httpx.Request) -> Generator[None, None, None]:
    """Turns a failure while the body is read into the client's own exceptions."""
    try:
        yield
    except httpx.TimeoutException as err:
        raise APITimeoutError(request) from err
    except httpx.HTTPError as err:
        raise APIConnectionError(
            request, message=f"Connection error: {type(err).__name__}: {err}"
        ) from err
    except httpx.StreamError as err:
        raise SpiritMeError(f"the response body cannot be read: {err}") from err


class _BaseAPIResponse(Generic[_T]):
    """An HTTP response of a successful call, and how to parse it."""

    def __init__(
        self,
        http_response: httpx.Response,
        parse: Callable[[], _T],
        *,
        retries_taken: int = 0,
    ) -> None:
        self.http_response = http_response
        self._parse_body = parse
        self._parsed: list[_T] = []
        self._retries_taken = retries_taken

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def elapsed(self) -> float:
        """Seconds from sending the request to the end of the answer (once the body is read)."""
        return self.http_response.elapsed.total_seconds()

    @property
    def retries_taken(self) -> int:
        """How many times the request was sent again before this answer (0: the first try)."""
        return self._retries_taken

    @property
    def request_id(self) -> str | None:
        """The id the server gave the request (``x-request-id`` or ``request-id``), if any."""
        return request_id_of(self.http_response.headers)

    @property
    def is_closed(self) -> bool:
        return self.http_response.is_closed

    def _parsed_once(self) -> _T:
        if not self._parsed:
            self._parsed.append(self._parse_body())
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method}>"


class APIResponse(_BaseAPIResponse[_T]):
    """An HTTP response of a successful call; ``parse()`` gives what the method would have returned."""

    def parse(self) -> _T:
        """The value the method returns without ``with_raw_response`` (read and parsed once)."""
        self.read()
        return self._parsed_once()

    def read(self) -> bytes:
        """The whole body (read now if it is streamed)."""
        with _reading(self.http_request):
            return self.http_response.read()

    @property
    def text(self) -> str:
        """The body decoded as text (read now if it is streamed)."""
        self.read()
        return self.http_response.text

    def json(self) -> object:
        """The body decoded as JSON (read now if it is streamed)."""
        self.read()
        return self.http_response.json()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks, decoded (gzip...), as it arrives."""
        with _reading(self.http_request):
            yield from self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        """The body as text, in chunks, as it arrives."""
        with _reading(self.http_request):
            yield from self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        """The body line by line, as it arrives."""
        with _reading(self.http_request):
            yield from self.http_response.iter_lines()

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Writes the body to ``file`` chunk by chunk, never holding all of it in memory."""
        with open(file, mode="wb") as out:
            for chunk in self.iter_bytes():
                out.write(chunk)

    def close(self) -> None:
        """Releases the connection (a streamed body not read is dropped)."""
        self.http_response.close()


class AsyncAPIResponse(_BaseAPIResponse[_T]):
    """The async twin of ``APIResponse``: ``await response.parse()``, ``async for`` over chunks."""

    async def parse(self) -> _T:
        """The value the method returns without ``with_raw_response`` (read and parsed once)."""
        await self.read()
        return self._parsed_once()

    async def read(self) -> bytes:
        """The whole body (read now if it is streamed)."""
        with _reading(self.http_request):
            return await self.http_response.aread()

    @property
    def text(self) -> str:
        """The body decoded as text; a streamed body must be read first (``await read()``)."""
        with _reading(self.http_request):
            return self.http_response.text

    async def json(self) -> object:
        """The body decoded as JSON (read now if it is streamed)."""
        await self.read()
        return self.http_response.json()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks, decoded (gzip...), as it arrives."""
        with _reading(self.http_request):
            async for chunk in self.http_response.aiter_bytes(chunk_size):
                yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        """The body as text, in chunks, as it arrives."""
        with _reading(self.http_request):
            async for chunk in self.http_response.aiter_text(chunk_size):
                yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        """The body line by line, as it arrives."""
        with _reading(self.http_request):
            async for line in self.http_response.aiter_lines():
                yield line

    async def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Writes the body to ``file`` chunk by chunk, never holding all of it in memory."""
        with open(file, mode="wb") as out:
            async for chunk in self.iter_bytes():
                out.write(chunk)

    async def close(self) -> None:
        """Releases the connection (a streamed body not read is dropped)."""
        await self.http_response.aclose()


class ResponseContextManager(Generic[_SyncResponseT]):
    """``with``: sends the request on entry, releases the connection on exit."""

    def __init__(self, send: Callable[[], _SyncResponseT]) -> None:
        self._send = send
        self._response: _SyncResponseT | None = None

    def __enter__(self) -> _SyncResponseT:
        self._response = self._send()
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[_AsyncResponseT]):
    """``async with``: sends the request on entry, releases the connection on exit."""

    def __init__(self, send: Callable[[], Awaitable[_AsyncResponseT]]) -> None:
        self._send = send
        self._response: _AsyncResponseT | None = None

    async def __aenter__(self) -> _AsyncResponseT:
        self._response = await self._send()
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


def _with_marker(kwargs: Mapping[str, Any], mode: ResponseMode) -> dict[str, Any]:
    """``kwargs`` with the response-mode marker added to ``extra_headers``."""
    headers = dict(kwargs.get("extra_headers") or {})
    headers[RAW_RESPONSE_HEADER] = mode
    return {**kwargs, "extra_headers": headers}


def response_mode(headers: dict[str, Any]) -> ResponseMode:
    """How the call wants its answer, from (and removed from) its extra headers."""
    mode = headers.pop(RAW_RESPONSE_HEADER, None)
    return "stream" if mode == "stream" else "parsed" if mode is None else "raw"


def to_raw_response_wrapper(func: Callable[_P, _R]) -> Callable[_P, APIResponse[_R]]:
    """``func`` made to return its ``APIResponse`` (body read) instead of the parsed value."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        return cast(APIResponse[_R], func(*args, **_with_marker(kwargs, "raw")))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, Awaitable[AsyncAPIResponse[_R]]]:
    """The async ``func`` made to return its ``AsyncAPIResponse`` instead of the parsed value."""

    @functools.wraps(func)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncAPIResponse[_R]:
        return cast(AsyncAPIResponse[_R], await func(*args, **_with_marker(kwargs, "raw")))

    return wrapped


def to_streamed_response_wrapper(
    func: Callable[_P, _R],
) -> Callable[_P, ResponseContextManager[APIResponse[_R]]]:
    """``func`` made to return a context manager over its streamed ``APIResponse``."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> ResponseContextManager[APIResponse[_R]]:
        marked = _with_marker(kwargs, "stream")
        return ResponseContextManager(lambda: cast(APIResponse[_R], func(*args, **marked)))

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, AsyncResponseContextManager[AsyncAPIResponse[_R]]]:
    """The async ``func`` made to return an async context manager over its streamed response."""

    @functools.wraps(func)
    def wrapped(
        *args: _P.args, **kwargs: _P.kwargs
    ) -> AsyncResponseContextManager[AsyncAPIResponse[_R]]:
        marked = _with_marker(kwargs, "stream")

        async def send() -> AsyncAPIResponse[_R]:
            return cast(AsyncAPIResponse[_R], await func(*args, **marked))

        return AsyncResponseContextManager(send)

    return wrapped


def without_raw_marker(options: RequestOptions | None) -> RequestOptions | None:
    """``options`` without the response-mode marker: the pages after the first are parsed."""
    if not options or RAW_RESPONSE_HEADER not in (options.get("headers") or {}):
        return options
    headers = {k: v for k, v in (options.get("headers") or {}).items() if k != RAW_RESPONSE_HEADER}
    return {**options, "headers": headers}
