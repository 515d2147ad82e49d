"""Frameworks (``type: framework``) and implementation plans (``type: implementation-plan``)
as data: factors, milestones, a plan's entries, activities and answers, and a milestone's
status as an editor writes it. What a plan's status amounts to is ``rules.milestones``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from ..periods import YEARLY, Period
from . import Source

# Milestone ids: one capital letter (Danish letters allowed) and a number, e.g. L1, K3, O6.
MILESTONE_ID_PATTERN = r"^[A-ZÆØÅ][0-9]+$"


class MilestoneStatus(StrEnum):
    NOT_STARTED = "ikke-påbegyndt"
    IN_PROGRESS = "i-gang"
    IN_PLACE = "på-plads"
    NOT_RELEVANT = "ikke-relevant"

    @property
    def points(self) -> int | None:
        """Points towards progress; None for a milestone that is left out."""
        return _POINTS[self]

    @property
    def applies(self) -> bool:
        return self.points is not None

    @property
    def label(self) -> str:
        """Danish, for badges and tables: 'På plads'."""
        return _LABELS[self]

    @property
    def short_label(self) -> str:
        """Danish, for the status matrix: words (and a tick when in place), never colour alone."""
        return _SHORT_LABELS[self]

    @property
    def css_class(self) -> str:
        """The badge class in praksis.css (ASCII: 'paa-plads')."""
        return _CSS_CLASSES[self]


_POINTS = {MilestoneStatus.NOT_STARTED: 0, MilestoneStatus.IN_PROGRESS: 1,
           MilestoneStatus.IN_PLACE: 2, MilestoneStatus.NOT_RELEVANT: None}
_LABELS = {MilestoneStatus.NOT_STARTED: "Ikke påbegyndt", MilestoneStatus.IN_PROGRESS: "I gang",
           MilestoneStatus.IN_PLACE: "På plads", MilestoneStatus.NOT_RELEVANT: "Ikke relevant"}
_SHORT_LABELS = {**_LABELS, MilestoneStatus.IN_PLACE: "✓ På plads"}
_CSS_CLASSES = {MilestoneStatus.NOT_STARTED: "ikke-paabegyndt",
                MilestoneStatus.IN_PROGRESS: "i-gang", MilestoneStatus.IN_PLACE: "paa-plads",
                MilestoneStatus.NOT_RELEVANT: "ikke-relevant"}
MAX_POINTS = 2
OVERDUE_LABEL = "Forfalden"
OVERDUE_CSS_CLASS = "forfalden"


# --- The framework (data) -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    title: str
    introduction: str
    questions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Factor:
    id: str
    title: str
    milestones: tuple[Milestone, ...]


@dataclass(frozen=True, slots=True)
class Framework:
    """An implementation framework (``type: framework``), e.g. Signs of Safety."""

    source: Source
    title: str
    origin: str | None        # where the framework comes from (the ``source:`` key)
    description: str | None
    factors: tuple[Factor, ...]

    @property
    def id(self) -> str:
        return self.source.doc_id

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        """Every milestone in framework order (factor by factor)."""
        return tuple(m for factor in self.factors for m in factor.milestones)

    @property
    def milestone_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.milestones)


# --- The implementation plan (content) ------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PlanMilestone:
    """One milestone as a plan records it."""

    milestone_id: str
    status: MilestoneStatus
    owner: str | None = None
    due: dt.date | None = None
    done: dt.date | None = None
    note: str | None = None
    reason: str | None = None
    started: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Activity:
    """A recurring activity that anchors the method (a monthly method workshop, ...)."""

    id: str
    title: str
    every: Period
    owner: str | None = None
    start: dt.date | None = None          # the ``from`` key: when the activity began
    held: tuple[dt.date, ...] = ()        # dates after today are planned, not held


@dataclass(frozen=True, slots=True)
class Answer:
    """The body's answer to a milestone's guiding questions: the text under ``## L1``."""

    milestone_id: str
    heading: str
    line: int          # the heading's line in the file
    markdown: str
    end_line: int = 0  # the first line after the section (exclusive)


@dataclass(frozen=True, slots=True)
class ImplementationPlan:
    """A unit's implementation plan (``type: implementation-plan``)."""

    source: Source
    title: str | None
    framework: str
    practice: str
    unit: str
    started: dt.date
    milestones: tuple[PlanMilestone, ...]   # in the order of the file
    answers: tuple[Answer, ...]             # from the body, in the order of the file
    activities: tuple[Activity, ...] = ()   # in the order of the file
    reassess_every: Period = YEARLY

    @property
    def id(self) -> str:
        return self.source.doc_id

    def entry(self, milestone_id: str) -> PlanMilestone | None:
        return next((m for m in self.milestones if m.milestone_id == milestone_id), None)

    def answer(self, milestone_id: str) -> Answer | None:
        return next((a for a in self.answers if a.milestone_id == milestone_id), None)

    def body_without_answers(self) -> str:
        """The body less the answer sections, which the plan page shows under each milestone."""
        lines = self.source.body.split("\n")
        first = self.source.body_line
        dropped = {i for a in self.answers for i in range(a.line - first, a.end_line - first)}
        return "\n".join(line for i, line in enumerate(lines) if i not in dropped).strip()


def default_plan_title(practice_title: str, unit: str) -> str:
    return f"Implementeringsplan: {practice_title}, {unit}"
