"""The checked content: every document that passed, every problem found, and look-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..problems import Problem
from . import first_by

T = TypeVar("T")


@dataclass(frozen=True)
class ContentSet:
    root: Path
    documents: tuple[Any, ...]
    problems: tuple[Problem, ...]
    files: int
    # Look-ups built on first use (the documents never change): the site asks for a
    # document by path, id or reference once per page, so a scan each time is O(n²).
    _index: dict[Any, Any] = field(default_factory=dict, init=False, repr=False,
                                   compare=False)
    # The resolved today (clock.today): "a date in the future" is after it.
    today: dt.date | None = field(default=None, compare=False)
    # Ids of files that failed their own check, with their paths as messages show them: a
    # reference to one is "to a file with errors", not "to an unknown id".
    broken: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_warning)

    def problems_in(self, shown_path: str) -> tuple[Problem, ...]:
        """The problems of one file, by the path messages show (relative to the project)."""
        def group() -> dict[str, tuple[Problem, ...]]:
            groups: dict[str, list[Problem]] = {}
            for problem in self.problems:
                groups.setdefault(problem.path, []).append(problem)
            return {path: tuple(found) for path, found in groups.items()}
        return self._indexed("problems", group).get(shown_path, ())

    def _indexed(self, key: Any, build: Callable[[], Any]) -> Any:
        try:
            return self._index[key]
        except KeyError:
            value = self._index[key] = build()
            return value

    def _of_type(self, cls: type) -> tuple[Any, ...]:
        return self._indexed(("type", cls),
                             lambda: tuple(d for d in self.documents if isinstance(d, cls)))

    def of_type(self, cls: type[T]) -> list[T]:
        return list(self._of_type(cls))

    def get(self, cls: type[T], doc_id: str) -> T | None:
        """The first document of ``cls`` with this id (ids are unique once check passes)."""
        ids = self._indexed(("id", cls), lambda: first_by(self._of_type(cls),
                                                           lambda d: d.source.doc_id))
        return ids.get(doc_id)

    def by_path(self, path: str) -> Any | None:
        paths = self._indexed("path", lambda: first_by(self.documents,
                                                        lambda d: d.source.path))
        return paths.get(path)

    def where(self, cls: type[T], attribute: str, value: Any) -> list[T]:
        """Documents of ``cls`` whose ``attribute`` equals ``value``, in document order: the
        assessments or plans of a practice, without scanning all documents for each page."""
        def group() -> dict[Any, list[Any]]:
            groups: dict[Any, list[Any]] = {}
            for doc in self._of_type(cls):
                groups.setdefault(getattr(doc, attribute), []).append(doc)
            return groups
        return list(self._indexed(("where", cls, attribute), group).get(value, ()))
