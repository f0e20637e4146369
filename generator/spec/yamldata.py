"""YAML text → plain data: libyaml's parser (when present) and our own node builder, which
bounds depth and alias expansion, keeps mapping keys as written, and can note where the upper
mappings' entries sit in the text (``Outliner``) for a later load to reuse (``spec/reuse.py``)."""

from __future__ import annotations

import json
from typing import Any, Iterator

import yaml  # type: ignore[import-untyped, unused-ignore]

from generator.errors import GeneratorError, escape_pointer_token

# Real documents nest about 25 levels; 256 keeps the recursive later stages far from
# Python's recursion limit (1,000 frames) even at several frames per level.
MAX_DEPTH = 256
# YAML aliases may add this many nodes beyond the document's own before it is refused
# (a "billion laughs" document adds 10**9 from a few hundred bytes).
MAX_ALIAS_NODES = 1_000_000
# block mappings this deep (the root is 0) are outlined for a later load to reuse: the root,
# ``paths`` and ``components`` and their entries (each path item, ``components/schemas``)
OUTLINE_DEPTH = 3
# only the parser (libyaml's when present) is used; nodes are built by build_from_events
PARSER: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

_Y = "tag:yaml.org,2002:"
_WORDS: dict[str, Any] = {
    **dict.fromkeys(["", "~", "null", "Null", "NULL"], None),
    **dict.fromkeys("yes Yes YES true True TRUE on On ON".split(), True),
    **dict.fromkeys("no No NO false False FALSE off Off OFF".split(), False),
}
_NUMBER_RESOLVERS = [
    (tag, regexp)
    for tag, regexp in yaml.resolver.Resolver.yaml_implicit_resolvers.get("1", [])
    if tag in (_Y + "int", _Y + "float")
] + [
    (tag, regexp) for tag, regexp in yaml.resolver.Resolver.yaml_implicit_resolvers.get(".", []) if tag == _Y + "float"
]
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_COLLECTION_TAGS = {None, "!", _Y + "map", _Y + "seq"}


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_Y) :] if tag.startswith(_Y) else tag


def _plain_scalar(value: str) -> Any:
    """Resolve an untagged plain scalar as PyYAML's safe loader does, but keep timestamps as text."""
    word = _WORDS.get(value, _WORDS)
    if word is not _WORDS:
        return word
    if value[0] in "0123456789+-.":
        for tag, regexp in _NUMBER_RESOLVERS:
            if regexp.match(value):
                return _tagged_scalar(tag, value)
    return value


def _tagged_scalar(tag: str, value: str) -> Any:
    node = yaml.ScalarNode(tag, value)
    if tag == _Y + "int":
        return _SCALAR_CONSTRUCTOR.construct_yaml_int(node)
    if tag == _Y + "float":
        return _SCALAR_CONSTRUCTOR.construct_yaml_float(node)
    if tag == _Y + "bool":
        return _SCALAR_CONSTRUCTOR.construct_yaml_bool(node)
    return None  # null


class _Frame:
    """A collection being built from the event stream."""

    __slots__ = ("value", "key", "nodes_before", "height", "anchor", "merges", "entries", "column", "path")

    def __init__(self, value: Any, nodes_before: int, anchor: str | None) -> None:
        self.value = value
        self.key: Any = _Frame  # _Frame itself means "expecting a key"
        self.nodes_before = nodes_before
        self.height = 0
        self.anchor = anchor
        self.merges: list[Any] = []
        # outlined mappings only: (key, line) of each entry, the keys' column, the keys leading here
        self.entries: list[tuple[str, int]] | None = None
        self.column = -1
        self.path: tuple[str, ...] = ()


