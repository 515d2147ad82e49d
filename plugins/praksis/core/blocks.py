"""Computed content as a small typed model: what a view shows, not how it looks.

Views (``core/views/``) build these blocks; two writers render them: ``core/writers/site.py``
(HTML for the site, put into the page after MkDocs' Markdown step) and
``core/writers/print.py`` (pandoc Markdown for the printed editions). Nobody parses one
writer's output to make another's.

Values stay typed (a date is a ``datetime.date``, a score a ``Fraction``): the writers format
them with ``core/danish.py``, so a date reads the same on the site and on paper. Text an
editor typed is held as typed; each writer escapes it for its own output. Only
``EditorMarkdown`` carries Markdown: the editor's own (a reflection, a plan's answer), which
goes through the engine's Markdown reader like any page body.

This module imports nothing of the project: it is the bottom of the views' layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Literal

# --- inline content -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """Plain text, shown as typed (escaped by each writer)."""

    value: str


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A link to another content file (``praksis/x.md``, relative to content/), or to a
    printed appendix (``appendix``: its key). Writers resolve the address for their output."""

    children: tuple[Inline, ...]
    target: str = ""
    appendix: str = ""


@dataclass(frozen=True, slots=True)
class Date:
    """A day, written as '1. juni 2026' ('–' when unknown)."""

    value: dt.date | None


@dataclass(frozen=True, slots=True)
class Number:
    """A number with Danish decimals ('2,67'); ``None`` is written as '–'.

    ``signed``: a change, written with '+' when positive."""

    value: Fraction | int | float | None
    signed: bool = False


@dataclass(frozen=True, slots=True)
class Percent:
    """A share from 0 to 1, written as '67 %'."""

    value: Fraction | float | None


class Tone(Enum):
    """What a status means, for its colour on the site (never colour alone: the label is
    always written too). The values are the site's CSS modifiers."""

    IN_PLACE = "paa-plads"
    IN_PROGRESS = "i-gang"
    NOT_STARTED = "ikke-paabegyndt"
    NOT_RELEVANT = "ikke-relevant"
    OVERDUE = "forfalden"
    DRAFT = "kladde"
    FOR_APPROVAL = "til-godkendelse"
    APPROVED = "godkendt"


@dataclass(frozen=True, slots=True)
class Status:
    """A status badge: its label, coloured by its tone on the site, bold in print.

    ``qualifies``: the badge qualifies what stands before it ('I gang' + 'Forfalden', a
    deadline + 'Forfalden'). The site shows two badges; print, where both would be bold words
    side by side ('I gang Forfalden'), puts it in brackets: 'I gang (forfalden)'."""

    label: str
    tone: Tone | str
    qualifies: bool = False


@dataclass(frozen=True, slots=True)
class Progress:
    """A progress bar with its percentage as text (print keeps the text)."""

    value: float | Fraction
    label: str   # what the bar measures, for screen readers


@dataclass(frozen=True, slots=True)
class Symbol:
    """A compact status symbol (✓, ◐) with its meaning for screen readers and on hover."""

    symbol: str
    label: str
    hover: str
    tone: Tone | str


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """Short text with its full form on hover (the site); print writes the short text."""

    children: tuple[Inline, ...]
    full: str


@dataclass(frozen=True, slots=True)
class RepeatedText:
    """Text repeated in every document of a kind (a question's text in a table row): the
    site keeps it out of the search index (see ``Repeated``)."""

    value: str


