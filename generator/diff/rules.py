"""The rules of ``diff``: every check id with its level, and what a comparison returns.

A request may not get stricter and a response may not get looser: every schema difference has
an effect (it widens or narrows what is accepted) and its level follows from the direction.
Check ids are oasdiff's where oasdiff has the same check; ``RULES`` lists every id we emit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

Level = Literal["breaking", "warning", "info"]
Direction = Literal["request", "response"]
B: Level = "breaking"
W: Level = "warning"
I: Level = "info"  # noqa: E741 - the three levels read as a table below
LEVELS: tuple[Level, ...] = (B, W, I)  # worst first: the order of every report

# schema change kind → (level in a request, level in a response)
KIND_LEVELS: dict[str, tuple[Level, Level]] = {
    "type-changed": (B, B),
    "type-generalized": (I, B),
    "type-specialized": (B, I),
    "became-nullable": (I, B),
    "became-not-nullable": (B, I),
    "enum-value-added": (I, W),
    "enum-value-removed": (B, I),
    "became-enum": (B, I),
    "became-not-enum": (I, W),
    "pattern-added": (B, I),
    "pattern-removed": (I, W),
    "pattern-changed": (W, W),
    "default-value-added": (I, I),
    "default-value-removed": (I, I),
    "default-value-changed": (W, I),
    "became-required": (B, I),
    "became-optional": (I, B),
    "one-of-added": (I, B),
    "one-of-removed": (B, I),
    "any-of-added": (I, B),
    "any-of-removed": (B, I),
    "discriminator-property-name-changed": (W, W),
    "deprecated": (I, I),
}
# JSON keyword → (kind stem, is an upper bound); a tighter bound narrows, a looser one widens
BOUNDS = {
    "maximum": ("max", True),
    "exclusiveMaximum": ("exclusive-max", True),
    "maxLength": ("max-length", True),
    "maxItems": ("max-items", True),
    "minimum": ("min", False),
    "exclusiveMinimum": ("exclusive-min", False),
    "minLength": ("min-length", False),
    "minItems": ("min-items", False),
}
NARROWS: tuple[Level, Level] = (B, I)
# a looser bound in a response is a warning: generated response models never check bounds
WIDENS: tuple[Level, Level] = (I, W)
for _stem, _upper in BOUNDS.values():
    for _verb, _narrow in (
        ("decreased", _upper),
        ("increased", not _upper),
        ("set", True),
        ("unset", False),
    ):
        KIND_LEVELS[f"{_stem}-{_verb}"] = NARROWS if _narrow else WIDENS

SCHEMA_AREAS = {
    "request": (
        "request-body",
        "request-property",
        "request-parameter",
        "request-parameter-property",
    ),
    "response": (
        "response-body",
        "response-property",
        "response-header",
        "response-header",
    ),
}
# oasdiff's ids where they do not follow ``<area>-<kind>``
ALIASES = {"response-body-enum-value-removed": "response-mediatype-enum-value-removed"}
# ids whose level is fixed by the rule itself rather than by KIND_LEVELS
FIXED: dict[str, Level] = {
    "endpoint-added": I,
    "endpoint-deprecated": I,
    "endpoint-reactivated": I,
    "api-path-removed-without-deprecation": B,
    "api-path-removed-with-deprecation": I,
    "api-removed-without-deprecation": B,
    "api-removed-with-deprecation": I,
    "api-operation-id-removed": I,
    "new-required-request-parameter": B,
    "new-optional-request-parameter": I,
    "request-parameter-removed": W,
    "request-parameter-removed-with-deprecation": I,
    "request-parameter-location-changed": B,
    "request-parameter-reactivated": I,
    "request-path-parameter-renamed": I,
    "request-body-added-required": B,
    "request-body-added-optional": I,
    "request-body-removed": B,
    "request-body-media-type-added": I,
    "request-body-media-type-removed": B,
    "new-required-request-property": B,
    "new-optional-request-property": I,
    "request-property-removed": W,
    "request-parameter-property-added": I,
    "request-parameter-property-removed": W,
    "request-required-property-became-read-only": W,
    "request-optional-property-became-read-only": W,
    "request-required-property-became-not-read-only": B,
    "request-optional-property-became-not-read-only": I,
    "request-required-property-became-write-only": I,
    "request-optional-property-became-write-only": I,
    "request-required-property-became-not-write-only": I,
    "request-optional-property-became-not-write-only": I,
    "response-required-property-added": I,
    "response-optional-property-added": I,
    "response-required-property-removed": B,
    "response-optional-property-removed": W,
    "response-required-property-became-write-only": B,
    "response-optional-property-became-write-only": W,
    "response-required-property-became-not-write-only": I,
    "response-optional-property-became-not-write-only": I,
    "response-required-property-became-read-only": I,
    "response-optional-property-became-read-only": I,
    "response-required-property-became-not-read-only": I,
    "response-optional-property-became-not-read-only": I,
    "response-success-status-added": I,
    "response-success-status-removed": B,
    "response-non-success-status-added": I,
    "response-non-success-status-removed": I,
    "response-media-type-added": I,
    "response-media-type-removed": B,
    "response-header-added": I,
    "required-response-header-removed": B,
    "optional-response-header-removed": W,
    "response-header-became-required": I,
    "api-security-added": I,
    "api-security-removed": B,
    "api-security-scope-added": B,
    "api-security-scope-removed": I,
    "api-global-security-added": I,
    "api-global-security-removed": B,
    "api-global-security-scope-added": B,
    "api-global-security-scope-removed": I,
    "api-security-component-added": I,
    "api-security-component-removed": I,
    "api-security-component-type-changed": B,
    "api-security-component-location-changed": B,
    "api-security-component-oauth-url-changed": I,
    "api-security-component-oauth-token-url-changed": I,
    "api-security-component-oauth-scope-added": I,
    "api-security-component-oauth-scope-removed": I,
    "api-server-added": I,
    "api-server-removed": W,
    "api-schema-added": I,
    "api-schema-removed": I,
    "api-schema-renamed": I,
    "client-method-renamed": W,
}
# document rules (paths, parameters, bodies, responses, headers, security, tags, info, webhooks) added
# with their lifecycle, media type and versioning checks; parameter ids here override the schema table
DOCUMENT_RULES: dict[str, Level] = {
    # lifecycle: deprecation, x-sunset, x-stability-level
    "endpoint-deprecated-with-sunset": I,
    "api-deprecated-sunset-missing": B,
    "api-deprecated-sunset-parse": B,
    "api-sunset-date-too-small": B,
    "api-path-removed-before-sunset": B,
    "api-removed-before-sunset": B,
    "api-path-sunset-parse": B,
    "sunset-deleted": B,
    "api-sunset-date-changed-too-small": B,
    "api-invalid-stability-level": B,
    "api-stability-decreased": B,
    "api-stability-increased": I,
    "request-parameter-deprecated-sunset-missing": B,
    "request-parameter-sunset-parse": B,
    "request-parameter-sunset-date-too-small": B,
    "request-parameter-removed-before-sunset": B,
    "request-parameter-sunset-deleted": B,
    "request-parameter-sunset-date-changed-too-small": B,
    # operations, tags, webhooks, versions
    "api-operation-id-added": I,
    "api-tag-added": I,
    "api-tag-removed": I,
    "webhook-added": I,
    "webhook-removed": B,
    "api-version-not-bumped": I,
    "api-version-decreased": I,
    "api-major-version-not-bumped": I,
    # parameters
    "new-request-path-parameter": B,
    "new-required-request-default-parameter-to-existing-path": B,
    "new-optional-request-default-parameter-to-existing-path": I,
    "new-required-request-header-property": B,
    "request-header-property-became-required": B,
    "request-header-property-became-enum": B,
    "request-parameter-x-extensible-enum-value-removed": B,
    "request-parameter-default-value-added": B,
    "request-parameter-default-value-removed": B,
    "request-parameter-default-value-changed": B,
    "request-parameter-max-set": W,
    "request-parameter-min-set": W,
    "request-parameter-exclusive-max-set": W,
    "request-parameter-exclusive-min-set": W,
    "request-parameter-max-length-set": W,
    "request-parameter-min-items-set": W,
    "request-parameter-property-type-changed": W,
    "request-parameter-pattern-generalized": I,
    "request-parameter-list-of-types-narrowed": B,
    "request-parameter-list-of-types-widened": I,
    "request-parameter-property-list-of-types-narrowed": B,
    "request-parameter-property-list-of-types-widened": I,
    "response-header-type-compatible": I,
    # media types and their schemas
    "request-body-media-type-schema-added": B,
    "request-body-media-type-schema-removed": I,
    "response-body-media-type-schema-added": I,
    "response-body-media-type-schema-removed": W,
    "request-body-content-encoding-changed": B,
    "request-body-content-media-type-changed": B,
    "response-body-content-encoding-changed": B,
    "response-body-content-media-type-changed": B,
    "response-media-type-name-changed": I,
    "response-media-type-name-generalized": B,
    "response-media-type-name-specialized": I,
    # security
    "api-security-component-oauth-scope-changed": I,
}
# property existence and visibility kinds: their ids are in FIXED, spelled per area below
PROPERTY_KINDS = frozenset(
    {"property-added", "property-removed", "became-read-only", "became-not-read-only",
     "became-write-only", "became-not-write-only"}
)  # fmt: skip


def schema_rule_ids() -> dict[str, Level]:
    """Every id a schema difference can get, with its level."""
    rules: dict[str, Level] = {}
    for direction, areas in SCHEMA_AREAS.items():
        for area in set(areas):
            for kind, levels in KIND_LEVELS.items():
                rule = ALIASES.get(f"{area}-{kind}", f"{area}-{kind}")
                rules[rule] = levels[0 if direction == "request" else 1]
    return rules


RULES: dict[str, Level] = {**schema_rule_ids(), **FIXED, **DOCUMENT_RULES}


def normalized_path(path: str) -> str:
    """``/videos/{id}/`` and ``/videos/{video_id}/`` are the same operation path."""
    return re.sub(r"{[^}]*}", "{}", path)


# ----------------------------------------------------------------- what the comparison returns


@dataclass(frozen=True)
class Finding:
    """One schema difference; ``path`` is the property path below the compared root.

    ``owners`` are the pointers of the object schemas (old, new) that hold ``prop``, the
    nearest property above the difference; ``values`` carry what the message names.
    """

    kind: str
    pointer: str
    detail: str
    path: tuple[str, ...] = ()
    owners: tuple[str, str] = ("", "")
    prop: str = ""
    required: bool = False
    values: tuple[Any, ...] = ()


@dataclass(frozen=True)
class RawChange:
    """A classified difference, before client impact is added."""

    id: str
    level: Level
    operation: str  # "POST /api/videos/", or "" for document-wide changes
    pointer: str
    message: str
    area: str  # operation, parameter, request-body, request-property, response-status, ...
    op_key: tuple[str, str] | None = None  # (method, normalized path)
    finding: Finding | None = None
    param: tuple[str, str] = ("", "")  # (location, wire name)
    status: str = ""
    name: str = ""  # security scheme, server URL or component the change is about


def dotted(path: tuple[str, ...]) -> str:
    """``("slides", "[]", "avatar")`` → ``slides[].avatar``."""
    text = ""
    for part in path:
        text += part if part in ("[]", "{}") or not text else "." + part
    return text


def mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is a mapping, else an empty one (documents hold anything anywhere)."""
    return value if isinstance(value, dict) else {}


