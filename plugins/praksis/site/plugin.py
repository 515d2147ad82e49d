"""The MkDocs plugin ``praksis``: every hook is a few lines that call the core."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import logging
from html import escape
from importlib import resources
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..core import DocumentCache, Problem, Severity, load_content, summarize
from ..core.anchors import slugify
from ..core.blocks import Blocks
from ..core.clock import today as resolved_today
from ..core.fragments import MARKDOWN_EXTENSIONS, problems_notice, withheld_page
from ..core.frontmatter import strip_front_matter
from ..core.links import Reference, link_problems
from ..core.model.content import ContentSet
from ..core.pages import (
    OUTSIDE_NAV,
    SECTION_ORDER,
    generated_markdown,
    generated_pages,
    page_parts,
    section_titles,
)
from ..core.personal_data import PERSONAL_DATA_KEY, find_cpr_numbers
from ..core.rules.titles import display_title
from ..core.views.context import Generated, PageContext, PagePart
from ..core.writers import site as site_writer
from .computed import ComputedHtml
from .config import PraksisConfig
from .downloads import download_links, exported_files

# Under "mkdocs." so `mkdocs build --strict` counts our warnings.
log = logging.getLogger("mkdocs.plugins.praksis")
# The one line counting the notes (advice, never a warning); `praksis build` shows it.
notes_log = logging.getLogger("mkdocs.plugins.praksis.notes")

CSS_PATH = "assets/praksis/praksis.css"
JS_PATH = "assets/praksis/praksis.js"
# Material templates in Danish (404 page, footer with the editors' corner, one <title>).
THEME_DIR = Path(__file__).parent / "theme"


class PraksisPlugin(BasePlugin[PraksisConfig]):
    def __init__(self) -> None:
        # Survives `mkdocs serve` rebuilds (MkDocs reuses plugin instances), so an edit
        # re-checks only the files whose content changed.
        self.cache = DocumentCache()
        # Each body's links, by digest (previews).
        self.link_cache: dict[str, tuple[Reference, ...]] = {}
        self.content: ContentSet | None = None
        self.context: PageContext | None = None
        self.generated: dict[str, str | Generated] = {}
        self.exported: dict[str, dict[str, Path]] = {}
        self.serving = False
        self.project = Path(".")
        self.computed = ComputedHtml()
        self.page_views: dict[str, str] = {}   # a page's whole content while search reads
        self.permalink: site_writer.Permalink | None = site_writer.Permalink()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # While previewing, content errors are shown on the page instead of stopping the
        # server; a build for publishing stops on them.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.project = Path(config.config_file_path or ".").resolve().parent
        # Only a preview needs the cache: a build would keep every document alive in it.
        cache = self.cache if self.serving else None
        today = self._today()
        self.content = load_content(Path(config.docs_dir), cache, project_root=self.project,
                                    today=today)
        for problem in self.content.problems:
            level = (log.error if problem.is_error else
                     log.warning if problem.is_warning else log.debug)  # notes: counted below
            level(problem.format())
        notes = sum(1 for p in self.content.problems if p.severity is Severity.INFO)
        if notes:
            notes_log.info(f"{notes} {'note: se den' if notes == 1 else 'noter: se dem'} med "
                           "praksis check")
        if self.content.errors:
            summary = summarize(self.content.problems, self.content.files)
            if not self.serving:
                raise PluginError(f"praksis: {summary} Ret fejlene ovenfor, og byg igen.")
            log.error(f"praksis: {summary} Forhåndsvisningen kører videre; fejlene står også "
                      "øverst på de berørte sider.")
        # Printed editions `praksis export` wrote: linked from "Håndbøger", copied in on_files.
        self.exported = exported_files(self.project / self.config.editions_dir)
        self.context = PageContext(self.content, today,
                                   adjusted_scores=self.config.adjusted_scores,
                                   editions=download_links(self.exported))
        for extension in MARKDOWN_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.extra_css.append(CSS_PATH)
        config.extra_javascript.append(JS_PATH)
        # Heading anchors as pandoc (the printed editions) makes them, unless mkdocs.yml
        # says otherwise.
        toc = config.mdx_configs.setdefault("toc", {})
        toc.setdefault("slugify", slugify)
        # Computed headings get the permalinks the toc extension gives the editor's.
        permalink = toc.get("permalink")
        self.permalink = site_writer.Permalink(
            toc.get("permalink_title", site_writer.DEFAULT_PERMALINK_TITLE),
            permalink if isinstance(permalink, str) else None,
        ) if permalink else None
        self.computed = ComputedHtml()
        # After a project's own custom_dir, before the theme's templates.
        dirs = config.theme.dirs
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.content is None or self.context is None:
            return None
        if self.serving:
            _withhold_personal_data(files, config, self.content)
        self.generated = generated_pages(self.context)
        self._check_links()
        for path, page in self.generated.items():
            files.append(File.generated(config, path, content=generated_markdown(page, path)))
        assets = resources.files("praksis.site").joinpath("assets")
        for path in (CSS_PATH, JS_PATH):
            content = assets.joinpath(path.rsplit("/", 1)[1]).read_text("utf-8")
            files.append(File.generated(config, path, content=content))
        for edition_id, formats in self.exported.items():
            for fmt, source in formats.items():
                site_path = self.context.editions[edition_id][fmt]
                files.append(File.generated(config, site_path, abs_src_path=str(source)))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.context is None:
            return None
        titles = section_titles(self.context, self.generated)
        for item in nav.items:
            if isinstance(item, Section) and (folder := _folder_of(item)) in titles:
                item.title = titles[folder]
        order = {folder: index for index, folder in enumerate(SECTION_ORDER)}
        # The start page, then the sections in the readers' order, then other top-level
        # pages (the tag index): with navigation.tabs this is the order of the tabs.
        nav.items.sort(key=lambda item: (_top_level_rank(item),
                                         order.get(_folder_of(item) or "", len(order)),
                                         (item.title or "").casefold() if isinstance(item, Section)
                                         else ""))
        # The editors' corner leaves the readers' navigation (the footer links it).
        nav.items = [item for item in nav.items if _folder_of(item) not in OUTSIDE_NAV]
        # "Previous" and "next" follow the navigation as readers see it.
        pages = _pages_in(nav.items)
        for page in nav.pages:
            page.previous_page = page.next_page = None
        for before, after in itertools.pairwise(pages):
            before.next_page, after.previous_page = after, before
        nav.pages = pages
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        if not self.config.enabled or self.content is None or self.context is None:
            return None
        # MkDocs and Material put the front matter's title into the HTML as is (<title>, the
        # navigation, the heading): make it text, like every other value an editor writes.
        doc = self.content.by_path(page.file.src_uri)
        if doc is not None and "title" in page.meta and not isinstance(page.meta["title"], str):
            # 'title: null' (MkDocs would show "None"): the core's display title.
            page.meta["title"] = display_title(doc, self.content)
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = escape(page.meta["title"], quote=False)
        # A generated page made of blocks is written like a document's computed content.
        generated = self.generated.get(page.file.src_uri)
        parts = (page_parts(doc, self.context) if doc is not None else
                 [PagePart(generated.content)] if isinstance(generated, Generated) else None)
        # A file that failed its check still gets a page while previewing, without the raw
        # front matter MkDocs leaves in when it cannot read it.
        if parts is None:
            rendered = strip_front_matter(markdown)
        else:
            def href(target: str) -> str:
                found = files.get_file_from_path(target)
                return (found.url_relative_to(page.file) if found is not None
                        else site_writer.content_href(page.file.src_uri, target))

            def write(blocks: Blocks) -> site_writer.SitePieces:
                written = site_writer.write(blocks, page.file.src_uri, href=href,
                                            permalink=self.permalink)
                # A title computed as the page's heading (no 'title' key): MkDocs would
                # take it from a Markdown heading, which computed HTML is not.
                first = next(iter(written.headings), None)
                if first is not None and first.level == 1 and "title" not in page.meta:
                    page.meta["title"] = first.title
                return written

            rendered = self.computed.page_markdown(page.file.src_uri, parts, write)
        if self.serving:
            rendered = problems_notice(self.content.problems_in(page.file.src_uri)) + rendered
        return rendered

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        # A title taken from the page's heading is escaped HTML, but Material writes
        # {{ page.title | striptags }} into <title>, and striptags turns &lt; back into <: a
        # title with "</title><script>" would end the element and run. Material writes a
        # front matter title as is, so make the (escaped) heading title that.
        if self.config.enabled and "title" not in page.meta and page.title:
            page.meta["title"] = page.title
        if not self.config.enabled:
            return None
        html, page.toc = self.computed.insert(page.file.src_uri, html, page.toc)
        return html

    # Material's search reads page.content in on_page_context (default priority): it reads
    # the page without what it leaves out anyway (charts, repeated text), and the theme then
    # renders the whole page.
    @event_priority(50)
    def _search_view(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                     nav: Navigation) -> TemplateContext:
        if self.config.enabled and (view := self.computed.search_view(page.file.src_uri)):
            self.page_views[page.file.src_uri] = page.content or ""
            page.content = view
        return context

    @event_priority(-50)
    def _page_view(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                   nav: Navigation) -> TemplateContext:
        if (content := self.page_views.pop(page.file.src_uri, None)) is not None:
            page.content = content
        return context

    on_page_context = CombinedEvent(_search_view, _page_view)

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> None:
        # Every page has its Markdown now, and MkDocs is about to write them all while it
        # holds every page's HTML: the peak. A build no longer needs the documents; a
        # preview keeps them for the error notices.
        if not self.serving:
            self.content = self.context = None

    def _check_links(self) -> None:
        """Links and images that lead nowhere: praksis's Danish check replaces MkDocs' own."""
        if self.content is None or self.context is None:
            return
        found = link_problems(self.content, self.generated.keys(),
                              self.link_cache if self.serving else None)
        if not found:
            return
        for problem in found:
            log.error(problem.format())
        if not self.serving:
            raise PluginError(f"praksis: {summarize(found, self.content.files)} Ret fejlene "
                              "ovenfor, og byg igen.")
        # While previewing, the problems are shown on their pages like every other.
        problems = tuple(sorted((*self.content.problems, *found), key=Problem.sort_key))
        self.content = dataclasses.replace(self.content, problems=problems)
        self.context = dataclasses.replace(self.context, content=self.content)

    def _today(self) -> dt.date:
        try:
            return resolved_today(self.config.today, source="plugin-indstillingen 'today'")
        except ValueError as exc:
            raise PluginError(f"praksis: {exc}") from None


def _withhold_personal_data(files: Files, config: MkDocsConfig, content: ContentSet) -> None:
    """While previewing, a file that holds a CPR number is served as its error notice and a
    file whose name holds one is left out, so neither page nor search index shows it. (A
    build for publishing stops on them.)"""
    for file in list(files):
        if any(find_cpr_numbers(file.src_uri)):
            files.remove(file)
            continue
        if not file.is_documentation_page():
            continue
        problems = content.problems_in(file.src_uri)
        if any(p.key == PERSONAL_DATA_KEY for p in problems):
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=withheld_page(problems)))


def _top_level_rank(item: object) -> int:
    if isinstance(item, Section):
        return 1
    file = getattr(item, "file", None)
    return 0 if file is not None and file.src_uri == "index.md" else 2


def _pages_in(items: list[StructureItem]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages.extend(_pages_in(item.children))
    return pages


def _folder_of(item: object) -> str | None:
    """The top folder of a navigation section: the folder of its first page."""
    if isinstance(item, Section):
        for child in item.children:
            if isinstance(child, Page):
                return child.file.src_uri.split("/", 1)[0]
            if (folder := _folder_of(child)) is not None:
                return folder
    return None
