"""The generated page "Håndbøger": every printed edition with download links."""

from __future__ import annotations

from ..blocks import (
    Block,
    Blocks,
    Date,
    Link,
    Note,
    Paragraph,
    Section,
    emphasis,
    inlines,
    join,
    paragraph,
    section,
)
from ..model.editions import DOWNLOAD_FOLDER, FORMAT_LABELS, FORMATS, Edition
from .context import Generated, PageContext

EDITIONS_PAGE = f"{DOWNLOAD_FOLDER}/index.md"
EDITIONS_TITLE = "Håndbøger"


def _downloads(edition: Edition, ctx: PageContext) -> Paragraph:
    files = ctx.editions.get(edition.id, {})
    links = [(Link(inlines(f"Download som {FORMAT_LABELS[fmt]}"), target=files[fmt]),)
             for fmt in FORMATS if fmt in files]
    if not links:
        return paragraph(emphasis("Udgaven er ikke eksporteret endnu."))
    return Paragraph(join(links, " · "))


def edition_entry(edition: Edition, ctx: PageContext) -> Section:
    facts = paragraph(f"Udgave {edition.edition}, ", Date(edition.date),
                      f" · {edition.organisation}")
    return section(2, edition.title,
                   paragraph(edition.subtitle) if edition.subtitle else None,
                   Note("edition", "", (facts, _downloads(edition, ctx))))


def editions_blocks(ctx: PageContext) -> Blocks:
    editions = sorted(ctx.content.of_type(Edition), key=lambda e: (e.title.casefold(), e.id))
    parts: list[Block] = [paragraph(
        "Praksisbeskrivelserne samlet som trykte håndbøger til Word og PDF. En håndbog "
        "indeholder de godkendte beskrivelser, som de så ud, da udgaven blev lavet; den "
        "gældende version af hver beskrivelse står altid her på sitet.")]
    if not editions:
        parts.append(paragraph("Der er ingen håndbøger endnu."))
    parts.extend(edition_entry(edition, ctx) for edition in editions)
    return tuple(parts)


def editions_page(ctx: PageContext) -> dict[str, str | Generated]:
    return {EDITIONS_PAGE: Generated(EDITIONS_TITLE, editions_blocks(ctx))}
