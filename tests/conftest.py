"""Test-run wiring: tests that read ../shared skip with one reason when a plain clone has none beside it;
the long tests (marked ``slow``) start first, so that the parallel workers do not end waiting on one of them."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Iterator

import pytest
from client_demo import build_variants
from genutil import SHARED, SHARED_MISSING, imported


def _reads_shared(item: pytest.Item) -> bool:
    """Whether the test is marked ``shared`` or one of its parameters is a path into ../shared."""
    if item.get_closest_marker("shared") is not None:
        return True
    params = getattr(getattr(item, "callspec", None), "params", {})
    shared = SHARED.absolute()
    return any(isinstance(value, Path) and value.absolute().is_relative_to(shared) for value in params.values())


def _long_ones_first(items: list[pytest.Item], workers: int) -> list[pytest.Item]:
    """The same order in every worker (xdist requires it): the work-stealing scheduler gives each
    worker a contiguous share, so each share starts with its part of the long tests."""
    slow = [item for item in items if item.get_closest_marker("slow") is not None]
    fast = [item for item in items if item.get_closest_marker("slow") is None]
    ordered: list[pytest.Item] = []
    for n in range(workers):
        share = len(items) // workers if n < workers - 1 else len(items) - len(ordered)
        mine = slow[n::workers]
        ordered += mine + fast[: max(share - len(mine), 0)]
        fast = fast[max(share - len(mine), 0) :]
    return ordered + fast


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    items[:] = _long_ones_first(items, getattr(config, "workerinput", {}).get("workercount", 1))
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=SHARED_MISSING)
    for item in items:
        if _reads_shared(item):
            item.add_marker(skip)


# ----------------------------------------------------------------- the demo clients the runtime tests share


@pytest.fixture(scope="session")
def sdk_roots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each auth variant of the demo document, built by the generator: package → import root."""
    return build_variants(tmp_path_factory.mktemp("runtime"))


@pytest.fixture(scope="session")
def sdk(sdk_roots: dict[str, Path]) -> Iterator[ModuleType]:
    with imported(sdk_roots["demo_sdk"], "demo_sdk") as package:
        yield package


@pytest.fixture(scope="session")
def sdk_query(sdk_roots: dict[str, Path]) -> Iterator[ModuleType]:
    with imported(sdk_roots["demo_query"], "demo_query") as package:
        yield package
