"""Reading the structure of a document body with markdown-it-py (the client's choice).

Only structure is read here (headings and their lines); rendering to HTML is the site
engine's job, and rendering for print is the export adapter's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    line: int  # 1-based line in the file


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark plus tables: what the site's Markdown and pandoc both understand.
    return MarkdownIt("commonmark").enable("table")


def headings(body: str, body_line: int) -> list[Heading]:
    """Every ATX/Setext heading in ``body`` with its line in the file."""
    tokens = _parser().parse(body)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None:
            inline = tokens[index + 1]
            found.append(Heading(int(token.tag[1]), inline.content.strip(),
                                 body_line + token.map[0]))
    return found
