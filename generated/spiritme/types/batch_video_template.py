"""BatchVideoTemplate: generated from `/components/schemas/BatchVideoTemplate`; do not edit."""

from __future__ import annotations

from typing import Optional

from .._models import BaseModel
from .avatar_nested import AvatarNested
from .file_nested import FileNested
from .voice_nested import VoiceNested

__all__ = ["BatchVideoTemplate"]


class BatchVideoTemplate(BaseModel):
    id: int
    """Read-only."""

    avatar: AvatarNested

    voice: VoiceNested

    text: str

    background: Optional[FileNested]
