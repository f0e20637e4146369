"""The ``spiritme-gen`` command line: click commands that call the pipeline; exit codes decided in one place."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable, NoReturn

import click

from generator import __version__
from generator.config import DEFAULT_SCHEMA_URL, resolve_settings
from generator.errors import Diagnostic, ExitCode, GeneratorError, Level
from generator.lifetime import ended_by_signals

EXIT_CODES_HELP = """\b
Exit codes:
  0  success
  1  build --check found stale output, or diff --fail-on matched
  2  bad input: unreadable, invalid or refused document, bad usage
  3  the server could not be reached or refused us
  128+N  ended by signal N (Ctrl-C: 130); nothing was written
"""
FETCH_EXIT_CODES = """\b
Exit codes:
  0  the snapshot was written, or the served document is unchanged
  2  bad usage, or the served document is not a readable OpenAPI document
  3  the server could not be reached or refused us
"""
VALIDATE_EXIT_CODES = """\b
Exit codes:
  0  valid (warnings may be printed)
  2  invalid or unreadable document, bad usage
  3  a URL spec could not be fetched
"""
BUILD_EXIT_CODES = """\b
Exit codes:
  0  built, or already up to date
  1  --check: the output would change
  2  bad input: unreadable, invalid or refused document, bad usage
  3  a URL spec could not be fetched
"""
MOCK_EXIT_CODES = """\b
Exit codes:
  0  stopped (Ctrl-C)
  2  bad input: unreadable or invalid document, bad usage, the address cannot be used
  3  a URL spec could not be fetched
"""


def exit_code_for(error: BaseException | None, *, stale: bool = False) -> ExitCode:
    """The one place that maps an outcome to the documented exit code."""
    if error is None:
        return ExitCode.STALE if stale else ExitCode.OK
    if isinstance(error, GeneratorError):
        return error.exit_code
    if isinstance(error, click.UsageError):
        return ExitCode.BAD_INPUT
    return ExitCode.BAD_INPUT


def _fail(error: GeneratorError) -> NoReturn:
    for line in str(error).splitlines():
        click.echo(line, err=True)
    sys.exit(exit_code_for(error))


def _run(action: Callable[[], int | None]) -> NoReturn:
    try:
        with ended_by_signals():
            stale = bool(action())
    except GeneratorError as exc:
        _fail(exc)
    except KeyboardInterrupt as exc:
        click.echo("interrupted; nothing was written", err=True)
        sys.exit(getattr(exc, "exit_code", 130))
    sys.exit(exit_code_for(None, stale=stale))


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        click.echo(d.format(), err=True)


@click.group(epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="spiritme-gen")
def main() -> None:
    """Generate a typed Python client from the SpiritMe OpenAPI document (or any OpenAPI 3 document).

    Configuration: flags > environment (SPIRITME_API_KEY, SPIRITME_SCHEMA_URL)
    > [tool.spiritme-gen] in ./pyproject.toml.
    """


@main.command(epilog=FETCH_EXIT_CODES)
@click.option(
    "--url", "base_url", help=f"Server to fetch from [env SPIRITME_SCHEMA_URL; default {DEFAULT_SCHEMA_URL}]."
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Snapshot file [default: specs/spiritme.yaml].")
@click.option(
    "--allow-insecure", is_flag=True, help="Allow plain http:// to a non-loopback host (the token travels in clear)."
)
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds per attempt.")
def fetch(base_url: str | None, output: Path | None, allow_insecure: bool, timeout: float) -> None:
    """Download BASE/api/schema/ into the spec snapshot, with a lock file beside it.

    Sends Authorization: Token $SPIRITME_API_KEY and If-None-Match; an
    unchanged document rewrites nothing.
    """
    from generator.spec.fetch import update_snapshot

    def action() -> None:
        settings = resolve_settings({"schema-url": base_url})
        target = output or Path(settings.get("spec"))
        result = update_snapshot(
            settings.get("schema-url"),
            target,
            token=os.environ.get("SPIRITME_API_KEY", ""),
            allow_insecure=allow_insecure,
            timeout=timeout,
        )
        click.echo(result.summary())

    _run(action)


@main.command(epilog=VALIDATE_EXIT_CODES)
@click.argument("spec", required=False)
@click.option("--strict", is_flag=True, help="Make every violation of the specification fatal.")
@click.option(
    "--allow-file-refs", is_flag=True, default=None, help="Follow relative $refs to files under the spec's folder."
)
def validate(spec: str | None, strict: bool, allow_file_refs: bool | None) -> None:
    """Validate SPEC [default: specs/spiritme.yaml] and print located diagnostics."""
    from generator.spec.document import load_and_validate

    def action() -> None:
        settings = resolve_settings({"spec": spec, "allow-file-refs": allow_file_refs})
        doc, diagnostics = load_and_validate(settings, strict=strict)
        _print_diagnostics(diagnostics)
        warnings = sum(d.level is Level.WARNING for d in diagnostics)
        click.echo(f"{doc.source}: valid ({warnings} warning(s))")

    _run(action)


@main.command(epilog=BUILD_EXIT_CODES)
@click.option("--spec", help="Spec path or URL [default: specs/spiritme.yaml].")
@click.option("--output", "-o", help="Output folder [default: generated].")
@click.option("--package-name", help="Import name of the generated package [default: spiritme].")
@click.option("--client-name", help="Client class name [default: derived from the package name].")
@click.option("--base-url", help="Default base URL baked into the client [default: the document's first server].")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the output would differ.")
@click.option("--max-bytes", type=click.IntRange(min=1), help="Refuse documents larger than this [default: 64 MiB].")
@click.option("--strict", is_flag=True, help="Make every violation of the specification fatal.")
@click.option(
    "--allow-file-refs", is_flag=True, default=None, help="Follow relative $refs to files under the spec's folder."
)
def build(**flags: Any) -> None:
    """Run the whole pipeline: load, validate, parse, render, format, write."""
    from generator.build.pipeline import run_build

    check = flags.pop("check")
    strict = flags.pop("strict")

    def action() -> bool:
        settings = resolve_settings({k.replace("_", "-"): v for k, v in flags.items()})
        outcome = run_build(settings, check=check, strict=strict, echo=lambda s: click.echo(s, err=True))
        click.echo(outcome.summary())
        return outcome.stale

    _run(action)


DIFF_FORMATS = ("text", "markdown", "json", "github")
FAIL_ON = ("breaking", "warning", "never")
DIFF_EXIT_CODES = """\b
Exit codes:
  0  the report was printed (and --fail-on did not match)
  1  --fail-on matched a change of that level or worse
  2  bad input: unreadable, invalid or refused document, bad usage
  3  a URL could not be fetched
