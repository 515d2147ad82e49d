"""What the site shows for each document: fragments injected into pages, generated pages.

Each document type registers a renderer, and features that add to another type's page (the
latest scores on a practice page, the implementation status) register a section. The MkDocs
plugin calls only ``page_fragment`` and ``generated_pages``; a future site engine can too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .content import ContentSet


@dataclass(frozen=True)
class PageContext:
    content: ContentSet
    today: dt.date
    adjusted_scores: bool = False
    # Download links to the printed editions, when they exist: {edition id: {format: path}}.
    editions: dict[str, dict[str, str]] = field(default_factory=dict)


Renderer = Callable[[Any, PageContext], "PageFragment"]
GeneratedPage = Callable[[PageContext], dict[str, str]]


@dataclass(frozen=True)
class PageFragment:
    """Markdown to put before and after a document's own body."""

    before: str = ""
    after: str = ""


_RENDERERS: dict[type, list[Renderer]] = {}
_GENERATORS: list[GeneratedPage] = []


def renders(model: type) -> Callable[[Renderer], Renderer]:
    """Register a renderer adding to the page of every document of ``model``."""
    def decorate(renderer: Renderer) -> Renderer:
        _RENDERERS.setdefault(model, []).append(renderer)
        return renderer
    return decorate


def generates(generator: GeneratedPage) -> GeneratedPage:
    """Register a function returning generated pages as {content path: Markdown}."""
    _GENERATORS.append(generator)
    return generator


def _load_renderers() -> None:
    from . import views  # noqa: F401  (registers the built-in renderers)


def page_fragment(doc: Any, ctx: PageContext) -> PageFragment:
    _load_renderers()
    before, after = [], []
    for renderer in _RENDERERS.get(type(doc), []):
        fragment = renderer(doc, ctx)
        before.append(fragment.before)
        after.append(fragment.after)
    return PageFragment("\n".join(filter(None, before)), "\n".join(filter(None, after)))


def render_page(doc: Any, ctx: PageContext) -> str:
    """The document's body with its fragments around it."""
    fragment = page_fragment(doc, ctx)
    parts = [fragment.before, doc.source.body.strip(), fragment.after]
    return "\n\n".join(p for p in parts if p) + "\n"


def generated_pages(ctx: PageContext) -> dict[str, str]:
    _load_renderers()
    pages: dict[str, str] = {}
    for generator in _GENERATORS:
        pages.update(generator(ctx))
    return pages
