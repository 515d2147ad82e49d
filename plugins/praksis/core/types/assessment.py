"""``type: assessment``: an answered questionnaire (vurdering), Markdown in vurderinger/.

The front matter names the instrument and the practice and holds the answers, each in a
short form (``"1.2": delvist``) or a long form with a comment
(``"1.1": {answer: ja, comment: "..."}``); ``null`` means not answered yet. The body holds the
reflection under the headings the instrument names (see ``instrument.py``).

Answers are checked against the instrument in the cross-check, because the allowed codes live
in another file. Severities: a wrong or unknown answer is an error; an unfinished assessment
(unanswered questions, empty reflection) is a warning, so a new scaffold passes ``praksis
check``; answered questions without a comment are a note, because comments matter more than
scores (Socialstyrelsen's guide says so) but a missing one must not fail a strict build.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import yaml

from ..danish import format_date
from ..fields import (
    INT_TAG,
    Checker,
    Choice,
    Date,
    Field,
    Key,
    ListOf,
    MapOf,
    Record,
    ScalarOr,
    Slug,
    Spec,
    Text,
    Values,
    describe,
)
from ..fields import NULL_TAG as _NULL
from ..fields import STR_TAG as _STR
from ..markdown import headings
from ..model import Practice, Source
from ..model.assessment import (
    PRIORITY_STATUSES,
    WHOLE_PRACTICE,
    Answer,
    Assessment,
    BodySection,
    Priority,
)
from ..model.content import ContentSet
from ..model.instrument import Element, Instrument, Scale
from ..problems import BODY_KEY, Severity, closest, did_you_mean, quote_list
from ..rules.scoring import QuestionStatus, score_assessment
from ..scaffold import markdown_document, scaffold_yaml
from .common import DocumentType, Report, type_field, with_change_history

# Long lists of question ids in a message are cut after this many.
_MAX_LISTED = 8


# --- schema ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CodeValue:
    text: str | None
    written_as: str | None = None


@dataclass(frozen=True)
class AnswerCode(Spec):
    """An answer code such as ``ja`` or ``2D``; null or empty means not answered yet.

    Any other YAML value is accepted here and reported by the cross-check, which can list the
    question's own codes: ``answer: yes`` (YAML's yes/no value) or ``1`` (points, not a code).
    """

    label: str = "en svarkode (fx ja, delvist, nej eller 2A)"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL or (node.tag == _STR and not node.value.strip()):
                return None
            if node.tag == _STR:
                return CodeValue(node.value.strip())
            return CodeValue(node.value.strip(), describe(node))
        return CodeValue(None, describe(node))

    def json_schema(self) -> dict[str, Any]:
        return {"type": ["string", "null"]}

    def example(self) -> str:
        return "ja"


@dataclass(frozen=True)
class AnswerSpec(ScalarOr):
    """``"1.2": delvist`` or ``"1.2": {answer: delvist, comment: "..."}``; a list is kept as a
    wrong answer for the cross-check to report (``ScalarOr`` alone would refuse it vaguely)."""

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if isinstance(node, yaml.SequenceNode):
            return {"answer": self.short.check(node, key, ck), "comment": None}
        return super().check(node, key, ck)


ANSWER = AnswerSpec(
    short=AnswerCode(),
    record=Record(fields={
        "answer": Field(AnswerCode(), required=False,
                        help="Svarkoden, fx ja, delvist, nej, ved-ikke, ikke-relevant eller 2D."),
        "comment": Field(Text(), required=False,
                         help="Hvad I lægger til grund for svaret. Kommentaren er vigtigere end "
                              "scoren."),
    }),
    short_key="answer",
    label="et svar (en svarkode, eller {answer: ..., comment: ...})",
)

@dataclass(frozen=True)
class ElementId(Spec):
    """An element id as a number or text (``1`` or ``"1"``), or ``samlet``; kept as text.
    Whether the element exists is checked against the instrument in the cross-check."""

    label: str = "et elementnummer (fx 1) eller samlet"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if (not isinstance(node, yaml.ScalarNode)
                or node.tag not in (_STR, INT_TAG) or not node.value.strip()):
            return self._wrong(node, key, ck, f" Skriv elementets nummer, fx 1, eller "
                                              f"'{WHOLE_PRACTICE}' for hele praksis.")
        return node.value.strip()

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "integer", "minimum": 1},
                          {"type": "string", "minLength": 1}]}

    def example(self) -> str:
        return '"1"'


PRIORITY = Record(fields={
    "element": Field(ElementId(), help=f"Elementets nummer, fx \"1\", eller {WHOLE_PRACTICE} for "
                                       "hele praksis."),
    "action": Field(Text(), help="Hvad I vil gøre, fx 'Skriv en kort forandringsteori'."),
    "owner": Field(Text(single_line=True), required=False,
                   help="Hvem der har ansvaret (rolle eller navn)."),
    "due": Field(Date(), required=False, help="Hvornår det skal være gjort (ÅÅÅÅ-MM-DD)."),
    "status": Field(Choice(values=PRIORITY_STATUSES),
                    help="ikke-påbegyndt, i-gang, gennemført eller opgivet."),
})

SCHEMA = Record(fields={
    "type": type_field("assessment"),
    "title": Field(Text(single_line=True), required=False,
                   help="Titel. Uden titel: '<instrument>: <praksis>, <dato>'."),
    "instrument": Field(Slug(), help="Instrumentets id (filnavnet i instruments/ uden .yml), fx "
                                     "lovende-praksis."),
    "practice": Field(Slug(), help="Praksisbeskrivelsens id (filnavnet i praksis/ uden .md), fx "
                                   "samarbejde-om-sikkerhed."),
    "date": Field(Date(), help="Datoen for den fælles refleksion (ÅÅÅÅ-MM-DD)."),
    "participants": Field(ListOf(item=Text(single_line=True)), required=False, default=(),
                          help="Hvem der deltog (roller), fx [Leder, Metodeansvarlig, "
                               "Socialrådgiver]."),
    "answers": Field(MapOf(value=ANSWER, key_pattern=r"^\d+\.\d+$",
                           key_label="et spørgsmålsnummer (element, punktum, løbenummer, fx "
                                     "\"1.2\")"),
                     help="Svarene pr. spørgsmål: \"1.2\": delvist, eller \"1.1\": {answer: ja, "
                          "comment: \"...\"}. null betyder ikke besvaret endnu."),
    "priorities": Field(ListOf(item=PRIORITY), required=False, default=(),
                        help="Udviklingsprioriteter fra udviklingspotentialet: hvad I vil "
                             "forbedre før næste vurdering. Hver med element (nummer eller "
                             "samlet), action, status (ikke-påbegyndt, i-gang, gennemført eller "
                             "opgivet) og valgfrit owner og due. Prioriteterne bliver i denne "
                             "fil: ret deres status her, så næste vurdering kan følge op.",
                        example="[]"),
})


def _participants_given(values: Values, ck: Checker) -> None:
    if not values["participants"]:
        ck.warn(("participants",), "ingen deltagere er angivet. Skriv, hvem der deltog i "
                                   "refleksionen, fx [Leder, Metodeansvarlig, Socialrådgiver].")


# --- body ------------------------------------------------------------------------------------

def _is_setext_underline(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and (set(stripped) == {"="} or set(stripped) == {"-"})


def split_sections(body: str, body_line: int) -> tuple[BodySection, ...]:
    """The body cut at every heading of level 1-3 (found by markdown-it, so '#' lines inside
    code blocks are not headings); deeper headings stay inside their section's text."""
    lines = body.split("\n")
    marks = [h for h in headings(body, body_line) if h.level <= 3]
    sections = []
    first = marks[0].line - body_line if marks else len(lines)
    preamble = "\n".join(lines[:first]).strip()
    if preamble:
        sections.append(BodySection(0, "", body_line, preamble))
    for index, mark in enumerate(marks):
        start = mark.line - body_line
        end = marks[index + 1].line - body_line if index + 1 < len(marks) else len(lines)
        text_start = start + 1
        if not lines[start].lstrip().startswith("#"):
            # A setext heading: its text runs until the '===' or '---' underline.
            while text_start < end and not _is_setext_underline(lines[text_start - 1]):
                text_start += 1
        sections.append(BodySection(mark.level, mark.text, mark.line,
                                    "\n".join(lines[text_start:end]).strip()))
    return tuple(sections)


