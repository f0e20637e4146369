"""``--levels oasdiff``: oasdiff's level for the ids whose level we set differently (each departure is
explained in docs/diff.md in terms of code using the generated client); every other id already has it.
"""

from __future__ import annotations

from typing import Literal

from generator.diff.rules import OASDIFF_SCHEMA_LEVELS, I, Level

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
# schema checks whose level the schema table (rules.FIXED) sets apart from oasdiff's
SCHEMA_DEPARTURES: dict[str, Level] = OASDIFF_SCHEMA_LEVELS
OASDIFF_LEVELS: dict[str, Level] = {**SECURITY_DEPARTURES, **SCHEMA_DEPARTURES}


def level_in(scheme: LevelScheme, rule: str, level: Level) -> Level:
    """The level ``rule`` is reported at under ``scheme`` (ours: ``level`` itself)."""
    return OASDIFF_LEVELS.get(rule, level) if scheme == "oasdiff" else level
