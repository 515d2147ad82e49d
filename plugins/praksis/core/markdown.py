"""Reading the structure of a document body with markdown-it-py (the client's choice).

Only structure is read here (headings and their lines); rendering to HTML is the site
engine's job, and rendering for print is the export adapter's.

``headings`` runs for every document on every check and build (three times for some), so it
has a fast path: a body with no construct that can hide or make a heading other than a plain
ATX line (code, HTML blocks, block quotes, list items holding a heading, setext underlines,
tables, link definitions) has its headings read line by line, by markdown-it's own ATX rule;
any other body goes to markdown-it. Both give the same headings.
"""

from __future__ import annotations

import re
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
    # CommonMark plus tables: what the site's Markdown and pandoc both understand. Only the
    # block structure is needed: heading text is set by the block rules, so the inline pass
    # (most of the parse time) is left out.
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


# Anything that can make a '#' line something other than a heading, or a heading out of
# something else: then markdown-it reads the body. Matched on "\n" + body, so each branch
# starts at a line (a leading literal lets the regex engine skip ahead: ~10x faster than '^').
_NOT_PLAIN = re.compile(r"""\n(?:
    [ \t]*(?:```|~~~|<|>|\[)                                   # fence, HTML, quote, link def
  | [ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)+(?:\#|```|~~~|<|>)    # the same in a list item
  | (?:[ ]{4,}|[ ]*\t)[ \t]*\#                                 # '#' in indented code
  | [ \t]*(?:=+|-+)[ \t]*(?=\n|$)                               # setext underline
)""", re.VERBOSE)
_NOT_PLAIN_CHARACTERS = ("|", "\r", "\0")                      # a table, other line ends
# markdown-it's ATX heading rule: up to 3 spaces, 1-6 '#', then a space, a tab or the end.
_ATX = re.compile(r"\n {0,3}(#{1,6})(?=[ \t\n]|$)([^\n]*)")


def _atx_text(rest: str) -> str:
    """The heading text after the '#'s, cut as markdown-it cuts it (closing '#'s go)."""
    rest = rest.rstrip(" \t")
    without = rest.rstrip("#")
    if without and without[-1] in " \t":
        rest = without
    return rest.strip()


def _is_plain(text: str) -> bool:
    return not (any(c in text for c in _NOT_PLAIN_CHARACTERS) or _NOT_PLAIN.search(text))


def headings(body: str, body_line: int) -> list[Heading]:
    """Every ATX/Setext heading in ``body`` with its line in the file."""
    text = "\n" + body
    if _is_plain(text):
        found, line, counted = [], 0, 0
        for match in _ATX.finditer(text):
            # Newlines before the match's own: the heading's line in the body, from 0.
            line += text.count("\n", counted, match.start())
            counted = match.start()
            found.append(Heading(len(match.group(1)), _atx_text(match.group(2)),
                                 body_line + line))
        return found
    tokens = _parser().parse(body)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None:
            inline = tokens[index + 1]
            found.append(Heading(int(token.tag[1]), inline.content.strip(),
                                 body_line + token.map[0]))
    return found