@dataclass(frozen=True, slots=True)
class SectionReflection:
    """The reflection under one element's heading (or the whole practice's)."""

    heading: str                                # as the instrument names it
    intro: str = ""                             # text right under the heading
    overall: str = ""
    potential: str = ""
    extra: tuple[BodySection, ...] = ()         # other subsections, shown as written


@dataclass(frozen=True, slots=True)
class Reflections:
    preamble: str
    elements: dict[str, SectionReflection]      # by element id
    whole_practice: SectionReflection | None
    unplaced: tuple[BodySection, ...]           # under headings the instrument does not name
    issues: tuple[tuple[Key, str], ...] = ()

    def missing(self, instrument: Instrument) -> list[str]:
        """'Element 3: Beskrivelse (Udviklingspotentiale)' for every empty reflection text."""
        headings_ = instrument.reflection
        wanted = [(e.heading, self.elements.get(e.id)) for e in instrument.elements]
        wanted.append((headings_.whole_practice, self.whole_practice))
        missing = []
        for heading, found in wanted:
            empty = [name for name, text in ((headings_.overall, found and found.overall),
                                             (headings_.potential, found and found.potential))
                     if not text]
            if empty:
                missing.append(f"{heading} ({', '.join(empty)})")
        return missing


def _normal(text: str) -> str:
    return " ".join(text.casefold().rstrip(":").split())


