"""Security rules: the requirements of an operation and of the document, and the security schemes."""

from __future__ import annotations

from typing import Any

from generator.diff.context import Context, Located, Op, Pair
from generator.diff.rules import mapping
from generator.diff.schemas import Views
from generator.spec.refs import child

Requirements = dict[frozenset[str], dict[str, frozenset[str]]]


def requirements(owner: dict[str, Any], document: dict[str, Any]) -> Requirements:
    """Alternatives of an operation's (or the document's) security, keyed by their scheme names."""
    listed = owner.get("security") if "security" in owner else document.get("security")
    alternatives: Requirements = {}
    for req in listed if isinstance(listed, list) else []:
        if isinstance(req, dict):
            scopes = {
                str(k): (frozenset(str(s) for s in v) if isinstance(v, list) else frozenset()) for k, v in req.items()
            }
            alternatives[frozenset(scopes)] = scopes
    return alternatives or {frozenset(): {}}


def operation(ctx: Context, ops: Pair[Op]) -> None:
    """An operation's own security requirements (the document's apply where it has none)."""
    if "security" in ops.old.node or "security" in ops.new.node:
        found = Pair(requirements(ops.old.node, ctx.docs.old), requirements(ops.new.node, ctx.docs.new))
        _compare(ctx, ops.new, found, "api-security", ops.new.pointer)


def document(ctx: Context) -> None:
    """The document's security requirements and its security schemes."""
    found = Pair(requirements({}, ctx.docs.old), requirements({}, ctx.docs.new))
    if found.old != found.new:
        _compare(ctx, None, found, "api-global-security", "/security")
    _schemes(ctx)


def _shown(names: frozenset[str]) -> str:
    return " + ".join(f"`{n}`" for n in sorted(names)) if names else "anonymous access"


def _compare(ctx: Context, op: Op | None, found: Pair[Requirements], prefix: str, pointer: str) -> None:
    olds, news = found.old, found.new
    for names in olds:
        if names not in news:
            what = (
                "anonymous access is no longer allowed"
                if not names
                else f"the security requirement {_shown(names)} was removed"
            )
            ctx.add(f"{prefix}-removed", op, pointer, what, "security", name=",".join(sorted(names)))
    for names, scopes in news.items():
        if names not in olds:
            what = (
                "anonymous access is now allowed"
                if not names
                else f"the security requirement {_shown(names)} was added"
            )
            ctx.add(f"{prefix}-added", op, pointer, what, "security", name=",".join(sorted(names)))
            continue
        for scheme in sorted(names):
            for verb, diff in (
                ("added", scopes[scheme] - olds[names][scheme]),
                ("removed", olds[names][scheme] - scopes[scheme]),
            ):
                for scope in sorted(diff):
                    what = f"the scope `{scope}` was {verb} {'to' if verb == 'added' else 'from'} `{scheme}`"
                    ctx.add(f"{prefix}-scope-{verb}", op, pointer, what, "security", name=scheme)


def _schemes_of(doc: dict[str, Any], views: Views) -> dict[str, Located]:
    found = {}
    for name, node in mapping(mapping(doc.get("components")).get("securitySchemes")).items():
        target, ptr = views.target(node, child("/components/securitySchemes", str(name)))
        if isinstance(target, dict):
            found[str(name)] = Located(target, ptr)
    return found


def _schemes(ctx: Context) -> None:
    olds, news = _schemes_of(ctx.docs.old, ctx.views.old), _schemes_of(ctx.docs.new, ctx.views.new)
    for name in olds.keys() - news.keys():
        message = f"the security scheme `{name}` was removed"
        ctx.add("api-security-component-removed", None, olds[name].ptr, message, "security-scheme", name=name)
    for name in sorted(news.keys() - olds.keys()):
        message = f"the security scheme `{name}` was added"
        ctx.add("api-security-component-added", None, news[name].ptr, message, "security-scheme", name=name)
    for name in sorted(olds.keys() & news.keys()):
        o, n, ptr = olds[name].node, news[name].node, news[name].ptr
        if (o.get("type"), str(o.get("scheme", "")).lower()) != (n.get("type"), str(n.get("scheme", "")).lower()):
            message = f"the security scheme `{name}` changed from {_scheme_label(o)} to {_scheme_label(n)}"
            ctx.add("api-security-component-type-changed", None, ptr, message, "security-scheme", name=name)
        elif (o.get("in"), o.get("name")) != (n.get("in"), n.get("name")):
            message = f"the security scheme `{name}` moved from {_scheme_label(o)} to {_scheme_label(n)}"
            ctx.add("api-security-component-location-changed", None, ptr, message, "security-scheme", name=name)
        _oauth(ctx, name, Pair(o, n), ptr)


def _oauth(ctx: Context, name: str, schemes: Pair[dict[str, Any]], ptr: str) -> None:
    old_flows, new_flows = mapping(schemes.old.get("flows")), mapping(schemes.new.get("flows"))
    for flow in sorted(old_flows.keys() & new_flows.keys()):
        of, nf = mapping(old_flows[flow]), mapping(new_flows[flow])
        at = child(ptr, "flows", flow)
        for key, rule in (("authorizationUrl", "oauth-url"), ("tokenUrl", "oauth-token-url")):
            if of.get(key) != nf.get(key):
                message = f"the {flow} flow of `{name}` changed its {key} from `{of.get(key)}` to `{nf.get(key)}`"
                ctx.add(f"api-security-component-{rule}-changed", None, at, message, "security-scheme", name=name)
        olds, news = mapping(of.get("scopes")), mapping(nf.get("scopes"))
        for verb, diff in (("added", news.keys() - olds.keys()), ("removed", olds.keys() - news.keys())):
            for scope in sorted(diff):
                message = f"the {flow} flow of `{name}` {verb} the scope `{scope}`"
                ctx.add(f"api-security-component-oauth-scope-{verb}", None, at, message, "security-scheme", name=name)
        for scope in sorted(s for s in olds.keys() & news.keys() if olds[s] != news[s]):
            message = f"the {flow} flow of `{name}` changed the description of the scope `{scope}`"
            rule = "api-security-component-oauth-scope-changed"
            ctx.add(rule, None, child(at, "scopes", scope), message, "security-scheme", name=name)


def _scheme_label(node: dict[str, Any]) -> str:
    kind = node.get("type")
    if kind == "apiKey":
        return f"an API key in the {node.get('in')} `{node.get('name')}`"
    if kind == "http":
        return f"HTTP {node.get('scheme')} authentication"
    return f"`{kind}`"
