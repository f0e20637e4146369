"""Sources → black-formatted sources: the templates emit black's style, black formats only what they cannot.

The templates write code the way black would (magic trailing commas where a construct is split,
black's blank lines, quotes and docstrings), so most generated code is already formatted. What
depends on the document's names and texts (a line longer than the limit, a character black would
rewrite) is found by line, and only the innermost statement holding it (or only the header of a
function) goes through ``black.format_str``, under stand-in ``async def _():`` blocks that give it
its indentation, so black decides as it would in place. Every module is compiled first (black is
not a syntax check). ``SPIRITME_GEN_FULL_BLACK=1`` formats every module whole: the reference the
fast path is tested against. Pieces are cached by content hash (keyed by black's version and
mode); many of them are formatted in parallel processes."""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.config import cache_dir
from generator.errors import GeneratorError
from generator.lifetime import die_with_parent
from generator.versions import installed_version

LINE_LENGTH = 100  # black line length of the generated code (its pyproject.toml says the same)
PARALLEL_THRESHOLD = 256 * 1024  # characters for black; below it a process pool costs more than it saves
# a line black may rewrite even when it is short: tabs, odd line ends, trailing blanks, backslash continuations
_SUSPECT_CHARS = re.compile(r"[\t\r\x0b\x0c]| \n|\\\n")
# the same inside a docstring, where black changes only those characters and trailing spaces: an
# escaped backslash ending a line (an even run of them) is text, not a continuation
_SUSPECT_TEXT = re.compile(r"[\t\r\x0b\x0c]| \n|(?<!\\)(?:\\\\)*\\\n")
# a string literal black keeps as it is: printable ASCII, no quote or backslash
PLAIN_STRING = r'"[ !#-\[\]-~]*"'
# a long line black leaves as it is: one entry of a split dict display (a plain key and a name or a
# plain string), one name of a split import list (``Name as Name,``), one plain string of a split call
_UNSPLITTABLE = re.compile(
    r' +"[A-Za-z0-9_.\-]*": (?:[A-Za-z_][A-Za-z0-9_]*|"[A-Za-z0-9_.\-]*"),\n'
    r'| +[A-Za-z_][A-Za-z0-9_]* as [A-Za-z_][A-Za-z0-9_]*,\n'
    rf"| +{PLAIN_STRING},\n"
)
# a class attribute set to a plain string (an enum member): black leaves it when even the string alone
# would not fit on the line of its own it would get in parentheses
_LONG_STRING_MEMBER = re.compile(rf"    [A-Za-z_][A-Za-z0-9_]* = ({PLAIN_STRING})\n")


def fits_in_parentheses(value: str, indent: int) -> bool:
    """Whether black would put ``value`` (the right side of ``name = value`` at column ``indent``, too
    long for the line) in parentheses on a line of its own: when it fits there."""
    return indent + 4 + len(value) <= LINE_LENGTH
# a fast first look over a whole module: any line too long, or any character of _SUSPECT_CHARS
_ANY_SUSPECT = re.compile(r"(?m)^.{%d,}$|[\t\r\x0b\x0c]| \n|\\\n" % (LINE_LENGTH + 1))


def full_black() -> bool:
    return os.environ.get("SPIRITME_GEN_FULL_BLACK", "") not in ("", "0")


@dataclass(frozen=True)
class Piece:
    """Lines ``start``..``end`` (0-based, end exclusive) of one module that black must format."""

    path: str
    start: int
    end: int
    text: str  # what black is given: the lines under ``wrapper``, then ``tail``
    wrapper: str = ""  # stand-in blocks giving the lines their indentation
    tail: str = ""  # a stand-in body after a lone function header


def format_sources(sources: dict[str, str], *, use_cache: bool = True) -> dict[str, str]:
    """Every ``.py`` source formatted as black would; other files untouched.

    A line holding only ``FRAGMENT`` may separate a module's statements (the templates put one
    before each method): it is removed, and only the fragment holding a line black may change is
    parsed to find the statement to format, not the whole module.
    """
    out = dict(sources)
    cache = cache_dir() / "black" if use_cache else None
    pieces: list[Piece] = []
    lines_of: dict[str, list[str]] = {}
    for path, marked in sources.items():
        if not path.endswith(".py"):
            continue
        lines, starts = _unmarked(marked)
        text = out[path] = "".join(lines)
        if not text.strip():
            continue
        _compiled(path, text)
        if full_black():
            found = [Piece(path, 0, len(lines), text)]
        else:
            found = _module_pieces(path, text, lines, starts)
        if found:
            lines_of[path] = lines
            pieces.extend(found)
    by_path: dict[str, list[tuple[Piece, str]]] = {}
    for piece, text in zip(pieces, _format_pieces(pieces, cache)):
        by_path.setdefault(piece.path, []).append((piece, text))
    for path, lines in lines_of.items():
        out[path] = _spliced(lines, by_path[path])
    return out


