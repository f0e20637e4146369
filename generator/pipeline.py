"""The build pipeline end to end: source → load → validate → parse → render → format → write."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import __version__, ir, names
from .config import Settings
from .errors import Diagnostic, GeneratorError, Level
from .format import format_sources
from .load import Document, load_bytes
from .parse import ClientSettings, build_ir
from .render import render_package
from .sources import read_source
from .validate import validate_document
from .write import MANIFEST, manifest_text, write_tree


@dataclass(frozen=True)
class BuildOutcome:
    api: ir.Api
    output: Path
    files: int
    changed: tuple[str, ...]
    stale: bool
    check: bool
    seconds: float
    warnings: int

    def summary(self) -> str:
        counts = (
            f"{len(self.api.operations)} operations, {len(self.api.schemas)} models, "
            f"{self.files} files, {len(self.api.skipped)} skipped, {self.warnings} warnings, {self.seconds:.2f}s"
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


def load_source(settings: Settings) -> Document:
    spec = str(settings.get("spec"))
    raw, display = read_source(spec, token=os.environ.get("SPIRITME_API_KEY", ""))
    base_dir = None if "://" in spec or spec.startswith("git:") else Path(spec).resolve().parent
    return load_bytes(
        raw,
        source=display,
        max_bytes=int(settings.get("max-bytes")),
        allow_file_refs=bool(settings.get("allow-file-refs")),
        base_dir=base_dir,
    )


def load_and_validate(settings: Settings, *, strict: bool = False) -> tuple[Document, list[Diagnostic]]:
    """Load the configured spec and validate it; errors raise, warnings are returned."""
    doc = load_source(settings)
    diagnostics = validate_document(doc, strict=strict)
    errors = tuple(d for d in diagnostics if d.level is Level.ERROR)
    if errors:
        raise GeneratorError(errors[0].message, diagnostics=errors)
    return doc, diagnostics


def client_settings(settings: Settings) -> ClientSettings:
    package = names.package_name(str(settings.get("package-name")))
    class_name = names.class_name(str(settings.get("client-name")))
    base_url = str(settings.get("base-url") or "")
    return ClientSettings(package, class_name, package.upper(), base_url)


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
    progress = Progress(echo)
    doc, diagnostics = load_and_validate(settings, strict=strict)
    progress.stage("parsing")
    api, parse_diagnostics = build_ir(doc.data, client_settings(settings), source=doc.source)
    diagnostics = diagnostics + parse_diagnostics
    if strict and parse_diagnostics:
        raise GeneratorError(parse_diagnostics[0].message, diagnostics=tuple(parse_diagnostics))
    for d in diagnostics:
        if d.line is None and doc.is_yaml and d.pointer:
            d = Diagnostic(d.level, d.message, d.pointer, d.source, doc.line_of(d.pointer))
        echo(d.format())
    progress.stage("rendering")
    sources = render_package(api)
    progress.stage("formatting")
    sources = format_sources(sources)
    sources[MANIFEST] = manifest_text(sources, report(api, doc))
    progress.stage("writing")
    output = Path(str(settings.get("output")))
    result = write_tree(sources, output, check=check)
    if check and result.stale:
        for path in result.changed:
            echo(f"{output / path}: would change")
        for path in result.removed:
            echo(f"{output / path}: would be removed")
    return BuildOutcome(
        api=api,
        output=output,
        files=len(sources),
        changed=result.changed + result.removed,
        stale=check and result.stale,
        check=check,
        seconds=time.perf_counter() - start,
        warnings=sum(d.level is Level.WARNING for d in diagnostics),
    )
