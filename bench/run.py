"""Side-by-side benchmark of spiritme-gen and openapi-python-client on real documents; writes bench/RESULTS.md."""

from __future__ import annotations

import argparse
import contextlib
import copy
import cProfile
import datetime
import http.server
import importlib.metadata
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
OPC_VENV = REPO / "bench" / ".venv-opc"
OPC_VERSION = "0.29.1"  # the version the targets are stated against
DEFAULT_OUTPUT = REPO / "bench" / "RESULTS.md"
DOCS: dict[str, tuple[Path, ...]] = {
    "spiritme": (REPO / "specs" / "spiritme.yaml", SHARED / "upstream" / "spiritme-openapi.yaml"),
    "authentik": (SHARED / "corpus" / "authentik.yaml",),
    "label-studio": (SHARED / "corpus" / "label-studio.yaml",),
    "github": (SHARED / "corpus" / "github-api.github.com.json",),
}
DEFAULT_DOCS = ("spiritme", "authentik", "label-studio", "github")
BUILD_RATIO_TARGET_DOCS = ("authentik", "label-studio")  # the targets name these two
BUILD_RATIO_TARGET = 0.25
CHECK_TARGET_S = 1.0
DIFF_TARGET_S = 2.0
PARSE_SPEEDUP_TARGET = 3.0
REQUEST_RATIO_TARGET = 1.15
CHILD_TIMEOUT_S = 1800.0
PROFILE_TOP = 12
EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception)\b:")
FRAME_LINE = re.compile(r'^File "([^"]+)", line (\d+)')


# ----------------------------------------------------------------------------- measuring children