def _element_by_number(heading: str, instrument: Instrument) -> Element | None:
    """'Element 3: Beskrivlse' -> element 3, for a heading whose title is misspelt."""
    words = heading.split(":", 1)[0].split()
    if len(words) == 2 and words[0].casefold() == "element" and words[1].isdigit():
        return instrument.element(str(int(words[1])))
    return None


class _ReflectionReader:
    """Assigns body sections to the instrument's elements, collecting warnings."""

    WHOLE = "praksis"   # the key of the whole practice's section among the element ids

    def __init__(self, instrument: Instrument):
        self.instrument = instrument
        self.headings = instrument.reflection
        self.by_heading = {_normal(e.heading): e for e in instrument.elements}
        self.expected = [e.heading for e in instrument.elements] + [self.headings.whole_practice]
        self.found: dict[str, SectionReflection] = {}
        self.unplaced: list[BodySection] = []
        self.issues: list[tuple[Key, str]] = []
        self.preamble = ""
        self.current: str | None = None      # element id, WHOLE, or None (unplaced)

    def read(self, sections: Sequence[BodySection]) -> Reflections:
        for section in sections:
            if section.level == 0:
                self.preamble = section.text
            elif section.level <= 2:
                self._section(section)
            else:
                self._subsection(section)
        whole = self.found.pop(self.WHOLE, None)
        return Reflections(self.preamble, self.found, whole, tuple(self.unplaced),
                           tuple(self.issues))

    def _key(self, section: BodySection) -> Key:
        return (BODY_KEY, section.heading)

    def _section(self, section: BodySection) -> None:
        normal = _normal(section.heading)
        element = self.by_heading.get(normal)
        if element is None and normal == _normal(self.headings.whole_practice):
            target, canonical = self.WHOLE, self.headings.whole_practice
        elif element is None and (element := _element_by_number(section.heading,
                                                                self.instrument)) is not None:
            target, canonical = element.id, element.heading
            self.issues.append((self._key(section),
                                f"overskriften passer ikke til instrumentet. Skriv den som "
                                f"'## {element.heading}'."))
        elif element is not None:
            target, canonical = element.id, element.heading
        else:
            self.current = None
            self.unplaced.append(section)
            self.issues.append((self._key(section),
                                f"ukendt overskrift '{section.heading}'."
                                f"{did_you_mean(section.heading, self.expected)} Refleksionen "
                                f"skrives under overskrifterne '## Element <nummer>: <navn>' og "
                                f"'## {self.headings.whole_practice}'. Afsnittet vises nederst "
                                "på siden."))
            return
        if target in self.found:
            self.issues.append((self._key(section),
                                f"'{canonical}' står mere end én gang (igen i linje "
                                f"{section.line}). Saml teksten under én overskrift."))
        previous = self.found.get(target, SectionReflection(canonical))
        self.found[target] = replace(previous, intro=_join(previous.intro, section.text))
        self.current = target

    def _subsection(self, section: BodySection) -> None:
        if self.current is None:
            self.unplaced.append(section)
            if not any(s.level <= 2 for s in self.unplaced):
                self.issues.append((self._key(section),
                                    f"'### {section.heading}' står før den første "
                                    "elementoverskrift. Flyt den ind under "
                                    "'## Element <nummer>: <navn>'."))
            return
        reflection = self.found[self.current]
        normal = _normal(section.heading)
        if normal == _normal(self.headings.overall):
            reflection = replace(reflection, overall=_join(reflection.overall, section.text))
        elif normal == _normal(self.headings.potential):
            reflection = replace(reflection, potential=_join(reflection.potential, section.text))
        else:
            reflection = replace(reflection, extra=reflection.extra + (section,))
            names = [self.headings.overall, self.headings.potential]
            self.issues.append((self._key(section),
                                f"ukendt underoverskrift '{section.heading}'."
                                f"{did_you_mean(section.heading, names)} Brug "
                                f"'### {names[0]}' og '### {names[1]}'. Afsnittet vises, men "
                                "tæller ikke som refleksion."))
        self.found[self.current] = reflection


