"""Models and enums of Spiritme API: one per module, all importable from here.

A module is imported the first time one of its names is asked for (``from .types import X``
works as usual, and type checkers read the imports below), so importing the package stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .audio_source import AudioSource as AudioSource
    from .audio_source_request import AudioSourceRequest as AudioSourceRequest
    from .avatar import Avatar as Avatar
    from .avatar_nested import AvatarNested as AvatarNested
    from .avatar_nested_request import AvatarNestedRequest as AvatarNestedRequest
    from .avatar_status_enum import AvatarStatusEnum as AvatarStatusEnum
    from .batch_video import BatchVideo as BatchVideo
    from .batch_video_request import BatchVideoRequest as BatchVideoRequest
    from .batch_video_template import BatchVideoTemplate as BatchVideoTemplate
    from .batch_video_template_nested import BatchVideoTemplateNested as BatchVideoTemplateNested
    from .batch_video_template_nested_request import (
        BatchVideoTemplateNestedRequest as BatchVideoTemplateNestedRequest,
    )
    from .batch_video_template_request import BatchVideoTemplateRequest as BatchVideoTemplateRequest
    from .file import File as File
    from .file_nested import FileNested as FileNested
    from .file_nested_request import FileNestedRequest as FileNestedRequest
    from .file_request import FileRequest as FileRequest
    from .file_status_enum import FileStatusEnum as FileStatusEnum
    from .language import Language as Language
    from .layer import Layer as Layer
    from .layer_request import LayerRequest as LayerRequest
    from .paginated_avatar_list import PaginatedAvatarList as PaginatedAvatarList
    from .paginated_batch_video_list import PaginatedBatchVideoList as PaginatedBatchVideoList
    from .paginated_batch_video_template_list import (
        PaginatedBatchVideoTemplateList as PaginatedBatchVideoTemplateList,
    )
    from .paginated_file_list import PaginatedFileList as PaginatedFileList
    from .paginated_language_list import PaginatedLanguageList as PaginatedLanguageList
    from .paginated_video_list import PaginatedVideoList as PaginatedVideoList
    from .paginated_voice_list import PaginatedVoiceList as PaginatedVoiceList
    from .provider_enum import ProviderEnum as ProviderEnum
    from .resolution import Resolution as Resolution
    from .resolution_request import ResolutionRequest as ResolutionRequest
    from .sex_enum import SexEnum as SexEnum
    from .slide import Slide as Slide
    from .slide_request import SlideRequest as SlideRequest
    from .tag_enum import TagEnum as TagEnum
    from .type_enum import TypeEnum as TypeEnum
    from .user import User as User
    from .video import Video as Video
    from .video_request import VideoRequest as VideoRequest
    from .video_status_enum import VideoStatusEnum as VideoStatusEnum
    from .view_type_enum import ViewTypeEnum as ViewTypeEnum
    from .voice import Voice as Voice
    from .voice_nested import VoiceNested as VoiceNested
    from .voice_nested_request import VoiceNestedRequest as VoiceNestedRequest
    from .webhook_nested import WebhookNested as WebhookNested
    from .webhook_nested_request import WebhookNestedRequest as WebhookNestedRequest
    from .audio_source_param import AudioSourceParam as AudioSourceParam
    from .avatar_nested_param import AvatarNestedParam as AvatarNestedParam
    from .batch_video_template_nested_param import (
        BatchVideoTemplateNestedParam as BatchVideoTemplateNestedParam,
    )
    from .file_nested_param import FileNestedParam as FileNestedParam
    from .layer_param import LayerParam as LayerParam
    from .resolution_param import ResolutionParam as ResolutionParam
    from .slide_param import SlideParam as SlideParam
    from .voice_nested_param import VoiceNestedParam as VoiceNestedParam
    from .webhook_nested_param import WebhookNestedParam as WebhookNestedParam

__all__ = [
    "AudioSource",
    "AudioSourceParam",
    "AudioSourceRequest",
    "Avatar",
    "AvatarNested",
    "AvatarNestedParam",
    "AvatarNestedRequest",
    "AvatarStatusEnum",
    "BatchVideo",
    "BatchVideoRequest",
    "BatchVideoTemplate",
    "BatchVideoTemplateNested",
    "BatchVideoTemplateNestedParam",
    "BatchVideoTemplateNestedRequest",
    "BatchVideoTemplateRequest",
    "File",
    "FileNested",
    "FileNestedParam",
    "FileNestedRequest",
    "FileRequest",
    "FileStatusEnum",
    "Language",
    "Layer",
    "LayerParam",
    "LayerRequest",
    "PaginatedAvatarList",
    "PaginatedBatchVideoList",
    "PaginatedBatchVideoTemplateList",
    "PaginatedFileList",
    "PaginatedLanguageList",
    "PaginatedVideoList",
    "PaginatedVoiceList",
    "ProviderEnum",
    "Resolution",
    "ResolutionParam",
    "ResolutionRequest",
    "SexEnum",
    "Slide",
    "SlideParam",
    "SlideRequest",
    "TagEnum",
    "TypeEnum",
    "User",
    "Video",
    "VideoRequest",
    "VideoStatusEnum",
    "ViewTypeEnum",
    "Voice",
    "VoiceNested",
    "VoiceNestedParam",
    "VoiceNestedRequest",
    "WebhookNested",
    "WebhookNestedParam",
    "WebhookNestedRequest",
]

# the module of each name
_MODULES: dict[str, str] = {
    "AudioSource": "audio_source",
    "AudioSourceParam": "audio_source_param",
    "AudioSourceRequest": "audio_source_request",
    "Avatar": "avatar",
    "AvatarNested": "avatar_nested",
    "AvatarNestedParam": "avatar_nested_param",
    "AvatarNestedRequest": "avatar_nested_request",
    "AvatarStatusEnum": "avatar_status_enum",
    "BatchVideo": "batch_video",
    "BatchVideoRequest": "batch_video_request",
    "BatchVideoTemplate": "batch_video_template",
    "BatchVideoTemplateNested": "batch_video_template_nested",
    "BatchVideoTemplateNestedParam": "batch_video_template_nested_param",
    "BatchVideoTemplateNestedRequest": "batch_video_template_nested_request",
    "BatchVideoTemplateRequest": "batch_video_template_request",
    "File": "file",
    "FileNested": "file_nested",
    "FileNestedParam": "file_nested_param",
    "FileNestedRequest": "file_nested_request",
    "FileRequest": "file_request",
    "FileStatusEnum": "file_status_enum",
    "Language": "language",
    "Layer": "layer",
    "LayerParam": "layer_param",
    "LayerRequest": "layer_request",
    "PaginatedAvatarList": "paginated_avatar_list",
    "PaginatedBatchVideoList": "paginated_batch_video_list",
    "PaginatedBatchVideoTemplateList": "paginated_batch_video_template_list",
    "PaginatedFileList": "paginated_file_list",
    "PaginatedLanguageList": "paginated_language_list",
    "PaginatedVideoList": "paginated_video_list",
    "PaginatedVoiceList": "paginated_voice_list",
    "ProviderEnum": "provider_enum",
    "Resolution": "resolution",
    "ResolutionParam": "resolution_param",
    "ResolutionRequest": "resolution_request",
    "SexEnum": "sex_enum",
    "Slide": "slide",
    "SlideParam": "slide_param",
    "SlideRequest": "slide_request",
    "TagEnum": "tag_enum",
    "TypeEnum": "type_enum",
    "User": "user",
    "Video": "video",
    "VideoRequest": "video_request",
    "VideoStatusEnum": "video_status_enum",
    "ViewTypeEnum": "view_type_enum",
    "Voice": "voice",
    "VoiceNested": "voice_nested",
    "VoiceNestedParam": "voice_nested_param",
    "VoiceNestedRequest": "voice_nested_request",
    "WebhookNested": "webhook_nested",
    "WebhookNestedParam": "webhook_nested_param",
    "WebhookNestedRequest": "webhook_nested_request",
}


def __getattr__(name: str) -> Any:
    """The model or enum ``name``, its module imported now if it was not yet."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
