"""Internal ``$ref`` resolution over the loaded document: pointer → node, cached, cycle-safe."""

from __future__ import annotations

from typing import Any, Callable
from urllib.parse import unquote

from generator.errors import GeneratorError, escape_pointer_token, unescape_pointer_token

MISSING = object()  # what ``node_at`` returns for a pointer that leads nowhere


def node_at(data: Any, pointer: str, token_of: Callable[[str], str] = unescape_pointer_token) -> Any:
    """The node at a JSON pointer (``/components/schemas/X``), or ``MISSING``; ``token_of`` decodes each
    token (a ``$ref`` fragment's are URI-encoded as well)."""
    node = data
    for raw in pointer.split("/")[1:] if pointer else []:
        token = token_of(raw)
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return MISSING
    return node


def child(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape_pointer_token(t) for t in tokens)


class Resolver:
    """Looks up JSON pointers in one document and follows chains of ``$ref``."""

    MAX_CHAIN = 64

    def __init__(self, document: dict[str, Any], source: str = "") -> None:
        self.document = document
        self.source = source
        self._cache: dict[str, Any] = {}
        self._bases: dict[str, str] | None = None  # $ref pointer → $id base, built on first need
        self._index: Any = None
        # the pointers looked up, while a parse records which parts of the document each of its
        # parts read ("" for the whole document)
        self.reads: set[str] | None = None

    def lookup(self, pointer: str, *, at: str = "") -> Any:
        """The node at ``pointer`` (``/components/schemas/X``); error naming ``at`` when missing."""
        if self.reads is not None:
            self.reads.add(pointer)
        if pointer in self._cache:
            return self._cache[pointer]
        node = node_at(self.document, pointer)
        if node is MISSING:
            raise GeneratorError(f"$ref target #{pointer} does not exist", pointer=at or pointer, source=self.source)
        self._cache[pointer] = node
        return node

    @staticmethod
    def ref_pointer(ref: str) -> str | None:
        """``#/components/schemas/X`` → ``/components/schemas/X``; None for anything external and for
        a plain-name fragment (``#name``: a 3.1 ``$anchor``, resolved through the document's index)."""
        if not isinstance(ref, str) or not ref.startswith("#") or ref[1:2] not in ("", "/"):
            return None
        return unquote(ref[1:])

    def _by_id(self, ref: Any, pointer: str) -> str | None:
        """OpenAPI 3.1 refs through a schema's ``$id`` or ``$anchor`` (never outside the document)."""
        from generator.spec.load import ref_index
        from generator.spec.validate import resolve_ref

        if not isinstance(ref, str):
            return None
        if self._index is None:
            self._index = ref_index(self.document)
            self._bases = {site.pointer: site.base for site in self._index.sites}
        base = (self._bases or {}).get(pointer)
        return resolve_ref(ref, base, self._index) if base is not None else None

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow ``$ref`` until a node without one; return it and its pointer."""
        seen: list[str] = []
        while isinstance(node, dict) and "$ref" in node:
            target = self.ref_pointer(node["$ref"])
            if target is None:
                if self.reads is not None:
                    self.reads.add("")  # an $id or $anchor: found through an index of the whole document
                target = self._by_id(node["$ref"], pointer)
            if target is None:
                raise GeneratorError(
                    f"unsupported $ref {node['$ref']!r} (only refs inside the document)",
                    pointer=child(pointer, "$ref"),
                    source=self.source,
                )
            if target in seen or len(seen) > self.MAX_CHAIN:
                raise GeneratorError(
                    "$ref cycle: " + " -> ".join(seen + [target]),
                    pointer=pointer,
                    source=self.source,
                )
            seen.append(target)
            node, pointer = self.lookup(target, at=child(pointer, "$ref")), target
        return node, pointer
