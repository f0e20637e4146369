"""Response rules: status codes added or removed, response headers and each response's content."""

from __future__ import annotations

from typing import Any

from generator.diff import bodies
from generator.diff.context import Context, Located, Op, Pair
from generator.diff.rules import Finding, mapping
from generator.diff.schemas import Views
from generator.spec.refs import child


def compare(ctx: Context, ops: Pair[Op]) -> None:
    """The responses of one operation in both documents."""
    olds, news = _by_text(ops.old.node.get("responses")), _by_text(ops.new.node.get("responses"))
    op = ops.new
    for status in olds:
        if status not in news:
            kind = "success" if status.startswith("2") else "non-success"
            ptr = child(ops.old.pointer, "responses", status)
            message = f"the {status} response was removed"
            ctx.add(f"response-{kind}-status-removed", op, ptr, message, "response-status", status=status)
    for status in news:
        ptr = child(op.pointer, "responses", status)
        if status not in olds:
            kind = "success" if status.startswith("2") else "non-success"
            message = f"the {status} response was added"
            ctx.add(f"response-{kind}-status-added", op, ptr, message, "response-status", status=status)
            continue
        old, optr = ctx.views.old.target(olds[status], child(ops.old.pointer, "responses", status))
        new, nptr = ctx.views.new.target(news[status], ptr)
        if isinstance(old, dict) and isinstance(new, dict):
            responses = Pair(Located(old, optr), Located(new, nptr))
            headers(ctx, op, responses, status)
            bodies.content(ctx, op, responses, "response", {"status": status})


def _by_text(table: Any) -> dict[str, Any]:
    """A mapping with its keys as text (YAML reads ``200:`` as a number, JSON never does)."""
    return {str(k): v for k, v in table.items()} if isinstance(table, dict) else {}


def _headers_of(response: Located, views: Views) -> dict[str, tuple[str, Located]]:
    found = {}
    for name, h in mapping(response.node.get("headers")).items():
        target, ptr = views.target(h, child(response.ptr, "headers", str(name)))
        if isinstance(target, dict):
            found[str(name).lower()] = (str(name), Located(target, ptr))
    return found


def headers(ctx: Context, op: Op, responses: Pair[Located], status: str) -> None:
    """The headers of one response: added, removed, required or not, and their schemas."""
    olds, news = _headers_of(responses.old, ctx.views.old), _headers_of(responses.new, ctx.views.new)
    for key, (name, h) in olds.items():
        if key not in news:
            req = "required" if h.node.get("required") is True else "optional"
            message = f"the {status} response header `{name}` was removed"
            ctx.add(f"{req}-response-header-removed", op, h.ptr, message, "response-header", status=status, name=name)
    for key, (name, h) in news.items():
        if key not in olds:
            message = f"the {status} response header `{name}` was added"
            ctx.add("response-header-added", op, h.ptr, message, "response-header", status=status, name=name)
            continue
        old = olds[key][1]
        was, now = old.node.get("required") is True, h.node.get("required") is True
        if was != now:
            state = "required" if now else "optional"
            message = f"the {status} response header `{name}` became {state}"
            ctx.add(f"response-header-became-{state}", op, h.ptr, message, "response-header", status=status, name=name)
        if "schema" in old.node and "schema" in h.node:
            schemas = Pair((old.node["schema"], child(old.ptr, "schema")), (h.node["schema"], child(h.ptr, "schema")))
            ctx.schema(op, schemas, "response", "header", _text_on_the_wire, status=status, name=name)


def _text_on_the_wire(area: str, rule: str, f: Finding) -> str:
    """A header value is text: a bare ``string`` header that became a number or boolean is compatible."""
    if (
        f.kind == "type-changed"
        and f.values[:1] == ("string",)
        and f.values[1:2] in (("integer",), ("number",), ("boolean",))
    ):
        return "response-header-type-compatible"
    return rule
