"""The title every reader sees: navigation, <title>, print, listings and the CLI.

A document's own ``title``, else the one its type derives from other documents
("Lovende praksis: Samarbejde om Sikkerhed, 12. marts 2026"), else its id: never None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..danish import format_date
from ..markdown import headings
from ..model import Page, Practice
from ..model.assessment import Assessment
from ..model.content import ContentSet, Document
from ..model.instrument import Instrument
from ..model.milestones import ImplementationPlan, default_plan_title


def assessment_title(assessment: Assessment, content: ContentSet) -> str:
    """The title, or the default '<instrument>: <practice title>, <date in Danish>'."""
    if assessment.title:
        return assessment.title
    instrument = content.get(Instrument, assessment.instrument)
    practice = content.get(Practice, assessment.practice)
    return (f"{instrument.title if instrument else assessment.instrument}: "
            f"{practice.title if practice else assessment.practice}, "
            f"{format_date(assessment.date)}")


def plan_title(plan: ImplementationPlan, content: ContentSet) -> str:
    """The title, or 'Implementeringsplan: <practice title>, <unit>'."""
    if plan.title:
        return plan.title
    practice = content.get(Practice, plan.practice)
    return default_plan_title(practice.title if practice else plan.practice, plan.unit)


def page_title(page: Page, content: ContentSet) -> str:
    """The title, else the first level-1 heading (as MkDocs takes it), else the file's id."""
    if page.title:
        return page.title
    first = next((h.text for h in headings(page.source.body, page.source.body_line)
                  if h.level == 1), None)
    return first or page.source.doc_id


# The types whose documents may have no title of their own, and how each derives one.
DERIVED_TITLES: dict[type, Callable[[Any, ContentSet], str]] = {
    Assessment: assessment_title,
    Page: page_title,
    ImplementationPlan: plan_title,
}


def display_title(doc: Document, content: ContentSet) -> str:
    """The document's own ``title``, else the one its type derives, else its id."""
    derive = DERIVED_TITLES.get(type(doc))
    if derive is not None:
        return derive(doc, content)
    own = getattr(doc, "title", None)
    return str(own) if own else doc.source.doc_id
