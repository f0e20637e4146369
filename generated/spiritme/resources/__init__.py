"""Resources of Spiritme API: one module per tag, sync and async classes side by side."""

from __future__ import annotations

from .avatars import AsyncAvatars as AsyncAvatars, Avatars as Avatars
from .batch_video_templates import (
    AsyncBatchVideoTemplates as AsyncBatchVideoTemplates,
    BatchVideoTemplates as BatchVideoTemplates,
)
from .batch_videos import AsyncBatchVideos as AsyncBatchVideos, BatchVideos as BatchVideos
from .files import AsyncFiles as AsyncFiles, Files as Files
from .schema import AsyncSchema as AsyncSchema, Schema as Schema
from .tts import AsyncTts as AsyncTts, Tts as Tts
from .users import AsyncUsers as AsyncUsers, Users as Users
from .videos import AsyncVideos as AsyncVideos, Videos as Videos

__all__ = [
    "AsyncAvatars",
    "Avatars",
    "AsyncBatchVideos",
    "BatchVideos",
    "AsyncBatchVideoTemplates",
    "BatchVideoTemplates",
    "AsyncFiles",
    "Files",
    "AsyncSchema",
    "Schema",
    "AsyncTts",
    "Tts",
    "AsyncUsers",
    "Users",
    "AsyncVideos",
    "Videos",
]
