"""The build pipeline end to end: source → load → validate → parse → render → format → write."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import multiprocessing
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from generator import __version__, ir
from generator.build.format import format_sources
from generator.build.freshness import Recorded, build_key, code_digest, record, recorded
from generator.build.plan import PlanMemory, PlannedFile, plan_files
from generator.build.write import (
    MANIFEST,
    WriteResult,
    _locked,
    manifest_text,
    previous_files,
    remove_leftovers,
    replace_tree,
    safe_relative,
    write_tree,
)
from generator.config import Settings, cache_dir
from generator.errors import Diagnostic, GeneratorError, Level
from generator.lifetime import can_fork, die_with_parent
from generator.parse import replay
from generator.parse.api import build_ir_replaying, client_settings
from generator.spec.document import load_raw, read_spec, validated
from generator.spec.load import Document
from generator.spec.reuse import Outline
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
    if not check:
        remove_leftovers(output)  # what a killed build left beside the output
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
    documents). Reference counting still frees what is dropped; the state is restored after.

    What is still alive after the build is moved to the oldest generation first: switched back on,
    the collector would otherwise walk it all at the next allocation (0.1 s on a large document)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
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
    loads = None if key is None else _store_path(output, "loads")
    doc = load_raw(settings, raw, display, _earlier_load(loads))
    if loads is not None and doc.outline is not None:
        _store(loads, (doc.outline.to_plain(), doc.data if doc.original is None else doc.original))
    # openapi-spec-validator (seconds on large documents) runs in another process meanwhile;
    # nothing is written before its findings are in
    validation = start_validation(doc, strict=strict)
    own_errors = validation.errors()
    if own_errors:
        raise GeneratorError(own_errors[0].message, diagnostics=tuple(own_errors))
    progress.stage("parsing")
    parses = None if key is None else _store_path(output, "parses")
    earlier_parse, earlier_plan = _earlier_parse(parses)
    try:
        api, parse_diagnostics, parsed = build_ir_replaying(
            doc.data, client_settings(settings), source=doc.source, key=code_digest(), earlier=earlier_parse
        )
        progress.stage("rendering")
        plan, planned = plan_files(api, earlier_plan)
    except GeneratorError:
        validated(validation)  # the validator's error names the cause better, when it has one
        raise
    except Exception:
        if validation.deferred:
            validated(validation)  # a document our checks refuse (checked meanwhile) may break the parser
        raise
    # what the next build reuses (the parse's record, the plan's digests: pickling them takes a
    # tenth of a second on a large document) is written by another process meanwhile
    kept = _keep_for_next(parses, lambda: replay.dumps(parsed.finish(), (planned.carried, planned.blocks)))
    try:
        progress.stage("formatting")
        sources = rendered_sources(plan, output)
        diagnostics = validated(validation) + parse_diagnostics
        if strict and parse_diagnostics:
            raise GeneratorError(parse_diagnostics[0].message, diagnostics=tuple(parse_diagnostics))
        lines = [_located(d, doc).format() for d in diagnostics]
        for line in lines:
            echo(line)
        facts = report(api, doc)
        sources[MANIFEST] = manifest_text(sources, facts)
        progress.stage("writing")
        result = write_changes(sources, output, check=check)
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
    finally:
        kept()


def _keep_for_next(path: Path | None, make: Callable[[], bytes]) -> Callable[[], None]:
    """Write ``make()`` to ``path`` in a forked process when one can be forked (else here, now);
    returns what waits for it: the command never ends before it has written or failed."""
    if path is None:
        return lambda: None
    if not can_fork():
        _store_bytes(path, make())
        return lambda: None
    keeper = multiprocessing.get_context("fork").Process(target=_keep, args=(path, make), daemon=True)
    keeper.start()
    return keeper.join


def _keep(path: Path, make: Callable[[], bytes]) -> None:
    die_with_parent()
    _store_bytes(path, make())


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


# ----------------------------------------------------------------------------- a rebuild costs what the change costs

PARALLEL_FILES = 64  # files to render and format; below it a second process costs more than it saves
_PLANNED: list[PlannedFile] = []  # what a forked worker renders: it inherits the parent's memory


def rendered_sources(plan: list[PlannedFile], output: Path) -> dict[str, str]:
    """Every planned file rendered and formatted, each taken from the previous build of ``output``
    when its key (everything its text depends on) is unchanged; the rest rendered and formatted
    here, half of them in a forked process when there are many."""
    store = _store_path(output)
    earlier = _stored(store)
    if not isinstance(earlier, dict):
        earlier = {}
    texts: dict[str, str] = {}
    todo: list[PlannedFile] = []
    for planned in plan:
        hit = earlier.get(planned.key)
        if hit is None:
            todo.append(planned)
        else:
            texts[planned.path] = hit
    texts.update(_render_and_format(todo))
    _store(store, {planned.key: texts[planned.path] for planned in plan})
    return {planned.path: texts[planned.path] for planned in plan}


def _render_and_format(todo: list[PlannedFile]) -> dict[str, str]:
    global _PLANNED
    if len(todo) < PARALLEL_FILES or not can_fork():
        return _formatted(todo, range(len(todo)))
    import concurrent.futures  # only when a build renders many files

    _PLANNED = todo
    mine, others = _halves(todo)
    try:
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=1, mp_context=context, initializer=die_with_parent
        ) as pool:
            theirs = pool.submit(_formatted_in_child, others)
            ours = _formatted(todo, mine)
            outcome = theirs.result()
    finally:
        _PLANNED = []
    if isinstance(outcome, tuple):
        message, source, line = outcome
        raise GeneratorError(message, source=source, line=line)
    return {**ours, **outcome}


def _halves(todo: list[PlannedFile]) -> tuple[list[int], list[int]]:
    """The files split in two of about equal work: largest first, each to the lighter half."""
    halves: tuple[list[int], list[int]] = ([], [])
    loads = [0, 0]
    for i in sorted(range(len(todo)), key=lambda i: -todo[i].weight):
        lighter = 0 if loads[0] <= loads[1] else 1
        halves[lighter].append(i)
        loads[lighter] += todo[i].weight + 1
    return sorted(halves[0]), sorted(halves[1])


def _formatted(todo: list[PlannedFile], indices: Sequence[int]) -> dict[str, str]:
    return format_sources({todo[i].path: todo[i].render() for i in indices})


def _formatted_in_child(indices: Sequence[int]) -> dict[str, str] | tuple[str, str, int | None]:
    """A forked worker's share; a GeneratorError comes back as its parts (it does not pickle whole)."""
    try:
        return _formatted(_PLANNED, indices)
    except GeneratorError as exc:
        first = exc.diagnostics[0]
        return str(exc), first.source, first.line


