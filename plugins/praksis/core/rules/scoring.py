"""Scores for answered questionnaires (assessments): one implementation for page, JSON and terminal.

Socialstyrelsen's official score formula is not public. This is the project's interpretation,
stated in every instrument's ``interpretation`` text and wherever a score is shown:

- every answer option carries its points in the instrument file (default scale: ja 1,
  delvist 0.5, nej 0, ved-ikke 0, ikke-relevant 0; reversed and coded scales alike);
- a question with ``applies_if`` counts only when its condition is met (2.3 only when 2.2 is
  2D); otherwise it is left out of its element;
- an element's score is the mean of the points of its applicable questions, and None until
  every applicable question is answered;
- the adjusted mode (not official) also leaves answers whose option is ``not_applicable``
  out of the denominator; an element with nothing left has no score;
- the unweighted mean of the element scores (not official) is None unless every element has
  a score.

Points are exact ``Fraction`` values (1/3 stays 1/3); floats appear only at the edges.
The module also holds ``description_coverage``: which element 3 questions a practice
description's own front matter and headings already answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Any

from ..markdown import Heading, headings
from ..model import Practice
from ..model.assessment import Answer, Assessment
from ..model.content import ContentSet
from ..model.instrument import Instrument, Question, ScaleOption
from ..placeholders import is_placeholder, is_placeholder_line

OFFICIAL = "official"
ADJUSTED = "adjusted"
ADJUSTED_LABEL = "justeret, ikke officiel"
MEAN_LABEL = "Gennemsnit af elementerne (ikke officielt)"


def mode_label(adjusted: bool) -> str:
    """How a score was computed, in Danish, for pages and the terminal."""
    return (f"justeret ({ADJUSTED_LABEL}): 'ikke relevant'-svar tæller ikke med" if adjusted
            else "standardberegning (projektets fortolkning)")


class QuestionStatus(Enum):
    COUNTED = "counted"                # applies and is answered: its points count
    MISSING = "missing"                # applies, but has no valid answer yet
    NOT_APPLICABLE = "not_applicable"  # its applies_if condition is not met: left out
    LEFT_OUT = "left_out"              # answered 'ikke relevant', left out in the adjusted mode


@dataclass(frozen=True, slots=True)
class QuestionResult:
    question: Question
    answer: Answer | None
    option: ScaleOption | None   # the chosen option, when the answer is a code of the scale
    status: QuestionStatus

    @property
    def points(self) -> Fraction | None:
        """The points that count towards the element (None when the question does not count)."""
        if self.status is QuestionStatus.COUNTED and self.option is not None:
            return self.option.points
        return None


@dataclass(frozen=True, slots=True)
class ElementScore:
    id: str                  # the element number as text, "1"
    title: str
    exact: Fraction | None
    answered: int            # applicable questions with a valid answer
    applicable: int          # questions that count in this mode
    questions: int           # all questions of the element
    results: tuple[QuestionResult, ...]

    @property
    def score(self) -> float | None:
        return None if self.exact is None else float(self.exact)

    @property
    def complete(self) -> bool:
        return self.answered == self.applicable


@dataclass(frozen=True, slots=True)
class AssessmentScore:
    instrument: str
    practice: str
    date: dt.date
    adjusted: bool
    elements: tuple[ElementScore, ...]
    exact_mean: Fraction | None

    @property
    def mode(self) -> str:
        return ADJUSTED if self.adjusted else OFFICIAL

    @property
    def mean(self) -> float | None:
        return None if self.exact_mean is None else float(self.exact_mean)

    def element(self, element_id: str) -> ElementScore | None:
        return next((e for e in self.elements if e.id == element_id), None)

    def as_json(self) -> dict[str, Any]:
        """The ``praksis score --json`` contract; key order as documented."""
        return {
            "instrument": self.instrument,
            "practice": self.practice,
            "date": self.date.isoformat(),
            "mode": self.mode,
            "elements": [{"id": e.id, "title": e.title, "score": e.score,
                          "answered": e.answered, "applicable": e.applicable,
                          "questions": e.questions} for e in self.elements],
            "mean": self.mean,
        }


def chosen_option(assessment: Assessment, instrument: Instrument,
                  question: Question) -> ScaleOption | None:
    """The option an answer picked, or None if unanswered or not a code of the scale."""
    answer = assessment.answer(question.id)
    if answer is None or answer.code is None:
        return None
    return instrument.scale_of(question).option(answer.code)


def applies(assessment: Assessment, instrument: Instrument, question: Question) -> bool:
    """Whether a question counts: no condition, or its condition question applies and has one
    of the named answers. Conditions name earlier questions (validated), so this terminates."""
    condition = question.applies_if
    if condition is None:
        return True
    target = instrument.question(condition.question)
    if target is None or not applies(assessment, instrument, target):
        return False
    option = chosen_option(assessment, instrument, target)
    return option is not None and option.code in condition.answers


def _result(assessment: Assessment, instrument: Instrument, question: Question,
            adjusted: bool) -> QuestionResult:
    answer = assessment.answer(question.id)
    option = chosen_option(assessment, instrument, question)
    if not applies(assessment, instrument, question):
        status = QuestionStatus.NOT_APPLICABLE
    elif option is None:
        status = QuestionStatus.MISSING
    elif adjusted and option.not_applicable:
        status = QuestionStatus.LEFT_OUT
    else:
        status = QuestionStatus.COUNTED
    return QuestionResult(question, answer, option, status)


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def score_assessment(assessment: Assessment, instrument: Instrument,
                     adjusted: bool = False) -> AssessmentScore:
    """Every element's score for one assessment. Unknown questions and codes count as
    unanswered (``praksis check`` reports them as errors)."""
    elements = []
    for element in instrument.elements:
        results = tuple(_result(assessment, instrument, q, adjusted) for q in element.questions)
        counted = [r.points for r in results if r.points is not None]
        applicable = sum(1 for r in results
                         if r.status in (QuestionStatus.COUNTED, QuestionStatus.MISSING))
        exact = _mean(counted) if applicable and len(counted) == applicable else None
        elements.append(ElementScore(element.id, element.title, exact, len(counted), applicable,
                                     len(element.questions), results))
    exact_scores = [e.exact for e in elements if e.exact is not None]
    exact_mean = (_mean(exact_scores) if elements and len(exact_scores) == len(elements)
                  else None)
    return AssessmentScore(instrument.id, assessment.practice, assessment.date, adjusted,
                           tuple(elements), exact_mean)


def assessments_for(content: ContentSet, practice_id: str) -> list[Assessment]:
    """A practice's assessments, oldest first (same date: by file name)."""
    found = content.where(Assessment, "practice", practice_id)
    return sorted(found, key=lambda a: (a.date, a.id))


