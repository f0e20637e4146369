"""A parse that reuses the parts of the last parse whose inputs did not change.

The parse goes through the document in parts, one after the other: each operation, then each
component schema in each view it is used in. A part reads the document (its own node, and what
it reaches through ``$ref``), reads the state the parts before it left (names taken, models made)
and changes that state. Recording a parse keeps, for each part, the pointers it read, the models it
looked at, every change it made to the shared state (in order) and what it returned.

The next parse of the same output replays a part instead of running it when three things hold:
the state before it is the one the recorded part met (every part before it made the same
changes, ignoring the content of models, which only ``model_for`` reads), the document is
unchanged at every pointer it read, and every model it looked at is the same. A part that
runs again and makes other changes (a new inline model's name, a renamed view) ends the
replaying: every part after it runs as in a cold parse. The result is the cold parse's, by
construction; the test suite holds it to that on random edits of real documents.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import pickle
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from generator import ir
from generator.errors import Diagnostic, GeneratorError
from generator.parse.names import Namespace
from generator.parse.schemas import SchemaBuilder
from generator.spec.refs import MISSING, node_at

FORMAT = 1  # of what is kept between builds; a record of another format is ignored


@dataclass(frozen=True)
class Failure:
    """A part that raised ``GeneratorError`` (its operation is skipped with a warning)."""

    message: str
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class Part:
    id: tuple[str, ...]
    reads: tuple[str, ...]  # document pointers read ("" for the whole document)
    looked_at: tuple[tuple[ir.ModelRef, Any], ...]  # models read, as they were then (None: not made yet)
    changes: tuple[tuple[Any, ...], ...]  # in order: claims, refs, schemas, adoptions, views, hints
    diagnostics: tuple[Diagnostic, ...]
    outcome: Any  # what the part returned, or a Failure


@dataclass
class Record:
    """One recorded parse: what it started from, its parts, and the document's digests at the
    pointers they read."""

    key: str  # the generator's code and the client settings: another key, another parse
    source: str
    prepared: tuple[Any, ...]
    parts: list[Part] = field(default_factory=list)
    digests: dict[str, bytes] = field(default_factory=dict)
    walked: dict[bytes, tuple[tuple[str, ...], bool]] = field(default_factory=dict)  # see SchemaBuilder._walked
    derived: dict[str, tuple[Any, list[tuple[tuple[Any, ...], Any]]]] = field(default_factory=dict)  # see Derived


def signature(changes: tuple[tuple[Any, ...], ...]) -> tuple[tuple[Any, ...], ...]:
    """What later parts can see of a part's changes: all but the content of the models it made."""
    return tuple(c[:2] if c[0] == "schema" else c for c in changes)


