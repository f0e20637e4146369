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


# ----------------------------------------------------------------- the split forms the templates write


def _type(rng: random.Random, depth: int = 0) -> str:
    """An annotation like the generated ones: names, lists, unions, discriminated unions, constraints."""
    name = rng.choice(["A", "Video", "TemplateVariable", "PaginatedAppleIndependentSecureEnclaveList", "X" * 45])
    roll = rng.random()
    if depth > 3 or roll < 0.3:
        return name
    if roll < 0.5:
        return f"List[{_type(rng, depth + 1)}]"
    if roll < 0.65:
        return "Union[" + ", ".join(_type(rng, depth + 1) for _ in range(rng.randint(2, 7))) + "]"
    if roll < 0.8:
        mapping = ", ".join(f'"kind-{i}": "{_type(rng, 4)}"' for i in range(rng.randint(1, 5)))
        return f'Annotated[{_type(rng, depth + 1)}, _pydantic.Discriminator(_discriminate("kind", {{{mapping}}}))]'
    if roll < 0.9:
        return f"Annotated[str, Field(min_length=1, max_length={rng.randint(1, 10**18)})]"
    return f"Optional[{_type(rng, depth + 1)}]"


def test_the_split_forms_the_templates_write_are_blacks() -> None:
    """Return annotations, call arguments, model fields, enum members, imports and wrapper assignments
    written in black's form by the renderer's helpers: black leaves every one that fits as it is (one
    that cannot fit is left for black to format, and the format stage sends it there)."""
    from generator.build.render import annotated, assignment, field_line, import_source

    rng = random.Random(7)
    sources = []
    for _ in range(150):
        t, name = _type(rng), "f" * rng.choice([1, 20, 45, 70])
        sources.append("class R:\n    def f(\n        self,\n    " + annotated(") -> ", t, ":", 4) + "\n        pass\n")
        sources.append("def g():\n    return get(\n        " + annotated("item_type=", t, ",", 8) + "\n    )\n")
        arguments = rng.choice([[], ["default=None"], ["default=None", f'alias="{"w" * rng.randint(1, 60)}"']])
        sources.append("class M(BaseModel):\n    " + field_line(name, t, arguments) + "\n")
    for length in range(40, 100, 3):
        sources.append("class E:\n    " + assignment("N" * (length // 2), f'"{"v" * length}"', 4) + "\n")
        target, call = "self." + "m" * length, f"async_to_streamed_response_wrapper(resource.{'m' * length})"
        sources.append("class W:\n    def __init__(self, resource):\n        " + assignment(target, call, 8) + "\n")
        sources.append(import_source("." + "m" * length, ["C" * (length // 2)]) + "\n")
        sources.append("if TYPE_CHECKING:\n    " + import_source("." + "m" * length, ["C" * length], 4) + "\n")
    checked = [s for s in sources if all(len(line) <= fmt.LINE_LENGTH for line in s.splitlines())]
    assert len(checked) > len(sources) * 0.8
    assert [s for s in checked if black.format_str(s, mode=fmt.MODE) != s] == []


@pytest.mark.parametrize(
    "source",
    [
        '_MODULES = {\n    "' + "K" * 60 + '": "' + "m" * 60 + '",\n}\n',
        "if TYPE_CHECKING:\n    from .x import (\n        " + "C" * 50 + " as " + "C" * 50 + ",\n    )\n",
        "path_template(\n    " + '"/' + "a/{b}" * 25 + '",\n    b,\n)\n',
        "class E:\n    " + "N" * 10 + ' = "' + "v" * 95 + '"\n',
    ],
)
def test_long_lines_left_out_of_black_are_ones_black_leaves(source: str) -> None:
    lines = source.splitlines(keepends=True)
    long = [line for line in lines if len(line) > fmt.LINE_LENGTH + 1]
    assert long and not any(fmt._needs_black(line) for line in long)
    assert black.format_str(source, mode=fmt.MODE) == source
