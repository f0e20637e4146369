"""``--levels oasdiff``: oasdiff's level for the ids whose level we set differently (each departure is
explained in docs/diff.md in terms of code using the generated client); every other id already has it.
"""

from __future__ import annotations

from typing import Literal

from generator.diff.rules import B, I, Level, W

LevelScheme = Literal["ours", "oasdiff"]
LEVEL_SCHEMES: tuple[LevelScheme, ...] = ("ours", "oasdiff")

# the generated client sends one credential: a requirement, scope or scheme type it relies on going
# away makes every call fail with 401/403, where oasdiff reports the change as info
SECURITY_DEPARTURES: dict[str, Level] = {
    "api-security-removed": I,
    "api-security-scope-added": I,
    "api-global-security-removed": I,
    "api-global-security-scope-added": I,
    "api-security-component-type-changed": I,
}
# schema checks whose level the schema table (KIND_LEVELS, FIXED) sets apart from oasdiff's
SCHEMA_DEPARTURES: dict[str, Level] = {
    "request-body-default-value-changed": I,
    "request-body-discriminator-property-name-changed": I,
    "request-body-exclusive-max-set": W,
    "request-body-exclusive-min-set": W,
    "request-body-max-length-set": W,
    "request-body-max-set": W,
    "request-body-min-items-set": W,
    "request-body-min-set": W,
    "request-optional-property-became-read-only": I,
    "request-property-default-value-changed": I,
    "request-property-discriminator-property-name-changed": I,
    "request-property-exclusive-max-set": W,
    "request-property-exclusive-min-set": W,
    "request-property-max-length-set": W,
    "request-property-max-set": W,
    "request-property-min-items-set": W,
    "request-property-min-set": W,
    "request-required-property-became-not-read-only": I,
    "request-required-property-became-read-only": I,
    "response-body-any-of-added": I,
    "response-body-discriminator-property-name-changed": I,
    "response-body-exclusive-max-increased": B,
    "response-body-exclusive-min-decreased": B,
    "response-body-max-increased": B,
    "response-body-max-length-increased": B,
    "response-body-max-length-unset": B,
    "response-body-min-decreased": B,
    "response-body-min-items-decreased": B,
    "response-body-min-items-unset": B,
    "response-body-min-length-decreased": B,
    "response-optional-property-became-write-only": I,
    "response-property-any-of-added": I,
    "response-property-discriminator-property-name-changed": I,
    "response-property-exclusive-max-increased": B,
    "response-property-exclusive-min-decreased": B,
    "response-property-max-increased": B,
    "response-property-max-length-increased": B,
    "response-property-max-length-unset": B,
    "response-property-min-decreased": B,
    "response-property-min-items-decreased": B,
    "response-property-min-items-unset": B,
    "response-property-min-length-decreased": B,
    "response-property-pattern-changed": I,
    "response-property-pattern-removed": I,
    "response-required-property-became-not-write-only": W,
    "response-required-property-became-write-only": I,
}
OASDIFF_LEVELS: dict[str, Level] = {**SECURITY_DEPARTURES, **SCHEMA_DEPARTURES}


def level_in(scheme: LevelScheme, rule: str, level: Level) -> Level:
    """The level ``rule`` is reported at under ``scheme`` (ours: ``level`` itself)."""
    return OASDIFF_LEVELS.get(rule, level) if scheme == "oasdiff" else level
