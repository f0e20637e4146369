"""Python client for Spiritme API.

Usage::

    from spiritme import SpiritMe

    with SpiritMe() as client:  # the API key comes from SPIRITME_API_KEY
        for item in client.avatars.list():  # every page, fetched as needed
            print(item)

Every resource of the API is an attribute of the client; ``AsyncSpiritMe`` has the same
methods, awaited. Errors raise subclasses of ``SpiritMeError``.
"""

from . import resources as resources, types as types  # both load their modules on first use
from ._client import AsyncSpiritMe, SpiritMe
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
    SpiritMeError,
    UnprocessableEntityError,
    WaitTimeoutError,
)
from ._pagination import AsyncPage, AsyncPaginator, SyncPage
from ._response import APIResponse, AsyncAPIResponse
from ._types import NOT_GIVEN, NotGiven, Omit, omit
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIResponse",
    "AsyncPage",
    "AsyncPaginator",
    "AsyncSpiritMe",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "InternalServerError",
    "InvalidArgumentError",
    "JobFailedError",
    "NOT_GIVEN",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "PermissionDeniedError",
    "RateLimitError",
    "SpiritMe",
    "SpiritMeError",
    "SyncPage",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "__version__",
    "omit",
]
