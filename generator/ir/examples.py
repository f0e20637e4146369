"""Deterministic example values synthesized from IR types (spec examples first), for stub tests and mocks."""

from __future__ import annotations

import re
from typing import Any

try:  # the regular-expression parser moved in Python 3.11
    import re._parser as sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef,unused-ignore]

from generator import ir

DATETIME_EXAMPLES = {
    "datetime": "2024-06-28T12:00:00Z",
    "date": "2024-06-28",
    "time": "12:00:00",
    "UUID": "123e4567-e89b-12d3-a456-426614174000",
    "Decimal": "1.5",
}
STRING_FORMATS = {
    "uri": "https://example.com/resource",
    "url": "https://example.com/resource",
    "email": "user@example.com",
    "byte": "aGVsbG8=",
    "ipv4": "127.0.0.1",
    "hostname": "example.com",
}


class Synthesizer:
    """JSON values for IR types; models by class name; bounded depth so recursion ends."""

    MAX_DEPTH = 6

    def __init__(self, api: ir.Api) -> None:
        self.index: dict[str, ir.Model | ir.Enum] = {s.class_name: s for s in api.schemas}
        self.looked: set[str] | None = None  # when a set: the class names looked up are added to it

    def schema(self, class_name: str) -> ir.Model | ir.Enum | None:
        """The model or enum of that name (every lookup goes through here: see ``looked``)."""
        if self.looked is not None:
            self.looked.add(class_name)
        return self.index.get(class_name)

    def value(self, t: ir.TypeRef | None, *, required_only: bool = False, depth: int = 0) -> Any:
        """A JSON value of type ``t``; with ``required_only`` models carry only required fields."""
        if t is None:
            return None
        if isinstance(t, ir.Nullable):
            return self.value(t.inner, required_only=required_only, depth=depth)
        if isinstance(t, ir.Primitive):
            return (
                {
                    "str": "string",
                    "int": 1,
                    "float": 1.5,
                    "bool": True,
                    "None": None,
                    "bytes": "",
                    "File": "",
                    "Any": "value",
                }.get(t.name)
                if t.name != "str"
                else STRING_FORMATS.get(t.format, "string")
            )
        if isinstance(t, ir.DateTime):
            return DATETIME_EXAMPLES[t.name]
        if isinstance(t, ir.LiteralOf):
            return t.values[0]
        if isinstance(t, ir.UnionOf):
            first = self.value(t.options[0], required_only=required_only, depth=depth)
            tag = next(
                (
                    value
                    for value, name in t.tags
                    if isinstance(t.options[0], ir.ModelRef) and name == t.options[0].class_name
                ),
                None,
            )
            if tag is not None and isinstance(first, dict):
                first = {**first, t.discriminator: tag}  # the value that selects this option
            return first
        if isinstance(t, ir.ListOf):
            if depth >= self.MAX_DEPTH:
                return []
            return [self.value(t.item, required_only=required_only, depth=depth + 1)]
        if isinstance(t, ir.MapOf):
            if depth >= self.MAX_DEPTH:
                return {}
            return {"key": self.value(t.value, required_only=required_only, depth=depth + 1)}
        target = self.schema(t.class_name)
        if isinstance(target, ir.Enum):
            return target.members[0].value
        if target is None:
            return {}
        return self.model(target, required_only=required_only, depth=depth)

    def model(self, model: ir.Model, *, required_only: bool = False, depth: int = 0) -> dict[str, Any]:
        if model.has_example and isinstance(model.example, dict) and not required_only:
            return dict(model.example)
        out: dict[str, Any] = {}
        for f in model.fields:
            if required_only and not f.required:
                continue
            if depth >= self.MAX_DEPTH and not f.required:
                continue
            if not f.constraints.is_empty() and not isinstance(f.type, ir.Nullable):
                out[f.wire_name] = constrained(
                    self.value(f.type, required_only=required_only, depth=depth + 1), f.constraints
                )
            elif f.has_example and _plausible(f.example, f.type):
                out[f.wire_name] = f.example
            elif depth >= self.MAX_DEPTH and isinstance(f.type, ir.Nullable):
                out[f.wire_name] = None
            else:
                out[f.wire_name] = self.value(f.type, required_only=required_only, depth=depth + 1)
        return out


