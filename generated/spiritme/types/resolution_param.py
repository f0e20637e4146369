"""ResolutionParam: `ResolutionRequest` as a plain dict (keys are the wire names); generated from `/components/schemas/ResolutionRequest`; do not edit."""

from __future__ import annotations


from typing_extensions import Required, TypedDict

__all__ = ["ResolutionParam"]


class ResolutionParam(TypedDict):
    width: Required[int]

    height: Required[int]
