"""Which documents a printed edition holds: its parts resolved against the content, and the
selection of approved documents (or all of them in a draft), with the Danish notes on what is
left out. Pure: the book is assembled from the selection in ``core.editions``."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Approval, Page, Practice
from ..model.assessment import Assessment
from ..model.content import ContentSet, Document
from ..model.editions import Edition, EditionPart
from ..model.milestones import ImplementationPlan
from ..problems import did_you_mean
from .titles import display_title

# --- Which documents can be printed --------------------------------------------------------

# The types a part can print by id or folder: Markdown documents with an id of their own
# (free pages print only where a part names them). A test holds this table to the types'
# own 'markdown' and 'unique_ids'.
PRINTABLE_TYPES: tuple[type, ...] = (Assessment, ImplementationPlan, Practice)


def printable_documents(content: ContentSet) -> list[Document]:
    """Documents a folder part prints: Markdown documents with their own id.

    Free pages are printed only where a part names them (a folder's index page is the
    site's, not the handbook's).
    """
    return [doc for doc in content.documents if isinstance(doc, PRINTABLE_TYPES)]


def free_pages(content: ContentSet) -> tuple[dict[str, Page], dict[str, list[str]]]:
    """Free pages a part can name by id (file name without .md), and ids used by several
    pages ({id: paths}), which cannot be named."""
    by_id: dict[str, list[Page]] = {}
    for doc in content.of_type(Page):
        by_id.setdefault(doc.source.doc_id, []).append(doc)
    unique = {doc_id: docs[0] for doc_id, docs in by_id.items() if len(docs) == 1}
    shared = {doc_id: [d.source.path for d in docs] for doc_id, docs in by_id.items()
              if len(docs) > 1}
    return unique, shared


def folder_problem(folder: str) -> str | None:
    """Why a manifest's folder cannot be used (absolute, leaving content/), or None."""
    if folder.startswith(("/", "\\", "~")) or (len(folder) > 1 and folder[1] == ":"):
        return (f"'{folder}' er en absolut sti. Skriv mappen i forhold til content/, fx "
                "'praksis'.")
    if "\\" in folder:
        return f"'{folder}' bruger '\\'. Skriv mapper med '/', fx 'praksis/lindegaarden'."
    if ".." in folder.split("/"):
        return (f"'{folder}' peger uden for content/ ('..'). En udgave kan kun samle "
                "dokumenter fra indholdsmappen: skriv mappen i forhold til content/, fx "
                "'praksis'.")
    return None


def normalise_folder(folder: str) -> str:
    return posixpath.normpath(folder.strip()).strip("/")


def title_key(doc: Document, content: ContentSet) -> tuple[str, str]:
    """Danish alphabetical order: æ, ø and å after z (Python's code points put å first)."""
    title = display_title(doc, content).casefold()
    return (title.translate(_DANISH_ORDER), doc.source.doc_id)


_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


@dataclass(frozen=True, slots=True)
class PartProblem:
    """A problem with a manifest's part, reported by the edition type's cross-check."""

    key: tuple[str | int, ...]
    message: str


def resolve_parts(edition: Edition, content: ContentSet
                  ) -> tuple[list[tuple[EditionPart, list[Document]]], list[PartProblem]]:
    """Every part with its documents in print order, and the problems found on the way."""
    printable = printable_documents(content)
    by_id = {doc.source.doc_id: doc for doc in printable}
    pages, shared_pages = free_pages(content)
    for doc_id, page in pages.items():
        by_id.setdefault(doc_id, page)
    others = {doc.source.doc_id for doc in content.documents} - set(by_id)
    folders = sorted({posixpath.dirname(doc.source.path) for doc in printable} - {""})
    resolved: list[tuple[EditionPart, list[Document]]] = []
    problems: list[PartProblem] = []
    placed: dict[str, int] = {}
    for index, part in enumerate(edition.parts):
        documents: list[Document] = []
        if part.folder is not None:
            key: tuple[str | int, ...] = ("parts", index, "folder")
            folder = normalise_folder(part.folder)
            documents = sorted((d for d in printable
                                if d.source.path.startswith(folder + "/")),
                               key=lambda d: title_key(d, content))
            if not documents:
                problems.append(PartProblem(key, (
                    f"mappen '{part.folder}' under content/ har ingen dokumenter, der kan "
                    f"trykkes.{did_you_mean(folder, folders)} Mapper med dokumenter: "
                    f"{', '.join(folders) or 'ingen'}.")))
        for item, doc_id in enumerate(part.document_ids):
            key = ("parts", index, "documents", item)
            doc = by_id.get(doc_id)
            if doc is not None:
                documents.append(doc)
            elif doc_id in shared_pages:
                problems.append(PartProblem(key, (
                    f"flere sider hedder '{doc_id}' ({', '.join(shared_pages[doc_id])}), så "
                    "udgaven ved ikke, hvilken der menes. Giv siden et entydigt filnavn, fx "
                    "'forord.md', og nævn det.")))
            elif doc_id in others:
                problems.append(PartProblem(key, (
                    f"'{doc_id}' er en datafil, ikke en side, der kan trykkes. Nævn "
                    "praksisbeskrivelser, frie sider og andre sider med eget id.")))
            else:
                problems.append(PartProblem(key, (
                    f"dokumentet '{doc_id}' findes ikke.{did_you_mean(doc_id, by_id)} "
                    "Skriv filnavnet uden '.md', fx 'tryghedsplan'.")))
        unique: list[Document] = []
        for doc in documents:
            first = placed.setdefault(doc.source.doc_id, index)
            if first != index or any(doc is other for other in unique):
                problems.append(PartProblem(("parts", index), (
                    f"'{doc.source.doc_id}' står to gange i udgaven (også i delen "
                    f"'{edition.parts[first].title}'). Hvert dokument kan kun trykkes én "
                    "gang: fjern det ene sted.")))
                continue
            unique.append(doc)
        resolved.append((part, unique))
    return resolved, problems


