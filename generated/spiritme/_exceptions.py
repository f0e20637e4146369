"""Every exception the client raises, under one base class.

Our exception hierarchy:

* SpiritMeError
  + InvalidArgumentError - an argument refused before anything was sent (also a ValueError)
  + ClientClosedError - a call on a client that was closed
  + APIError
    x APIStatusError - the server answered with a status that is not 2xx
      - BadRequestError (400)
      - AuthenticationError (401)
      - PermissionDeniedError (403)
      - NotFoundError (404)
      - ConflictError (409)
      - UnprocessableEntityError (422)
      - RateLimitError (429)
      - InternalServerError (500 and above)
    x APIConnectionError - no answer: the connection failed or broke
      - APITimeoutError
    x APIResponseValidationError - the answer did not match the documented schema
  + JobFailedError - a job waited on ended with a failure status
  + WaitTimeoutError - a job waited on did not finish in time
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "InternalServerError",
    "InvalidArgumentError",
    "JobFailedError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SpiritMeError",
    "UnprocessableEntityError",
    "WaitTimeoutError",
]


def request_id_of(headers: httpx.Headers) -> str | None:
    """The id the server gave the request (``x-request-id`` or ``request-id``), if any."""
    for name in ("x-request-id", "request-id"):
        value = headers.get(name)
        if value:
            return str(value)
    return None


class SpiritMeError(Exception):
    """The base of every exception this package raises."""


class InvalidArgumentError(SpiritMeError, ValueError):
    """An argument the client refused before sending anything; ``argument`` names it."""

    argument: str
    problem: str

    def __init__(self, argument: str, problem: str) -> None:
        super().__init__(f"argument {argument!r}: {problem}")
        self.argument = argument
        self.problem = problem


class ClientClosedError(SpiritMeError):
    """A call on a client after ``close()``: make a new client (``with_options`` copies share its connections)."""

    def __init__(self) -> None:
        super().__init__("the client was closed: create a new one")


class APIError(SpiritMeError):
    """A request that did not give a usable answer; ``body`` is the decoded answer, if any."""

    message: str
    request: httpx.Request
    body: object | None

    def __init__(self, message: str, request: httpx.Request, *, body: object | None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIStatusError(APIError):
    """The server answered with a status outside 2xx; ``body`` is its JSON, or its text."""

    response: httpx.Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = request_id_of(response.headers)


class BadRequestError(APIStatusError):
    """400: the server refused the request as malformed or invalid."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or expired."""


class PermissionDeniedError(APIStatusError):
    """403: the API key may not do this."""


class NotFoundError(APIStatusError):
    """404: nothing exists at this path."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state of the resource."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well formed but could not be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests; the client already retried as ``max_retries`` allowed."""


class InternalServerError(APIStatusError):
    """500 and above: the server failed."""


class APIConnectionError(APIError):
    """No answer came: the connection could not be made, or broke."""

    def __init__(self, request: httpx.Request, *, message: str = "Connection error.") -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """No answer came in time."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(request, message="Request timed out.")


class APIResponseValidationError(APIError):
    """The server answered 2xx, but with data that does not match the documented schema."""

    response: httpx.Response
    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class JobFailedError(SpiritMeError):
    """A job waited on reached a failure status; ``object`` is its last state."""

    def __init__(self, obj: Any, status: object) -> None:
        super().__init__(f"{type(obj).__name__} ended with status {status!r}")
        self.object = obj
        self.status = status


class WaitTimeoutError(SpiritMeError):
    """A job waited on did not reach a final status in time; ``object`` is its last state."""

    def __init__(self, obj: Any, status: object, timeout: float) -> None:
        super().__init__(f"{type(obj).__name__} still has status {status!r} after {timeout:g} s")
        self.object = obj
        self.status = status
        self.timeout = timeout
