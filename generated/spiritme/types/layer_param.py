"""LayerParam: `LayerRequest` as a plain dict, keyed by wire names; generated, do not edit."""

from __future__ import annotations

from typing import Any, Literal, Mapping, Optional, TYPE_CHECKING

from typing_extensions import NotRequired, TypedDict

if TYPE_CHECKING:
    from .avatar_nested_param import AvatarNestedParam
    from .file_nested_param import FileNestedParam

__all__ = ["LayerParam"]


class LayerParam(TypedDict):
    avatar: NotRequired[Optional[AvatarNestedParam]]

    media: NotRequired[Optional[FileNestedParam]]

    x: NotRequired[float]

    y: NotRequired[float]

    scale: NotRequired[float]

    crop: NotRequired[Optional[Mapping[str, Any]]]

    view_type: NotRequired[Literal["rectangular", "circular"]]
