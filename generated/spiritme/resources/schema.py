"""Schema: the `schema` operations of Spiritme API; generated, do not edit."""

from __future__ import annotations

from functools import cached_property
from typing import cast, Any, Dict, Literal, Optional, Union

from .._base_client import AsyncAPIResource, SyncAPIResource, make_request_options
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .._utils import strip_not_given

__all__ = ["Schema", "AsyncSchema"]


class Schema(SyncAPIResource):

    @cached_property
    def with_raw_response(self) -> SchemaWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return SchemaWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> SchemaWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return SchemaWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        format: Union[Literal["json", "yaml"], NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> Dict[str, Any]:
        """OpenApi3 schema for this API. Format can be selected via content negotiation.

        - YAML: application/vnd.oai.openapi
        - JSON: application/vnd.oai.openapi+json

        `GET /api/schema/`

        Args:
          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            Dict[str, Any],
            self._client.request(
                "get",
                "/api/schema/",
                query=strip_not_given(
                    {
                        "format": format,
                    }
                ),
                options=options,
                cast_to=Dict[str, Any],
                idempotent=True,
            ),
        )


class SchemaWithRawResponse:
    """`Schema` methods that return `APIResponse` instead of the parsed body."""

    def __init__(self, resource: Schema) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class SchemaWithStreamingResponse:
    """`Schema` methods as context managers over a streamed `APIResponse`."""

    def __init__(self, resource: Schema) -> None:
        self._resource = resource
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)


class AsyncSchema(AsyncAPIResource):

    @cached_property
    def with_raw_response(self) -> AsyncSchemaWithRawResponse:
        """The same methods, returning the raw HTTP response (status, headers, `.parse()`)."""
        return AsyncSchemaWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncSchemaWithStreamingResponse:
        """The same methods, as context managers over a response whose body is read as asked."""
        return AsyncSchemaWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        format: Union[Literal["json", "yaml"], NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
    ) -> Dict[str, Any]:
        """OpenApi3 schema for this API. Format can be selected via content negotiation.

        - YAML: application/vnd.oai.openapi
        - JSON: application/vnd.oai.openapi+json

        `GET /api/schema/`

        Args:
          extra_headers: Send extra headers.
          extra_query: Add additional query parameters to the request.
          extra_body: Add additional JSON properties to the request.
          timeout: Override the client-level default timeout for this request, in seconds.
          max_retries: Override the client-level retry count for this request.
        """
        options = make_request_options(extra_headers, extra_query, extra_body, timeout, max_retries)
        return cast(
            Dict[str, Any],
            await self._client.request(
                "get",
                "/api/schema/",
                query=strip_not_given(
                    {
                        "format": format,
                    }
                ),
                options=options,
                cast_to=Dict[str, Any],
                idempotent=True,
            ),
        )


class AsyncSchemaWithRawResponse:
    """`AsyncSchema` methods that return `AsyncAPIResponse` instead of the parsed body."""

    def __init__(self, resource: AsyncSchema) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)


class AsyncSchemaWithStreamingResponse:
    """`AsyncSchema` methods as context managers over a streamed `AsyncAPIResponse`."""

    def __init__(self, resource: AsyncSchema) -> None:
        self._resource = resource
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
