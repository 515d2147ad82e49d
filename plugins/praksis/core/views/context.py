"""What every view is given and gives back: the page context, a page fragment, an appendix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..blocks import Blocks
from ..model.content import ContentSet


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


Renderer = Callable[[Any, "PageContext"], "PageFragment"]
# A generated page: site Markdown with its front matter (a view not converted to blocks yet),
# or a title and blocks.
GeneratedPage = Callable[[PageContext], "Mapping[str, str | Generated]"]


@dataclass(frozen=True)
class Generated:
    """A page made from the content as a whole (the implementation overview)."""

    title: str
    content: Blocks


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
