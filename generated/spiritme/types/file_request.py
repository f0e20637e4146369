"""FileRequest: generated from `/components/schemas/FileRequest`; do not edit."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from .._models import BaseModel
from .tag_enum import TagEnum

__all__ = ["FileRequest"]


class FileRequest(BaseModel):
    name: Optional[Annotated[str, Field(max_length=200)]] = Field(default=None)

    tag: Optional[TagEnum] = Field(default=None)
    """Server default: `"general"`."""

    file: bytes

    generate_script_from_content: Optional[bool] = Field(default=None)

    prompt: Optional[Annotated[str, Field(max_length=1500)]] = Field(default=None)
