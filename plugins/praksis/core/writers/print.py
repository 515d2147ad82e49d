"""The print writer: computed blocks as pandoc Markdown, written directly.

Pandoc Markdown rather than pandoc's JSON AST: the editor's own Markdown (a reflection, a
plan's answer) sits between the computed blocks and reaches pandoc as Markdown (translated by
``export/print_markdown.py``), and a chapter is one Markdown text the edition joins. The
syntax used is pandoc's own: fenced divs for boxes (with a raw typst call for the PDF and a
Word paragraph style for the docx, as ``export/data/template.typ`` and ``reference.docx``
define them), definition lists for facts, pipe tables, ``{- .unlisted}`` headings.

Headings move one level down (the document's title is level 2 in the edition; a level-1
section is the page's title on the site and is not repeated). Charts become SVG files the
edition embeds. Links to documents the edition prints go to their chapter; others keep their
text. Every editor value is escaped for pandoc, so it prints as typed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

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
)
from ..danish import decimal, format_date, percent

# The document's title is level 2 in an edition: its own headings move one level down.
HEADING_SHIFT = 1
# Where charts are written, inside the export's working folder.
CHART_FOLDER = "_grafik"
# The Word paragraph style of a box (export/data/reference.docx).
BOX_STYLE = "Boks"


@dataclass(frozen=True, slots=True)
class PrintImage:
    """An image the chapter embeds, made while printing (a chart): its path in the export's
    working folder and its bytes."""

    path: str
    data: bytes


@dataclass(frozen=True, slots=True)
class PrintPieces:
    """A chapter's computed content in reading order: pandoc Markdown (``str``) and the
    editor's own Markdown (``EditorMarkdown``, for the edition's body transform)."""

    pieces: tuple[str | EditorMarkdown, ...]
    images: tuple[PrintImage, ...]


def appendix_anchor(key: str) -> str:
    return f"bilag-{key}"


@dataclass
class _Writer:
    anchors: Mapping[str, str]
    drop_title: bool
    pieces: list[str | EditorMarkdown] = field(default_factory=list)
    run: list[str] = field(default_factory=list)
    images: list[PrintImage] = field(default_factory=list)

    def emit(self, markdown: str) -> None:
        self.run.append(markdown)

    def flush(self) -> None:
        if self.run:
            self.pieces.append("".join(self.run))
            self.run = []

    # --- blocks ---

    def blocks(self, blocks: Iterable[Block]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block: Block) -> None:
        match block:
            case Section():
                if block.level > 1 or not self.drop_title:
                    level = min(block.level + HEADING_SHIFT, 6)
                    marks = " {- .unlisted}" if block.unlisted else ""
                    self.emit(f"{'#' * level} {self.inlines(block.title)}{marks}\n\n")
                self.blocks(block.children)
            case Paragraph():
                self.emit(_paragraph(self.inlines(block.children)) + "\n\n")
            case Facts():
                self.emit(_box_open(["praksis-meta"], "meta"))
                if block.lead:
                    self.emit(_paragraph(self.inlines(block.lead)) + "\n\n")
                for item in block.items:
                    self.emit(f"{_escape(item.label)}\n:   {self.cell(item.value)}\n\n")
                self.emit(_box_close("meta"))
            case Table():
                self.table(block)
            case BulletList():
                self.emit("".join(f"- {self.inlines(item)}\n" for item in block.items) + "\n")
            case Chart():
                self.chart(block)
            case Note():
                self.note(block)
            case Details():
                self.emit(_box_open(["admonition", "note"], "box", "note"))
                self.emit(f"**{_escape(block.title)}**\n\n")
                self.blocks(block.children)
                self.emit(_box_close("box"))
            case Cards():
                # A list of short paragraphs: each card's lines joined on one item.
                self.emit("".join(f"- {' '.join(self.inline_blocks(item))}\n"
                                  for item in block.items) + "\n")
            case EditorMarkdown():
                if block.markdown.strip():
                    self.flush()
                    self.pieces.append(block)
            case Repeated():
                self.blocks(block.children)
            case Advice():
                pass   # for editors on the site, never printed

    def table(self, block: Table) -> None:
        marks = {"left": ":--", "right": "--:", "center": ":-:"}
        lines = ["| " + " | ".join(self.cell(c.header) for c in block.columns) + " |",
                 "| " + " | ".join(marks[c.align] for c in block.columns) + " |"]
        lines += ["| " + " | ".join(self.cell(cell) for cell in row) + " |"
                  for row in block.rows]
        self.emit("\n".join(lines) + "\n\n")

    def cell(self, content: Inlines) -> str:
        return _paragraph(self.inlines(content)) or " "

    def chart(self, block: Chart) -> None:
        data = block.svg.encode("utf-8")
        path = f"{CHART_FOLDER}/{hashlib.sha256(data).hexdigest()[:16]}.svg"
        self.images.append(PrintImage(path, data))
        alt = _escape(" ".join(block.caption.split()) or "Diagram")
        self.emit(f"![{alt}]({path}){{width=100%}}\n\n")

    def note(self, block: Note) -> None:
        classes = {"danger": ["admonition", "danger"]}.get(block.kind, [f"praksis-{block.kind}"])
        box = "box" if block.kind in ("note", "danger") else None
        self.emit(_box_open(classes, box, block.kind))
        if block.title:
            self.emit(f"**{_escape(block.title)}**\n\n")
        self.blocks(block.children)
        self.emit(_box_close(box))

    def inline_blocks(self, blocks: Iterable[Block]) -> list[str]:
        """The text of a card's paragraphs, for one list item."""
        return [self.inlines(b.children) for b in blocks if isinstance(b, Paragraph)]

    # --- inline ---

    def inlines(self, nodes: Inlines) -> str:
        return "".join(self.inline(node) for node in nodes)

    def inline(self, node: Inline) -> str:
        match node:
            case Text():
                return _escape(node.value)
            case Strong():
                return f"**{self.inlines(node.children)}**"
            case Emphasis():
                return f"*{self.inlines(node.children)}*"
            case Link():
                label = self.inlines(node.children)
                anchor = (appendix_anchor(node.appendix) if node.appendix
                          else self.anchors.get(node.target))
                if not anchor:
                    return label
                # typst reads '12. marts' at the start of a link's content as a numbered
                # list: a no-break space after the day keeps the date inline (Word too).
                inline_label = _LEADING_NUMBER.sub(NO_BREAK_AFTER_DAY, label, count=1)
                return f"[{inline_label}](#{anchor})"
            case Date():
                return _escape(format_date(node.value))
            case Number():
                shown = decimal(node.value)
                positive = node.signed and node.value is not None and node.value > 0
                return _escape("+" + shown if positive else shown)
            case Percent():
                return _escape(percent(node.value))
            case Status():
                if node.qualifies:
                    return f"(**{_escape(node.label.lower())}**)"
                return f"**{_escape(node.label)}**"
            case Progress():
                return _escape(percent(node.value))
            case Symbol():
                return _escape(node.symbol)
            case Abbreviation():
                return self.inlines(node.children)
            case RepeatedText():
                return _escape(node.value)
            case LineBreak():
                return " "
            case Code():
                # A code span's fence is one backtick more than the longest run inside.
                fence = "`" * (max((len(run) for run in re.findall("`+", node.value)),
                                   default=0) + 1)
                return f"{fence} {node.value} {fence}" if "`" in node.value else \
                    f"`{node.value}`"
        raise TypeError(f"unknown inline node {node!r}")


