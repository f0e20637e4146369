"""Raw responses: the HTTP response with its headers, and the parsed value on demand."""

from __future__ import annotations

import functools
from typing import Any, Awaitable, Callable, Generic, Mapping, ParamSpec, TypeVar, cast

import httpx

from ._types import RequestOptions

__all__ = [
    "RAW_RESPONSE_HEADER",
    "APIResponse",
    "AsyncAPIResponse",
    "async_to_raw_response_wrapper",
    "to_raw_response_wrapper",
    "without_raw_marker",
]

# in a call's ``extra_headers``, asks for an ``APIResponse``; removed before the request is sent
RAW_RESPONSE_HEADER = "X-SpiritMe-Raw-Response"

_T = TypeVar("_T")
_R = TypeVar("_R")
_P = ParamSpec("_P")


class _BaseAPIResponse(Generic[_T]):
    """An HTTP response of a successful call, and how to parse it."""

    def __init__(self, http_response: httpx.Response, parse: Callable[[], _T]) -> None:
        self.http_response = http_response
        self._parse = functools.cache(parse)

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.http_response.request.method}>"


class APIResponse(_BaseAPIResponse[_T]):
    """An HTTP response of a successful call; ``parse()`` gives what the method would have returned."""

    def parse(self) -> _T:
        """The value the method returns without ``with_raw_response`` (parsed once)."""
        return self._parse()


class AsyncAPIResponse(_BaseAPIResponse[_T]):
    """The async twin of ``APIResponse``: ``await response.parse()``."""

    async def parse(self) -> _T:
        """The value the method returns without ``with_raw_response`` (parsed once)."""
        return self._parse()


def _with_raw_marker(kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """``kwargs`` with the raw-response marker added to ``extra_headers``."""
    headers = dict(kwargs.get("extra_headers") or {})
    headers[RAW_RESPONSE_HEADER] = "true"
    return {**kwargs, "extra_headers": headers}


def to_raw_response_wrapper(func: Callable[_P, _R]) -> Callable[_P, APIResponse[_R]]:
    """``func`` made to return its ``APIResponse`` instead of the parsed value."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        return cast(APIResponse[_R], func(*args, **_with_raw_marker(kwargs)))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, Awaitable[AsyncAPIResponse[_R]]]:
    """The async ``func`` made to return its ``AsyncAPIResponse`` instead of the parsed value."""

    @functools.wraps(func)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncAPIResponse[_R]:
        return cast(AsyncAPIResponse[_R], await func(*args, **_with_raw_marker(kwargs)))

    return wrapped


def without_raw_marker(options: RequestOptions | None) -> RequestOptions | None:
    """``options`` without the raw-response marker: the pages after the first are parsed."""
    if not options or RAW_RESPONSE_HEADER not in (options.get("headers") or {}):
        return options
    headers = {k: v for k, v in (options.get("headers") or {}).items() if k != RAW_RESPONSE_HEADER}
    return {**options, "headers": headers}
