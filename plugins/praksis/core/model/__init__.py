"""The content model shared by every document type: typed, frozen, built once by validation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K")


def first_by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, T]:
    """Each key's first item, as a scan in order would find it (later duplicates are the
    check's business, not the look-up's)."""
    first: dict[K, T] = {}
    for item in items:
        first.setdefault(key(item), item)
    return first


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    """One entry of a document's ``changes:`` list, in the editors' own words.

    Without ``version`` it records a review that changed nothing.
    """

    date: dt.date
    version: str | None = None
    summary: str | None = None
    line: int = 1


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from. ``path`` is relative to the content folder, POSIX style."""

    path: str
    doc_id: str
    body: str = ""
    body_line: int = 1
    digest: str = ""
    # The line of every front-matter key, so checks that span documents can point at it.
    key_lines: Mapping[tuple[str | int, ...], int] = field(default_factory=dict, compare=False)
    # The document's ``changes:`` (any Markdown document may have them), as written.
    changes: tuple[ChangeEntry, ...] = ()

    def line_of(self, key: tuple[str | int, ...]) -> int:
        while key and key not in self.key_lines:
            key = key[:-1]
        return self.key_lines.get(key, 1)


class ApprovalState(StrEnum):
    DRAFT = "kladde"
    IN_REVIEW = "til-godkendelse"
    APPROVED = "godkendt"

    @property
    def label(self) -> str:
        return {"kladde": "Kladde", "til-godkendelse": "Til godkendelse",
                "godkendt": "Godkendt"}[self.value]


@dataclass(frozen=True, slots=True)
class Approval:
    state: ApprovalState
    approved_by: str | None = None
    approved_on: dt.date | None = None

    @property
    def is_approved(self) -> bool:
        return self.state is ApprovalState.APPROVED


@dataclass(frozen=True, slots=True)
class Page:
    """A free page (start page, section index): only a title and Material's own keys."""

    source: Source
    title: str | None
    description: str | None
    hide: tuple[str, ...]
    tags: tuple[str, ...]
    # A page printed in an edition (foreword, values, organisation) is approved like a
    # description; without approval an edition leaves it out unless it is a draft.
    approval: Approval | None = None
    version: str | None = None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


@dataclass(frozen=True, slots=True)
class Practice:
    """A practice description (``type: practice``)."""

    source: Source
    title: str
    summary: str
    unit: str
    owner: str
    target_group: str
    support_needs: str | None
    goals: tuple[str, ...]
    activities: tuple[str, ...]
    organisation: str
    staff_background: str
    methods: tuple[str, ...]
    approval: Approval
    version: str
    last_reviewed: dt.date
    review_interval_months: int
    tags: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.source.doc_id

    @property
    def next_review(self) -> dt.date:
        return add_months(self.last_reviewed, self.review_interval_months)

    def review_overdue(self, today: dt.date) -> bool:
        return self.next_review < today
