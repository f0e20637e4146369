"""BatchVideos: the `batch-videos` operations of Spiritme API; generated, do not edit."""

from __future__ import annotations

from functools import cached_property
from typing import cast, Literal, Mapping, Optional, Union

from .._base_client import AsyncAPIResource, SyncAPIResource, make_request_options
from .._pagination import AsyncPaginator, PageSpec
from .._pages import AsyncPaginatedBatchVideoListPage, PaginatedBatchVideoListPage
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .._utils import path_template, strip_not_given
from ..types import BatchVideo, BatchVideoRequest, BatchVideoTemplateNestedParam, WebhookNestedParam

__all__ = ["BatchVideos", "AsyncBatchVideos"]


class BatchVideos(SyncAPIResource):

    @cached_property
    def with_raw_response(self) -> BatchVideosWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return BatchVideosWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BatchVideosWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return BatchVideosWithStreamingResponse(self)

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
    ) -> PaginatedBatchVideoListPage[BatchVideo]:
        """`GET /api/batch-videos/`

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
            "/api/batch-videos/",
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
            item_type=BatchVideo,
            page_class=PaginatedBatchVideoListPage[BatchVideo],
        )

    def create(
        self,
        *,
        variables: Mapping[str, Union[int, float, str, bool]],
        template: Union[Optional[BatchVideoTemplateNestedParam], NotGiven] = NOT_GIVEN,
        webhook: Union[Optional[WebhookNestedParam], NotGiven] = NOT_GIVEN,
        media_type: Literal[
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data"
        ] = "application/json",
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> BatchVideo:
        """`POST /api/batch-videos/`

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
            BatchVideo,
            self._client.request(
                "post",
                "/api/batch-videos/",
                body=strip_not_given(
                    {
                        "variables": variables,
                        "template": template,
                        "webhook": webhook,
                    }
                ),
                body_model=BatchVideoRequest,
                content_type=media_type,
                options=options,
                cast_to=BatchVideo,
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
    ) -> BatchVideo:
        """`GET /api/batch-videos/{id}/`

        Args:
          id: A unique integer value identifying this batch video.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            BatchVideo,
            self._client.request(
                "get",
                path_template("/api/batch-videos/{id}/", id=id),
                options=options,
                cast_to=BatchVideo,
                idempotent=True,
            ),
        )

    def wait(
        self,
        id: int,
        *,
        poll_interval: float = 3.0,
        max_wait: float = 600.0,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> BatchVideo:
        """Poll `retrieve` until `status` is success.

        Returns the object on success; raises `JobFailedError` (carrying the object) on error,
        and `WaitTimeoutError` when `max_wait` seconds pass first. `extra_headers`, `extra_query`,
        `timeout` and `max_retries` apply to each request.
        """
        return self._poll(
            lambda: self.retrieve(
                id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
            status_of=lambda obj: obj.status,
            success=["success"],
            failure=["error"],
            poll_interval=poll_interval,
            max_wait=max_wait,
        )


class BatchVideosWithRawResponse:
    """`BatchVideos` methods that return `APIResponse` instead of the parsed body."""

    def __init__(self, resource: BatchVideos) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class BatchVideosWithStreamingResponse:
    """`BatchVideos` methods as context managers over a streamed `APIResponse`."""

    def __init__(self, resource: BatchVideos) -> None:
        self._resource = resource
        self.list = to_streamed_response_wrapper(resource.list)
        self.create = to_streamed_response_wrapper(resource.create)
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)


class AsyncBatchVideos(AsyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AsyncBatchVideosWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return AsyncBatchVideosWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBatchVideosWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return AsyncBatchVideosWithStreamingResponse(self)

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
    ) -> AsyncPaginator[BatchVideo, AsyncPaginatedBatchVideoListPage[BatchVideo]]:
        """`GET /api/batch-videos/`

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
            "/api/batch-videos/",
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
            item_type=BatchVideo,
            page_class=AsyncPaginatedBatchVideoListPage[BatchVideo],
        )

    async def create(
        self,
        *,
        variables: Mapping[str, Union[int, float, str, bool]],
        template: Union[Optional[BatchVideoTemplateNestedParam], NotGiven] = NOT_GIVEN,
        webhook: Union[Optional[WebhookNestedParam], NotGiven] = NOT_GIVEN,
        media_type: Literal[
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data"
        ] = "application/json",
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> BatchVideo:
        """`POST /api/batch-videos/`

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
            BatchVideo,
            await self._client.request(
                "post",
                "/api/batch-videos/",
                body=strip_not_given(
                    {
                        "variables": variables,
                        "template": template,
                        "webhook": webhook,
                    }
                ),
                body_model=BatchVideoRequest,
                content_type=media_type,
                options=options,
                cast_to=BatchVideo,
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
    ) -> BatchVideo:
        """`GET /api/batch-videos/{id}/`

        Args:
          id: A unique integer value identifying this batch video.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            BatchVideo,
            await self._client.request(
                "get",
                path_template("/api/batch-videos/{id}/", id=id),
                options=options,
                cast_to=BatchVideo,
                idempotent=True,
            ),
        )

    async def wait(
        self,
        id: int,
        *,
        poll_interval: float = 3.0,
        max_wait: float = 600.0,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> BatchVideo:
        """Poll `retrieve` until `status` is success.

        Returns the object on success; raises `JobFailedError` (carrying the object) on error,
        and `WaitTimeoutError` when `max_wait` seconds pass first. `extra_headers`, `extra_query`,
        `timeout` and `max_retries` apply to each request.
        """
        return await self._poll(
            lambda: self.retrieve(
                id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
            status_of=lambda obj: obj.status,
            success=["success"],
            failure=["error"],
            poll_interval=poll_interval,
            max_wait=max_wait,
        )


class AsyncBatchVideosWithRawResponse:
    """`AsyncBatchVideos` methods that return `AsyncAPIResponse` instead of the parsed body."""

    def __init__(self, resource: AsyncBatchVideos) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)


class AsyncBatchVideosWithStreamingResponse:
    """`AsyncBatchVideos` methods as context managers over a streamed `AsyncAPIResponse`."""

    def __init__(self, resource: AsyncBatchVideos) -> None:
        self._resource = resource
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
