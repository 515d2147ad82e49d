"""The handbook as a book (issue 14): editors' change history (``changes:``) with git only as
a fallback, free pages in editions, the manifest's cover image, revision note and back cover.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from praksis.cli.export import site_address
from praksis.core import load_content
from praksis.core.changes import version_key
from praksis.core.editions import (
    EditionHistory,
    PrintSource,
    SiteAddress,
    combined_history,
    plan_edition,
)
from praksis.core.model import Practice
from praksis.core.model.content import ContentSet
from praksis.core.model.editions import Edition
from praksis.core.pages import render_page
from praksis.core.rules.editions import select
from praksis.core.views.context import PageContext
from praksis.export import docx_book
from praksis.export.docx_book import column_widths
from praksis.export.glyphs import is_drawable, missing_glyphs
from praksis.export.history import git_history

from conftest import run_cli, write

TODAY = dt.date(2026, 11, 23)

PRACTICE = """\
---
type: practice
title: {title}
summary: Et kort resumé.
unit: Botilbuddet Lindegården
owner: Metodeansvarlig Jens Holm
target_group: Voksne beboere.
goals: [Tryghed i hverdagen.]
activities: [Ugentlig samtale.]
organisation: Kontaktpersonen holder samtalen.
staff_background: Pædagoger.
approval:
  state: godkendt
  approved_by: Forstander Birgitte Vang
  approved_on: 2025-06-01
version: "{version}"
last_reviewed: 2025-06-01
{changes}---

## Formål

Tekst om {title}.
"""


def practice(title: str, version: str = "1.0", changes: str = "") -> str:
    return PRACTICE.format(title=title, version=version, changes=changes)


PAGE = """\
---
type: page
title: {title}
{approval}---

Tekst på siden {title}.

![Arbejdsmodellen](billeder/model.svg)
"""

APPROVED = ("approval:\n  state: godkendt\n  approved_by: Forstander Birgitte Vang\n"
            "  approved_on: 2025-06-01\n")

MANIFEST = """\
type: edition
title: Fælles praksis
organisation: Botilbuddet Lindegården
edition: "3.0"
date: 2026-10-01
parts:
  - title: Om håndbogen
    documents: [forord, arbejdsmodel]
  - title: Redskaber
    documents: [platform, delmaal]
previous:
  edition: "2.0"
  date: 2024-10-01
