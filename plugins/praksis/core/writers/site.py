"""The site writer: computed blocks as the HTML Material styles, with no Markdown step.

The MkDocs plugin puts each run of computed HTML into the page after Python-Markdown has read
the editor's own Markdown (``on_page_content``), so the writer gives what that step would have
given: heading ids (the site's slugify, unique on the page), Material's permalinks, and the
headings for the page's table of contents and its search. ``EditorMarkdown`` pieces are left
as Markdown for the engine to read, between the HTML runs.

Every value an editor typed is escaped here, so ``<script>`` and ``[x](javascript:..)`` show
as typed. Text repeated in every document of a kind (``Repeated``) carries Material's
``data-search-exclude``: it is found on its own reference page, not in every assessment.
Each HTML run also comes as search reads it (``SitePieces.search``): without what search
leaves out, and with a table's rows as lines of words, because Material's search parses
every tag of a page it indexes.

``markdown_page`` joins the pieces into one Markdown text with the HTML as raw blocks (and
the headings as Markdown headings): ``praksis render`` writes that for engines without the
plugin, and ``praksis check`` reads its anchors.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..anchors import heading_text, slugify, unique
from ..blocks import (
    Abbreviation,
    Advice,
    Block,
    BulletList,
    Cards,
    Chart,
    Code,
    Date,
    Details,
    EditorMarkdown,
    Emphasis,
    Facts,
    Inline,
    Inlines,
    LineBreak,
    Link,
    Note,
    Number,
    Paragraph,
    Percent,
    Progress,
    Repeated,
    RepeatedText,
    Section,
    Status,
    Strong,
    Symbol,
    Table,
    Text,
    Tone,
)
from ..blocks import walk as walk_blocks
from ..danish import decimal, format_date, percent
from ..markdown import headings as markdown_headings

# What Python-Markdown's toc writes when mkdocs.yml sets no permalink title or text.
DEFAULT_PERMALINK_TITLE = "Permanent link"


@dataclass(frozen=True, slots=True)
class Permalink:
    """The link after each heading, as the toc extension's settings make it."""

    title: str = DEFAULT_PERMALINK_TITLE
    text: str | None = None   # None: the pilcrow, written '&para;' as the toc extension does


@dataclass(frozen=True, slots=True)
class Heading:
    """A computed heading, for the page's table of contents (and Material's search)."""

    level: int
    id: str
    title: str   # escaped HTML text, as Python-Markdown's toc gives its titles


@dataclass(frozen=True, slots=True)
class SitePieces:
    """A page's computed content in reading order: HTML runs (``str``) and the editor's own
    Markdown between them (``EditorMarkdown``).

    ``search``: each HTML run as Material's search should read it (one per run of
    ``pieces``, in order): without what search leaves out anyway (``data-search-exclude``),
    so the search plugin need not parse charts and repeated text only to skip them."""

    pieces: tuple[str | EditorMarkdown, ...]
    headings: tuple[Heading, ...]
    search: tuple[str, ...] = ()


def content_href(from_path: str, to_path: str, directory_urls: bool = True) -> str:
    """The address of content file ``to_path`` from the page of ``from_path``, as MkDocs
    publishes pages ('praksis/x.md' -> 'praksis/x/')."""
    def url(path: str) -> str:
        stem = path.rsplit(".", 1)[0] if path.endswith(".md") else path
        folder, _, name = stem.rpartition("/")
        if not path.endswith(".md"):
            return path
        if name == "index":
            return f"{folder}/" if folder else ""
        return f"{stem}/" if directory_urls else f"{stem}.html"

    here, there = url(from_path), url(to_path)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    relative = posixpath.relpath(there or ".", base.rstrip("/") or ".")
    if there.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in (".", "./") else relative


