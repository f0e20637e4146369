"""The same spec gives the same client on every Python: names never follow the running interpreter."""

from __future__ import annotations

import keyword
import sys

import pytest

from generator.build.freshness import build_key
from generator.config import resolve_settings
from generator.parse import names


def test_the_fixed_keyword_list_is_this_pythons_hard_keyword_list() -> None:
    assert names.HARD_KEYWORDS == frozenset(keyword.kwlist)


@pytest.mark.parametrize("soft", ["type", "match", "case"])
def test_soft_keywords_stay_as_they_are(soft: str) -> None:
    assert names.snake(soft) == soft
    assert names.module_name(soft) == soft


@pytest.mark.parametrize("hard", ["class", "from", "async", "lambda", "yield"])
def test_hard_keywords_get_an_underscore(hard: str) -> None:
    assert names.snake(hard) == hard + "_"
    assert names.package_name(hard) == hard + "_"


def test_the_names_do_not_read_the_interpreters_keyword_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyword, "softkwlist", ["type", "match", "case", "_"])
    monkeypatch.setattr(keyword, "issoftkeyword", lambda name: name in ("type", "match", "case", "_"))
    assert names.snake("type") == "type"
    assert names.package_name("type") == "type"


def test_the_up_to_date_key_names_the_python_minor_version(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = resolve_settings({})
    here = build_key(b"doc", settings, strict=False)
    monkeypatch.setattr(sys, "version_info", (3, sys.version_info[1] + 1, 0, "final", 0))
    assert build_key(b"doc", settings, strict=False) != here