@dataclass
class Sample:
    """One child process: wall and CPU seconds (user+sys, its waited-for descendants included), peak RSS."""

    wall: float
    cpu: float
    rss_mb: float
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def measured(
    cmd: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = CHILD_TIMEOUT_S
) -> Sample:
    """Run ``cmd`` to completion and read its resource usage from ``wait4`` (never raises for a failing child)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(list(cmd), stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, cwd=cwd)
        except OSError as exc:
            return Sample(0.0, 0.0, 0.0, 127, "", f"cannot start {cmd[0]}: {exc}")
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Sample(
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            rss_mb=usage.ru_maxrss / 1024.0,  # Linux reports KiB; wait4 covers the child's reaped descendants too
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


def first_error_line(sample: Sample) -> str:
    """The line of a failed run that says why: the first mentioning an error, else the first non-empty one."""
    lines = [ln.strip() for ln in (sample.stderr + "\n" + sample.stdout).splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.startswith(("│", "╭", "╰"))]  # rich's traceback boxes
    for i in range(len(lines) - 1, -1, -1):
        if EXCEPTION_LINE.match(lines[i]):  # a traceback's last words, maybe wrapped over several lines
            frames = [FRAME_LINE.match(ln) for ln in lines[:i]]
            where = [f"{m.group(1)}:{m.group(2)}" for m in frames if m]
            return " ".join(lines[i:]) + (f" (at {where[-1]})" if where else "")
    for line in lines:
        if "error" in line.lower():
            return line
    return lines[0] if lines else f"exit code {sample.returncode}"


@dataclass
class Series:
    """Repeated runs of one (tool, document) cell."""

    samples: list[Sample] = field(default_factory=list)
    note: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.samples) and all(s.ok for s in self.samples)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss(self) -> float:
        return max(s.rss_mb for s in self.samples)

    def status(self) -> str:
        if not self.samples:
            return self.note or "not run"
        failed = [s for s in self.samples if not s.ok]
        if failed:
            return f"failed ({len(failed)}/{len(self.samples)}): {first_error_line(failed[0])}"
        return "ok" + (f" ({self.note})" if self.note else "")


# ----------------------------------------------------------------------------- small helpers


class Scrubber:
    """Replaces machine paths in text bound for RESULTS.md with placeholders."""

    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []

    def add(self, path: Path, label: str) -> None:
        self.pairs.append((str(path), label))
        self.pairs.sort(key=lambda p: -len(p[0]))

    def __call__(self, text: str, limit: int = 160) -> str:
        for raw, label in self.pairs:
            text = text.replace(raw, label)
        text = text.replace("|", "\\|").replace("\n", " ")
        return text if len(text) <= limit else text[: limit - 1] + "…"


SCRUB = Scrubber()


def resolve_doc(name: str) -> Path | None:
    """A known document name (first existing candidate), or a path given on the command line."""
    for candidate in DOCS.get(name, (Path(name),)):
        if candidate.is_file():
            return candidate.resolve()
    return None


def ours_command() -> list[str]:
    script = Path(sys.executable).parent / "spiritme-gen"
    return [str(script)] if script.exists() else [sys.executable, "-m", "generator.cli"]


def package_name_for(doc: str) -> str:
    return "spiritme" if doc == "spiritme" else "bench_" + "".join(c if c.isalnum() else "_" for c in doc)


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def verdict(met: bool | None) -> str:
    return {True: "met", False: "**not met**", None: "—"}[met]


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def fresh_dir(root: Path, name: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=name + "-", dir=root))
    return path


def child_json(sample: Sample) -> dict[str, Any]:
    """The JSON object a helper child printed last, or an ``error`` entry."""
    if not sample.ok:
        return {"error": first_error_line(sample)}
    try:
        return dict(json.loads(sample.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError) as exc:
        return {"error": f"unreadable child output ({exc})"}


# ----------------------------------------------------------------------------- openapi-python-client


@dataclass
class Opc:
    """The openapi-python-client installation in its own virtual environment (or why there is none)."""

    python: Path | None
    version: str
    note: str

    @property
    def available(self) -> bool:
        return self.python is not None

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        # its post hooks call `ruff` by name: it must find the ruff installed beside it
        env["PATH"] = str(OPC_VENV / "bin") + os.pathsep + env.get("PATH", "")
        env.pop("PYTHONPATH", None)
        return env

    def generate(self, doc: Path, output: Path, cwd: Path) -> Sample:
        exe = OPC_VENV / "bin" / "openapi-python-client"
        cmd = [str(exe), "generate", "--path", str(doc), "--output-path", str(output), "--overwrite", "--meta", "none"]
        return measured(cmd, env=self.env(), cwd=cwd)


def ensure_opc(log: Callable[[str], None]) -> Opc:
    """Create ``bench/.venv-opc`` with openapi-python-client once; reuse it afterwards."""
    exe = OPC_VENV / "bin" / "openapi-python-client"
    python = OPC_VENV / "bin" / "python"
    try:
        if not exe.exists():
            log("installing openapi-python-client into bench/.venv-opc (once) …")
            subprocess.run([sys.executable, "-m", "venv", str(OPC_VENV)], check=True, capture_output=True, timeout=300)
            subprocess.run(
                [str(python), "-m", "pip", "install", "--quiet", f"openapi-python-client=={OPC_VERSION}"],
                check=True,
                capture_output=True,
                timeout=1200,
            )
        version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=120).stdout.strip()
        ruff = subprocess.run(
            [str(OPC_VENV / "bin" / "ruff"), "--version"], capture_output=True, text=True, timeout=120
        ).stdout.strip()
        return Opc(python, f"{version.split()[-1] if version else '?'} ({ruff or 'ruff missing'})", "")
    except (OSError, subprocess.SubprocessError) as exc:
        detail = (
            exc.stderr.decode("utf-8", "replace")
            if isinstance(exc, subprocess.CalledProcessError) and exc.stderr
            else str(exc)
        )
        return Opc(None, "", "install failed: " + (detail.strip().splitlines() or ["?"])[-1])


# ----------------------------------------------------------------------------- full builds


@dataclass
class DocResult:
    name: str
    path: Path
    ours: Series = field(default_factory=Series)
    opc: Series = field(default_factory=Series)
    check_warm: Series = field(default_factory=Series)
    check_cold: Series = field(default_factory=Series)
    summary: str = ""


def build_ours(doc: Path, output: Path, package: str, cache: Path, cwd: Path, *, check: bool = False) -> Sample:
    env = dict(os.environ, SPIRITME_GEN_CACHE_DIR=str(cache))
    cmd = ours_command() + ["build", "--spec", str(doc), "--output", str(output), "--package-name", package]
    return measured(cmd + (["--check"] if check else []), env=env, cwd=cwd)


def bench_document(name: str, doc: Path, runs: int, opc: Opc, work: Path, log: Callable[[str], None]) -> DocResult:
    """Cold builds with both tools, alternating which goes first, then ``build --check`` on the last output."""
    result = DocResult(name, doc)
    package = package_name_for(name)
    last_output: Path | None = None
    last_cache: Path | None = None
    if not opc.available:
        result.opc.note = "skipped (--no-opc)" if not opc.note else opc.note
    for i in range(runs):
        order = ("ours", "opc") if i % 2 == 0 else ("opc", "ours")
        for tool in order:
            if tool == "ours":
                if last_output is not None:
                    shutil.rmtree(last_output.parent, ignore_errors=True)
                run_dir = fresh_dir(work, f"ours-{name}")
                cache, output = run_dir / "cache", run_dir / "out"
                sample = build_ours(doc, output, package, cache, run_dir)
                result.ours.samples.append(sample)
                last_output, last_cache = output, cache
                if sample.ok:
                    result.summary = sample.stdout.strip().splitlines()[-1] if sample.stdout.strip() else ""
                log(f"  {name} spiritme-gen run {i + 1}: {sample.wall:.2f}s rc={sample.returncode}")
            elif opc.available:
                run_dir = fresh_dir(work, f"opc-{name}")
                sample = opc.generate(doc, run_dir / package, run_dir)
                result.opc.samples.append(sample)
                if sample.ok and "warning" in (sample.stdout + sample.stderr).lower():
                    result.opc.note = "with warnings: some endpoints skipped"
                shutil.rmtree(run_dir, ignore_errors=True)
                log(f"  {name} openapi-python-client run {i + 1}: {sample.wall:.2f}s rc={sample.returncode}")
    if last_output is not None and last_cache is not None and result.ours.ok:
        for _ in range(runs):
            result.check_warm.samples.append(
                build_ours(doc, last_output, package, last_cache, last_output.parent, check=True)
            )
        cold = fresh_dir(work, "cache")  # once: it costs a full build
        result.check_cold.samples.append(build_ours(doc, last_output, package, cold, last_output.parent, check=True))
        shutil.rmtree(cold, ignore_errors=True)
    else:
        result.check_warm.note = result.check_cold.note = "no build to check"
    if last_output is not None:
        shutil.rmtree(last_output.parent, ignore_errors=True)
    return result


def build_section(results: list[DocResult]) -> list[str]:
    rows = []
    for r in results:
        size = f"{r.path.stat().st_size / 1e6:.2f} MB"
        ratio = rss_ratio = None
        if r.ours.ok and r.opc.ok:
            ratio, rss_ratio = r.ours.wall / r.opc.wall, r.ours.rss / r.opc.rss
        targeted = r.name in BUILD_RATIO_TARGET_DOCS
        met = None
        if targeted:
            met = ratio is not None and rss_ratio is not None and ratio <= BUILD_RATIO_TARGET and rss_ratio <= 1.0
        rows.append(
            [
                r.name,
                size,
                fmt_s(r.ours.wall) if r.ours.samples else "—",
                fmt_s(r.ours.cpu) if r.ours.samples else "—",
                f"{r.ours.rss:.0f} MB" if r.ours.samples else "—",
                SCRUB(r.ours.status()),
                fmt_s(r.opc.wall) if r.opc.samples else "—",
                fmt_s(r.opc.cpu) if r.opc.samples else "—",
                f"{r.opc.rss:.0f} MB" if r.opc.samples else "—",
                SCRUB(r.opc.status()),
                fmt_ratio(ratio),
                fmt_ratio(rss_ratio),
                f"≤ {BUILD_RATIO_TARGET}× wall, ≤ 1× RSS: {verdict(met)}" if targeted else "— (informational)",
            ]
        )
    header = [
        "document",
        "size",
        "ours wall",
        "ours CPU",
        "ours peak RSS",
        "ours status",
        "opc wall",
        "opc CPU",
        "opc peak RSS",
        "opc status",
        "wall ratio (ours/opc)",
        "RSS ratio",
        "target",
    ]
    out = table(header, rows)
    summaries = [f"- {r.name}: `{SCRUB(r.summary, 300)}`" for r in results if r.summary]
    if summaries:
        out += ["", "What spiritme-gen reported (last cold run):", ""] + summaries
    return out


def startup_series(runs: int) -> Series:
    """The floor under any command: a fresh interpreter importing the whole pipeline (black, jinja2, validators)."""
    imports = "import generator.cli, generator.build.pipeline, generator.spec.validate, generator.build.render, generator.build.format"
    return Series([measured([sys.executable, "-c", imports]) for _ in range(max(3, runs))])


def check_section(results: list[DocResult], startup: Series) -> list[str]:
    rows = [
        [
            "(any)",
            "interpreter start + pipeline imports only",
            fmt_s(startup.wall),
            fmt_s(startup.cpu),
            f"{startup.rss:.0f} MB",
            SCRUB(startup.status()),
            "— (the floor under every command)",
        ]
    ]
    for r in results:
        for label, series in (("warm (cache of the build)", r.check_warm), ("cold (empty cache; 1 run)", r.check_cold)):
            status = series.status()
            if any(s.returncode == 1 for s in series.samples):
                status = "STALE: the unchanged output would change — " + status
            met = series.ok and series.wall <= CHECK_TARGET_S if series.samples else None
            rows.append(
                [
                    r.name,
                    label,
                    fmt_s(series.wall) if series.samples else "—",
                    fmt_s(series.cpu) if series.samples else "—",
                    f"{series.rss:.0f} MB" if series.samples else "—",
                    SCRUB(status),
                    f"≤ {CHECK_TARGET_S:.0f} s: {verdict(met)}",
                ]
            )
    return table(["document", "cache", "wall", "CPU", "peak RSS", "status", "target"], rows)


# ----------------------------------------------------------------------------- diff


def mutated_document(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A second version of ``data``: one operation removed, one property removed, one required property added."""
    new = copy.deepcopy(data)
    done: list[str] = []
    paths = new.get("paths") or {}
    for path in sorted(paths):
        item = paths[path]
        methods = [m for m in ("get", "put", "post", "delete", "patch") if isinstance(item, dict) and m in item]
        if methods:
            del item[methods[0]]
            done.append(f"removed operation {methods[0].upper()} {path}")
            break
    schemas = (new.get("components") or {}).get("schemas") or {}
    candidates = [
        n for n in sorted(schemas) if isinstance(schemas[n], dict) and len(schemas[n].get("properties") or {}) >= 2
    ]
    if candidates:
        removed_from = candidates[0]
        prop = sorted(schemas[removed_from]["properties"])[0]
        del schemas[removed_from]["properties"][prop]
        if prop in (schemas[removed_from].get("required") or []):
            schemas[removed_from]["required"].remove(prop)
        done.append(f"removed property {removed_from}.{prop}")
        added_to = candidates[-1]
        schemas[added_to]["properties"]["bench_added"] = {"type": "string"}
        schemas[added_to]["required"] = list(schemas[added_to].get("required") or []) + ["bench_added"]
        done.append(f"added required property {added_to}.bench_added")
    new.setdefault("info", {})["version"] = str((new.get("info") or {}).get("version", "0")) + "-bench"
    return new, done


