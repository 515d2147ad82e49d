"""Implementation milestones: frameworks, implementation plans and their computed status.

A framework (``type: framework``) lists factors and their milestones; an implementation plan
(``type: implementation-plan``) records, for one unit, how far each milestone has come. The
status of a plan is computed here once, as a plain structure (``PlanStatus``), which the JSON
of ``praksis status``, the terminal table, the plan page, the practice page and the dashboard
all read, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from .model import Practice, Source

if TYPE_CHECKING:
    from .content import ContentSet

# Milestone ids: one capital letter (Danish letters allowed) and a number, e.g. L1, K3, O6.
MILESTONE_ID_PATTERN = r"^[A-ZÆØÅ][0-9]+$"
# Days in an average year, for "years since start" (10,2 år).
_DAYS_PER_YEAR = 365.25


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


# --- Computed status -------------------------------------------------------------------------

def progress(statuses: list[MilestoneStatus]) -> float | None:
    """Points / (2 x applicable milestones), from 0 to 1; None when no milestone applies."""
    points = [s.points for s in statuses if s.points is not None]
    if not points:
        return None
    return sum(points) / (MAX_POINTS * len(points))


def is_overdue(status: MilestoneStatus, due: dt.date | None, today: dt.date) -> bool:
    """The due date has passed and the milestone is not in place.

    A milestone that does not apply (``ikke-relevant``) is never overdue: it is left out.
    """
    return (due is not None and due < today and status.applies
            and status is not MilestoneStatus.IN_PLACE)


@dataclass(frozen=True, slots=True)
class MilestoneProgress:
    milestone: Milestone
    status: MilestoneStatus
    entry: PlanMilestone | None   # None: missing from the plan, counted as not started
    overdue: bool
    answer: Answer | None

    @property
    def owner(self) -> str | None:
        return self.entry.owner if self.entry else None

    @property
    def due(self) -> dt.date | None:
        return self.entry.due if self.entry else None

    @property
    def done(self) -> dt.date | None:
        return self.entry.done if self.entry else None

    @property
    def note(self) -> str | None:
        return self.entry.note if self.entry else None

    @property
    def reason(self) -> str | None:
        return self.entry.reason if self.entry else None

    @property
    def missing(self) -> bool:
        return self.entry is None

    @property
    def key_date(self) -> tuple[str, dt.date] | None:
        """The date to show: ("done", when it came in place), else ("due", its deadline)."""
        if self.status is MilestoneStatus.IN_PLACE and self.done:
            return ("done", self.done)
        return ("due", self.due) if self.due else None


@dataclass(frozen=True, slots=True)
class FactorProgress:
    factor: Factor
    milestones: tuple[MilestoneProgress, ...]
    progress: float | None


@dataclass(frozen=True, slots=True)
class PlanStatus:
    """Everything shown about one plan on one day."""

    plan: ImplementationPlan
    framework: Framework
    practice: Practice | None
    today: dt.date
    factors: tuple[FactorProgress, ...]
    progress: float | None

    @property
    def title(self) -> str:
        if self.plan.title:
            return self.plan.title
        practice_title = self.practice.title if self.practice else self.plan.practice
        return default_plan_title(practice_title, self.plan.unit)

    @property
    def milestones(self) -> tuple[MilestoneProgress, ...]:
        return tuple(m for factor in self.factors for m in factor.milestones)

    @property
    def overdue(self) -> tuple[MilestoneProgress, ...]:
        return tuple(m for m in self.milestones if m.overdue)

    @property
    def years_since_start(self) -> float:
        return (self.today - self.plan.started).days / _DAYS_PER_YEAR

    @property
    def has_started(self) -> bool:
        return self.plan.started <= self.today

    @property
    def years_text(self) -> str:
        """Danish, for pages and the terminal: '10,2 år', or 'ikke startet endnu'."""
        if not self.has_started:
            return "ikke startet endnu"
        return f"{self.years_since_start:.1f} år".replace(".", ",")


def plan_status(plan: ImplementationPlan, framework: Framework, practice: Practice | None,
                today: dt.date) -> PlanStatus:
    """The status of ``plan`` on ``today``; milestones missing from it count as not started."""
    factors = []
    for factor in framework.factors:
        rows = []
        for milestone in factor.milestones:
            entry = plan.entry(milestone.id)
            status = entry.status if entry else MilestoneStatus.NOT_STARTED
            rows.append(MilestoneProgress(
                milestone=milestone, status=status, entry=entry,
                overdue=is_overdue(status, entry.due if entry else None, today),
                answer=plan.answer(milestone.id)))
        factors.append(FactorProgress(factor, tuple(rows), progress([r.status for r in rows])))
    every = [m.status for f in factors for m in f.milestones]
    return PlanStatus(plan, framework, practice, today, tuple(factors), progress(every))


def status_in(content: ContentSet, plan: ImplementationPlan,
              today: dt.date) -> PlanStatus | None:
    """The status of a plan of ``content``; None when its framework is unknown (an error the
    plan's cross-check reports, so such content is never built)."""
    framework = content.get(Framework, plan.framework)
    if framework is None:
        return None
    return plan_status(plan, framework, content.get(Practice, plan.practice), today)


def plan_statuses(content: ContentSet, today: dt.date,
                  practice_id: str | None = None) -> list[PlanStatus]:
    """The status of every plan (of one practice, if given), in the order of their paths."""
    plans = sorted(content.of_type(ImplementationPlan) if practice_id is None else
                   content.where(ImplementationPlan, "practice", practice_id),
                   key=lambda p: p.source.path)
    statuses = (status_in(content, plan, today) for plan in plans)
    return [status for status in statuses if status is not None]


def status_json(statuses: list[PlanStatus], today: dt.date,
                file_of: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The JSON contract of ``praksis status --json``.

    ``file_of`` maps a plan's content path to the path shown in "file" (as the user gave it);
    without it the content path is used.
    """
    file_of = file_of or {}
    return {
        "today": today.isoformat(),
        "plans": [{
            "file": file_of.get(s.plan.source.path, s.plan.source.path),
            "framework": s.framework.id,
            "practice": s.plan.practice,
            "unit": s.plan.unit,
            "progress": s.progress,
            "factors": [{
                "id": f.factor.id,
                "title": f.factor.title,
                "progress": f.progress,
                "milestones": [{
                    "id": m.milestone.id,
                    "title": m.milestone.title,
                    "status": m.status.value,
                    "owner": m.owner,
                    "due": m.due.isoformat() if m.due else None,
                    "overdue": m.overdue,
                } for m in f.milestones],
            } for f in s.factors],
        } for s in statuses],
    }