"""

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">'
       '<rect width="40" height="20" fill="#00695c"/></svg>')


def check(tmp_path: Path, files: dict[str, str]) -> tuple[int, list[str]]:
    write(tmp_path, files)
    result = run_cli("check", "content", cwd=tmp_path)
    return result.exit_code, [line for line in result.stderr.splitlines()
                              if line.startswith("content/")]


# --- changes: validation ----------------------------------------------------------------------

def test_versions_compare_as_dotted_numbers() -> None:
    assert version_key("3.10") > version_key("3.9") > version_key("3") > version_key("2.99")
    assert version_key("3.a") is None
    assert version_key("3") == version_key("3.0") == version_key("3.00") < version_key("3.0.1")


def test_valid_changes_in_any_order(tmp_path: Path) -> None:
    changes = ("changes:\n"
               '  - {version: "3.9", date: 2025-01-02, summary: "Ny tjekliste."}\n'
               '  - {version: "3.10", date: 2025-06-01, summary: "Nye indikatorer."}\n'
               "  - {date: 2025-09-01}\n"
               '  - {version: "1.0", date: 2020-01-01, summary: "Første version."}\n')
    code, lines = check(tmp_path, {"content/praksis/a.md": practice("A", "3.10", changes)})
    assert code == 0, lines
    content = load_content(tmp_path / "content")
    [doc] = content.documents
    assert [(e.version, e.line) for e in doc.source.changes] == [
        ("3.9", 19), ("3.10", 20), (None, 21), ("1.0", 22)]


def test_changes_problems_name_file_and_line(tmp_path: Path) -> None:
    code, lines = check(tmp_path, {"content/praksis/b.md": practice("B", "1.0", (
        'changes:\n  - {version: "1.0", date: 2025-02-30, summary: "Dato findes ikke."}\n'))})
    assert lines == ["content/praksis/b.md:19: changes[1].date: datoen 2025-02-30 findes ikke: "
                     "februar 2025 har kun 28 dage. Ret dagen."]
    changes = ("changes:\n"
               '  - {version: "2.0", date: 2025-02-01, summary: "Højeste."}\n'
               '  - {version: "1.1", date: 2025-01-02, summary: "Første."}\n'
               '  - {version: "1.1", date: 2025-03-02, summary: "Samme version igen."}\n'
               '  - {version: "x.1", date: 2025-03-02, summary: "Ikke et tal."}\n'
               '  - {version: "1.2", date: 2025-03-02}\n')
    code, lines = check(tmp_path, {"content/praksis/a.md": practice("A", "2.0", changes)})
    assert code == 1
    text = "\n".join(lines)
    assert ("content/praksis/a.md:21: changes[3].version: version 1.1 står to gange i "
            "'changes' (også i punkt 2, linje 20).") in text
    assert "content/praksis/a.md:22: changes[4].version: 'x.1' er ikke et versionsnummer." in text
    assert ("content/praksis/a.md:23: changes[5]: advarsel: ændringen til version 1.2 mangler "
            "'summary'.") in text


def test_highest_version_must_equal_version(tmp_path: Path) -> None:
    changes = ("changes:\n"
               '  - {version: "3.10", date: 2025-06-01, summary: "Nye indikatorer."}\n'
               '  - {version: "3.9", date: 2025-01-02, summary: "Ny tjekliste."}\n')
    code, lines = check(tmp_path, {"content/praksis/a.md": practice("A", "3.9", changes)})
    assert code == 1
    assert lines == ["content/praksis/a.md:16: version: version er 3.9, men den højeste "
                     "version i 'changes' er 3.10. De skal være ens: ret 'version', eller "
                     "tilføj ændringen til den nye version under 'changes'."]


def test_page_changes_need_a_version(tmp_path: Path) -> None:
    page = ('---\ntype: page\ntitle: Forord\nchanges:\n'
            '  - {version: "2.0", date: 2024-10-01, summary: "Revideret."}\n---\n\nTekst.\n')
    code, lines = check(tmp_path, {"content/forord.md": page})
    assert code == 1
    assert lines[0].startswith("content/forord.md:4: changes: 'changes' nævner version 2.0, "
                               "men dokumentet har ingen 'version'.")


# --- The history: changes: first, git only for documents without them ------------------------

def git(root: Path, *args: str, day: str = "2026-01-01") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE":
           f"{day}T12:00:00", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                   cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    changes = ("changes:\n"
               '  - {version: "2.0", date: 2024-09-01, summary: "Før forrige udgave."}\n'
               '  - {date: 2025-05-02, summary: "Gennemgået, intet ændret."}\n'
               '  - {version: "3.0", date: 2025-11-03, summary: "Afsnit om støttebehov '
               'tilføjet."}\n')
    write(tmp_path, {
        "content/forord.md": PAGE.format(title="Forord", approval=APPROVED),
        "content/arbejdsmodel.md": PAGE.format(title="Arbejdsmodel", approval=""),
        "content/billeder/model.svg": SVG,
        "content/praksis/platform.md": practice("Platform for indsats", "3.0", changes),
        "content/praksis/delmaal.md": practice("Delmål"),
        "content/editions/bog.yml": MANIFEST,
    })
    return tmp_path


def loaded(root: Path) -> tuple[ContentSet, Edition]:
    content = load_content(root / "content")
    assert not content.errors, [p.format() for p in content.errors]
    edition = content.get(Edition, "bog")
    assert edition is not None
    return content, edition


def test_changes_win_over_git_which_reads_only_the_others(book: Path) -> None:
    git(book, "init", "-q")
    git(book, "add", ".")
    git(book, "commit", "-qm", "Initial import of the sample", day="2024-01-01")
    for name in ("platform.md", "delmaal.md"):
        path = book / "content/praksis" / name
        path.write_text(path.read_text(encoding="utf-8") + "\nMere tekst.\n", encoding="utf-8")
    git(book, "commit", "-qam", "Refactor: both files", day="2025-03-01")
    content, edition = loaded(book)
    documents = select(edition, content, draft=False).documents

    history = combined_history(edition, documents, git_history(book / "content"))
    rows = [(str(c.date), c.version, c.summary, c.documents) for c in history.changes]
    assert rows == [
        ("2025-11-03", "3.0", "Afsnit om støttebehov tilføjet.", ("praksis/platform.md",)),
        ("2025-05-02", None, "Gennemgået, intet ændret.", ("praksis/platform.md",)),
        # The git fallback names only the document without changes: (forord has
        # no commit after the previous edition).
        ("2025-03-01", None, "Refactor: both files", ("praksis/delmaal.md",)),
    ]


def test_without_git_documents_with_changes_still_have_history(book: Path) -> None:
    content, edition = loaded(book)
    documents = select(edition, content, draft=False).documents
    history = combined_history(edition, documents, git_history(book / "content"))
    assert [c.summary for c in history.changes] == ["Afsnit om støttebehov tilføjet.",
                                                    "Gennemgået, intet ændret."]
    assert history.note is not None and "git-arkiv" in history.note


def test_reader_is_not_asked_when_every_document_has_changes(book: Path) -> None:
    content, edition = loaded(book)
    platform = [d for d in content.documents if d.source.doc_id == "platform"]
    asked: list[object] = []

    def reader(edition: Edition, documents: object) -> EditionHistory:
        asked.append(documents)
        return EditionHistory(note="må ikke bruges")

    history = combined_history(edition, platform, reader)
    assert asked == [] and history.note is None
    assert history.since == "siden udgave 2.0 (1. oktober 2024)"


# --- Free pages in editions -----------------------------------------------------------------

def test_free_pages_print_when_approved_with_their_images(book: Path) -> None:
    content, edition = loaded(book)
    plan = plan_edition(edition, content, PageContext(content, TODAY), draft=False)
    titles = [[d.source.doc_id for d in part.documents] for part in plan.selection.parts]
    assert titles == [["forord"], ["platform", "delmaal"]]
    assert [(item.document.source.doc_id, item.reason) for item in plan.selection.left_out] \
        == [("arbejdsmodel", "uden godkendelse")]
    assert "## Forord {#dok-forord}" in plan.markdown
    draft = plan_edition(edition, content, PageContext(content, TODAY), draft=True)
    assert "## Arbejdsmodel {#dok-arbejdsmodel}" in draft.markdown
    assert "![Arbejdsmodellen](billeder/model.svg)" in draft.markdown
    # The version table shows a page's approval like a description's.
    assert "| Forord | – | Godkendt 1. juni 2025 | – |" in draft.markdown


def test_page_without_approval_in_an_edition_is_a_warning(book: Path) -> None:
    result = run_cli("check", "content", cwd=book)
    assert result.exit_code == 0, result.stderr
    assert ("content/editions/bog.yml:8: parts[1].documents[2]: advarsel: siden "
            "'arbejdsmodel' (arbejdsmodel.md) har ingen 'approval', så den kommer kun med i "
            "kladder (--draft).") in result.stderr


def test_two_pages_with_one_id_cannot_be_named(book: Path) -> None:
    write(book, {"content/om/forord.md": PAGE.format(title="Andet forord", approval="")})
    result = run_cli("check", "content", cwd=book)
    assert result.exit_code == 1
    assert ("content/editions/bog.yml:8: parts[1].documents[1]: flere sider hedder 'forord' "
            "(forord.md, om/forord.md)") in result.stderr


def test_manifest_cover_image_revision_note_and_back_cover(book: Path) -> None:
    manifest = (book / "content/editions/bog.yml")
    manifest.write_text(manifest.read_text(encoding="utf-8") + (
        "cover_image: billeder/model.svg\nrevision_note: Revideret oktober 2026.\n"
        "back_cover: Håndbogen samler vores fælles praksis.\n"), encoding="utf-8")
    content, edition = loaded(book)
    assert (edition.cover_image, edition.revision_note, edition.back_cover) == (
        "billeder/model.svg", "Revideret oktober 2026.", "Håndbogen samler vores fælles praksis.")
    plan = plan_edition(edition, content, PageContext(content, TODAY), draft=False)
    assert plan.cover["cover_image"] == "billeder/model.svg"
    assert [i.path for i in plan.images if i.path == "billeder/model.svg"]

    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "cover_image: billeder/model.svg", "cover_image: billeder/logo.gif"), encoding="utf-8")
    result = run_cli("check", "content", cwd=book)
    assert result.exit_code == 1
    assert ("content/editions/bog.yml:14: cover_image: 'billeder/logo.gif' er ikke et "
            "billede, typst og Word kan vise.") in result.stderr
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "billeder/logo.gif", "billeder/logo.png"), encoding="utf-8")
    result = run_cli("check", "content", cwd=book)
    assert ("content/editions/bog.yml:14: cover_image: billedet 'billeder/logo.png' findes "
            "ikke under content/.") in result.stderr


# --- The site address in print ----------------------------------------------------------------

def test_descriptions_end_with_their_site_address_and_qr_code(book: Path) -> None:
    content, edition = loaded(book)
    drawn: list[str] = []

    def qr(url: str) -> bytes:
        drawn.append(url)
        return SVG.encode()

    site = SiteAddress("https://praksis.example.org/lindegaarden/", qr_code=qr)
    plan = plan_edition(edition, content, PageContext(content, TODAY), draft=True, site=site)
    assert drawn == ["https://praksis.example.org/lindegaarden/praksis/platform/",
                     "https://praksis.example.org/lindegaarden/praksis/delmaal/"]
    assert ("![QR-kode til beskrivelsen på sitet](_qr/platform.svg){width=1.6cm}\u2003"
            "Beskrivelsen på sitet: <https://praksis.example.org/lindegaarden/praksis/"
            "platform/>") in plan.markdown
    assert [i.path for i in plan.images if i.path.startswith("_qr/")] == [
        "_qr/platform.svg", "_qr/delmaal.svg"]
    assert plan.cover["site"] == "https://praksis.example.org/lindegaarden/"
    # Free pages (the foreword) have no address of their own in print.
    forord = plan.markdown.split("## Forord")[1].split("## ")[0]
    assert "Beskrivelsen på sitet" not in forord
    flat = SiteAddress("https://x.example/", directory_urls=False)
    page = content.get(Practice, "platform")
    assert flat.page_url(page) == "https://x.example/praksis/platform.html"


def test_site_url_is_read_from_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\nsite_url: https://praksis.example.org/\n"
                      "markdown_extensions:\n  - pymdownx.emoji:\n"
                      "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
                      encoding="utf-8")
    assert site_address(config) == ("https://praksis.example.org/", True)
    config.write_text("site_name: X\nuse_directory_urls: false\n", encoding="utf-8")
    assert site_address(config) == (None, False)
    assert site_address(tmp_path / "missing.yml") == (None, True)


# --- Characters the PDF's fonts lack --------------------------------------------------------

def test_emoji_and_missing_scripts_give_a_danish_warning_with_file_and_line(book: Path) -> None:
    path = book / "content/praksis/delmaal.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nGod stemning 😀 og 你好.\n",
                    encoding="utf-8")
    line = path.read_text(encoding="utf-8").split("\n").index("God stemning 😀 og 你好.") + 1
    result = run_cli("export", "bog", "--format", "pdf", cwd=book)
    assert result.exit_code == 0, result.stderr
    assert (f"  advarsel: content/praksis/delmaal.md:{line}: tegnene '😀' (U+1F600 grinning "
            "face), '你' (U+4F60 cjk unified ideograph-4f60), '好' (U+597D cjk unified "
            "ideograph-597d) findes ikke i PDF'ens skrifttyper") in result.stderr
    # Danish letters, Greek, Hebrew, arrows and ticks are drawn: no warning for them.
    source = PrintSource("praksis/x.md", 10, {})
    assert missing_glyphs("Tekst på עברית og → ✓.", source) == []
    [rtl] = missing_glyphs("## Samtale på עברית", source)
    assert rtl.startswith("praksis/x.md:10: overskriften har højre-mod-venstre-skrift")
    assert is_drawable("å") and is_drawable("→") and is_drawable("✓") and is_drawable("ש")
    assert not is_drawable("😀")


# --- Word: the pieces of finishing, on their own ------------------------------------------------

def test_column_widths_give_every_word_room() -> None:
    cells = [(0, "Enhed", True), (1, "Kompetencer", True), (2, "Forfaldne milepæle", True),
             (0, "Børne- og familieafdelingen", False), (1, "83 %", False), (2, "2", False)]
    widths = column_widths(cells, 3)
    assert sum(widths) == docx_book.TEXT_WIDTH
    assert widths[1] >= docx_book.word_width(len("Kompetencer"), header=True)
    assert widths[0] >= docx_book.word_width(len("familieafdelingen"))
    assert len(set(widths)) == 3


def test_heading_numbers_get_a_space() -> None:
    xml = (f'<w:document xmlns:w="{docx_book.W_NS}"><w:body>'
           '<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr>'
           '<w:r><w:rPr><w:rStyle w:val="SectionNumber"/></w:rPr><w:t>3.1.1</w:t></w:r>'
           '<w:r><w:tab/></w:r><w:r><w:t>Score</w:t></w:r></w:p>'
           '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="10"/><w:gridCol w:w="10"/></w:tblGrid>'
           '<w:tr><w:tc><w:p><w:r><w:t>Kompetencer</w:t></w:r></w:p></w:tc>'
           '<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
           '</w:body></w:document>').encode()
    finished = docx_book.finish_document(xml).decode()
    assert "<w:t>3.1.1</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>" in finished
    assert "<w:tab/>" not in finished
    assert "<w:trPr><w:cantSplit/></w:trPr>" in finished
    assert '<w:tblLayout w:type="fixed"/>' in finished


def test_a_page_that_is_not_approved_says_so(tmp_path: Path) -> None:
    write(tmp_path, {"content/kontakter.md": PAGE.format(
        title="Kontakter", approval="approval:\n  state: til-godkendelse\n")})
    content = load_content(tmp_path / "content")
    [page] = content.documents
    markdown = render_page(page, PageContext(content, TODAY))
    assert "<strong>Ikke godkendt.</strong> Siden er sendt til godkendelse" in markdown


def test_a_row_taller_than_a_page_may_split() -> None:
    long_text = "ord " * 4000
    xml = (f'<w:document xmlns:w="{docx_book.W_NS}"><w:body>'
           '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="10"/><w:gridCol w:w="10"/></w:tblGrid>'
           '<w:tr><w:tc><w:p><w:r><w:t>Kort</w:t></w:r></w:p></w:tc>'
           '<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>'
           f'<w:tr><w:tc><w:p><w:r><w:t>{long_text}</w:t></w:r></w:p></w:tc>'
           '<w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
           '</w:body></w:document>').encode()
    finished = docx_book.finish_document(xml).decode()
    assert finished.count("<w:cantSplit/>") == 1