def write(blocks: Iterable[Block], anchors: Mapping[str, str] | None = None,
          drop_title: bool = True) -> PrintPieces:
    """The chapter's computed content as pandoc Markdown and editor Markdown pieces.

    ``anchors``: content path -> heading id of every document the edition prints.
    ``drop_title``: leave out a level-1 section's heading (the page's title on the site; the
    edition prints the document's title itself). An appendix keeps its level-1 headings."""
    writer = _Writer(anchors or {}, drop_title)
    writer.blocks(blocks)
    writer.flush()
    return PrintPieces(tuple(writer.pieces), tuple(writer.images))


def _box_open(classes: list[str], box: str | None, kind: str = "note") -> str:
    attributes = " ".join(f".{c}" for c in classes)
    if box is None:
        return f"::: {{{attributes}}}\n\n"
    style = f' custom-style="{BOX_STYLE}"' if box == "box" else ""
    call = "#praksis-meta[" if box == "meta" else f'#praksis-box(kind: "{kind}")['
    return f"::: {{{attributes}{style}}}\n```{{=typst}}\n{call}\n```\n\n"


def _box_close(box: str | None) -> str:
    return ":::\n\n" if box is None else "```{=typst}\n]\n```\n:::\n\n"


# Every ASCII character pandoc's Markdown reader may take as syntax (quotes stay: pandoc
# makes them typographic, as on the site).
_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|~<>&$@^]|-(?=-))")
_WHITESPACE = re.compile(r"\s+")
# What would start a list, a definition or a quote at the start of a paragraph or cell.
_LIST_START = re.compile(r"^(\d+[.)]|[-+:>](?=\s|$))")
_LEADING_NUMBER = re.compile(r"^(\d+[.)]) ")
NO_BREAK_AFTER_DAY = "\\1\u00a0"


def _escape(value: str) -> str:
    """An editor's text for pandoc Markdown: shown as typed, on one line."""
    return _WHITESPACE.sub(" ", _SPECIAL.sub(r"\\\1", value))


def _paragraph(markdown: str) -> str:
    """A paragraph or cell: '1. juni' at its start would start an ordered list."""
    return _LIST_START.sub(_escape_start, markdown.strip())


def _escape_start(match: re.Match[str]) -> str:
    marker = match.group(1)
    return marker[:-1] + "\\" + marker[-1]