class Outliner:
    """What ``build_from_events`` notes, when given one, of where the upper block mappings' entries
    sit in the text (``spec/reuse.py`` reads it): every block mapping fewer than ``OUTLINE_DEPTH``
    mappings deep whose keys each begin a line, by the keys leading to it. ``lines`` are the whole
    text's, ``first_line`` where the parsed text starts among them, ``path`` and ``depth`` where its
    root mapping sits in the whole document."""

    def __init__(self, lines: list[str], *, first_line: int = 0, path: tuple[str, ...] = ()) -> None:
        self.lines, self.first_line, self.path = lines, first_line, path
        self.mappings: dict[tuple[str, ...], tuple[tuple[tuple[str, int], ...], int]] = {}
        self.root_column = -1  # the column of the root mapping's keys (-1: not an outlined mapping)
        self.plain = True  # no anchors, aliases, merge keys or directives: every part stands alone

    def start(self, frame: _Frame, parent: _Frame | None, event: Any, depth: int) -> None:
        if event.flow_style is not False or depth >= OUTLINE_DEPTH:
            return
        if parent is None:
            frame.entries, frame.path = [], self.path
        elif parent.entries is not None and type(parent.value) is dict:
            frame.entries, frame.path = [], parent.path + (parent.key,)

    def key(self, frame: _Frame, event: Any) -> None:
        assert frame.entries is not None
        mark = event.start_mark
        line = self.first_line + mark.line
        if (frame.column < 0 or mark.column == frame.column) and not self.lines[line][: mark.column].strip(" "):
            frame.column = mark.column
            frame.entries.append((event.value, line))
        else:  # an explicit key ("? k"), or one after "- ": its entries do not begin lines
            frame.entries = None

    def end(self, frame: _Frame, event: Any, root: bool) -> None:
        if frame.entries is not None:
            self.mappings[frame.path] = (tuple(frame.entries), self.first_line + event.start_mark.line)
            if root:
                self.root_column = frame.column


