"""AudioSourceParam: `AudioSourceRequest` as a plain dict, keyed by wire names; generated, do not
edit.
"""

from __future__ import annotations

from typing import Optional, TYPE_CHECKING

from typing_extensions import NotRequired, TypedDict

if TYPE_CHECKING:
    from .file_nested_param import FileNestedParam
    from .voice_nested_param import VoiceNestedParam

__all__ = ["AudioSourceParam"]


class AudioSourceParam(TypedDict):
    text: NotRequired[Optional[str]]

    voice: NotRequired[Optional[VoiceNestedParam]]

    file: NotRequired[Optional[FileNestedParam]]