def _plausible(example: Any, t: ir.TypeRef) -> bool:
    """Use a spec example only when its JSON kind matches the type (real examples are often wrong)."""
    inner = ir.non_null(t)
    if example is None:
        return isinstance(t, ir.Nullable)
    if isinstance(inner, ir.Primitive):
        kinds: dict[str, type | tuple[type, ...]] = {"str": str, "int": int, "float": (int, float), "bool": bool}
        kind = kinds.get(inner.name)
        return (
            kind is not None and isinstance(example, kind) and not (inner.name != "bool" and isinstance(example, bool))
        )
    if isinstance(inner, ir.DateTime):
        return isinstance(example, str)
    return False


def constrained(value: Any, c: ir.Constraints) -> Any:
    """``value`` adjusted to satisfy length, range, item-count and pattern constraints where it can."""
    if isinstance(value, str):
        if c.pattern:
            value = string_matching(c.pattern, c.min_length or 0) or value
        if c.min_length and len(value) < c.min_length:
            value = value + "x" * (c.min_length - len(value))
        if c.max_length is not None and len(value) > c.max_length:
            value = value[: c.max_length]
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low = (
            c.minimum
            if c.minimum is not None
            else (c.exclusive_minimum + 1 if c.exclusive_minimum is not None else None)
        )
        high = (
            c.maximum
            if c.maximum is not None
            else (c.exclusive_maximum - 1 if c.exclusive_maximum is not None else None)
        )
        if low is not None and value < low:
            value = type(value)(low) if isinstance(value, int) and float(low).is_integer() else low
        if high is not None and value > high:
            value = type(value)(high) if isinstance(value, int) and float(high).is_integer() else high
        return value
    if isinstance(value, list):
        if c.min_items and value:
            value = value * c.min_items
        if c.max_items is not None:
            value = value[: c.max_items]
    return value


def string_matching(pattern: str, min_length: int = 0) -> str | None:
    """A short string that ``pattern`` matches (searched, as JSON Schema does), or None."""
    try:
        tree = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    try:
        text = _emit(tree, max(min_length, 1))
        return text if re.search(pattern, text) else None
    except (ValueError, RecursionError, re.error, OverflowError):
        return None


def _emit(tree: Any, want: int) -> str:
    out = []
    for op, arg in tree:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "NOT_LITERAL":
            out.append("a" if arg != ord("a") else "b")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            out.append(_class_char(arg))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = arg
            count = max(low, min(want, high if high != sre_parse.MAXREPEAT else want)) if low == 0 and high > 0 else low
            count = min(count, 64)
            out.append("".join(_emit(sub, want) for _ in range(count)))
        elif name == "SUBPATTERN":
            out.append(_emit(arg[-1], want))
        elif name == "ATOMIC_GROUP":
            out.append(_emit(arg, want))
        elif name == "BRANCH":
            out.append(_emit(arg[1][0], want))
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        elif name == "GROUPREF":
            continue
        else:
            raise ValueError(name)
    return "".join(out)


def _class_char(items: Any) -> str:
    negate = any(str(op) == "NEGATE" for op, _ in items)
    candidates = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            candidates.append(chr(arg))
        elif name == "RANGE":
            candidates.append(chr(arg[0]))
        elif name == "CATEGORY":
            candidates.append({"CATEGORY_DIGIT": "1", "CATEGORY_SPACE": " ", "CATEGORY_WORD": "a"}.get(str(arg), "a"))
    if negate:
        return next(ch for ch in "aZ0_-" if ch not in candidates)
    if not candidates:
        raise ValueError("empty class")
    return candidates[0]
