"""The metadata block at the top of every practice page."""

from __future__ import annotations

from ..blocks import (
    Block,
    BulletList,
    Date,
    Fact,
    Facts,
    Inlines,
    Note,
    Status,
    Text,
    Tone,
    inlines,
    paragraph,
    strong,
)
from ..markdown import headings
from ..model import Approval, ApprovalState, Page, Practice
from .context import PageContext, PageFragment

_APPROVAL_CLASS = {ApprovalState.DRAFT: "kladde", ApprovalState.IN_REVIEW: "til-godkendelse",
                   ApprovalState.APPROVED: "godkendt"}


def without_label(value: str, label: str) -> str:
    """'Metodeansvarlig Sara Holm' under the label 'Metodeansvarlig' shows as 'Sara Holm'
    (the key asks for role and name; the label already says the role)."""
    first, _, rest = value.partition(" ")
    return rest.strip() if rest.strip() and first.casefold() == label.casefold() else value


def approval_status(approval: Approval) -> Status:
    return Status(approval.state.label, _APPROVAL_CLASS[approval.state])


def metadata_facts(practice: Practice, ctx: PageContext) -> Facts:
    """The practice's summary and its facts (unit, owner, approval, version, reviews)."""
    approval = practice.approval
    approved: Inlines = (approval_status(approval),)
    if approval.is_approved:
        approved += (Text(f" af {approval.approved_by}, "), Date(approval.approved_on))
    next_review: Inlines = (Date(practice.next_review),)
    if practice.review_overdue(ctx.today):
        next_review += (Text(" "), Status("Gennemgang overskredet", Tone.OVERDUE))
    return Facts((
        Fact("Enhed", inlines(practice.unit)),
        Fact("Metodeansvarlig", inlines(without_label(practice.owner, "Metodeansvarlig"))),
        Fact("Godkendelse", approved),
        Fact("Version", inlines(practice.version)),
        Fact("Senest gennemgået", (Date(practice.last_reviewed),)),
        Fact("Næste gennemgang", next_review),
    ), lead=inlines(practice.summary))


def key_facts(practice: Practice) -> Note | None:
    """Target group, goals, activities, organisation and staff: the facts from front matter.

    A fact whose label the editor also wrote as a heading of the body (a '## Målgruppe'
    section) is left to that section: the page says it once."""
    written = {h.text.casefold() for h in headings(practice.source.body, 1)}
    facts = [("Målgruppe", practice.target_group), ("Støttebehov", practice.support_needs),
             ("Mål", practice.goals), ("Aktiviteter", practice.activities),
             ("Organisering", practice.organisation),
             ("Medarbejdernes faglige baggrund", practice.staff_background)]
    parts: list[Block] = []
    for label, value in facts:
        if not value or label.casefold() in written:
            continue
        parts.append(paragraph(strong(label)))
        if isinstance(value, tuple):
            parts.append(BulletList(tuple(inlines(item) for item in value)))
        else:
            parts.append(paragraph(value))
    if practice.methods:
        parts.append(paragraph(strong("Bygger på"), " " + ", ".join(practice.methods)))
    return Note("facts", "", tuple(parts)) if parts else None


def _draft_notice(approval: Approval, what: str, notice: str) -> Note:
    state = approval.state
    where = "en kladde" if state is ApprovalState.DRAFT else "sendt til godkendelse"
    return Note("draft", "", (paragraph(approval_status(approval), " ", strong(what),
                                        f" {notice.format(where=where)}"),))


def draft_notice(practice: Practice) -> Note | None:
    """A visible notice on every page that is not approved practice yet."""
    if practice.approval.is_approved:
        return None
    return _draft_notice(practice.approval, "Ikke gældende praksis.",
                         "Beskrivelsen er {where} og kan ændre sig. Spørg den "
                         "metodeansvarlige, før du bruger den.")


def practice_page(practice: Practice, ctx: PageContext) -> PageFragment:
    blocks = (draft_notice(practice), metadata_facts(practice, ctx), key_facts(practice))
    return PageFragment(before=tuple(b for b in blocks if b is not None))


def free_page_approval(page: Page, ctx: PageContext) -> PageFragment:
    """A free page printed in a handbook is approved like a description: until it is, the
    site (and a draft handbook) says so."""
    if page.approval is None or page.approval.is_approved:
        return PageFragment()
    return PageFragment(before=(_draft_notice(page.approval, "Ikke godkendt.",
                                              "Siden er {where} og kan ændre sig."),))
