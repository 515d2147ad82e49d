"""Fragments escape what editors type, for HTML and for Markdown, in the real renderer."""

from __future__ import annotations

import markdown

from praksis.core.fragments import table, text

HOSTILE = ('<script>alert("x")</script> [klik](javascript:alert(1)) **fed** '
           '<img src=x onerror=alert(1)> it\'s & 1. juni | kolonne')


def _render(source: str) -> str:
    # The same Markdown engine and extensions MkDocs uses for the site.
    return markdown.markdown(source, extensions=["tables", "md_in_html", "def_list", "attr_list"])


def test_hostile_text_renders_as_text() -> None:
    rendered = _render(text(HOSTILE))
    assert "<script" not in rendered and "<img" not in rendered
    assert "href" not in rendered and "<strong>" not in rendered
    assert "&lt;script&gt;" in rendered
    assert "it's" in rendered and "&amp;" in rendered


def test_hostile_text_keeps_a_table_cell_intact() -> None:
    rendered = _render(table(["A", "B"], [[text(HOSTILE), text("1. juni 2025")]]))
    assert rendered.count("<td") == 2
    assert "<ol>" not in rendered
    assert "| kolonne" in rendered
