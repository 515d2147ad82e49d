"""Heading anchors as pandoc makes them, and hand-written links to anchors that are gone.

``slugify`` is pandoc's rule for automatic identifiers (its ``auto_identifiers`` extension):
keep letters, digits, ``_``, ``-`` and ``.``, lower case, words joined by ``-``, nothing
before the first letter, ``section`` when nothing is left. Letters are Unicode letters, so
"Sådan gør vi" is ``sådan-gør-vi`` on the site (mkdocs.yml gives it to the ``toc``
extension; the plugin does when mkdocs.yml does not) and in the printed editions alike.

One difference stays: a heading repeated on one page gets ``_1`` on the site
(Python-Markdown's rule) and ``-1`` in print (pandoc's).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Protocol, TypeVar
from urllib.parse import unquote

from markdown_it import MarkdownIt

from .markdown import headings
from .problems import Problem, Severity, did_you_mean


def slugify(value: str, separator: str = "-") -> str:
    """Pandoc's identifier for a heading's text (``separator`` is ignored: pandoc's is '-';
    the argument is there because Python-Markdown's toc passes it)."""
    kept = "".join(c for c in value.lower()
                   if c.isalnum() or c in "_-." or c.isspace())
    slug = "-".join(kept.split())
    for index, char in enumerate(slug):
        if char.isalpha():
            return slug[index:]
    return "section"


def unique(slug: str, used: set[str]) -> str:
    """Python-Markdown's toc: a repeated id gets '_1', '_2', ... on the site."""
    candidate, count = slug, 0
    while candidate in used:
        count += 1
        candidate = f"{slug}_{count}"
    used.add(candidate)
    return candidate


@lru_cache(maxsize=1)
def _inline() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


# attr_list on a heading: '## Titel {#eget-id}' or '{: #eget-id .klasse }'.
_HEADING_ATTRS = re.compile(r"\s*\{:?\s*([^}]*)\}\s*$")
_ID_IN_ATTRS = re.compile(r"(?:^|\s)#([\w:.-]+)")
_MAYBE_ANCHOR_LINK = re.compile(r"\]\([^)\n]*#|\]:[^\n]*#")  # inline link or definition
_HTML_ID = re.compile(r"""\s(?:id|name)\s*=\s*["']([^"']+)["']""")


def heading_text(markdown_text: str) -> str:
    """The text a heading shows: emphasis, links and code marks gone, HTML tags dropped."""
    tokens = _inline().parseInline(markdown_text)
    parts = []
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return html.unescape("".join(parts))


def anchors(body: str) -> set[str]:
    """Every anchor a Markdown body gives its page: headings (with attr_list ids) and the
    ``id``/``name`` of HTML elements in it."""
    found = set(_HTML_ID.findall(body))
    used = set(found)
    for heading in headings(body, 1):
        text = heading.text
        attrs = _HEADING_ATTRS.search(text)
        explicit = _ID_IN_ATTRS.search(attrs.group(1)) if attrs else None
        if attrs:
            text = text[:attrs.start()]
        if explicit:
            found.add(explicit.group(1))
            used.add(explicit.group(1))
        else:
            found.add(unique(slugify(heading_text(text)), used))
    return found


# --- hand-written links to anchors ----------------------------------------------------------

def _links(body: str) -> Iterable[tuple[str, int]]:
    """(href, 0-based line in the body) of every Markdown link with a '#' in it."""
    if "#" not in body or not _MAYBE_ANCHOR_LINK.search(body):
        return  # most bodies: no parse needed
    lines = body.split("\n")
    for token in _inline().parse(body):
        if token.type != "inline" or not token.children or token.map is None:
            continue
        for child in token.children:
            href = child.attrGet("href") if child.type == "link_open" else None
            if isinstance(href, str) and "#" in href and "://" not in href \
                    and not href.startswith("mailto:"):
                href = unquote(href)  # markdown-it percent-encodes 'ø'
                start, end = token.map
                line = next((n for n in range(start, end) if href in unquote(lines[n])),
                            start)
                yield href, line


class _Text(Protocol):
    """A document's source as this module reads it (model.Source; the model is a layer up)."""

    @property
    def path(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def body_line(self) -> int: ...


class _Document(Protocol):
    @property
    def source(self) -> _Text: ...


Doc = TypeVar("Doc", bound=_Document)


def broken_anchor_links(documents: Iterable[Doc], by_path: Callable[[str], Doc | None],
                        rendered: Callable[[Doc], str] | None = None,
                        project_path: Callable[[str], str] = str) -> list[Problem]:
    """A warning for every link in a document's own text to ``page.md#anchor`` (or
    ``#anchor``) when that page has no such anchor. ``rendered`` gives a page's whole
    Markdown (with computed sections), asked only when its own text lacks the anchor;
    ``project_path`` turns a content path into the path problems carry (relative to the
    project root, ``ContentSet.project_path``)."""
    cache: dict[str, set[str]] = {}
    problems = []
    for doc in documents:
        source = doc.source
        if not source.path.endswith(".md"):
            continue
        for href, line in _links(source.body):
            path, _, fragment = href.partition("#")
            if not fragment:
                continue
            target_path = (posixpath.normpath(posixpath.join(posixpath.dirname(source.path),
                                                              path)) if path else source.path)
            target = by_path(target_path)
            if target is None:
                continue  # another page (generated, or missing: MkDocs reports those)
            known = cache.get(target_path)
            if known is None:
                known = cache[target_path] = anchors(target.source.body)
            if fragment in known:
                continue
            if rendered is not None:
                known |= anchors(rendered(target))
                if fragment in known:
                    continue
            where = "denne side" if not path else target_path
            headings_here = sorted(known)
            hint = did_you_mean(fragment, headings_here)
            problems.append(Problem(
                project_path(source.path), source.body_line + line, "link",
                f"afsnittet '#{fragment}' findes ikke på {where} (linket '{href}'). Ret "
                f"linket til en overskrift, der findes, eller fjern '#{fragment}'.{hint}",
                Severity.WARNING))
    return problems
