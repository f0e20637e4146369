"""Tts: the `tts` operations of Spiritme API; generated, do not edit."""

from __future__ import annotations

from functools import cached_property
from typing import Optional, Union

from .._base_client import AsyncAPIResource, SyncAPIResource, make_request_options
from .._pagination import AsyncPaginator, PageSpec
from .._pages import (
    AsyncPaginatedLanguageListPage,
    AsyncPaginatedVoiceListPage,
    PaginatedLanguageListPage,
    PaginatedVoiceListPage,
)
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .._utils import strip_not_given
from ..types import Language, Voice

__all__ = ["Tts", "AsyncTts"]


class Tts(SyncAPIResource):

    @cached_property
    def with_raw_response(self) -> TtsWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return TtsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> TtsWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return TtsWithStreamingResponse(self)

    def list_languages(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> PaginatedLanguageListPage[Language]:
        """`GET /api/tts/languages/`

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
            "/api/tts/languages/",
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
            item_type=Language,
            page_class=PaginatedLanguageListPage[Language],
        )

    def list_voices(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> PaginatedVoiceListPage[Voice]:
        """`GET /api/tts/voices/`

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
            "/api/tts/voices/",
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
            item_type=Voice,
            page_class=PaginatedVoiceListPage[Voice],
        )


class TtsWithRawResponse:
    """`Tts` methods that return `APIResponse` instead of the parsed body."""

    def __init__(self, resource: Tts) -> None:
        self._resource = resource
        self.list_languages = to_raw_response_wrapper(resource.list_languages)
        self.list_voices = to_raw_response_wrapper(resource.list_voices)


class TtsWithStreamingResponse:
    """`Tts` methods as context managers over a streamed `APIResponse`."""

    def __init__(self, resource: Tts) -> None:
        self._resource = resource
        self.list_languages = to_streamed_response_wrapper(resource.list_languages)
        self.list_voices = to_streamed_response_wrapper(resource.list_voices)


class AsyncTts(AsyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AsyncTtsWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return AsyncTtsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncTtsWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return AsyncTtsWithStreamingResponse(self)

    def list_languages(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPaginator[Language, AsyncPaginatedLanguageListPage[Language]]:
        """`GET /api/tts/languages/`

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
            "/api/tts/languages/",
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
            item_type=Language,
            page_class=AsyncPaginatedLanguageListPage[Language],
        )

    def list_voices(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPaginator[Voice, AsyncPaginatedVoiceListPage[Voice]]:
        """`GET /api/tts/voices/`

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
            "/api/tts/voices/",
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
            item_type=Voice,
            page_class=AsyncPaginatedVoiceListPage[Voice],
        )


class AsyncTtsWithRawResponse:
    """`AsyncTts` methods that return `AsyncAPIResponse` instead of the parsed body."""

    def __init__(self, resource: AsyncTts) -> None:
        self._resource = resource
        self.list_languages = async_to_raw_response_wrapper(resource.list_languages)
        self.list_voices = async_to_raw_response_wrapper(resource.list_voices)


class AsyncTtsWithStreamingResponse:
    """`AsyncTts` methods as context managers over a streamed `AsyncAPIResponse`."""

    def __init__(self, resource: AsyncTts) -> None:
        self._resource = resource
        self.list_languages = async_to_streamed_response_wrapper(resource.list_languages)
        self.list_voices = async_to_streamed_response_wrapper(resource.list_voices)
