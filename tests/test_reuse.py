"""A YAML text loaded again reuses the parts of an earlier load that did not change
(``spec/reuse.py``): whatever the edit, the result is the whole parse's, or nothing."""

from __future__ import annotations

import json
import marshal
import random
from pathlib import Path
from typing import Any

import pytest
from genutil import CORPUS, SHARED_MISSING

from generator.errors import GeneratorError
from generator.spec.load import load_bytes
from generator.spec.reuse import Outline, outlined, reparsed
from generator.spec.yamldata import nearest_line, pointer_lines

# a document with what makes YAML hard to cut into parts: block scalars (kept trailing lines
# too), quoted scalars over several lines, flow collections over several lines, comments
# between and after entries, a key that needs quotes, an explicit key, lists of mappings
BASE = """\
openapi: 3.0.3
info:
  title: Parts
  version: '1'
  description: |+
    Kept trailing lines.

# between root entries
paths:
  /pets:
    get:
      operationId: listPets
      description: "a quoted
        scalar over lines"
      responses:
        '200':
          description: ok
    post:
      operationId: makePet
      requestBody: {content: {application/json:
        {schema: {$ref: '#/components/schemas/Pet'}}}}
      responses:
        '201': {description: made}
  # a comment inside paths
  /pets/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema: {type: integer}
    get:
      responses:
        default:
          description: >
            folded
            text
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
        tag:
          type: string
    "Odd: name":
      type: string
    ? Explicit
    : type: integer
    List:
      type: array
      items:
        - one
        - two
  responses:
    Gone:
      description: gone
"""

SNIPPETS = [
    "x: 1",
    "extra: value",
    "Pet:",
    "  type: string",
    "- item",
    "'open quote",
    '"open double',
    "|",
    "  folded: >",
    "---",
    "...",
    "--- {a: 1}",
    "# a comment",
    "",
    "anchor: &a {k: v}",
    "alias: *a",
    "<<: {k: v}",
    "%YAML 1.1",
    "? k",
    "\tx: 1",
    "z: {a: 1,",
    "}",
    "paths:",
    "components:",
    "  /new:",
    "    get: {}",
    "key: 'value",
    "  over lines'",
    "dup: 1",
    "dup: 2",
    "x: !!str 3",
    "y: !custom 3",
]


def ordered(value: Any) -> Any:
    """Data with every mapping's key order made visible (``==`` on dicts ignores it)."""
    if isinstance(value, dict):
        return [[k, ordered(v)] for k, v in value.items()]
    if isinstance(value, list):
        return [ordered(v) for v in value]
    return [type(value).__name__, value]


def whole(text: str) -> tuple[Any, Outline | None] | None:
    try:
        return outlined(text, "t.yaml")
    except GeneratorError:
        return None


