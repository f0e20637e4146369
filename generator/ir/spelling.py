"""How IR types and JSON values are spelled in Python source: annotations and black-style literals.

Shared by the renderer (generated code) and the diff's client impact (messages about that code).
"""

from __future__ import annotations

import re
from typing import Any

from generator import ir


def pyrepr(value: Any) -> str:
    """A Python literal for a JSON value, written as black writes it (repr escapes every non-printable character)."""
    if isinstance(value, str):
        return _str_literal(value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return "None"
        return repr(value).replace("e+", "e")
    if isinstance(value, bytes):
        return (
            "b" + _str_literal(value.decode("ascii"))
            if value.isascii() and value.decode().isprintable()
            else repr(value)
        )
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(k)}: {pyrepr(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(pyrepr(v) for v in value) + "]"
    return _str_literal(str(value))


def _str_literal(s: str) -> str:
    """black's choice of quotes: double unless that needs more escaped quotes than single."""
    text = repr(s)
    body = text[1:-1].replace("\\'", "'") if text[0] == "'" else text[1:-1]
    if s.count('"') <= s.count("'"):
        return '"' + body.replace('"', '\\"') + '"'
    return "'" + body.replace("'", "\\'") + "'"


# the standard-library types of string formats, and the underscored aliases generated modules import
# them by (no model or field name can shadow an alias): the one map of both
STDLIB_TYPES: dict[str, tuple[str, str]] = {
    "datetime": ("_dt", "datetime"),
    "date": ("_dt", "date"),
    "time": ("_dt", "time"),
    "UUID": ("_uuid", "UUID"),
    "Decimal": ("_decimal", "Decimal"),
}
STDLIB_ALIASES = {
    "_dt": "import datetime as _dt",
    "_uuid": "import uuid as _uuid",
    "_decimal": "import decimal as _decimal",
}
_ALIASED = re.compile(r"\b(?:" + "|".join(STDLIB_ALIASES) + r")\.")


def stdlib_type(name: str) -> str:
    """``_dt.datetime`` for ``datetime``: how a generated module spells a format's type."""
    alias, cls = STDLIB_TYPES[name]
    return f"{alias}.{cls}"


def unaliased(text: str) -> str:
    """An annotation as a user reads it: ``_dt.datetime`` → ``datetime``."""
    return _ALIASED.sub("", text)


def annotation(t: ir.TypeRef | None, *, param: bool = False, validated: bool = False) -> str:
    """The Python annotation of an IR type; ``param`` widens lists and maps for arguments;
    a model sent as an argument is its plain-dict form (``ModelRef.param``);
    ``validated`` (what pydantic validates: model fields, response types) makes a union with a
    discriminator mapping a tagged union, chosen by the discriminator property, not by trial."""
    if t is None:
        return "None"
    if isinstance(t, ir.Primitive):
        if t.name == "File":
            return "FileTypes" if param else "bytes"
        return t.name
    if isinstance(t, ir.DateTime):
        return stdlib_type(t.name)
    if isinstance(t, ir.ModelRef):
        return annotation(t.param, param=True) if param and t.param is not None else t.class_name
    if isinstance(t, ir.ListOf):
        kind = ("Iterable" if _dict_like(t.item) else "Sequence") if param else "List"
        return f"{kind}[{annotation(t.item, param=param, validated=validated)}]"
    if isinstance(t, ir.MapOf):
        return f"{'Mapping' if param else 'Dict'}[str, {annotation(t.value, param=param, validated=validated)}]"
    if isinstance(t, ir.LiteralOf):
        return "Literal[" + ", ".join(pyrepr(v) for v in t.values) + "]"
    if isinstance(t, ir.UnionOf):
        if validated and t.tags and not param:
            return _tagged_union(t)
        return "Union[" + ", ".join(annotation(o, param=param, validated=validated) for o in t.options) + "]"
    return f"Optional[{annotation(t.inner, param=param, validated=validated)}]"


def _dict_like(t: ir.TypeRef) -> bool:
    """Whether an argument of type ``t`` is given as a plain dict (lists of them are ``Iterable``)."""
    t = ir.non_null(t)
    if isinstance(t, ir.UnionOf):
        return all(_dict_like(o) for o in t.options)
    return isinstance(t, ir.MapOf) or isinstance(t, ir.ModelRef) and isinstance(t.param, (ir.ModelRef, ir.MapOf))


def _tagged_union(t: ir.UnionOf) -> str:
    """``Annotated[Union[Annotated[A, Tag("A")], …, Annotated[Union[A, …], Tag("")]], Discriminator(…)]``:
    each option tagged with its class name, the runtime's ``discriminate`` mapping the property's
    values to those names, and any other value to the plain union of the options."""
    members = ", ".join(f"Annotated[{annotation(o)}, _pydantic.Tag({pyrepr(annotation(o))})]" for o in t.options)
    # a value the mapping does not know is tried against every option, as a plain union would be
    members += ", Annotated[Union[" + ", ".join(annotation(o) for o in t.options) + '], _pydantic.Tag("")]'
    tags = "{" + ", ".join(f"{pyrepr(value)}: {pyrepr(name)}" for value, name in t.tags) + "}"
    return f"Annotated[Union[{members}], _pydantic.Discriminator(_discriminate({pyrepr(t.discriminator)}, {tags}))]"
