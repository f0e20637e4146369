"""Layer: generated from `/components/schemas/Layer`; do not edit."""

from __future__ import annotations

from typing import Any, Dict, Optional

from pydantic import Field

from .._models import BaseModel
from .avatar_nested import AvatarNested
from .file_nested import FileNested
from .view_type_enum import ViewTypeEnum

__all__ = ["Layer"]


class Layer(BaseModel):
    """Fields confirmed by the Pipedream test event (x=0.5, y=1, scale=1, crop=null,
    view_type=rectangular); types/flags inferred. One of avatar or media is required.
    """

    id: int
    """Read-only."""

    avatar: Optional[AvatarNested] = Field(default=None)

    media: Optional[FileNested] = Field(default=None)

    x: Optional[float] = Field(default=None)

    y: Optional[float] = Field(default=None)

    scale: Optional[float] = Field(default=None)

    crop: Optional[Dict[str, Any]] = Field(default=None)

    view_type: Optional[ViewTypeEnum] = Field(default=None)
