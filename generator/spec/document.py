"""The configured specification read, loaded and validated: the input stage every product starts from."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.errors import Diagnostic, GeneratorError, Level
from generator.spec.load import Document, load_bytes
from generator.spec.reuse import Outline
from generator.spec.sources import read_source
from generator.spec.validate import Validation, start_validation


def load_source(settings: Settings) -> Document:
    return load_raw(settings, *read_spec(settings))


def read_spec(settings: Settings) -> tuple[bytes, str]:
    """The configured spec's bytes and the name to show for it."""
    return read_source(str(settings.get("spec")), token=os.environ.get("SPIRITME_API_KEY", ""))


def load_raw(settings: Settings, raw: bytes, display: str, earlier: tuple[Outline, Any] | None = None) -> Document:
    """``raw`` loaded as the settings say; ``earlier`` as for ``load_bytes``."""
    spec = str(settings.get("spec"))
    base_dir = None if "://" in spec or spec.startswith("git:") else Path(spec).resolve().parent
    return load_bytes(
        raw,
        source=display,
        max_bytes=int(settings.get("max-bytes")),
        allow_file_refs=bool(settings.get("allow-file-refs")),
        base_dir=base_dir,
        earlier=earlier,
    )


def load_and_validate(settings: Settings, *, strict: bool = False) -> tuple[Document, list[Diagnostic]]:
    """Load the configured spec and validate it; errors raise, warnings are returned."""
    doc = load_source(settings)
    return doc, validated(start_validation(doc, strict=strict, background=False))


def validated(validation: Validation) -> list[Diagnostic]:
    """The findings of a validation; its errors raise."""
    diagnostics = validation.result()
    errors = tuple(d for d in diagnostics if d.level is Level.ERROR)
    if errors:
        raise GeneratorError(errors[0].message, diagnostics=errors)
    return diagnostics
