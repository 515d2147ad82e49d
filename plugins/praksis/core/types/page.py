"""``type: page``: a free page such as the start page, a section's index page, or a page of a
printed handbook (foreword, values, working model, organisation, contacts, references).

A page that an edition prints carries ``approval`` (and ``version``) like a description, so
the rule for drafts applies to it too.
"""

from __future__ import annotations

from ..fields import Checker, Choice, Field, ListOf, Record, Text, Values
from ..model import Approval, ApprovalState, Page, Source
from .common import (
    APPROVAL,
    DocumentType,
    approval_complete,
    tags_field,
    type_field,
    with_change_history,
)

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
    "approval": Field(APPROVAL, required=False,
                      help="Godkendelse, når siden trykkes i en håndbog (fx et forord): "
                           "state, og ved godkendelse approved_by og approved_on. En side "
                           "uden godkendelse kommer kun med i kladder."),
    "version": Field(Text(single_line=True), required=False,
                     help='Sidens versionsnummer, fx "1.0" (i anførselstegn).'),
})


def _approval_complete(values: Values, ck: Checker) -> None:
    if values["approval"] is not None:
        approval_complete(values, ck)


def build(values: Values, source: Source) -> Page:
    approval = values["approval"]
    return Page(source=source, title=values["title"], description=values["description"],
                hide=tuple(values["hide"]), tags=tuple(values["tags"]),
                approval=Approval(ApprovalState(approval["state"]), approval["approved_by"],
                                  approval["approved_on"]) if approval else None,
                version=values["version"])


PAGE = with_change_history(DocumentType(
    name="page", label="side",
    description="En fri side, fx forsiden, en sektions indgangsside eller en side i en "
                "håndbog (forord, værdier, arbejdsmodel, organisering, kontakter, "
                "referencer). Den har ingen faste felter ud over titlen; en side, der trykkes "
                "i en udgave, har 'approval' som en beskrivelse.",
    markdown=True, model=Page, schema=SCHEMA, build=build, example_path="index.md",
    rules=(_approval_complete,),
    unique_ids=False,
))
