"""Planning a build: every file of ``render_package`` with a key naming everything its text depends
on, its template unrendered; what the next plan of the same output may reuse."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, cast

import jinja2

from generator import ir
from generator.build.render import Block, Blocks, environment, render_package, template_root


class PlannedFile:
    """One file of ``render_package`` before its template runs: ``key`` names everything its text
    depends on (the templates' sources, the template's arguments, of ``api`` only the parts the
    template reads), so a build can reuse the text of an earlier build, or render it elsewhere."""

    def __init__(
        self,
        path: str,
        key: str,
        template: str | None,
        arguments: dict[str, Any],
        text: str,
        weight: int = 0,
        make: Callable[[jinja2.Environment], str] | None = None,
    ) -> None:
        self.path, self.key, self.template, self.arguments, self.text = path, key, template, arguments, text
        self.weight = weight  # how much the template is given: a measure of the work of rendering it
        self.make = make  # a block planned from the last build's key: made only if its text is needed

    def render(self) -> str:
        if self.make is not None:
            return self.make(environment())
        if self.template is None:
            return self.text
        return environment().get_template(self.template).render(**self.arguments)


@dataclass
class PlanMemory:
    """What planning keeps for the next plan of the same output (plain data, pickled with the
    parse's record, which holds the same IR objects): the digests of IR objects, and for each block
    its inputs' digest → (class names the synthesizer looked up, their digest, the file's key, weight)."""

    carried: list[tuple[Any, bytes, int]] = dataclasses.field(default_factory=list)
    blocks: dict[str, tuple[tuple[str, ...], bytes, str, int]] = dataclasses.field(default_factory=dict)


def render_plan(api: ir.Api) -> list[PlannedFile]:
    """``plan_files`` with nothing from an earlier build."""
    return plan_files(api, None)[0]


def plan_files(api: ir.Api, memory: PlanMemory | None) -> tuple[list[PlannedFile], PlanMemory]:
    """``render_package``'s files, each with its key and its template unrendered, and what the
    next plan of this output may reuse.

    ``render_package`` runs with templates that record their arguments instead of rendering, and a
    file's key is the digest of its template's arguments. A block whose inputs (its part of the API,
    what its templates read of ``api``, the models its synthesizer looked up) have the digest they
    had in the ``memory`` of the last plan is not made at all: its key is the one the last plan
    computed, and its text is made later only if no earlier build has it. A file whose text is not
    exactly one recorded template's output is rendered on the spot, keyed by its text.
    """
    memory = memory or PlanMemory()
    digests = Digests(memory.carried)
    recorded: dict[str, tuple[str, dict[str, Any]]] = {}
    real = environment()
    blocks = _PlanBlocks(api, memory, digests)
    texts = render_package(api, cast(jinja2.Environment, _Recorder(real, recorded)), blocks)
    digest = _templates_digest()
    kept = PlanMemory()
    planned = []
    for path, text in texts.items():
        known = blocks.known.get(path)
        if known is not None:
            first, entry, make = known
            kept.blocks[first] = entry
            planned.append(PlannedFile(path, entry[2], None, {}, "", entry[3], make))
            continue
        if text in recorded:
            name, arguments = recorded[text]
            reads = _api_reads(name)
            shown = {k: digests.of(v) for k, v in arguments.items() if not (k == "api" and v is api)}
            material = "".join(
                f"{k}={shown[k][0].hex() if k in shown else blocks.api_key(reads)}\x00" for k in sorted(arguments)
            )
            weight = sum(size for _, size in shown.values())  # what the template's work grows with
            planned.append(PlannedFile(path, _digest(digest, path, name, material), name, arguments, "", weight))
        elif _TOKEN in text:
            whole = _TOKENS.sub(lambda m: _rendered(real, *recorded[m.group(0)]), text)
            planned.append(PlannedFile(path, _digest(digest, path, whole), None, {}, whole))
        else:
            planned.append(PlannedFile(path, _digest(digest, path, text), None, {}, text))
        pending = blocks.pending.get(path)
        if pending is not None:
            first, looked = pending
            done = planned[-1]
            kept.blocks[first] = (looked, blocks.looked_digest(looked), done.key, done.weight)
    kept.carried = digests.carried()
    return planned, kept


class _PlanBlocks(Blocks):
    """Blocks while planning: a block whose inputs' digest the last plan saw (with the same models
    looked up) is not made; the rest are made with the recording environment, noting their inputs."""

    def __init__(self, api: ir.Api, memory: PlanMemory, digests: Digests) -> None:
        self.api, self.memory, self.digests = api, memory, digests
        self.index = {s.class_name: s for s in api.schemas}
        self.known: dict[str, tuple[str, tuple[tuple[str, ...], bytes, str, int], Callable[..., str]]] = {}
        self.pending: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._api_keys: dict[frozenset[str] | None, str] = {}

    def shared(self, *values: Any) -> Any:
        return self.digests.of(values)[0]  # a digest (bytes) stands for itself among a block's inputs

    def api_key(self, reads: frozenset[str] | None) -> str:
        """The digest of what a template reads of ``api`` (all of it when the scan cannot tell)."""
        found = self._api_keys.get(reads)
        if found is None:
            parts = [self.api] if reads is None else [_api_attribute(self.api, n) for n in sorted(reads)]
            found = self._api_keys[reads] = _digest(*(self.digests.of(part)[0].hex() for part in parts))
        return found

    def looked_digest(self, looked: tuple[str, ...]) -> bytes:
        return self.digests.of(tuple(x for name in looked for x in (name, self.index.get(name))))[0]

    def __call__(self, block: Block, env: jinja2.Environment) -> str:
        first = _digest(
            _templates_digest(),
            block.path,
            *block.templates,
            *(self.api_key(_api_reads(name)) for name in block.templates),
            *((part if isinstance(part, bytes) else self.digests.of(part)[0]).hex() for part in block.inputs),
        )
        entry = self.memory.blocks.get(first)
        if entry is not None and (not entry[0] or self.looked_digest(entry[0]) == entry[1]):
            self.known[block.path] = (first, entry, block.make)
            return ""
        synth = block.synth
        if synth is not None:
            synth.looked = set()
        try:
            made = block.make(env)
        finally:
            looked = () if synth is None or synth.looked is None else tuple(sorted(synth.looked))
            if synth is not None:
                synth.looked = None
        self.pending[block.path] = (first, looked)
        return made


# IR classes digested from their fields' digests (each object once per build, and once across
# builds when the parse replays it): the rest are pickled whole inside their owner's digest
_COMPOSITE = {
    cls: tuple(f.name for f in dataclasses.fields(cls))
    for cls in (
        ir.Api,
        ir.Resource,
        ir.Operation,
        ir.Model,
        ir.Enum,
        ir.ParamsDict,
        ir.TypedPage,
    )
}


class Digests:
    """Digests of values (IR objects, tuples, dicts, scalars): equal values, equal digests, in any
    process. An IR object of a ``_COMPOSITE`` class is the digest of its fields' digests and is
    digested once per object; ``carried`` are the digests an earlier build computed for the objects
    a replayed parse reuses."""

    def __init__(self, carried: Iterable[tuple[Any, bytes, int]] = ()) -> None:
        self.memo: dict[int, tuple[Any, bytes, int]] = {id(obj): (obj, d, n) for obj, d, n in carried}

    def of(self, value: Any) -> tuple[bytes, int]:
        """The digest and the size of what was pickled for it (a measure of the work it stands for)."""
        hit = self.memo.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1], hit[2]
        kind = type(value)
        fields = _COMPOSITE.get(kind)
        if fields is not None:
            size = 0
            parts: list[Any] = [kind.__name__]
            for name in fields:
                v = getattr(value, name)
                if type(v) in _COMPOSITE or (type(v) in (tuple, list) and any(type(x) in _COMPOSITE for x in v)):
                    d, n = self.of(v)
                    parts.append(("\x00digest", d))
                    size += n
                else:
                    parts.append(v)
            digest, n = _pickled_digest(parts)
            found = (value, digest, size + n)
        elif kind in (tuple, list) and any(type(x) in _COMPOSITE for x in value):
            members = [self.of(x) for x in value]
            digest, n = _pickled_digest((kind.__name__, [d for d, _ in members]))
            found = (value, digest, n + sum(m for _, m in members))
        else:
            digest, n = _pickled_digest(value)
            if kind in (str, int, float, bool, bytes) or value is None:
                return digest, n  # not kept: small, and an id may be reused
            found = (value, digest, n)
        self.memo[id(value)] = found
        return found[1], found[2]

    def carried(self) -> list[tuple[Any, bytes, int]]:
        """The digests worth keeping for the next build: those of the IR objects digested whole."""
        return [entry for entry in self.memo.values() if type(entry[0]) in _COMPOSITE]


def _pickled_digest(value: Any) -> tuple[bytes, int]:
    """A digest of ``value`` pickled without its memo (which equal strings or objects happen to be
    one object does not show; the IR is acyclic); repr where something does not pickle."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    try:
        pickler.dump(value)
        data = buffer.getbuffer()
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        data = memoryview(repr(value).encode("utf-8", "surrogatepass"))
    return hashlib.blake2b(data, digest_size=16).digest(), len(data)