def write_like(original: Path, data: dict[str, Any], target_dir: Path) -> Path:
    """``data`` written in the original's format (YAML with the C dumper when available, or JSON)."""
    if original.suffix == ".json":
        target = target_dir / ("new" + original.suffix)
        target.write_text(json.dumps(data, indent=1), encoding="utf-8")
        return target
    import yaml  # type: ignore[import-untyped, unused-ignore]

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    target = target_dir / ("new" + original.suffix)
    target.write_text(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def read_data(path: Path) -> dict[str, Any]:
    if path.suffix == ".json":
        return dict(json.loads(path.read_text(encoding="utf-8")))
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return dict(yaml.load(path.read_text(encoding="utf-8"), Loader=loader))


def diff_available() -> bool:
    probe = measured(ours_command() + ["diff", "--help"], timeout=120)
    return probe.ok


def diff_section(docs: list[tuple[str, Path]], runs: int, work: Path, log: Callable[[str], None]) -> list[str]:
    if not diff_available():
        log("diff: not available")
        return ["diff: not available (`spiritme-gen diff` does not exist yet)."]
    rows = []
    for name, path in docs:
        try:
            folder = fresh_dir(work, f"diff-{name}")
            new_data, mutations = mutated_document(read_data(path))
            new_path = write_like(path, new_data, folder)
        except Exception as exc:  # a document we cannot mutate is a failed row, not a failed benchmark
            rows.append([name, "—", "—", "—", SCRUB(f"failed to prepare: {type(exc).__name__}: {exc}"), "—"])
            continue
        series = Series()
        for _ in range(runs):
            cache = fresh_dir(work, "cache")
            env = dict(os.environ, SPIRITME_GEN_CACHE_DIR=str(cache))
            cmd = ours_command() + ["diff", str(path), str(new_path), "--format", "json"]
            sample = measured(cmd, env=env, cwd=folder)
            if sample.returncode == 1:  # the documented "--fail-on matched" outcome is a successful diff here
                sample.returncode = 0
            series.samples.append(sample)
            shutil.rmtree(cache, ignore_errors=True)
        found = "—"
        if series.ok:
            try:
                report = json.loads(series.samples[-1].stdout)
                summary = report.get("summary", {})
                found = (
                    f"{len(report.get('changes', []))} changes ({summary.get('breaking', '?')} breaking, "
                    f"{summary.get('warning', '?')} warning, {summary.get('info', '?')} info)"
                )
            except ValueError as exc:
                series.note = f"output is not JSON ({exc})"
        met = series.ok and series.wall <= DIFF_TARGET_S
        rows.append(
            [
                name,
                fmt_s(series.wall),
                f"{series.rss:.0f} MB",
                SCRUB(found + "; made: " + "; ".join(mutations), 300),
                SCRUB(series.status()),
                f"≤ {DIFF_TARGET_S:.0f} s: {verdict(met)}",
            ]
        )
        shutil.rmtree(folder, ignore_errors=True)
        log(f"  diff {name}: {series.wall:.2f}s")
    return table(["document", "wall (cold cache)", "peak RSS", "changes found / made", "status", "target"], rows)


# ----------------------------------------------------------------------------- rebuild after a small change

REBUILD_RATIO_TARGET = 0.20
REBUILD_TARGET_DOCS = ("authentik",)  # the target names this one
SCALE_FACTORS = (1, 4, 16)
SCALE_GROWTH_TARGET = 1.25
ADDED_PROPERTY = "bench_rebuild_added"


def with_added_property(data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``data`` with one optional string property added to one schema (the first, by name, with
    at least two properties), and what was done."""
    new = copy.deepcopy(data)
    schemas = (new.get("components") or {}).get("schemas") or {}
    name = next(
        n for n in sorted(schemas) if isinstance(schemas[n], dict) and len(schemas[n].get("properties") or {}) >= 2
    )
    schemas[name]["properties"][ADDED_PROPERTY] = {"type": "string", "description": "Added by the benchmark."}
    return new, f"added property {name}.{ADDED_PROPERTY}"


def write_as(original: Path, data: dict[str, Any], target: Path) -> Path:
    """``data`` at ``target`` (the original's suffix) in the original's format."""
    written = write_like(original, data, target.parent)
    return written.rename(target.with_suffix(original.suffix))


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


@dataclass
class RebuildResult:
    name: str
    cold: Series = field(default_factory=Series)
    warm: Series = field(default_factory=Series)
    identical: bool | None = None
    change: str = ""
    note: str = ""


def bench_rebuild(name: str, doc: Path, runs: int, work: Path, log: Callable[[str], None]) -> RebuildResult:
    """Per run: a cold build of the document (re-serialized, as the changed one is), then a rebuild
    of the document with one property added, into the same folder with the same cache. Once: a
    cold build of the changed document, compared byte for byte with the rebuild's output."""
    result = RebuildResult(name)
    package = package_name_for(name)
    data = read_data(doc)
    changed_data, result.change = with_added_property(data)
    folder = fresh_dir(work, f"rebuild-{name}")
    base = write_as(doc, data, folder / "base")
    changed = write_as(doc, changed_data, folder / "changed")
    last_output: Path | None = None
    for i in range(runs):
        run_dir = fresh_dir(folder, "run")
        cache, output = run_dir / "cache", run_dir / "out"
        result.cold.samples.append(build_ours(base, output, package, cache, run_dir))
        result.warm.samples.append(build_ours(changed, output, package, cache, run_dir))
        log(
            f"  rebuild {name} run {i + 1}: cold {result.cold.samples[-1].wall:.2f}s, warm {result.warm.samples[-1].wall:.2f}s"
        )
        if last_output is not None:
            shutil.rmtree(last_output.parent, ignore_errors=True)
        last_output = output
    if last_output is not None and result.warm.ok:
        reference = fresh_dir(folder, "cold-changed")
        check = build_ours(changed, reference / "out", package, reference / "cache", reference)
        if check.ok:
            result.identical = tree_bytes(last_output) == tree_bytes(reference / "out")
        else:
            result.note = "cold build of the changed document failed: " + first_error_line(check)
    shutil.rmtree(folder, ignore_errors=True)
    return result


def rebuild_section(results: list[RebuildResult]) -> list[str]:
    rows = []
    for r in results:
        ratio = r.warm.wall / r.cold.wall if r.cold.ok and r.warm.ok else None
        targeted = r.name in REBUILD_TARGET_DOCS
        met = None if not targeted else ratio is not None and ratio <= REBUILD_RATIO_TARGET and r.identical is True
        same = {True: "byte-identical", False: "**differs**", None: "not compared"}[r.identical]
        rows.append(
            [
                r.name,
                r.change,
                fmt_s(r.cold.wall) if r.cold.samples else "—",
                fmt_s(r.warm.wall) if r.warm.samples else "—",
                fmt_s(r.warm.cpu) if r.warm.samples else "—",
                f"{r.warm.rss:.0f} MB" if r.warm.samples else "—",
                fmt_ratio(ratio),
                SCRUB(same + (f"; {r.note}" if r.note else "") + ("" if r.warm.ok else "; " + r.warm.status())),
                f"≤ {REBUILD_RATIO_TARGET}× of cold: {verdict(met)}" if targeted else "— (informational)",
            ]
        )
    header = [
        "document",
        "change",
        "cold build",
        "rebuild wall",
        "rebuild CPU",
        "rebuild peak RSS",
        "ratio (rebuild/cold)",
        "output vs a cold build of the changed document",
        "target",
    ]
    return table(header, rows) + [
        "",
        "Cold: an empty cache and output folder. Rebuild: the changed document into the same folder with the "
        "cache the cold build left. Only the YAML entries whose lines changed are parsed again; only the parts "
        "of the parse (operations, component views) whose inputs changed run again, the rest replayed from the "
        "last build's record; only the plan blocks (a schema's module, a resource's module and tests) whose "
        "inputs' digests changed are made again; only the files whose keys changed are rendered, formatted and "
        "written. What is paid for the whole document: the interpreter and imports, loading the record, our "
        "checks and the validator (beside the rest, in a forked worker), and the passes over the whole API.",
    ]


# ----------------------------------------------------------------------------- cost against size


def scaled_document(data: dict[str, Any], copies: int) -> dict[str, Any]:
    """``data`` with its operations and schemas ``copies`` times: copy ``i`` under ``/copy{i}`` paths,
    ``Copy{i}``-suffixed schema names (its refs rewritten to them), suffixed operationIds and tags."""
    if copies == 1:
        return data
    out = copy.deepcopy(data)
    paths, schemas = data.get("paths") or {}, (data.get("components") or {}).get("schemas") or {}
    refs = {f"#/components/schemas/{n}": n for n in schemas}
    for i in range(1, copies):
        suffix = f"Copy{i}"

        def renamed(node: Any) -> Any:
            if isinstance(node, dict):
                got = {k: renamed(v) for k, v in node.items()}
                ref = node.get("$ref")
                if isinstance(ref, str) and ref in refs:
                    got["$ref"] = f"#/components/schemas/{refs[ref]}{suffix}"
                if isinstance(node.get("operationId"), str):
                    got["operationId"] = f"{node['operationId']}_copy{i}"
                if isinstance(node.get("tags"), list):
                    got["tags"] = [f"{t}_copy{i}" if isinstance(t, str) else t for t in node["tags"]]
                return got
            if isinstance(node, list):
                return [renamed(v) for v in node]
            return node

        for path, item in paths.items():
            out["paths"][f"/copy{i}{path}"] = renamed(item)
        for name, schema in schemas.items():
            out["components"]["schemas"][f"{name}{suffix}"] = renamed(schema)
    return out


@dataclass
class ScaleRow:
    factor: int
    operations: int = 0
    schemas: int = 0
    size_mb: float = 0.0
    sample: Sample | None = None


def bench_scaling(
    name: str, doc: Path, factors: Sequence[int], work: Path, log: Callable[[str], None]
) -> list[ScaleRow]:
    """One cold build of each scaled copy of ``doc`` (written as JSON)."""
    data = read_data(doc)
    rows = []
    for factor in factors:
        folder = fresh_dir(work, f"scale-{factor}")
        scaled = scaled_document(data, factor)
        spec = folder / f"{name}-x{factor}.json"
        spec.write_text(json.dumps(scaled), encoding="utf-8")
        row = ScaleRow(factor, size_mb=spec.stat().st_size / 1e6)
        row.schemas = len((scaled.get("components") or {}).get("schemas") or {})
        del scaled
        row.sample = build_ours(spec, folder / "out", f"bench_x{factor}", folder / "cache", folder)
        match = re.search(r"\((\d+) operations", row.sample.stdout)
        row.operations = int(match.group(1)) if match else 0
        log(f"  scale x{factor}: {row.sample.wall:.2f}s, {row.sample.rss_mb:.0f} MB, rc={row.sample.returncode}")
        shutil.rmtree(folder, ignore_errors=True)
        rows.append(row)
    return rows


def scaling_section(name: str, rows: list[ScaleRow]) -> list[str]:
    base = next((r for r in rows if r.factor == 1 and r.sample and r.sample.ok and r.operations), None)
    out_rows = []
    verdicts = []
    for r in rows:
        s = r.sample
        if s is None or not s.ok or not r.operations:
            out_rows.append(
                [
                    f"{r.factor}×",
                    "—",
                    "—",
                    "—",
                    "—",
                    "—",
                    "—",
                    "—",
                    "—",
                    SCRUB(Series([s]).status() if s else "not run"),
                ]
            )
            continue
        per = (s.wall / r.operations, s.cpu / r.operations, s.rss_mb / r.operations)
        growth = ["—", "—"]
        if base is not None and base.sample is not None:
            b = (base.sample.cpu / base.operations, base.sample.rss_mb / base.operations)
            g = (per[1] / b[0], per[2] / b[1])
            growth = [fmt_ratio(g[0]), fmt_ratio(g[1])]
            if r.factor == max(f.factor for f in rows):
                verdicts.append(g[0] <= SCALE_GROWTH_TARGET and g[1] <= SCALE_GROWTH_TARGET)
        out_rows.append(
            [
                f"{r.factor}×",
                f"{r.operations:,} / {r.schemas:,}",
                f"{r.size_mb:.1f} MB",
                fmt_s(s.wall),
                fmt_s(s.cpu),
                f"{s.rss_mb:.0f} MB",
                f"{per[0] * 1e3:.2f} ms / {per[1] * 1e3:.2f} ms",
                f"{per[2] * 1e3:.0f} kB",
                " / ".join(growth),
                "ok",
            ]
        )
    met = verdicts[-1] if verdicts else None
    header = [
        "size",
        "operations / schemas",
        "document",
        "wall",
        "CPU",
        "peak RSS",
        "per operation: wall / CPU",
        "peak RSS per operation",
        "growth over 1×: CPU / RSS per operation",
        "status",
    ]
    return table(header, out_rows) + [
        "",
        f"Synthetic documents: {name}'s paths and schemas copied under `/copy{{i}}` paths and `Copy{{i}}` schema "
        "names (refs, operationIds and tags renamed with them), written as JSON; one cold build each. "
        f"Target: at the largest size neither CPU seconds nor peak memory per operation more than "
        f"{SCALE_GROWTH_TARGET}× the 1× figure (CPU rather than wall: other work on the machine moves wall "
        f"times more than the size does): {verdict(met)}.",
    ]


# ----------------------------------------------------------------------------- the generated client


def example_value(schema: Any, root: dict[str, Any], index: int, depth: int = 0) -> Any:
    """A deterministic JSON value for a raw OpenAPI schema (refs resolved; every property filled to a depth)."""
    if not isinstance(schema, dict):
        return "value"
    if "$ref" in schema:
        target: Any = root
        for token in schema["$ref"].lstrip("#/").split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        return example_value(target, root, index, depth)
    for key in ("allOf", "oneOf", "anyOf"):
        if schema.get(key):
            if key == "allOf" and len(schema[key]) > 1:
                merged: dict[str, Any] = {}
                for part in schema[key]:
                    value = example_value(part, root, index, depth)
                    if isinstance(value, dict):
                        merged.update(value)
                return merged
            return example_value(schema[key][0], root, index, depth)
    if schema.get("enum"):
        values = [v for v in schema["enum"] if v is not None]
        return values[index % len(values)] if values else None
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), "string") if isinstance(kind, list) else kind
    if kind == "object" or "properties" in schema:
        props = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        return {
            name: example_value(sub, root, index, depth + 1)
            for name, sub in props.items()
            if depth < 4 or name in required
        }
    if kind == "array":
        return [] if depth >= 4 else [example_value(schema.get("items"), root, index, depth + 1)]
    if kind == "integer":
        return index
    if kind == "number":
        return 0.5 + index % 7
    if kind == "boolean":
        return index % 2 == 0
    fmt = schema.get("format")
    if fmt == "date-time":
        return f"2024-06-{1 + index % 28:02d}T12:{index % 60:02d}:00Z"
    if fmt == "date":
        return f"2024-06-{1 + index % 28:02d}"
    if fmt in ("uri", "url"):
        return f"https://cdn.example.com/videos/{index}.mp4"
    if fmt == "uuid":
        return f"123e4567-e89b-12d3-a456-{index:012d}"
    if fmt == "email":
        return f"user{index}@example.com"
    return f"text {index}"


def paginated_video_list(doc: Path, items: int) -> tuple[bytes, bytes]:
    """A ``PaginatedVideoList`` response of ``items`` videos, and one ``Video`` on its own."""
    data = read_data(doc)
    schemas = data["components"]["schemas"]
    videos = [example_value(schemas["Video"], data, i) for i in range(items)]
    page = {
        "count": items,
        "next": "https://api.example.com/api/videos/?limit=100&offset=100",
        "previous": None,
        "results": videos,
    }
    return json.dumps(page).encode(), json.dumps(videos[1]).encode()


PARSE_OURS = """
import gc, json, statistics, sys, time, typing
import pydantic
from typing_extensions import NotRequired, TypedDict
sys.path.insert(0, sys.argv[1])
from spiritme.types import PaginatedVideoList
data = open(sys.argv[2], "rb").read()
def median_of(parse):
    times, result = [], None
    for _ in range(int(sys.argv[3]) + 1):
        result = None  # the previous page is garbage before the next parse, as for the other client
        t = time.perf_counter(); result = parse(data); times.append(time.perf_counter() - t)
    return statistics.median(times[1:]), result
def paused(parse):
    def run(raw):
        gc.disable()  # the cyclic collector, not reference counting
        try:
            return parse(raw)
        finally:
            gc.enable()
    return run
mirrors = {}
def mirror(tp):
    # the same field types, with every model replaced by a TypedDict: what validating into dicts would cost
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        if tp not in mirrors:
            hints = typing.get_type_hints(tp)
            fields = {(f.alias or n): (mirror(hints[n]) if f.is_required() else NotRequired[mirror(hints[n])])
                      for n, f in tp.model_fields.items()}
            mirrors[tp] = TypedDict(tp.__name__ + "Dict", fields)
        return mirrors[tp]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is None or not args:
        return tp
    args = tuple(mirror(a) for a in args)
    return typing.Union[args] if origin is typing.Union else origin[args if len(args) > 1 else args[0]]
import httpx
from spiritme import SpiritMe
client = SpiritMe(api_key="k", base_url="http://127.0.0.1:9")
def as_the_client_parses(raw):
    # what client.videos.list() does with the body of a page: the client's own response parsing
    request = httpx.Request("GET", "http://127.0.0.1:9/api/videos/")
    response = httpx.Response(200, content=raw, headers={"content-type": "application/json"}, request=request)
    return client._parse(response, PaginatedVideoList)
median, page = median_of(as_the_client_parses)
out = {"median": median, "items": len(page.results), "last_id": page.results[-1].id}
del page
out["plain_median"], _ = median_of(PaginatedVideoList.model_validate_json)
out["gc_paused_median"], _ = median_of(paused(PaginatedVideoList.model_validate_json))
# what the client pays after its paused parse: one collection of the young objects it built
passes = []
for _ in range(3):
    gc.disable()
    page = PaginatedVideoList.model_validate_json(data)
    out["young_objects"] = gc.get_count()[0]
    t = time.perf_counter(); gc.collect(0); passes.append(time.perf_counter() - t)
    gc.enable()
    page = None
out["collector_pass"] = statistics.median(passes)
try:
    adapter = pydantic.TypeAdapter(mirror(PaginatedVideoList))
    dict_median, as_dict = median_of(adapter.validate_json)
    out["typeddict_median"] = dict_median
    out["typeddict_items"] = len(as_dict["results"])
except Exception as exc:
    out["typeddict_error"] = f"{type(exc).__name__}: {exc}"
print(json.dumps(out))
"""

PARSE_OPC = """
import gc, importlib, json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
PaginatedVideoList = importlib.import_module(sys.argv[4] + ".models").PaginatedVideoList
data = open(sys.argv[2], "rb").read()
def parse(raw):
    return PaginatedVideoList.from_dict(json.loads(raw))
def paused(raw):
    gc.disable()
    try:
        return parse(raw)
    finally:
        gc.enable()
def median_of(call):
    times, page = [], None
    for _ in range(int(sys.argv[3]) + 1):
        page = None  # the previous page is garbage before the next parse
        t = time.perf_counter(); page = call(data); times.append(time.perf_counter() - t)
    return statistics.median(times[1:]), page
median, page = median_of(parse)
out = {"median": median, "items": len(page.results), "last_id": page.results[-1].id}
del page
out["gc_paused_median"], _ = median_of(paused)
print(json.dumps(out))
"""

REQUESTS = """
import json, statistics, sys, time
import httpx
sys.path.insert(0, sys.argv[1])
from spiritme import SpiritMe
base, total = sys.argv[2], int(sys.argv[3])
bare = httpx.Client(base_url=base, headers={"Authorization": "Token bench"})
ours = SpiritMe(api_key="bench", base_url=base, max_retries=0)
def bare_call():
    response = bare.get("/api/videos/1/")
    response.raise_for_status()
    return response.json()
def ours_call():
    return ours.videos.retrieve(1)
for _ in range(50):
    bare_call(); ours_call()
blocks = 10
per = max(1, total // blocks)
spent = {"bare": [], "ours": []}
for i in range(blocks):
    pair = [("bare", bare_call), ("ours", ours_call)]
    for name, call in (pair if i % 2 == 0 else pair[::-1]):
        t = time.perf_counter()
        for _ in range(per):
            call()
        spent[name].append((time.perf_counter() - t) / per)
import cProfile, pstats
profiler = cProfile.Profile()
profiler.runcall(lambda: [ours_call() for _ in range(per)])
package = sys.argv[1]
rows = sorted(((k, v) for k, v in pstats.Stats(profiler).stats.items() if k[0].startswith(package)),
              key=lambda kv: -kv[1][3])
own = [f"{v[3] / per * 1e6:6.0f} µs cum/request  {k[2]}  ({k[0][len(package):].lstrip('/')}:{k[1]})"
       for k, v in rows[:10]]
print(json.dumps({"bare": statistics.median(spent["bare"]), "ours": statistics.median(spent["ours"]),
                  "returned": type(ours_call()).__name__, "requests": 2 * (50 + blocks * per + 1) - 1,
                  "profile": own}))
"""


class _VideoHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # with Nagle, delayed ACKs add ~40 ms to every keep-alive response
    wbufsize = -1  # headers and body leave in one write (flushed after each request)
    body = b"{}"
    paths: set[str] = set()

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        type(self).paths.add(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's signature)
        return


@contextlib.contextmanager
def video_server(body: bytes) -> Iterator[str]:
    """A threaded HTTP/1.1 server on 127.0.0.1 answering every GET with ``body``; stopped on exit."""
    handler = type("Handler", (_VideoHandler,), {"body": body, "paths": set()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass
class ClientResults:
    parse_ours: dict[str, Any] = field(default_factory=dict)
    parse_opc: dict[str, Any] = field(default_factory=dict)
    requests: dict[str, Any] = field(default_factory=dict)
    items: int = 0


def bench_client(
    doc: Path, opc: Opc, work: Path, *, items: int, repeats: int, requests: int, log: Callable[[str], None]
) -> ClientResults:
    """Build both clients for the SpiritMe document, then time parsing a big page and small requests."""
    out = ClientResults(items=items)
    folder = fresh_dir(work, "client")
    page, video = paginated_video_list(doc, items)
    data_file = folder / "page.json"
    data_file.write_bytes(page)
    ours_root = folder / "ours"
    built = build_ours(doc, ours_root, "spiritme", folder / "cache", folder)
    if not built.ok:
        out.parse_ours = out.requests = {"error": "build failed: " + first_error_line(built)}
    else:
        env = dict(os.environ)
        run = measured([sys.executable, "-c", PARSE_OURS, str(ours_root), str(data_file), str(repeats)], env=env)
        out.parse_ours = child_json(run)
        with video_server(video) as base:
            run = measured([sys.executable, "-c", REQUESTS, str(ours_root), base, str(requests)], env=env)
        out.requests = child_json(run)
    log(f"  client parse (ours): {out.parse_ours}")
    log(f"  requests: {out.requests}")
    if not opc.available:
        out.parse_opc = {"error": opc.note or "skipped (--no-opc)"}
        return out
    opc_root = folder / "opc"
    opc_root.mkdir()
    generated = opc.generate(doc, opc_root / "opc_spiritme", folder)
    if not generated.ok:
        out.parse_opc = {"error": "generation failed: " + first_error_line(generated)}
    else:
        cmd = [str(opc.python), "-c", PARSE_OPC, str(opc_root), str(data_file), str(repeats), "opc_spiritme"]
        out.parse_opc = child_json(measured(cmd, env=opc.env()))
    log(f"  client parse (opc): {out.parse_opc}")
    shutil.rmtree(folder, ignore_errors=True)
    return out


def parse_section(r: ClientResults) -> list[str]:
    ours, theirs = r.parse_ours, r.parse_opc
    speedup = None
    if "median" in ours and "median" in theirs:
        speedup = theirs["median"] / ours["median"]

    def cell(result: dict[str, Any], how: str) -> list[str]:
        if "error" in result:
            return [how, "—", SCRUB("failed: " + str(result["error"]))]
        return [how, fmt_s(result["median"]), f"ok ({result['items']} items parsed)"]

    rows = [
        cell(
            ours,
            "spiritme-gen: the client's response parsing (`client.videos.list()`'s, pydantic, " "collector paused)",
        ),
        cell(
            theirs,
            "openapi-python-client: `PaginatedVideoList.from_dict(json.loads(raw))` (attrs; what its "
            "client does with a response)",
        ),
    ]
    if "plain_median" in ours:
        rows.append(
            [
                "spiritme-gen, bare model: `PaginatedVideoList.model_validate_json(raw)`",
                fmt_s(ours["plain_median"]),
                "ok (informational: a direct pydantic call, collector running)",
            ]
        )
    met = None if speedup is None else speedup >= PARSE_SPEEDUP_TARGET
    lines = table(["client", "median time", "status"], rows)
    lines += [
        "",
        f"Speed-up (opc time / ours): **{fmt_ratio(speedup)}** — target ≥ {PARSE_SPEEDUP_TARGET:.0f}×: "
        f"{verdict(met)}.",
    ]
    if "gc_paused_median" in ours:
        paused = f"ours {fmt_s(ours['gc_paused_median'])}"
        if "gc_paused_median" in theirs:
            paused += (
                f", opc {fmt_s(theirs['gc_paused_median'])}; ours paused vs opc as generated: "
                f"**{theirs['median'] / ours['gc_paused_median']:.1f}×**, both paused: "
                f"{theirs['gc_paused_median'] / ours['gc_paused_median']:.1f}×"
            )
        lines += [
            "",
            "The same calls with Python's cyclic garbage collector paused around them (`gc.disable()` … "
            f"`gc.enable()`; reference counting still frees everything): {paused}. Building one Python "
            "object per JSON object sets off repeated full collections that walk every object already "
            "built, so with the collector running the time grows faster than the page.",
        ]
    if "collector_pass" in ours:
        lines += [
            "",
            f"Where the client's time goes: pydantic's validation from the bytes with the collector paused "
            f"({fmt_s(ours['gc_paused_median'])}), then one pass of the collector over the "
            f"{ours['young_objects']:,} young objects it built once it is switched back on "
            f"({fmt_s(ours['collector_pass'])}, `gc.collect(0)` timed on its own). What would move it: not "
            "building them (a lazily validated page), or freezing them out of the collector's sight "
            "(`gc.freeze()`), which a library cannot do to its caller's process.",
        ]
    if "typeddict_median" in ours:
        lever = f"{fmt_s(ours['typeddict_median'])}"
        if "median" in theirs:
            lever += f", {theirs['median'] / ours['typeddict_median']:.1f}× faster than opc"
        lines += [
            "",
            "For comparison (measured, not generated): the same field types with every model replaced by "
            "a `TypedDict`, validated by one `pydantic.TypeAdapter(...).validate_json(raw)` into plain "
            f"dicts, collector running: {lever}. Dicts are objects for the collector too.",
        ]
    elif "typeddict_error" in ours:
        lines += ["", SCRUB(f"TypedDict comparison failed: {ours['typeddict_error']}", 300)]
    return lines


def request_section(r: ClientResults, requests: int) -> list[str]:
    result = r.requests
    if "error" in result:
        return [SCRUB(f"Not measured: {result['error']}", 400)]
    ratio = result["ours"] / result["bare"]
    rows = [
        ["bare httpx: `Client.get(...)`, `raise_for_status()`, `.json()`", f"{result['bare'] * 1e6:.0f} µs"],
        [f"generated client: `client.videos.retrieve(1)` → `{result['returned']}`", f"{result['ours'] * 1e6:.0f} µs"],
    ]
    lines = table(["per request (keep-alive, median of 10 alternating blocks)", "time"], rows)
    lines += [
        "",
        f"Overhead ratio (ours / bare httpx): **{fmt_ratio(ratio)}** — target ≤ {REQUEST_RATIO_TARGET}×: "
        f"{verdict(ratio <= REQUEST_RATIO_TARGET)} ({requests} requests per side after 50 warm-up each).",
    ]
    if result.get("profile"):
        lines += [
            "",
            "Where the generated client's time goes per request (cProfile, functions of the generated "
            "package by cumulative time; profiling inflates every figure):",
            "",
            "```",
        ]
        lines += [SCRUB(line, 200).replace("\\|", "|") for line in result["profile"]] + ["```"]
    return lines


# ----------------------------------------------------------------------------- where the time goes


def profile_stages(doc: Path, work: Path) -> dict[str, Any]:
    """The pipeline's stages run one by one in this process, cold and then as a warm ``--check``:
    wall time per stage from an unprofiled pass, cProfile's top entries from a profiled one."""
    from generator.build import format as gen_format
    from generator.build import pipeline
    from generator.build.plan import render_plan
    from generator.build.write import MANIFEST, manifest_text, write_tree
    from generator.config import resolve_settings
    from generator.parse.api import build_ir, client_settings
    from generator.spec.document import load_source
    from generator.spec.validate import validate_document

    def stages(output: Path, check: bool) -> list[tuple[str, Callable[[dict[str, Any]], Any]]]:
        settings = resolve_settings({"spec": str(doc), "output": str(output), "package-name": "bench_pkg"}, start=work)

        def parse(s: dict[str, Any]) -> Any:
            api, _ = build_ir(s["load"].data, client_settings(settings), source=s["load"].source)
            return api

        def write(s: dict[str, Any]) -> Any:
            sources = dict(s["format"])
            sources[MANIFEST] = manifest_text(sources, pipeline.report(s["parse"], s["load"]))
            return write_tree(sources, output, check=check)

        return [
            ("load", lambda s: load_source(settings)),
            ("validate", lambda s: validate_document(s["load"])),
            ("parse", parse),
            ("plan", lambda s: render_plan(s["parse"])),
            ("render", lambda s: {planned.path: planned.render() for planned in s["plan"]}),
            ("format", lambda s: gen_format.format_sources(s["render"])),
            ("write", write),
        ]

    def one_pass(output: Path, cache: Path, *, check: bool, profiled: bool) -> dict[str, Any]:
        os.environ["SPIRITME_GEN_CACHE_DIR"] = str(cache)
        state: dict[str, Any] = {}
        with pipeline.collector_paused():  # as the CLI runs a build
            for name, run in stages(output, check):
                profiler = cProfile.Profile() if profiled else None
                start = time.perf_counter()
                state[name] = profiler.runcall(run, state) if profiler else run(state)
                state["time:" + name] = time.perf_counter() - start
                state["top:" + name] = top_entries(profiler) if profiler else []
        return state

    passes = {}
    for label, check in (("cold build", False), ("warm --check", True)):
        if not check:
            output, cache = fresh_dir(work, "out") / "pkg", fresh_dir(work, "cache")
            plain = one_pass(output, cache, check=False, profiled=False)
            output, cache = fresh_dir(work, "out") / "pkg", fresh_dir(work, "cache")
            profiled = one_pass(output, cache, check=False, profiled=True)
            sources = plain["render"]
        else:  # the profiled cold pass left an output and a filled cache behind
            plain = one_pass(output, cache, check=True, profiled=False)
            profiled = one_pass(output, cache, check=True, profiled=True)
        passes[label] = {
            "timings": {k[5:]: v for k, v in plain.items() if k.startswith("time:")},
            "entries": {k[4:]: v for k, v in profiled.items() if k.startswith("top:")},
        }
    return {
        "passes": passes,
        "sizes": output_sizes(plain["parse"], sources, gen_format),
        "workers": min(os.cpu_count() or 1, 8),
    }


def output_sizes(api: Any, sources: dict[str, str], gen_format: Any) -> dict[str, Any]:
    """How much Python the build writes, by part of the tree, and how much of it black is given
    (the templates write black's style; black formats only the statements holding a line it may change)."""
    py = sorted((p, t) for p, t in sources.items() if p.endswith(".py") and t.strip())
    groups: dict[str, list[int]] = {}
    for path, text in py:
        parts = path.split("/")
        group = "tests/" if parts[0] == "tests" else (parts[1] + "/" if len(parts) > 2 else "package top level")
        groups.setdefault(group, [0, 0, 0])
        groups[group][0] += 1
        groups[group][1] += len(text.encode())
    given: list[tuple[str, str]] = []
    original = gen_format._black_all
    gen_format._black_all = lambda items: given.extend(items) or original(items)
    try:
        start = time.perf_counter()
        gen_format.format_sources(sources, use_cache=False)
        seconds = time.perf_counter() - start
    finally:
        gen_format._black_all = original
    for path, text in given:
        parts = path.split("/")
        groups["tests/" if parts[0] == "tests" else (parts[1] + "/" if len(parts) > 2 else "package top level")][
            2
        ] += len(text.encode())
    return {
        "files": len(sources),
        "py_files": len(py),
        "py_bytes": sum(g[1] for g in groups.values()),
        "groups": groups,
        "operations": len(api.operations),
        "schemas": len(api.schemas),
        "black_pieces": len(given),
        "black_bytes": sum(len(t.encode()) for _, t in given),
        "format_seconds": seconds,
    }


def top_entries(profiler: cProfile.Profile) -> list[str]:
    stats = pstats.Stats(profiler)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    rows = sorted(raw.items(), key=lambda kv: -kv[1][2])[:PROFILE_TOP]
    out = []
    for (filename, line, func), (_, ncalls, tottime, cumtime, _) in rows:
        where = short_location(filename, line)
        out.append(f"{tottime:7.3f} s self, {cumtime:7.3f} s cum, {ncalls:>8} calls  {func}  ({where})")
    return out


def short_location(filename: str, line: int) -> str:
    if filename == "~":
        return "built-in"
    parts = Path(filename).parts
    for anchor in ("site-packages", "generator", "lib"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[i + (1 if anchor != "generator" else 0) :]) + f":{line}"
    return f"{Path(filename).name}:{line}"


def profile_section(name: str, result: dict[str, Any]) -> list[str]:
    if "error" in result:
        return [SCRUB(f"Profile of {name} failed: {result['error']}", 400)]
    sizes, passes = result["sizes"], result["passes"]
    lines = [
        f"Document: {name}; {sizes['operations']} operations, {sizes['schemas']} schemas → {sizes['files']} files, "
        f"{sizes['py_files']} of them Python ({sizes['py_bytes'] / 1e6:.2f} MB). Stages run here in one process, "
        "one after the other, with the cyclic garbage collector paused as the CLI pauses it; cold = empty caches "
        "and output folder.",
        "",
        f"The templates write black's style; black is given only the statements holding a line it may change: "
        f"{sizes['black_pieces']} pieces, {sizes['black_bytes'] / 1e3:.0f} kB of the {sizes['py_bytes'] / 1e6:.2f} MB "
        f"({sizes['black_bytes'] / max(1, sizes['py_bytes']) * 100:.1f} %); the whole format stage (compile check, "
        f"scan, black) took {fmt_s(sizes['format_seconds'])}. By part of the tree:",
        "",
    ]
    lines += table(
        ["part", "files", "bytes", "given to black"],
        [
            [g, str(n), f"{b / 1e6:.2f} MB", f"{k / 1e3:.1f} kB"]
            for g, (n, b, k) in sorted(sizes["groups"].items(), key=lambda kv: -kv[1][1])
        ],
    )
    labels = list(passes)
    stage_names = list(passes[labels[0]]["timings"])
    rows = []
    for stage in stage_names:
        row = [stage]
        for label in labels:
            seconds, total = passes[label]["timings"].get(stage, 0.0), sum(passes[label]["timings"].values())
            row.append(f"{fmt_s(seconds)} ({seconds / total * 100:.0f} %)" if total else fmt_s(seconds))
        rows.append(row)
    rows.append(["**total**"] + [fmt_s(sum(passes[label]["timings"].values())) for label in labels])
    lines += [""] + table(["stage"] + labels, rows)
    cold = passes[labels[0]]["timings"]
    ranked = sorted(cold, key=lambda stage: -cold[stage])
    lines += [
        "",
        f"Where the cold build is: the largest stages run one after the other here are {ranked[0]} "
        f"({fmt_s(cold[ranked[0]])}), {ranked[1]} ({fmt_s(cold[ranked[1]])}) and {ranked[2]} "
        f"({fmt_s(cold[ranked[2]])}). The CLI renders and formats half the files in a forked process, so on "
        "2 free cores those two stages take about half their time here. plan = the templates' arguments "
        "recorded and each file's key computed (what a rebuild compares); format = compiling every module, "
        "finding the lines black may change and running black on those statements.",
    ]
    lines += ["", "Top entries per stage by own time (cProfile, in-process):", ""]
    for label in labels:
        for stage, entries in passes[label]["entries"].items():
            lines += [f"**{label}: {stage}**", "", "```"] + [SCRUB(e, 220).replace("\\|", "|") for e in entries]
            lines += ["```", ""]
    return lines


def run_profile_child(doc: Path, work: Path) -> dict[str, Any]:
    sample = measured(
        [sys.executable, str(Path(__file__).resolve()), "--profile-child", str(doc), "--work", str(work)], cwd=work
    )
    return child_json(sample)


# ----------------------------------------------------------------------------- report


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min), {five:.2f} (5 min)"


def byte_compiled() -> None:
    """Our package compiled to bytecode before anything is timed, as pip leaves an installed tool
    (openapi-python-client's own venv has it from pip): an editable install run with
    PYTHONDONTWRITEBYTECODE set would otherwise compile every module in every timed command."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "generator")], env=env, check=False)


def machine_lines(opc: Opc, runs: int, argv: Sequence[str], load_before: str) -> list[str]:
    version = subprocess.run(ours_command() + ["--version"], capture_output=True, text=True).stdout.strip()
    try:
        black_version = importlib.metadata.version("black")
    except importlib.metadata.PackageNotFoundError:
        black_version = "?"
    return [
        f"- Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Machine: {os.cpu_count()} CPU(s), {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}; load average before {load_before}, after {load_average()} "
        "(other work on the machine inflates wall times; alternating the tools spreads it over both)",
        f"- Tools: {version or 'spiritme-gen ?'} (black {black_version}); openapi-python-client "
        f"{opc.version if opc.available else '— ' + (opc.note or 'not installed')}",
        f"- Runs per cell: {runs}, alternating which tool goes first; wall and CPU are medians, peak RSS the maximum "
        "over the runs (`wait4` of the child: its own and its reaped descendants' — black workers, ruff).",
        "- Both tools run from bytecode-compiled modules, as pip installs them (ours is compiled before the first run).",
        "- Command: `" + SCRUB(" ".join(["python bench/run.py", *argv]), 300) + "`",
    ]


NOTES = [
    "- spiritme-gen runs cold: a fresh empty `SPIRITME_GEN_CACHE_DIR` (validation and black caches) and a fresh "
    "output folder per run. Its build includes validation (own checks + openapi-spec-validator's rules, run by "
    "openapi-spec-validator-rs), rendering, black on every module, and the atomic write.",
    "- openapi-python-client runs as `openapi-python-client generate --path DOC --output-path DIR --overwrite "
    "--meta none` (no pyproject/packaging files, like ours which writes a small pyproject). With `--meta none` its "
    "default post hooks still run: `ruff check . --fix-only --extend-select=I` and `ruff format .` — its formatting "
    "step, the counterpart of our black step (ruff is a compiled formatter, black is pure Python). It does not "
    "validate the document beyond what its parser needs, and skips what it cannot generate with a warning.",
    '- "opc" = openapi-python-client, installed from the package registry into `bench/.venv-opc/` by the script.',
]


def write_report(path: Path, sections: list[tuple[str, list[str]]], header: list[str]) -> None:
    lines = (
        [
            "# Benchmark: spiritme-gen vs openapi-python-client",
            "",
            "Written by `bench/run.py`; do not edit by hand.",
            "",
        ]
        + header
        + [""]
    )
    for title, body in sections:
        lines += [f"## {title}", ""] + body + [""]
    lines += ["## Notes", ""] + NOTES + [""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def guarded(title: str, make: Callable[[], list[str]], log: Callable[[str], None]) -> tuple[str, list[str]]:
    """A section's lines; an unexpected failure becomes one line in that section, never a crash."""
    try:
        return title, make()
    except Exception as exc:  # the benchmark must finish and report whatever it could measure
        log(f"{title}: failed: {type(exc).__name__}: {exc}")
        return title, [SCRUB(f"Failed: {type(exc).__name__}: {exc}", 400)]


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs per (tool, document) [3]")
    parser.add_argument("--docs", help=f"comma-separated document names ({', '.join(DOCS)}) or paths")
    parser.add_argument(
        "--quick", action="store_true", help="tiny: only the SpiritMe document, 1 run, small client loads"
    )
    parser.add_argument("--no-opc", action="store_true", help="do not install or run openapi-python-client")
    parser.add_argument("--no-rebuild", action="store_true", help="skip the rebuild-after-a-change section")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 1×/4×/16× size section")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="report file [bench/RESULTS.md]")
    parser.add_argument("--profile-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    if args.profile_child:
        try:
            result = profile_stages(args.profile_child, args.work)
        except Exception as exc:  # reported as a failed section by the parent
            result = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(result))
        return 0
    log: Callable[[str], None] = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    runs = 1 if args.quick else max(1, args.runs)
    names = ["spiritme"] if args.quick else (args.docs.split(",") if args.docs else list(DEFAULT_DOCS))
    work = Path(tempfile.mkdtemp(prefix="spiritme-bench-"))
    SCRUB.add(work, "<tmp>")
    SCRUB.add(REPO, "<repo>")
    SCRUB.add(SHARED.resolve(), "<shared>")
    SCRUB.add(Path.home(), "~")
    if REPO not in args.output.resolve().parents:
        SCRUB.add(args.output.resolve().parent, "<output-dir>")
    load_before = load_average()
    byte_compiled()
    try:
        opc = Opc(None, "", "skipped (--no-opc)") if args.no_opc else ensure_opc(log)
        docs: list[tuple[str, Path]] = []
        missing = []
        for name in names:
            path = resolve_doc(name.strip())
            (docs.append((name.strip(), path)) if path else missing.append(name.strip()))
        results: list[DocResult] = []
        for name, path in docs:
            log(f"building {name} …")
            try:
                results.append(bench_document(name, path, runs, opc, work, log))
            except Exception as exc:  # one document's failure must not end the run
                failed = DocResult(name, path)
                failed.ours.note = failed.opc.note = f"benchmark error: {type(exc).__name__}: {exc}"
                results.append(failed)
        spiritme = resolve_doc("spiritme")
        items, requests = (1000, 100) if args.quick else (10_000, 500)
        client = ClientResults(items=items)
        sections = [
            guarded(
                "Full build (cold)",
                lambda: build_section(results)
                + ([""] + [f"Missing documents (skipped): {', '.join(missing)}"] if missing else []),
                log,
            ),
            guarded(
                "`build --check` on an unchanged output", lambda: check_section(results, startup_series(runs)), log
            ),
            guarded("`diff` of two versions", lambda: diff_section(docs, runs, work, log), log),
        ]

        def client_lines() -> list[str]:
            nonlocal client
            if spiritme is None:
                return ["The SpiritMe document is missing."]
            client = bench_client(
                spiritme, opc, work, items=items, repeats=3 if args.quick else 7, requests=requests, log=log
            )
            return [
                f"{items:,}-item `PaginatedVideoList` built from the document's `Video` schema "
                f"({len(paginated_video_list(spiritme, items)[0]) / 1e6:.1f} MB of JSON); median of "
                f"{3 if args.quick else 7} parses after one warm-up, each client in its own interpreter.",
                "",
            ] + parse_section(client)

        sections.append(guarded("Generated client: parsing a big page", client_lines, log))
        sections.append(
            guarded(
                "Generated client: per-request overhead (local server on 127.0.0.1)",
                lambda: request_section(client, requests),
                log,
            )
        )
        target = next((d for d in docs if d[0] == "authentik"), docs[0] if docs else None)
        if target and not args.no_rebuild:
            rebuild_docs = [d for d in docs if d[0] in REBUILD_TARGET_DOCS] or [target]
            sections.append(
                guarded(
                    "Rebuild after a one-property change (warm cache)",
                    lambda: rebuild_section([bench_rebuild(n, p, runs, work, log) for n, p in rebuild_docs]),
                    log,
                )
            )
        if target and not args.no_scaling:
            factors = (1, 2) if args.quick else SCALE_FACTORS
            log(f"scaling {target[0]} {factors} …")
            sections.append(
                guarded(
                    f"Cost against size ({target[0]} ×{', ×'.join(map(str, factors))})",
                    lambda: scaling_section(target[0], bench_scaling(target[0], target[1], factors, work, log)),
                    log,
                )
            )
        if target:
            log(f"profiling {target[0]} …")
            sections.append(
                guarded(
                    f"Where spiritme-gen's time goes ({target[0]}, cold)",
                    lambda: profile_section(target[0], run_profile_child(target[1], work)),
                    log,
                )
            )
        header = machine_lines(opc, runs, argv, load_before)
        write_report(args.output, sections, header)
        log(f"wrote {args.output}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
