"""Printed editions, for real: pandoc (from pypandoc-binary) and typst (the Python package)
write the sample editions, and the tests read the results structurally: the docx's XML (via
python-docx and zipfile) and the PDF's text, pages and fonts (via pypdf). Never byte for byte.

Also here: the export's failures (Danish message, exit 1, nothing half-written), the
version history from git, and the site's download page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from praksis.core import load_content
from praksis.core.model.editions import Edition
from praksis.core.rules.editions import select
from praksis.export import docx_book
from praksis.export import history as git_module
from praksis.export import plan as plan_module
from praksis.export.errors import ExportError
from praksis.export.typst_pdf import compile_pdf, svg_to_png, svgs_to_png

from conftest import ROOT, SAMPLE_CONTENT, run_cli, write

HANDBOOK = "lindegaarden-haandbog"
LOEFT = "loeft-boerne-og-familie"
ENV = {"SOURCE_DATE_EPOCH": "1795392000"}  # 23 November 2026: the page's "today"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample content exported once (both editions, both formats) and as a draft."""
    project = tmp_path_factory.mktemp("export")
    shutil.copytree(SAMPLE_CONTENT, project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")  # site_url: addresses in print
    old = {key: os.environ.get(key) for key in ENV}
    os.environ.update(ENV)
    try:
        result = run_cli("export", cwd=project)
        assert result.exit_code == 0, result.stderr
        draft = run_cli("export", HANDBOOK, "--draft", "--output", "build/draft", cwd=project)
        assert draft.exit_code == 0, draft.stderr
        (project / "stderr.txt").write_text(result.stderr, encoding="utf-8")
        yield project
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def docx_xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


def docx_parts(path: Path, prefix: str) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [name for name in archive.namelist() if name.startswith(prefix)]


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


# --- The command --------------------------------------------------------------------------------

def test_export_writes_every_edition_and_says_what_it_left_out(exported: Path) -> None:
    files = sorted(p.name for p in (exported / "build/editions").iterdir())
    editions = sorted(e.id for e in load_content(SAMPLE_CONTENT).of_type(Edition))
    assert {HANDBOOK, LOEFT} <= set(editions)
    assert files == [f"{edition}.{fmt}" for edition in editions for fmt in ("docx", "pdf")]
    stderr = (exported / "stderr.txt").read_text(encoding="utf-8")
    # Progress: a line per edition and format.
    for name in files:
        assert f"Eksporterer {name} ..." in stderr
    # The page that is not approved is named, with its state.
    assert ("Bemærk: 1 beskrivelse er ikke godkendt og udeladt af lindegaarden-haandbog: "
            "Kontakter (kladde).") in stderr
    # Every sample document has 'changes:', so git is never asked (the copy is not in git,
    # and no commit subject of this repository can reach a sample handbook).
    assert "git-arkiv" not in stderr
    for name in files:  # published on the site: readable, not the temporary file's 0600
        assert (exported / "build/editions" / name).stat().st_mode & 0o044 == 0o044


# --- Word ---------------------------------------------------------------------------------------

def test_docx_has_danish_styles_headings_toc_and_page_numbers(exported: Path) -> None:
    path = exported / "build/editions" / f"{HANDBOOK}.docx"
    document = docx.Document(str(path))
    styles = [p.style.name for p in document.paragraphs]
    texts = {p.style.name: [] for p in document.paragraphs}
    for paragraph in document.paragraphs:
        texts[paragraph.style.name].append(paragraph.text)
    # The cover.
    assert texts["Title"] == ["Fælles praksis"]
    assert texts["Subtitle"] == ["Værdier, tilgange og redskaber på Botilbuddet Lindegården"]
    assert texts["Author"] == ["Botilbuddet Lindegården"]
    assert texts["Date"] == ["Udgave 3.0 · 1. oktober 2026"]
    assert texts["Abstract Title"] == ["Kolofon"]
    (abstract,) = texts["Abstract"]
    assert abstract.startswith("Revideret oktober 2026") and abstract.endswith(
        "findes altid på sitet: https://faelles-praksis.example.org/")
    # Real heading styles, numbered (a space after the number): parts, documents, sections;
    # the history unnumbered.
    assert texts["Heading 1"] == ["1 Om Fælles praksis", "2 Arbejdsmodellen", "3 Redskaberne",
                                  "4 Organisering", "5 Referencer",
                                  "Bilag: Lovende praksis: elementer og score",
                                  "Versionshistorik"]
    assert "3.3 Tryghedsplan og tryghedssamtaler" in texts["Heading 2"]
    assert "3.1.1 Formål" in texts["Heading 3"]
    assert all(re.match(r"^\d+(\.\d+)* \S", text) for style, found in texts.items()
               if style.startswith("Heading") for text in found if text[0].isdigit())
    assert "Boks" in styles  # the site's tips and warnings
    # Danish language and a page break before each part, from the reference document.
    style_xml = docx_xml(path, "word/styles.xml")
    assert '<w:lang w:bidi="ar-SA" w:eastAsia="da-DK" w:val="da-DK" />' in style_xml
    heading1 = document.styles["Heading 1"]
    assert heading1.paragraph_format.page_break_before is True
    body = docx_xml(path, "word/document.xml")
    assert 'TOC \\o "1-2"' in body and "Indhold" in body
    # Page number in the footer, the edition in the header.
    footers = "".join(docx_xml(path, part) for part in docx_parts(path, "word/footer"))
    assert 'w:instr="PAGE"' in footers
    headers = "".join(docx_xml(path, part) for part in docx_parts(path, "word/header"))
    assert "Fælles praksis 3.0" in headers and "KLADDE" not in headers
    assert "KLADDE" not in body


def test_docx_tables_are_word_tables(exported: Path) -> None:
    document = docx.Document(str(exported / "build/editions" / f"{HANDBOOK}.docx"))
    tables = {table.rows[0].cells[0].text: table for table in document.tables}
    phases = tables["Fase"]
    assert [cell.text for cell in phases.rows[0].cells] == [
        "Fase", "Sådan mærker beboeren det", "Det hjælper", "Det skal vi undgå"]
    assert [row.cells[0].text for row in phases.rows[1:]] == [
        "Rolig", "Begyndende uro", "Høj affekt", "Efter"]
    history = tables["Beskrivelse"]
    assert [row.cells[0].text for row in history.rows[1:]] == [
        "Hvad er Fælles praksis?", "Det korte resumé", "Vores tilgange", "Arbejdsmodellen",
        "Forankret i Sensum", "Platform for indsats", "Mit arbejds- og fritidsliv",
        "Tryghedsplan og tryghedssamtaler", "Beboerudviklingssamtaler (BUS)",
        "SMARTe delmål med indikatorer", "Organisering og roller", "Referencer"]
    assert all(table.style.name == "Table" for table in document.tables)


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_docx_contents_are_filled_in_with_links_to_the_headings(exported: Path) -> None:
    path = exported / "build/editions" / f"{HANDBOOK}.docx"
    document = docx.Document(str(path))
    body = document.element.body
    entries = [docx.text.paragraph.Paragraph(p, document) for p in body.iter(f"{W_NS}p")
               if re.fullmatch(r"TOC\d", p.style or "")]
    texts = [p.text for p in entries]
    assert texts[:4] == ["1 Om Fælles praksis", "1.1 Hvad er Fælles praksis?",
                         "1.2 Det korte resumé", "1.3 Vores tilgange"]
    assert "3.3 Tryghedsplan og tryghedssamtaler" in texts and texts[-1] == (
        "Ændringer siden forrige udgave")
    assert [p.style.name for p in entries[:2]] == ["toc 1", "toc 2"]
    # Each entry is a hyperlink to a bookmark that exists at its heading.
    bookmarks = {b.get(f"{W_NS}name") for b in body.iter(f"{W_NS}bookmarkStart")}
    anchors = [p._p.find(f"{W_NS}hyperlink").get(f"{W_NS}anchor") for p in entries]
    assert anchors[:2] == ["del-1", "dok-forord"] and set(anchors) <= bookmarks
    # The field result sits between the TOC field's separate and end: Word shows it as is
    # and does not ask to update fields when the file opens.
    chars = [c.get(f"{W_NS}fldCharType") for p in entries
             for c in p._p.iter(f"{W_NS}fldChar")]
    assert chars == ["begin", "separate", "end"]
    assert "dirty" not in docx_xml(path, "word/document.xml").split("TOC \\o")[0][-400:]
    assert "updateFields" not in docx_xml(path, "word/settings.xml")


def test_docx_tables_fit_their_words_and_rows_keep_together(exported: Path) -> None:
    for name in (HANDBOOK, LOEFT):
        document = docx.Document(str(exported / "build/editions" / f"{name}.docx"))
        assert document.tables
        for table in document.tables:
            grid = [int(c.get(f"{W_NS}w")) for c in table._tbl.tblGrid.iter(f"{W_NS}gridCol")]
            assert sum(grid) == docx_book.TEXT_WIDTH
            assert len(set(grid)) > 1 or len(grid) == 1  # sized by content, not equal
            for row in table.rows:
                assert row._tr.trPr.find(f"{W_NS}cantSplit") is not None
            # Room for each column's longest word ('Kompe tencer' no more), where the page
            # has room for them all (a table of ten columns has not).
            minimum = [0] * len(grid)
            for row in table.rows:
                header = row._tr.trPr.find(f"{W_NS}tblHeader") is not None
                for column, cell in enumerate(row.cells[:len(grid)]):
                    longest = max((len(w) for w in cell.text.split()), default=0)
                    minimum[column] = max(minimum[column], docx_book.word_width(longest, header))
            if sum(minimum) <= docx_book.TEXT_WIDTH:
                assert all(w >= m for w, m in zip(grid, minimum)), (grid, minimum)


def test_docx_cover_image_above_the_title_and_qr_codes(exported: Path) -> None:
    path = exported / "build/editions" / f"{HANDBOOK}.docx"
    document = docx.Document(str(path))
    styles = [p.style.name for p in document.paragraphs]
    assert styles.index("Cover Image") < styles.index("Title")
    body = docx_xml(path, "word/document.xml")
    # The logo, the working model and a QR code per description, all as PNG for Word.
    media = docx_parts(path, "word/media/")
    assert len(media) == 2 + 6 and all(name.endswith(".png") for name in media)
    assert body.count("Beskrivelsen på sitet:") == 6
    assert "https://faelles-praksis.example.org/praksis/tryghedsplan/" in body
    assert "Fælles praksis samler den faglige og organisatoriske kerne" in body


def test_docx_chart_is_an_image_word_can_show(exported: Path) -> None:
    path = exported / "build/editions" / f"{LOEFT}.docx"
    media = docx_parts(path, "word/media/")
    assert media and all(name.endswith(".png") for name in media)
    with zipfile.ZipFile(path) as archive:
        png = archive.read(media[0])
    assert png.startswith(b"\x89PNG") and b"pHYs" in png[:100]
    rels = docx_xml(path, "word/_rels/document.xml.rels")
    relation = re.search(r'Id="(\w+)"[^>]*Target="media/' + re.escape(media[0].split("/")[-1]),
                         rels) or re.search(r'Target="media/' + re.escape(
                             media[0].split("/")[-1]) + r'"[^>]*Id="(\w+)"', rels)
    assert relation is not None
    assert f'r:embed="{relation.group(1)}"' in docx_xml(path, "word/document.xml")


def test_draft_docx_says_kladde_in_header_and_on_cover(exported: Path) -> None:
    path = exported / "build/draft" / f"{HANDBOOK}.docx"
    headers = "".join(docx_xml(path, part) for part in docx_parts(path, "word/header"))
    assert "Fælles praksis 3.0 · KLADDE" in headers
    document = docx.Document(str(path))
    dates = [p.text for p in document.paragraphs if p.style.name == "Date"]
    assert dates == ["Udgave 3.0 · 1. oktober 2026 · KLADDE"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "4.2 Kontakter" in headings  # a draft takes the unapproved ones too


# --- PDF ----------------------------------------------------------------------------------------

def test_pdf_is_a_handbook(exported: Path) -> None:
    path = exported / "build/editions" / f"{HANDBOOK}.pdf"
    reader = PdfReader(path)
    pages = page_texts(path)
    assert 8 <= len(pages) <= 40
    cover, colophon, contents = pages[0], pages[1], pages[2]
    for expected in ("Fælles praksis", "Værdier, tilgange og redskaber på Botilbuddet "
                     "Lindegården", "Udgave 3.0", "1. oktober 2026"):
        assert expected in cover
    assert "erstatter udgave 2.0" in colophon
    assert contents.lstrip().startswith("Indhold")
    # The table of contents gives numbered entries with page numbers, and they are right.
    toc = re.findall(r"^(?:[\d.]+ )?(.+?)(?: \.)+\s*(\d+)$", contents, re.M)
    entries = {title: int(page) for title, page in toc}
    # Seed 004's order: foreword, summary, approaches, working model, the tools, the
    # organisation, references.
    assert list(entries) == [
        "Om Fælles praksis", "Hvad er Fælles praksis?", "Det korte resumé", "Vores tilgange",
        "Arbejdsmodellen", "Forankret i Sensum", "Redskaberne", "Platform for indsats",
        "Mit arbejds- og fritidsliv", "Tryghedsplan og tryghedssamtaler",
        "Beboerudviklingssamtaler (BUS)", "SMARTe delmål med indikatorer", "Organisering",
        "Organisering og roller", "Referencer",
        "Bilag: Lovende praksis: elementer og score", "Versionshistorik",
        "Ændringer siden forrige udgave"]
    assert "3.3 Tryghedsplan og tryghedssamtaler" in contents
    for title, page in entries.items():
        assert title in pages[page - 1]
    # Each part starts a page; its opening page has no running header.
    assert pages[entries["Redskaberne"] - 1].lstrip().startswith("3 Redskaberne")
    # Running header with the edition's title and part, and the page number, on other pages.
    inside = pages[entries["Redskaberne"]]
    assert inside.startswith("Fælles praksis 3.0 Redskaberne\n")
    assert inside.rstrip().endswith(f"\n{entries['Redskaberne'] + 1}")
    # The cover's revision note, the colophon's site address, the back cover.
    assert "Revideret oktober 2026" in cover
    assert "findes altid på sitet: https://faelles-praksis.example.org/" in colophon
    assert "Fælles praksis samler den faglige og organisatoriske kerne" in pages[-1]
    assert len(pages) % 2 == 0  # the back cover is the back of the last sheet
    # Danish letters survive; sections are numbered; unapproved descriptions are left out.
    text = "\n".join(pages)
    assert all(letter in text for letter in "æøåÆ")
    assert "3.1.1 Formål" in text
    assert "Kontakter" not in contents
    # Each description ends with its address on the site (and a QR code of it).
    assert ("Beskrivelsen på sitet: https://faelles-praksis.example.org/praksis/"
            "tryghedsplan/") in text.replace("\n", " ")
    history = "\n".join(pages[entries["Versionshistorik"] - 1:])
    # A date at the start of a table cell stays a date (typst would read "10." as a list).
    assert "Platform for indsats 2.0 Godkendt 10. marts 2025 9. marts 2026" in history
    # The changes since the previous edition are the editors' own words.
    assert "Afsnittet om hjemlighed omskrevet" in history
    assert "Første beskrivelse efter udviklingsforløbet" not in history  # before 2.0
    assert reader.metadata is not None and reader.metadata.title == "Fælles praksis"


def pdf_fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font on every page (and in its forms): base name -> embedded."""
    fonts: dict[str, bool] = {}

    def walk(resources: Any) -> None:
        for reference in (resources.get("/Font") or {}).values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        for reference in (resources.get("/XObject") or {}).values():
            xobject = reference.get_object()
            if "/Resources" in xobject:
                walk(xobject["/Resources"])

    for page in reader.pages:
        walk(page["/Resources"])
    return fonts


def test_pdf_embeds_all_its_fonts(exported: Path) -> None:
    fonts = pdf_fonts(PdfReader(exported / "build/editions" / f"{HANDBOOK}.pdf"))
    assert any("LibertinusSerif-Regular" in name for name in fonts)
    assert any("LibertinusSerif-Bold" in name for name in fonts)
    assert all(fonts.values()), fonts


def test_pdf_chart_is_vector_graphics(exported: Path) -> None:
    path = exported / "build/editions" / f"{LOEFT}.pdf"
    reader = PdfReader(path)
    (chart_page,) = [page for page in reader.pages
                     if re.search(r"Figur\s\d+:\s*Score pr\. element", page.extract_text())]
    assert "Score pr. element fra 0 i midten til 1 yderst" in chart_page.extract_text()
    # Drawn as paths on the page, not a picture: no raster image anywhere in the PDF.
    for page in reader.pages:
        for xobject in ((page["/Resources"].get("/XObject") or {}).values()):
            assert xobject.get_object().get("/Subtype") != "/Image"
    content = chart_page.get_contents().get_data()
    assert content.count(b" l\n") + content.count(b" c\n") > 50  # lines and curves
    assert all(pdf_fonts(reader).values())


def test_draft_pdf_marks_every_page(exported: Path) -> None:
    pages = page_texts(exported / "build/draft" / f"{HANDBOOK}.pdf")
    assert all("KLADDE" in text for text in pages)
    assert any("Kontakter" in text for text in pages[3:])


# --- Failures: Danish, exit 1, nothing half-written ------------------------------------------

@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_unknown_format_and_edition(project: Path) -> None:
    result = run_cli("export", "--format", "odt", cwd=project)
    assert result.exit_code == 1
    assert result.stderr.startswith("Fejl: ukendt format 'odt'.")
    assert "Vælg 'docx', 'pdf', 'all'." in result.stderr
    result = run_cli("export", "lindegaarden-handbog", cwd=project)
    assert result.exit_code == 1
    assert ("Fejl: udgaven 'lindegaarden-handbog' findes ikke. Mente du "
            "'lindegaarden-haandbog'?") in result.stderr
    assert leftovers(project / "build" / "editions") == []


def test_bad_manifest_stops_the_export_with_file_and_line(project: Path) -> None:
    manifest = project / "content/editions" / f"{HANDBOOK}.yml"
    lines = manifest.read_text(encoding="utf-8").split("\n")
    number = lines.index("    documents: [organisering-og-roller, kontakter]")
    lines[number] = "    folder: ../../etc"
    manifest.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli("export", cwd=project)
    assert result.exit_code == 1
    assert (f"content/editions/{HANDBOOK}.yml:{number + 1}: parts[4].folder: '../../etc' "
            "peger uden for content/") in result.stderr
    assert leftovers(project / "build" / "editions") == []


def test_missing_image_names_the_document_line(project: Path) -> None:
    page = project / "content/praksis/tryghedsplan.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![Model](billeder/model.svg)\n",
                    encoding="utf-8")
    result = run_cli("export", HANDBOOK, "--format", "pdf", cwd=project)
    assert result.exit_code == 1
    line = len(page.read_text(encoding="utf-8").split("\n")) - 1
    # praksis's link check (the same as check's and build's) finds it before pandoc runs.
    assert (f"content/praksis/tryghedsplan.md:{line}: billede: billedet 'billeder/model.svg' "
            "findes ikke (content/praksis/billeder/model.svg).") in result.stderr
    assert leftovers(project / "build" / "editions") == []


def test_pandoc_failure_keeps_the_old_file(project: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    old = write(project, {f"build/editions/{HANDBOOK}.docx": b"old edition"})
    real = plan_module.checked_in_defaults

    def broken(fmt: str) -> dict[str, Any]:
        return {**real(fmt), "to": "tekstilformat"}

    monkeypatch.setattr(plan_module, "checked_in_defaults", broken)
    result = run_cli("export", HANDBOOK, "--format", "docx", cwd=project)
    assert result.exit_code == 1
    assert "Fejl: pandoc kunne ikke lave tekstilformat" in result.stderr
    assert "Unknown output format tekstilformat" in result.stderr  # pandoc's own words
    assert (old / f"build/editions/{HANDBOOK}.docx").read_bytes() == b"old edition"
    assert leftovers(project / "build/editions") == [f"{HANDBOOK}.docx"]


def test_typst_failure_is_reported_and_nothing_written(project: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    broken_template = write(project, {"broken.typ": "$body$\n#let x = (\n"}) / "broken.typ"
    real = plan_module.data_path
    monkeypatch.setattr(plan_module, "data_path", lambda name: broken_template
                        if name == "template.typ" else real(name))
    result = run_cli("export", HANDBOOK, "--format", "pdf", cwd=project)
    assert result.exit_code == 1
    assert "Fejl: typst kunne ikke lave PDF'en: " in result.stderr
    assert leftovers(project / "build/editions") == []


def test_unknown_font_is_an_error_not_a_fallback(tmp_path: Path) -> None:
    source = write(tmp_path, {"x.typ": '#set text(font: "Comic Sans MS")\nHej æøå.\n'})
    with pytest.raises(ExportError) as caught:
        compile_pdf(source / "x.typ", source)
    assert "typst kender ikke en skrifttype" in str(caught.value)
    assert "comic sans ms" in str(caught.value).lower()
    pdf, warnings = compile_pdf(write(tmp_path, {"ok.typ": "Hej æøå.\n"}) / "ok.typ", tmp_path)
    assert pdf.startswith(b"%PDF") and warnings == []


def test_a_chart_that_cannot_be_drawn_is_an_error(tmp_path: Path) -> None:
    broken = write(tmp_path, {"_grafik/x.svg": "<svg xmlns='http://www.w3.org/2000/svg'><g>"})
    with pytest.raises(ExportError) as caught:
        svg_to_png(broken / "_grafik/x.svg", broken / "_grafik/x.png")
    assert str(caught.value).startswith("diagrammet x.svg kunne ikke laves om til PNG til "
                                        "Word-udgaven: ")
    assert not (broken / "_grafik/x.png").exists()


_SVG = ("<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='20'>"
        "<rect width='{w}' height='20' fill='#{c}'/></svg>")


def test_charts_drawn_in_one_run_are_the_charts_drawn_one_by_one(tmp_path: Path) -> None:
    folder = write(tmp_path, {'_grafik/a "b".svg': _SVG.format(w=40, c="c00"),
                              "_grafik/c.svg": _SVG.format(w=90, c="0a0")})
    pairs = [(folder / '_grafik/a "b".svg', folder / "_grafik/1.png"),
             (folder / "_grafik/c.svg", folder / "_grafik/2.png")]
    svgs_to_png(pairs, folder)
    for svg, png in pairs:
        svg_to_png(svg, png.with_name("alone-" + png.name))
        assert png.read_bytes() == png.with_name("alone-" + png.name).read_bytes(), svg.name
    assert (folder / "_grafik/1.png").read_bytes() != (folder / "_grafik/2.png").read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == ["_grafik"]   # its typst file is gone


def test_a_broken_chart_among_many_is_named(tmp_path: Path) -> None:
    folder = write(tmp_path, {"_grafik/ok.svg": _SVG.format(w=40, c="c00"),
                              "_grafik/x.svg": "<svg xmlns='http://www.w3.org/2000/svg'><g>"})
    with pytest.raises(ExportError) as caught:
        svgs_to_png([(folder / "_grafik/ok.svg", folder / "_grafik/ok.png"),
                     (folder / "_grafik/x.svg", folder / "_grafik/x.png")], folder)
    assert str(caught.value).startswith("diagrammet x.svg kunne ikke laves om til PNG")
    assert not (folder / "_grafik/x.png").exists()


def test_no_approved_documents_suggests_draft(project: Path) -> None:
    write(project, {"content/editions/kladder.yml": (
        "type: edition\ntitle: Kladder\norganisation: Lindegården\nedition: \"0.1\"\n"
        "date: 2026-10-01\nparts:\n  - title: Alt\n    documents: [kontakter]\n")})
    result = run_cli("export", "kladder", cwd=project)
    assert result.exit_code == 1
    assert ("Fejl: content/editions/kladder.yml: udgaven har ingen godkendte dokumenter at "
            "trykke.") in result.stderr and "--draft" in result.stderr


# --- Version history from git -------------------------------------------------------------------

def git(root: Path, *args: str, day: str = "2026-01-01") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE":
           f"{day}T12:00:00", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false",
                    "-c", "tag.gpgsign=false", *args], cwd=root, env=env, check=True,
                   capture_output=True)


def history_for(project: Path) -> Any:
    content = load_content(project / "content")
    edition = content.get(Edition, HANDBOOK)
    documents = select(edition, content, draft=False).documents
    return git_module.git_history(project / "content")(edition, documents)


def touch(project: Path, name: str, line: str) -> None:
    path = project / "content/praksis" / name
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_history_since_the_edition_tag(project: Path) -> None:
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Første udgave", day="2024-09-01")
    git(project, "tag", f"edition/{HANDBOOK}/2.0")
    touch(project, "tryghedsplan.md", "Ny sætning.")
    git(project, "commit", "-qam", "Tryghedsplanen: nye eksempler", day="2025-04-22")
    touch(project, "metodevaerksted.md", "Ikke med i udgaven.")
    git(project, "commit", "-qam", "Metodeværksted", day="2026-10-05")

    history = history_for(project)
    assert history.note is None
    assert history.since == f"siden forrige udgave (git-mærket edition/{HANDBOOK}/2.0)"
    assert [(str(c.date), c.summary, c.documents) for c in history.changes] == [
        ("2025-04-22", "Tryghedsplanen: nye eksempler", ("praksis/tryghedsplan.md",))]


def test_history_since_the_previous_date_without_a_tag(project: Path) -> None:
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Gammel", day="2024-01-01")
    touch(project, "smarte-delmaal.md", "Ny sætning.")
    git(project, "commit", "-qam", "Delmål: indikatorer", day="2025-02-01")
    history = history_for(project)
    assert history.since == "siden udgave 2.0 (1. oktober 2024)"
    assert [c.summary for c in history.changes] == ["Delmål: indikatorer"]


def test_history_outside_git_and_without_commits(project: Path) -> None:
    assert "ligger ikke i et git-arkiv" in (history_for(project).note or "")
    git(project, "init", "-q")
    assert history_for(project).note == git_module.NO_COMMITS


# --- The site links the editions ------------------------------------------------------------------

def test_site_copies_and_links_exported_editions(sample_project: Path) -> None:
    write(sample_project, {f"build/editions/{HANDBOOK}.pdf": b"%PDF-1.7 handbook"})
    result = run_cli("build", cwd=sample_project)
    assert result.exit_code == 0, result.stderr
    site = sample_project / "build/site/haandboeger"
    assert (site / f"{HANDBOOK}.pdf").read_bytes() == b"%PDF-1.7 handbook"
    page = (site / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{HANDBOOK}.pdf">Download som PDF</a>' in page
    assert "Download som Word" not in page  # the docx was not exported
    assert "Udgaven er ikke eksporteret endnu." in page  # the LØFT edition


def test_repository_ships_the_reference_document() -> None:
    reference = ROOT / "plugins/praksis/export/data/reference.docx"
    headers = "".join(docx_xml(reference, part) for part in docx_parts(reference, "word/header"))
    assert "{{praksis-header}}" in headers
    assert (ROOT / "scripts/make-reference-docx").is_file()
