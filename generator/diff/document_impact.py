"""Client impact of the document rules the schema-oriented ``impact`` module does not know: lifecycle
(deprecation, sunset dates, stability), tags, webhooks and callbacks, versions, media type schemas,
header-parameter properties and ``x-extensible-enum``. None: ``impact`` describes the change.
"""

from __future__ import annotations

from typing import Callable

from generator.diff.impact import ClientImpact, Side
from generator.diff.rules import RawChange, dotted

SOONER = "code that calls it gets less notice than the deprecation policy requires before it is removed"
OPERATION_TEXTS: dict[str, Callable[[str, str], str]] = {
    "endpoint-deprecated-with-sunset": lambda was, now: f"`{now}` is now marked deprecated, with a removal date",
    "api-deprecated-sunset-missing": lambda was, now: f"`{now}` is now marked deprecated without a removal date: {SOONER}",
    "api-deprecated-sunset-parse": lambda was, now: f"`{now}` is now marked deprecated with an unreadable removal date",
    "api-sunset-date-too-small": lambda was, now: f"`{now}` is now marked deprecated: {SOONER}",
    "sunset-deleted": lambda was, now: f"`{now}` stays deprecated but no longer says when it is removed",
    "api-sunset-date-changed-too-small": lambda was, now: f"`{now}` may be removed sooner than announced: {SOONER}",
    "api-removed-before-sunset": lambda was, now: f"`{was}` is gone before its sunset date: calling it raises AttributeError",
    "api-path-removed-before-sunset": lambda was, now: f"`{was}` is gone before its sunset date: calling it raises AttributeError",
    "api-path-sunset-parse": lambda was, now: f"`{was or now}` has a removal date that cannot be read",
    "api-stability-decreased": lambda was, now: f"`{now}` is less stable now: it may change without notice",
    "api-stability-increased": lambda was, now: f"none: `{now}` is more stable now",
    "api-invalid-stability-level": lambda was, now: "none: the generated client ignores `x-stability-level`",
}
DOCUMENT_TEXTS = {
    "api-security-component-oauth-scope-added": "none: the token the client sends keeps the scopes it has",
    "api-security-component-oauth-scope-removed": "a token asked for with this scope may be refused by the server",
    "api-security-component-oauth-scope-changed": "none: only the description of the scope changed",
    "webhook-added": "none: the generated client does not receive webhooks",
    "webhook-removed": "none for the generated client (it does not receive webhooks); a receiver you wrote no longer gets them",
    "api-version-not-bumped": "none: the client does not read `info.version`",
    "api-version-decreased": "none: the client does not read `info.version`",
    "api-major-version-not-bumped": "none: the client does not read `info.version`",
}


def described(c: RawChange, impact: ClientImpact) -> str | None:
    """The client impact of ``c`` when it is one of the document rules described here."""
    if c.id in DOCUMENT_TEXTS:
        return DOCUMENT_TEXTS[c.id]
    if c.op_key and c.op_key[1].startswith(("webhook:", "callback:")):
        kind = "webhooks" if c.op_key[1].startswith("webhook:") else "callbacks"
        return f"none for the generated client (it does not implement {kind}); a receiver you wrote must follow"
    if impact.old is None or impact.new is None:
        return None
    old, new = impact.old, impact.new
    if c.id in OPERATION_TEXTS:
        return OPERATION_TEXTS[c.id](old.call(c.op_key), new.call(c.op_key))
    if c.id.startswith("api-tag-"):
        was, now = old.call(c.op_key), new.call(c.op_key)
        return f"none: the method stays `{now}`" if was == now else f"`{was}` moves to `{now}` (client-method-renamed)"
    if c.id in PARAMETER_IDS:
        return _parameter(c, old, new)
    if c.id in BODY_IDS:
        return _body(c, new)
    return None


