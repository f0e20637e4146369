"""Settings resolution: command-line flags > environment > ``[tool.spiritme-gen]`` in pyproject.toml."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError

# Two different places, two settings: where ``fetch``/``update`` download the schema from
# (``schema-url``: BASE/api/schema/ of that server), and where the generated client talks to by
# default (``base-url``; empty: the document's first absolute server). Fetching from a staging
# server never changes the client's default.
DEFAULT_SCHEMA_URL = "https://api.spiritme.tech"
DEFAULTS: dict[str, Any] = {
    "spec": "specs/spiritme.yaml",
    "output": "generated",
    "package-name": "spiritme",
    "client-name": "",  # derived from the package name ("spiritme" → "SpiritMe")
    "schema-url": DEFAULT_SCHEMA_URL,
    "base-url": "",
    "max-bytes": 64 * 1024 * 1024,
    "allow-file-refs": False,
}
# $SPIRITME_BASE_URL is the generated client's own run-time setting: it never shapes a build
ENVIRONMENT = {"schema-url": "SPIRITME_SCHEMA_URL"}
KNOWN_CLIENT_NAMES = {"spiritme": "SpiritMe"}


@dataclass(frozen=True)
class Settings:
    values: dict[str, Any]
    origin: str  # where the project file came from, for messages

    def get(self, key: str) -> Any:
        return self.values[key]


def project_settings(start: Path | None = None) -> tuple[dict[str, Any], str]:
    """The ``[tool.spiritme-gen]`` table of ./pyproject.toml, if there is one."""
    path = (start or Path.cwd()) / "pyproject.toml"
    if not path.is_file():
        return {}, ""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise GeneratorError(f"cannot read configuration: {exc}", source=str(path)) from None
    table = data.get("tool", {}).get("spiritme-gen", {})
    if not isinstance(table, dict):
        raise GeneratorError("[tool.spiritme-gen] must be a table", source=str(path))
    unknown = sorted(set(table) - set(DEFAULTS))
    if unknown:
        raise GeneratorError(f"unknown setting(s) in [tool.spiritme-gen]: {', '.join(unknown)}", source=str(path))
    return dict(table), str(path)


def resolve_settings(flags: dict[str, Any], start: Path | None = None) -> Settings:
    """Merge defaults, the project file, the environment and flags (highest wins)."""
    table, origin = project_settings(start)
    values = dict(DEFAULTS)
    values.update(table)
    for key, env in ENVIRONMENT.items():
        if os.environ.get(env):
            values[key] = os.environ[env]
    given = {k: v for k, v in flags.items() if v is not None}
    values.update(given)
    if "package-name" in given and "client-name" not in given:
        values["client-name"] = ""  # a client named for another package would mislead
    if not values.get("client-name"):
        values["client-name"] = client_name_for(values["package-name"])
    return Settings(values, origin)


def client_name_for(package: str) -> str:
    """``my_api`` → ``MyApi``; well-known packages keep their brand's spelling."""
    if package in KNOWN_CLIENT_NAMES:
        return KNOWN_CLIENT_NAMES[package]
    parts = [p for p in package.replace("-", "_").split("_") if p]
    return "".join(p[:1].upper() + p[1:] for p in parts) or "Client"


def cache_dir() -> Path:
    """``$SPIRITME_GEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/spiritme-gen``, else ``~/.cache/spiritme-gen``."""
    explicit = os.environ.get("SPIRITME_GEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "spiritme-gen"
