"""The build pipeline end to end: source → load → validate → parse → render → format → write."""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from generator import __version__, ir
from generator.build.format import format_sources
from generator.build.freshness import Recorded, build_key, record, recorded
from generator.build.render import render_package
from generator.build.write import MANIFEST, manifest_text, previous_files, write_tree
from generator.config import Settings
from generator.errors import Diagnostic, GeneratorError, Level
from generator.parse.api import build_ir, client_settings
from generator.spec.document import load_raw, read_spec, validated
from generator.spec.load import Document
from generator.spec.validate import start_validation


@dataclass(frozen=True)
class BuildOutcome:
    output: Path
    counts: dict[str, int]  # operations, models, skipped
    files: int
    changed: tuple[str, ...]
    stale: bool
    check: bool
    seconds: float
    warnings: int

    def summary(self) -> str:
        c = self.counts
        counts = (
            f"{c['operations']} operations, {c['models']} models, "
            f"{self.files} files, {c['skipped']} skipped, {c.get('numbered', 0)} numbered names, "
            f"{self.warnings} warnings, {self.seconds:.2f}s"
        )
        if self.check:
            state = f"stale: {len(self.changed)} file(s) differ" if self.stale else "up to date"
            return f"{self.output}: {state} ({counts})"
        verb = "wrote" if self.changed else "unchanged"
        return f"{self.output}: {verb} ({counts})"


class Progress:
    """Stage names on a TTY once a build has taken more than a second; silent otherwise."""

    def __init__(self, echo: Callable[[str], None]) -> None:
        self.echo = echo
        self.start = time.perf_counter()
        self.tty = sys.stderr.isatty()

    def stage(self, name: str) -> None:
        if self.tty and time.perf_counter() - self.start > 1.0:
            self.echo(f"  … {name} ({time.perf_counter() - self.start:.1f}s)")


def report(api: ir.Api, doc: Document) -> dict[str, Any]:
    """What the build generated and what it skipped and why (kept in the manifest)."""
    return {
        "generator": f"spiritme-gen {__version__}",
        "source_sha256": doc.sha256,
        "title": api.title,
        "api_version": api.version,
        "operations": len(api.operations),
        "models": sum(isinstance(s, ir.Model) for s in api.schemas),
        "enums": sum(isinstance(s, ir.Enum) for s in api.schemas),
        "skipped": [{"pointer": s.pointer, "reason": s.reason} for s in api.skipped],
    }


def run_build(settings: Settings, *, check: bool, strict: bool, echo: Callable[[str], None]) -> BuildOutcome:
    start = time.perf_counter()
    output = Path(str(settings.get("output")))
    raw, display = read_spec(settings)
    # files a document pulls in (--allow-file-refs) are not in its bytes: no fast path for those
    key = None if settings.get("allow-file-refs") else build_key(raw, settings, strict=strict)
    earlier = _up_to_date(key, output)
    if earlier is not None:
        for line in earlier.warnings:
            echo(line)
        return BuildOutcome(
            output,
            earlier.counts,
            len(previous_files(output)),
            (),
            False,
            check,
            time.perf_counter() - start,
            len(earlier.warnings),
        )
    with collector_paused():
        return _full_build(settings, raw, display, key, output, check=check, strict=strict, echo=echo, start=start)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a build: a build allocates millions of objects it keeps,
    and every collection would walk them all again (a quarter of the build's time on large
    documents). Reference counting still frees what is dropped; the state is restored after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _full_build(
    settings: Settings,
    raw: bytes,
    display: str,
    key: str | None,
    output: Path,
    *,
    check: bool,
    strict: bool,
    echo: Callable[[str], None],
    start: float,
) -> BuildOutcome:
    progress = Progress(echo)
    doc = load_raw(settings, raw, display)
    # openapi-spec-validator (seconds on large documents) runs in another process meanwhile;
    # nothing is written before its findings are in
    validation = start_validation(doc, strict=strict)
    own_errors = validation.errors()
    if own_errors:
        raise GeneratorError(own_errors[0].message, diagnostics=tuple(own_errors))
    progress.stage("parsing")
    try:
        api, parse_diagnostics = build_ir(doc.data, client_settings(settings), source=doc.source)
        progress.stage("rendering")
        sources = render_package(api)
    except GeneratorError:
        validated(validation)  # the validator's error names the cause better, when it has one
        raise
    progress.stage("formatting")
    sources = format_sources(sources)
    diagnostics = validated(validation) + parse_diagnostics
    if strict and parse_diagnostics:
        raise GeneratorError(parse_diagnostics[0].message, diagnostics=tuple(parse_diagnostics))
    lines = [_located(d, doc).format() for d in diagnostics]
    for line in lines:
        echo(line)
    facts = report(api, doc)
    sources[MANIFEST] = manifest_text(sources, facts)
    progress.stage("writing")
    result = write_tree(sources, output, check=check)
    if check and result.stale:
        for path in result.changed:
            echo(f"{output / path}: would change")
        for path in result.removed:
            echo(f"{output / path}: would be removed")
    counts = {
        "operations": facts["operations"],
        "models": len(api.schemas),
        "skipped": len(api.skipped),
        "numbered": len(api.numbered),
    }
    if key is not None and not (check and result.stale):
        record(
            key, sources[MANIFEST], counts, [line for d, line in zip(diagnostics, lines) if d.level is Level.WARNING]
        )
    return BuildOutcome(
        output=output,
        counts=counts,
        files=len(sources),
        changed=result.changed + result.removed,
        stale=check and result.stale,
        check=check,
        seconds=time.perf_counter() - start,
        warnings=sum(d.level is Level.WARNING for d in diagnostics),
    )


def _located(d: Diagnostic, doc: Document) -> Diagnostic:
    if d.line is None and doc.is_yaml and d.pointer:
        return Diagnostic(d.level, d.message, d.pointer, d.source, doc.line_of(d.pointer))
    return d


def _up_to_date(key: str | None, output: Path) -> Recorded | None:
    if key is None:
        return None
    try:
        manifest = (output / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return recorded(key, output, manifest)