FRAGMENT = "\x00\n"  # spec text never holds a NUL: the escapers drop or escape it


def _unmarked(text: str) -> tuple[list[str], list[int]]:
    """The module's lines without fragment marks, and the line where each fragment starts."""
    if FRAGMENT not in text:
        return text.splitlines(keepends=True), [0]
    lines: list[str] = []
    starts = [0]
    for line in text.splitlines(keepends=True):
        if line == FRAGMENT:
            starts.append(len(lines))
        else:
            lines.append(line)
    return lines, starts


def _module_pieces(path: str, text: str, lines: list[str], starts: list[int]) -> list[Piece]:
    """The pieces of every fragment holding a line black may change; the whole module's when a
    fragment does not parse on its own."""
    if _ANY_SUSPECT.search(text):
        suspect = [i for i, line in enumerate(lines) if _needs_black(line)]
    elif text.isascii():
        return []
    else:  # nothing long or suspect anywhere: only a line of wide characters can be too wide
        suspect = [i for i, line in enumerate(lines) if 2 * len(line) > LINE_LENGTH + 1 and not line.isascii()]
    if not suspect:
        return []
    bounds = [*starts, len(lines)]
    found: list[Piece] = []
    for start, end in zip(bounds, bounds[1:]):
        if start == end or not any(start <= i < end for i in suspect):
            continue
        pieces = _fragment_pieces(path, lines, start, end)
        if pieces is None:
            return _pieces(path, lines, ast.parse(text, filename=path))
        found.extend(pieces)
    return found


def _fragment_pieces(path: str, lines: list[str], start: int, end: int) -> list[Piece] | None:
    """Pieces of ``lines[start:end]``, parsed under stand-in blocks for its indentation."""
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    first = lines[start] if start < end else ""
    depth = (len(first) - len(first.lstrip(" "))) // 4
    wrapper = [" " * 4 * i + "async def _():\n" for i in range(depth)]
    local = wrapper + lines[start:end]
    try:
        tree = ast.parse("".join(local))
    except SyntaxError:
        return None
    pieces = _pieces(path, local, tree)
    if any(p.start < len(wrapper) for p in pieces):
        return None  # a line between the fragment's statements: leave it to the whole module
    shift = start - len(wrapper)
    return [replace(p, start=p.start + shift, end=p.end + shift) for p in pieces]


