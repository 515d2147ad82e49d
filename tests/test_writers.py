"""The model of computed content and its two writers: goldens per view and writer, print holds
what the site holds, and editor values shown as typed by both writers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from praksis.core import load_content
from praksis.core.blocks import (
    Abbreviation,
    Advice,
    Block,
    BulletList,
    Chart,
    Column,
    Date,
    Details,
    EditorMarkdown,
    Emphasis,
    Facts,
    Inlines,
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
    inlines,
    paragraph,
    section,
)
from praksis.core.charts import radar_svg
from praksis.core.danish import decimal, format_date, percent
from praksis.core.model.assessment import Assessment
from praksis.core.model.content import ContentSet
from praksis.core.pages import page_blocks, print_appendices
from praksis.core.views.context import PageContext
from praksis.core.views.editions import EDITIONS_PAGE, editions_blocks
from praksis.core.views.reference import REFERENCE_PATH, reference_blocks
from praksis.core.writers import print as print_writer
from praksis.core.writers import site as site_writer

from conftest import (
    GOLDEN_INPUTS,
    SAMPLE_CONTENT,
    TESTS,
    assert_golden,
    html_text,
    print_golden,
    site_golden,
    unescaped,
    write,
)

GOLDEN = TESTS / "golden" / "views"
TODAY = dt.date(2026, 11, 23)


# --- Reading the model's text leaves ----------------------------------------------------------

def plain(nodes: Inlines) -> str:
    """What a reader reads of inline content, formatted as the Danish helpers format it."""
    parts = []
    for node in nodes:
        match node:
            case Text() | RepeatedText():
                parts.append(node.value)
            case Strong() | Emphasis() | Link() | Abbreviation():
                parts.append(plain(node.children))
            case Date():
                parts.append(format_date(node.value))
            case Number():
                shown = decimal(node.value)
                positive = node.signed and node.value is not None and node.value > 0
                parts.append("+" + shown if positive else shown)
            case Percent() | Progress():
                parts.append(percent(node.value))
            case Status():
                parts.append(node.label)
            case Symbol():
                parts.append(node.symbol)
    return "".join(parts)


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def leaves(blocks: tuple[Block, ...], repeated: bool = False) -> list[str]:
    """Every fact, table cell and editor text of the blocks, and all text repeated in every
    document (question texts, definitions, guiding questions), which print puts in an
    appendix."""
    found: list[str] = []
    for block in blocks:
        match block:
            case Facts():
                found += [item.label for item in block.items]
                found += [plain(item.value) for item in block.items]
            case Table():
                found += [plain(cell) for row in block.rows for cell in row]
            case EditorMarkdown():
                found.append(block.markdown)
            case Paragraph() if repeated:
                found.append(plain(block.children))
            case BulletList() if repeated:
                found += [plain(item) for item in block.items]
            case Repeated():
                found += leaves(block.children, repeated=True)
            case Advice():
                pass   # advice for editors: on the site only, by design
            case Section() | Note() | Details():
                found += leaves(block.children, repeated)
    return [leaf for leaf in map(_normal, found) if leaf and leaf != "–"]


def site_text(blocks: tuple[Block, ...], path: str) -> str:
    pieces = site_writer.write(blocks, path).pieces
    return _normal(" ".join(html_text(p) if isinstance(p, str) else p.markdown for p in pieces))


_MARKS = re.compile(r"(?<!\\)\*+")
_LINK = re.compile(r"(?<!\\)\[(.*?)(?<!\\)\]\(#[^)]*\)")


def print_text(blocks: tuple[Block, ...]) -> str:
    pieces = print_writer.write(blocks, {"praksis/x.md": "dok-x"}, drop_title=False).pieces
    markdown = " ".join(p if isinstance(p, str) else p.markdown for p in pieces)
    return _normal(unescaped(_MARKS.sub("", _LINK.sub(r"\1", markdown))))


# --- Print holds what the site holds ------------------------------------------------------------

def _sample_documents() -> list[str]:
    content = load_content(SAMPLE_CONTENT)
    return sorted(doc.source.path for doc in content.documents if doc.source.path.endswith(".md"))


@pytest.fixture(scope="module")
def sample() -> ContentSet:
    return load_content(SAMPLE_CONTENT)


@pytest.mark.parametrize("path", _sample_documents())
def test_every_fact_row_and_comment_is_on_the_site_and_in_print(sample: ContentSet,
                                                                path: str) -> None:
    doc = sample.by_path(path)
    site_ctx = PageContext(sample, TODAY)
    print_ctx = dataclasses.replace(site_ctx, printing=True)
    site_blocks = page_blocks(doc, site_ctx)
    printed = page_blocks(doc, print_ctx) + tuple(
        block for appendix in print_appendices([doc], print_ctx)
        if not isinstance(appendix.content, str) for block in appendix.content)
    on_site, in_print = site_text(site_blocks, path), print_text(printed)
    for leaf in leaves(site_blocks):
        assert leaf in on_site, (path, leaf)
        assert _wording(leaf) in _wording(in_print), (path, leaf)


def _wording(text: str) -> str:
    """Print writes a qualifying status in brackets and lower case ('I gang (forfalden)'
    for the site's two badges 'I gang' 'Forfalden'): the same words, the same order."""
    return text.replace("(", "").replace(")", "").casefold()


def test_the_sample_assessment_has_its_answers_in_the_model(sample: ContentSet) -> None:
    """The completeness test walks the model: the model holds every comment (so the test
    above cannot pass on an empty model)."""
    assessment = sample.get(Assessment, "samarbejde-om-sikkerhed-2026-03-12")
    found = leaves(page_blocks(assessment, PageContext(sample, TODAY)))
    comments = [_normal(a.comment) for a in assessment.answers if a.comment]
    assert len(comments) > 40
    assert all(comment in found for comment in comments)


# --- Goldens: each writer's output of each converted view ------------------------------------

@pytest.fixture
def golden_content(tmp_path: Path) -> ContentSet:
    """The goldens' frozen instrument and practice, and two assessments of that practice."""
    shutil.copytree(GOLDEN_INPUTS, tmp_path / "content", ignore=shutil.ignore_patterns("*.txt",
                                                                                        "README*"))
    (tmp_path / "content" / "vurderinger").mkdir()
    for name in ("samarbejde-om-sikkerhed-2024-03-14.md", "samarbejde-om-sikkerhed-2026-03-12.md"):
        shutil.copy(SAMPLE_CONTENT / "vurderinger" / name, tmp_path / "content" / "vurderinger")
    content = load_content(tmp_path / "content")
    assert not content.errors, content.errors
    return content


def _anchors(content: ContentSet) -> dict[str, str]:
    return {doc.source.path: f"dok-{doc.source.doc_id}" for doc in content.documents}


@pytest.mark.parametrize(("view", "path"), [
    ("assessment", "vurderinger/samarbejde-om-sikkerhed-2026-03-12.md"),
    ("practice", "praksis/samarbejde-om-sikkerhed.md"),
])
def test_golden_views(golden_content: ContentSet, view: str, path: str) -> None:
    doc = golden_content.by_path(path)
    site_ctx = PageContext(golden_content, TODAY)
    print_ctx = dataclasses.replace(site_ctx, printing=True)
    assert_golden(GOLDEN / f"{view}.site.html", site_golden(page_blocks(doc, site_ctx), path))
    assert_golden(GOLDEN / f"{view}.print.md",
                  print_golden(page_blocks(doc, print_ctx), _anchors(golden_content)))


def test_golden_appendices(golden_content: ContentSet) -> None:
    doc = golden_content.by_path("vurderinger/samarbejde-om-sikkerhed-2026-03-12.md")
    ctx = PageContext(golden_content, TODAY, printing=True)
    [appendix] = print_appendices([doc], ctx)
    assert not isinstance(appendix.content, str)
    written = print_writer.write(appendix.content, {}, drop_title=False)
    assert_golden(GOLDEN / "instrument-appendix.print.md",
                  "".join(p for p in written.pieces if isinstance(p, str)))


def test_golden_generated_pages(golden_content: ContentSet, tmp_path: Path) -> None:
    """The key reference (from the schemas) and the handbooks page (one edition, exported
    as Word and PDF)."""
    reference = reference_blocks()
    assert_golden(GOLDEN / "reference.site.html", site_golden(reference, REFERENCE_PATH))
    assert_golden(GOLDEN / "reference.print.md", print_golden(reference))
    # The golden content's folder is tmp_path/content: the manifest goes in beside it.
    write(tmp_path, {"content/editions/haandbog.yml": (
        "type: edition\ntitle: Fælles <praksis>\nsubtitle: Håndbog\norganisation: Botilbuddet "
        "Lindegården\nedition: '3.0'\ndate: 2026-10-01\nparts:\n  - title: Redskaber\n"
        "    folder: praksis\n")})
    content = load_content(tmp_path / "content")
    assert not content.errors, content.errors
    ctx = PageContext(content, TODAY, editions={"haandbog": {
        "docx": "haandboeger/haandbog.docx", "pdf": "haandboeger/haandbog.pdf"}})
    editions = editions_blocks(ctx)
    assert_golden(GOLDEN / "editions.site.html", site_golden(editions, EDITIONS_PAGE))
    assert_golden(GOLDEN / "editions.print.md", print_golden(editions))


# --- Both writers show editor values as typed -------------------------------------------------

HOSTILE = '<script>alert("x")</script> [klik](javascript:alert(1)) **fed** 1. juni | kolonne $5 @x'


def test_writers_show_editor_values_as_typed() -> None:
    blocks = (section(2, HOSTILE, paragraph(HOSTILE),
                      Table((Column(inlines("A")), Column(inlines("B"))),
                            ((inlines(HOSTILE), inlines("1. juni 2025")),))),)
    html = "".join(p for p in site_writer.write(blocks, "a.md").pieces if isinstance(p, str))
    assert "<script" not in html and "href" not in html.replace('href="#', "")
    assert html_text(html).count(HOSTILE) == 3
    markdown = "".join(p for p in print_writer.write(blocks).pieces if isinstance(p, str))
    assert re.search(r"(?<!\\)[<\[|*$@]", markdown.replace("| ", "").replace(" |", "")) is None
    assert unescaped(markdown).count(HOSTILE) == 3
    # A cell's leading '1.' is not a list; the pipe in the text does not split the cell.
    assert "| 1\\. juni 2025 |" in markdown
    assert markdown.count("\n| ") == 3


def test_site_writer_gives_ids_permalinks_and_toc_headings() -> None:
    blocks = (section(2, "Samlet vurdering", EditorMarkdown("## Samlet vurdering\n\nTekst")),
              section(3, "Sådan gør vi"))
    written = site_writer.write(blocks, "a.md", permalink=site_writer.Permalink("Direkte link"))
    # The editor's own heading keeps its id: the computed one is made unique beside it.
    assert [(h.level, h.id) for h in written.headings] == [(2, "samlet-vurdering_1"),
                                                           (3, "sådan-gør-vi")]
    first = written.pieces[0]
    assert isinstance(first, str)
    assert ('<h2 id="samlet-vurdering_1">Samlet vurdering<a class="headerlink" '
            'href="#samlet-vurdering_1" title="Direkte link">&para;</a></h2>') in first


def test_repeated_text_is_kept_out_of_the_site_search() -> None:
    blocks = (Repeated((paragraph("Spørgsmålet"),)), paragraph("Kommentaren"),
              Table((Column(inlines("Spørgsmål")), Column(inlines("Svar"))),
                    (((RepeatedText("1.1 tekst"),), (Text("svar"),)),)))
    html = "".join(p for p in site_writer.write(blocks, "a.md").pieces if isinstance(p, str))
    assert "<p data-search-exclude>Spørgsmålet</p>" in html
    assert "<p>Kommentaren</p>" in html
    assert "<span data-search-exclude>1.1 tekst</span>" in html


def test_print_writer_links_to_printed_documents_only() -> None:
    blocks = (paragraph("Se ", Link((Date(dt.date(2026, 3, 12)),), target="praksis/x.md"),
                        " og ", Link((Text("y"),), target="praksis/y.md"), "."),)
    markdown = "".join(p for p in print_writer.write(blocks, {"praksis/x.md": "dok-x"}).pieces
                       if isinstance(p, str))
    # A day at the start of a link keeps a no-break space (typst would start a list).
    assert markdown.strip() == "Se [12.\u00a0marts 2026](#dok-x) og y."


def test_charts_are_inline_svg_on_the_site_and_image_files_in_print() -> None:
    svg = radar_svg([("1. Teori", 0.8), ("2. Virkning", 0.5), ("3. Mål", None)])
    blocks = (Chart(svg, "Score pr. element & mål."),)
    html = "".join(p for p in site_writer.write(blocks, "a.md").pieces if isinstance(p, str))
    assert html == (f'<figure class="praksis-chart" data-search-exclude>\n{svg}\n'
                    "<figcaption>Score pr. element &amp; mål.</figcaption>\n</figure>\n")
    written = print_writer.write(blocks)
    [image] = written.images
    assert image.path.startswith(f"{print_writer.CHART_FOLDER}/") and image.data == svg.encode()
    assert written.pieces == (f"![Score pr. element \\& mål.]({image.path}){{width=100%}}\n\n",)


def test_permalinks_follow_the_toc_settings() -> None:
    heading = (section(2, "Mål"),)
    [own_text] = site_writer.write(heading, "a.md", permalink=site_writer.Permalink("T", "#")
                                   ).pieces
    assert own_text == ('<h2 id="mål">Mål<a class="headerlink" href="#mål" title="T">#</a>'
                        "</h2>\n")
    [without] = site_writer.write(heading, "a.md", permalink=None).pieces
    assert without == '<h2 id="mål">Mål</h2>\n'


def test_computed_ids_use_the_toc_extensions_slugify() -> None:
    blocks = (section(2, "Sådan gør vi"), EditorMarkdown("## Sådan gør vi"))
    written = site_writer.write(blocks, "a.md", slugify=lambda text, sep: text.upper())
    assert [h.id for h in written.headings] == ["SÅDAN GØR VI_1"]  # the editor's is taken
