"""The generated page "Håndbøger": every printed edition with download links."""

from __future__ import annotations

import posixpath

from ..danish import format_date
from ..fragments import block, text
from ..model.editions import DOWNLOAD_FOLDER, FORMAT_LABELS, FORMATS, Edition
from .context import PageContext

EDITIONS_PAGE = f"{DOWNLOAD_FOLDER}/index.md"
EDITIONS_TITLE = "Håndbøger"


def _downloads(edition: Edition, ctx: PageContext) -> str:
    files = ctx.editions.get(edition.id, {})
    links = [f"[Download som {FORMAT_LABELS[fmt]}]"
             f"({posixpath.relpath(files[fmt], DOWNLOAD_FOLDER)})"
             for fmt in FORMATS if fmt in files]
    if not links:
        return "*Udgaven er ikke eksporteret endnu.*\n"
    return " · ".join(links) + "\n"


def edition_entry(edition: Edition, ctx: PageContext) -> str:
    lines = [f"## {text(edition.title)}\n"]
    if edition.subtitle:
        lines.append(f"{text(edition.subtitle)}\n")
    facts = (f"Udgave {text(edition.edition)}, {text(format_date(edition.date))} · "
             f"{text(edition.organisation)}")
    lines.append(block("praksis-edition", f"{facts}\n\n{_downloads(edition, ctx)}"))
    return "\n".join(lines)


def editions_markdown(ctx: PageContext) -> str:
    editions = sorted(ctx.content.of_type(Edition), key=lambda e: (e.title.casefold(), e.id))
    parts = [f"---\ntype: page\ntitle: {EDITIONS_TITLE}\n---\n",
             "Praksisbeskrivelserne samlet som trykte håndbøger til Word og PDF. En håndbog "
             "indeholder de godkendte beskrivelser, som de så ud, da udgaven blev lavet; den "
             "gældende version af hver beskrivelse står altid her på sitet.\n"]
    if not editions:
        parts.append("Der er ingen håndbøger endnu.\n")
    parts.extend(edition_entry(edition, ctx) for edition in editions)
    return "\n".join(parts)


def editions_page(ctx: PageContext) -> dict[str, str]:
    return {EDITIONS_PAGE: editions_markdown(ctx)}
