"""SlideParam: `SlideRequest` as a plain dict, keyed by wire names; generated, do not edit."""

from __future__ import annotations

from typing import Iterable, Optional, TYPE_CHECKING

from typing_extensions import NotRequired, Required, TypedDict

if TYPE_CHECKING:
    from .audio_source_param import AudioSourceParam
    from .file_nested_param import FileNestedParam
    from .layer_param import LayerParam

__all__ = ["SlideParam"]


class SlideParam(TypedDict):
    audio_source: Required[AudioSourceParam]

    layers: Required[Iterable[LayerParam]]

    background: NotRequired[Optional[FileNestedParam]]
