"""Concepts with one home: each rule is written once, and every user of it takes it from there."""

from __future__ import annotations

import pytest

from generator import ir
from generator.diff import operations as diff_operations
from generator.diff import rules as diff_rules
from generator.errors import escape_pointer_token, join_pointer, unescape_pointer_token
from generator.ir.spelling import STDLIB_ALIASES, STDLIB_TYPES, annotation, unaliased
from generator.parse import api as parse_api
from generator.spec import load, swagger2, validate
from generator.spec.structure import HTTP_METHODS, PATH_PLACEHOLDER


@pytest.mark.parametrize("token", ["plain", "a/b", "a~b", "~1", "~01", "/~/", ""])
def test_json_pointer_tokens_round_trip(token: str) -> None:
    assert unescape_pointer_token(escape_pointer_token(token)) == token


def test_json_pointer_unescaping_order() -> None:
    # ~01 is "~1" (escaped tilde, then "1"), not "/": ~1 is replaced first
    assert unescape_pointer_token("~01") == "~1"
    assert join_pointer("paths", "/api/videos/", "post") == "/paths/~1api~1videos~1/post"
    assert load.fragment_token("a%20b~1c") == "a b/c"


def test_one_list_of_http_methods() -> None:
    assert HTTP_METHODS == ("get", "put", "post", "delete", "options", "head", "patch", "trace")
    assert validate.HTTP_METHODS is parse_api.HTTP_METHODS is diff_operations.HTTP_METHODS is HTTP_METHODS
    assert swagger2.SWAGGER2_METHODS == tuple(m for m in HTTP_METHODS if m != "trace")


@pytest.mark.parametrize(
    "path, names",
    [("/videos/{id}/", ["id"]), ("/a/{x}/b/{y_z}", ["x", "y_z"]), ("/{{x}}", ["x"]), ("/none", []), ("/{}", [])],
)
def test_one_path_placeholder_pattern(path: str, names: list[str]) -> None:
    assert PATH_PLACEHOLDER.findall(path) == names


def test_paths_differing_only_in_placeholder_names_are_one_operation_path() -> None:
    assert diff_rules.normalized_path("/videos/{id}/") == diff_rules.normalized_path("/videos/{video_id}/")


def test_nullable_unwraps_once() -> None:
    text = ir.Primitive("str")
    assert ir.non_null(ir.Nullable(text)) == text
    assert ir.non_null(text) == text


def test_one_map_of_stdlib_types_and_their_aliases() -> None:
    for name, (alias, cls) in STDLIB_TYPES.items():
        assert alias in STDLIB_ALIASES and f"as {alias}" in STDLIB_ALIASES[alias]
        spelled = annotation(ir.DateTime(name))
        assert spelled == f"{alias}.{cls}"
        assert unaliased(f"Optional[{spelled}]") == f"Optional[{cls}]"


def test_the_generated_runtime_fills_paths_by_the_same_pattern() -> None:
    """The generated client may not import the generator: its copy of the pattern is checked here."""
    from generator.build.render import template_root

    runtime = (template_root() / "runtime" / "_utils.py.jinja").read_text(encoding="utf-8")
    assert f're.compile(r"{PATH_PLACEHOLDER.pattern}")' in runtime
