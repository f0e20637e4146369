"""Small pure helpers: safe path substitution, query serialization, URL origins."""

from __future__ import annotations

import datetime
import enum
import functools
import ipaddress
import json
import re
from typing import Any, Collection, Mapping, Sequence, cast
from urllib.parse import quote

import httpx
import pydantic

from ._exceptions import InvalidArgumentError
from ._types import NotGiven

__all__ = [
    "is_loopback_host",
    "origin_of",
    "path_template",
    "scalar_to_str",
    "serialize_query",
    "strip_not_given",
    "to_jsonable",
]

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def path_template(
    template: str, styles: Mapping[str, tuple[str, bool]] | None = None, /, **params: object
) -> str:
    """``template`` with each ``{name}`` replaced by the percent-encoded value of ``params[name]``,
    serialized in its OpenAPI ``style`` (simple, label or matrix; ``styles`` maps a name to its
    style and explode flag, simple without explode by default).

    Raises InvalidArgumentError (a ValueError), before anything is sent, for a value that could
    leave its path segment: empty, ``.``, ``..``, containing ``/``, ``\\`` or a control character,
    a bool or None.
    """

    def segment(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise InvalidArgumentError(name, f"the path {template!r} needs the parameter")
        style, explode = (styles or {}).get(name, ("simple", False))
        return _styled(name, params[name], style, explode)

    return _PLACEHOLDER.sub(segment, template)


def _styled(name: str, value: object, style: str, explode: bool) -> str:
    """One path parameter as RFC 6570 expands it for the OpenAPI style: ``v``, ``.v``, ``;name=v``;
    lists and mappings item by item, each item a safe single segment, percent-encoded."""
    if isinstance(value, Mapping):
        pairs = [
            (quote(_path_value(name, k), safe=""), quote(_path_value(name, v), safe=""))
            for k, v in cast("Mapping[object, object]", value).items()
        ]
        items = [f"{k}={v}" for k, v in pairs] if explode else [x for pair in pairs for x in pair]
        named = explode  # exploded pairs carry their own names
    elif isinstance(value, (list, tuple)):
        items = [quote(_path_value(name, v), safe="") for v in cast("Sequence[object]", value)]
        named = False
    else:
        items = [quote(_path_value(name, value), safe="")]
        named = False
    if not items:
        raise InvalidArgumentError(name, "a path parameter must not be empty")
    key = quote(name, safe="")
    if style == "label":
        return "." + ("." if explode else ",").join(items)
    if style == "matrix":
        if named:
            return "".join(f";{item}" for item in items)
        if explode and isinstance(value, (list, tuple)):
            return "".join(f";{key}={item}" for item in items)
        return f";{key}=" + ",".join(items)
    return ",".join(items)


def _path_value(name: str, value: object) -> str:
    """The text of one path parameter, refused if it is not a safe single segment."""
    if value is None or isinstance(value, (bool, NotGiven)):
        raise InvalidArgumentError(name, f"a path parameter must be given a value, not {value!r}")
    text = scalar_to_str(value)
    if text in ("", ".", "..") or "/" in text or "\\" in text or _CONTROL.search(text):
        raise InvalidArgumentError(name, f"not a single path segment: {text!r}")
    return text


def strip_not_given(values: Mapping[str, object]) -> dict[str, object]:
    """``values`` without the entries the caller left out (``NOT_GIVEN``)."""
    return {k: v for k, v in values.items() if not isinstance(v, NotGiven)}


def scalar_to_str(value: object) -> str:
    """A scalar as it is written in a URL: ``true``/``false``, an enum's value, ISO 8601 dates."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return scalar_to_str(value.value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


def serialize_query(
    name: str, value: object, *, style: str = "form", explode: bool = True
) -> list[tuple[str, str]]:
    """The query pairs for one parameter, following the OpenAPI ``style`` and ``explode`` rules.

    ``NOT_GIVEN`` and ``None`` give no pair; a model is sent as the object of its wire names.
    """
    if value is None or isinstance(value, NotGiven):
        return []
    if isinstance(value, pydantic.BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        return _serialize_object(name, mapping, style=style, explode=explode)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [scalar_to_str(v) for v in cast("Collection[object]", value)]
        if explode and style == "form":
            return [(name, item) for item in items]
        return [(name, _DELIMITERS.get(style, ",").join(items))]
    return [(name, scalar_to_str(value))]


def _serialize_object(
    name: str, value: Mapping[Any, Any], *, style: str, explode: bool
) -> list[tuple[str, str]]:
    """The query pairs for an object parameter: exploded keys, ``name[key]`` or ``k,v,k,v``."""
    fields = [(str(k), v) for k, v in value.items() if v is not None]
    if style == "deepObject":
        return [(f"{name}[{k}]", _nested_to_str(v)) for k, v in fields]
    if explode:
        return [(k, _nested_to_str(v)) for k, v in fields]
    return [(name, ",".join(f"{k},{_nested_to_str(v)}" for k, v in fields))]


def _nested_to_str(value: object) -> str:
    """A value inside an object parameter: scalars as text, anything deeper as JSON."""
    if isinstance(value, (Mapping, list, tuple)):
        return json.dumps(to_jsonable(cast(object, value)), separators=(",", ":"))
    return scalar_to_str(value)


def to_jsonable(value: object) -> Any:
    """``value`` as JSON data: models by wire name (fields set only), ``NOT_GIVEN`` entries dropped."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        return {str(k): to_jsonable(v) for k, v in mapping.items() if not isinstance(v, NotGiven)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in cast("Sequence[object]", value)]
    if value is None or type(value) in (str, int, float, bool):
        return value
    return _any_adapter().dump_python(value, mode="json")


@functools.lru_cache(maxsize=1)
def _any_adapter() -> pydantic.TypeAdapter[Any]:
    """A serializer for any value (built on first use: it costs time at import)."""
    return pydantic.TypeAdapter(Any)


def origin_of(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port (default ports filled in): two URLs of one origin share them."""
    port = url.port or {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host.lower(), port)


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` names this machine, so that a key may travel to it over plain http:
    ``localhost`` (any case, with or without the root's trailing dot), 127.0.0.0/8 and ``::1``.

    The same rule as the generator's (a test compares the two): ``*.localhost`` names and
    ``0.0.0.0`` are not loopback, because resolving them is up to the system's resolver.
    """
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