@dataclass(frozen=True, slots=True)
class Code:
    """Literal text a reader types (a key, a command), shown as code."""

    value: str


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A line break inside a cell (the site); print, where a table cell is one line, writes a
    space."""


Inline = Text | Strong | Emphasis | Link | Date | Number | Percent | Status | Progress | \
    Symbol | Abbreviation | RepeatedText | Code | LineBreak
Inlines = tuple[Inline, ...]


# --- blocks ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    children: Inlines


@dataclass(frozen=True, slots=True)
class Fact:
    label: str
    value: Inlines


@dataclass(frozen=True, slots=True)
class Facts:
    """Label -> value pairs (a document's metadata): a definition list in a box, after an
    optional lead paragraph (a practice's summary)."""

    items: tuple[Fact, ...]
    lead: Inlines = ()


Align = Literal["left", "right", "center"]


@dataclass(frozen=True, slots=True)
class Column:
    header: Inlines
    align: Align = "left"


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells; a cell is inline content, its values typed (dates, scores, statuses,
    progress, links). ``css``: a site class for a table that needs its own layout."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Inlines, ...], ...]
    css: str = ""


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Inlines, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart as accessible SVG (``core/charts.py`` draws it) and its caption. The site
    shows the SVG inline; print embeds it as an image."""

    svg: str
    caption: str
    css: str = "praksis-chart"


NoteKind = Literal["note", "definition", "danger", "facts", "draft", "edition"]


@dataclass(frozen=True, slots=True)
class Note:
    """A box: the note on scores ('note'), an element's definition ('definition'), a
    practice's key facts ('facts'), a draft notice ('draft'), the content problems while
    previewing ('danger'). ``title`` may be empty."""

    kind: NoteKind
    title: str
    children: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Details:
    """A collapsible box (closed on the site, printed open)."""

    title: str
    children: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Cards:
    """Headline figures side by side (Material's grid cards on the site; a list in print)."""

    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True, slots=True)
class EditorMarkdown:
    """The editor's own Markdown (a reflection, a plan's answer): it goes through the
    engine's Markdown reader, as any page body does. ``line``: its first line in the file,
    when known, for messages."""

    markdown: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Repeated:
    """Text a reader finds on its own page: repeated in every document of a kind (question
    texts, guiding questions, element definitions), or a listing of other documents (a
    section's table, the overview's lists). The site keeps it out of the search index, so a
    search leads to the page it belongs to."""

    children: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Advice:
    """Advice meant for editors, shown on the site only (how to fill in what is missing):
    kept out of the search index, and never printed."""

    children: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what stands under it. ``level`` 1 is the page's title. ``unlisted``:
    left out of a printed book's table of contents."""

    level: int
    title: Inlines
    children: tuple[Block, ...] = ()
    unlisted: bool = False


Block = Paragraph | Facts | Table | BulletList | Chart | Note | Details | Cards | \
    EditorMarkdown | Repeated | Advice | Section
Blocks = tuple[Block, ...]


# --- building helpers -----------------------------------------------------------------------

def strong(*children: Inline | str) -> Strong:
    return Strong(inlines(*children))


def emphasis(*children: Inline | str) -> Emphasis:
    return Emphasis(inlines(*children))


def inlines(*children: Inline | str) -> Inlines:
    """Inline content from nodes and plain strings (a string is text, never Markup)."""
    return tuple(Text(c) if isinstance(c, str) else c for c in children)


def paragraph(*children: Inline | str) -> Paragraph:
    return Paragraph(inlines(*children))


def section(level: int, title: str | Inlines, *children: Block | None,
            unlisted: bool = False) -> Section:
    shown = inlines(title) if isinstance(title, str) else title
    return Section(level, shown, tuple(c for c in children if c is not None), unlisted)


def link(label: str | Inline, target: str) -> Link:
    return Link(inlines(label), target=target)


def join(parts: Iterable[Inlines], separator: str) -> Inlines:
    """Inline pieces with a separator between them (', ')."""
    joined: list[Inline] = []
    for index, part in enumerate(parts):
        if index:
            joined.append(Text(separator))
        joined.extend(part)
    return tuple(joined)


# --- walking --------------------------------------------------------------------------------

def children_of(block: Block) -> tuple[Block, ...]:
    if isinstance(block, (Note, Details, Repeated, Advice, Section)):
        return block.children
    if isinstance(block, Cards):
        return tuple(child for item in block.items for child in item)
    return ()


def walk(blocks: Iterable[Block]) -> Iterator[Block]:
    """Every block, depth first, in reading order."""
    for block in blocks:
        yield block
        yield from walk(children_of(block))
