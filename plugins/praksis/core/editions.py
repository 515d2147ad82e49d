"""Printed editions (handbooks): the pure plan of what goes into one, in which order.

An edition manifest (``content/editions/<id>.yml``, ``type: edition``) names documents by id
or by folder, grouped in parts. This module turns a manifest and the checked content into a
plan: the documents of each part, the documents left out (not approved), the rows of the
version history, and the assembled Markdown that pandoc reads. Nothing here runs pandoc,
typst or git: the export adapter (``praksis.export``) does, and hands the git history back
in as data (``EditionHistory``). Tests compare plans without any of those tools.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .changes import version_key
from .danish import format_date
from .documents import display_title, document_types
from .fragments import table, text
from .model import Page, Source
from .pages import PageContext, PagePart, page_parts, print_appendices
from .problems import did_you_mean
from .writers import print as print_writer

if TYPE_CHECKING:
    from .content import ContentSet

# Where the site publishes the exported files, and the formats `praksis export` writes.
DOWNLOAD_FOLDER = "haandboeger"
FORMATS = ("docx", "pdf")
FORMAT_LABELS = {"docx": "Word", "pdf": "PDF"}
# Document headings are level 2 under the part's level 1, so a body's '## Formål' becomes
# level 3 in print.
BODY_HEADING_SHIFT = print_writer.HEADING_SHIFT
HISTORY_TITLE = "Versionshistorik"
# A handbook lists the newest changes; older ones are counted, not listed.
MAX_CHANGES = 40


# --- The manifest ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EditionPart:
    """One part of a handbook: explicit document ids, or every document below a folder."""

    title: str
    intro: str | None
    document_ids: tuple[str, ...]
    folder: str | None


@dataclass(frozen=True, slots=True)
class PreviousEdition:
    """The edition this one replaces; its date bounds the changes when git has no tag."""

    edition: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class Edition:
    """An edition manifest (``type: edition``)."""

    source: Source
    title: str
    subtitle: str | None
    organisation: str
    edition: str
    date: dt.date
    computed: bool
    parts: tuple[EditionPart, ...]
    colophon: str | None
    previous: PreviousEdition | None
    cover_image: str | None = None   # below content/: a logo or picture for the cover
    revision_note: str | None = None  # 'Revideret oktober 2024: ...', cover and colophon
    back_cover: str | None = None     # the text of the last page

    @property
    def id(self) -> str:
        return self.source.doc_id

    @property
    def heading(self) -> str:
        """The running header: 'Fælles praksis 3.0'."""
        return f"{self.title} {self.edition}"

    @property
    def tag_pattern(self) -> str:
        """Git tags that mark earlier exports of this edition: ``edition/<id>/<anything>``."""
        return f"edition/{self.id}/*"


# --- Which documents can be printed --------------------------------------------------------

def printable_documents(content: ContentSet) -> list[Any]:
    """Documents a folder part prints: Markdown documents with their own id.

    Free pages are printed only where a part names them (a folder's index page is the
    site's, not the handbook's).
    """
    kinds = tuple(t.model for t in document_types().values() if t.markdown and t.unique_ids)
    return [doc for doc in content.documents if isinstance(doc, kinds)]


def free_pages(content: ContentSet) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Free pages a part can name by id (file name without .md), and ids used by several
    pages ({id: paths}), which cannot be named."""
    by_id: dict[str, list[Any]] = {}
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


def title_key(doc: Any, content: ContentSet) -> tuple[str, str]:
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
                  ) -> tuple[list[tuple[EditionPart, list[Any]]], list[PartProblem]]:
    """Every part with its documents in print order, and the problems found on the way."""
    printable = printable_documents(content)
    by_id = {doc.source.doc_id: doc for doc in printable}
    pages, shared_pages = free_pages(content)
    for doc_id, page in pages.items():
        by_id.setdefault(doc_id, page)
    others = {doc.source.doc_id for doc in content.documents} - set(by_id)
    folders = sorted({posixpath.dirname(doc.source.path) for doc in printable} - {""})
    resolved: list[tuple[EditionPart, list[Any]]] = []
    problems: list[PartProblem] = []
    placed: dict[str, int] = {}
    for index, part in enumerate(edition.parts):
        documents: list[Any] = []
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
        unique: list[Any] = []
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
    documents: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A document the manifest names that an approved edition does not print."""

    document: Any
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
    def documents(self) -> tuple[Any, ...]:
        return tuple(doc for part in self.parts for doc in part.documents)


def approval_of(doc: Any) -> Any | None:
    """A document's approval, if its type has one (plans and assessments have none)."""
    return getattr(doc, "approval", None)


