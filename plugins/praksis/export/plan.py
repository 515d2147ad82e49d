"""The export plan: what one pandoc run gets (Markdown, a defaults mapping, images, output).

Pure: building a plan reads the checked-in defaults files but runs nothing, so tests compare
plans without pandoc or typst. File names in the defaults are relative to the working folder
the export stages (see ``praksis.export.run``), except the typst template, which is the
package's own file.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..core.editions import EditionPlan, ImageRef

INPUT_FILE = "udgave.md"
REFERENCE_DOCX = "reference.docx"
PANDOC_OUTPUT = {"docx": "udgave.docx", "pdf": "udgave.typ"}
DEFAULTS_FILES = {"docx": "docx.yaml", "pdf": "typst.yaml"}


def data_path(name: str) -> Path:
    """A file of the package's data folder (defaults, template, reference.docx)."""
    path = Path(str(resources.files("praksis.export").joinpath("data", name)))
    if not path.is_file():
        raise FileNotFoundError(path)
    return path


@lru_cache(maxsize=None)
def _checked_in_defaults(fmt: str) -> dict[str, Any]:
    loaded = yaml.safe_load(data_path(DEFAULTS_FILES[fmt]).read_text(encoding="utf-8"))
    return dict(loaded)


def checked_in_defaults(fmt: str) -> dict[str, Any]:
    """The defaults file for ``fmt`` as a mapping (a fresh copy to add to)."""
    return copy.deepcopy(_checked_in_defaults(fmt))


@dataclass(frozen=True)
class ExportPlan:
    """One pandoc run: input Markdown, defaults, images to stage, the final output path."""

    edition_id: str
    format: str
    markdown: str
    defaults: Mapping[str, Any]
    images: tuple[ImageRef, ...]
    output: Path
    running_header: str

    @property
    def pandoc_output(self) -> str:
        return PANDOC_OUTPUT[self.format]


def edition_metadata(plan: EditionPlan, fmt: str) -> dict[str, Any]:
    """The cover, header and colophon as pandoc metadata (literal strings, not Markdown)."""
    cover = plan.cover
    edition_line = f"{cover['edition']} · {cover['date']}"
    metadata: dict[str, Any] = {"title": cover["title"]}
    if "subtitle" in cover:
        metadata["subtitle"] = cover["subtitle"]
    if fmt == "docx":
        # pandoc's docx cover has title, subtitle, author, date and abstract paragraphs.
        metadata["author"] = [cover["organisation"]]
        metadata["date"] = edition_line + (" · KLADDE" if plan.draft else "")
        if "colophon" in cover:
            metadata["abstract"] = cover["colophon"]
    else:
        metadata.update({"organisation": cover["organisation"], "edition": cover["edition"],
                         "date": cover["date"], "running-header": plan.running_header,
                         "draft": plan.draft})
        if "colophon" in cover:
            metadata["colophon"] = cover["colophon"]
    return metadata


def typst_string(value: str) -> str:
    """A typst string literal (for the template's PDF properties, which take strings)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pandoc_defaults(plan: EditionPlan, fmt: str) -> dict[str, Any]:
    defaults = checked_in_defaults(fmt)
    if fmt == "pdf":
        defaults["variables"] = {**defaults.get("variables", {}),
                                 "pdf-author": typst_string(plan.cover["organisation"])}
    if "template" in defaults:
        defaults["template"] = str(data_path(defaults["template"]))
    if fmt == "docx":
        defaults["reference-doc"] = REFERENCE_DOCX  # written per edition (running header)
    defaults["metadata"] = {**defaults.get("metadata", {}), **edition_metadata(plan, fmt)}
    defaults["input-files"] = [INPUT_FILE]
    defaults["output-file"] = PANDOC_OUTPUT[fmt]
    defaults["resource-path"] = ["."]
    return defaults


def png_path(image: ImageRef) -> str:
    return image.path[: -len(".svg")] + ".png"


def markdown_for(plan: EditionPlan, fmt: str) -> str:
    """The edition's Markdown for one format: Word gets the PNG beside each SVG image.

    (Word before 2016 cannot show SVG, and pandoc converts SVG for docx only when the
    rsvg-convert program is installed; praksis renders the PNG with typst instead.)
    """
    markdown = plan.markdown
    if fmt == "docx":
        for image in {i.path: i for i in plan.images if i.path.lower().endswith(".svg")}.values():
            markdown = markdown.replace(f"]({image.path}", f"]({png_path(image)}")
    return markdown


def plan_export(plan: EditionPlan, fmt: str, output_dir: Path) -> ExportPlan:
    return ExportPlan(edition_id=plan.edition.id, format=fmt, markdown=markdown_for(plan, fmt),
                      defaults=pandoc_defaults(plan, fmt), images=plan.images,
                      output=output_dir / f"{plan.edition.id}.{fmt}",
                      running_header=plan.running_header)
