"""An answered questionnaire (``type: assessment``) as the validated record holds it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import Source, first_by


@dataclass(frozen=True, slots=True)
class Answer:
    question: str                # "1.2"
    code: str | None             # None: not answered yet
    comment: str | None = None
    # What the editor wrote when it was not plain text (a number, a yes/no value, a list), in
    # Danish. Kept so the cross-check, which knows the question's codes, can name them.
    written_as: str | None = None

    @property
    def given(self) -> bool:
        return self.code is not None or self.written_as is not None


@dataclass(frozen=True, slots=True)
class BodySection:
    """A part of the body: the text under one heading of level 1-3 (level 0: before any)."""

    level: int
    heading: str
    line: int
    text: str


# Statuses of a development priority, in the order work moves through them.
PRIORITY_STATUSES = ("ikke-påbegyndt", "i-gang", "gennemført", "opgivet")
CLOSED_STATUSES = ("gennemført", "opgivet")
WHOLE_PRACTICE = "samlet"   # a priority for the whole practice rather than one element
PRIORITY_LABELS = {"ikke-påbegyndt": "Ikke påbegyndt", "i-gang": "I gang",
                   "gennemført": "Gennemført", "opgivet": "Opgivet"}
PRIORITY_CSS = {"ikke-påbegyndt": "ikke-paabegyndt", "i-gang": "i-gang",
                "gennemført": "paa-plads", "opgivet": "ikke-relevant"}


@dataclass(frozen=True, slots=True)
class Priority:
    """A development priority taken from the development potential: what to improve before
    the next assessment, by whom and when. It stays in the assessment where it was made."""

    element: str                 # an element id ("1") or "samlet"
    action: str
    status: str                  # one of PRIORITY_STATUSES
    owner: str | None = None
    due: dt.date | None = None

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def overdue(self, today: dt.date) -> bool:
        """Its due date is before today and it is neither done nor given up."""
        return self.due is not None and self.due < today and self.is_open

    def as_json(self, today: dt.date) -> dict[str, Any]:
        return {"element": self.element, "action": self.action, "owner": self.owner,
                "due": self.due.isoformat() if self.due else None, "status": self.status,
                "overdue": self.overdue(today)}


@dataclass(frozen=True, slots=True)
class Assessment:
    source: Source
    title: str | None
    instrument: str
    practice: str
    date: dt.date
    participants: tuple[str, ...]
    answers: tuple[Answer, ...]
    sections: tuple[BodySection, ...]
    priorities: tuple[Priority, ...] = ()
    # Each question's first answer: scoring looks up every question, for every page.
    _answer_of: dict[str, Answer] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_answer_of", first_by(self.answers, lambda a: a.question))

    @property
    def id(self) -> str:
        return self.source.doc_id

    def answer(self, question_id: str) -> Answer | None:
        return self._answer_of.get(question_id)
