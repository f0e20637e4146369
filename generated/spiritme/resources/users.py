"""Users: the `users` operations of Spiritme API; generated, do not edit."""

from __future__ import annotations

from functools import cached_property
from typing import cast, Optional, Union

from .._base_client import AsyncAPIResource, SyncAPIResource, make_request_options
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ..types import User

__all__ = ["Users", "AsyncUsers"]


class Users(SyncAPIResource):

    @cached_property
    def with_raw_response(self) -> UsersWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return UsersWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> UsersWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return UsersWithStreamingResponse(self)

    def retrieve_current(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> User:
        """`GET /api/users/current/`

        Args:
          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            User,
            self._client.request(
                "get",
                "/api/users/current/",
                options=options,
                cast_to=User,
                idempotent=True,
            ),
        )

    def delete_current(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> None:
        """`DELETE /api/users/current/`

        Args:
          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            None,
            self._client.request(
                "delete",
                "/api/users/current/",
                options=options,
                cast_to=None,
                idempotent=True,
            ),
        )


class UsersWithRawResponse:
    """`Users` methods that return `APIResponse` instead of the parsed body."""

    def __init__(self, resource: Users) -> None:
        self._resource = resource
        self.retrieve_current = to_raw_response_wrapper(resource.retrieve_current)
        self.delete_current = to_raw_response_wrapper(resource.delete_current)


class UsersWithStreamingResponse:
    """`Users` methods as context managers over a streamed `APIResponse`."""

    def __init__(self, resource: Users) -> None:
        self._resource = resource
        self.retrieve_current = to_streamed_response_wrapper(resource.retrieve_current)
        self.delete_current = to_streamed_response_wrapper(resource.delete_current)


class AsyncUsers(AsyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AsyncUsersWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return AsyncUsersWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncUsersWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return AsyncUsersWithStreamingResponse(self)

    async def retrieve_current(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> User:
        """`GET /api/users/current/`

        Args:
          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            User,
            await self._client.request(
                "get",
                "/api/users/current/",
                options=options,
                cast_to=User,
                idempotent=True,
            ),
        )

    async def delete_current(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> None:
        """`DELETE /api/users/current/`

        Args:
          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            None,
            await self._client.request(
                "delete",
                "/api/users/current/",
                options=options,
                cast_to=None,
                idempotent=True,
            ),
        )


class AsyncUsersWithRawResponse:
    """`AsyncUsers` methods that return `AsyncAPIResponse` instead of the parsed body."""

    def __init__(self, resource: AsyncUsers) -> None:
        self._resource = resource
        self.retrieve_current = async_to_raw_response_wrapper(resource.retrieve_current)
        self.delete_current = async_to_raw_response_wrapper(resource.delete_current)


class AsyncUsersWithStreamingResponse:
    """`AsyncUsers` methods as context managers over a streamed `AsyncAPIResponse`."""

    def __init__(self, resource: AsyncUsers) -> None:
        self._resource = resource
        self.retrieve_current = async_to_streamed_response_wrapper(resource.retrieve_current)
        self.delete_current = async_to_streamed_response_wrapper(resource.delete_current)
