"""The checked content: every document that passed, every problem found, and look-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar, cast

from ..problems import Problem
from . import Page, Practice, first_by
from .assessment import Assessment
from .editions import Edition
from .instrument import Instrument
from .milestones import Framework, ImplementationPlan

# Every kind of checked document (types.DOCUMENT_TYPES builds one of these per file).
Document = Practice | Page | Assessment | Instrument | Framework | ImplementationPlan | Edition
D = TypeVar("D", bound=Document)


@dataclass
class _TypeIndex(Generic[D]):
    """The documents of one type, and look-ups among them built on first use."""

    documents: tuple[D, ...]
    ids: dict[str, D] | None = None
    groups: dict[str, dict[object, list[D]]] = field(default_factory=dict)


@dataclass
class _Index:
    types: dict[type, _TypeIndex[Document]] = field(default_factory=dict)
    paths: dict[str, Document] | None = None
    problems: dict[str, tuple[Problem, ...]] | None = None
    below: dict[str, tuple[Document, ...]] | None = None


@dataclass(frozen=True)
class ContentSet:
    root: Path
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]
    files: int
    # Look-ups built on first use (the documents never change): the site asks for a
    # document by path, id or reference once per page, so a scan each time is O(n²).
    _index: _Index = field(default_factory=_Index, init=False, repr=False, compare=False)
    # The resolved today (clock.today): "a date in the future" is after it.
    today: dt.date | None = field(default=None, compare=False)
    # Ids of files that failed their own check, with their paths relative to the project
    # root: a reference to one is "to a file with errors", not "to an unknown id".
    broken: Mapping[str, str] = field(default_factory=dict, compare=False)
    # The content folder relative to the project root ('content'): problems' paths start
    # with it.
    folder: str = field(default="", compare=False)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_warning)

    def project_path(self, path: str) -> str:
        """A content path ('praksis/x.md') relative to the project root, as problems carry
        it ('content/praksis/x.md')."""
        return f"{self.folder}/{path}" if self.folder else path

    def problems_in(self, path: str) -> tuple[Problem, ...]:
        """The problems of one file, by its content path ('praksis/x.md')."""
        if self._index.problems is None:
            groups: dict[str, list[Problem]] = {}
            for problem in self.problems:
                groups.setdefault(problem.path, []).append(problem)
            self._index.problems = {path: tuple(found) for path, found in groups.items()}
        return self._index.problems.get(self.project_path(path), ())

    def _type_index(self, cls: type[D]) -> _TypeIndex[D]:
        index = self._index.types.get(cls)
        if index is None:
            index = self._index.types[cls] = _TypeIndex(
                tuple(d for d in self.documents if isinstance(d, cls)))
        # The index under ``cls`` holds only instances of ``cls`` (built just above).
        return cast("_TypeIndex[D]", index)

    def of_type(self, cls: type[D]) -> list[D]:
        return list(self._type_index(cls).documents)

    def get(self, cls: type[D], doc_id: str) -> D | None:
        """The first document of ``cls`` with this id (ids are unique once check passes)."""
        index = self._type_index(cls)
        if index.ids is None:
            index.ids = first_by(index.documents, lambda d: d.source.doc_id)
        return index.ids.get(doc_id)

    def by_path(self, path: str) -> Document | None:
        if self._index.paths is None:
            self._index.paths = first_by(self.documents, lambda d: d.source.path)
        return self._index.paths.get(path)

    def where(self, cls: type[D], attribute: str, value: object) -> list[D]:
        """Documents of ``cls`` whose ``attribute`` equals ``value``, in document order: the
        assessments or plans of a practice, without scanning all documents for each page."""
        index = self._type_index(cls)
        groups = index.groups.get(attribute)
        if groups is None:
            groups = index.groups[attribute] = {}
            for doc in index.documents:
                groups.setdefault(getattr(doc, attribute), []).append(doc)
        return list(groups.get(value, ()))

    def below(self, folder: str) -> tuple[Document, ...]:
        """Documents anywhere below ``folder`` (a content path without the trailing '/'), in
        document order. Indexed once by every folder above each document, so a section's
        index page lists its documents without scanning the corpus: a build's listings
        cost what they show, not index pages times documents."""
        if self._index.below is None:
            groups: dict[str, list[Document]] = {}
            for doc in self.documents:
                folders = doc.source.path.split("/")[:-1]
                for depth in range(1, len(folders) + 1):
                    groups.setdefault("/".join(folders[:depth]), []).append(doc)
            self._index.below = {name: tuple(docs) for name, docs in groups.items()}
        return self._index.below.get(folder, ())