PARAMETER_IDS = frozenset(
    {
        "new-request-path-parameter",
        "new-required-request-default-parameter-to-existing-path",
        "new-optional-request-default-parameter-to-existing-path",
        "request-parameter-deprecated-sunset-missing",
        "request-parameter-sunset-parse",
        "request-parameter-sunset-date-too-small",
        "request-parameter-sunset-deleted",
        "request-parameter-sunset-date-changed-too-small",
        "new-required-request-header-property",
        "request-header-property-became-required",
        "request-header-property-became-enum",
        "request-parameter-x-extensible-enum-value-removed",
        "request-parameter-pattern-generalized",
        "request-parameter-property-added",
        "request-parameter-property-removed",
    }
)


def _parameter(c: RawChange, old: Side, new: Side) -> str:
    side = old if c.id == "request-parameter-sunset-parse" and "removed" in c.message else new
    call, op = side.call(c.op_key), side.operation(c.op_key)
    location, wire = c.param
    param = next((p for p in (op.parameters if op else ()) if p.location == location and p.wire_name == wire), None)
    if not call or param is None:
        return ""
    arg = f"`{param.name}=`"
    prop = f"`{dotted(c.finding.path)}`" if c.finding else ""
    texts = {
        "new-request-path-parameter": f"`{call}` now requires {arg}",
        "new-required-request-default-parameter-to-existing-path": f"`{call}` now requires {arg}",
        "new-optional-request-default-parameter-to-existing-path": f"`{call}` takes a new optional {arg}",
        "request-parameter-deprecated-sunset-missing": f"{arg} of `{call}` is deprecated: {SOONER}",
        "request-parameter-sunset-parse": f"{arg} of `{call}` has a removal date that cannot be read",
        "request-parameter-sunset-date-too-small": f"{arg} of `{call}` is deprecated: {SOONER}",
        "request-parameter-sunset-deleted": f"{arg} of `{call}` stays deprecated but no longer says when it is removed",
        "request-parameter-sunset-date-changed-too-small": f"{arg} of `{call}` may be removed sooner than announced",
        "new-required-request-header-property": f"the value of {arg} of `{call}` must now hold {prop}",
        "request-header-property-became-required": f"the value of {arg} of `{call}` must now hold {prop}",
        "request-header-property-became-enum": f"{prop} in {arg} of `{call}` accepts only the listed values now",
        "request-parameter-x-extensible-enum-value-removed": f"{arg} of `{call}` accepts one value less",
        "request-parameter-pattern-generalized": f"{arg} of `{call}` accepts any text now",
        "request-parameter-property-added": f"the value of {arg} of `{call}` may now hold {prop}",
        "request-parameter-property-removed": f"the value of {arg} of `{call}` should no longer hold {prop}: the server may reject it",
    }
    return texts[c.id]


BODY_IDS = frozenset(
    {
        "request-body-media-type-schema-added",
        "request-body-media-type-schema-removed",
        "response-body-media-type-schema-added",
        "response-body-media-type-schema-removed",
        "request-body-content-encoding-changed",
        "request-body-content-media-type-changed",
        "response-body-content-encoding-changed",
        "response-body-content-media-type-changed",
    }
)


def _body(c: RawChange, new: Side) -> str:
    call = new.call(c.op_key)
    if not call:
        return ""
    texts = {
        "request-body-media-type-schema-added": f"bodies `{call}` sends as `{c.name}` must now match a schema",
        "request-body-media-type-schema-removed": f"none: `{call}` may send any `{c.name}` body",
        "response-body-media-type-schema-added": f"none: the `{c.name}` response of `{call}` is described now",
        "response-body-media-type-schema-removed": f"code reading the `{c.name}` response of `{call}` can no longer rely on its shape",
        "request-body-content-encoding-changed": f"the body `{call}` sends must be encoded the new way",
        "request-body-content-media-type-changed": f"the body `{call}` sends must hold the new media type",
        "response-body-content-encoding-changed": f"code decoding the response of `{call}` must follow the new encoding",
        "response-body-content-media-type-changed": f"code reading the response of `{call}` gets another media type",
    }
    return texts[c.id]
