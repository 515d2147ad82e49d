"""The milestone rule: the computed status of an implementation plan on a given day.

A framework (``type: framework``) lists factors and their milestones; an implementation plan
(``type: implementation-plan``) records, for one unit, how far each milestone has come. The
status of a plan is computed here once, as a plain structure (``PlanStatus``), which the JSON
of ``praksis status``, the terminal table, the plan page, the practice page and the dashboard
all read, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..danish import decimal
from ..model import Practice
from ..model.content import ContentSet
from ..model.milestones import (
    MAX_POINTS,
    Activity,
    Answer,
    Factor,
    Framework,
    ImplementationPlan,
    Milestone,
    MilestoneStatus,
    PlanMilestone,
    default_plan_title,
)
from ..periods import add_period
from .scoring import assessments_for

# Days in an average year, for "years since start" (10,2 år).
_DAYS_PER_YEAR = 365.25

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


def status_at(status: MilestoneStatus, started: dt.date | None, done: dt.date | None,
              day: dt.date) -> MilestoneStatus:
    """A milestone's status on a past ``day`` (on or after the plan started), from its dates.

    ``ikke-relevant`` stays as it is (left out); ``done`` on or before the day means in place;
    else ``started`` on or before the day means in progress; a date later than the day means
    not started yet; without dates the current status holds.
    """
    if status is MilestoneStatus.NOT_RELEVANT:
        return status
    if done is not None and done <= day:
        return MilestoneStatus.IN_PLACE
    if started is not None and started <= day:
        return MilestoneStatus.IN_PROGRESS
    if done is not None or started is not None:
        return MilestoneStatus.NOT_STARTED
    return status


def progress_at(plan: ImplementationPlan, framework: Framework, day: dt.date) -> float | None:
    """Progress on ``day`` by the same rule as today's (missing milestones: not started)."""
    statuses = []
    for milestone in framework.milestones:
        entry = plan.entry(milestone.id)
        if entry is None:
            statuses.append(MilestoneStatus.NOT_STARTED)
        else:
            statuses.append(status_at(entry.status, entry.started, entry.done, day))
    return progress(statuses)


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    date: dt.date
    progress: float | None


def history_dates(started: dt.date, today: dt.date) -> list[dt.date]:
    """31 December of every year from the start year to the year before today's, then today;
    nothing when the plan starts after today."""
    if started > today:
        return []
    return [dt.date(year, 12, 31) for year in range(started.year, today.year)] + [today]


def history(plan: ImplementationPlan, framework: Framework,
            today: dt.date) -> tuple[HistoryPoint, ...]:
    return tuple(HistoryPoint(day, progress_at(plan, framework, day))
                 for day in history_dates(plan.started, today))


@dataclass(frozen=True, slots=True)
class ActivityStatus:
    activity: Activity
    last: dt.date | None       # the latest held date not after today
    next_due: dt.date
    lapsed: bool               # today is after next_due
    planned: tuple[dt.date, ...] = ()   # held dates after today, oldest first


def activity_status(activity: Activity, plan_started: dt.date,
                    today: dt.date) -> ActivityStatus:
    """``last`` held date, ``next_due`` = (last, or ``from``, or the plan's start) + every."""
    past = [d for d in activity.held if d <= today]
    last = max(past) if past else None
    base = last or activity.start or plan_started
    next_due = add_period(base, activity.every)
    planned = tuple(sorted(d for d in activity.held if d > today))
    return ActivityStatus(activity, last, next_due, today > next_due, planned)


@dataclass(frozen=True, slots=True)
class Reassessment:
    latest: dt.date | None     # the newest assessment of the practice not after today
    due: dt.date
    overdue: bool


def reassessment(plan: ImplementationPlan, assessment_dates: Iterable[dt.date],
                 today: dt.date) -> Reassessment:
    """``due`` = (the latest assessment, or the plan's start) + ``reassess_every``."""
    past = [d for d in assessment_dates if d <= today]
    latest = max(past) if past else None
    due = add_period(latest or plan.started, plan.reassess_every)
    return Reassessment(latest, due, today > due)


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
    history: tuple[HistoryPoint, ...] = ()
    activities: tuple[ActivityStatus, ...] = ()
    reassessment: Reassessment | None = None

    @property
    def lapsed(self) -> tuple[ActivityStatus, ...]:
        return tuple(a for a in self.activities if a.lapsed)

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
        return f"{decimal(self.years_since_start, 1)} år"


def plan_status(plan: ImplementationPlan, framework: Framework, practice: Practice | None,
                today: dt.date, assessment_dates: Iterable[dt.date] = ()) -> PlanStatus:
    """The status of ``plan`` on ``today``; milestones missing from it count as not started.

    ``assessment_dates`` are the dates of the practice's assessments (any instrument), for
    when it is due for re-assessment.
    """
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
    return PlanStatus(plan, framework, practice, today, tuple(factors), progress(every),
                      history=history(plan, framework, today),
                      activities=tuple(activity_status(a, plan.started, today)
                                       for a in plan.activities),
                      reassessment=reassessment(plan, assessment_dates, today))


def status_in(content: ContentSet, plan: ImplementationPlan,
              today: dt.date) -> PlanStatus | None:
    """The status of a plan of ``content``; None when its framework is unknown (an error the
    plan's cross-check reports, so such content is never built)."""
    framework = content.get(Framework, plan.framework)
    if framework is None:
        return None
    dates = [a.date for a in assessments_for(content, plan.practice)]
    return plan_status(plan, framework, content.get(Practice, plan.practice), today, dates)


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
            "history": [{"date": p.date.isoformat(), "progress": p.progress}
                        for p in s.history],
            "activities": [{
                "id": a.activity.id,
                "title": a.activity.title,
                "every": a.activity.every.as_written,
                "last": a.last.isoformat() if a.last else None,
                "next_due": a.next_due.isoformat(),
                "lapsed": a.lapsed,
            } for a in s.activities],
            "reassessment": _reassessment_json(s.reassessment),
        } for s in statuses],
    }


def _reassessment_json(found: Reassessment | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {"latest": found.latest.isoformat() if found.latest else None,
            "due": found.due.isoformat(), "overdue": found.overdue}
