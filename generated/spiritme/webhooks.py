"""Webhook payloads: ``parse(body)`` turns the body of a webhook call into its typed model.

The API documents no signature on its webhook calls, so none is checked: accept them only on a
URL that is hard to guess, and fetch the object again through the API before acting on it.
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Union

import pydantic
from .types.batch_video import BatchVideo
from .types.video import Video

__all__ = ["WebhookPayload", "parse"]

WebhookPayload = Union[BatchVideo, Video]

_MODELS: tuple[type[WebhookPayload], ...] = (BatchVideo, Video)


def _required_keys(model: type[WebhookPayload]) -> set[str]:
    """The wire names of the fields ``model`` requires."""
    return {info.alias or name for name, info in model.model_fields.items() if info.is_required()}


def parse(body: str | bytes | Mapping[str, Any]) -> WebhookPayload:
    """The model of a webhook body: among the models whose required keys are all present, the one
    requiring the most that validates. Raises ValueError when none does."""
    data = json.loads(body) if isinstance(body, (str, bytes)) else dict(body)
    if not isinstance(data, dict):
        raise ValueError("a webhook body must be a JSON object")
    candidates = [model for model in _MODELS if _required_keys(model) <= data.keys()]
    for model in sorted(candidates, key=lambda m: -len(_required_keys(m))):
        try:
            return model.model_validate(data)
        except pydantic.ValidationError:
            continue
    names = ", ".join(model.__name__ for model in _MODELS)
    raise ValueError(f"the webhook body matches none of: {names}")
