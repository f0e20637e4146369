"""Deterministic example values synthesized from IR types (spec examples first), for stub tests and mocks."""

from __future__ import annotations

from typing import Any

from . import ir

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

    def value(self, t: ir.TypeRef | None, *, required_only: bool = False, depth: int = 0) -> Any:
        """A JSON value of type ``t``; with ``required_only`` models carry only required fields."""
        if t is None:
            return None
        if isinstance(t, ir.Nullable):
            return self.value(t.inner, required_only=required_only, depth=depth)
        if isinstance(t, ir.Primitive):
            return {"str": "string", "int": 1, "float": 1.5, "bool": True, "None": None,
                    "bytes": "", "File": "", "Any": "value"}.get(t.name) if t.name != "str" else STRING_FORMATS.get(t.format, "string")
        if isinstance(t, ir.DateTime):
            return DATETIME_EXAMPLES[t.name]
        if isinstance(t, ir.LiteralOf):
            return t.values[0]
        if isinstance(t, ir.UnionOf):
            return self.value(t.options[0], required_only=required_only, depth=depth)
        if isinstance(t, ir.ListOf):
            if depth >= self.MAX_DEPTH:
                return []
            return [self.value(t.item, required_only=required_only, depth=depth + 1)]
        if isinstance(t, ir.MapOf):
            if depth >= self.MAX_DEPTH:
                return {}
            return {"key": self.value(t.value, required_only=required_only, depth=depth + 1)}
        target = self.index.get(t.class_name)
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
            if f.has_example and _plausible(f.example, f.type):
                out[f.wire_name] = f.example
            elif depth >= self.MAX_DEPTH and isinstance(f.type, ir.Nullable):
                out[f.wire_name] = None
            else:
                out[f.wire_name] = self.value(f.type, required_only=required_only, depth=depth + 1)
        return out


def _plausible(example: Any, t: ir.TypeRef) -> bool:
    """Use a spec example only when its JSON kind matches the type (real examples are often wrong)."""
    inner = t.inner if isinstance(t, ir.Nullable) else t
    if example is None:
        return isinstance(t, ir.Nullable)
    if isinstance(inner, ir.Primitive):
        kinds = {"str": str, "int": int, "float": (int, float), "bool": bool}
        kind = kinds.get(inner.name)
        return kind is not None and isinstance(example, kind) and not (inner.name != "bool" and isinstance(example, bool))
    if isinstance(inner, ir.DateTime):
        return isinstance(example, str)
    return False
