"""``type: practice``: a practice description (praksisbeskrivelse)."""

from __future__ import annotations

from ..fields import Checker, Date, Field, Integer, ListOf, Record, Text, Values
from ..model import Approval, ApprovalState, Practice, Source
from ..model.content import ContentSet
from ..problems import Severity
from ..rules.scoring import coverage_note
from ..scaffold import markdown_document, scaffold_yaml
from .common import (
    APPROVAL,
    DocumentType,
    Report,
    approval_complete,
    tags_field,
    title_field,
    type_field,
    with_change_history,
)

SCHEMA = Record(fields={
    "type": type_field("practice"),
    "title": title_field(example='"Ny praksisbeskrivelse"'),
    "summary": Field(Text(), help="Et kort resumé på 1-3 sætninger: hvad praksis er, og for hvem.",
                     example='"Skriv et kort resumé: hvad praksis er, og for hvem."'),
    "unit": Field(Text(single_line=True),
                  help="Organisation eller enhed, der bruger praksis, fx 'Børne- og "
                       "familieafdelingen, LØFT kommune'.",
                  example='"Skriv organisation eller enhed"'),
    "owner": Field(Text(single_line=True),
                   help="Metodeansvarlig: den person (rolle og navn), der ejer beskrivelsen.",
                   example='"Skriv rolle og navn på den metodeansvarlige"'),
    "target_group": Field(Text(), help="Målgruppen: hvem praksis er rettet mod.",
                          example='"Beskriv målgruppen."'),
    "support_needs": Field(Text(), required=False,
                           help="Målgruppens støttebehov, som praksis skal imødekomme.",
                           example='"Beskriv målgruppens støttebehov."'),
    "goals": Field(ListOf(item=Text(), min_items=1),
                   help="Målene med praksis, et mål pr. linje.",
                   example='- "Skriv det første mål."'),
    "activities": Field(ListOf(item=Text(), min_items=1),
                        help="Hvad praksis består i: aktiviteter og handlinger, en pr. linje.",
                        example='- "Skriv den første aktivitet."'),
    "organisation": Field(Text(), help="Hvordan praksis er organiseret: roller, møder, rytme.",
                          example='"Beskriv roller, møder og rytme."'),
    "staff_background": Field(Text(),
                              help="Den faglige baggrund og uddannelse, medarbejderne skal have.",
                              example='"Beskriv den faglige baggrund, medarbejderne skal have."'),
    "methods": Field(ListOf(item=Text(single_line=True)), required=False, default=(),
                     help="Metoder og teorier, praksis bygger på, fx [Signs of Safety].",
                     example="[]"),
    "approval": Field(APPROVAL, help="Godkendelse: state, og ved godkendelse approved_by og "
                                     "approved_on."),
    "version": Field(Text(single_line=True),
                     help="Beskrivelsens versionsnummer, fx \"2.1\" (i anførselstegn).",
                     example='"0.1"'),
    "last_reviewed": Field(Date(), help="Dato for seneste gennemgang (ÅÅÅÅ-MM-DD)."),
    "review_interval_months": Field(Integer(minimum=1, maximum=60), required=False, default=12,
                                    help="Hvor mange måneder der må gå mellem to gennemgange "
                                         "(standard 12).",
                                    example="12"),
    "tags": tags_field(),
})


def _review_after_approval(values: Values, ck: Checker) -> None:
    approved_on = values["approval"]["approved_on"]
    if approved_on is not None and values["last_reviewed"] < approved_on:
        ck.warn(("last_reviewed",), "seneste gennemgang ligger før godkendelsen. En godkendelse "
                                    "er også en gennemgang: sæt last_reviewed til "
                                    f"{approved_on.isoformat()} eller senere.")


def build(values: Values, source: Source) -> Practice:
    approval = values["approval"]
    return Practice(
        source=source, title=values["title"], summary=values["summary"], unit=values["unit"],
        owner=values["owner"], target_group=values["target_group"],
        support_needs=values["support_needs"], goals=values["goals"],
        activities=values["activities"], organisation=values["organisation"],
        staff_background=values["staff_background"], methods=values["methods"],
        approval=Approval(ApprovalState(approval["state"]), approval["approved_by"],
                          approval["approved_on"]),
        version=values["version"], last_reviewed=values["last_reviewed"],
        review_interval_months=values["review_interval_months"], tags=values["tags"],
    )


def cross_check(practice: Practice, content: ContentSet, report: Report) -> None:
    if not practice.source.body.strip():
        report((), "beskrivelsen har ingen brødtekst. Skriv, hvordan praksis udføres, under "
                   "front matter.", Severity.WARNING)
    # Which Lovende praksis questions 3.3-3.8 the description already answers (information).
    report(("beskrivelse",), coverage_note(practice), Severity.INFO)


def scaffold(doc_id: str, today: str) -> str:
    """A new practice description that passes ``praksis check`` (with warnings to fill in)."""
    body = ("## Formål\n\nSkriv, hvorfor praksis findes.\n\n## Sådan gør vi\n\n"
            "Beskriv trin for trin, hvordan praksis udføres.\n")
    return markdown_document(scaffold_yaml(SCHEMA, {"last_reviewed": today}), body)


PRACTICE = with_change_history(DocumentType(
    name="practice", label="praksisbeskrivelse",
    description="En praksisbeskrivelse: hvad en faglig praksis er, for hvem, med hvilke mål og "
                "aktiviteter, hvem der ejer den, og om den er godkendt. Brødteksten beskriver "
                "praksis i detaljer.",
    markdown=True, model=Practice, schema=SCHEMA, build=build,
    rules=(approval_complete, _review_after_approval), cross_check=cross_check,
    example_path="praksis/samarbejde-om-sikkerhed.md",
))
