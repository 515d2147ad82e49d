"""Printed editions: the pandoc and typst adapter for the core's edition plans.

The core (``praksis.core.editions``) decides what goes into a handbook and assembles its
Markdown; this package adapts the site's Markdown for pandoc (``print_markdown``), reads the
version history from git (``history``), plans each pandoc run (``plan``), and runs pandoc
through one function (``pandoc.run_pandoc``) and typst through its Python package
(``typst_pdf``). ``export_edition`` is what the CLI calls.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
from pathlib import Path

import segno

from ..core.editions import (
    EditionPlan,
    HistoryReader,
    PrintedBody,
    PrintSource,
    SiteAddress,
    no_history,
    plan_edition,
)
from ..core.model.content import ContentSet
from ..core.model.editions import Edition
from ..core.rules.editions import dropped_parts_problem
from ..core.views.context import PageContext
from .errors import ExportError
from .glyphs import with_glyph_warnings
from .history import git_history
from .plan import ExportPlan, plan_export
from .print_markdown import PrintMarkdownError, to_pandoc_markdown
from .run import ExportResult, write_edition

__all__ = ["ExportError", "ExportPlan", "ExportResult", "export_edition", "git_history",
           "no_history", "plan_export", "plan_for_print"]


def qr_svg(url: str) -> bytes:
    """A QR code of ``url`` as SVG (segno), small enough to print beside the address."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=4, border=2, xmldecl=False,
                                    svgns=True)
    return out.getvalue()


def printable_markdown(markdown: str, source: PrintSource) -> PrintedBody:
    """Site Markdown for pandoc, with a warning for characters the PDF cannot draw."""
    return with_glyph_warnings(to_pandoc_markdown(markdown, source), markdown, source)


def plan_for_print(edition: Edition, content: ContentSet, ctx: PageContext, draft: bool,
                   history: HistoryReader = no_history, content_label: str = "content",
                   site_url: str | None = None, directory_urls: bool = True) -> EditionPlan:
    """The core's plan, with the site's Markdown adapted for pandoc, and each description's
    address on the site (with a QR code) when ``site_url`` is known."""
    site = SiteAddress(site_url, directory_urls, qr_svg) if site_url else None
    try:
        plan = plan_edition(edition, content, ctx, draft, history, printable_markdown, site)
    except PrintMarkdownError as exc:
        raise ExportError(f"{content_label}/{exc}") from None
    problem = dropped_parts_problem(edition, plan.selection, content)
    if problem is not None and plan.selection.documents:
        raise ExportError(f"{content_label}/{problem}")  # no documents at all: see below
    return plan


def export_edition(plan: EditionPlan, fmt: str, output_dir: Path, content_root: Path,
                   content_label: str, today: dt.date) -> ExportResult:
    """Write one edition in one format (docx or pdf) to ``output_dir/<id>.<fmt>``."""
    if not plan.selection.documents:
        raise ExportError(f"{content_label}/{plan.edition.source.path}: udgaven har ingen "
                          "godkendte dokumenter at trykke. Godkend beskrivelserne, eller "
                          "eksportér en kladde med --draft.")
    # The PDF's creation date is the build date (SOURCE_DATE_EPOCH), so builds reproduce.
    timestamp = calendar.timegm(today.timetuple())
    return write_edition(plan_export(plan, fmt, output_dir), content_root, content_label,
                         timestamp)