def _store_path(output: Path, kind: str = "renders") -> Path:
    """What the last build of ``output`` left for the next: its texts by key ("renders"), its
    document's outline and data ("loads"), the record of its parse ("parses"); one file of each per
    output folder: they never grow."""
    where = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:32]
    return cache_dir() / kind / f"{where}.{'pickle' if kind == 'parses' else 'marshal'}"


def _stored(path: Path) -> Any:
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _earlier_load(path: Path | None) -> tuple[Outline, Any] | None:
    """The outline and data of the document the last build of this output loaded (the load
    reuses what did not change), or None."""
    stored = None if path is None else _stored(path)
    if not (isinstance(stored, tuple) and len(stored) == 2):
        return None
    outline = Outline.from_plain(stored[0])
    return None if outline is None else (outline, stored[1])


def _earlier_parse(path: Path | None) -> tuple[replay.Record | None, PlanMemory | None]:
    """The record of the parse the last build of this output made and what its plan kept (parts
    of both are reused), or None."""
    try:
        found = None if path is None else replay.loads(path.read_bytes())
    except OSError:
        found = None
    if found is None:
        return None, None
    record, extra = found
    try:
        carried, blocks = extra
        memory = PlanMemory(list(carried), dict(blocks))
    except (TypeError, ValueError):
        memory = None
    return record, memory


def _store(path: Path, value: Any) -> None:
    """Write atomically; a cache that cannot be written only costs time."""
    try:
        data = marshal.dumps(value)
    except ValueError:
        return
    _store_bytes(path, data)


def _store_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def write_changes(sources: dict[str, str], output: Path, *, check: bool) -> WriteResult:
    """``write_tree``, except that when a previous build is in ``output`` and few files differ,
    only those are written (each atomically, the manifest last) instead of the whole tree.

    A run stopped half way leaves a manifest that does not match the files, which the next
    build notices (its fast path compares them) and rebuilds.
    """
    found = write_tree(sources, output, check=True)
    if check or not found.stale:
        return found
    if MANIFEST not in previous_files(output) or len(found.changed) + len(found.removed) > len(sources) // 4:
        return replace_tree(sources, output, found)
    for path in sources:
        safe_relative(path)
    with _locked(output):
        for path in [p for p in found.changed if p != MANIFEST] + [MANIFEST] * (MANIFEST in found.changed):
            _write_file(output / path, sources[path])
        for path in found.removed:
            (output / path).unlink(missing_ok=True)
    return WriteResult(found.changed, found.removed, written=True)


def _write_file(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