class NodeDigests:
    """Digests of document nodes, each node object digested once: equal nodes, equal digests in
    any process (marshal format 0 writes no references and no interning, only the values, in order)."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, bytes]] = {}

    def of(self, node: Any) -> bytes:
        hit = self._memo.get(id(node))
        if hit is not None and hit[0] is node:
            return hit[1]
        try:
            digest = hashlib.blake2b(marshal.dumps(node, 0), digest_size=16).digest()
        except ValueError:  # not plain data (cannot happen for a loaded document): equal to nothing
            digest = b"unknown:" + os.urandom(16)
        self._memo[id(node)] = (node, digest)
        return digest

    def at(self, document: Any, pointer: str) -> bytes:
        """The digest of the node at ``pointer`` ("missing" where there is none)."""
        node = node_at(document, pointer)
        return b"missing" if node is MISSING else self.of(node)


class Derived:
    """What a pass over the parsed API made from IR objects, kept for the next build: a result is
    taken again when the pass is given the very same objects (those a replayed part returned) in
    an equal ``context`` (what else the pass reads), so that it is the same object as well."""

    def __init__(self, context: Any, earlier: tuple[Any, list[tuple[tuple[Any, ...], Any]]] | None) -> None:
        self.context = context
        found = earlier[1] if earlier is not None and earlier[0] == context else []
        self._found = {tuple(map(id, inputs)): (inputs, result) for inputs, result in found}
        self.kept: list[tuple[tuple[Any, ...], Any]] = []

    def __call__(self, inputs: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        """``make()``, made from ``inputs`` (and the context) only, or what it made last time."""
        hit = self._found.get(tuple(map(id, inputs)))
        if hit is not None and all(a is b for a, b in zip(hit[0], inputs)):
            result = hit[1]
        else:
            result = make()
        self.kept.append((inputs, result))
        return result


def made_anew(inputs: tuple[Any, ...], make: Callable[[], Any]) -> Any:
    """What a pass makes with no memory of an earlier build: ``make()``."""
    return make()


# a pass's memory of what it made, by name and context (``Replay.derived``)
Deriving = Callable[[str, Any], Callable[[tuple[Any, ...], Callable[[], Any]], Any]]


class Replay:
    """Runs the parts of one parse: replays what it can of ``earlier`` and records every part."""

    def __init__(
        self,
        earlier: Record | None,
        record: Record,
        builder: SchemaBuilder,
        diagnostics: list[Diagnostic],
        nodes: NodeDigests,
    ) -> None:
        self._nodes = nodes
        self.record = record
        self.builder = builder
        self.document = builder.resolver.document
        # the namespaces a part may claim in: the builder's and each operation group's methods
        self.namespaces: dict[str, Namespace] = {}
        self.add_namespace("classes", builder.classes)
        self.add_namespace("modules", builder.modules)
        self.diagnostics = diagnostics
        usable = earlier is not None and earlier.key == record.key and earlier.prepared == record.prepared
        self.earlier = earlier if usable else None
        self._derivable = earlier if earlier is not None and earlier.key == record.key else None
        self._derived: dict[str, Derived] = {}
        self.in_step = self.earlier is not None
        self.position = 0
        self._digests: dict[str, bytes] = {}
        self.replayed = 0  # parts reused
        self.stopped_at: tuple[str, ...] | None = None  # the part after which none was

    def derived(self, name: str, context: Any) -> Derived:
        """The memory of the pass ``name`` (see ``Derived``), kept in this parse's record."""
        earlier = self._derivable.derived.get(name) if self._derivable is not None else None
        found = self._derived[name] = Derived(context, earlier)
        return found

    def add_namespace(self, label: str, namespace: Namespace) -> None:
        namespace.label = label
        self.namespaces[label] = namespace

    def run(self, part_id: tuple[str, ...], seeds: tuple[str, ...], work: Callable[[], Any]) -> Any:
        """``work()``'s result, or the recorded one when the recorded part may stand for it."""
        earlier = self._candidate(part_id)
        if earlier is not None and self._unchanged(earlier):
            self._replay(earlier)
            return self._outcome(earlier.outcome)
        part = self._recorded(part_id, seeds, work)
        if self.in_step and (earlier is None or signature(part.changes) != signature(earlier.changes)):
            self._stop(part_id)
        return self._outcome(part.outcome)

    def _stop(self, part_id: tuple[str, ...]) -> None:
        """From here on every part runs: the state no longer matches the record's."""
        self.in_step = False
        self.stopped_at = part_id

    # ------------------------------------------------------------ replaying

    def _candidate(self, part_id: tuple[str, ...]) -> Part | None:
        position, self.position = self.position, self.position + 1
        if not self.in_step or self.earlier is None:
            return None
        part = self.earlier.parts[position] if position < len(self.earlier.parts) else None
        if part is None or part.id != part_id:
            self._stop(part_id)
            return None
        return part

    def _unchanged(self, part: Part) -> bool:
        assert self.earlier is not None
        for pointer in part.reads:
            now = self._digests.get(pointer)
            if now is None:
                now = self._digests[pointer] = self._nodes.at(self.document, pointer)
            if now != self.earlier.digests.get(pointer):
                return False
        for ref, then in part.looked_at:
            model = self.builder.model_for(ref)
            if model is not then and model != then:
                return False
        return True

    def _replay(self, part: Part) -> None:
        for change in part.changes:
            if change[0] == "claim":
                self.namespaces[change[1]].take(change[2])
            else:
                self.builder.apply(change)
        old, new = self.earlier.source if self.earlier else "", self.record.source
        if old != new:  # the same document read from another file: its messages name the new one

            def moved(found: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
                return tuple(d if d.source != old else replace(d, source=new) for d in found)

            outcome = part.outcome
            if isinstance(outcome, Failure):
                outcome = Failure(outcome.message, moved(outcome.diagnostics))
            part = replace(part, diagnostics=moved(part.diagnostics), outcome=outcome)
        self.diagnostics.extend(part.diagnostics)
        self.record.parts.append(part)
        self.replayed += 1

    @staticmethod
    def _outcome(outcome: Any) -> Any:
        if isinstance(outcome, Failure):
            raise GeneratorError(outcome.message, diagnostics=outcome.diagnostics)
        return outcome

    # ------------------------------------------------------------ recording

    def _recorded(self, part_id: tuple[str, ...], seeds: tuple[str, ...], work: Callable[[], Any]) -> Part:
        changes: list[tuple[Any, ...]] = []
        looked_at: list[tuple[ir.ModelRef, Any]] = []
        reads: set[str] = set(seeds)
        start = len(self.diagnostics)
        for namespace in self.namespaces.values():
            namespace.journal = changes
        self.builder.journal, self.builder.looked_at, self.builder.resolver.reads = changes, looked_at, reads
        try:
            outcome: Any = work()
        except GeneratorError as exc:
            outcome = Failure(Exception.__str__(exc), exc.diagnostics)
        finally:
            for namespace in self.namespaces.values():
                namespace.journal = None
            self.builder.journal, self.builder.looked_at, self.builder.resolver.reads = None, None, None
        # a model the part made itself is made again alike when the rest is alike: not an input
        own = {change[2] for change in changes if change[0] == "ref"}
        part = Part(
            part_id,
            tuple(sorted(reads)),
            tuple({ref: (ref, then) for ref, then in reversed(looked_at) if ref not in own}.values()),
            tuple(changes),
            tuple(self.diagnostics[start:]),
            outcome,
        )
        self.record.parts.append(part)
        return part

    def finish(self) -> Record:
        """The record of this parse, with the digests of every pointer its parts read."""
        self.record.derived = {name: (d.context, d.kept) for name, d in self._derived.items()}
        digests = self.record.digests
        for part in self.record.parts:
            for pointer in part.reads:
                if pointer not in digests:
                    known = self._digests.get(pointer)
                    digests[pointer] = known if known is not None else self._nodes.at(self.document, pointer)
        return self.record


# ----------------------------------------------------------------------------- kept between builds

_ALLOWED = {
    "generator.ir": None,  # any of its classes
    "generator.errors": {"Diagnostic", "Level"},
    "generator.parse.replay": {"Record", "Part", "Failure"},
    "builtins": {"set", "frozenset", "tuple", "list", "dict", "bytes", "str", "int", "float", "bool", "complex"},
    "copyreg": {"_reconstructor"},
}


class _Unpickler(pickle.Unpickler):
    """Loads only the IR's own classes: a cache file that names anything else is refused."""

    def find_class(self, module: str, name: str) -> Any:
        allowed = _ALLOWED.get(module, set())
        if allowed is not None and name not in allowed:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a recorded parse")
        found = super().find_class(module, name)
        if module == "generator.ir" and not isinstance(found, type):
            raise pickle.UnpicklingError(f"{module}.{name} is not a class")
        return found


def dumps(record: Record, extra: Any = None) -> bytes:
    """The record, and ``extra`` (plain data and IR objects: what planning keeps beside it)."""
    return pickle.dumps((FORMAT, record, extra), protocol=5)


def loads(data: bytes) -> tuple[Record, Any] | None:
    """What ``dumps`` kept, or None for anything else (another format, a damaged file)."""
    try:
        found = _Unpickler(io.BytesIO(data)).load()
    except Exception:  # a damaged or foreign cache file only costs the time of a cold parse
        return None
    if isinstance(found, tuple) and len(found) == 3 and found[0] == FORMAT and isinstance(found[1], Record):
        return found[1], found[2]
    return None
