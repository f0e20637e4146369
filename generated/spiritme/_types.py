"""Types shared by the client and its resources: sentinels, request options, file inputs."""

from __future__ import annotations

import os
from typing import IO, Literal, Mapping, TypeAlias, TypedDict, Union

import httpx

__all__ = [
    "NOT_GIVEN",
    "Body",
    "FileContent",
    "FileTypes",
    "Headers",
    "NotGiven",
    "Omit",
    "Query",
    "RequestOptions",
    "Timeout",
    "omit",
]


class NotGiven:
    """The type of ``NOT_GIVEN``: an argument the caller left out, as opposed to ``None`` (sent as null)."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


class Omit:
    """The type of ``omit``: in ``extra_headers``, removes a header the client would send."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "omit"


omit = Omit()

Headers: TypeAlias = Mapping[str, Union[str, Omit]]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = object
Timeout: TypeAlias = Union[float, httpx.Timeout, None]

# a ``str`` or ``os.PathLike`` is a path on disk, read in chunks while the request is sent
FileContent: TypeAlias = Union[IO[bytes], bytes, "os.PathLike[str]", str]
FileTypes: TypeAlias = Union[
    FileContent,
    tuple[Union[str, None], FileContent],
    tuple[Union[str, None], FileContent, Union[str, None]],
]


class RequestOptions(TypedDict, total=False):
    """Per-call overrides, built by ``make_request_options`` from a method's ``extra_*`` arguments."""

    headers: Headers
    params: Query
    extra_json: Body
    timeout: Timeout
    max_retries: int
