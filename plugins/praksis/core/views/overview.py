"""The start page's headline figures and the listings on section index pages.

Every listing shows a document's approval state (or progress), so a reader never mistakes a
draft for current practice.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from typing import Any

from ..blocks import (
    Block,
    Blocks,
    Cards,
    Column,
    Date,
    Inline,
    Inlines,
    Number,
    Paragraph,
    Percent,
    Status,
    Table,
    Text,
    Tone,
    inlines,
    link,
    paragraph,
    strong,
)
from ..model import ApprovalState, Page, Practice
from ..model.assessment import Assessment
from ..model.milestones import ImplementationPlan
from ..rules.milestones import plan_statuses, status_in
from ..rules.scoring import score_in
from ..rules.titles import display_title
from .context import PageContext, PageFragment
from .milestones import DASHBOARD_PATH
from .practice import approval_status

START_PAGE = "index.md"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def headline_cards(ctx: PageContext) -> Cards:
    """The dashboard's headline figures as cards (a plain list in print)."""
    content = ctx.content
    practices = content.of_type(Practice)
    states = Counter(p.approval.state for p in practices)
    overdue_reviews = [p for p in practices if p.review_overdue(ctx.today)]
    statuses = plan_statuses(content, ctx.today)
    overdue_milestones = sum(len(s.overdue) for s in statuses)
    assessments = content.of_type(Assessment)

    reviews = paragraph(strong(f"{_plural(len(overdue_reviews), 'gennemgang', 'gennemgange')} "
                               "overskredet"))
    cards: list[tuple[Block, ...]] = [
        (paragraph(strong(_plural(len(practices), "praksisbeskrivelse",
                                  "praksisbeskrivelser"))),
         paragraph(f"{states[ApprovalState.APPROVED]} godkendt, "
                   f"{states[ApprovalState.IN_REVIEW]} til godkendelse, "
                   f"{states[ApprovalState.DRAFT]} kladde")),
        (reviews, paragraph("Se listen i ", link("oversigten", DASHBOARD_PATH)))
        if statuses else (reviews,),
    ]
    if statuses:
        progress: list[Inline] = [Text("Fremdrift: ")]
        for index, status in enumerate(statuses):
            progress += [Text(", " if index else ""), Text(f"{status.plan.unit} "),
                         Percent(status.progress)]
        cards.append((paragraph(strong(
            f"{_plural(len(statuses), 'implementeringsplan', 'implementeringsplaner')}, "
            f"{_plural(overdue_milestones, 'forfalden milepæl', 'forfaldne milepæle')}")),
            Paragraph(tuple(progress))))
    if assessments:
        latest = max(assessments, key=lambda a: a.date)
        practiced = len({a.practice for a in assessments})
        cards.append((paragraph(strong(f"{_plural(len(assessments), 'vurdering', 'vurderinger')}"
                                       " af Lovende praksis"),
                                f" for {_plural(practiced, 'praksis', 'praksisser')}"),
                      paragraph("Seneste: ", Date(latest.date))))
    return Cards(tuple(cards))


def _practice_row(practice: Practice, ctx: PageContext) -> tuple[Inlines, ...]:
    review: Inlines = (Date(practice.next_review),)
    if practice.review_overdue(ctx.today):
        review += (Text(" "), Status("Overskredet", Tone.OVERDUE))
    return ((link(practice.title, practice.source.path),), (approval_status(practice.approval),),
            inlines(practice.version), inlines(practice.unit), review)


def _assessment_row(assessment: Assessment, ctx: PageContext) -> tuple[Inlines, ...]:
    score = score_in(ctx.content, assessment, adjusted=ctx.adjusted_scores)
    practice = ctx.content.get(Practice, assessment.practice)
    mean = Number(score.exact_mean if score is not None else None)
    return ((link(display_title(assessment, ctx.content), assessment.source.path),),
            inlines(practice.title if practice else assessment.practice),
            (Date(assessment.date),), (mean,))


def _plan_row(plan: ImplementationPlan, ctx: PageContext) -> tuple[Inlines, ...]:
    status = status_in(ctx.content, plan, ctx.today)
    if status is None:
        return (inlines(plan.unit), inlines("–"), inlines("–"), inlines("–"))
    overdue = len(status.overdue)
    return ((link(status.title, plan.source.path),), inlines(plan.unit),
            (Percent(status.progress),),
            (Status(f"{overdue} forfaldne", Tone.OVERDUE),) if overdue else inlines("0"))


_LISTINGS: tuple[tuple[type, list[str], Any], ...] = (
    (Practice, ["Praksisbeskrivelse", "Godkendelse", "Version", "Enhed", "Næste gennemgang"],
     _practice_row),
    (Assessment, ["Vurdering", "Praksis", "Dato", "Gennemsnit (ikke officielt)"],
     _assessment_row),
    (ImplementationPlan, ["Plan", "Enhed", "Fremdrift", "Forfaldne milepæle"], _plan_row),
)


def section_listing(page: Page, ctx: PageContext) -> Blocks:
    """A table of every document below the index page's folder, by type, sorted by title."""
    path = page.source.path
    below = [d for d in ctx.content.below(posixpath.dirname(path)) if d.source.path != path]
    parts = []
    for model, header, row in _LISTINGS:
        docs = sorted((d for d in below if isinstance(d, model)),
                      key=lambda d: display_title(d, ctx.content).casefold())
        if docs:
            parts.append(Table(tuple(Column(inlines(h)) for h in header),
                               tuple(row(d, ctx) for d in docs)))
    return tuple(parts)


def overview(page: Page, ctx: PageContext) -> PageFragment:
    if page.source.path == START_PAGE:
        return PageFragment(before=(headline_cards(ctx),))
    if page.source.path.endswith("/index.md"):
        return PageFragment(after=section_listing(page, ctx))
    return PageFragment()
