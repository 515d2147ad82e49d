"""The metadata block at the top of every practice page."""

from __future__ import annotations

from ..danish import format_date
from ..fragments import badge, block, text
from ..markdown import headings
from ..model import Approval, ApprovalState, Page, Practice
from .context import PageContext, PageFragment

_APPROVAL_CLASS = {ApprovalState.DRAFT: "kladde", ApprovalState.IN_REVIEW: "til-godkendelse",
                   ApprovalState.APPROVED: "godkendt"}


def approval_badge(approval: Approval) -> str:
    return badge(approval.state.label, _APPROVAL_CLASS[approval.state])


def without_label(value: str, label: str) -> str:
    """'Metodeansvarlig Sara Holm' under the label 'Metodeansvarlig' shows as 'Sara Holm'
    (the key asks for role and name; the label already says the role)."""
    first, _, rest = value.partition(" ")
    return rest.strip() if rest.strip() and first.casefold() == label.casefold() else value


def metadata_rows(practice: Practice, ctx: PageContext) -> list[tuple[str, str]]:
    """(label, Markdown value) pairs; the print edition uses the same rows."""
    approval = practice.approval
    approved = approval_badge(approval)
    if approval.is_approved:
        approved += f" af {text(approval.approved_by)}, {format_date(approval.approved_on)}"
    next_review = text(format_date(practice.next_review))
    if practice.review_overdue(ctx.today):
        next_review += " " + badge("Gennemgang overskredet", "forfalden")
    return [
        ("Enhed", text(practice.unit)),
        ("Metodeansvarlig", text(without_label(practice.owner, "Metodeansvarlig"))),
        ("Godkendelse", approved),
        ("Version", text(practice.version)),
        ("Senest gennemgået", text(format_date(practice.last_reviewed))),
        ("Næste gennemgang", next_review),
    ]


def metadata_block(practice: Practice, ctx: PageContext) -> str:
    rows = "\n".join(f"{label}\n:   {value}\n" for label, value in metadata_rows(practice, ctx))
    summary = f"{text(practice.summary)}\n\n"
    return block("praksis-meta", summary + rows)


def _listing(title: str, items: tuple[str, ...]) -> str:
    return f"**{title}**\n\n" + "\n".join(f"- {text(item)}" for item in items) + "\n"


def key_facts(practice: Practice) -> str:
    """Target group, goals, activities, organisation and staff: the facts from front matter.

    A fact whose label the editor also wrote as a heading of the body (a '## Målgruppe'
    section) is left to that section: the page says it once."""
    written = {h.text.casefold() for h in headings(practice.source.body, 1)}
    facts = [("Målgruppe", practice.target_group), ("Støttebehov", practice.support_needs),
             ("Mål", practice.goals), ("Aktiviteter", practice.activities),
             ("Organisering", practice.organisation),
             ("Medarbejdernes faglige baggrund", practice.staff_background)]
    parts = []
    for label, value in facts:
        if not value or label.casefold() in written:
            continue
        parts.append(_listing(label, value) if isinstance(value, tuple)
                     else f"**{label}**\n\n{text(value)}\n")
    if practice.methods:
        parts.append("**Bygger på** " + ", ".join(text(m) for m in practice.methods) + "\n")
    return block("praksis-facts", "\n".join(parts))


def draft_notice(practice: Practice) -> str:
    """A visible notice on every page that is not approved practice yet."""
    if practice.approval.is_approved:
        return ""
    state = practice.approval.state
    where = "en kladde" if state is ApprovalState.DRAFT else "sendt til godkendelse"
    return block("praksis-draft", f"{approval_badge(practice.approval)} **Ikke gældende praksis.** "
                 f"Beskrivelsen er {where} "
                 "og kan ændre sig. Spørg den metodeansvarlige, før du bruger den.") + "\n"


def practice_page(practice: Practice, ctx: PageContext) -> PageFragment:
    return PageFragment(before=draft_notice(practice) + metadata_block(practice, ctx) + "\n"
                        + key_facts(practice))


def free_page_approval(page: Page, ctx: PageContext) -> PageFragment:
    """A free page printed in a handbook is approved like a description: until it is, the
    site (and a draft handbook) says so."""
    if page.approval is None or page.approval.is_approved:
        return PageFragment()
    state = page.approval.state
    return PageFragment(before=block(
        "praksis-draft", f"{approval_badge(page.approval)} **Ikke godkendt.** Siden er "
        f"{'en kladde' if state is ApprovalState.DRAFT else 'sendt til godkendelse'} og kan "
        "ændre sig.") + "\n")
