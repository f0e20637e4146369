"""Test-run wiring: tests that read ../shared skip with one reason when a plain clone has none beside it."""

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=SHARED_MISSING)
    for item in items:
        if _reads_shared(item):
            item.add_marker(skip)
