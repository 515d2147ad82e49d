"""Printed editions (handbooks): the book assembled from a selection, as pandoc will read it.

An edition manifest (``model.editions.Edition``) names documents by id or by folder, grouped
in parts; ``rules.editions`` selects the documents to print. This module makes the book of
them: each document as on its site page (``pages.page_parts`` with ``printing``; its blocks
through the print writer), the appendices, the version history and the cover facts, in one
``EditionPlan``. Nothing here runs pandoc, typst or git: the export adapter
(``praksis.export``) does, and hands the git history back in as data (``EditionHistory``).
Tests compare plans without any of those tools.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .changes import version_key
from .danish import format_date
from .fragments import table, text
from .model import Page
from .model.content import Document
from .model.editions import Edition
from .pages import page_parts, print_appendices
from .rules.editions import Selection, approval_of, left_out_colophon, select
from .rules.titles import display_title
from .types import document_types
from .views.context import PageContext, PagePart
from .writers import print as print_writer

if TYPE_CHECKING:
    from .model.content import ContentSet

# Document headings are level 2 under the part's level 1, so a body's '## Formål' becomes
# level 3 in print.
BODY_HEADING_SHIFT = print_writer.HEADING_SHIFT
HISTORY_TITLE = "Versionshistorik"
# A handbook lists the newest changes; older ones are counted, not listed.
MAX_CHANGES = 40


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


def own_changes(edition: Edition, documents: Iterable[Document]) -> tuple[Change, ...]:
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


def combined_history(edition: Edition, documents: Sequence[Document],
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


def _last_review(doc: Document) -> dt.date | None:
    dates = [entry.date for entry in doc.source.changes]
    reviewed = getattr(doc, "last_reviewed", None)
    if reviewed is not None:
        dates.append(reviewed)
    return max(dates, default=None)


def _version_of(doc: Document) -> str | None:
    version = getattr(doc, "version", None)
    if version is None:
        numbered = [(version_key(e.version), e.version) for e in doc.source.changes
                    if e.version and version_key(e.version) is not None]
        version = max(numbered)[1] if numbered else None
    return version


def markdown_title(doc: Document) -> str:
    return text(getattr(doc, "title", None) or doc.source.doc_id)


def version_rows(documents: Iterable[Document], titles: Mapping[str, str] | None = None
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


def history_markdown(documents: Sequence[Document], history: EditionHistory,
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


def document_pieces(doc: Document, edition: Edition, ctx: PageContext) -> list[PagePart]:
    """A document as on its site page, in reading order (``pages.page_parts``).

    The computed content around the body, or the body alone when the manifest says
    ``computed: false``. A renderer that replaces the body (an assessment's answers and
    comments beside its reflection, a plan's body without the answers shown under their
    milestones) replaces it in print too. The editor's own Markdown keeps its line in the
    file, so a message about it can name that line.
    """
    return page_parts(doc, ctx, computed=edition.computed)


def document_heading(doc: Document, pieces: list[PagePart], content: ContentSet) -> str:
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


def anchor_of(doc: Document) -> str:
    return f"dok-{doc.source.doc_id}"


@dataclass(frozen=True, slots=True)
class SiteAddress:
    """Where the site is published (mkdocs.yml's ``site_url``), and how to draw a QR code
    of an address (the export adapter's; SVG bytes). Printed descriptions end with their
    address on the site; the colophon names the site."""

    url: str
    directory_urls: bool = True
    qr_code: Callable[[str], bytes] | None = None

    def page_url(self, doc: Document) -> str:
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


def _on_site(doc: Document) -> str:
    """'Beskrivelsen', 'Vurderingen', 'Implementeringsplanen': what the address leads to."""
    for doc_type in document_types().values():
        if type(doc) is doc_type.model and doc_type.name != "practice":
            label = doc_type.label
            return label[:1].upper() + label[1:] + ("n" if label.endswith("e") else "en")
    return "Beskrivelsen"


def address_block(doc: Document, site: SiteAddress) -> tuple[str, tuple[ImageRef, ...]]:
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


def prints_address(doc: Document) -> bool:
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
HistoryReader = Callable[[Edition, Sequence[Document]], EditionHistory]


def no_history(edition: Edition, documents: Sequence[Document]) -> EditionHistory:
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
