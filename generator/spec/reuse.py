"""A YAML text loaded again after a small change: only the changed parts are parsed.

A full load notes where the entries of the document's upper block mappings sit (the root,
``paths``, ``components``, each path item, ``components/schemas``: ``load.Outliner``). Given that
outline, the earlier text and the data built from it, a new text is matched against the earlier
one entry by entry: each entry's key line is looked for in the new text, and an entry whose lines
are the same as before keeps the value built before; one that changed is parsed on its own (or,
when it is itself outlined, matched the same way one level down).

An entry parsed on its own parses as it would in place when it is a complete block mapping at the
mapping's column: nothing it opens (a quote, a bracket, a block scalar) can reach past its last
line, since the parse of the part alone would fail, and what follows it in place begins at a key
line of that column or less, which ends everything it holds. What could make a part mean
something else in place is ruled out first: anchors, aliases, merge keys and directives (the
earlier text had none and no changed part may have any), and document markers (``---``, ``...``)
in a changed part. Anything not as expected gives None and the caller parses the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]

from generator.errors import GeneratorError, escape_pointer_token, unescape_pointer_token
from generator.spec.yamldata import PARSER, Outliner, build_from_events, nearest_line, pointer_lines, yaml_data

Path = tuple[str, ...]
Mappings = dict[Path, tuple[tuple[tuple[str, int], ...], int]]

# line breaks other than "\n" (YAML's own, and those str.splitlines adds): a text holding any is
# parsed whole, so that a line here is always a line to the parser
_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\ufeff]")
_MARKER = re.compile(r"(---|\.\.\.)(\s|$)")
_MAX_MISSING = 64  # entries of one mapping not found again before the whole mapping is parsed


@dataclass(frozen=True)
class Outline:
    """Where a YAML text's upper block mappings have their entries: for each, by the keys leading
    to it, ``((key, line of the key), ...)`` and the line where the mapping ends (0-based)."""

    text: str
    mappings: Mappings

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines(keepends=True)

    def line_of(self, pointer: str) -> int | None:
        """The 1-based line of ``pointer`` (or of its nearest ancestor there), found by parsing
        again only the outlined entry that holds it; None when the outline cannot tell."""
        tokens = [unescape_pointer_token(t) for t in pointer.split("/")[1:]] if pointer else []
        path: Path = ()
        start = stop = 0
        while path in self.mappings and len(path) < len(tokens):
            entries, end = self.mappings[path]
            key = tokens[len(path)]
            # a repeated key's last entry, as the line map has it
            at = next((i for i in reversed(range(len(entries))) if entries[i][0] == key), None)
            if at is None:
                return None
            start, stop = entries[at][1], entries[at + 1][1] if at + 1 < len(entries) else end
            path += (key,)
        if not path:
            return None
        if len(path) == len(tokens) or stop - start == 1:
            return start + 1  # the entry's key, or somewhere on its one line
        found = pointer_lines("".join(self.lines[start:stop]))
        rest = "".join("/" + escape_pointer_token(t) for t in tokens[len(path) - 1 :])
        line = nearest_line(found, rest) if found else None
        return None if line is None else start + line

    def to_plain(self) -> tuple[str, Mappings]:
        return self.text, self.mappings

    @classmethod
    def from_plain(cls, plain: Any) -> Outline | None:
        """The outline ``to_plain`` gave (read back from a cache), or None if it is not one."""
        if not (isinstance(plain, tuple) and len(plain) == 2 and isinstance(plain[0], str)):
            return None
        if not isinstance(plain[1], dict):
            return None
        return cls(plain[0], plain[1])


def outlinable(text: str) -> bool:
    """Whether a text's lines are the parser's lines (only "\\n" breaks), ending in a line break."""
    return text.endswith("\n") and not _OTHER_BREAKS.search(text)


def outlined(text: str, source: str) -> tuple[Any, Outline | None]:
    """The data of a whole YAML text, with its outline when a later load may reuse parts of it."""
    if not outlinable(text):
        return yaml_data(text, source), None
    outliner = Outliner(text.splitlines(keepends=True))
    data = yaml_data(text, source, outliner)
    if not outliner.plain or () not in outliner.mappings:
        return data, None
    return data, _with_lines(Outline(text, outliner.mappings), outliner.lines)


def reparsed(text: str, earlier: Outline, earlier_data: Any, source: str) -> tuple[Any, Outline] | None:
    """The data of ``text`` built by reusing ``earlier_data`` (the data of ``earlier.text``, which
    this may share parts of: give it a copy that nothing else holds), with the text's outline;
    None when the text cannot be matched so (the caller parses it whole)."""
    if not outlinable(text) or () not in earlier.mappings or not isinstance(earlier_data, dict):
        return None
    new_lines = text.splitlines(keepends=True)
    matcher = _Matcher(earlier, new_lines, source)
    try:
        data = matcher.mapping((), earlier_data, 0, len(new_lines), leading_markers=True)
    except _Unmatched:
        return None
    if data is None:
        return None
    return data, _with_lines(Outline(text, matcher.mappings), new_lines)


def _with_lines(outline: Outline, lines: list[str]) -> Outline:
    """``outline`` holding the lines its text was already split into, so that ``Outline.lines`` does
    not split the text a second time when the outline is used in this process."""
    outline.__dict__["lines"] = lines
    return outline


class _Unmatched(Exception):
    """The new text cannot be built from parts here."""


class _Matcher:
    def __init__(self, earlier: Outline, new_lines: list[str], source: str) -> None:
        self.old = earlier.mappings
        self.old_lines = earlier.lines
        self.new_lines = new_lines
        self.source = source
        self.mappings: Mappings = {}
        self.children: dict[Path, list[Path]] = {}  # outlined mapping → the outlined mappings right inside it
        for path in self.old:
            if path:
                self.children.setdefault(path[:-1], []).append(path)

    def mapping(
        self, path: Path, old_value: dict[str, Any], start: int, end: int, *, leading_markers: bool = False
    ) -> dict[str, Any] | None:
        """The outlined mapping at ``path`` rebuilt from the new lines ``start:end``; None when it
        cannot be (the caller parses its entry whole)."""
        entries, old_end = self.old[path]
        if not entries or len({key for key, _ in entries}) != len(entries):
            return None  # a repeated key: which value is whose is not in the outline
        column = _column(self.old_lines[entries[0][1]])
        found = self._found(entries, start, end)
        if found is None or not found:
            return None
        result: dict[str, Any] = {}
        new_entries: list[tuple[str, int]] = []
        first = found[0][0]
        if first > start:  # lines before the first known key: comments, or new entries
            part, keys = self._part(path, start, first, column, allow_start=leading_markers)
            result.update(part)
            new_entries += keys
        for k, (at, i) in enumerate(found):
            stop = found[k + 1][0] if k + 1 < len(found) else end
            key, was = entries[i]
            was_stop = entries[i + 1][1] if i + 1 < len(entries) else old_end
            if key in old_value and self.new_lines[at:stop] == self.old_lines[was:was_stop]:
                result[key] = old_value[key]
                new_entries.append((key, at))
                self._shift(path + (key,), at - was)
                continue
            inner = self._inner(path + (key,), old_value.get(key), at, stop)
            if inner is not None:
                result[key] = inner
                new_entries.append((key, at))
                continue
            part, keys = self._part(path, at, stop, column)
            if not keys or keys[0] != (key, at):
                raise _Unmatched  # the line found is not that key's any more
            # a repeated key keeps its first place and takes the last value, as in a whole parse
            result.update(part)
            new_entries += keys
        self.mappings[path] = (tuple(new_entries), end if path else self._root_end(old_end))
        return result

    def _root_end(self, old_end: int) -> int:
        # the root ends where the text does (a trailing "..." is refused in _part)
        if old_end != len(self.old_lines):
            raise _Unmatched
        return len(self.new_lines)

    def _found(self, entries: tuple[tuple[str, int], ...], start: int, end: int) -> list[tuple[int, int]] | None:
        """Where each earlier entry's key line is now, in order: ``(new line, entry index)``."""
        found: list[tuple[int, int]] = []
        cursor, missing = start, 0
        index = self.new_lines.index
        for i, (_, line) in enumerate(entries):
            try:
                at = index(self.old_lines[line], cursor, end)
            except ValueError:
                missing += 1
                if missing > _MAX_MISSING:
                    return None
                continue
            found.append((at, i))
            cursor = at + 1
        return found

    def _inner(self, path: Path, old_value: Any, at: int, stop: int) -> dict[str, Any] | None:
        """An outlined mapping's entry (``key:`` then the mapping) rebuilt one level down."""
        if path not in self.old or not isinstance(old_value, dict):
            return None
        try:
            inner = self.mapping(path, old_value, at + 1, stop)
        except _Unmatched:
            inner = None
        if inner is None:  # what the attempt outlined is all under ``path``, met here first
            for done in [p for p in self.mappings if p[: len(path)] == path]:
                del self.mappings[done]
        return inner

    def _shift(self, path: Path, by: int) -> None:
        """An unchanged entry's outlined mappings, moved ``by`` lines."""
        todo = [path] if path in self.old else []
        while todo:
            current = todo.pop()
            entries, end = self.old[current]
            self.mappings[current] = (tuple((k, line + by) for k, line in entries), end + by)
            todo.extend(self.children.get(current, ()))

    def _part(
        self, path: Path, start: int, stop: int, column: int, *, allow_start: bool = False
    ) -> tuple[dict[str, Any], tuple[tuple[str, int], ...]]:
        """New lines ``start:stop`` parsed on their own as entries of the mapping at ``path`` (its
        keys at ``column``): the entries, and where their keys are; none for lines holding nothing."""
        lines = self.new_lines[start:stop]
        for n, line in enumerate(lines):
            if (
                line.startswith("%")
                or _MARKER.match(line)
                and not (allow_start and line.startswith("---") and _blank(lines[:n]))
            ):
                raise _Unmatched  # a directive, a document's end, or a document start after content
        outliner = Outliner(self.new_lines, first_line=start, path=path)
        try:
            events = yaml.parse("".join(lines), Loader=PARSER)
            part = build_from_events(events, self.source, outliner, depth=len(path))
        except (yaml.YAMLError, GeneratorError, RecursionError):
            raise _Unmatched from None
        if not outliner.plain:
            raise _Unmatched
        if part is None:
            return {}, ()
        if not isinstance(part, dict) or outliner.root_column != column or path not in outliner.mappings:
            raise _Unmatched
        entries = outliner.mappings.pop(path)[0]
        self.mappings.update(outliner.mappings)
        return part, entries


def _blank(lines: list[str]) -> bool:
    """Whether lines hold nothing but comments and white space."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in lines)


def _column(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