def latest_assessment(content: ContentSet, practice_id: str) -> Assessment | None:
    """The newest assessment of a practice by date, or None."""
    found = assessments_for(content, practice_id)
    return found[-1] if found else None


def score_in(content: ContentSet, assessment: Assessment,
             adjusted: bool = False) -> AssessmentScore | None:
    """Score an assessment against its instrument in ``content`` (None if it is missing)."""
    instrument = content.get(Instrument, assessment.instrument)
    return None if instrument is None else score_assessment(assessment, instrument, adjusted)


# --- element 3: what a practice description already answers ---------------------------------

@dataclass(frozen=True, slots=True)
class DescriptionTopic:
    question: str                  # the Lovende praksis question, "3.3"
    topic: str                     # Danish, "aktiviteter"
    key: str                       # the practice front-matter key that answers it
    heading_words: tuple[str, ...]  # headings (lower case words or phrases) that answer it


# Questions 3.3-3.8 of Lovende praksis ask whether the description says these things; the
# practice type has a front-matter key for each, and editors often write a section too.
DESCRIPTION_TOPICS = (
    DescriptionTopic("3.3", "aktiviteter", "activities",
                     ("aktivitet", "aktiviteter", "sådan gør vi", "fremgangsmåde", "forløb")),
    DescriptionTopic("3.4", "mål", "goals",
                     ("mål", "formål", "delmål", "målsætning", "målsætninger")),
    DescriptionTopic("3.5", "målgruppe", "target_group", ("målgruppe", "målgruppen")),
    DescriptionTopic("3.6", "støttebehov", "support_needs", ("støttebehov", "behov")),
    DescriptionTopic("3.7", "medarbejdernes faglige baggrund", "staff_background",
                     ("faglig baggrund", "faglige baggrund", "kompetencer", "uddannelse")),
    DescriptionTopic("3.8", "organisering", "organisation",
                     ("organisering", "organisation", "roller", "roller og ansvar")),
)


@dataclass(frozen=True, slots=True)
class CoverageItem:
    topic: DescriptionTopic
    in_front_matter: bool
    headings: tuple[str, ...]      # body headings about the topic, as written

    @property
    def covered(self) -> bool:
        return self.in_front_matter or bool(self.headings)


def _words(text: str) -> str:
    """' målgruppe og støttebehov ': lower case words between spaces, punctuation dropped."""
    cleaned = "".join(c if c.isalnum() else " " for c in text.casefold())
    return f" {' '.join(cleaned.split())} "


def description_coverage(practice: Practice) -> tuple[CoverageItem, ...]:
    """Which of questions 3.3-3.8 the practice's front matter and section headings answer."""
    found = headings(practice.source.body, practice.source.body_line)
    body_headings = [(h.text, _words(h.text)) for h in found]
    unwritten = _unwritten_sections(practice.source.body, practice.source.body_line, found)
    items = []
    for topic in DESCRIPTION_TOPICS:
        value = getattr(practice, topic.key)
        matching = tuple(text for text, words in body_headings
                         if any(f" {word} " in words for word in topic.heading_words)
                         and text not in unwritten)
        # Untouched scaffold text answers nothing.
        items.append(CoverageItem(topic, bool(value) and not is_placeholder(value), matching))
    return tuple(items)


def _unwritten_sections(body: str, body_line: int, found: list[Heading]) -> set[str]:
    """Headings whose section holds scaffold instructions and nothing else."""
    lines = body.split("\n")
    unwritten = set()
    for index, heading in enumerate(found):
        start = heading.line - body_line + 1
        end = found[index + 1].line - body_line if index + 1 < len(found) else len(lines)
        text = [line for line in lines[start:end] if line.strip()]
        if text and all(is_placeholder_line(line) for line in text):
            unwritten.add(heading.text)
    return unwritten


def coverage_note(practice: Practice) -> str:
    """The Danish note ``praksis check`` shows for a practice description."""
    answered, missing = [], []
    for item in description_coverage(practice):
        topic = item.topic
        if item.covered:
            sources = [topic.key] if item.in_front_matter else []
            sources += [f"afsnittet '{heading}'" for heading in item.headings]
            answered.append(f"{topic.question} {topic.topic} ({', '.join(sources)})")
        else:
            missing.append(f"{topic.question} {topic.topic}: tilføj '{topic.key}' i front "
                           "matter eller et afsnit om det")
    note = "Lovende praksis, element 3: "
    if answered:
        note += f"beskrivelsen besvarer allerede {'; '.join(answered)}."
    else:
        note += "beskrivelsen besvarer endnu ingen af spørgsmålene 3.3-3.8."
    if missing:
        note += f" Mangler: {'; '.join(missing)}."
    return note + " Henvis til det i kommentarerne, når I besvarer spørgsmålene."
