"""VideoStatusEnum: generated from `/components/schemas/VideoStatusEnum`; do not edit."""

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["VideoStatusEnum"]


class VideoStatusEnum(OpenStrEnum):
    """Confirmed for BatchVideo.status; assumed identical for Video.status (`success` observed). If
    the two share one choice set drf-spectacular would actually name it `Status<hash>Enum` (or
    use an ENUM_NAME_OVERRIDES name); the component name is a guess.

    Values the document does not list are accepted too (the server may add some).
    """

    DRAFT = "draft"
    IN_QUEUE = "in_queue"
    EXECUTING = "executing"
    ERROR = "error"
    SUCCESS = "success"
