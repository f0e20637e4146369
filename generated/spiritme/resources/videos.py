"""Videos: the `videos` operations of Spiritme API; generated, do not edit."""

from __future__ import annotations

from functools import cached_property
from typing import cast, Iterable, Literal, Optional, Sequence, Union

from .._base_client import AsyncAPIResource, SyncAPIResource, make_request_options
from .._pagination import AsyncPaginator, PageSpec
from .._pages import AsyncPaginatedVideoListPage, PaginatedVideoListPage
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .._utils import path_template, strip_not_given
from ..types import ResolutionParam, SlideParam, Video, VideoRequest, WebhookNestedParam

__all__ = ["Videos", "AsyncVideos"]


class Videos(SyncAPIResource):

    @cached_property
    def with_raw_response(self) -> VideosWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return VideosWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> VideosWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return VideosWithStreamingResponse(self)

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        ordering: Union[str, NotGiven] = NOT_GIVEN,
        status: Union[
            Sequence[Literal["draft", "in_queue", "executing", "error", "success"]], NotGiven
        ] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> PaginatedVideoListPage[Video]:
        """`GET /api/videos/`

        Args:
          limit: Number of results to return per page.
          offset: The initial index from which to return the results.
          ordering: Which field to use when ordering the results.
          status: Used by the Pipedream integration as status=success; enum inferred.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return self._client.get_page(
            "/api/videos/",
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
            item_type=Video,
            page_class=PaginatedVideoListPage[Video],
        )

    def create(
        self,
        *,
        slides: Iterable[SlideParam],
        name: Union[str, NotGiven] = NOT_GIVEN,
        webhook: Union[Optional[WebhookNestedParam], NotGiven] = NOT_GIVEN,
        resolution: Union[ResolutionParam, NotGiven] = NOT_GIVEN,
        auto_emotions_markup: Union[bool, NotGiven] = NOT_GIVEN,
        enable_subtitles: Union[bool, NotGiven] = NOT_GIVEN,
        media_type: Literal[
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data"
        ] = "application/json",
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> Video:
        """`POST /api/videos/`

        Args:
          name: Server default: `"New video"`.
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
            Video,
            self._client.request(
                "post",
                "/api/videos/",
                body=strip_not_given(
                    {
                        "name": name,
                        "slides": slides,
                        "webhook": webhook,
                        "resolution": resolution,
                        "auto_emotions_markup": auto_emotions_markup,
                        "enable_subtitles": enable_subtitles,
                    }
                ),
                body_model=VideoRequest,
                content_type=media_type,
                options=options,
                cast_to=Video,
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
    ) -> Video:
        """`GET /api/videos/{id}/`

        Args:
          id: A unique integer value identifying this video.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            Video,
            self._client.request(
                "get",
                path_template("/api/videos/{id}/", id=id),
                options=options,
                cast_to=Video,
                idempotent=True,
            ),
        )

    def update(
        self,
        id: int,
        *,
        slides: Iterable[SlideParam],
        name: Union[str, NotGiven] = NOT_GIVEN,
        webhook: Union[Optional[WebhookNestedParam], NotGiven] = NOT_GIVEN,
        resolution: Union[ResolutionParam, NotGiven] = NOT_GIVEN,
        auto_emotions_markup: Union[bool, NotGiven] = NOT_GIVEN,
        enable_subtitles: Union[bool, NotGiven] = NOT_GIVEN,
        media_type: Literal[
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data"
        ] = "application/json",
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> Video:
        """`PUT /api/videos/{id}/`

        Args:
          id: A unique integer value identifying this video.
          name: Server default: `"New video"`.
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
            Video,
            self._client.request(
                "put",
                path_template("/api/videos/{id}/", id=id),
                body=strip_not_given(
                    {
                        "name": name,
                        "slides": slides,
                        "webhook": webhook,
                        "resolution": resolution,
                        "auto_emotions_markup": auto_emotions_markup,
                        "enable_subtitles": enable_subtitles,
                    }
                ),
                body_model=VideoRequest,
                content_type=media_type,
                options=options,
                cast_to=Video,
                idempotent=True,
            ),
        )

    def delete(
        self,
        id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> None:
        """`DELETE /api/videos/{id}/`

        Args:
          id: A unique integer value identifying this video.

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
                path_template("/api/videos/{id}/", id=id),
                options=options,
                cast_to=None,
                idempotent=True,
            ),
        )

    def publish(
        self,
        id: int,
        *,
        slides: Iterable[SlideParam],
        name: Union[str, NotGiven] = NOT_GIVEN,
        webhook: Union[Optional[WebhookNestedParam], NotGiven] = NOT_GIVEN,
        resolution: Union[ResolutionParam, NotGiven] = NOT_GIVEN,
        auto_emotions_markup: Union[bool, NotGiven] = NOT_GIVEN,
        enable_subtitles: Union[bool, NotGiven] = NOT_GIVEN,
        media_type: Literal[
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data"
        ] = "application/json",
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> Video:
        """`POST /api/videos/{id}/publish/`

        Args:
          id: A unique integer value identifying this video.
          name: Server default: `"New video"`.
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
            Video,
            self._client.request(
                "post",
                path_template("/api/videos/{id}/publish/", id=id),
                body=strip_not_given(
                    {
                        "name": name,
                        "slides": slides,
                        "webhook": webhook,
                        "resolution": resolution,
                        "auto_emotions_markup": auto_emotions_markup,
                        "enable_subtitles": enable_subtitles,
                    }
                ),
                body_model=VideoRequest,
                content_type=media_type,
                options=options,
                cast_to=Video,
                idempotent=False,
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
    ) -> Video:
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


class VideosWithRawResponse:
    """`Videos` methods that return `APIResponse` instead of the parsed body."""

    def __init__(self, resource: Videos) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.update = to_raw_response_wrapper(resource.update)
        self.delete = to_raw_response_wrapper(resource.delete)
        self.publish = to_raw_response_wrapper(resource.publish)


class VideosWithStreamingResponse:
    """`Videos` methods as context managers over a streamed `APIResponse`."""

    def __init__(self, resource: Videos) -> None:
        self._resource = resource
        self.list = to_streamed_response_wrapper(resource.list)
        self.create = to_streamed_response_wrapper(resource.create)
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.update = to_streamed_response_wrapper(resource.update)
        self.delete = to_streamed_response_wrapper(resource.delete)
        self.publish = to_streamed_response_wrapper(resource.publish)


class AsyncVideos(AsyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AsyncVideosWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return AsyncVideosWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncVideosWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return AsyncVideosWithStreamingResponse(self)

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        ordering: Union[str, NotGiven] = NOT_GIVEN,
        status: Union[
            Sequence[Literal["draft", "in_queue", "executing", "error", "success"]], NotGiven
        ] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPaginator[Video, AsyncPaginatedVideoListPage[Video]]:
        """`GET /api/videos/`

        Args:
          limit: Number of results to return per page.
          offset: The initial index from which to return the results.
          ordering: Which field to use when ordering the results.
          status: Used by the Pipedream integration as status=success; enum inferred.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return self._client.get_page(
            "/api/videos/",
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
            item_type=Video,
            page_class=AsyncPaginatedVideoListPage[Video],
        )

    async def create(
        self,
        *,
        slides: Iterable[SlideParam],
        name: Union[str, NotGiven] = NOT_GIVEN,
        webhook: Union[Optional[WebhookNestedParam], NotGiven] = NOT_GIVEN,
        resolution: Union[ResolutionParam, NotGiven] = NOT_GIVEN,
        auto_emotions_markup: Union[bool, NotGiven] = NOT_GIVEN,
        enable_subtitles: Union[bool, NotGiven] = NOT_GIVEN,
        media_type: Literal[
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data"
        ] = "application/json",
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> Video:
        """`POST /api/videos/`

        Args:
          name: Server default: `"New video"`.
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
            Video,
            await self._client.request(
                "post",
                "/api/videos/",
                body=strip_not_given(
                    {
                        "name": name,
                        "slides": slides,
                        "webhook": webhook,
                        "resolution": resolution,
                        "auto_emotions_markup": auto_emotions_markup,
                        "enable_subtitles": enable_subtitles,
                    }
                ),
                body_model=VideoRequest,
                content_type=media_type,
                options=options,
                cast_to=Video,
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
    ) -> Video:
        """`GET /api/videos/{id}/`

        Args:
          id: A unique integer value identifying this video.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            Video,
            await self._client.request(
                "get",
                path_template("/api/videos/{id}/", id=id),
                options=options,
                cast_to=Video,
                idempotent=True,
            ),
        )

    async def update(
        self,
        id: int,
        *,
        slides: Iterable[SlideParam],
        name: Union[str, NotGiven] = NOT_GIVEN,
        webhook: Union[Optional[WebhookNestedParam], NotGiven] = NOT_GIVEN,
        resolution: Union[ResolutionParam, NotGiven] = NOT_GIVEN,
        auto_emotions_markup: Union[bool, NotGiven] = NOT_GIVEN,
        enable_subtitles: Union[bool, NotGiven] = NOT_GIVEN,
        media_type: Literal[
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data"
        ] = "application/json",
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> Video:
        """`PUT /api/videos/{id}/`

        Args:
          id: A unique integer value identifying this video.
          name: Server default: `"New video"`.
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
            Video,
            await self._client.request(
                "put",
                path_template("/api/videos/{id}/", id=id),
                body=strip_not_given(
                    {
                        "name": name,
                        "slides": slides,
                        "webhook": webhook,
                        "resolution": resolution,
                        "auto_emotions_markup": auto_emotions_markup,
                        "enable_subtitles": enable_subtitles,
                    }
                ),
                body_model=VideoRequest,
                content_type=media_type,
                options=options,
                cast_to=Video,
                idempotent=True,
            ),
        )

    async def delete(
        self,
        id: int,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> None:
        """`DELETE /api/videos/{id}/`

        Args:
          id: A unique integer value identifying this video.

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
                path_template("/api/videos/{id}/", id=id),
                options=options,
                cast_to=None,
                idempotent=True,
            ),
        )

    async def publish(
        self,
        id: int,
        *,
        slides: Iterable[SlideParam],
        name: Union[str, NotGiven] = NOT_GIVEN,
        webhook: Union[Optional[WebhookNestedParam], NotGiven] = NOT_GIVEN,
        resolution: Union[ResolutionParam, NotGiven] = NOT_GIVEN,
        auto_emotions_markup: Union[bool, NotGiven] = NOT_GIVEN,
        enable_subtitles: Union[bool, NotGiven] = NOT_GIVEN,
        media_type: Literal[
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data"
        ] = "application/json",
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> Video:
        """`POST /api/videos/{id}/publish/`

        Args:
          id: A unique integer value identifying this video.
          name: Server default: `"New video"`.
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
            Video,
            await self._client.request(
                "post",
                path_template("/api/videos/{id}/publish/", id=id),
                body=strip_not_given(
                    {
                        "name": name,
                        "slides": slides,
                        "webhook": webhook,
                        "resolution": resolution,
                        "auto_emotions_markup": auto_emotions_markup,
                        "enable_subtitles": enable_subtitles,
                    }
                ),
                body_model=VideoRequest,
                content_type=media_type,
                options=options,
                cast_to=Video,
                idempotent=False,
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
    ) -> Video:
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


class AsyncVideosWithRawResponse:
    """`AsyncVideos` methods that return `AsyncAPIResponse` instead of the parsed body."""

    def __init__(self, resource: AsyncVideos) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.update = async_to_raw_response_wrapper(resource.update)
        self.delete = async_to_raw_response_wrapper(resource.delete)
        self.publish = async_to_raw_response_wrapper(resource.publish)


class AsyncVideosWithStreamingResponse:
    """`AsyncVideos` methods as context managers over a streamed `AsyncAPIResponse`."""

    def __init__(self, resource: AsyncVideos) -> None:
        self._resource = resource
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.update = async_to_streamed_response_wrapper(resource.update)
        self.delete = async_to_streamed_response_wrapper(resource.delete)
        self.publish = async_to_streamed_response_wrapper(resource.publish)
