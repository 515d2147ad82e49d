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
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..core.editions import EditionPlan, ImageRef
from ..core.fragments import text

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


@cache
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
        colophon = [cover[key] for key in ("revision_note", "colophon", "as_of", "left_out")
                    if key in cover]
        if "site" in cover:
            colophon.append(f"Den gældende version af hver beskrivelse findes altid på "
                            f"sitet: {cover['site']}")
        if colophon:
            metadata["abstract"] = " ".join(colophon)
    else:
        metadata.update({"organisation": cover["organisation"], "edition": cover["edition"],
                         "date": cover["date"], "running-header": plan.running_header,
                         "draft": plan.draft})
        for key in ("colophon", "revision_note", "back_cover", "as_of", "left_out"):
            if key in cover:
                metadata[key.replace("_", "-")] = cover[key]
    return metadata


def typst_string(value: str) -> str:
    """A typst string literal (for the template's PDF properties, which take strings)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pandoc_defaults(plan: EditionPlan, fmt: str) -> dict[str, Any]:
    defaults = checked_in_defaults(fmt)
    if fmt == "pdf":
        defaults["variables"] = {**defaults.get("variables", {}),
                                 "pdf-author": typst_string(plan.cover["organisation"])}
        # Code, not text, in the template: a link and an image path take typst strings.
        for key, variable in (("site", "site-url"), ("cover_image", "cover-image")):
            if key in plan.cover:
                defaults["variables"][variable] = typst_string(plan.cover[key])
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
        markdown = docx_covers(plan, markdown)
        for image in {i.path: i for i in plan.images if i.path.lower().endswith(".svg")}.values():
            markdown = markdown.replace(f"]({image.path}", f"]({png_path(image)}")
    return markdown


def docx_covers(plan: EditionPlan, markdown: str) -> str:
    """Word's cover image (moved above the title by ``docx_book``) and back cover page."""
    cover = plan.cover
    if "cover_image" in cover:
        markdown = (f'::: {{custom-style="Cover Image"}}\n![]({cover["cover_image"]})'
                    "{width=9cm}\n:::\n\n" + markdown)
    if "back_cover" in cover:
        back = cover["back_cover"].replace("\n", " ")
        markdown += ('\n\n```{=openxml}\n<w:p><w:r><w:br w:type="page"/></w:r></w:p>\n```\n\n'
                     f'::: {{custom-style="Back Cover"}}\n{text(back)}\n:::\n')
    return markdown



def plan_export(plan: EditionPlan, fmt: str, output_dir: Path) -> ExportPlan:
    return ExportPlan(edition_id=plan.edition.id, format=fmt, markdown=markdown_for(plan, fmt),
                      defaults=pandoc_defaults(plan, fmt), images=plan.images,
                      output=output_dir / f"{plan.edition.id}.{fmt}",
                      running_header=plan.running_header)
