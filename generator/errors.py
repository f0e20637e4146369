"""Errors as values: located diagnostics, the exception that carries them, and exit codes."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Level(str, enum.Enum):
    """How bad a diagnostic is: errors stop the pipeline, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


class ExitCode(enum.IntEnum):
    """The documented exit codes of every command."""

    OK = 0
    STALE = 1  # build --check found stale output, or diff --fail-on matched
    BAD_INPUT = 2  # unreadable, invalid or refused document, bad usage
    NETWORK = 3  # the server could not be reached or refused us


def escape_pointer_token(token: str | int) -> str:
    """Escape one JSON pointer reference token (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    """``~1`` → ``/`` and ``~0`` → ``~`` (RFC 6901), in that order."""
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(*tokens: str | int) -> str:
    """Build a JSON pointer such as ``/paths/~1api~1videos~1/post`` from raw tokens."""
    return "".join("/" + escape_pointer_token(t) for t in tokens)


@dataclass(frozen=True)
class Diagnostic:
    """One located finding: ``source#pointer (line N): message``."""

    level: Level
    message: str
    pointer: str = ""
    source: str = ""
    line: int | None = None

    def format(self) -> str:
        """One line: place, level, message; characters a terminal would act on are shown escaped."""
        place = self.source or "<document>"
        if self.pointer:
            place += "#" + self.pointer
        if self.line is not None:
            place += f" (line {self.line})"
        msg = " ".join(self.message.split())  # always one line
        return printable(f"{place}: {self.level.value}: {msg}")


def printable(text: str) -> str:
    """``text`` with control, format (bidi, zero-width) and line-breaking characters as escapes."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(ch if ch.isprintable() and ch not in _BIDI else ascii(ch)[1:-1] for ch in text)


_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")


class GeneratorError(Exception):
    """A failure the user can act on; the CLI prints its diagnostics, one line each."""

    def __init__(
        self,
        message: str,
        *,
        pointer: str = "",
        source: str = "",
        line: int | None = None,
        exit_code: ExitCode = ExitCode.BAD_INPUT,
        diagnostics: tuple[Diagnostic, ...] = (),
    ) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.diagnostics = diagnostics or (Diagnostic(Level.ERROR, message, pointer, source, line),)

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


class NetworkError(GeneratorError):
    """The server could not be reached, timed out, or answered with an error status."""

    def __init__(self, message: str, *, source: str = "") -> None:
        super().__init__(message, source=source, exit_code=ExitCode.NETWORK)
