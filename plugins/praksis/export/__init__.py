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
from pathlib import Path

from ..core.content import ContentSet
from ..core.editions import (Edition, EditionPlan, HistoryReader, no_history, plan_edition)
from ..core.pages import PageContext
from .errors import ExportError
from .history import git_history
from .plan import ExportPlan, plan_export
from .print_markdown import PrintMarkdownError, to_pandoc_markdown
from .run import ExportResult, write_edition

__all__ = ["ExportError", "ExportPlan", "ExportResult", "export_edition", "git_history",
           "no_history", "plan_for_print", "plan_export"]


def plan_for_print(edition: Edition, content: ContentSet, ctx: PageContext, draft: bool,
                   history: HistoryReader = no_history, content_label: str = "content"
                   ) -> EditionPlan:
    """The core's plan, with the site's Markdown adapted for pandoc."""
    try:
        return plan_edition(edition, content, ctx, draft, history, to_pandoc_markdown)
    except PrintMarkdownError as exc:
        raise ExportError(f"{content_label}/{exc}") from None


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
