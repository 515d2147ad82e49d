"""The start page's headline figures and the listings on section index pages.

Every listing shows a document's approval state (or progress), so a reader never mistakes a
draft for current practice.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from typing import Any

from ..danish import decimal, format_date
from ..fragments import badge, block, link, percent, table, text
from ..model import ApprovalState, Page, Practice
from ..model.assessment import Assessment
from ..model.milestones import ImplementationPlan
from ..rules.milestones import plan_statuses, status_in
from ..rules.scoring import score_in
from ..rules.titles import display_title
from .context import PageContext, PageFragment
from .milestones import DASHBOARD_PATH
from .practice import approval_badge

START_PAGE = "index.md"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def headline_cards(ctx: PageContext) -> str:
    """The dashboard's headline figures as Material grid cards (a plain list in print)."""
    content = ctx.content
    practices = content.of_type(Practice)
    states = Counter(p.approval.state for p in practices)
    overdue_reviews = [p for p in practices if p.review_overdue(ctx.today)]
    statuses = plan_statuses(content, ctx.today)
    overdue_milestones = sum(len(s.overdue) for s in statuses)
    assessments = content.of_type(Assessment)

    cards = [
        f"**{_plural(len(practices), 'praksisbeskrivelse', 'praksisbeskrivelser')}**\n\n"
        f"    {states[ApprovalState.APPROVED]} godkendt, "
        f"{states[ApprovalState.IN_REVIEW]} til godkendelse, "
        f"{states[ApprovalState.DRAFT]} kladde",
        f"**{_plural(len(overdue_reviews), 'gennemgang', 'gennemgange')} overskredet**\n\n"
        f"    Se listen i {link('oversigten', START_PAGE, DASHBOARD_PATH)}"
        if statuses else
        f"**{_plural(len(overdue_reviews), 'gennemgang', 'gennemgange')} overskredet**",
    ]
    if statuses:
        progress = ", ".join(f"{text(s.plan.unit)} {percent(s.progress)}" for s in statuses)
        cards.append(f"**{_plural(len(statuses), 'implementeringsplan', 'implementeringsplaner')}, "
                     f"{_plural(overdue_milestones, 'forfalden milepæl', 'forfaldne milepæle')}"
                     f"**\n\n    Fremdrift: {progress}")
    if assessments:
        latest = max(assessments, key=lambda a: a.date)
        practiced = len({a.practice for a in assessments})
        cards.append(f"**{_plural(len(assessments), 'vurdering', 'vurderinger')} af Lovende "
                     f"praksis** for {_plural(practiced, 'praksis', 'praksisser')}\n\n"
                     f"    Seneste: {text(format_date(latest.date))}")
    items = "\n\n".join(f"-   {card}" for card in cards)
    return block("grid cards praksis-headline", items)


def _practice_row(practice: Practice, page: str, ctx: PageContext) -> list[str]:
    review = text(format_date(practice.next_review))
    if practice.review_overdue(ctx.today):
        review += " " + badge("Overskredet", "forfalden")
    return [link(practice.title, page, practice.source.path), approval_badge(practice.approval),
            text(practice.version), text(practice.unit), review]


def _assessment_row(assessment: Assessment, page: str, ctx: PageContext) -> list[str]:
    score = score_in(ctx.content, assessment, adjusted=ctx.adjusted_scores)
    practice = ctx.content.get(Practice, assessment.practice)
    mean = decimal(score.exact_mean if score is not None else None)
    return [link(display_title(assessment, ctx.content), page, assessment.source.path),
            text(practice.title if practice else assessment.practice),
            text(format_date(assessment.date)), mean]


def _plan_row(plan: ImplementationPlan, page: str, ctx: PageContext) -> list[str]:
    status = status_in(ctx.content, plan, ctx.today)
    if status is None:
        return [text(plan.unit), "–", "–", "–"]
    overdue = len(status.overdue)
    return [link(status.title, page, plan.source.path), text(plan.unit),
            percent(status.progress),
            badge(f"{overdue} forfaldne", "forfalden") if overdue else "0"]


_LISTINGS: tuple[tuple[type, list[str], Any], ...] = (
    (Practice, ["Praksisbeskrivelse", "Godkendelse", "Version", "Enhed", "Næste gennemgang"],
     _practice_row),
    (Assessment, ["Vurdering", "Praksis", "Dato", "Gennemsnit (ikke officielt)"],
     _assessment_row),
    (ImplementationPlan, ["Plan", "Enhed", "Fremdrift", "Forfaldne milepæle"], _plan_row),
)


def section_listing(page: Page, ctx: PageContext) -> str:
    """A table of every document below the index page's folder, by type, sorted by title."""
    folder = posixpath.dirname(page.source.path)
    below = [d for d in ctx.content.documents
             if d.source.path.startswith(f"{folder}/") and d.source.path != page.source.path]
    parts = []
    for model, header, row in _LISTINGS:
        docs = sorted((d for d in below if isinstance(d, model)),
                      key=lambda d: display_title(d, ctx.content).casefold())
        if docs:
            parts.append(table(header, [row(d, page.source.path, ctx) for d in docs]))
    return "\n".join(parts)


def overview(page: Page, ctx: PageContext) -> PageFragment:
    if page.source.path == START_PAGE:
        return PageFragment(before=headline_cards(ctx))
    if page.source.path.endswith("/index.md"):
        return PageFragment(after=section_listing(page, ctx))
    return PageFragment()