def _join(first: str, second: str) -> str:
    return "\n\n".join(part for part in (first, second) if part)


def read_reflections(assessment: Assessment, instrument: Instrument) -> Reflections:
    """The body's reflection per element and for the whole practice, by the instrument's
    headings; ``issues`` are (key, Danish message) for the cross-check."""
    return _ReflectionReader(instrument).read(assessment.sections)


# --- build -----------------------------------------------------------------------------------

def _shared(text: str | None) -> str | None:
    return None if text is None else sys.intern(text)


def build(values: Values, source: Source) -> Assessment:
    sections = split_sections(source.body, source.body_line)
    # The cross-check can only point at lines it finds in key_lines; body headings get keys
    # too, so a warning about a heading names its line.
    key_lines = dict(source.key_lines)
    key_lines.setdefault((BODY_KEY,), source.body_line)
    for section in sections:
        if section.level:
            key_lines.setdefault((BODY_KEY, section.heading), section.line)
    # Question ids and codes repeat in every assessment: shared strings, not one per file.
    answers = tuple(
        Answer(sys.intern(question_id),
               _shared(value["answer"].text) if value["answer"] else None,
               value["comment"], value["answer"].written_as if value["answer"] else None)
        for question_id, value in values["answers"].items())
    priorities = tuple(Priority(element=p["element"], action=p["action"], status=p["status"],
                                owner=p["owner"], due=p["due"]) for p in values["priorities"])
    return Assessment(
        source=replace(source, key_lines=key_lines), title=values["title"],
        instrument=values["instrument"], practice=values["practice"], date=values["date"],
        participants=tuple(values["participants"]), answers=answers, sections=sections,
        priorities=priorities)


# --- cross-check -----------------------------------------------------------------------------

def _listed(items: Sequence[str], separator: str = ", ", limit: int = _MAX_LISTED) -> str:
    shown = separator.join(items[:limit])
    more = len(items) - limit
    return f"{shown} og {more} flere" if more > 0 else shown


def _answer_key(answer: Answer, assessment: Assessment) -> Key:
    long_form = ("answers", answer.question, "answer")
    return long_form if long_form in assessment.source.key_lines else ("answers", answer.question)


def _check_references(assessment: Assessment, content: ContentSet,
                      report: Report) -> Instrument | None:
    instrument = content.get(Instrument, assessment.instrument)
    if instrument is None:
        known = [i.id for i in content.of_type(Instrument)]
        listing = (f"Kendte instrumenter: {quote_list(known)}." if known else
                   "Der er ingen instrumenter i indholdet: læg instrumentfilen i instruments/.")
        report(("instrument",), f"ukendt instrument '{assessment.instrument}'."
                                f"{did_you_mean(assessment.instrument, known)} {listing} Hvis "
                                "filen findes, har den fejl: ret dem først.", Severity.ERROR)
    if content.get(Practice, assessment.practice) is None:
        known = sorted(p.id for p in content.of_type(Practice))
        report(("practice",), f"ukendt praksisbeskrivelse '{assessment.practice}'."
                              f"{did_you_mean(assessment.practice, known)} Kendte id'er "
                              f"(filnavne i praksis/): {', '.join(known) or 'ingen'}.",
               Severity.ERROR)
    return instrument


