"""``type: instrument``: a questionnaire such as Socialstyrelsen's "Lovende praksis", as data.

An instrument has scales (answer options with their points), elements and numbered questions.
Nothing in the code knows the questions of a particular instrument: a team can add its own
instrument file of the same shape, and assessments, scores, pages and scaffolds follow it.

Reflection convention (read by ``assessment.read_reflections``): an assessment's body has one
``## Element <number>: <title>`` section per element, each with ``### <reflection.overall>``
and ``### <reflection.potential>``, and a final ``## <reflection.whole_practice>`` section with
the same two subheadings for the practice as a whole.
"""

from __future__ import annotations

import re
from typing import Any

from ..danish import SLUG_PATTERN
from ..fields import (
    Boolean,
    Checker,
    Field,
    Integer,
    ListOf,
    MapOf,
    Points,
    Record,
    Slug,
    Text,
    Values,
)
from ..model import Source
from ..model.instrument import (
    Condition,
    Element,
    Instrument,
    Question,
    ReflectionHeadings,
    Scale,
    ScaleOption,
)
from ..problems import did_you_mean, quote_list
from .common import DocumentType, title_field, type_field

DEFAULT_SCALE = "standard"
DEFAULT_WHOLE_PRACTICE_HEADING = "Samlet vurdering af praksis"
QUESTION_ID = re.compile(r"^(\d+)\.(\d+)$")
# Answer codes such as 'ja', 'ved-ikke' or '2A': letters, digits and hyphens.
CODE_PATTERN = r"^[A-Za-z0-9æøåÆØÅ]+(-[A-Za-z0-9æøåÆØÅ]+)*$"



OPTION = Record(fields={
    "code": Field(Slug(label="en svarkode (bogstaver, tal og bindestreger, fx ja eller 2A)",
                       pattern=CODE_PATTERN, hint=""),
                  help="Koden, som svaret skrives med i en vurdering, fx ja, delvist eller 2A."),
    "label": Field(Text(single_line=True), help="Svaret, som det vises på siden, fx 'Delvist'."),
    "points": Field(Points(), help="Point for svaret, mellem 0 og 1, fx 1, 0.5 eller \"1/3\"."),
    "not_applicable": Field(Boolean(), required=False, default=False,
                            help="true for 'ikke relevant'-svar: den justerede beregning lader "
                                 "dem ude af nævneren."),
})

SCALE = Record(fields={
    "label": Field(Text(single_line=True), help="Skalaens navn, fx 'Ja / Delvist / Nej'."),
    "options": Field(ListOf(item=OPTION, min_items=1),
                     help="Svarmulighederne med kode, tekst og point."),
})

CONDITION = Record(fields={
    "question": Field(Text(single_line=True), help="Nummeret på det spørgsmål, der afgør det, "
                                                   "fx \"2.2\"."),
    "answers": Field(ListOf(item=Text(single_line=True), min_items=1),
                     help="De svarkoder på det spørgsmål, der gør dette spørgsmål relevant."),
})

QUESTION = Record(fields={
    "id": Field(Text(single_line=True),
                help="Spørgsmålets nummer 'element.løbenummer' i anførselstegn, fx \"1.2\"."),
    "text": Field(Text(), help="Spørgsmålet, som det står i skemaet."),
    "help": Field(Text(), required=False, help="Skemaets uddybning af spørgsmålet."),
    "scale": Field(Text(single_line=True), required=False,
                   help="Skalaen, der svares på. Uden 'scale' bruges default_scale."),
    "applies_if": Field(CONDITION, required=False,
                        help="Spørgsmålet gælder kun, når et andet spørgsmål har et bestemt "
                             "svar, fx {question: \"2.2\", answers: [2D]}."),
})

ELEMENT = Record(fields={
    "number": Field(Integer(minimum=1, maximum=99), help="Elementets nummer, fx 1."),
    "title": Field(Text(single_line=True), help="Elementets navn, fx 'Teori og viden'."),
    "definition": Field(Text(), help="Skemaets beskrivelse af elementet."),
    "questions": Field(ListOf(item=QUESTION, min_items=1), help="Elementets spørgsmål."),
})

REFLECTION = Record(fields={
    "overall": Field(Text(single_line=True),
                     help="Underoverskriften for den samlede vurdering, fx 'Samlet vurdering'."),
    "potential": Field(Text(single_line=True),
                       help="Underoverskriften for udviklingspotentialet, fx "
                            "'Udviklingspotentiale'."),
    "whole_practice": Field(Text(single_line=True), required=False,
                            default=DEFAULT_WHOLE_PRACTICE_HEADING,
                            help="Overskriften for vurderingen af hele praksis (standard "
                                 f"'{DEFAULT_WHOLE_PRACTICE_HEADING}')."),
})

SCHEMA = Record(fields={
    "type": type_field("instrument"),
    "title": title_field("Instrumentets navn, fx 'Lovende praksis'."),
    "source": Field(Text(), required=False, help="Hvor spørgsmålene kommer fra."),
    "interpretation": Field(Text(), help="Hvordan scoren beregnes. Skriv tydeligt, hvis reglen er "
                                         "jeres egen fortolkning og ikke den officielle."),
    "reflection": Field(REFLECTION, help="Overskrifterne i en vurderings brødtekst."),
    "default_scale": Field(Slug(), required=False, default=DEFAULT_SCALE,
                           help=f"Skalaen for spørgsmål uden 'scale' (standard "
                                f"'{DEFAULT_SCALE}')."),
    "scales": Field(MapOf(value=SCALE, key_pattern=SLUG_PATTERN,
                          key_label="et skalanavn (små bogstaver, tal og bindestreger)"),
                    help="Svarskalaerne med navn, fx standard: {label: ..., options: [...]}."),
    "elements": Field(ListOf(item=ELEMENT, min_items=1), help="Elementerne med deres spørgsmål."),
})


