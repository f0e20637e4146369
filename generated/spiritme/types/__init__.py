"""Models and enums of Spiritme API: one per module, all importable from here."""

from __future__ import annotations

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