def yaml_data(text: str, source: str, outliner: Outliner | None = None) -> Any:
    try:
        return build_from_events(yaml.parse(text, Loader=PARSER), source, outliner)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed"
        where = f" (column {mark.column + 1})" if mark else ""
        raise GeneratorError(
            f"invalid YAML: {problem}{where}",
            source=source,
            line=mark.line + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise GeneratorError(f"invalid YAML: {exc}", source=source) from None
    except RecursionError:  # the pure-Python parser recurses; the C one does not
        raise GeneratorError(f"nesting deeper than {MAX_DEPTH} levels", source=source) from None


def build_from_events(events: Iterator[Any], source: str, outliner: Outliner | None = None, depth: int = 0) -> Any:
    """Build plain data from parser events, iteratively, counting depth and alias expansion.

    Mapping keys stay the text that was written (``200:`` gives ``"200"``); an alias costs the
    size of what it repeats, so exponential alias trees are refused without being expanded.
    ``outliner`` notes where the upper mappings' entries are; ``depth`` is how deep the text's
    root sits in a larger document (a part parsed on its own).
    """
    stack: list[_Frame] = []
    # anchor name -> (value, expanded size in nodes, height)
    anchors: dict[str, tuple[Any, int, int]] = {}
    nodes = 0
    alias_nodes = 0
    documents = 0
    merged = False
    root: Any = None

    def fail(message: str, event: Any) -> GeneratorError:
        return GeneratorError(message, source=source, line=event.start_mark.line + 1)

    def attach(value: Any, height: int, event: Any) -> None:
        nonlocal root, merged
        if not stack:
            root = value
            return
        frame = stack[-1]
        if len(stack) + depth + height > MAX_DEPTH:
            raise fail(f"nesting deeper than {MAX_DEPTH} levels", event)
        frame.height = max(frame.height, height + 1)
        container = frame.value
        if type(container) is list:
            container.append(value)
        elif frame.key is _Frame:
            if isinstance(value, (dict, list)):
                raise fail("a mapping key must be a scalar, not a collection", event)
            frame.key = value if isinstance(value, str) else json.dumps(value)
        else:
            if frame.key == "<<" and type(event) is not yaml.ScalarEvent:
                frame.merges.append(value)
                merged = True
            else:
                container[frame.key] = value
            frame.key = _Frame

    for event in events:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            nodes += 1
            if stack and type(stack[-1].value) is dict and stack[-1].key is _Frame:
                value: Any = event.value  # keys keep their text
                if stack[-1].entries is not None:
                    outliner.key(stack[-1], event)  # type: ignore[union-attr]
            elif event.implicit[0]:
                value = _plain_scalar(event.value)
            elif event.tag in (None, "!", _Y + "str"):
                value = event.value
            elif event.tag in (_Y + "int", _Y + "float", _Y + "bool", _Y + "null"):
                value = _tagged_scalar(event.tag, event.value)
            else:
                raise fail(f"unsupported YAML tag {_short_tag(event.tag)}", event)
            if event.anchor:
                anchors[event.anchor] = (value, 1, 0)
            attach(value, 0, event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.tag not in _COLLECTION_TAGS:
                raise fail(f"unsupported YAML tag {_short_tag(event.tag)}", event)
            nodes += 1
            container: Any = {} if kind is yaml.MappingStartEvent else []
            if len(stack) + depth >= MAX_DEPTH:
                raise fail(f"nesting deeper than {MAX_DEPTH} levels", event)
            new = _Frame(container, nodes + alias_nodes, event.anchor)
            if outliner is not None and kind is yaml.MappingStartEvent:
                outliner.start(new, stack[-1] if stack else None, event, len(stack) + depth)
            attach(container, 0, event)
            stack.append(new)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = stack.pop()
            if frame.entries is not None:
                outliner.end(frame, event, not stack)  # type: ignore[union-attr]
            if frame.merges:
                _apply_merges(frame, event, fail)
            if frame.anchor:
                size = nodes + alias_nodes - frame.nodes_before + 1
                anchors[frame.anchor] = (frame.value, size, frame.height)
            if stack:
                stack[-1].height = max(stack[-1].height, frame.height + 1)
        elif kind is yaml.AliasEvent:
            if event.anchor not in anchors:
                open_anchor = any(f.anchor == event.anchor for f in stack)
                why = "refers to a collection that contains it" if open_anchor else "is not defined"
                raise fail(f"YAML alias *{event.anchor} {why}", event)
            value, size, height = anchors[event.anchor]
            alias_nodes += size
            if alias_nodes > MAX_ALIAS_NODES + nodes:
                raise fail(
                    f"YAML aliases expand to more than {MAX_ALIAS_NODES:,} extra nodes (an alias bomb?)",
                    event,
                )
            attach(value, height, event)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise fail("the file holds more than one YAML document", event)
            if outliner is not None and (event.version or event.tags):
                outliner.plain = False
    if outliner is not None and (anchors or alias_nodes or merged):
        outliner.plain = False
    return root


def _apply_merges(frame: _Frame, event: Any, fail: Any) -> None:
    """YAML merge keys (``<<: *base``): the mapping's own keys win over merged ones."""
    merged: dict[str, Any] = {}
    sources = [m for item in frame.merges for m in (item if isinstance(item, list) else [item])]
    for source in reversed(sources):
        if not isinstance(source, dict):
            raise fail("a YAML merge key (<<) needs a mapping or a list of mappings", event)
        merged.update(source)
    merged.update(frame.value)
    frame.value.clear()
    frame.value.update(merged)


def pointer_lines(raw: bytes | str) -> dict[str, int]:
    """Map every JSON pointer of the text to the 1-based line of its key or item (none for one-line text)."""
    lines: dict[str, int] = {}
    if (b"\n" if isinstance(raw, bytes) else "\n") not in raw.strip():  # type: ignore[operator]
        return lines
    # frame: [pointer prefix, next item index or -1 for a mapping, pending key pointer or None]
    stack: list[list[Any]] = []
    try:
        for event in yaml.parse(raw, Loader=PARSER):
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            if not isinstance(event, (yaml.NodeEvent, yaml.CollectionStartEvent)):
                continue
            line = event.start_mark.line + 1
            if not stack:
                pointer = ""
                lines[pointer] = line
            else:
                frame = stack[-1]
                if frame[1] >= 0:
                    pointer = f"{frame[0]}/{frame[1]}"
                    frame[1] += 1
                    lines[pointer] = line
                elif frame[2] is None:
                    key = event.value if kind is yaml.ScalarEvent else "?"
                    key_pointer = f"{frame[0]}/{escape_pointer_token(key)}"
                    frame[2] = key_pointer
                    lines[key_pointer] = line
                    if kind is not yaml.ScalarEvent:
                        stack.append(["\x00", 0 if kind is yaml.SequenceStartEvent else -1, None])
                    continue
                else:
                    pointer, frame[2] = frame[2], None
            if kind is yaml.MappingStartEvent:
                stack.append([pointer, -1, None])
            elif kind is yaml.SequenceStartEvent:
                stack.append([pointer, 0, None])
    except (yaml.YAMLError, RecursionError):
        return {}
    return lines


def nearest_line(lines: dict[str, int], pointer: str) -> int | None:
    probe = pointer
    while probe not in lines:
        if not probe:
            return None
        probe = probe[: probe.rfind("/")]
    return lines[probe]