# --- rules: the instrument's shape beyond single values -------------------------------------

def _check_scales(values: Values, ck: Checker) -> None:
    for name, scale in values["scales"].items():
        seen: dict[str, int] = {}
        for index, option in enumerate(scale["options"]):
            key = ("scales", name, "options", index)
            code = option["code"]
            if code in seen:
                ck.error(key + ("code",), f"koden '{code}' står to gange i skalaen '{name}' "
                                          f"(også som svarmulighed {seen[code] + 1}). Giv hver "
                                          "svarmulighed sin egen kode.")
            seen.setdefault(code, index)
            if not 0 <= option["points"] <= 1:
                ck.error(key + ("points",), f"point skal ligge mellem 0 og 1 (scoren for et "
                                            f"element er mellem 0 og 1), men er "
                                            f"{option['points']}.")


def _check_elements(values: Values, ck: Checker) -> None:
    scales: dict[str, dict[str, Any]] = values["scales"]
    default_scale = values["default_scale"]
    numbers: dict[int, int] = {}
    question_scales: dict[str, str] = {}   # id -> scale name, in instrument order
    for e_index, element in enumerate(values["elements"]):
        number = element["number"]
        if number in numbers:
            ck.error(("elements", e_index, "number"),
                     f"elementnummer {number} bruges også af element {numbers[number] + 1} i "
                     "listen. Giv hvert element sit eget nummer.")
        numbers.setdefault(number, e_index)
        for q_index, question in enumerate(element["questions"]):
            key = ("elements", e_index, "questions", q_index)
            question_id = question["id"]
            match = QUESTION_ID.match(question_id)
            if not match:
                ck.error(key + ("id",), f"'{question_id}' er ikke et spørgsmålsnummer. Skriv "
                                        f"elementnummer, punktum og løbenummer i anførselstegn, "
                                        f"fx \"{number}.1\".")
                continue
            if int(match.group(1)) != number:
                ck.error(key + ("id",), f"spørgsmål '{question_id}' står under element "
                                        f"{number}. Nummeret skal starte med '{number}.'.")
            if question_id in question_scales:
                ck.error(key + ("id",), f"spørgsmålsnummeret '{question_id}' bruges to gange. "
                                        "Giv hvert spørgsmål sit eget nummer.")
                continue
            scale_name = question["scale"] or default_scale
            if scale_name not in scales:
                where = key + ("scale",) if question["scale"] else key + ("id",)
                ck.error(where, f"ukendt skala '{scale_name}'."
                                f"{did_you_mean(scale_name, scales)} Skalaer i filen: "
                                f"{quote_list(scales)}.")
            _check_condition(question["applies_if"], key + ("applies_if",), question_id,
                             question_scales, scales, ck)
            question_scales[question_id] = scale_name


def _check_condition(condition: dict[str, Any] | None, key: tuple[str | int, ...],
                     question_id: str, earlier: dict[str, str],
                     scales: dict[str, dict[str, Any]], ck: Checker) -> None:
    if condition is None:
        return
    target = condition["question"]
    if target not in earlier:
        ck.error(key + ("question",),
                 f"applies_if henviser til spørgsmål '{target}', som ikke står før spørgsmål "
                 f"{question_id}.{did_you_mean(target, earlier)} Brug et tidligere spørgsmåls "
                 "nummer.")
        return
    scale = scales.get(earlier[target])
    if scale is None:
        return  # already reported on the target question
    codes = [option["code"] for option in scale["options"]]
    for index, code in enumerate(condition["answers"]):
        if code not in codes:
            ck.error(key + ("answers", index),
                     f"'{code}' er ikke et svar på spørgsmål {target}."
                     f"{did_you_mean(code, codes)} Tilladte svar: {quote_list(codes)}.")


def _check_reflection(values: Values, ck: Checker) -> None:
    reflection = values["reflection"]
    if reflection["overall"].casefold() == reflection["potential"].casefold():
        ck.error(("reflection", "potential"), "overskriften skal være forskellig fra 'overall', "
                                              "så de to tekster kan skelnes.")


def build(values: Values, source: Source) -> Instrument:
    default_scale = values["default_scale"]
    scales = tuple(
        Scale(name, scale["label"], tuple(
            ScaleOption(o["code"], o["label"], o["points"], o["not_applicable"])
            for o in scale["options"]))
        for name, scale in values["scales"].items())
    elements = tuple(
        Element(element["number"], element["title"], element["definition"], tuple(
            Question(q["id"], q["text"], q["help"], q["scale"] or default_scale,
                     Condition(q["applies_if"]["question"], tuple(q["applies_if"]["answers"]))
                     if q["applies_if"] else None)
            for q in element["questions"]))
        for element in values["elements"])
    reflection = values["reflection"]
    return Instrument(
        source=source, title=values["title"], origin=values["source"],
        interpretation=values["interpretation"],
        reflection=ReflectionHeadings(reflection["overall"], reflection["potential"],
                                      reflection["whole_practice"]),
        default_scale=default_scale, scales=scales, elements=elements)


INSTRUMENT = DocumentType(
    name="instrument", label="instrument",
    description="Et spørgeskema som data, fx Socialstyrelsens 'Lovende praksis': svarskalaer med "
                "point, elementer og nummererede spørgsmål. Vurderinger (type: assessment) "
                "besvarer et instrument. Filen er ren YAML i instruments/.",
    markdown=False, model=Instrument, schema=SCHEMA, build=build,
    rules=(_check_scales, _check_elements, _check_reflection),
    example_path="instruments/lovende-praksis.yml",
)
