"""``type: page``: a free page such as the start page or a section's index page."""

from __future__ import annotations

from typing import Any

from ..documents import DocumentType, register
from ..fields import Field, ListOf, Record, Text, Choice
from ..model import Page, Source
from .common import tags_field, type_field

SCHEMA = Record(fields={
    "type": type_field("page"),
    "title": Field(Text(single_line=True), required=False,
                   help="Titel. Uden titel bruges den første overskrift."),
    "description": Field(Text(), required=False,
                         help="Kort beskrivelse til søgemaskiner og forhåndsvisning."),
    "hide": Field(ListOf(item=Choice(values=("navigation", "toc", "footer", "path", "tags"))),
                  required=False, default=(),
                  help="Dele af Material-layoutet, der skjules på siden, fx [toc]."),
    "tags": tags_field(),
})


def build(values: dict[str, Any], source: Source) -> Page:
    return Page(source=source, title=values["title"], description=values["description"],
                hide=tuple(values["hide"]), tags=tuple(values["tags"]))


PAGE = register(DocumentType(
    name="page", label="side",
    description="En fri side, fx forsiden eller en sektions indgangsside. Den har ingen "
                "faste felter ud over titlen.",
    markdown=True, model=Page, schema=SCHEMA, build=build, example_path="index.md",
    unique_ids=False,
))