@dataclass
class _Writer:
    href: Callable[[str], str]
    permalink: Permalink | None
    markdown_headings: bool
    used_ids: set[str]
    pieces: list[str | EditorMarkdown] = field(default_factory=list)
    run: list[str] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    search: list[str] = field(default_factory=list)
    search_run: list[str] = field(default_factory=list)
    unsearched: int = 0   # > 0 inside what search leaves out

    # --- pieces ---

    def emit(self, html_text: str, searched: bool = True) -> None:
        self.run.append(html_text)
        if searched and not self.unsearched:
            self.search_run.append(html_text)

    def emit_for_search(self, html_text: str) -> None:
        """What only search reads, in place of HTML it does not."""
        if not self.unsearched:
            self.search_run.append(html_text)

    def flush(self) -> None:
        if self.run:
            self.pieces.append("".join(self.run))
            self.search.append("".join(self.search_run))
            self.run, self.search_run = [], []

    def markdown(self, piece: EditorMarkdown) -> None:
        self.flush()
        self.pieces.append(piece)

    # --- blocks ---

    def blocks(self, blocks: Iterable[Block], exclude: bool = False) -> None:
        for block in blocks:
            self.block(block, exclude)

    def unsearched_blocks(self, blocks: Iterable[Block]) -> None:
        """Blocks search leaves out: marked on the page, absent from the search view."""
        self.unsearched += 1
        self.blocks(blocks, exclude=True)
        self.unsearched -= 1

    def block(self, block: Block, exclude: bool) -> None:
        search = " data-search-exclude" if exclude else ""
        match block:
            case Section():
                self.section(block, exclude)
            case Paragraph():
                self.emit(f"<p{search}>{self.inlines(block.children)}</p>\n")
            case Facts():
                items = "".join(f"<dt>{_escape(item.label)}</dt>\n<dd>{self.inlines(item.value)}"
                                "</dd>\n" for item in block.items)
                lead = f"<p>{self.inlines(block.lead)}</p>\n" if block.lead else ""
                self.emit(f'<div class="praksis-meta"{search}>\n{lead}<dl>\n{items}</dl>\n'
                          "</div>\n")
            case Table():
                self.table(block, search)
            case BulletList():
                items = "".join(f"<li>{self.inlines(item)}</li>\n" for item in block.items)
                self.emit(f"<ul{search}>\n{items}</ul>\n")
            case Chart():
                # The chart's numbers are in the table beside it: searched there, once.
                self.emit(f'<figure class="{_attribute(block.css)}" data-search-exclude>\n'
                          f"{block.svg}\n"
                          f"<figcaption>{_escape(block.caption)}</figcaption>\n</figure>\n",
                          searched=False)
            case Note():
                self.note(block, search, exclude)
            case Details():
                marks = ' markdown="1"' if self.markdown_headings and _has_markdown(block) else ""
                self.emit(f'<details class="note"{search}{marks}>\n'
                          f"<summary>{_escape(block.title)}</summary>\n")
                self.blocks(block.children, exclude)
                self.emit("</details>\n")
            case Cards():
                self.emit(f'<div class="grid cards praksis-headline"{search}>\n<ul>\n')
                for item in block.items:
                    self.emit("<li>\n")
                    self.blocks(item, exclude)
                    self.emit("</li>\n")
                self.emit("</ul>\n</div>\n")
            case EditorMarkdown():
                if block.markdown.strip():
                    self.markdown(block)
            case Repeated() | Advice():
                self.unsearched_blocks(block.children)

    def section(self, block: Section, exclude: bool) -> None:
        title_html = self.inlines(block.title)
        plain = html.unescape(_strip_tags(title_html))
        level = min(max(block.level, 1), 6)
        if self.markdown_headings:
            self.markdown(EditorMarkdown(f"{'#' * level} {_markdown_text(plain)}"))
        else:
            anchor = unique(slugify(plain), self.used_ids)
            permalink = ("" if self.permalink is None else
                         f'<a class="headerlink" href="#{_attribute(anchor)}" '
                         f'title="{_attribute(self.permalink.title)}">'
                         f"{_permalink_text(self.permalink)}</a>")
            self.emit(f'<h{level} id="{_attribute(anchor)}">{title_html}{permalink}'
                      f"</h{level}>\n")
            self.headings.append(Heading(level, anchor, _escape(plain)))
        self.blocks(block.children, exclude)

    def table(self, block: Table, search: str) -> None:
        aligns = [_align(c.align) for c in block.columns]
        head = "".join(f"<th{a}>{self.inlines(c.header)}</th>"
                       for a, c in zip(aligns, block.columns, strict=True))
        cells = [[self.inlines(cell) for cell in row] for row in block.rows]
        rows = "".join("<tr>" + "".join(f"<td{a}>{cell}</td>"
                                        for a, cell in zip(aligns, row, strict=True)) + "</tr>\n"
                       for row in cells)
        table = (f"<table{search}>\n"
                 # Column headers are the same in every document of a kind: not searched.
                 f"<thead data-search-exclude>\n<tr>{head}</tr>\n</thead>\n"
                 f"<tbody>\n{rows}</tbody>\n</table>\n")
        if block.css:
            table = f'<div class="{_attribute(block.css)}">\n{table}</div>\n'
        self.emit(table, searched=False)
        # Search reads each row as one line of words: what it indexes, without the table's
        # markup (its parser's cost is per tag) and with spaces between the cells.
        if not search:
            self.emit_for_search("".join(
                "<p>" + " ".join(words for cell in row if (words := _searched_text(cell)))
                + "</p>\n" for row in cells))

    def note(self, block: Note, search: str, exclude: bool) -> None:
        if block.kind == "danger":
            self.emit(f'<div class="admonition danger"{search}>\n'
                      f'<p class="admonition-title">{_escape(block.title)}</p>\n')
        else:
            marks = ' markdown="1"' if self.markdown_headings and _has_markdown(block) else ""
            self.emit(f'<div class="praksis-{block.kind}"{search}{marks}>\n')
            if block.title:
                self.emit(f"<p><strong>{_escape(block.title)}</strong></p>\n")
        self.blocks(block.children, exclude)
        self.emit("</div>\n")

    # --- inline ---

    def inlines(self, nodes: Inlines) -> str:
        return "".join(self.inline(node) for node in nodes)

    def inline(self, node: Inline) -> str:
        match node:
            case Text():
                return _escape(node.value)
            case Strong():
                return f"<strong>{self.inlines(node.children)}</strong>"
            case Emphasis():
                return f"<em>{self.inlines(node.children)}</em>"
            case Link():
                if not node.target:
                    return self.inlines(node.children)   # an appendix: print only
                return (f'<a href="{_attribute(self.href(node.target))}">'
                        f"{self.inlines(node.children)}</a>")
            case Date():
                return _escape(format_date(node.value))
            case Number():
                return _escape(signed_number(node))
            case Percent():
                return _escape(percent(node.value))
            case Status():
                return (f'<span class="praksis-badge praksis-badge--{_tone(node.tone)}">'
                        f"{_escape(node.label)}</span>")
            case Progress():
                shown = percent(node.value)
                aria = _attribute(f"{node.label}: {shown}")
                return (f'<progress class="praksis-progress" value="{float(node.value):.3f}" '
                        f'max="1" aria-label="{aria}">{shown}</progress> {shown}')
            case Symbol():
                return (f'<span class="praksis-symbol praksis-badge--{_tone(node.tone)}" '
                        f'role="img" aria-label="{_attribute(node.label)}" '
                        f'title="{_attribute(node.hover)}">{_escape(node.symbol)}</span>')
            case Abbreviation():
                return (f'<abbr title="{_attribute(node.full)}">'
                        f"{self.inlines(node.children)}</abbr>")
            case RepeatedText():
                return f"<span data-search-exclude>{_escape(node.value)}</span>"
            case LineBreak():
                return "<br>"
            case Code():
                return f"<code>{_escape(node.value)}</code>"
        raise TypeError(f"unknown inline node {node!r}")