def edited(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    at = rng.randrange(len(lines) + 1)
    action = rng.randrange(6)
    snippet = " " * rng.choice([0, 0, 2, 4, 6, 8]) + rng.choice(SNIPPETS) + "\n"
    if action == 0 and lines:
        del lines[min(at, len(lines) - 1)]
    elif action == 1:
        lines.insert(at, snippet)
    elif action == 2 and lines:
        lines[min(at, len(lines) - 1)] = snippet
    elif action == 3 and lines:
        i = min(at, len(lines) - 1)
        lines[i] = " " * rng.choice([0, 1, 2, 4]) + lines[i].lstrip(" ")
    elif action == 4 and lines:
        lines.insert(at, rng.choice(lines))  # a copy of another line: a repeated key, or a false key line
    elif lines:  # a value changed in place
        i = min(at, len(lines) - 1)
        lines[i] = lines[i].rstrip("\n") + " changed\n" if ":" in lines[i] else lines[i]
    return lines


def check_against_whole(earlier: Outline, earlier_data: Any, text: str) -> tuple[Any, Outline] | None:
    """``reparsed`` agrees with the whole parse: same data, same outline, or it declines."""
    expected = whole(text)
    got = reparsed(text, earlier, marshal.loads(marshal.dumps(earlier_data)), "t.yaml")
    if got is None:
        return None
    assert expected is not None, f"reuse accepted a text the whole parse refuses:\n{text}"
    assert ordered(got[0]) == ordered(expected[0]), text
    assert expected[1] is not None and got[1].mappings == expected[1].mappings, text
    return got


def test_the_base_text_is_outlined() -> None:
    data, outline = outlined(BASE, "t.yaml")
    assert outline is not None
    assert [k for k, _ in outline.mappings[()][0]] == ["openapi", "info", "paths", "components"]
    assert [k for k, _ in outline.mappings[("components",)][0]] == ["schemas", "responses"]
    assert ("paths", "/pets") in outline.mappings and ("components", "responses") in outline.mappings
    # an explicit key ("? Explicit") does not begin its line: the mapping holding it is not outlined
    assert ("components", "schemas") not in outline.mappings
    assert data["components"]["schemas"]["Odd: name"] == {"type": "string"}


def test_an_unchanged_text_reuses_everything() -> None:
    data, outline = outlined(BASE, "t.yaml")
    assert outline is not None
    got = reparsed(BASE, outline, data, "t.yaml")
    assert got is not None
    assert got[0]["paths"] is data["paths"]  # the very same objects: nothing was parsed again
    assert got[1].mappings == outline.mappings


def test_a_changed_entry_is_parsed_alone_and_the_rest_kept() -> None:
    data, outline = outlined(BASE, "t.yaml")
    assert outline is not None
    text = BASE.replace("          description: ok\n", "          description: fine\n          x-new: 1\n")
    assert check_against_whole(outline, data, text) is not None
    got = reparsed(text, outline, data, "t.yaml")
    assert got is not None
    assert got[0]["paths"]["/pets"]["get"]["responses"]["200"] == {"description": "fine", "x-new": 1}
    assert got[0]["components"] is data["components"]  # below the change: moved, not parsed again
    assert got[0]["paths"]["/pets/{id}"] is data["paths"]["/pets/{id}"]


@pytest.mark.parametrize(
    "change",
    [
        ("    Pet:\n", "    Pet:\n      &p\n"),  # an anchor appears
        ("  /pets/{id}:\n", "...\n  /pets/{id}:\n"),  # the document ends early
        ("components:\n", "---\ncomponents:\n"),  # a second document
        ("      type: object\n", "      type: object\n  bad: 1\n"),  # a line less indented than its entry
        ("    Pet:\n", "    Pet: |\n"),  # a block scalar swallows what was a mapping
        ("  /pets:\n", "  '/pets:\n"),  # a quote opened and never closed
    ],
)
def test_edits_that_change_the_context_are_never_reused_wrongly(change: tuple[str, str]) -> None:
    data, outline = outlined(BASE, "t.yaml")
    assert outline is not None
    old, new = change
    assert old in BASE
    check_against_whole(outline, data, BASE.replace(old, new, 1))


def test_random_edits_agree_with_the_whole_parse() -> None:
    rng = random.Random(20261203)
    reused = 0
    for _ in range(1500):
        lines = BASE.splitlines(keepends=True)
        data, outline = outlined(BASE, "t.yaml")
        assert outline is not None
        for _ in range(rng.randrange(1, 4)):  # chains: the outline a reuse made is reused in turn
            lines = edited(lines, rng)
            got = check_against_whole(outline, data, "".join(lines))
            if got is None:
                break
            reused += 1
            data, outline = got
    assert reused > 300  # most edits are reused, not declined


def test_text_without_a_final_line_break_or_with_other_breaks_is_parsed_whole() -> None:
    data, outline = outlined(BASE, "t.yaml")
    assert outline is not None
    assert reparsed(BASE.rstrip("\n"), outline, data, "t.yaml") is None
    assert reparsed(BASE.replace("\n", "\r\n"), outline, data, "t.yaml") is None
    assert outlined(BASE.rstrip("\n"), "t.yaml")[1] is None


def test_a_document_with_anchors_is_not_outlined() -> None:
    text = "a: &x {k: 1}\nb: *x\n"
    assert outlined(text, "t.yaml")[1] is None


def test_load_bytes_reuses_an_earlier_load() -> None:
    first = load_bytes(BASE.encode(), source="t.yaml")
    assert first.outline is not None
    changed = BASE.replace("title: Parts", "title: Changed").encode()
    again = load_bytes(changed, source="t.yaml", earlier=(first.outline, json.loads(json.dumps(first.data))))
    assert again.data == load_bytes(changed, source="t.yaml").data
    assert again.data["info"]["title"] == "Changed"
    assert again.outline is not None


@pytest.mark.skipif(not CORPUS.is_dir(), reason=SHARED_MISSING)
@pytest.mark.parametrize("name", ["typesense.yml", "cvat.yaml"])
def test_random_edits_of_real_documents_agree_with_the_whole_parse(name: str) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    data, outline = outlined(text, name)
    assert outline is not None
    rng = random.Random(name)
    lines = text.splitlines(keepends=True)
    reused = 0
    for _ in range(12):
        if check_against_whole(outline, data, "".join(edited(lines, rng))) is not None:
            reused += 1
    assert reused >= 2  # many random edits break the YAML: those must be declined, and are


def test_the_outline_survives_a_cache_round_trip(tmp_path: Path) -> None:
    _, outline = outlined(BASE, "t.yaml")
    assert outline is not None
    stored = tmp_path / "outline"
    stored.write_bytes(marshal.dumps(outline.to_plain()))
    assert Outline.from_plain(marshal.loads(stored.read_bytes())) == outline
    assert Outline.from_plain(("text", ["not", "a", "dict"])) is None
    assert Outline.from_plain("junk") is None


def test_a_line_found_through_the_outline_is_the_line_map_s() -> None:
    texts = [BASE] + [
        (CORPUS / n).read_text(encoding="utf-8") for n in ("typesense.yml", "cvat.yaml") if CORPUS.is_dir()
    ]
    for text in texts:
        _, outline = outlined(text, "t.yaml")
        assert outline is not None
        every = pointer_lines(text)
        answered = 0
        for pointer in list(every)[::7] + ["/paths/~1pets/get/nothing/here", "/components/nope", "/info/title/x"]:
            line = outline.line_of(pointer)
            if line is not None:
                answered += 1
                assert line == nearest_line(every, pointer), pointer
        assert answered > len(every) // 7 // 2  # most pointers are answered without the whole map


def test_a_repeated_key_s_line_is_its_last_as_in_the_line_map() -> None:
    text = "a:\n  x: 1\nb: 2\na:\n  y: 3\n"
    _, outline = outlined(text, "t.yaml")
    assert outline is not None
    every = pointer_lines(text)
    for pointer in ("/a", "/a/y", "/b"):
        assert outline.line_of(pointer) == nearest_line(every, pointer)
