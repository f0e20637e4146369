"""What every section of a document comparison shares: old/new pairs, the operation being compared,
the deprecation policy, and the one place a classified change is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Generic, TypeVar

from generator.diff.rules import (
    RULES,
    SCHEMA_AREAS,
    Direction,
    Finding,
    RawChange,
    normalized_path,
    schema_rule_id,
    schema_subject,
)
from generator.diff.schemas import SchemaComparer, Views

T = TypeVar("T")


@dataclass(frozen=True)
class Pair(Generic[T]):
    """The same thing in the old and the new document."""

    old: T
    new: T


@dataclass(frozen=True)
class Located:
    """A mapping of the document and its JSON pointer."""

    node: dict[str, Any]
    ptr: str


@dataclass(frozen=True)
class Op:
    """One operation: under ``paths``, a 3.1 webhook or a callback, with its path item."""

    method: str
    path: str  # "/pets/{id}", "webhook:newPet", "callback:POST /subscribe onEvent {$request.body#/url}"
    node: dict[str, Any]
    pointer: str
    item: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, normalized_path(self.path))


@dataclass(frozen=True)
class Policy:
    """How strictly deprecation is judged (oasdiff's ``--deprecation-days-beta/stable``, default 0: off)."""

    deprecation_days_beta: int = 0
    deprecation_days_stable: int = 0
    today: date = field(default_factory=date.today)


class Context:
    """The two documents being compared and the list of changes found so far."""

    def __init__(self, docs: Pair[dict[str, Any]], sources: Pair[str], policy: Policy) -> None:
        self.docs = docs
        self.views = Pair(Views(docs.old, sources.old), Views(docs.new, sources.new))
        self.schemas = SchemaComparer(self.views.old, self.views.new, policy)
        self.policy = policy
        self.out: list[RawChange] = []

    def add(self, rule: str, op: Op | None, pointer: str, message: str, area: str, **extra: Any) -> None:
        """Record one change of check ``rule`` (its level comes from the rule table)."""
        self.out.append(
            RawChange(
                id=rule,
                level=RULES[rule],
                operation=op.label if op else "",
                pointer=pointer,
                message=message,
                area=area,
                op_key=op.key if op else None,
                **extra,
            )
        )

    def schema(
        self,
        op: Op,
        schemas: Pair[tuple[Any, str]],
        direction: Direction,
        root: str,
        rename: Callable[[str, str, Finding], str] | None = None,
        **extra: Any,
    ) -> None:
        """Classify the differences between two schemas reached from ``op`` (a body, parameter or header).

        ``rename(area, id, finding)`` gives the id a section reports instead (header parameters).
        """
        areas = SCHEMA_AREAS[direction]
        root_area, nested_area = {"body": areas[:2], "parameter": areas[2:], "header": (areas[2], areas[2])}[root]
        for f in self.schemas.findings(schemas.old, schemas.new, direction):
            area = nested_area if any(p not in ("[]", "{}") for p in f.path) else root_area
            rule = schema_rule_id(area, f, direction)
            rule = rename(area, rule, f) if rename else rule
            message = f"{schema_subject(area, f, extra)} {f.detail}"
            self.add(rule, op, f.pointer, message, area, finding=f, **extra)
