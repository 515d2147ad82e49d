"""The heading reader's fast path (a line scan for plain bodies) agrees with markdown-it.

``core.markdown.headings`` reads most bodies line by line and sends the rest to markdown-it.
The reference here is a full markdown-it parse (inline pass included) of every body, so a
body the fast path misreads, or one it should have sent to markdown-it, fails.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from praksis.core.markdown import Heading, _is_plain, headings

_REFERENCE = MarkdownIt("commonmark").enable("table")


def reference(body: str, body_line: int) -> list[Heading]:
    tokens = _REFERENCE.parse(body)
    return [Heading(int(token.tag[1]), tokens[index + 1].content.strip(),
                    body_line + token.map[0])
            for index, token in enumerate(tokens)
            if token.type == "heading_open" and token.map is not None]


# Lines that make, hide, or look like headings.
LINES = (
    "# Formål", "#Formål", "## Sådan gør vi ##", "### Lukket #", "### Ikke lukket#",
    "## Skråstreg \\#", "#", "# ", "##   ", "####### Syv", "###### Seks", "   # Tre mellemrum",
    "    # Fire mellemrum", "\t# Tabulator", "#\tEfter tabulator", "## Slut med mellemrum   ",
    "# Med `kode` og *fremhævning*", "Almindelig tekst", "", "===", "---", "- - -", "***",
    "Setext-overskrift", "```", "```python", "~~~", "<div>", "</div>", "<!-- kommentar -->",
    "> # I et citat", "- # I en liste", "1. # I en nummereret liste", "* punkt", "  fortsat",
    "[ref]: https://example.org", "| a | b |", "| - | - |", "title: Ikke front matter",
    "...", "    kode", "#hashtag uden mellemrum", "# Æblegrød og ønsker", "## ##", "# #",
)

TRICKY_BODIES = (
    "# Formål\n\nTekst.\n\n## Sådan gør vi\n",
    "Setext\n===\n\nOgså\n---\n",
    "```\n# ikke en overskrift\n```\n# Men det er denne\n",
    "~~~\n## heller ikke\n~~~\n",
    "    # indrykket kode\n\n# Overskrift\n",
    "Tekst\n    # fortsat afsnit, ikke kode\n",
    "<div>\n# i HTML\n</div>\n\n# Efter HTML\n",
    "> # Citat\n\n# Uden for\n",
    "- # Punkt\n- tekst\n",
    "---\ntitle: x\n---\n# Efter noget, der ligner front matter\n",
    "## Lukket ##\n### Med # i midten #\n#### Slut\\#\n",
    "#Ikke\n# Ja\n####### Nej\n",
    "| a | b |\n| - | - |\n# Efter tabel\n",
    "Linje\r\n# Windows\r\n",
    "\n\n\n# Langt nede\n",
    "",
)


@pytest.mark.parametrize("body", TRICKY_BODIES)
def test_tricky_bodies_agree_with_markdown_it(body: str) -> None:
    assert headings(body, 7) == reference(body, 7)


def test_the_table_exercises_both_paths() -> None:
    plain = [body for body in TRICKY_BODIES if _is_plain("\n" + body)]
    assert 2 <= len(plain) < len(TRICKY_BODIES)


@settings(max_examples=400, deadline=None)
@given(lines=st.lists(st.sampled_from(LINES), max_size=14), end=st.sampled_from(("", "\n")))
def test_any_mix_of_tricky_lines_agrees_with_markdown_it(lines: list[str], end: str) -> None:
    body = "\n".join(lines) + end
    assert headings(body, 3) == reference(body, 3)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.sampled_from([line for line in LINES if _is_plain("\n" + line)]),
                      max_size=14))
def test_plain_bodies_take_the_fast_path_and_agree(lines: list[str]) -> None:
    body = "\n".join(lines)
    assert _is_plain("\n" + body)
    assert headings(body, 1) == reference(body, 1)
