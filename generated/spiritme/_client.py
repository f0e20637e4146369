"""The SpiritMe clients: ``SpiritMe`` (synchronous) and ``AsyncSpiritMe``, one attribute per resource."""

from __future__ import annotations

from typing import Mapping

import httpx

from ._base_client import DEFAULT_MAX_RETRIES, AsyncAPIClient, SyncAPIClient
from ._types import NOT_GIVEN, NotGiven, Timeout
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

    avatars: Avatars
    batch_video_templates: BatchVideoTemplates
    batch_videos: BatchVideos
    files: Files
    schema: Schema
    tts: Tts
    users: Users
    videos: Videos

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
        )
        self.avatars = Avatars(self)
        self.batch_video_templates = BatchVideoTemplates(self)
        self.batch_videos = BatchVideos(self)
        self.files = Files(self)
        self.schema = Schema(self)
        self.tts = Tts(self)
        self.users = Users(self)
        self.videos = Videos(self)


class AsyncSpiritMe(AsyncAPIClient):
    """Asynchronous client for Spiritme API: the same methods as ``SpiritMe``, awaited.

    Close the client when done (``await client.close()``), or use it in an ``async with`` block.
    """

    avatars: AsyncAvatars
    batch_video_templates: AsyncBatchVideoTemplates
    batch_videos: AsyncBatchVideos
    files: AsyncFiles
    schema: AsyncSchema
    tts: AsyncTts
    users: AsyncUsers
    videos: AsyncVideos

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
        )
        self.avatars = AsyncAvatars(self)
        self.batch_video_templates = AsyncBatchVideoTemplates(self)
        self.batch_videos = AsyncBatchVideos(self)
        self.files = AsyncFiles(self)
        self.schema = AsyncSchema(self)
        self.tts = AsyncTts(self)
        self.users = AsyncUsers(self)
        self.videos = AsyncVideos(self)
