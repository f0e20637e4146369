"""The rules of ``diff``: every check id with its level, and what a comparison returns.

A request may not get stricter and a response may not get looser: every schema difference has
an effect (it widens or narrows what is accepted) and its level follows from the direction.
Check ids are oasdiff's where oasdiff has the same check; ``RULES`` lists every id we emit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from generator.spec.structure import PATH_PLACEHOLDER

Level = Literal["breaking", "warning", "info"]
Direction = Literal["request", "response"]
B: Level = "breaking"
W: Level = "warning"
I: Level = "info"  # noqa: E741 - the three levels read as a table below
LEVELS: tuple[Level, ...] = (B, W, I)  # worst first: the order of every report

# schema change kind → (level in a request, level in a response), oasdiff's levels for the body and
# properties: a request may not get stricter, a response may not get looser
KIND_LEVELS: dict[str, tuple[Level, Level]] = {
    "type-changed": (B, B),
    "type-generalized": (I, B),
    "type-specialized": (B, I),
    "type-compatible": (I, I),  # a type swap text on the wire absorbs (a text or XML body, a response header)
    "list-of-types-widened": (I, B),
    "list-of-types-narrowed": (B, I),
    "became-nullable": (I, B),
    "became-not-nullable": (B, I),
    "enum-value-added": (I, W),
    "enum-value-removed": (B, I),
    "became-enum": (B, I),
    "became-not-enum": (I, W),
    "x-extensible-enum-value-removed": (B, I),
    "const-added": (B, I),
    "const-removed": (I, B),
    "const-changed": (B, B),
    "pattern-added": (B, I),
    "pattern-removed": (I, I),
    "pattern-changed": (W, I),
    "pattern-generalized": (I, I),
    "default-value-added": (I, I),
    "default-value-removed": (I, I),
    "default-value-changed": (I, I),
    "became-required": (B, I),
    "became-required-with-default": (B, I),
    "became-optional": (I, B),
    "one-of-added": (I, B),
    "one-of-removed": (B, I),
    "any-of-added": (I, I),
    "any-of-removed": (B, I),
    "all-of-added": (B, I),
    "all-of-removed": (W, I),
    "all-of-added-annotation-only": (I, I),
    "all-of-removed-annotation-only": (I, I),
    "wrapped-in-one-of": (B, B),
    "discriminator-added": (I, I),
    "discriminator-removed": (I, I),
    "discriminator-property-name-changed": (I, I),
    "discriminator-mapping-added": (I, I),
    "discriminator-mapping-deleted": (I, I),
    "discriminator-mapping-changed": (I, I),
    "deprecated": (I, I),
    "deprecated-with-sunset": (I, I),
    "deprecated-sunset-missing": (B, B),
    "deprecated-sunset-invalid": (B, B),
    "sunset-date-too-small": (B, B),
    "reactivated": (I, I),
    "stability-decreased": (B, B),
    "stability-increased": (I, I),
    "contains-added": (B, I),
    "contains-removed": (I, B),
    "content-schema-added": (B, I),
    "content-schema-removed": (I, B),
    "content-media-type-changed": (B, B),
    "content-encoding-changed": (B, B),
    "dependent-required-added": (B, I),
    "dependent-required-changed": (B, B),
    "dependent-required-removed": (I, B),
    "dependent-schema-added": (B, I),
    "dependent-schema-removed": (I, B),
    "if-added": (B, I),
    "if-removed": (I, B),
    "then-added": (B, I),
    "then-removed": (I, B),
    "else-added": (B, I),
    "else-removed": (I, B),
    "pattern-property-added": (B, I),
    "pattern-property-removed": (I, B),
    "prefix-items-added": (I, B),
    "prefix-items-removed": (B, I),
    "property-names-added": (B, I),
    "property-names-removed": (I, B),
    "unevaluated-items-added": (B, I),
    "unevaluated-items-removed": (I, B),
    "unevaluated-properties-added": (B, I),
    "unevaluated-properties-removed": (I, B),
}
# JSON keyword → (kind stem, is an upper bound); a tighter bound narrows, a looser one widens
BOUNDS = {
    "maximum": ("max", True),
    "exclusiveMaximum": ("exclusive-max", True),
    "maxLength": ("max-length", True),
    "maxItems": ("max-items", True),
    "maxContains": ("max-contains", True),
    "minimum": ("min", False),
    "exclusiveMinimum": ("exclusive-min", False),
    "minLength": ("min-length", False),
    "minItems": ("min-items", False),
    "minContains": ("min-contains", False),
}
NARROWS: tuple[Level, Level] = (B, I)
WIDENS: tuple[Level, Level] = (I, B)
# a bound set where there was none: a warning in a request (clients usually stay within it), as oasdiff rates it
SET: tuple[Level, Level] = (W, I)
for _stem, _upper in BOUNDS.values():
    KIND_LEVELS[f"{_stem}-{'decreased' if _upper else 'increased'}"] = NARROWS
    KIND_LEVELS[f"{_stem}-{'increased' if _upper else 'decreased'}"] = WIDENS
    KIND_LEVELS[f"{_stem}-set"] = SET
    KIND_LEVELS[f"{_stem}-unset"] = WIDENS
# kinds oasdiff names apart for the properties of a header parameter
HEADER_PROPERTY_KINDS = frozenset({"property-added", "became-required", "became-enum"})
HEADER_PROPERTY_RULES: dict[str, Level] = {
    "new-required-request-header-property": B,
    "request-header-property-became-required": B,
    "request-header-property-became-enum": B,
}
# the areas a kind can occur in, where not all: a property's lifecycle and requiredness, a loose type swap
# (text, XML bodies); the parameter and body ids of the same words are the parameter's and the body's own
_PROPERTY_AREAS = frozenset({"request-property", "response-property", "request-parameter-property"})
_LIFECYCLE = ("deprecated-with-sunset", "deprecated-sunset-missing", "deprecated-sunset-invalid",
              "sunset-date-too-small", "reactivated", "stability-decreased", "stability-increased")  # fmt: skip
KIND_AREAS: dict[str, frozenset[str]] = {
    **{kind: _PROPERTY_AREAS for kind in _LIFECYCLE},
    "deprecated": _PROPERTY_AREAS | {"request-parameter"},
    "became-required-with-default": frozenset({"request-property", "request-parameter-property"}),
    "became-required": _PROPERTY_AREAS | {"request-body", "request-parameter", "response-header"},
    "became-optional": _PROPERTY_AREAS | {"request-body", "request-parameter", "response-header"},
    "type-compatible": frozenset(
        {"request-body", "request-property", "response-body", "response-property", "response-header"}
    ),
}
# kinds that a property hidden from one side (readOnly in a request, writeOnly in a response) still
# reports, as oasdiff does, at info level: ``request-read-only-property-<kind>``, ``response-write-only-property-<kind>``
HIDDEN_KINDS = {
    "read-only": frozenset(
        {"enum-value-removed", "max-decreased", "max-length-decreased", "min-increased", "exclusive-min-increased",
         "exclusive-max-decreased"}
    ),
    "write-only": frozenset({"enum-value-added", "became-optional", "became-required"}),
}  # fmt: skip

# oasdiff's level for the schema ids whose level here departs from it (``--levels oasdiff`` reports these);
# why each departs is said beside its entry in FIXED
OASDIFF_SCHEMA_LEVELS: dict[str, Level] = {
    "request-required-property-became-not-read-only": I,
    "response-required-property-became-write-only": I,
}

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
# oasdiff's ids where they do not follow ``<area>-<kind>``: a narrower request type is a type change there
ALIASES = {
    "response-body-enum-value-removed": "response-mediatype-enum-value-removed",
    "request-body-type-specialized": "request-body-type-changed",
    "request-property-type-specialized": "request-property-type-changed",
    "request-parameter-type-specialized": "request-parameter-type-changed",
}
# oasdiff's level where its area departs from the kind's: a parameter's default is what the server
# assumes for a call that leaves it out, and a parameter's properties travel as text (style/explode)
AREA_LEVELS: dict[str, Level] = {
    "request-parameter-default-value-added": B,
    "request-parameter-default-value-removed": B,
    "request-parameter-default-value-changed": B,
    "request-parameter-property-type-changed": W,
}
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
    "new-required-request-property-with-default": B,
    "request-required-property-became-read-only": I,
    "request-optional-property-became-read-only": I,
    # departs from oasdiff (info): the regenerated method now requires an argument it did not take
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
    "response-required-write-only-property-added": I,
    "response-optional-write-only-property-added": I,
    "response-required-write-only-property-removed": I,
    "response-optional-write-only-property-removed": I,
    # departs from oasdiff (info): the response model requires the field, and it stops arriving
    "response-required-property-became-write-only": B,
    "response-optional-property-became-write-only": I,
    "response-required-property-became-not-write-only": W,
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
                if area not in KIND_AREAS.get(kind, (area,)):
                    continue
                rule = ALIASES.get(f"{area}-{kind}", f"{area}-{kind}")
                rules.setdefault(rule, levels[0 if direction == "request" else 1])
    for prefix, kinds in (("request-read-only-property-", HIDDEN_KINDS["read-only"]),
                          ("response-write-only-property-", HIDDEN_KINDS["write-only"])):  # fmt: skip
        rules.update({prefix + kind: I for kind in kinds})
    return {**rules, **AREA_LEVELS, **HEADER_PROPERTY_RULES}


RULES: dict[str, Level] = {**schema_rule_ids(), **FIXED, **DOCUMENT_RULES}


def normalized_path(path: str) -> str:
    """``/videos/{id}/`` and ``/videos/{video_id}/`` are the same operation path."""
    return PATH_PLACEHOLDER.sub("{}", path)


# ----------------------------------------------------------------- what the comparison returns


@dataclass(frozen=True)
class Finding:
    """One schema difference; ``path`` is the property path below the compared root.

    ``kind`` is a KIND_LEVELS key or a property kind, prefixed ``read-only:``/``write-only:`` inside a
    property its direction does not see, or ``header:`` inside a header parameter (oasdiff names those
    apart). ``owners`` are the pointers of the object schemas (old, new) that hold ``prop``, the
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
    hidden, _, kind = f.kind.partition(":")
    if hidden == "header":  # inside the object schema of a header parameter
        if kind != "property-added":
            return f"request-header-property-{kind}"
        f = replace(f, kind=kind)
        return "new-required-request-header-property" if f.required else schema_rule_id(area, f, direction)
    if kind:  # a difference inside a property the other side does not see
        req = "required" if f.required else "optional"
        if kind.startswith("property-"):
            return f"response-{req}-write-only-{kind}"
        return f"{direction}-{hidden}-property-{kind}"
    if f.kind not in PROPERTY_KINDS:
        return ALIASES.get(f"{area}-{f.kind}", f"{area}-{f.kind}")
    req = "required" if f.required else "optional"
    if area == "request-parameter-property" and f.kind in (
        "property-added",
        "property-removed",
    ):
        return "request-parameter-" + f.kind
    if f.kind == "property-added" and direction == "request":
        return f"new-{req}-request-property" + ("-with-default" if f.required and "default" in f.values else "")
    if f.kind == "property-added":
        return f"response-{req}-property-added"
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