def _check_answer(answer: Answer, assessment: Assessment, instrument: Instrument,
                  report: Report) -> None:
    question = instrument.question(answer.question)
    if question is None:
        element = instrument.element(answer.question.split(".")[0])
        # Ids are short numbers, so '1.9' is as close to '4.9' as to '1.1': suggest only a
        # question of the element the id names ('1.10' -> '1.1').
        suggestion = (closest(answer.question, [q.id for q in element.questions]) if element
                      else None)
        hint = (f"Element {element.number} har spørgsmålene "
                f"{', '.join(q.id for q in element.questions)}." if element else
                f"Elementerne har numrene {', '.join(e.id for e in instrument.elements)}.")
        mean = f" Mente du '{suggestion}'?" if suggestion else ""
        report(("answers", answer.question),
               f"ukendt spørgsmål '{answer.question}' i {instrument.title}.{mean} {hint}",
               Severity.ERROR)
        return
    scale: Scale = instrument.scale_of(question)
    if answer.code in scale.codes or not answer.given:
        return
    allowed = f"Tilladte svar på {question.id}: {quote_list(scale.codes)}."
    key = _answer_key(answer, assessment)
    if answer.written_as is not None:
        hint = ""
        if answer.written_as.startswith("en ja/nej-værdi"):
            hint = " YAML læser yes, no, true, false, on og off som ja/nej-værdier."
        elif answer.written_as.startswith("et tal"):
            hint = " Skriv svarkoden, ikke pointtallet."
        report(key, f"forventede én svarkode, men fandt {answer.written_as}.{hint} {allowed}",
               Severity.ERROR)
        return
    report(key, f"ukendt svar '{answer.code}'.{did_you_mean(answer.code or '', scale.codes)} "
                f"{allowed}", Severity.ERROR)


def cross_check(assessment: Assessment, content: ContentSet, report: Report) -> None:
    if content.today is not None and assessment.date > content.today:
        # An error: the page would present scores of a reflection that has not taken place.
        report(("date",), f"datoen {assessment.date.isoformat()} ligger i fremtiden (i dag er "
                          f"{content.today.isoformat()}). En vurdering er en refleksion, der "
                          "har fundet sted: ret datoen til den dag, I holdt den.",
               Severity.ERROR)
    instrument = _check_references(assessment, content, report)
    if instrument is None:
        return
    for answer in assessment.answers:
        _check_answer(answer, assessment, instrument, report)
    _check_priorities(assessment, instrument, report)
    _check_completeness(assessment, instrument, report)
    reflections = read_reflections(assessment, instrument)
    for key, message in reflections.issues:
        report(key, message, Severity.WARNING)
    missing = reflections.missing(instrument)
    if missing:
        report((BODY_KEY,), f"refleksionen mangler under {_listed(missing, '; ', limit=3)}. "
                            "Skriv den under "
                            f"'### {instrument.reflection.overall}' og "
                            f"'### {instrument.reflection.potential}' i hvert afsnit.",
               Severity.WARNING)


def _check_priorities(assessment: Assessment, instrument: Instrument, report: Report) -> None:
    ids = [e.id for e in instrument.elements]
    for index, priority in enumerate(assessment.priorities):
        if priority.element == WHOLE_PRACTICE or priority.element in ids:
            continue
        # A number is no misspelling: '12' is as close to '1' as to '2'.
        hint = ("" if priority.element.isdigit() else
                did_you_mean(priority.element, ids + [WHOLE_PRACTICE]))
        report(("priorities", index, "element"),
               f"ukendt element '{priority.element}' i {instrument.title}.{hint}"
               " Skriv elementets "
               f"nummer ({', '.join(ids)}) eller '{WHOLE_PRACTICE}' for hele praksis.",
               Severity.ERROR)


def _check_completeness(assessment: Assessment, instrument: Instrument, report: Report) -> None:
    results = [r for e in score_assessment(assessment, instrument).elements for r in e.results]
    for result in results:
        condition = result.question.applies_if
        if (result.status is QuestionStatus.NOT_APPLICABLE and result.answer is not None
                and result.answer.given and condition is not None):
            report(_answer_key(result.answer, assessment),
                   f"spørgsmål {result.question.id} gælder kun, når {condition.question} er "
                   f"besvaret med {' eller '.join(repr(c) for c in condition.answers)}. Svaret "
                   f"tæller ikke med i scoren: slet det, eller ret svaret på "
                   f"{condition.question}.", Severity.WARNING)
    unanswered = [r.question.id for r in results if r.status is QuestionStatus.MISSING
                  and (r.answer is None or not r.answer.given)]
    applicable = [r for r in results if r.status is not QuestionStatus.NOT_APPLICABLE]
    if unanswered:
        report(("answers",), f"vurderingen er ikke færdig: {len(unanswered)} af "
                             f"{len(applicable)} spørgsmål mangler et svar "
                             f"({_listed(unanswered)}). Et element får først en score, når alle "
                             "dets spørgsmål er besvaret.",
               Severity.WARNING)
    no_comment = [r.answer for r in results
                  if r.option is not None and r.answer is not None and not r.answer.comment]
    if no_comment:
        first = no_comment[0]
        report(("answers", first.question),
               f"{len(no_comment)} {'besvaret' if len(no_comment) == 1 else 'besvarede'} "
               "spørgsmål har ingen kommentar "
               f"({_listed([a.question for a in no_comment])}). Skriv, hvad I lægger til grund "
               f"for svaret, fx \"{first.question}\": {{answer: {first.code}, comment: \"...\"}}. "
               "Kommentarerne er vigtigere end scoren.", Severity.INFO)