"""
UPDATE_EXIT_CODES = """\b
Exit codes:
  0  up to date, or updated (and --fail-on did not match)
  1  updated, and --fail-on matched a change of that level or worse
  2  bad input: unreadable, invalid or refused document, bad usage
  3  the server could not be reached or refused us
"""


def report_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options of a change report, shared by ``diff`` and ``update``: its format, what fails the run, the
    transport, and how changes are judged (oasdiff's names)."""
    for option in reversed(
        (
            click.option(
                "--format",
                "fmt",
                type=click.Choice(DIFF_FORMATS),
                default="text",
                show_default=True,
                help="text (colour on a TTY), markdown (a PR comment), json, or github (workflow annotations).",
            ),
            click.option(
                "--fail-on",
                type=click.Choice(FAIL_ON),
                default="never",
                show_default=True,
                help="Exit 1 when a change of this level (or worse) is found.",
            ),
            click.option(
                "--allow-insecure",
                is_flag=True,
                help="Allow plain http:// to a non-loopback host (the token travels in clear).",
            ),
            click.option(
                "--levels",
                type=click.Choice(("ours", "oasdiff")),
                default="ours",
                show_default=True,
                help="ours (a few levels set for the generated client, see docs/diff.md) or oasdiff's levels exactly.",
            ),
            click.option(
                "--deprecation-days-beta",
                type=click.IntRange(min=0),
                default=0,
                show_default=True,
                help="Min days between deprecating a beta operation and its x-sunset date (0: no minimum).",
            ),
            click.option(
                "--deprecation-days-stable",
                type=click.IntRange(min=0),
                default=0,
                show_default=True,
                help="Min days between deprecating a stable operation and its x-sunset date (0: no minimum).",
            ),
        )
    ):
        command = option(command)
    return command


