"""``type: framework``: an implementation framework, e.g. Socialstyrelsen's guide for Signs of
Safety: factors, and under each factor milestones with an introduction and guiding questions.

Nothing here knows a particular framework: a team can add another framework file of the same
shape, and plans refer to it by its file name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..fields import (
    INT_TAG,
    INVALID,
    STR_TAG,
    Checker,
    Field,
    Key,
    ListOf,
    Record,
    Slug,
    Spec,
    Text,
    Values,
)
from ..model import Source
from ..model.milestones import MILESTONE_ID_PATTERN, Factor, Framework, Milestone
from .common import DocumentType, title_field, type_field


@dataclass(frozen=True)
class MilestoneId(Spec):
    """A milestone id: one capital letter and a number (L1, K3, O6)."""

    label: str = "et milepæls-id (et stort bogstav og et tal, fx L1)"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (
                STR_TAG, INT_TAG):
            return self._wrong(node, key, ck)
        value = node.value.strip()
        if not re.match(MILESTONE_ID_PATTERN, value):
            hint = f" Mente du '{value.upper()}'?" if re.match(MILESTONE_ID_PATTERN,
                                                               value.upper()) else ""
            ck.error(key, f"'{value}' er ikke et gyldigt milepæls-id.{hint} Et id er ét stort "
                          "bogstav efterfulgt af et tal, fx L1, K3 eller O6.", ck.line(node))
            return INVALID
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": MILESTONE_ID_PATTERN}

    def example(self) -> str:
        return "L1"


MILESTONE = Record(fields={
    "id": Field(MilestoneId(), help="Milepælens id: ét stort bogstav og et tal, fx L1. "
                                    "Entydigt i rammen."),
    "title": title_field("Milepælen som en sætning, fx 'Der er nedsat et "
                         "implementeringsteam'."),
    "introduction": Field(Text(), help="Den indledende tekst, der forklarer milepælen."),
    "questions": Field(ListOf(item=Text()), help="De vejledende spørgsmål, et pr. linje."),
})

FACTOR = Record(fields={
    "id": Field(Slug(), help="Faktorens id, fx ledelse."),
    "title": title_field("Faktorens navn, fx 'Ledelse'."),
    "milestones": Field(ListOf(item=MILESTONE, min_items=1),
                        help="Faktorens milepæle i rækkefølge."),
})

SCHEMA = Record(fields={
    "type": type_field("framework"),
    "title": title_field("Rammens navn, fx 'Signs of Safety'."),
    "source": Field(Text(single_line=True), required=False,
                    help="Hvor rammen kommer fra, fx 'Socialstyrelsen: "
                         "Implementeringsvejledning'."),
    "description": Field(Text(), required=False, help="En beskrivelse af rammen."),
    "factors": Field(ListOf(item=FACTOR, min_items=1),
                     help="Implementeringsfaktorerne (fx ledelse, kompetencer, organisering), "
                          "hver med sine milepæle."),
})


def _unique_ids(values: Values, ck: Checker) -> None:
    """Factor ids and milestone ids must each be unique: plans refer to milestones by id."""
    factor_seen: dict[str, int] = {}
    milestone_seen: dict[str, int] = {}
    for f_index, factor in enumerate(values["factors"]):
        factor_key: Key = ("factors", f_index, "id")
        if factor["id"] in factor_seen:
            ck.error(factor_key, f"faktoren '{factor['id']}' står to gange (også i linje "
                                 f"{factor_seen[factor['id']]}). Giv faktorerne hver sit id.")
        factor_seen.setdefault(factor["id"], ck.line_at(factor_key))
        for m_index, milestone in enumerate(factor["milestones"]):
            key: Key = ("factors", f_index, "milestones", m_index, "id")
            if milestone["id"] in milestone_seen:
                ck.error(key, f"milepælen '{milestone['id']}' står to gange i rammen (også i "
                              f"linje {milestone_seen[milestone['id']]}). Planer henviser til "
                              "milepæle med id'et, så hvert id må kun bruges én gang.")
            milestone_seen.setdefault(milestone["id"], ck.line_at(key))


def build(values: Values, source: Source) -> Framework:
    factors = tuple(
        Factor(id=factor["id"], title=factor["title"], milestones=tuple(
            Milestone(id=m["id"], title=m["title"], introduction=m["introduction"],
                      questions=tuple(m["questions"]))
            for m in factor["milestones"]))
        for factor in values["factors"])
    return Framework(source=source, title=values["title"], origin=values["source"],
                     description=values["description"], factors=factors)


FRAMEWORK = DocumentType(
    name="framework", label="implementeringsramme",
    description="En implementeringsramme, fx Socialstyrelsens implementeringsvejledning for "
                "Signs of Safety: faktorer, og under hver faktor milepæle med en indledning og "
                "vejledende spørgsmål. Implementeringsplaner henviser til rammen med filnavnet.",
    markdown=False, model=Framework, schema=SCHEMA, build=build, rules=(_unique_ids,),
    example_path="frameworks/signs-of-safety.yml",
)
