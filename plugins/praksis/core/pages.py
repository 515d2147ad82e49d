"""What the site shows for each document: fragments injected into pages, generated pages.

Each document type registers a renderer, and features that add to another type's page (the
latest scores on a practice page, the implementation status) register a section. The MkDocs
plugin calls only ``page_parts`` and ``generated_pages``; a future site engine can too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .blocks import Blocks
from .content import ContentSet
from .writers import site as site_writer


@dataclass(frozen=True)
class PageContext:
    content: ContentSet
    today: dt.date
    adjusted_scores: bool = False
    # Download links to the printed editions, when they exist: {edition id: {format: path}}.
    editions: dict[str, dict[str, str]] = field(default_factory=dict)
    # True while a printed edition is assembled: text repeated in every chapter (guiding
    # questions, element definitions, the note on scores) goes to an appendix instead, and
    # instructions meant for editors are left out.
    printing: bool = False


Renderer = Callable[[Any, PageContext], "PageFragment"]
GeneratedPage = Callable[[PageContext], dict[str, str]]


# Computed content: blocks (``core.blocks``, which the site and print writers render), or site
# Markdown from a view not converted to blocks yet.
Computed = str | Blocks


@dataclass(frozen=True)
class PageFragment:
    """Computed content to put before and after a document's own body.

    ``body``, when set, replaces the body on the page: for a renderer that interleaves
    generated parts with the editor's own sections (an assessment shows each element's
    answers and score next to the reflection under that element's heading). The first
    renderer of a type that sets it wins.
    """

    before: Computed = ""
    after: Computed = ""
    body: Computed | None = None


@dataclass(frozen=True)
class PagePart:
    """One part of a page in reading order: computed content, or the editor's body as
    written (``line``: the body's first line in the file, for messages)."""

    content: Computed
    line: int | None = None


@dataclass(frozen=True)
class Appendix:
    """Text a printed edition holds once, at the end, for every chapter that refers to it
    (a framework's guiding questions, an instrument's element definitions)."""

    key: str        # one appendix per key, however many chapters refer to it
    title: str      # Danish, the appendix's heading
    content: Computed   # blocks (or site Markdown), headings from level 2

    @property
    def anchor(self) -> str:
        return appendix_anchor(self.key)


def appendix_anchor(key: str) -> str:
    return f"bilag-{key}"


AppendixMaker = Callable[[Any, PageContext], "list[Appendix]"]

_RENDERERS: dict[type, list[Renderer]] = {}
_GENERATORS: list[GeneratedPage] = []
_APPENDICES: dict[type, list[AppendixMaker]] = {}


def renders(model: type) -> Callable[[Renderer], Renderer]:
    """Register a renderer adding to the page of every document of ``model``."""
    def decorate(renderer: Renderer) -> Renderer:
        _RENDERERS.setdefault(model, []).append(renderer)
        return renderer
    return decorate


def appendix_for(model: type) -> Callable[[AppendixMaker], AppendixMaker]:
    """Register a function naming the appendices a printed ``model`` document refers to."""
    def decorate(maker: AppendixMaker) -> AppendixMaker:
        _APPENDICES.setdefault(model, []).append(maker)
        return maker
    return decorate


def print_appendices(documents: list[Any], ctx: PageContext) -> list[Appendix]:
    """The appendices the printed documents refer to, each once, in order of first use."""
    _load_renderers()
    found: dict[str, Appendix] = {}
    for doc in documents:
        for maker in _APPENDICES.get(type(doc), []):
            for appendix in maker(doc, ctx):
                found.setdefault(appendix.key, appendix)
    return list(found.values())


def generates(generator: GeneratedPage) -> GeneratedPage:
    """Register a function returning generated pages as {content path: Markdown}."""
    _GENERATORS.append(generator)
    return generator


def _load_renderers() -> None:
    from . import views  # noqa: F401  (registers the built-in renderers)


def _page_sections(doc: Any, ctx: PageContext, computed: bool = True
                   ) -> tuple[list[PagePart], PagePart, list[PagePart]]:
    body = PagePart(doc.source.body, doc.source.body_line)
    if not computed:
        return [], body, []
    _load_renderers()
    before: list[PagePart] = []
    after: list[PagePart] = []
    replaced: Computed | None = None
    for renderer in _RENDERERS.get(type(doc), []):
        fragment = renderer(doc, ctx)
        if fragment.before:
            before.append(PagePart(fragment.before))
        if fragment.after:
            after.append(PagePart(fragment.after))
        replaced = fragment.body if replaced is None else replaced
    if replaced is not None:
        body = PagePart(replaced)
    return before, body, after


def page_parts(doc: Any, ctx: PageContext, computed: bool = True) -> list[PagePart]:
    """The document's page in reading order: each renderer's content before the body, the
    body (or the renderer's replacement of it), each renderer's content after it.
    ``computed=False``: the body alone (an edition that prints no computed content)."""
    before, body, after = _page_sections(doc, ctx, computed)
    return [*before, body, *after]


def page_blocks(doc: Any, ctx: PageContext) -> Blocks:
    """Every block the document's page computes (tests hold them against both writers)."""
    return tuple(block for part in page_parts(doc, ctx) if not isinstance(part.content, str)
                 for block in part.content)


def render_page(doc: Any, ctx: PageContext) -> str:
    """The document's page as one Markdown text, computed content included (as raw HTML):
    what ``praksis render`` writes and ``praksis check`` reads the anchors of."""
    def markdown(parts: list[PagePart]) -> str:
        return "\n".join(filter(None, (
            part.content if isinstance(part.content, str)
            else site_writer.markdown_page(part.content, doc.source.path) for part in parts)))

    before, body, after = _page_sections(doc, ctx)
    texts = [markdown(before), markdown([body]).strip(), markdown(after)]
    return "\n\n".join(t for t in texts if t) + "\n"


def generated_pages(ctx: PageContext) -> dict[str, str]:
    _load_renderers()
    pages: dict[str, str] = {}
    for generator in _GENERATORS:
        pages.update(generator(ctx))
    return pages


# Sections in the order readers need them; folders not listed follow in alphabetical order.
SECTION_ORDER = ("praksis", "vurderinger", "implementering", "haandboeger", "reference")
# Folders kept out of the readers' navigation: the editors' corner, linked from the footer.
OUTSIDE_NAV = ("reference",)


def section_titles(ctx: PageContext, generated: dict[str, str]) -> dict[str, str]:
    """{folder: title} from each folder's index page, so the navigation says 'Håndbøger'
    where the folder is named 'haandboeger' (URLs stay ASCII, headings stay Danish)."""
    from .model import Page

    titles: dict[str, str] = {}
    for doc in ctx.content.of_type(Page):
        folder, _, name = doc.source.path.rpartition("/")
        if name == "index.md" and folder and doc.title:
            titles[folder] = doc.title
    for path, markdown in generated.items():
        folder, _, name = path.rpartition("/")
        title = _title_of(markdown)
        if name == "index.md" and folder and title and folder not in titles:
            titles[folder] = title
    return titles


def _title_of(markdown: str) -> str | None:
    """The ``title:`` of a generated page's front matter (we write those ourselves)."""
    if not markdown.startswith("---\n"):
        return None
    front = markdown[4:].split("\n---", 1)[0]
    for line in front.split("\n"):
        if line.startswith("title:"):
            return line[len("title:"):].strip().strip("\"'") or None
    return None
