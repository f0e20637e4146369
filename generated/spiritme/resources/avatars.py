"""Avatars: the `avatars` operations of Spiritme API; generated, do not edit."""

from __future__ import annotations

from functools import cached_property
from typing import Literal, Sequence, Optional, Union

from .._base_client import AsyncAPIResource, SyncAPIResource, make_request_options
from .._pagination import AsyncPaginator, PageSpec
from .._pages import AsyncPaginatedAvatarListPage, PaginatedAvatarListPage
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .._utils import strip_not_given
from ..types import Avatar

__all__ = ["Avatars", "AsyncAvatars"]


class Avatars(SyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AvatarsWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return AvatarsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AvatarsWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return AvatarsWithStreamingResponse(self)

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        ordering: Union[str, NotGiven] = NOT_GIVEN,
        status: Union[
            Sequence[
                Literal[
                    "approved",
                    "captured",
                    "clarification",
                    "created",
                    "ready",
                    "rejected",
                    "training",
                ]
            ],
            NotGiven,
        ] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> PaginatedAvatarListPage[Avatar]:
        """`GET /api/avatars/`

        Args:
          limit: Number of results to return per page.
          offset: The initial index from which to return the results.
          ordering: Which field to use when ordering the results.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return self._client.get_page(
            "/api/avatars/",
            query=strip_not_given(
                {
                    "limit": limit,
                    "offset": offset,
                    "ordering": ordering,
                    "status": status,
                }
            ),
            options=options,
            page=PageSpec(
                "offset",
                "results",
                next_field="next",
                offset_param="offset",
                limit_param="limit",
            ),
            item_type=Avatar,
            page_class=PaginatedAvatarListPage[Avatar],
        )


class AvatarsWithRawResponse:
    """`Avatars` methods that return `APIResponse` instead of the parsed body."""

    def __init__(self, resource: Avatars) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)


class AvatarsWithStreamingResponse:
    """`Avatars` methods as context managers over a streamed `APIResponse`."""

    def __init__(self, resource: Avatars) -> None:
        self._resource = resource
        self.list = to_streamed_response_wrapper(resource.list)


class AsyncAvatars(AsyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AsyncAvatarsWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return AsyncAvatarsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncAvatarsWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return AsyncAvatarsWithStreamingResponse(self)

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        ordering: Union[str, NotGiven] = NOT_GIVEN,
        status: Union[
            Sequence[
                Literal[
                    "approved",
                    "captured",
                    "clarification",
                    "created",
                    "ready",
                    "rejected",
                    "training",
                ]
            ],
            NotGiven,
        ] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPaginator[Avatar, AsyncPaginatedAvatarListPage[Avatar]]:
        """`GET /api/avatars/`

        Args:
          limit: Number of results to return per page.
          offset: The initial index from which to return the results.
          ordering: Which field to use when ordering the results.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return self._client.get_page(
            "/api/avatars/",
            query=strip_not_given(
                {
                    "limit": limit,
                    "offset": offset,
                    "ordering": ordering,
                    "status": status,
                }
            ),
            options=options,
            page=PageSpec(
                "offset",
                "results",
                next_field="next",
                offset_param="offset",
                limit_param="limit",
            ),
            item_type=Avatar,
            page_class=AsyncPaginatedAvatarListPage[Avatar],
        )


class AsyncAvatarsWithRawResponse:
    """`AsyncAvatars` methods that return `AsyncAPIResponse` instead of the parsed body."""

    def __init__(self, resource: AsyncAvatars) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)


class AsyncAvatarsWithStreamingResponse:
    """`AsyncAvatars` methods as context managers over a streamed `AsyncAPIResponse`."""

    def __init__(self, resource: AsyncAvatars) -> None:
        self._resource = resource
        self.list = async_to_streamed_response_wrapper(resource.list)
