"""The formats of a diff report: text for a terminal, Markdown for a PR comment, JSON, GitHub annotations."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import click

from generator.diff.rules import LEVELS
from generator.errors import GeneratorError
from generator.spec.fetch import write_atomically

if TYPE_CHECKING:
    from generator.diff.compare import Change

COLOURS = {"breaking": "red", "warning": "yellow", "info": "cyan"}
ANNOTATION = {"breaking": "error", "warning": "warning", "info": "notice"}
SECTIONS = {
    "breaking": "Breaking changes",
    "warning": "Warnings",
    "info": "Other changes",
}
MARKER = "<!-- spiritme-gen diff -->"
CHANGES_HEADER = "# API changes\n\nOne entry per `spiritme-gen update` that found a new schema, newest last.\n"


@dataclass(frozen=True)
class Group:
    """One change as people read it: a change to a shared definition with every operation it reaches."""

    changes: tuple[Change, ...]  # one per operation, in the report's order

    @property
    def first(self) -> Change:
        return self.changes[0]

    @property
    def level(self) -> str:
        return self.first.level

    def operations(self) -> list[str]:
        """``POST /pets/ (`client.pets.create()`)`` for each operation reached."""
        return [c.operation + (f" (`{c.method}`)" if c.method else "") for c in self.changes if c.operation]

    def by_text(self, field: str) -> list[tuple[str, list[str]]]:
        """Each distinct ``message`` or ``client_impact`` with the operations it is said of."""
        found: dict[str, list[str]] = {}
        for c in self.changes:
            found.setdefault(getattr(c, field), []).append(c.operation)
        return list(found.items())


def grouped(changes: tuple[Change, ...] | list[Change]) -> list[Group]:
    """Changes gathered by shared definition (``Change.group_key``), worst level first, in report order."""
    found: dict[tuple[str, ...], list[Change]] = {}
    for c in changes:
        found.setdefault(c.group_key(), []).append(c)
    groups = [Group(tuple(members)) for members in found.values()]
    return sorted(groups, key=lambda g: LEVELS.index(g.first.level))


@dataclass(frozen=True)
class DiffReport:
    """The changes between two specs and what the formats need to show them."""

    changes: tuple[Change, ...]
    old_source: str
    new_source: str
    file: str  # repository path of the new spec for annotations; "" when it is not a file
    line_of: Callable[[str], int | None]

    def counts(self) -> dict[str, int]:
        """Entries per level (one per operation a change reaches: the JSON summary)."""
        return {level: sum(c.level == level for c in self.changes) for level in LEVELS}

    def groups(self) -> list[Group]:
        return grouped(self.changes)

    def group_counts(self) -> dict[str, int]:
        """Changes per level as people count them (a shared definition changed once is one change)."""
        groups = self.groups()
        return {level: sum(g.level == level for g in groups) for level in LEVELS}

    def summary(self) -> str:
        """``5 changes (3 operations affected): 2 breaking, 1 warning, 2 info`` (or ``no changes``)."""
        if not self.changes:
            return "no changes"
        n = self.group_counts()
        total = sum(n.values())
        operations = len({c.operation for c in self.changes if c.operation})
        return (
            f"{total} change{'s' * (total != 1)} ({operations} operation{'s' * (operations != 1)} affected): "
            f"{n['breaking']} breaking, {n['warning']} warning{'s' * (n['warning'] != 1)}, {n['info']} info"
        )


def render(report: DiffReport, fmt: str, *, color: bool = False) -> str:
    """The report in ``fmt`` (text, markdown, json or github), ending with a newline."""
    if fmt == "markdown":
        return markdown(report)
    if fmt == "json":
        return as_json(report)
    if fmt == "github":
        return github(report)
    return text(report, color=color)


def text(report: DiffReport, *, color: bool = False) -> str:
    """For a terminal: one block per change, breaking first; colour only when asked (on a TTY).

    A change to a shared definition is one block listing every operation (and client method) it reaches.
    """
    lines = [f"{report.old_source} -> {report.new_source}: {report.summary()}"]
    for g in report.groups():
        c = g.first
        level = c.level.upper().ljust(8)
        where = c.operation if len(g.changes) == 1 else f"{len(g.changes)} operations"
        lines += [
            "",
            f"{click.style(level, fg=COLOURS[c.level], bold=True) if color else level}  {c.id}  {where}".rstrip(),
        ]
        if len(g.changes) > 1:
            lines += [f"    in {c.definition}"] if c.definition else []
            lines += [f"    - {op}" for op in g.operations()]
        lines += _said(g, "message", "    ", "")
        lines += _said(g, "client_impact", "    ", "client: ")
    return "\n".join(lines) + "\n"


def _said(g: Group, field: str, indent: str, label: str) -> list[str]:
    """Lines for the messages (or impacts) of a group: once when all agree, else per operation."""
    texts = [(text, ops) for text, ops in g.by_text(field) if text]
    if len(texts) == 1 and (len(texts[0][1]) == len(g.changes)):
        return [f"{indent}{label}{texts[0][0]}"]
    return [f"{indent}{label}{text} ({', '.join(op for op in ops if op)})" for text, ops in texts]


def as_json(report: DiffReport) -> str:
    """``{"breaking": bool, "summary": {...}, "changes": [...]}`` in the report's stable order."""
    data = {
        "breaking": any(c.level == "breaking" for c in report.changes),
        "summary": report.counts(),
        "changes": [c.as_dict() for c in report.changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def markdown(report: DiffReport) -> str:
    """A pull-request comment: counts, then one table per level (breaking first); info folded away."""
    out = [
        MARKER,
        f"### API changes: {report.summary()}",
        "",
        f"`{_cell(report.old_source)}` → `{_cell(report.new_source)}`",
        "",
    ]
    if not report.changes:
        return "\n".join(out) + "\n"
    counts = report.group_counts()
    out += ["| Level | Changes |", "|---|---:|"] + [f"| {level} | {counts[level]} |" for level in LEVELS] + [""]
    groups = report.groups()
    for level in LEVELS:
        rows = [g for g in groups if g.level == level]
        if not rows:
            continue
        table = ["| Check | Operations | Change | Client impact |", "|---|---|---|---|"]
        for g in rows:
            ops = "<br>".join(_cell(op) for op in g.operations()) or "(whole API)"
            if len(g.changes) > 1:
                where = f", in `{_cell(g.first.definition)}`" if g.first.definition else ""
                ops = f"{len(g.changes)} operations{where}:<br>{ops}"
            change, impact = _cell_of(g, "message"), _cell_of(g, "client_impact")
            table.append(f"| `{g.first.id}` | {ops} | {change} | {impact or '-'} |")
        if level == "info":
            out += (
                [f"<details><summary>{SECTIONS[level]} ({counts[level]})</summary>", ""]
                + table
                + ["", "</details>", ""]
            )
        else:
            out += [f"#### {SECTIONS[level]}", ""] + table + [""]
    return "\n".join(out)


def _cell_of(g: Group, field: str) -> str:
    """A group's messages (or impacts) in one cell: once when all agree, else each with its operations."""
    texts = [(text, ops) for text, ops in g.by_text(field) if text]
    if len(texts) == 1 and len(texts[0][1]) == len(g.changes):
        return _cell(texts[0][0])
    return "<br>".join(f"{_cell(text)} ({_cell(', '.join(op for op in ops if op))})" for text, ops in texts)


def _cell(value: str) -> str:
    """Text safe in one Markdown table cell: no line breaks, pipes or HTML."""
    return " ".join(value.split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def github(report: DiffReport) -> str:
    """One workflow command per change (``::error``/``::warning``/``::notice``) on the new spec's line;
    a change to a shared definition is one annotation naming the operations it reaches."""
    lines = []
    for g in report.groups():
        c = g.first
        props = {"title": c.id}
        if report.file:
            props = {
                "file": report.file,
                **({"line": str(line)} if (line := report.line_of(c.pointer)) else {}),
                **props,
            }
        if len(g.changes) == 1:
            message = (
                (f"{c.operation}: " if c.operation else "")
                + c.message
                + (f" (client: {c.client_impact})" if c.client_impact else "")
            )
        else:
            said = "; ".join(f"{text} ({', '.join(ops)})" for text, ops in g.by_text("message"))
            impacts = "; ".join(text for text, _ in g.by_text("client_impact") if text)
            message = f"{len(g.changes)} operations: {said}" + (f" (client: {impacts})" if impacts else "")
        joined = ",".join(f"{k}={_escape_property(v)}" for k, v in props.items())
        lines.append(f"::{ANNOTATION[c.level]} {joined}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def append_changes(path: Path, report: DiffReport, old_sha: str, new_sha: str, day: str) -> Path:
    """Append a dated entry (hashes, counts, the Markdown report) to the changes file; returns its path."""
    try:
        before = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        before = CHANGES_HEADER
    except (OSError, UnicodeDecodeError) as exc:
        raise GeneratorError(f"cannot read: {exc}", source=str(path)) from None
    body = markdown(report).replace(MARKER + "\n", "")
    entry = (
        f"\n## {day}: sha256 {old_sha[:12] or 'none'} → {new_sha[:12]}\n\n"
        f"Fetched from {report.new_source}: {report.summary()}.\n\n{body}"
    )
    write_atomically(path, (before.rstrip("\n") + "\n" + entry).encode("utf-8"))
    return path