def needs_approval(doc: Any) -> bool:
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


# --- Version history -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Change:
    """One change to printed documents: an entry of a document's ``changes:``, or (for a
    document without them) a commit that touched it."""

    date: dt.date
    summary: str
    documents: tuple[str, ...]  # content paths, as in Source.path
    version: str | None = None


@dataclass(frozen=True, slots=True)
class EditionHistory:
    """The changes since the previous edition, read from git by the export adapter.

    ``since`` says what the changes are counted from (Danish, for the reader); ``note``
    replaces the list when there is no history to read (content outside git).
    """

    since: str = ""
    changes: tuple[Change, ...] = ()
    note: str | None = None


def history_since(edition: Edition, tag: str | None) -> str:
    """What 'since the previous edition' means for this export, in Danish."""
    if tag is not None:
        return f"siden forrige udgave (git-mærket {tag})"
    if edition.previous is not None:
        return (f"siden udgave {edition.previous.edition} "
                f"({format_date(edition.previous.date)})")
    return "siden beskrivelserne blev oprettet"


def own_changes(edition: Edition, documents: Iterable[Any]) -> tuple[Change, ...]:
    """The ``changes:`` entries of the documents that have them, dated after the previous
    edition (all of them when the manifest names none), newest first."""
    since = edition.previous.date if edition.previous is not None else None
    found = []
    for doc in documents:
        for entry in doc.source.changes:
            if since is None or entry.date > since:
                summary = entry.summary or "Gennemgået uden ændringer."
                found.append(Change(entry.date, summary, (doc.source.path,), entry.version))
    return tuple(sorted(found, key=lambda c: (c.date, version_key(c.version or "") or ()),
                        reverse=True))


def combined_history(edition: Edition, documents: Sequence[Any],
                     history: HistoryReader) -> EditionHistory:
    """``changes:`` where documents have them; git (``history``) only for the others."""
    without = [doc for doc in documents if not doc.source.changes]
    own = own_changes(edition, documents)
    if not without:
        return EditionHistory(since=history_since(edition, None), changes=own)
    read = history(edition, without)
    changes = tuple(sorted(own + read.changes, key=lambda c: c.date, reverse=True))
    return EditionHistory(since=read.since or history_since(edition, None), changes=changes,
                          note=read.note)


def _last_review(doc: Any) -> dt.date | None:
    dates = [entry.date for entry in doc.source.changes]
    reviewed = getattr(doc, "last_reviewed", None)
    if reviewed is not None:
        dates.append(reviewed)
    return max(dates, default=None)


def _version_of(doc: Any) -> str | None:
    version = getattr(doc, "version", None)
    if version is None:
        numbered = [(version_key(e.version), e.version) for e in doc.source.changes
                    if e.version and version_key(e.version) is not None]
        version = max(numbered)[1] if numbered else None
    return version


def markdown_title(doc: Any) -> str:
    return text(getattr(doc, "title", None) or doc.source.doc_id)


def version_rows(documents: Iterable[Any], titles: Mapping[str, str] | None = None
                 ) -> list[list[str]]:
    """Document, version, approval and last review of every printed document."""
    rows = []
    titles = titles or {}
    for doc in documents:
        approval = approval_of(doc)
        state = "–"
        if approval is not None:
            state = approval.state.label
            if approval.approved_on is not None:
                state += f" {format_date(approval.approved_on)}"
        version = _version_of(doc)
        reviewed = _last_review(doc)
        rows.append([titles.get(doc.source.path) or markdown_title(doc),
                     text(version) if version else "–", text(state),
                     text(format_date(reviewed)) if reviewed else "–"])
    return rows


