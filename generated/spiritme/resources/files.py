"""Files: the `files` operations of Spiritme API; generated, do not edit."""

from __future__ import annotations

from functools import cached_property
from typing import cast, Literal, Optional, Sequence, Union

from .._base_client import AsyncAPIResource, SyncAPIResource, make_request_options
from .._pagination import AsyncPaginator, PageSpec
from .._pages import AsyncPaginatedFileListPage, PaginatedFileListPage
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, FileTypes, Headers, NotGiven, Query, Timeout
from .._utils import path_template, strip_not_given
from ..types import File, FileRequest

__all__ = ["Files", "AsyncFiles"]


class Files(SyncAPIResource):

    @cached_property
    def with_raw_response(self) -> FilesWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return FilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> FilesWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return FilesWithStreamingResponse(self)

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        ordering: Union[str, NotGiven] = NOT_GIVEN,
        type: Union[
            Sequence[Literal["image", "video", "audio", "pdf", "pptx"]], NotGiven
        ] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> PaginatedFileListPage[File]:
        """`GET /api/files/`

        Args:
          limit: Number of results to return per page.
          offset: The initial index from which to return the results.
          ordering: Which field to use when ordering the results.
          type: Used by the Pipedream integration as type=audio / type=image&type=video; filter
            style and enum inferred.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return self._client.get_page(
            "/api/files/",
            query=strip_not_given(
                {
                    "limit": limit,
                    "offset": offset,
                    "ordering": ordering,
                    "type": type,
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
            item_type=File,
            page_class=PaginatedFileListPage[File],
        )

    def create(
        self,
        *,
        file: FileTypes,
        name: Union[Optional[str], NotGiven] = NOT_GIVEN,
        tag: Union[
            Literal[
                "general",
                "asset",
                "speech",
                "presentation_page",
                "scene",
                "scene_preview",
                "background",
            ],
            NotGiven,
        ] = NOT_GIVEN,
        generate_script_from_content: Union[bool, NotGiven] = NOT_GIVEN,
        prompt: Union[Optional[str], NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> File:
        """Allowed mime types {'image': ('image/png', 'image/jpeg', 'image/webp'), 'video':
        ('video/mp4', 'video/quicktime'), 'audio': ('audio/mp3', 'audio/x-mp3', 'audio/mpeg',
        'audio/x-wav'), 'pdf': ('application/pdf',), 'pptx': ('application/vnd.ms-powerpoint',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation')}.

        `POST /api/files/`

        Args:
          tag: Server default: `"general"`.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            File,
            self._client.request(
                "post",
                "/api/files/",
                body=strip_not_given(
                    {
                        "name": name,
                        "tag": tag,
                        "file": file,
                        "generate_script_from_content": generate_script_from_content,
                        "prompt": prompt,
                    }
                ),
                body_model=FileRequest,
                encoding="multipart",
                content_type="multipart/form-data",
                file_fields=["file"],
                options=options,
                cast_to=File,
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
    ) -> File:
        """`GET /api/files/{id}/`

        Args:
          id: A unique integer value identifying this file.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            File,
            self._client.request(
                "get",
                path_template("/api/files/{id}/", id=id),
                options=options,
                cast_to=File,
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
        """`DELETE /api/files/{id}/`

        Args:
          id: A unique integer value identifying this file.

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
                path_template("/api/files/{id}/", id=id),
                options=options,
                cast_to=None,
                idempotent=True,
            ),
        )

    def list_children(
        self,
        id: int,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> PaginatedFileListPage[File]:
        """`GET /api/files/{id}/children/`

        Args:
          id: A unique integer value identifying this file.
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
            path_template("/api/files/{id}/children/", id=id),
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
            item_type=File,
            page_class=PaginatedFileListPage[File],
        )


class FilesWithRawResponse:
    """`Files` methods that return `APIResponse` instead of the parsed body."""

    def __init__(self, resource: Files) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.delete = to_raw_response_wrapper(resource.delete)
        self.list_children = to_raw_response_wrapper(resource.list_children)


class FilesWithStreamingResponse:
    """`Files` methods as context managers over a streamed `APIResponse`."""

    def __init__(self, resource: Files) -> None:
        self._resource = resource
        self.list = to_streamed_response_wrapper(resource.list)
        self.create = to_streamed_response_wrapper(resource.create)
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.delete = to_streamed_response_wrapper(resource.delete)
        self.list_children = to_streamed_response_wrapper(resource.list_children)


class AsyncFiles(AsyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return AsyncFilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFilesWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return AsyncFilesWithStreamingResponse(self)

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        ordering: Union[str, NotGiven] = NOT_GIVEN,
        type: Union[
            Sequence[Literal["image", "video", "audio", "pdf", "pptx"]], NotGiven
        ] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPaginator[File, AsyncPaginatedFileListPage[File]]:
        """`GET /api/files/`

        Args:
          limit: Number of results to return per page.
          offset: The initial index from which to return the results.
          ordering: Which field to use when ordering the results.
          type: Used by the Pipedream integration as type=audio / type=image&type=video; filter
            style and enum inferred.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return self._client.get_page(
            "/api/files/",
            query=strip_not_given(
                {
                    "limit": limit,
                    "offset": offset,
                    "ordering": ordering,
                    "type": type,
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
            item_type=File,
            page_class=AsyncPaginatedFileListPage[File],
        )

    async def create(
        self,
        *,
        file: FileTypes,
        name: Union[Optional[str], NotGiven] = NOT_GIVEN,
        tag: Union[
            Literal[
                "general",
                "asset",
                "speech",
                "presentation_page",
                "scene",
                "scene_preview",
                "background",
            ],
            NotGiven,
        ] = NOT_GIVEN,
        generate_script_from_content: Union[bool, NotGiven] = NOT_GIVEN,
        prompt: Union[Optional[str], NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> File:
        """Allowed mime types {'image': ('image/png', 'image/jpeg', 'image/webp'), 'video':
        ('video/mp4', 'video/quicktime'), 'audio': ('audio/mp3', 'audio/x-mp3', 'audio/mpeg',
        'audio/x-wav'), 'pdf': ('application/pdf',), 'pptx': ('application/vnd.ms-powerpoint',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation')}.

        `POST /api/files/`

        Args:
          tag: Server default: `"general"`.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            File,
            await self._client.request(
                "post",
                "/api/files/",
                body=strip_not_given(
                    {
                        "name": name,
                        "tag": tag,
                        "file": file,
                        "generate_script_from_content": generate_script_from_content,
                        "prompt": prompt,
                    }
                ),
                body_model=FileRequest,
                encoding="multipart",
                content_type="multipart/form-data",
                file_fields=["file"],
                options=options,
                cast_to=File,
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
    ) -> File:
        """`GET /api/files/{id}/`

        Args:
          id: A unique integer value identifying this file.

          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            File,
            await self._client.request(
                "get",
                path_template("/api/files/{id}/", id=id),
                options=options,
                cast_to=File,
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
        """`DELETE /api/files/{id}/`

        Args:
          id: A unique integer value identifying this file.

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
                path_template("/api/files/{id}/", id=id),
                options=options,
                cast_to=None,
                idempotent=True,
            ),
        )

    def list_children(
        self,
        id: int,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPaginator[File, AsyncPaginatedFileListPage[File]]:
        """`GET /api/files/{id}/children/`

        Args:
          id: A unique integer value identifying this file.
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
            path_template("/api/files/{id}/children/", id=id),
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
            item_type=File,
            page_class=AsyncPaginatedFileListPage[File],
        )


class AsyncFilesWithRawResponse:
    """`AsyncFiles` methods that return `AsyncAPIResponse` instead of the parsed body."""

    def __init__(self, resource: AsyncFiles) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.delete = async_to_raw_response_wrapper(resource.delete)
        self.list_children = async_to_raw_response_wrapper(resource.list_children)


class AsyncFilesWithStreamingResponse:
    """`AsyncFiles` methods as context managers over a streamed `AsyncAPIResponse`."""

    def __init__(self, resource: AsyncFiles) -> None:
        self._resource = resource
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.delete = async_to_streamed_response_wrapper(resource.delete)
        self.list_children = async_to_streamed_response_wrapper(resource.list_children)