def _permalink_text(permalink: Permalink) -> str:
    return "&para;" if permalink.text is None else _escape(permalink.text)


def signed_number(node: Number) -> str:
    shown = decimal(node.value)
    return "+" + shown if node.signed and node.value is not None and node.value > 0 else shown


def write(blocks: Iterable[Block], from_path: str, *,
          href: Callable[[str], str] | None = None,
          permalink: Permalink | None = Permalink(),
          taken_ids: Iterable[str] = ()) -> SitePieces:
    """The page's computed content as HTML runs and editor Markdown, with its headings.

    ``href`` turns a content path into the address the page links to (the plugin asks
    MkDocs); ``taken_ids``: ids the page has already. The editor Markdown's own headings
    are added to them, so a computed heading never takes an editor's id."""
    blocks = tuple(blocks)
    used = set(taken_ids) | _editor_ids(blocks)
    writer = _Writer(href or (lambda target: content_href(from_path, target)),
                     permalink, False, used)
    writer.blocks(blocks)
    writer.flush()
    return SitePieces(tuple(writer.pieces), tuple(writer.headings), tuple(writer.search))


def markdown_page(blocks: Iterable[Block], from_path: str) -> str:
    """The computed content as one Markdown text: HTML as raw blocks, headings as Markdown
    headings, the editor's Markdown as written (for engines without the plugin)."""
    writer = _Writer(lambda target: content_href(from_path, target), None, True, set())
    writer.blocks(blocks)
    writer.flush()
    return "\n\n".join(p.markdown.strip() if isinstance(p, EditorMarkdown) else p.strip()
                       for p in writer.pieces) + "\n"


def _editor_ids(blocks: Iterable[Block]) -> set[str]:
    ids: set[str] = set()
    for block in walk_blocks(blocks):
        if isinstance(block, EditorMarkdown) and "#" in block.markdown:
            for found in markdown_headings(block.markdown, 1):
                ids.add(unique(slugify(heading_text(found.text)), ids))
    return ids


_EXCLUDED_SPAN = re.compile(r"<span data-search-exclude>.*?</span>")
_TAG = re.compile(r"<[^>]+>")


_FIGURES = re.compile(r"[\d\s,.:+%–-]*")


def _searched_text(cell_html: str) -> str:
    """A cell's words as search indexes them (our own HTML: its marks are known); a cell of
    figures alone (a score, a percentage, '–') is not searched."""
    words = _TAG.sub("", _EXCLUDED_SPAN.sub("", cell_html))
    return "" if _FIGURES.fullmatch(words) else words


def _has_markdown(block: Block) -> bool:
    return any(isinstance(b, EditorMarkdown) for b in walk_blocks((block,)))


def _escape(value: str) -> str:
    return html.escape(value, quote=False)


def _attribute(value: str) -> str:
    return html.escape(" ".join(value.split()), quote=True)


def _tone(tone: Tone | str) -> str:
    value = tone.value if isinstance(tone, Tone) else tone
    return "".join(c for c in value if c.isalnum() or c == "-")


def _align(align: str) -> str:
    return f' style="text-align: {align};"'


def _strip_tags(html_text: str) -> str:
    out, inside = [], False
    for char in html_text:
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out)


# What Markdown could read in a heading line (emphasis, links, code, HTML, attribute lists).
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]#<>&"})


def _markdown_text(value: str) -> str:
    """Plain text for a Markdown heading line: every character Markdown could read escaped."""
    return " ".join(value.translate(_MARKDOWN_SPECIAL).split())
