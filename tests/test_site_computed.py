"""Computed HTML put into a page after the Markdown step: placeholders swapped, headings in
the page's table of contents in reading order (what Material's sidebar and search read)."""

from __future__ import annotations

import markdown
from mkdocs.structure.toc import get_toc

from praksis.core.anchors import slugify
from praksis.core.blocks import Chart, EditorMarkdown, Repeated, Table, paragraph, section
from praksis.core.views.context import PagePart
from praksis.core.writers import site as site_writer
from praksis.site.computed import ComputedHtml


def _render(source: str) -> tuple[str, list]:
    """What MkDocs does with a page's Markdown: Python-Markdown with the site's toc."""
    md = markdown.Markdown(extensions=["toc", "tables"],
                           extension_configs={"toc": {"slugify": slugify, "permalink": True}})
    html = md.convert(source)
    return html, md.toc_tokens  # type: ignore[attr-defined]


def test_computed_html_and_headings_reach_the_page_in_reading_order() -> None:
    blocks = (section(2, "Element 1", paragraph("Score <1>"),
                      EditorMarkdown("### Samlet vurdering\n\nTeksten <em>skrevet</em>.\n\n"
                                     "- et punkt")),
              section(2, "Samlet vurdering", Table((), ())))
    computed = ComputedHtml()
    source = computed.page_markdown(
        "a.md", [PagePart("# Titel\n\nIndledning."), PagePart(blocks)],
        lambda b: site_writer.write(b, "a.md", permalink=site_writer.Permalink("Link")))
    assert "Score" not in source            # computed HTML never goes through Markdown
    html, tokens = _render(source)
    html, toc = computed.insert("a.md", html, get_toc(tokens))
    assert "praksis" + computed.nonce not in html
    assert "<p>Score &lt;1&gt;</p>" in html
    assert html.index("Indledning") < html.index('id="element-1"') < \
        html.index("Teksten") < html.index('id="samlet-vurdering_1"')
    # The editor's '### Samlet vurdering' kept its id; the computed one is made unique.
    assert '<h3 id="samlet-vurdering">' in html
    [title] = toc.items
    assert [(link.id, link.level) for link in title.children] == [("element-1", 2),
                                                                  ("samlet-vurdering_1", 2)]
    assert [link.id for link in title.children[0].children] == ["samlet-vurdering"]


def test_a_placeholder_taken_into_an_editors_html_block_is_still_replaced() -> None:
    computed = ComputedHtml()
    blocks = (EditorMarkdown("<div>\nIkke lukket"), paragraph("Beregnet"))
    source = computed.page_markdown("a.md", [PagePart(blocks)],
                                    lambda b: site_writer.write(b, "a.md"))
    html, tokens = _render(source)
    html, _ = computed.insert("a.md", html, get_toc(tokens))
    assert "<p>Beregnet</p>" in html and "praksis" + computed.nonce not in html


def test_search_reads_the_page_without_what_it_leaves_out() -> None:
    blocks = (Chart("<svg><title>Diagram</title></svg>", "Tallene"),
              Repeated((paragraph("Spørgsmålet, ens i alle vurderinger"),)),
              paragraph("Kommentaren"), EditorMarkdown("Refleksionen"))
    computed = ComputedHtml()
    source = computed.page_markdown("a.md", [PagePart(blocks)],
                                    lambda b: site_writer.write(b, "a.md"))
    html, tokens = _render(source)
    html, _ = computed.insert("a.md", html, get_toc(tokens))
    view = computed.search_view("a.md")
    assert view is not None and computed.search_view("a.md") is None   # once
    assert "<svg>" in html and "Spørgsmålet" in html                     # the page: all
    assert "<svg>" not in view and "Spørgsmålet" not in view              # search: not these
    assert "<p>Kommentaren</p>" in view and "<p>Refleksionen</p>" in view
