"""LayerRequest: generated from `/components/schemas/LayerRequest`; do not edit."""

from __future__ import annotations

from typing import Any, Dict, Optional

from pydantic import Field

from .._models import BaseModel
from .avatar_nested_request import AvatarNestedRequest
from .file_nested_request import FileNestedRequest
from .view_type_enum import ViewTypeEnum

__all__ = ["LayerRequest"]


class LayerRequest(BaseModel):
    avatar: Optional[AvatarNestedRequest] = Field(default=None)

    media: Optional[FileNestedRequest] = Field(default=None)

    x: Optional[float] = Field(default=None)

    y: Optional[float] = Field(default=None)

    scale: Optional[float] = Field(default=None)

    crop: Optional[Dict[str, Any]] = Field(default=None)

    view_type: Optional[ViewTypeEnum] = Field(default=None)