def _compiled(path: str, text: str) -> None:
    """Byte-compile a module (without keeping it): generated code that does not parse is our bug."""
    try:
        compile(text, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        raise GeneratorError(
            f"generated code does not compile ({getattr(exc, 'msg', exc)}); please report this bug",
            source=path,
            line=getattr(exc, "lineno", None),
        ) from None


def _needs_black(line: str) -> bool:
    if _SUSPECT_CHARS.search(line):
        return True
    if len(line) > LINE_LENGTH + 1:
        if _UNSPLITTABLE.fullmatch(line):
            return False
        member = _LONG_STRING_MEMBER.fullmatch(line)
        return member is None or fits_in_parentheses(member.group(1), 4)
    # black measures East Asian wide characters as two columns
    return not line.isascii() and 2 * len(line) > LINE_LENGTH + 1


def _pieces(path: str, lines: list[str], tree: ast.Module) -> list[Piece]:
    """The smallest statements (or function headers) covering every line black may change."""
    found: list[Piece] = []
    for index, line in enumerate(lines):
        if not _needs_black(line) or (found and found[-1].start <= index < found[-1].end):
            continue
        chain = _statements_at(tree.body, index + 1)
        if not chain:
            return [Piece(path, 0, len(lines), "".join(lines))]  # between statements: all of it
        if _is_text(chain[-1]) and not _SUSPECT_TEXT.search(line):
            continue  # a long line of a docstring: black leaves its text alone
        found.append(_piece(path, lines, chain, index + 1))
    return _outermost(sorted(found, key=lambda p: (p.start, -p.end)))


def _piece(path: str, lines: list[str], chain: list[ast.stmt], number: int) -> Piece:
    """The innermost statement of ``chain`` as a piece; only its header when the line is in a
    function's header; the statements around it become stand-in ``async def _():`` blocks."""
    while len(chain) > 1 and _is_text(chain[-1]):
        chain = chain[:-1]
    node = chain[-1]
    depth = node.col_offset // 4  # not len(chain): an except clause holds statements at its try's depth
    wrapper = "".join(" " * 4 * i + "async def _():\n" for i in range(depth))
    start, end = _span(node)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
        body_start = _span(node.body[0])[0]
        if number < body_start and body_start > node.lineno:
            header = "".join(lines[start - 1 : body_start - 1])
            tail = " " * 4 * (depth + 1) + "pass\n"
            return Piece(path, start - 1, body_start - 1, wrapper + header + tail, wrapper, tail)
    return Piece(path, start - 1, end, wrapper + "".join(lines[start - 1 : end]), wrapper)


def _statements_at(body: list[ast.stmt], number: int) -> list[ast.stmt]:
    """The statements holding line ``number``, outermost first; [] when it is between statements."""
    for node in body:
        start, end = _span(node)
        if start <= number <= end:
            for name in ("body", "orelse", "finalbody", "handlers"):
                inner = _statements_at(getattr(node, name, None) or [], number)
                if inner:
                    return [node, *inner]
            return [node]
    return []


def _is_text(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _outermost(pieces: list[Piece]) -> list[Piece]:
    """Pieces without the ones inside another (a class and one of its methods)."""
    kept: list[Piece] = []
    for piece in pieces:
        if kept and piece.start < kept[-1].end:
            continue
        kept.append(piece)
    return kept


def _span(node: ast.stmt) -> tuple[int, int]:
    decorators = getattr(node, "decorator_list", ())
    start = min([node.lineno, *(d.lineno for d in decorators)])
    return start, node.end_lineno or node.lineno


def _format_pieces(pieces: list[Piece], cache: Path | None) -> list[str]:
    results: list[str | None] = [None] * len(pieces)
    todo: list[int] = []
    for i, piece in enumerate(pieces):
        results[i] = _read_cache(cache, _key(piece.text))
        if results[i] is None:
            todo.append(i)
    formatted = _black_all([(pieces[i].path, pieces[i].text) for i in todo])
    for i, text in zip(todo, formatted):
        results[i] = text
        _write_cache(cache, _key(pieces[i].text), text)
    return [_unwrapped(p, r or "") for p, r in zip(pieces, results)]


def _unwrapped(piece: Piece, text: str) -> str:
    if not text.startswith(piece.wrapper) or not text.endswith(piece.tail):
        raise GeneratorError("black moved a stand-in block; please report this bug", source=piece.path)
    return text[len(piece.wrapper) : len(text) - len(piece.tail)].lstrip("\n")


def _spliced(lines: list[str], done: list[tuple[Piece, str]]) -> str:
    parts: list[str] = []
    at = 0
    for piece, text in done:
        parts.extend(lines[at : piece.start])
        parts.append(text)
        at = piece.end
    parts.extend(lines[at:])
    return "".join(parts)


@functools.lru_cache(maxsize=1)
def black_mode() -> Any:
    """black's mode for the generated code; black is imported on first use (most builds of an
    unchanged or cached tree never call it, and importing it is a tenth of a second)."""
    from black.mode import Mode, TargetVersion

    return Mode(target_versions={TargetVersion.PY310}, line_length=LINE_LENGTH)


def __getattr__(name: str) -> Any:
    """``MODE``: black's mode, made on first use."""
    if name == "MODE":
        return black_mode()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.lru_cache(maxsize=1)
def _key_prefix() -> bytes:
    # the mode's fields, spelled without importing black
    mode = f"PY310|{LINE_LENGTH}"
    return f"{installed_version('black', 'black')}|{mode}|".encode()




def _key(text: str) -> str:
    return hashlib.sha256(_key_prefix() + text.encode()).hexdigest()


def _black(path: str, text: str) -> str:
    import black
    from black.parsing import InvalidInput

    try:
        return black.format_str(text, mode=black_mode())
    except InvalidInput as exc:
        raise GeneratorError(f"generated code does not parse ({exc}); please report this bug", source=path) from None


def _black_batch(items: list[tuple[str, str]]) -> list[str]:
    return [_black(p, t) for p, t in items]


def _black_all(items: list[tuple[str, str]]) -> list[str]:
    workers = min(os.cpu_count() or 1, 8)
    if not items:
        return []
    if sum(len(t) for _, t in items) < PARALLEL_THRESHOLD or workers < 2:
        return _black_batch(items)
    # biggest first, each to the least loaded worker: the workers finish together
    loads = [0] * workers
    chunks: list[list[int]] = [[] for _ in range(workers)]
    for i in sorted(range(len(items)), key=lambda i: -len(items[i][1])):
        w = loads.index(min(loads))
        chunks[w].append(i)
        loads[w] += len(items[i][1])
    from concurrent.futures import ProcessPoolExecutor  # only when black formats a lot

    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
        results = list(pool.map(_black_batch, [[items[i] for i in chunk] for chunk in chunks]))
    merged: list[str] = [""] * len(items)
    for chunk, chunk_result in zip(chunks, results):
        for i, text in zip(chunk, chunk_result):
            merged[i] = text
    return merged


def _read_cache(cache: Path | None, key: str) -> str | None:
    if cache is None:
        return None
    try:
        return (cache / key[:2] / key).read_text(encoding="utf-8")
    except OSError:
        return None


def _write_cache(cache: Path | None, key: str, text: str) -> None:
    if cache is None:
        return
    try:
        folder = cache / key[:2]
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, folder / key)
    except OSError:
        pass  # a cache that cannot be written only costs time
