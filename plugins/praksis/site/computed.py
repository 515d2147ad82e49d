"""Computed HTML into MkDocs pages after the Markdown step, and its headings into the toc.

``on_page_markdown`` leaves a placeholder paragraph where each run of computed HTML goes (the
editor's own Markdown stays around it, for Python-Markdown to read as usual);
``on_page_content`` swaps each ``<p>placeholder</p>`` for its HTML and adds the computed
headings to ``page.toc`` in reading order, so Material's sidebar and search see them. It
also keeps the page as search reads it (``search_view``): without the charts and repeated
text search leaves out, which its HTML parser would otherwise walk through only to skip.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..core.blocks import Blocks, EditorMarkdown
from ..core.views.context import PagePart
from ..core.writers import site as site_writer


@dataclass(frozen=True)
class PageHtml:
    html: dict[str, str]                      # placeholder -> computed HTML
    search: dict[str, str]                    # placeholder -> the same as search reads it
    headings: tuple[site_writer.Heading, ...]


@dataclass
class ComputedHtml:
    """The computed HTML of the pages being built, by page (one instance per build)."""

    # Letters and digits only, so Python-Markdown leaves it as is; random per build, so no
    # editor's text can be mistaken for one.
    nonce: str = field(default_factory=lambda: secrets.token_hex(6))
    pages: dict[str, PageHtml] = field(default_factory=dict)
    # Each page's content as Material's search reads it, by page, until search has read it.
    search_views: dict[str, str] = field(default_factory=dict)

    def page_markdown(self, key: str, parts: Iterable[PagePart],
                      write: Callable[[Blocks], site_writer.SitePieces]) -> str:
        """The page's Markdown: the editor's own text, placeholders for computed HTML."""
        texts: list[str] = []
        html: dict[str, str] = {}
        search: dict[str, str] = {}
        headings: list[site_writer.Heading] = []
        for part in parts:
            if isinstance(part.content, str):
                texts.append(part.content.strip())
                continue
            written = write(part.content)
            headings.extend(written.headings)
            runs = iter(written.search)
            for piece in written.pieces:
                if isinstance(piece, EditorMarkdown):
                    texts.append(piece.markdown.strip())
                else:
                    token = f"praksis{self.nonce}x{len(html)}"
                    html[token] = piece
                    search[token] = next(runs)
                    texts.append(token)
        if html:
            self.pages[key] = PageHtml(html, search, tuple(headings))
        else:
            self.pages.pop(key, None)
        return "\n\n".join(t for t in texts if t) + "\n"

    def insert(self, key: str, content: str, toc: TableOfContents) -> tuple[str, TableOfContents]:
        """The page's HTML with the computed HTML in place, and its toc with their headings."""
        page = self.pages.pop(key, None)
        if page is None:
            return content, toc
        # Its own paragraph, as placed; bare, if an editor's unclosed HTML took it in.
        pattern = re.compile(rf"<p>(praksis{self.nonce}x\d+)</p>|(praksis{self.nonce}x\d+)")
        self.search_views[key] = pattern.sub(
            lambda match: page.search.get(match[1] or match[2], match[0]), content)
        content = pattern.sub(lambda match: page.html.get(match[1] or match[2], match[0]),
                              content)
        if not page.headings:
            return content, toc
        return content, merged_toc(toc, page.headings, content)


    def search_view(self, key: str) -> str | None:
        """The page's content for Material's search, once (then forgotten)."""
        return self.search_views.pop(key, None)


def merged_toc(toc: TableOfContents, computed: Iterable[site_writer.Heading],
               content: str) -> TableOfContents:
    """The editor's headings and the computed ones, in the order the page shows them."""
    flat = [(link.level, link.id, link.title) for link in _flatten(toc.items)]
    flat += [(h.level, h.id, h.title) for h in computed]
    flat.sort(key=lambda heading: _position(content, heading[1]))
    roots: list[AnchorLink] = []
    stack: list[AnchorLink] = []
    for level, anchor, title in flat:
        link = AnchorLink(title, anchor, level)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(link)
        stack.append(link)
    if roots:
        roots[0].active = True  # type: ignore[attr-defined]  # as MkDocs marks the first
    return TableOfContents(roots)


def _flatten(links: Iterable[AnchorLink]) -> Iterable[AnchorLink]:
    for link in links:
        yield link
        yield from _flatten(link.children)


def _position(content: str, anchor: str) -> int:
    found = content.find(f' id="{anchor}"')
    return found if found >= 0 else len(content)
