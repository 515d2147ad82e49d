"""Images and links between pages: every one must lead somewhere, for the site and print.

MkDocs warns about a broken link in English, and only when it builds; praksis owns the check
instead (the sample mkdocs.yml turns MkDocs' own link validation off), so ``praksis check``,
``build``, ``serve`` and ``export`` all say it in Danish with the file and line. Checked: a
relative link to a page or a file, and an image, in Markdown or in HTML (``<img src>``,
``<a href>``). Not checked here: web addresses, absolute paths, and the ``#anchor`` part of a
link (headings are ``core.anchors``'s business).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from markdown_it import MarkdownIt

from .model.content import ContentSet
from .pages import generated_pages
from .problems import Problem, closest
from .views.context import PageContext

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HTML_REF = re.compile(r"""<(?P<tag>img|a)\b[^>]*?\b(?P<attr>src|href)\s*=\s*
                           (?:"(?P<q>[^"]*)"|'(?P<s>[^']*)'|(?P<u>[^\s>]+))""",
                       re.IGNORECASE | re.VERBOSE)
# Every body without one of these has no link or image at all (most lines, many files).
_MAY_LINK = re.compile(r"\]\(|\]\[|\]:|<img|<a\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Reference:
    target: str      # as written, without the #anchor or ?query
    line: int        # in the file
    image: bool


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def references(body: str, body_line: int) -> tuple[Reference, ...]:
    """Links and images in a Markdown body, outside code, with their lines in the file."""
    if not _MAY_LINK.search(body):
        return ()
    return tuple(_find_references(body, body_line))


def _find_references(body: str, body_line: int) -> Iterator[Reference]:
    lines = body.split("\n")
    for token in _parser().parse(body):
        if token.map is None:
            continue
        first, last = token.map
        if token.type == "html_block":
            yield from _html_references(token.content, lines, first, last, body_line)
        for child in token.children or ():
            if child.type == "link_open":
                yield from _reference(str(child.attrGet("href") or ""), False, lines, first,
                                      last, body_line)
            elif child.type == "image":
                yield from _reference(str(child.attrGet("src") or ""), True, lines, first,
                                      last, body_line)
            elif child.type == "html_inline":
                yield from _html_references(child.content, lines, first, last, body_line)


def _html_references(text: str, lines: list[str], first: int, last: int,
                     body_line: int) -> Iterator[Reference]:
    for match in _HTML_REF.finditer(text):
        value = match.group("q") or match.group("s") or match.group("u") or ""
        yield from _reference(value, match.group("tag").lower() == "img", lines, first, last,
                              body_line)


def _reference(url: str, image: bool, lines: list[str], first: int, last: int,
               body_line: int) -> Iterator[Reference]:
    if not url or url.startswith(("#", "/", "\\")) or _SCHEME.match(url):
        return
    target = url.split("#", 1)[0].split("?", 1)[0]
    if not target:
        return
    # The line within the block that holds the address (a paragraph can span lines).
    offset = next((i for i in range(first, min(last, len(lines))) if target in lines[i]
                   or url in lines[i]), first)
    yield Reference(target, body_line + offset, image)


Generated = Collection[str] | Callable[[], Collection[str]]


def link_problems(content: ContentSet, generated: Generated,
                  cache: dict[str, tuple[Reference, ...]] | None = None) -> list[Problem]:
    """Every link and image in every Markdown document that leads nowhere.

    ``generated`` are the content paths of pages the site makes (``implementering/
    oversigt.md``), or a function giving them, called only if a link leads to no file.
    Problems carry paths relative to the project root. ``cache`` (a preview's, kept
    between rebuilds) holds each body's references by the file's digest.
    """
    root = content.root
    existing = _Existing(root, generated)
    problems: list[Problem] = []
    used: dict[str, tuple[Reference, ...]] = {}
    for doc in content.documents:
        source = doc.source
        if not source.path.endswith(".md") or not source.body:
            continue
        found = cache.get(source.digest) if cache is not None else None
        if found is None:
            found = references(source.body, source.body_line)
            if cache is not None:
                cache[source.digest] = found
        used[source.digest] = found
        for ref in found:
            message = existing.problem(source.path, ref)
            if message is not None:
                problems.append(Problem(content.project_path(source.path), ref.line,
                                        "billede" if ref.image else "link", message))
    if cache is not None:   # only the files as they are now
        cache.clear()
        cache.update(used)
    return problems


class _Existing:
    """Which content paths exist (files on disk, folders, generated pages), asked once each."""

    def __init__(self, root: Path, generated: Generated):
        self.root = root
        self._generated = generated
        self.known: dict[str, bool] = {}

    @property
    def generated(self) -> frozenset[str]:
        # Making the generated pages costs a tenth of a check: only when a link needs it.
        if not isinstance(self._generated, frozenset):
            found = self._generated() if callable(self._generated) else self._generated
            self._generated = frozenset(found)
        return self._generated

    def exists(self, path: str) -> bool:
        if path not in self.known:
            self.known[path] = (self.root / path).exists() or path in self.generated
        return self.known[path]

    def problem(self, from_path: str, ref: Reference) -> str | None:
        written = ref.target
        target = unquote(written)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target))
        what = "billedet" if ref.image else "linket"
        if resolved == ".." or resolved.startswith("../"):
            return (f"{what} '{written}' peger uden for indholdsmappen. Læg filen i "
                    "content/, og henvis til den derfra.")
        if self.exists(resolved):
            return None
        hint = self._suggestion(resolved, from_path)
        if ref.image:
            return (f"billedet '{written}' findes ikke (content/{resolved}).{hint} Læg "
                    "billedet i mappen, eller ret stien; stien regnes fra denne fils mappe.")
        return (f"linket '{written}' fører til en side eller fil, der ikke findes "
                f"(content/{resolved}).{hint} Ret linket, eller opret filen; stien regnes fra "
                "denne fils mappe.")

    def _suggestion(self, resolved: str, from_path: str) -> str:
        folder, name = posixpath.split(resolved)
        directory = self.root / folder
        if not directory.is_dir():
            return ""
        names = [p.name for p in directory.iterdir() if not p.name.startswith(".")
                 and posixpath.join(folder, p.name) != from_path]
        names += [posixpath.basename(g) for g in self.generated
                  if posixpath.dirname(g) == folder]
        match = closest(name, names)
        if match is None:
            return ""
        suggestion = posixpath.relpath(posixpath.join(folder, match),
                                       posixpath.dirname(from_path) or ".")
        return f" Mente du '{suggestion}'?"


def project_link_problems(content: ContentSet, today: dt.date) -> list[Problem]:
    """The link problems of a content set, with the site's generated pages as targets."""
    return link_problems(content, lambda: generated_pages(PageContext(content, today)).keys())