def history_markdown(documents: Sequence[Any], history: EditionHistory,
                     headings: Mapping[str, str] | None = None) -> str:
    """The version table and the changes since the previous edition; ``headings`` are the
    documents' printed titles (computed for assessments and plans) by content path."""
    headings = headings or {}
    titles = {doc.source.path: headings.get(doc.source.path) or markdown_title(doc)
              for doc in documents}  # Markdown, already escaped
    parts = [f"# {HISTORY_TITLE} {{#versionshistorik .unnumbered}}\n",
             "Udgaven indeholder disse beskrivelser i de nævnte versioner.\n",
             table(["Beskrivelse", "Version", "Godkendelse", "Senest gennemgået"],
                   version_rows(documents, titles)),
             "## Ændringer siden forrige udgave {.unnumbered}\n"]
    if not history.changes:
        parts.append(f"{text(history.note)}\n" if history.note is not None else
                     f"Ingen ændringer i beskrivelserne {text(history.since)}.\n")
    else:
        parts.append(f"Ændringer i beskrivelserne {text(history.since)}, nyeste først.\n")
        rows = [[text(format_date(change.date)),
                 ", ".join(titles.get(path) or text(path) for path in change.documents),
                 text(change.version) if change.version else "–", text(change.summary)]
                for change in history.changes[:MAX_CHANGES]]
        parts.append(table(["Dato", "Beskrivelse", "Version", "Ændring"], rows))
        older = len(history.changes) - MAX_CHANGES
        if older > 0:
            parts.append(f"Dertil {older} ældre ændringer, som ikke er vist her.\n")
        if history.note is not None:
            parts.append(f"{text(history.note)}\n")
    return "\n".join(parts)


