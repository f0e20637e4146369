"""Resources of Spiritme API: one module per tag, sync and async classes side by side.

A module is imported the first time one of its classes is asked for, so importing the package
stays fast; type checkers read the imports below.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# the module of each name
_MODULES: dict[str, str] = {
    "AsyncAvatars": "avatars",
    "Avatars": "avatars",
    "AsyncBatchVideos": "batch_videos",
    "BatchVideos": "batch_videos",
    "AsyncBatchVideoTemplates": "batch_video_templates",
    "BatchVideoTemplates": "batch_video_templates",
    "AsyncFiles": "files",
    "Files": "files",
    "AsyncSchema": "schema",
    "Schema": "schema",
    "AsyncTts": "tts",
    "Tts": "tts",
    "AsyncUsers": "users",
    "Users": "users",
    "AsyncVideos": "videos",
    "Videos": "videos",
}


def __getattr__(name: str) -> Any:
    """The resource class ``name``, its module imported now if it was not yet."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
