"""Document-wide rules: servers, component schemas (added, removed, renamed) and ``info.version``
against the breaking changes found (oasdiff's versioning policy).
"""

from __future__ import annotations

import re
from typing import Any

from generator.diff.context import Context, Pair
from generator.diff.rules import mapping
from generator.diff.schemas import NO_DEFAULT, shape_of
from generator.parse.schemas import walk_refs
from generator.spec.refs import child

_SEMVER = re.compile(
    r"v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?"
    r"(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?"
)


def dirty_components(old: dict[str, Any], new: dict[str, Any]) -> set[str]:
    """Pointers of ``/components/<kind>/<name>`` entries that differ, or reach one that does."""

    def entries(doc: dict[str, Any]) -> dict[str, Any]:
        return {
            child("/components", kind, name): node
            for kind, group in mapping(doc.get("components")).items()
            if isinstance(group, dict)
            for name, node in group.items()
        }

    old_entries, new_entries = entries(old), entries(new)
    keys = old_entries.keys() | new_entries.keys()
    dirty = {p for p in keys if old_entries.get(p, NO_DEFAULT) != new_entries.get(p, NO_DEFAULT)}
    users: dict[str, set[str]] = {}
    for table in (old_entries, new_entries):
        for ptr, node in table.items():
            for target in walk_refs(node):
                users.setdefault(target, set()).add(ptr)
    todo = list(dirty)
    while todo:
        for user in users.get(todo.pop(), ()):
            if user not in dirty:
                dirty.add(user)
                todo.append(user)
    return dirty


def servers(ctx: Context) -> None:
    def urls(doc: dict[str, Any]) -> list[str]:
        listed = doc.get("servers")
        entries = listed if isinstance(listed, list) else []
        return [s["url"] for s in entries if isinstance(s, dict) and isinstance(s.get("url"), str)]

    olds, news = urls(ctx.docs.old), urls(ctx.docs.new)
    for url in (u for u in olds if u not in news):
        ctx.add("api-server-removed", None, "/servers", f"the server `{url}` was removed", "server", name=url)
    for url in (u for u in news if u not in olds):
        ctx.add("api-server-added", None, "/servers", f"the server `{url}` was added", "server", name=url)


def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return {str(k): v for k, v in mapping(mapping(doc.get("components")).get("schemas")).items()}


def _renamed(ctx: Context, ptrs: Pair[str]) -> bool:
    old = ctx.views.old.view({"$ref": "#" + ptrs.old}, ptrs.old)
    new = ctx.views.new.view({"$ref": "#" + ptrs.new}, ptrs.new)
    return shape_of(old) == shape_of(new) and ctx.schemas.equivalent((None, ptrs.old), (None, ptrs.new))


def components(ctx: Context) -> None:
    """Component schemas added, removed, or renamed (the same schema under another name)."""
    olds, news = _schemas(ctx.docs.old), _schemas(ctx.docs.new)
    added = [n for n in news if n not in olds]
    for name in (n for n in olds if n not in news):
        ptr = child("/components/schemas", name)
        twin = next((n for n in added if _renamed(ctx, Pair(ptr, child("/components/schemas", n)))), None)
        if twin is not None:
            added.remove(twin)
            message = f"the schema `{name}` was renamed `{twin}`"
            ctx.add(
                "api-schema-renamed", None, child("/components/schemas", twin), message, "schema", name=f"{name}>{twin}"
            )
        else:
            ctx.add("api-schema-removed", None, ptr, f"the schema `{name}` was removed", "schema", name=name)
    for name in added:
        ptr = child("/components/schemas", name)
        ctx.add("api-schema-added", None, ptr, f"the schema `{name}` was added", "schema", name=name)


def _semver(version: Any) -> tuple[int, int, int] | None:
    m = _SEMVER.fullmatch(version) if isinstance(version, str) else None
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def version(ctx: Context) -> None:
    """A breaking change needs a major version bump (below 1.0.0 a minor one); both must be semver."""
    texts = Pair(mapping(ctx.docs.old.get("info")).get("version"), mapping(ctx.docs.new.get("info")).get("version"))
    was, now = _semver(texts.old), _semver(texts.new)
    if was is None or now is None or not any(c.level == "breaking" for c in ctx.out):
        return
    if texts.old == texts.new:
        rule, message = "api-version-not-bumped", f"breaking changes, but the version stays `{texts.new}`"
    elif now <= was:
        rule, message = (
            "api-version-decreased",
            f"breaking changes, but the version went down from `{texts.old}` to `{texts.new}`",
        )
    elif (now[:2] <= was[:2]) if was[0] == now[0] == 0 else now[0] <= was[0]:
        rule = "api-major-version-not-bumped"
        message = f"breaking changes, but the major version did not go up (`{texts.old}` to `{texts.new}`)"
    else:
        return
    ctx.add(rule, None, "/info/version", message, "info")
