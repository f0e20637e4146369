"""BatchVideoTemplates: the `batch-video-templates` operations of Spiritme API; generated, do not
edit.
"""

from __future__ import annotations

from functools import cached_property
from typing import cast, Literal, Optional, Union

from .._base_client import AsyncAPIResource, SyncAPIResource, make_request_options
from .._pagination import AsyncPaginator, PageSpec
from .._pages import AsyncPaginatedBatchVideoTemplateListPage, PaginatedBatchVideoTemplateListPage
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .._utils import path_template, strip_not_given
from ..types import BatchVideoTemplate, BatchVideoTemplateRequest

__all__ = ["BatchVideoTemplates", "AsyncBatchVideoTemplates"]


class BatchVideoTemplates(SyncAPIResource):

    @cached_property
    def with_raw_response(self) -> BatchVideoTemplatesWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return BatchVideoTemplatesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BatchVideoTemplatesWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return BatchVideoTemplatesWithStreamingResponse(self)

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> PaginatedBatchVideoTemplateListPage[BatchVideoTemplate]:
        """`GET /api/batch-video-templates/`

        Args:
          limit: Number of results to return per page.
          offset: The initial index from which to return the results.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return self._client.get_page(
            "/api/batch-video-templates/",
            query=strip_not_given(
                {
                    "limit": limit,
                    "offset": offset,
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
            item_type=BatchVideoTemplate,
            page_class=PaginatedBatchVideoTemplateListPage[BatchVideoTemplate],
        )

    def create(
        self,
        *,
        avatar: int,
        voice: int,
        text: str,
        background: Union[Optional[int], NotGiven] = NOT_GIVEN,
        media_type: Literal[
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data"
        ] = "application/json",
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> BatchVideoTemplate:
        """`POST /api/batch-video-templates/`

        Args:
          media_type: How the body is sent: `application/json`, `application/x-www-form-urlencoded`,
            `multipart/form-data`.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            BatchVideoTemplate,
            self._client.request(
                "post",
                "/api/batch-video-templates/",
                body=strip_not_given(
                    {
                        "avatar": avatar,
                        "voice": voice,
                        "text": text,
                        "background": background,
                    }
                ),
                body_model=BatchVideoTemplateRequest,
                content_type=media_type,
                options=options,
                cast_to=BatchVideoTemplate,
                idempotent=False,
            ),
        )

    def retrieve(
        self,
        id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> BatchVideoTemplate:
        """`GET /api/batch-video-templates/{id}/`

        Args:
          id: A unique integer value identifying this batch video template.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            BatchVideoTemplate,
            self._client.request(
                "get",
                path_template("/api/batch-video-templates/{id}/", id=id),
                options=options,
                cast_to=BatchVideoTemplate,
                idempotent=True,
            ),
        )


class BatchVideoTemplatesWithRawResponse:
    """`BatchVideoTemplates` methods that return `APIResponse` instead of the parsed body."""

    def __init__(self, resource: BatchVideoTemplates) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class BatchVideoTemplatesWithStreamingResponse:
    """`BatchVideoTemplates` methods as context managers over a streamed `APIResponse`."""

    def __init__(self, resource: BatchVideoTemplates) -> None:
        self._resource = resource
        self.list = to_streamed_response_wrapper(resource.list)
        self.create = to_streamed_response_wrapper(resource.create)
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)


class AsyncBatchVideoTemplates(AsyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AsyncBatchVideoTemplatesWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return AsyncBatchVideoTemplatesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBatchVideoTemplatesWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return AsyncBatchVideoTemplatesWithStreamingResponse(self)

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPaginator[
        BatchVideoTemplate, AsyncPaginatedBatchVideoTemplateListPage[BatchVideoTemplate]
    ]:
        """`GET /api/batch-video-templates/`

        Args:
          limit: Number of results to return per page.
          offset: The initial index from which to return the results.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return self._client.get_page(
            "/api/batch-video-templates/",
            query=strip_not_given(
                {
                    "limit": limit,
                    "offset": offset,
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
            item_type=BatchVideoTemplate,
            page_class=AsyncPaginatedBatchVideoTemplateListPage[BatchVideoTemplate],
        )

    async def create(
        self,
        *,
        avatar: int,
        voice: int,
        text: str,
        background: Union[Optional[int], NotGiven] = NOT_GIVEN,
        media_type: Literal[
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data"
        ] = "application/json",
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> BatchVideoTemplate:
        """`POST /api/batch-video-templates/`

        Args:
          media_type: How the body is sent: `application/json`, `application/x-www-form-urlencoded`,
            `multipart/form-data`.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            BatchVideoTemplate,
            await self._client.request(
                "post",
                "/api/batch-video-templates/",
                body=strip_not_given(
                    {
                        "avatar": avatar,
                        "voice": voice,
                        "text": text,
                        "background": background,
                    }
                ),
                body_model=BatchVideoTemplateRequest,
                content_type=media_type,
                options=options,
                cast_to=BatchVideoTemplate,
                idempotent=False,
            ),
        )

    async def retrieve(
        self,
        id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> BatchVideoTemplate:
        """`GET /api/batch-video-templates/{id}/`

        Args:
          id: A unique integer value identifying this batch video template.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            BatchVideoTemplate,
            await self._client.request(
                "get",
                path_template("/api/batch-video-templates/{id}/", id=id),
                options=options,
                cast_to=BatchVideoTemplate,
                idempotent=True,
            ),
        )


class AsyncBatchVideoTemplatesWithRawResponse:
    """`AsyncBatchVideoTemplates` methods that return `AsyncAPIResponse` instead of the parsed body."""

    def __init__(self, resource: AsyncBatchVideoTemplates) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)


class AsyncBatchVideoTemplatesWithStreamingResponse:
    """`AsyncBatchVideoTemplates` methods as context managers over a streamed `AsyncAPIResponse`."""

    def __init__(self, resource: AsyncBatchVideoTemplates) -> None:
        self._resource = resource
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