# --- The assembled Markdown ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PrintSource:
    """What a body transform needs to know about the Markdown it converts."""

    path: str                    # the document's content path, for relative links and images
    line: int | None             # the file line of the Markdown's first line; None: computed
    anchors: Mapping[str, str]   # content path -> heading id of every printed document

    def where(self, offset: int) -> str:
        """'praksis/x.md:12' for a message about the Markdown's line ``offset`` (0-based)."""
        if self.line is None:
            return f"{self.path} (beregnet afsnit)"
        return f"{self.path}:{self.line + offset}"


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image a printed document uses: a file below content/, or one made while printing.

    ``path`` is relative to content/ (or to the export's working folder when ``data`` holds
    the image itself, e.g. a chart that is inline SVG on the site).
    """

    path: str
    where: str      # 'praksis/x.md:12', for messages
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class PrintedBody:
    markdown: str
    images: tuple[ImageRef, ...] = ()
    warnings: tuple[str, ...] = ()  # Danish, 'praksis/x.md:12: ...'; printed, not fatal


# Turns site Markdown (Material and pymdown syntax) into Markdown pandoc reads; the export
# adapter provides it (markdown-it), tests may pass ``plain_body``.
BodyTransform = Callable[[str, PrintSource], PrintedBody]


def plain_body(markdown: str, source: PrintSource) -> PrintedBody:
    return PrintedBody(markdown)


@dataclass(frozen=True, slots=True)
class AssembledEdition:
    markdown: str
    images: tuple[ImageRef, ...]
    warnings: tuple[str, ...] = ()


def document_pieces(doc: Any, edition: Edition, ctx: PageContext) -> list[PagePart]:
    """A document as on its site page, in reading order (``pages.page_parts``).

    The computed content around the body, or the body alone when the manifest says
    ``computed: false``. A renderer that replaces the body (an assessment's answers and
    comments beside its reflection, a plan's body without the answers shown under their
    milestones) replaces it in print too. The editor's own Markdown keeps its line in the
    file, so a message about it can name that line.
    """
    return page_parts(doc, ctx, computed=edition.computed)


def document_heading(doc: Any, pieces: list[PagePart], content: ContentSet) -> str:
    """The document's heading in print, as Markdown: its display title.

    A page whose title is computed (an assessment, an implementation plan) starts with that
    title as a level-1 heading for the site. The print writer leaves a level-1 section's
    heading out; from site Markdown (a view not converted to blocks) it is removed here, so
    the edition shows the title once.
    """
    first = pieces[0].content if pieces else ""
    if isinstance(first, str) and pieces[0].line is None and first.startswith("# "):
        pieces[0] = PagePart(first.partition("\n")[2])
    return text(display_title(doc, content))


def printed_part(part: PagePart, source: PrintSource, transform: BodyTransform,
                 drop_title: bool = True) -> PrintedBody:
    """One part of a page as pandoc Markdown: blocks through the print writer (the editor's
    Markdown among them through ``transform``), site Markdown through ``transform``."""
    if isinstance(part.content, str):
        return transform(part.content, replace(source, line=part.line))
    written = print_writer.write(part.content, source.anchors, drop_title)
    chunks: list[str] = []
    images = [ImageRef(image.path, f"{source.path} (beregnet afsnit)", image.data)
              for image in written.images]
    warnings: list[str] = []
    for piece in written.pieces:
        if isinstance(piece, str):
            chunks.append(piece.strip())
            continue
        printed = transform(piece.markdown, replace(source, line=piece.line))
        chunks.append(printed.markdown.strip())
        images.extend(printed.images)
        warnings.extend(printed.warnings)
    return PrintedBody("\n\n".join(c for c in chunks if c) + "\n", tuple(images),
                       tuple(warnings))


def anchor_of(doc: Any) -> str:
    return f"dok-{doc.source.doc_id}"


@dataclass(frozen=True, slots=True)
class SiteAddress:
    """Where the site is published (mkdocs.yml's ``site_url``), and how to draw a QR code
    of an address (the export adapter's; SVG bytes). Printed descriptions end with their
    address on the site; the colophon names the site."""

    url: str
    directory_urls: bool = True
    qr_code: Callable[[str], bytes] | None = None

    def page_url(self, doc: Any) -> str:
        """The document's page on the site, as MkDocs publishes it."""
        path = doc.source.path.rsplit(".", 1)[0]
        folder, _, name = path.rpartition("/")
        if name == "index":
            page = f"{folder}/" if folder else ""
        elif self.directory_urls:
            page = f"{path}/"
        else:
            page = f"{path}.html"
        return self.url.rstrip("/") + "/" + page


QR_FOLDER = "_qr"


def _on_site(doc: Any) -> str:
    """'Beskrivelsen', 'Vurderingen', 'Implementeringsplanen': what the address leads to."""
    for doc_type in document_types().values():
        if type(doc) is doc_type.model and doc_type.name != "practice":
            label = doc_type.label
            return label[:1].upper() + label[1:] + ("n" if label.endswith("e") else "en")
    return "Beskrivelsen"


def address_block(doc: Any, site: SiteAddress) -> tuple[str, tuple[ImageRef, ...]]:
    """The end of a printed document: a small QR code and its address on the site."""
    url = site.page_url(doc)
    what = _on_site(doc)
    if site.qr_code is None:
        return f"{what} på sitet: <{url}>\n", ()
    image = ImageRef(f"{QR_FOLDER}/{doc.source.doc_id}.svg", f"{doc.source.path} (QR-kode)",
                     site.qr_code(url))
    # Not justified in the PDF: a long address would spread the words of its line apart.
    return ("```{=typst}\n#[#set par(justify: false)\n```\n\n"
            f"![QR-kode til {what.lower()} på sitet]({image.path}){{width=1.6cm}}\u2003"
            f"{what} på sitet: <{url}>\n\n```{{=typst}}\n]\n```\n", (image,))


def prints_address(doc: Any) -> bool:
    """Descriptions and other documents with a page of their own; not free pages."""
    return not isinstance(doc, Page)


def assemble(edition: Edition, selection: Selection, ctx: PageContext,
             history: EditionHistory, transform: BodyTransform = plain_body,
             site: SiteAddress | None = None) -> AssembledEdition:
    """The whole handbook as one Markdown text: parts, documents, version history."""
    anchors = {doc.source.path: anchor_of(doc) for doc in selection.documents}
    chunks: list[str] = []
    images: list[ImageRef] = []
    headings: dict[str, str] = {}
    warnings: list[str] = []
    for number, part in enumerate(selection.parts, start=1):
        chunks.append(f"# {text(part.title)} {{#del-{number}}}\n")
        if part.intro:
            chunks.append(text(part.intro) + "\n")
        for doc in part.documents:
            pieces = document_pieces(doc, edition, ctx)
            heading = document_heading(doc, pieces, ctx.content)
            headings[doc.source.path] = heading
            chunks.append(f"## {heading} {{#{anchor_of(doc)}}}\n")
            for piece in pieces:
                if isinstance(piece.content, str) and not piece.content.strip():
                    continue
                printed = printed_part(piece, PrintSource(doc.source.path, None, anchors),
                                       transform)
                chunks.append(printed.markdown.strip() + "\n")
                images.extend(printed.images)
                warnings.extend(printed.warnings)
            if site is not None and prints_address(doc):
                block, qr_images = address_block(doc, site)
                chunks.append(block)
                images.extend(qr_images)
    if edition.computed:
        for appendix in print_appendices(list(selection.documents), ctx):
            chunks.append(f"# Bilag: {text(appendix.title)} {{#{appendix.anchor} .unnumbered}}\n")
            printed = printed_part(PagePart(appendix.content),
                                   PrintSource(f"bilag {appendix.key}", None, anchors), transform,
                                   drop_title=False)
            chunks.append(printed.markdown.strip() + "\n")
            images.extend(printed.images)
            warnings.extend(printed.warnings)
    chunks.append(history_markdown(selection.documents, history, headings))
    return AssembledEdition("\n".join(chunks), tuple(images), tuple(warnings))


# --- Everything the export adapter needs, in one value ---------------------------------------

@dataclass(frozen=True)
class EditionPlan:
    """One edition, ready to hand to pandoc: cover facts, Markdown, images and notes."""

    edition: Edition
    selection: Selection
    draft: bool
    markdown: str
    images: tuple[ImageRef, ...]
    history: EditionHistory
    cover: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def running_header(self) -> str:
        header = self.edition.heading
        return f"{header} · KLADDE" if self.draft else header


def as_of_note(edition: Edition) -> str:
    """What the colophon says about the day the computed figures are for."""
    return (f"Status pr. {format_date(edition.date)}: fremdrift, frister, scorer og "
            "forfaldne punkter i håndbogen er opgjort pr. udgavens dato.")


def cover_facts(edition: Edition, draft: bool, site: SiteAddress | None = None,
                left_out: str | None = None) -> dict[str, str]:
    """The cover's lines, already in Danish ('1. oktober 2026')."""
    facts = {
        "title": edition.title,
        "organisation": edition.organisation,
        "edition": f"Udgave {edition.edition}",
        "date": format_date(edition.date),
        "as_of": as_of_note(edition),
    }
    if edition.subtitle:
        facts["subtitle"] = edition.subtitle
    if edition.colophon:
        facts["colophon"] = edition.colophon
    if edition.revision_note:
        facts["revision_note"] = edition.revision_note
    if edition.back_cover:
        facts["back_cover"] = edition.back_cover
    if edition.cover_image:
        facts["cover_image"] = edition.cover_image
    if site is not None:
        facts["site"] = site.url
    if left_out:
        facts["left_out"] = left_out
    if draft:
        facts["draft"] = "KLADDE"
    return facts


# Reads the changes to the printed documents since the previous edition (git, in the
# export adapter); tests pass a function returning fixed data.
HistoryReader = Callable[[Edition, Sequence[Any]], EditionHistory]


def no_history(edition: Edition, documents: Sequence[Any]) -> EditionHistory:
    return EditionHistory(note="Ændringerne siden forrige udgave er ikke hentet.")


def plan_edition(edition: Edition, content: ContentSet, ctx: PageContext, draft: bool,
                 history: HistoryReader = no_history, transform: BodyTransform = plain_body,
                 site: SiteAddress | None = None) -> EditionPlan:
    """The edition as of its ``date``: progress, overdue milestones and priorities, reviews,
    activities and re-assessments are computed for that day, whatever day it is exported
    (``ctx.today`` is replaced), so the same sources give the same book."""
    ctx = replace(ctx, today=edition.date, printing=True)
    selection = select(edition, content, draft)
    changes = combined_history(edition, selection.documents, history)
    assembled = assemble(edition, selection, ctx, changes, transform, site)
    images = assembled.images
    if edition.cover_image is not None:
        where = f"{edition.source.path}:{edition.source.line_of(('cover_image',))}"
        images = (ImageRef(edition.cover_image, where), *images)
    return EditionPlan(edition, selection, draft, assembled.markdown, images,
                       changes, cover_facts(edition, draft, site,
                                            left_out_colophon(selection, content)),
                       assembled.warnings)


# --- Downloads on the site -------------------------------------------------------------------

def exported_files(directory: Path) -> dict[str, dict[str, Path]]:
    """The exported files in ``directory``: {edition id: {format: path}}."""
    found: dict[str, dict[str, Path]] = {}
    if not directory.is_dir():
        return found
    for path in sorted(directory.iterdir()):
        fmt = path.suffix.lstrip(".")
        if fmt in FORMATS and path.is_file() and not path.name.startswith("."):
            found.setdefault(path.stem, {})[fmt] = path
    return found


def download_links(found: Mapping[str, Mapping[str, Path]]) -> dict[str, dict[str, str]]:
    """Site paths of the exported files, for ``PageContext.editions``."""
    return {edition_id: {fmt: f"{DOWNLOAD_FOLDER}/{path.name}" for fmt, path in formats.items()}
            for edition_id, formats in found.items()}
