"""Parameter rules: added, removed, moved, renamed, required, deprecated (with sunset dates), their
schemas (header parameters with oasdiff's header-property ids; ``x-extensible-enum`` is compared in ``schemas``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from generator.diff import lifecycle
from generator.diff.context import Context, Op, Pair
from generator.diff.rules import Finding
from generator.diff.schemas import Views
from generator.parse.api import IGNORED_HEADERS
from generator.spec.refs import child
from generator.spec.structure import PATH_PLACEHOLDER

# schema ids inside a header parameter's object schema that oasdiff names after the header
HEADER_PROPERTY_IDS = {
    "became-required": "request-header-property-became-required",
    "became-enum": "request-header-property-became-enum",
}


@dataclass(frozen=True)
class Param:
    """One parameter of an operation, after ``$ref``; ``shared``: declared on the path item."""

    node: dict[str, Any]
    ptr: str
    shared: bool

    @property
    def name(self) -> str:
        return str(self.node["name"])

    @property
    def required(self) -> bool:
        return self.node.get("required") is True or self.node.get("in") == "path"


def parameters_of(op: Op, views: Views) -> dict[tuple[str, str], Param]:
    """Parameters by (location, key): path ones by position in the path, headers case-blind."""
    positions = {name: str(i) for i, name in enumerate(PATH_PLACEHOLDER.findall(op.path))}
    merged: dict[tuple[str, str], Param] = {}
    for owner, owner_ptr, shared in ((op.item, op.pointer.rsplit("/", 1)[0], True), (op.node, op.pointer, False)):
        listed = owner.get("parameters")
        for i, p in enumerate(listed if isinstance(listed, list) else []):
            node, ptr = views.target(p, child(owner_ptr, "parameters", i))
            if not isinstance(node, dict) or not isinstance(node.get("name"), str):
                continue
            where, name = str(node.get("in")), str(node["name"])
            if where == "header" and name.lower() in IGNORED_HEADERS:
                continue
            key = positions.get(name, name) if where == "path" else name.lower() if where == "header" else name
            merged[(where, key)] = Param(node, ptr, shared)
    return merged


def compare(ctx: Context, ops: Pair[Op]) -> None:
    """Every parameter difference of one operation."""
    olds, news = parameters_of(ops.old, ctx.views.old), parameters_of(ops.new, ctx.views.new)
    op = ops.new
    moved = {k[1]: k for k in news if k not in olds}
    for key, param in olds.items():
        if key in news:
            continue
        target = moved.pop(key[1], None) if key[0] != "path" else None
        if target is not None:
            message = f"the parameter `{param.name}` moved from the {key[0]} to the {target[0]}"
            where = (target[0], news[target].name)
            ctx.add("request-parameter-location-changed", op, news[target].ptr, message, "parameter", param=where)
            news = {k: v for k, v in news.items() if k != target}
            continue
        _removed(ctx, op, key[0], param)
    for key, param in news.items():
        if key not in olds:
            _added(ctx, op, key[0], param)
        else:
            _changed(ctx, op, key[0], Pair(olds[key], param))


def _removed(ctx: Context, op: Op, where: str, param: Param) -> None:
    found = lifecycle.parameter_removal(param.node, ctx.policy.today)
    if found:
        rule, more = found
        message = f"the {where} parameter `{param.name}` was removed{more}"
        ctx.add(rule, op, param.ptr, message, "parameter", param=(where, param.name))


def _added(ctx: Context, op: Op, where: str, param: Param) -> None:
    req = "required" if param.required else "optional"
    if where == "path":
        rule = "new-request-path-parameter"
    elif param.shared:
        rule = f"new-{req}-request-default-parameter-to-existing-path"
    else:
        rule = f"new-{req}-request-parameter"
    message = f"the {where} parameter `{param.name}` was added" + (" as required" if param.required else "")
    message += " to the path (all its operations)" if param.shared and where != "path" else ""
    ctx.add(rule, op, param.ptr, message, "parameter", param=(where, param.name))


def _changed(ctx: Context, op: Op, where: str, params: Pair[Param]) -> None:
    old, new = params.old, params.new
    name, ptr, at = new.name, new.ptr, (where, new.name)
    if old.name != name:
        message = f"the path parameter `{old.name}` was renamed `{name}`"
        ctx.add("request-path-parameter-renamed", op, ptr, message, "parameter", param=at)
    if old.required != new.required:
        state = "required" if new.required else "optional"
        message = f"the {where} parameter `{name}` became {state}"
        ctx.add(f"request-parameter-became-{state}", op, ptr, message, "parameter", param=at)
    _lifecycle(ctx, op, where, params)
    schemas = Pair(_schema(old.node, old.ptr), _schema(new.node, new.ptr))
    if schemas.old and schemas.new:
        ctx.schema(op, Pair(schemas.old, schemas.new), "request", "parameter", _oasdiff_ids(where), param=at)


def _lifecycle(ctx: Context, op: Op, where: str, params: Pair[Param]) -> None:
    old, new = params.old.node, params.new.node
    name, ptr, at = params.new.name, params.new.ptr, (where, params.new.name)
    stability = lifecycle.stability_of(op.node)
    subject = f"the {where} parameter `{name}`"
    if lifecycle.deprecated(old) != lifecycle.deprecated(new):
        if not lifecycle.deprecated(new):
            ctx.add(
                "request-parameter-reactivated", op, ptr, f"{subject} is no longer deprecated", "parameter", param=at
            )
        elif stability is not None:
            rule, message = lifecycle.deprecation_rule(
                ctx.policy, new, stability, "request-parameter-deprecated", "request-parameter"
            )
            ctx.add(rule, op, ptr, f"{subject} {message}", "parameter", param=at)
    found = lifecycle.sunset_change(
        ctx.policy, old, new, stability, "request-parameter", "request-parameter-sunset-deleted"
    )
    if found:
        ctx.add(found[0], op, ptr, f"{subject}'s {found[1]}", "parameter", param=at)


def _oasdiff_ids(where: str) -> Callable[[str, str, Finding], str]:
    """oasdiff's ids for some schema changes of a parameter: inside a header parameter's object schema,
    a pattern opened to ``.*``, and a list of types (``type: [string, integer]``) narrowed or widened."""

    def renamed(area: str, rule: str, f: Finding) -> str:
        if where == "header" and area == "request-parameter-property":
            if f.kind == "property-added" and f.required:
                return "new-required-request-header-property"
            if f.kind in HEADER_PROPERTY_IDS:
                return HEADER_PROPERTY_IDS[f.kind]
        if f.kind == "pattern-changed" and area == "request-parameter" and f.values[1:2] == (".*",):
            return "request-parameter-pattern-generalized"
        if f.kind in ("type-specialized", "type-generalized") and any("|" in str(v) for v in f.values[:2]):
            return f"{area}-list-of-types-{'narrowed' if f.kind == 'type-specialized' else 'widened'}"
        return rule

    return renamed


def _schema(node: dict[str, Any], ptr: str) -> tuple[Any, str] | None:
    if "schema" in node:
        return node["schema"], child(ptr, "schema")
    content = node.get("content")
    if isinstance(content, dict) and content:
        media, entry = next(iter(content.items()))
        if isinstance(entry, dict) and "schema" in entry:
            return entry["schema"], child(ptr, "content", str(media), "schema")
    return None
