"""Request body and content rules: a body added, removed or made required, media types added,
removed or renamed (responses), a media type's schema added or removed, and the body schemas themselves
(their ``contentEncoding``/``contentMediaType`` are schema keywords, compared in ``schemas``).
"""

from __future__ import annotations

import re
from typing import Any

from generator.diff.context import Context, Located, Op, Pair
from generator.diff.rules import Direction, mapping
from generator.diff.schemas import Views
from generator.spec.refs import child

_MEDIA = re.compile(r"\s*([^/\s;]+)\s*/\s*([^\s;]+)\s*(;.*)?$")


def request_body(ctx: Context, ops: Pair[Op]) -> None:
    """The request body of one operation in both documents."""
    old, new = _body(ops.old, ctx.views.old), _body(ops.new, ctx.views.new)
    op = ops.new
    if old is None and new is not None:
        required = new.node.get("required") is True
        state = "required" if required else "optional"
        message = "a " + ("required " if required else "") + "request body was added"
        ctx.add(f"request-body-added-{state}", op, new.ptr, message, "request-body")
    elif old is not None and new is None:
        ctx.add("request-body-removed", op, old.ptr, "the request body was removed", "request-body")
    if old is None or new is None:
        return
    was, now = old.node.get("required") is True, new.node.get("required") is True
    if was != now:
        state = "required" if now else "optional"
        ctx.add(f"request-body-became-{state}", op, new.ptr, f"the request body became {state}", "request-body")
    content(ctx, op, Pair(old, new), "request", {})


def _body(op: Op, views: Views) -> Located | None:
    if "requestBody" not in op.node:
        return None
    node, ptr = views.target(op.node["requestBody"], child(op.pointer, "requestBody"))
    return Located(node, ptr) if isinstance(node, dict) else None


def content(ctx: Context, op: Op, owners: Pair[Located], direction: Direction, extra: dict[str, Any]) -> None:
    """The ``content`` maps of a request body or a response: media types and their schemas."""
    olds, news = mapping(owners.old.node.get("content")), mapping(owners.new.node.get("content"))
    request = direction == "request"
    prefix = "request-body" if request else "response"
    where = "the request body" if request else f"the {extra.get('status')} response"
    area = "request-body" if request else "response-status"
    gone = [str(m) for m in olds if m not in news]
    came = [str(m) for m in news if m not in olds]
    pairs = [(str(m), str(m)) for m in news if m in olds]
    if not request:
        renamed = _renamed(gone, came)
        for was, now in renamed:
            gone.remove(was)
            came.remove(now)
            rule = _rename_rule(was, now)
            message = f"{where} changed its media type `{was}` to `{now}`"
            ptr = child(owners.new.ptr, "content", now)
            ctx.add(rule, op, ptr, message, area, name=now, **extra)
        pairs += renamed
    for verb, owner, names in (("removed", owners.old, gone), ("added", owners.new, came)):
        for name in names:
            what = "no longer offers" if verb == "removed" else "now offers"
            ptr = child(owner.ptr, "content", name)
            ctx.add(f"{prefix}-media-type-{verb}", op, ptr, f"{where} {what} `{name}`", area, name=name, **extra)
    compared: set[tuple[str, str]] = set()
    for was, now in pairs:
        om, nm = mapping(olds.get(was)), mapping(news.get(now))
        media = Pair(
            Located(om, child(owners.old.ptr, "content", was)), Located(nm, child(owners.new.ptr, "content", now))
        )
        if _schema_presence(ctx, op, media, direction, now, area, extra):
            continue
        schemas = Pair((om["schema"], child(media.old.ptr, "schema")), (nm["schema"], child(media.new.ptr, "schema")))
        targets = (ctx.views.old.target(*schemas.old)[1], ctx.views.new.target(*schemas.new)[1])
        if targets not in compared:
            compared.add(targets)
            ctx.schema(op, schemas, direction, "body", **extra)


def _schema_presence(
    ctx: Context, op: Op, media: Pair[Located], direction: Direction, name: str, area: str, extra: dict[str, Any]
) -> bool:
    """A schema added to or removed from a media type both documents have; True when one side has none."""
    has_old, has_new = "schema" in media.old.node, "schema" in media.new.node
    if has_old and has_new:
        return False
    if has_old != has_new:
        verb = "added" if has_new else "removed"
        prefix = "request-body" if direction == "request" else "response-body"
        where = "the request body" if direction == "request" else f"the {extra.get('status')} response"
        ptr = child((media.new if has_new else media.old).ptr, "schema")
        message = f"{where} `{name}` {'now has' if has_new else 'no longer has'} a schema"
        ctx.add(f"{prefix}-media-type-schema-{verb}", op, ptr, message, area, name=name, **extra)
    return True


# ----------------------------------------------------------------- media type names (oasdiff's pairing)


def _parsed(name: str) -> tuple[str, str, str, str] | None:
    """(type, subtype, suffix, parameters) of a media type name; None when it is not one."""
    m = _MEDIA.match(name.lower())
    if not m:
        return None
    subtype, _, suffix = m.group(2).partition("+")
    if "+" in suffix or (m.group(2).count("+") and not suffix):
        return None
    params = ";".join(sorted(p.strip() for p in (m.group(3) or "").split(";") if p.strip()))
    return m.group(1), subtype, suffix, params


def contained(general: str, specific: str) -> bool:
    """Whether ``specific`` may stand where ``general`` was: ``application/json`` holds ``application/problem+json``."""
    a, b = _parsed(general), _parsed(specific)
    if a is None or b is None or a[0] != b[0]:
        return False
    if not a[2] and b[2] and b[2] == a[1]:
        return True
    return a[1] == b[1] and a[2] == b[2]


def _renamed(gone: list[str], came: list[str]) -> list[tuple[str, str]]:
    """Removed and added media types that are the same kind of content, paired (first match wins)."""
    pairs: list[tuple[str, str]] = []
    left = list(gone)
    for now in came:
        was = next((w for w in left if contained(w, now) or contained(now, w)), None)
        if was is not None:
            left.remove(was)
            pairs.append((was, now))
    return pairs


def _rename_rule(was: str, now: str) -> str:
    a, b = _parsed(was), _parsed(now)
    if a is not None and b is not None and a[3] != b[3]:
        return "response-media-type-name-changed"
    return "response-media-type-name-specialized" if contained(was, now) else "response-media-type-name-generalized"
