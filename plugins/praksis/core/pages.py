"""What the site shows for each document: fragments injected into pages, generated pages.

The tables below say it all: the renderers of each type's page in page order, the appendices
a printed document refers to, and the generated pages. The MkDocs plugin calls only
``page_parts`` and ``generated_pages``; a future site engine can too.
"""

from __future__ import annotations

import json
import re

from .blocks import Blocks
from .model import Page, Practice
from .model.assessment import Assessment
from .model.content import Document
from .model.milestones import ImplementationPlan
from .views import assessment, editions, milestones, overview, practice, reference
from .views.context import (
    Appendix,
    AppendixMaker,
    Computed,
    Generated,
    GeneratedPage,
    PageContext,
    PagePart,
    Renderer,
)
from .writers import site as site_writer

# Each type's renderers, in the order their fragments appear on the page (before the body
# first to last; after the body likewise). The first that replaces the body wins.
RENDERERS: dict[type, tuple[Renderer, ...]] = {
    Assessment: (assessment.assessment_page,),
    Practice: (assessment.practice_scores, milestones.practice_implementation,
               practice.practice_page),
    ImplementationPlan: (milestones.plan_page,),
    Page: (practice.free_page_approval, overview.overview),
}

# What a printed document refers to that an edition holds once, at the end.
APPENDICES: dict[type, tuple[AppendixMaker, ...]] = {
    Assessment: (assessment.assessment_appendices,),
    Practice: (assessment.practice_appendices,),
    ImplementationPlan: (milestones.plan_appendices,),
}

# Pages made from the content as a whole: {content path: Markdown}.
GENERATED_PAGES: tuple[GeneratedPage, ...] = (
    editions.editions_page,
    milestones.dashboard_page,
    reference.reference_page,
)


def print_appendices(documents: list[object], ctx: PageContext) -> list[Appendix]:
    """The appendices the printed documents refer to, each once, in order of first use."""
    found: dict[str, Appendix] = {}
    for doc in documents:
        for maker in APPENDICES.get(type(doc), ()):
            for appendix in maker(doc, ctx):
                found.setdefault(appendix.key, appendix)
    return list(found.values())


def _page_sections(doc: Document, ctx: PageContext, computed: bool = True
                   ) -> tuple[list[PagePart], PagePart, list[PagePart]]:
    body = PagePart(doc.source.body, doc.source.body_line)
    if not computed:
        return [], body, []
    before: list[PagePart] = []
    after: list[PagePart] = []
    replaced: Computed | None = None
    for renderer in RENDERERS.get(type(doc), ()):
        fragment = renderer(doc, ctx)
        if fragment.before:
            before.append(PagePart(fragment.before))
        if fragment.after:
            after.append(PagePart(fragment.after))
        replaced = fragment.body if replaced is None else replaced
    if replaced is not None:
        body = PagePart(replaced)
    return before, body, after


def page_parts(doc: Document, ctx: PageContext, computed: bool = True) -> list[PagePart]:
    """The document's page in reading order: each renderer's content before the body, the
    body (or the renderer's replacement of it), each renderer's content after it.
    ``computed=False``: the body alone (an edition that prints no computed content)."""
    before, body, after = _page_sections(doc, ctx, computed)
    return [*before, body, *after]


def page_blocks(doc: Document, ctx: PageContext) -> Blocks:
    """Every block the document's page computes (tests hold them against both writers)."""
    return tuple(block for part in page_parts(doc, ctx) if not isinstance(part.content, str)
                 for block in part.content)


def render_page(doc: Document, ctx: PageContext) -> str:
    """The document's page as one Markdown text, computed content included (as raw HTML):
    what ``praksis render`` writes and ``praksis check`` reads the anchors of."""
    def markdown(parts: list[PagePart]) -> str:
        return "\n".join(filter(None, (
            part.content if isinstance(part.content, str)
            else site_writer.markdown_page(part.content, doc.source.path) for part in parts)))

    before, body, after = _page_sections(doc, ctx)
    texts = [markdown(before), markdown([body]).strip(), markdown(after)]
    return "\n\n".join(t for t in texts if t) + "\n"


def generated_pages(ctx: PageContext) -> dict[str, str | Generated]:
    """{content path: page} of every generated page: site Markdown with its front matter, or
    a title and blocks (``generated_markdown`` gives either as Markdown)."""
    pages: dict[str, str | Generated] = {}
    for generator in GENERATED_PAGES:
        pages.update(generator(ctx))
    return pages


def generated_markdown(page: str | Generated, path: str) -> str:
    """A generated page as one Markdown text with its front matter (the file MkDocs gets,
    what ``praksis render`` writes); blocks as raw HTML (``site.markdown_page``)."""
    if isinstance(page, str):
        return page
    # A JSON string is a YAML double-quoted scalar: quoted only when YAML would misread it.
    title = json.dumps(page.title, ensure_ascii=False) if _YAML_SPECIAL.search(page.title) \
        else page.title
    return (f"---\ntype: page\ntitle: {title}\n---\n\n"
            + site_writer.markdown_page(page.content, path))


_YAML_SPECIAL = re.compile(r"""[:#"'\\\[\]{}&*!|>%@`]|^[-?\s]|\s$""")


# Sections in the order readers need them; folders not listed follow in alphabetical order.
SECTION_ORDER = ("praksis", "vurderinger", "implementering", "haandboeger", "reference")
# Folders kept out of the readers' navigation: the editors' corner, linked from the footer.
OUTSIDE_NAV = ("reference",)


def section_titles(ctx: PageContext, generated: dict[str, str | Generated]) -> dict[str, str]:
    """{folder: title} from each folder's index page, so the navigation says 'Håndbøger'
    where the folder is named 'haandboeger' (URLs stay ASCII, headings stay Danish)."""
    titles: dict[str, str] = {}
    for doc in ctx.content.of_type(Page):
        folder, _, name = doc.source.path.rpartition("/")
        if name == "index.md" and folder and doc.title:
            titles[folder] = doc.title
    for path, page in generated.items():
        folder, _, name = path.rpartition("/")
        title = _title_of(page) if isinstance(page, str) else page.title
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