@main.command(epilog=DIFF_EXIT_CODES)
@click.argument("old")
@click.argument("new")
@report_options
def diff(
    old: str,
    new: str,
    fmt: str,
    fail_on: str,
    allow_insecure: bool,
    levels: str,
    deprecation_days_beta: int,
    deprecation_days_stable: int,
) -> None:
    """Report what changed from OLD to NEW and what it does to the generated client.

    OLD and NEW are paths, URLs (sent with Authorization: Token $SPIRITME_API_KEY)
    or git:REF:path (e.g. git:HEAD:specs/spiritme.yaml). See docs/diff.md.
    """
    from generator.diff.compare import diff_specs, fails
    from generator.diff.context import Policy
    from generator.diff.report import render
    from generator.parse.api import client_settings

    def action() -> bool:
        client = client_settings(resolve_settings({}))
        report = diff_specs(
            old,
            new,
            token=os.environ.get("SPIRITME_API_KEY", ""),
            allow_insecure=allow_insecure,
            client=client,
            policy=Policy(deprecation_days_beta, deprecation_days_stable),
            levels="oasdiff" if levels == "oasdiff" else "ours",
        )
        click.echo(render(report, fmt, color=sys.stdout.isatty()), nl=False)
        return fails(report.changes, fail_on)

    _run(action)


@main.command(epilog=UPDATE_EXIT_CODES)
@click.option(
    "--url", "base_url", help=f"Server to fetch from [env SPIRITME_SCHEMA_URL; default {DEFAULT_SCHEMA_URL}]."
)
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds per attempt.")
@report_options
def update(
    base_url: str | None,
    fmt: str,
    fail_on: str,
    allow_insecure: bool,
    timeout: float,
    levels: str,
    deprecation_days_beta: int,
    deprecation_days_stable: int,
) -> None:
    """Fetch the schema; if it changed: report the changes, write the snapshot, log them in specs/CHANGES.md, build.

    An unchanged schema writes nothing and exits 0.
    """
    from generator.diff.compare import fails
    from generator.diff.context import Policy
    from generator.diff.report import render
    from generator.parse.api import client_settings
    from generator.update import run_update

    def action() -> bool:
        settings = resolve_settings({"schema-url": base_url})
        outcome = run_update(
            settings,
            token=os.environ.get("SPIRITME_API_KEY", ""),
            echo=lambda s: click.echo(s, err=True),
            allow_insecure=allow_insecure,
            timeout=timeout,
            client=client_settings(settings),
            policy=Policy(deprecation_days_beta, deprecation_days_stable),
            levels="oasdiff" if levels == "oasdiff" else "ours",
        )
        if outcome.report is not None:
            click.echo(render(outcome.report, fmt, color=sys.stdout.isatty()), nl=False)
        click.echo(outcome.summary, err=outcome.report is not None)
        return outcome.report is not None and fails(outcome.report.changes, fail_on)

    _run(action)


@main.command(epilog=MOCK_EXIT_CODES)
@click.option("--spec", help="Spec path or URL [default: specs/spiritme.yaml].")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (a loopback one unless --public)."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=4010,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--latency",
    type=click.FloatRange(min=0),
    default=0.0,
    show_default=True,
    help="Seconds to wait before each answer.",
)
@click.option(
    "--error-rate",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Share of requests answered 500 (drawn from --seed).",
)
@click.option(
    "--rate-limit-every",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Answer every Nth request 429 with Retry-After: 1 (0: never).",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed of the synthesized data and of the random errors."
)
@click.option(
    "--public", is_flag=True, help="Allow a --host that is not loopback (anyone who reaches it can use the mock)."
)
def mock(spec: str | None, **options: Any) -> None:
    """Serve a mock of the API from the document on a local port until Ctrl-C (see docs/mock.md).

    Any non-empty credential is accepted; requests are validated; created objects are kept in
    memory; jobs move one status step per read.
    """
    from generator.mock.server import MockServer

    def action() -> None:
        server = MockServer.from_spec(spec, log=lambda line: click.echo(line, err=True), **options)
        try:
            click.echo(
                f"mock of {server.mock.api.title} {server.mock.api.version} listening on {server.url} (Ctrl-C stops)"
            )
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("mock stopped", err=True)

    _run(action)


def entry() -> NoReturn:
    """The ``spiritme-gen`` command: ``main``, then out of the process without tearing it down.

    A build holds the parsed document, the IR and the records of both; the interpreter's teardown
    would free them object by object (0.1 s on a large document) for nothing. Output is flushed and
    every worker process has been joined by then (any left is ended with its parent).
    """
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        click.echo(str(code), err=True)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    entry()