# --- The selection: approved documents, or all in a draft ----------------------------------

@dataclass(frozen=True, slots=True)
class SelectedPart:
    title: str
    intro: str | None
    documents: tuple[Document, ...]


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A document the manifest names that an approved edition does not print."""

    document: Document
    reason: str  # Danish: 'kladde', 'til godkendelse'


@dataclass(frozen=True, slots=True)
class DroppedPart:
    """A part the manifest names whose documents are all left out (none approved)."""

    index: int
    title: str
    left_out: tuple[LeftOut, ...]


@dataclass(frozen=True, slots=True)
class Selection:
    parts: tuple[SelectedPart, ...]
    left_out: tuple[LeftOut, ...]
    dropped: tuple[DroppedPart, ...] = ()

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(doc for part in self.parts for doc in part.documents)


def approval_of(doc: Document) -> Approval | None:
    """A document's approval, if its type has one (plans and assessments have none)."""
    return doc.approval if isinstance(doc, Practice | Page) else None


def needs_approval(doc: Document) -> bool:
    """Free pages print only when approved (or in a draft), like descriptions; a page
    without ``approval`` counts as not approved."""
    return isinstance(doc, Page)


def select(edition: Edition, content: ContentSet, draft: bool) -> Selection:
    """The documents to print: approved ones, or every named one in a draft."""
    parts: list[SelectedPart] = []
    left_out: list[LeftOut] = []
    dropped: list[DroppedPart] = []
    resolved, _problems = resolve_parts(edition, content)  # reported by `praksis check`
    for index, (part, documents) in enumerate(resolved):
        kept = []
        before = len(left_out)
        for doc in documents:
            approval = approval_of(doc)
            if draft or (approval is None and not needs_approval(doc)) or (
                    approval is not None and approval.is_approved):
                kept.append(doc)
            elif approval is None:
                left_out.append(LeftOut(doc, "uden godkendelse"))
            else:
                left_out.append(LeftOut(doc, approval.state.label.lower()))
        if kept:
            parts.append(SelectedPart(part.title, part.intro, tuple(kept)))
        elif documents:
            dropped.append(DroppedPart(index, part.title, tuple(left_out[before:])))
    return Selection(tuple(parts), tuple(left_out), tuple(dropped))


def _named(items: Iterable[LeftOut], content: ContentSet) -> str:
    return "; ".join(f"{display_title(item.document, content)} ({item.reason})"
                     for item in items)


def dropped_parts_problem(edition: Edition, selection: Selection, content: ContentSet
                          ) -> str | None:
    """Why an approved edition cannot be exported: a part would be empty because none of its
    documents is approved (the book would silently lose it, while its intro and the table of
    contents promise it). ``path:line: parts: message`` in Danish, or None."""
    if not selection.dropped:
        return None
    first = selection.dropped[0]
    line = edition.source.line_of(("parts", first.index))
    named = " ".join(f"Delen '{part.title}': {_named(part.left_out, content)}."
                     for part in selection.dropped)
    count = len(selection.dropped)
    which = "en del" if count == 1 else f"{count} dele"
    return (f"{edition.source.path}:{line}: parts: {which} ville blive tom, fordi ingen af "
            f"dokumenterne er godkendt. {named} Godkend dokumenterne (approval: state: "
            "godkendt), fjern delen fra udgaven, eller eksportér en kladde med --draft.")


def left_out_colophon(selection: Selection, content: ContentSet) -> str | None:
    """The colophon's sentence naming the documents an approved edition leaves out."""
    if not selection.left_out:
        return None
    count = len(selection.left_out)
    noun = "dokument, der ikke er godkendt" if count == 1 else "dokumenter, der ikke er godkendt"
    return f"Udgaven udelader {count} {noun}: {_named(selection.left_out, content)}."


def left_out_note(edition: Edition, selection: Selection, content: ContentSet
                  ) -> str | None:
    """The Danish note for stderr naming what an approved edition leaves out."""
    if not selection.left_out:
        return None
    names = _named(selection.left_out, content)
    count = len(selection.left_out)
    noun = "beskrivelse er" if count == 1 else "beskrivelser er"
    return (f"Bemærk: {count} {noun} ikke godkendt og udeladt af {edition.id}: {names}. "
            "Brug --draft for at tage dem med i en kladde.")
