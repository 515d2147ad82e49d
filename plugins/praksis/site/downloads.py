"""The exported editions the site links to: a scan of the export folder."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..core.model.editions import DOWNLOAD_FOLDER, FORMATS


def exported_files(directory: Path) -> dict[str, dict[str, Path]]:
    """The exported files in ``directory``: {edition id: {format: path}}."""
    found: dict[str, dict[str, Path]] = {}
    if not directory.is_dir():
        return found
    for path in sorted(directory.iterdir()):
        fmt = path.suffix.lstrip(".")
        if fmt in FORMATS and path.is_file() and not path.name.startswith("."):
            found.setdefault(path.stem, {})[fmt] = path
    return found


def download_links(found: Mapping[str, Mapping[str, Path]]) -> dict[str, dict[str, str]]:
    """Site paths of the exported files, for ``PageContext.editions``."""
    return {edition_id: {fmt: f"{DOWNLOAD_FOLDER}/{path.name}" for fmt, path in formats.items()}
            for edition_id, formats in found.items()}