# --- title and scaffold ----------------------------------------------------------------------

def _comment_lines(text: str, indent: int) -> list[str]:
    chunks = textwrap.wrap(" ".join(text.split()), 88 - indent, break_on_hyphens=False)
    return [f"{' ' * indent}# {chunk}" for chunk in chunks]


def _yaml_string(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: safe for any text.
    return json.dumps(value, ensure_ascii=False)


def _answer_yaml(question_id: str, previous: Assessment | None) -> str:
    """``"1.1": null``, or the previous assessment's answer and comment to start from."""
    answer = previous.answer(question_id) if previous else None
    parts = []
    if answer is not None and answer.code is not None and answer.written_as is None:
        parts.append(f"answer: {_yaml_string(answer.code)}")
    if answer is not None and answer.comment:
        parts.append(f"comment: {_yaml_string(answer.comment)}")
    return f"\"{question_id}\": " + (f"{{{', '.join(parts)}}}" if parts else "null")


def _answers_yaml(instrument: Instrument, previous: Assessment | None = None) -> str:
    lines = _comment_lines("Svar med en kode pr. spørgsmål. Kort form: \"1.2\": delvist. Med "
                           "kommentar (anbefales): \"1.1\": {answer: ja, comment: \"Hvad I lægger "
                           "til grund for svaret.\"}. null betyder ikke besvaret endnu.", 0)
    for scale in instrument.scales:
        codes = ", ".join(f"{o.code} ({o.label})" for o in scale.options)
        lines += _comment_lines(f"Skala '{scale.name}': {codes}.", 0)
    for element in instrument.elements:
        lines.append(f"# {element.heading}")
        for question in element.questions:
            notes = []
            if question.scale != instrument.default_scale:
                notes.append(f"skala '{question.scale}': "
                              f"{', '.join(instrument.scale_of(question).codes)}")
            if question.applies_if:
                notes.append(f"besvares kun, når {question.applies_if.question} er "
                             f"{' eller '.join(question.applies_if.answers)}")
            suffix = f" ({'; '.join(notes)})" if notes else ""
            lines += _comment_lines(f"{question.id} {question.text}{suffix}", 0)
            lines.append(_answer_yaml(question.id, previous))
    return "\n".join(lines)


def scaffold(instrument: Instrument, practice_id: str, date: dt.date,
             previous: Assessment | None = None, practice_title: str | None = None) -> str:
    """A new assessment with every question listed and unanswered, and the reflection headings
    ready to fill in. ``praksis check`` accepts it with warnings (it is not finished).

    With ``previous`` (an earlier assessment with the same instrument), the answers and
    comments start from that one's; its priorities stay where they were made (the new page
    follows them up), and the new assessment starts with none of its own.
    """
    values = {
        "instrument": instrument.id,
        "practice": practice_id,
        "date": date.isoformat(),
        "participants": ("[" + ", ".join(_yaml_string(p) for p in previous.participants) + "]"
                         if previous else "[]"),
        "answers": _answers_yaml(instrument, previous),
    }
    headings_ = instrument.reflection
    sub = f"### {headings_.overall}\n\n### {headings_.potential}\n"
    body = "\n".join(f"## {element.heading}\n\n{sub}" for element in instrument.elements)
    body += f"\n## {headings_.whole_practice}\n\n{sub}"
    title = _yaml_string(f"{instrument.title}: {practice_title or practice_id}, "
                         f"{format_date(date)}")
    return markdown_document(scaffold_yaml(SCHEMA, values, commented={"title": title}), body)


ASSESSMENT = with_change_history(DocumentType(
    name="assessment", label="vurdering",
    description="En besvarelse af et instrument (fx Lovende praksis) for en praksisbeskrivelse "
                "på en bestemt dato: svar og kommentarer pr. spørgsmål i front matter og den "
                "faglige refleksion pr. element i brødteksten. Siden viser score pr. element og "
                "et radardiagram.",
    markdown=True, model=Assessment, schema=SCHEMA, build=build,
    rules=(_participants_given,), cross_check=cross_check,
    example_path="vurderinger/samarbejde-om-sikkerhed-2026-03-12.md",
))
