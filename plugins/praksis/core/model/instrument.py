"""A questionnaire (``type: instrument``): scales, elements and numbered questions, as data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from . import Source, first_by


@dataclass(frozen=True, slots=True)
class ScaleOption:
    code: str
    label: str
    points: Fraction
    # Answers such as 'ikke-relevant': counted with their points in the official rule, left
    # out of the denominator in the adjusted mode.
    not_applicable: bool = False


@dataclass(frozen=True, slots=True)
class Scale:
    name: str
    label: str
    options: tuple[ScaleOption, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(option.code for option in self.options)

    def option(self, code: str | None) -> ScaleOption | None:
        return next((o for o in self.options if o.code == code), None)


@dataclass(frozen=True, slots=True)
class Condition:
    """A question applies only when ``question`` is answered with one of ``answers``."""

    question: str
    answers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    help: str | None
    scale: str
    applies_if: Condition | None = None


@dataclass(frozen=True, slots=True)
class Element:
    number: int
    title: str
    definition: str
    questions: tuple[Question, ...]

    @property
    def id(self) -> str:
        return str(self.number)

    @property
    def heading(self) -> str:
        """The body heading an assessment uses for this element's reflection."""
        return f"Element {self.number}: {self.title}"


@dataclass(frozen=True, slots=True)
class ReflectionHeadings:
    overall: str
    potential: str
    whole_practice: str


@dataclass(frozen=True, slots=True)
class Instrument:
    source: Source
    title: str
    origin: str | None          # where the questions come from (the ``source:`` key)
    interpretation: str          # the project's score rule, shown wherever scores are
    reflection: ReflectionHeadings
    default_scale: str           # the scale of questions without their own
    scales: tuple[Scale, ...]
    elements: tuple[Element, ...]
    # Each question id's first question: answers are checked and scored by id.
    _question_of: dict[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_question_of", first_by(self.questions, lambda q: q.id))

    @property
    def id(self) -> str:
        return self.source.doc_id

    @property
    def questions(self) -> Iterator[Question]:
        for element in self.elements:
            yield from element.questions

    def question(self, question_id: str) -> Question | None:
        return self._question_of.get(question_id)

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)

    def scale(self, name: str) -> Scale | None:
        return next((s for s in self.scales if s.name == name), None)

    def scale_of(self, question: Question) -> Scale:
        scale = self.scale(question.scale)
        if scale is None:  # validation guarantees every question's scale exists
            raise KeyError(question.scale)
        return scale
