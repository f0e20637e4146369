"""Bases of the generated models and enums: lenient about what the server sends."""

from __future__ import annotations

import enum
import functools
import threading
import types
import typing
from typing import Any, Callable, Mapping, TypeVar, cast

import pydantic

__all__ = [
    "BaseModel",
    "OpenFloatEnum",
    "OpenIntEnum",
    "OpenStrEnum",
    "construct_lenient",
    "discriminate",
    "set_request_id",
]

_E = TypeVar("_E", bound=enum.Enum)
_lock = threading.Lock()


class BaseModel(pydantic.BaseModel):
    """A model of the API: keys the document did not declare are kept, not rejected.

    Fields are set by their Python name or by their wire name; ``to_dict()`` gives wire names back.
    """

    model_config = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        arbitrary_types_allowed=False,
        regex_engine="python-re",  # patterns from documents use features the default engine lacks
    )

    #: The id the server gave the request that returned this object (``x-request-id``), if any.
    _request_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The fields that were set, by wire name, as JSON values."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The fields that were set, by wire name, as a JSON document."""
        return self.model_dump_json(indent=indent, by_alias=True, exclude_unset=True)


def set_request_id(model: BaseModel, request_id: str | None) -> None:
    """Records on ``model`` the id of the request that returned it."""
    setattr(model, "_request_id", request_id)


def _open_member(
    cls: type[_E], value: object, kind: type[Any], accepts: tuple[type[Any], ...]
) -> _E | None:
    """The member of ``cls`` for a value the document did not list: made once, then reused."""
    if not isinstance(value, accepts) or isinstance(value, bool):
        return None
    value = kind(value)
    make: Any = kind.__new__  # str.__new__, int.__new__ or float.__new__
    with _lock:
        member: Any = cls._value2member_map_.get(value)
        if member is None:
            member = make(cls, value)
            member._name_ = str(value)
            member._value_ = value
            cls._value2member_map_[value] = member
    return cast(_E, member)


class OpenStrEnum(str, enum.Enum):
    """A string enum that accepts values added to the API after this client was generated.

    ``Status("brand_new")`` returns a member whose ``value`` is ``"brand_new"``; iterating over the
    class still lists only the documented members. ``str(member)`` is its value.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return _open_member(cls, value, str, (str,))

    def __str__(self) -> str:
        return str(self.value)


class OpenIntEnum(int, enum.Enum):
    """An integer enum that accepts values the document did not list (see ``OpenStrEnum``)."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return _open_member(cls, value, int, (int,))

    def __str__(self) -> str:
        return str(self.value)


class OpenFloatEnum(float, enum.Enum):
    """A number enum that accepts values the document did not list (see ``OpenStrEnum``)."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return _open_member(cls, value, float, (int, float))

    def __str__(self) -> str:
        return str(self.value)


def discriminate(wire_name: str, tags: Mapping[str, str]) -> Callable[[Any], str]:
    """The discriminator of a tagged union: a JSON object's tag is the class its ``wire_name``
    property's value maps to, a model's its class name; anything else gets ``""``, the member
    that tries every option (a value the document did not list still parses)."""
    classes = frozenset(tags.values())

    def tag_of(value: Any) -> str:
        if isinstance(value, Mapping):
            found = cast("Mapping[str, Any]", value).get(wire_name)
            if isinstance(found, enum.Enum):
                found = found.value
            return "" if found is None else tags.get(str(found), "")
        name = type(value).__name__
        return name if name in classes else ""

    return tag_of


@functools.lru_cache(maxsize=512)
def _adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(type_)


def _is_model(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, pydantic.BaseModel)


def construct_lenient(type_: Any, value: Any) -> Any:
    """``value`` as ``type_`` as far as it fits, never failing: the parts that validate are typed,
    the rest is kept as the server sent it (a required field it left out is simply missing).
    """
    original: Any = value
    try:
        return _adapter(type_).validate_python(value)
    except (pydantic.ValidationError, TypeError, ValueError):
        pass
    origin = typing.get_origin(type_)
    args = typing.get_args(type_)
    if _is_model(type_) and isinstance(value, dict):
        fields: dict[str, Any] = {}
        rest = dict(cast("dict[str, Any]", value))
        for name, info in type_.model_fields.items():
            key = info.alias or name
            if key in rest:
                fields[name] = construct_lenient(info.annotation, rest.pop(key))
        return type_.model_construct(**fields, **rest)
    if origin in (list, typing.List) and isinstance(value, list) and args:  # noqa: UP006
        return [construct_lenient(args[0], item) for item in cast("list[object]", value)]
    if origin in (dict, typing.Dict) and isinstance(value, dict) and len(args) == 2:  # noqa: UP006
        mapping = cast("dict[object, object]", value)
        return {k: construct_lenient(args[1], v) for k, v in mapping.items()}
    if origin in (typing.Union, types.UnionType) and value is not None:
        for option in args:
            if option is type(None):
                continue
            if _is_model(option) and isinstance(value, dict):
                return construct_lenient(option, value)
    return original
