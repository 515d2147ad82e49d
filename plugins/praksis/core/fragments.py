"""The little site Markdown still written by hand: the preview's error notices, the printed
book's version history, and the escaping of an editor's value inside Markdown.

Computed content is blocks (``core/blocks.py``) and its writers (``core/writers/``); this is
what is left. Every value an editor typed goes through ``text()``, which escapes HTML *and*
Markdown, so a title such as ``<script>`` or ``[x](javascript:...)`` shows as typed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

# The one number formatter lives with the other Danish helpers; views import it from here too.
from .danish import decimal as decimal
from .danish import percent as percent
from .problems import Problem

# Python-Markdown extensions the fragments rely on (definition lists, divs with Markdown,
# admonitions and collapsible blocks): the plugin adds them, `praksis render` writes them.
MARKDOWN_EXTENSIONS = ("admonition", "attr_list", "def_list", "md_in_html", "pymdownx.details",
                       "pymdownx.superfences", "tables")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~-])")
# "1. juni" at the start of a line or cell would start an ordered list.
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def text(value: object) -> str:
    """Escape an editor's value for inline use in a Markdown fragment."""
    # Markdown first: HTML escaping adds '&...;' entities whose characters must stay as is.
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
    escaped = _LIST_NUMBER.sub(r"\1\\\2", escaped)
    escaped = html.escape(escaped, quote=False)
    # Newlines inside a table cell or a list item would break the structure.
    return " ".join(escaped.split())


def table(header: Sequence[str], rows: Iterable[Sequence[str]],
          align: Sequence[str] | None = None) -> str:
    """A pipe table. Cells are inserted as given: escape editor values with ``text()``."""
    align = align or ["left"] * len(header)
    marks = {"left": ":--", "right": "--:", "center": ":-:"}
    lines = ["| " + " | ".join(header) + " |",
             "| " + " | ".join(marks[a] for a in align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def problems_notice(problems: Sequence[Problem]) -> str:
    """A box listing a page's content problems, shown while previewing (``praksis serve``)."""
    problems = [p for p in problems if p.is_error or p.is_warning]  # notes are not problems
    if not problems:
        return ""
    items = "\n".join(f"    - {text(p.format())}" for p in problems)
    return f'!!! danger "Fejl i denne fil"\n\n{items}\n\n    Ret filen og gem; siden opdateres.\n\n'


def withheld_page(problems: Sequence[Problem]) -> str:
    """The whole page shown instead of a file that holds personal data (a CPR number): its
    problems, never its text, so neither the preview nor its search index shows the number."""
    return ("---\ntitle: Siden vises ikke\n---\n\n"
            + problems_notice(problems).replace(
                "Ret filen og gem; siden opdateres.",
                "Filen ser ud til at indeholde personoplysninger, så siden vises ikke. Ret "
                "filen og gem; siden opdateres."))
