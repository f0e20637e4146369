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
class DiffReport:
    """The changes between two specs and what the formats need to show them."""

    changes: tuple[Change, ...]
    old_source: str
    new_source: str
    file: str  # repository path of the new spec for annotations; "" when it is not a file
    line_of: Callable[[str], int | None]

    def counts(self) -> dict[str, int]:
        return {level: sum(c.level == level for c in self.changes) for level in LEVELS}

    def summary(self) -> str:
        """``2 breaking, 1 warning, 3 info`` (or ``no changes``)."""
        if not self.changes:
            return "no changes"
        n = self.counts()
        return f"{n['breaking']} breaking, {n['warning']} warning{'s' * (n['warning'] != 1)}, {n['info']} info"


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
    """For a terminal: one block per change, breaking first; colour only when asked (on a TTY)."""
    lines = [f"{report.old_source} -> {report.new_source}: {report.summary()}"]
    for c in report.changes:
        level = c.level.upper().ljust(8)
        lines += [
            "",
            f"{click.style(level, fg=COLOURS[c.level], bold=True) if color else level}  {c.id}"
            + (f"  {c.operation}" if c.operation else ""),
        ]
        lines.append(f"    {c.message}")
        if c.client_impact:
            lines.append(f"    client: {c.client_impact}")
    return "\n".join(lines) + "\n"


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
    counts = report.counts()
    out += ["| Level | Changes |", "|---|---:|"] + [f"| {level} | {counts[level]} |" for level in LEVELS] + [""]
    for level in LEVELS:
        rows = _grouped([c for c in report.changes if c.level == level])
        if not rows:
            continue
        table = ["| Check | Operations | Change | Client impact |", "|---|---|---|---|"]
        for (rule, message, impact), operations in rows:
            ops = "<br>".join(f"`{_cell(op)}`" for op in operations) or "(whole API)"
            table.append(f"| `{rule}` | {ops} | {_cell(message)} | {_cell(impact) or '-'} |")
        if level == "info":
            out += (
                [f"<details><summary>{SECTIONS[level]} ({counts[level]})</summary>", ""]
                + table
                + ["", "</details>", ""]
            )
        else:
            out += [f"#### {SECTIONS[level]}", ""] + table + [""]
    return "\n".join(out)


def _grouped(changes: list[Change]) -> list[tuple[tuple[str, str, str], list[str]]]:
    """Changes that read alike (same check, message and impact), with the operations they touch."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for c in changes:
        ops = groups.setdefault((c.id, c.message, c.client_impact), [])
        if c.operation and c.operation not in ops:
            ops.append(c.operation)
    return list(groups.items())


def _cell(value: str) -> str:
    """Text safe in one Markdown table cell: no line breaks, pipes or HTML."""
    return " ".join(value.split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def github(report: DiffReport) -> str:
    """One workflow command per change (``::error``/``::warning``/``::notice``) on the new spec's line."""
    lines = []
    for c in report.changes:
        props = {"title": c.id}
        if report.file:
            props = {
                "file": report.file,
                **({"line": str(line)} if (line := report.line_of(c.pointer)) else {}),
                **props,
            }
        message = (
            (f"{c.operation}: " if c.operation else "")
            + c.message
            + (f" (client: {c.client_impact})" if c.client_impact else "")
        )
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
