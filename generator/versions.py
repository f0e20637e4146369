"""Installed versions of the distributions whose behaviour the caches depend on (black, the validators).

Read from the ``<name>-<version>.dist-info`` folder beside the package: ``importlib.metadata`` costs
every command 15 ms to import, more than the rest of this. It answers where the folder is not found.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path


@functools.lru_cache(maxsize=None)
def installed_version(distribution: str, package: str) -> str:
    """The version of ``distribution`` (whose import name is ``package``), or "missing"."""
    wanted = _normalized(distribution)
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.origin:
        site = Path(spec.origin).resolve().parent.parent
        found = [p.name for p in site.glob("*.dist-info") if _normalized(p.name.split("-")[0]) == wanted]
        if len(found) == 1:
            return found[0][: -len(".dist-info")].split("-", 1)[1]
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "missing"


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()
