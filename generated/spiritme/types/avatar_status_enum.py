"""AvatarStatusEnum: generated from `/components/schemas/AvatarStatusEnum`; do not edit."""

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["AvatarStatusEnum"]


class AvatarStatusEnum(OpenStrEnum):
    """Values the document does not list are accepted too (the server may add some)."""

    CREATED = "created"
    CAPTURED = "captured"
    CLARIFICATION = "clarification"
    APPROVED = "approved"
    TRAINING = "training"
    READY = "ready"
    REJECTED = "rejected"