_TOKEN = "\x00planned:"  # spec text never holds a NUL: the escapers drop or escape it
_TOKENS = re.compile(re.escape(_TOKEN) + r"\d+\x00")
_API_USE = re.compile(r"\bapi\b(\.\w+)?")
_JINJA_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def _rendered(env: jinja2.Environment, name: str, arguments: dict[str, Any]) -> str:
    return env.get_template(name).render(**arguments)


class _Recorder:
    """Stands in for the environment: ``get_template(name).render(**arguments)`` returns a unique
    token and records what the real template would have been given."""

    def __init__(self, env: jinja2.Environment, recorded: dict[str, tuple[str, dict[str, Any]]]) -> None:
        self.env, self.recorded = env, recorded

    def get_template(self, name: str) -> _Recorder:
        self.name = name
        return self

    def render(self, **arguments: Any) -> str:
        token = f"{_TOKEN}{len(self.recorded)}\x00"
        self.recorded[token] = (self.name, arguments)
        return token


@lru_cache(maxsize=1)
def _templates_digest() -> str:
    root = template_root()
    texts = (f"{p.relative_to(root)}\x00{p.read_text(encoding='utf-8')}" for p in sorted(root.rglob("*.jinja")))
    return _digest(*texts)


@lru_cache(maxsize=None)
def _api_reads(name: str) -> frozenset[str] | None:
    """The attributes of ``api`` a template reads (with the macro templates it imports), so that a
    file's key holds only those parts of the API, not every schema and operation; None when it
    uses ``api`` otherwise (whole, or through a name the scan cannot follow)."""
    # what the tags and expressions say, not the text around them ("see api.md" in a README)
    code = [m.group(0) for n in sorted(_with_imports(name)) for m in _JINJA_CODE.finditer(_template_text(n))]
    # "{% if api.schemas %}" reads only whether there are any
    uses = {m.group(1) for text in code for m in _API_USE.finditer(_ANY_SCHEMAS.sub(" api.any_schemas ", text))}
    fields = {f.name for f in dataclasses.fields(ir.Api)} | {"any_schemas"}
    if any(use is None or use[1:] not in fields for use in uses):
        return None
    return frozenset(use[1:] for use in uses if use is not None)


def _template_text(name: str) -> str:
    return (template_root() / name).read_text(encoding="utf-8")


def _with_imports(name: str) -> set[str]:
    """A template and every template it imports or includes, directly or through another."""
    found, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo += _IMPORTS.findall(_template_text(current))
    return found


_ANY_SCHEMAS = re.compile(r"\{%-? if api\.schemas -?%\}")
_IMPORTS = re.compile(r"\{%-?\s*(?:import|from|include)\s+[\"']([^\"']+)[\"']")


def _api_attribute(api: ir.Api, name: str) -> Any:
    """What a template reads of ``api`` by that name (``any_schemas``: whether there are any)."""
    return bool(api.schemas) if name == "any_schemas" else getattr(api, name)


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\x00\x01")
    return h.hexdigest()