# ----------------------------------------------------------------- schema differences → ids and subjects


def schema_rule_id(area: str, f: Finding, direction: Direction) -> str:
    """The check id of a schema difference found in ``area`` of a request or response."""
    if f.kind not in PROPERTY_KINDS:
        return ALIASES.get(f"{area}-{f.kind}", f"{area}-{f.kind}")
    req = "required" if f.required else "optional"
    if area == "request-parameter-property" and f.kind in (
        "property-added",
        "property-removed",
    ):
        return "request-parameter-" + f.kind
    if f.kind == "property-added":
        return f"new-{req}-request-property" if direction == "request" else f"response-{req}-property-added"
    if f.kind == "property-removed":
        return "request-property-removed" if direction == "request" else f"response-{req}-property-removed"
    return f"{direction}-{req}-property-{f.kind}"


def schema_subject(area: str, f: Finding, extra: dict[str, Any]) -> str:
    """What a message about a schema difference in ``area`` names first."""
    path = dotted(f.path)
    location, name = extra.get("param", ("", ""))
    status = extra.get("status", "")
    return {
        "request-body": "the request body",
        "request-property": f"the request property `{path}`",
        "request-parameter": f"the {location} parameter `{name}`",
        "request-parameter-property": f"the property `{path}` of the {location} parameter `{name}`",
        "response-body": f"the {status} response body",
        "response-property": f"the {status} response property `{path}`",
        "response-header": f"the {status} response header `{extra.get('name', '')}`" + (f" (`{path}`)" if path else ""),
    }[area]
