"""Test-run wiring: tests that read ../shared skip with one reason when a plain clone has none beside it;
the long tests (marked ``slow``) start first, so that the parallel workers do not end waiting on one of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from genutil import SHARED, SHARED_MISSING


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
