"""The format stage: templates and escapers already write black's style, black formats only the rest.

The reference is black over whole modules (``SPIRITME_GEN_FULL_BLACK=1``); the fast path must give
the same bytes. The corpus test checks black's verdict on every generated tree as well.
"""

from __future__ import annotations

import random
from pathlib import Path

import black
import pytest
from genutil import CORPUS, UPSTREAM

from generator.build import format as fmt
from generator.build.render import call_source, docblock, optional_param, pyrepr, render_package, subscript_param
from generator.errors import GeneratorError
from generator.parse.api import ClientSettings, build_ir
from generator.spec.load import load_document

SETTINGS = ClientSettings("demo", "Demo", "DEMO", "")
TEXT_PIECES = [
    '"',
    "'",
    "\\",
    "a",
    "\n",
    "\n",
    "  ",
    "\t",
    "\u3000",
    "\xa0",
    "é",
    "\u200b",
    "\x00",
    "{",
    "x" * 40,
    "\r",
    '"""',
]


def black_of(source: str) -> str:
    return black.format_str(source, mode=fmt.MODE)


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(TEXT_PIECES) for _ in range(rng.randint(0, 10)))


def test_literals_are_what_black_writes_and_mean_the_value() -> None:
    rng = random.Random(7)
    for _ in range(1500):
        text = random_text(rng)
        value = rng.choice([text, [text, 1.5e300, -3, None, True], {text: {"k": [text, 1e-7]}}, 12.0, 2**70])
        source = f"x = {pyrepr(value)}\n"
        if not fmt._needs_black(source):  # a line too long is black's to split
            assert black_of(source) == source, source
        assert eval(pyrepr(value)) == value  # noqa: S307 - our own literal


@pytest.mark.parametrize(
    "template",
    [
        "class A:\n    {doc}\n\n    x: int\n",
        "def f():\n    {doc}\n    return 1\n",
        "{doc}\n\nimport os\n",
        "class A:\n    def f(self):\n        {doc}\n        return 1\n",
    ],
)
def test_docstrings_are_what_black_writes_whatever_the_text(template: str) -> None:
    rng = random.Random(11)
    for _ in range(800):
        depth = template.split("{doc}")[0].rsplit("\n", 1)[-1]
        source = template.format(doc=docblock(random_text(rng), len(depth)))
        assert black_of(source) == source, source


def test_split_forms_are_kept_by_black() -> None:
    long_args = [f"argument_{i}={i}" for i in range(12)]
    for source in (
        f"def f():\n    {call_source('return g', long_args, 4)}\n",
        f"x = {call_source('g', ['1', '2'], 0)}\n",
        "def f(\n    self,\n    *,\n    "
        + optional_param("status", 'Sequence[Literal["draft", "in_queue", "executing", "error", "success"]]', 4)
        + "\n) -> None:\n    pass\n",
        "def f(\n    self,\n    "
        + subscript_param(
            "media_type",
            "Literal",
            ['"application/json"', '"application/x-www-form-urlencoded"', '"multipart/form-data"'],
            '"application/json"',
            4,
        )
        + "\n) -> None:\n    pass\n",
        "def f(\n    self,\n    "
        + subscript_param("kind", "Literal", [f'"value_number_{i}"' for i in range(12)], '"value_number_0"', 4)
        + "\n) -> None:\n    pass\n",
    ):
        assert black_of(source) == source, source
    assert "\n" not in call_source("g", ["1", "2"], 0)
    assert call_source("g", long_args, 0).count("\n") == len(long_args) + 1


@pytest.mark.parametrize(
    "document", [UPSTREAM, CORPUS / "typesense.yml", CORPUS / "petstore-3.1-code-first.yaml"], ids=lambda p: p.name
)
def test_the_fast_path_gives_what_black_gives_on_whole_modules(
    document: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(tmp_path))
    api, _ = build_ir(load_document(document).data, SETTINGS)
    sources = render_package(api)
    fast = fmt.format_sources(sources, use_cache=False)
    monkeypatch.setenv("SPIRITME_GEN_FULL_BLACK", "1")
    full = fmt.format_sources(sources, use_cache=False)
    assert fast == full
    assert not any("\x00" in text for text in fast.values())


def test_only_the_statement_with_a_long_line_goes_to_black(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[str] = []
    monkeypatch.setattr(
        fmt, "_black_batch", lambda items: sent.extend(t for _, t in items) or [black_of(t) for _, t in items]
    )
    long_call = "        return g(" + ", ".join(f"a{i}" for i in range(30)) + ")\n"
    module = (
        "class A:\n"
        "    def short(self) -> int:\n"
        "        return 1\n"
        "\n"
        f"{fmt.FRAGMENT}"
        "    def long(self) -> int:\n"
        '        """Docstring lines may be as long as they like: ' + "x" * 80 + '"""\n'
        f"{long_call}"
        "\n"
        f"{fmt.FRAGMENT}"
        "    def other(self) -> int:\n"
        '        d = {\n            "' + "k" * 70 + '": ' + "v" * 40 + ",\n        }\n"
        "        return 2\n"
    )
    out = fmt.format_sources({"m.py": module}, use_cache=False)["m.py"]
    assert sent == ["async def _():\n    async def _():\n" + long_call]  # not the docstring, not the dict entry
    assert out == black_of(module.replace(fmt.FRAGMENT, ""))


def test_a_fragment_that_does_not_parse_alone_falls_back_to_the_module() -> None:
    module = "x = [\n" + fmt.FRAGMENT + "    " + ", ".join(["1"] * 60) + ",\n]\n"
    out = fmt.format_sources({"m.py": module}, use_cache=False)["m.py"]
    assert out == black_of(module.replace(fmt.FRAGMENT, ""))


def test_generated_code_that_does_not_compile_is_a_located_error() -> None:
    with pytest.raises(GeneratorError) as caught:
        fmt.format_sources({"pkg/m.py": "x = 1\ndef (:\n"}, use_cache=False)
    assert "pkg/m.py" in str(caught.value) and "line 2" in str(caught.value)
    assert "does not compile" in str(caught.value)


def test_formatted_pieces_come_from_the_cache_the_second_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SPIRITME_GEN_CACHE_DIR", str(tmp_path))
    module = "x = f(" + ", ".join(f"a{i}" for i in range(40)) + ")\n"
    first = fmt.format_sources({"m.py": module})
    monkeypatch.setattr(fmt, "_black_batch", lambda items: pytest.fail("black ran again"))
    assert fmt.format_sources({"m.py": module}) == first


@pytest.mark.parametrize("package, client", [("a", "A"), ("p" * 30, "Q" * 40)])
@pytest.mark.shared
def test_modules_stay_black_whatever_the_length_of_the_names(package: str, client: str) -> None:
    """Lines the templates split must stay split when names are short (black would join them)."""
    api, _ = build_ir(load_document(UPSTREAM).data, ClientSettings(package, client, package.upper(), ""))
    for path, text in fmt.format_sources(render_package(api), use_cache=False).items():
        if path.endswith(".py"):
            assert black_of(text) == text, path


def test_an_api_without_operations_or_models_is_black_too() -> None:
    document = {"openapi": "3.1.0", "info": {"title": "Empty", "version": "1"}, "paths": {}}
    api, _ = build_ir(document, SETTINGS)
    for path, text in fmt.format_sources(render_package(api), use_cache=False).items():
        if path.endswith(".py"):
            assert black_of(text) == text, path
