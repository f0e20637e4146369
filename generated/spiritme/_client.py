"""The SpiritMe clients: ``SpiritMe`` (synchronous) and ``AsyncSpiritMe``, one attribute per resource.

A resource's module is imported the first time its attribute is read, so that importing the
package stays fast however large the API is.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Mapping

import httpx

from ._base_client import DEFAULT_MAX_RETRIES, AsyncAPIClient, SyncAPIClient
from ._types import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from .resources.avatars import AsyncAvatars, Avatars
    from .resources.batch_video_templates import AsyncBatchVideoTemplates, BatchVideoTemplates
    from .resources.batch_videos import AsyncBatchVideos, BatchVideos
    from .resources.files import AsyncFiles, Files
    from .resources.schema import AsyncSchema, Schema
    from .resources.tts import AsyncTts, Tts
    from .resources.users import AsyncUsers, Users
    from .resources.videos import AsyncVideos, Videos

__all__ = ["AsyncSpiritMe", "SpiritMe"]


class SpiritMe(SyncAPIClient):
    """Synchronous client for Spiritme API.

    ``api_key`` defaults to the ``SPIRITME_API_KEY`` environment variable and ``base_url``
    to ``SPIRITME_BASE_URL``, then to the API's server. Calls time out after 60 s
    (10 s to connect) and are retried twice when retrying is safe. Close the client when done,
    or use it in a ``with`` block.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        allow_insecure_http: bool = False,
        strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            allow_insecure_http=allow_insecure_http,
            strict_response_validation=strict_response_validation,
        )

    @cached_property
    def avatars(self) -> Avatars:
        from .resources.avatars import Avatars

        return Avatars(self)

    @cached_property
    def batch_video_templates(self) -> BatchVideoTemplates:
        from .resources.batch_video_templates import BatchVideoTemplates

        return BatchVideoTemplates(self)

    @cached_property
    def batch_videos(self) -> BatchVideos:
        from .resources.batch_videos import BatchVideos

        return BatchVideos(self)

    @cached_property
    def files(self) -> Files:
        from .resources.files import Files

        return Files(self)

    @cached_property
    def schema(self) -> Schema:
        from .resources.schema import Schema

        return Schema(self)

    @cached_property
    def tts(self) -> Tts:
        from .resources.tts import Tts

        return Tts(self)

    @cached_property
    def users(self) -> Users:
        from .resources.users import Users

        return Users(self)

    @cached_property
    def videos(self) -> Videos:
        from .resources.videos import Videos

        return Videos(self)


class AsyncSpiritMe(AsyncAPIClient):
    """Asynchronous client for Spiritme API: the same methods as ``SpiritMe``, awaited.

    Close the client when done (``await client.close()``), or use it in an ``async with`` block.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        allow_insecure_http: bool = False,
        strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            allow_insecure_http=allow_insecure_http,
            strict_response_validation=strict_response_validation,
        )

    @cached_property
    def avatars(self) -> AsyncAvatars:
        from .resources.avatars import AsyncAvatars

        return AsyncAvatars(self)

    @cached_property
    def batch_video_templates(self) -> AsyncBatchVideoTemplates:
        from .resources.batch_video_templates import AsyncBatchVideoTemplates

        return AsyncBatchVideoTemplates(self)

    @cached_property
    def batch_videos(self) -> AsyncBatchVideos:
        from .resources.batch_videos import AsyncBatchVideos

        return AsyncBatchVideos(self)

    @cached_property
    def files(self) -> AsyncFiles:
        from .resources.files import AsyncFiles

        return AsyncFiles(self)

    @cached_property
    def schema(self) -> AsyncSchema:
        from .resources.schema import AsyncSchema

        return AsyncSchema(self)

    @cached_property
    def tts(self) -> AsyncTts:
        from .resources.tts import AsyncTts

        return AsyncTts(self)

    @cached_property
    def users(self) -> AsyncUsers:
        from .resources.users import AsyncUsers

        return AsyncUsers(self)

    @cached_property
    def videos(self) -> AsyncVideos:
        from .resources.videos import AsyncVideos

        return AsyncVideos(self)
