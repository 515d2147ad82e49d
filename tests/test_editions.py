"""Printed editions, the pure part: manifests, selection, order, assembled Markdown, the
export plan (pandoc defaults) and the site's "Håndbøger" page. Nothing here runs pandoc,
typst or git (tests/test_export.py does).

Expected messages for bad manifests live beside each fixture (tests/fixtures/editions/
*.expected). To regenerate them on purpose, run ``PRAKSIS_REGEN=1`` with pytest and review
the diff.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from praksis.core import load_content
from praksis.core.editions import (
    MAX_CHANGES,
    Change,
    EditionHistory,
    PrintedBody,
    PrintSource,
    assemble,
    cover_facts,
    plan_edition,
)
from praksis.core.model.content import ContentSet
from praksis.core.model.editions import Edition
from praksis.core.pages import generated_markdown, generated_pages
from praksis.core.rules.editions import left_out_note, select
from praksis.core.views.context import PageContext
from praksis.core.views.editions import EDITIONS_PAGE
from praksis.core.views.practice import metadata_facts
from praksis.core.writers import print as print_writer
from praksis.export import plan_for_print
from praksis.export.plan import data_path, plan_export
from praksis.site.downloads import download_links, exported_files

from conftest import FIXTURES, SAMPLE_CONTENT, run_cli, write

TODAY = dt.date(2026, 11, 23)
EDITION_FIXTURES = FIXTURES / "editions"
# A few documents the bad manifests refer to (the sample content changes with the project).
BASE = EDITION_FIXTURES / "base"
CASES = sorted(EDITION_FIXTURES.glob("*.yml"))

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
  state: {state}{approved}
version: "{version}"
last_reviewed: 2025-06-01
---

## Formål

Tekst om {title}.
"""


def practice(title: str, state: str = "godkendt", version: str = "1.0") -> str:
    approved = ("\n  approved_by: Forstander Birgitte Vang\n  approved_on: 2025-06-01"
                if state == "godkendt" else "")
    return PRACTICE.format(title=title, state=state, approved=approved, version=version)


MANIFEST = """\
type: edition
title: Fælles praksis
subtitle: Redskaber på Lindegården
organisation: Botilbuddet Lindegården
edition: "3.0"
date: 2026-10-01
parts:
  - title: Fundament
    documents: [platform]
  - title: Redskaber
    folder: praksis/redskaber
colophon: Udgivet af Lindegården.
previous:
  edition: "2.0"
  date: 2024-10-01
"""


@pytest.fixture
def small_content(tmp_path: Path) -> ContentSet:
    write(tmp_path, {
        "content/praksis/platform.md": practice("Platform for indsats", version="2.0"),
        # Danish order in a folder: æ, ø and å after z.
        "content/praksis/redskaber/aa.md": practice("Åben dialog"),
        "content/praksis/redskaber/oe.md": practice("Ønskesamtaler", state="kladde"),
        "content/praksis/redskaber/ae.md": practice("Ærlig tale", state="til-godkendelse"),
        "content/praksis/redskaber/z.md": practice("Zoneterapi"),
        "content/praksis/redskaber/a.md": practice("Anerkendelse"),
        "content/editions/haandbog.yml": MANIFEST,
    })
    content = load_content(tmp_path / "content")
    assert not content.errors, [p.format() for p in content.errors]
    return content


def ctx_for(content: ContentSet) -> PageContext:
    return PageContext(content, TODAY)


def titles(documents: Sequence[Any]) -> list[str]:
    return [doc.title for doc in documents]


# --- Manifests: bad input gives file:line messages in Danish --------------------------------

def test_corpus_covers_the_issue_cases() -> None:
    names = {case.stem for case in CASES}
    assert {"unknown-document", "folder-leaves-content", "absolute-folder"} <= names


def content_with(tmp_path: Path, manifest: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "content")
    (tmp_path / "content" / "editions").mkdir()
    shutil.copy(manifest, tmp_path / "content" / "editions" / manifest.name)
    return tmp_path


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: p.stem)
def test_bad_manifest_gives_its_message(fixture: Path, tmp_path: Path) -> None:
    content_with(tmp_path, fixture)

    result = run_cli("check", "content", cwd=tmp_path)

    prefix = f"content/editions/{fixture.name}:"
    lines = [line for line in result.stderr.splitlines() if line.startswith(prefix)]
    expected_file = fixture.with_suffix(".expected")
    if os.environ.get("PRAKSIS_REGEN"):
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == expected_file.read_text(encoding="utf-8").splitlines()
    assert lines and result.exit_code == 1


def test_unknown_document_names_line_and_suggests(tmp_path: Path) -> None:
    content_with(tmp_path, EDITION_FIXTURES / "unknown-document.yml")
    result = run_cli("check", "content", cwd=tmp_path)
    # Line 10 is '- tryghedplan', the second document of the part.
    assert ("content/editions/unknown-document.yml:10: parts[1].documents[2]: dokumentet "
            "'tryghedplan' findes ikke. Mente du 'tryghedsplan'?") in result.stderr


def test_sample_editions_are_valid() -> None:
    content = load_content(SAMPLE_CONTENT)
    editions = {e.id: e for e in content.of_type(Edition)}
    assert {"lindegaarden-haandbog", "loeft-boerne-og-familie"} <= set(editions)
    problems = [p for p in content.errors if p.path.startswith("content/editions/")]
    assert problems == []
    handbook = editions["lindegaarden-haandbog"]
    assert (handbook.title, handbook.edition, handbook.date) == (
        "Fælles praksis", "3.0", dt.date(2026, 10, 1))
    assert [p.title for p in handbook.parts] == [
        "Om Fælles praksis", "Arbejdsmodellen", "Redskaberne", "Organisering", "Referencer"]
    assert handbook.cover_image == "lindegaarden/billeder/logo.svg"
    assert handbook.revision_note and handbook.revision_note.startswith("Revideret oktober 2026")
    assert handbook.back_cover


# --- Selection and order ---------------------------------------------------------------------

def test_approved_edition_leaves_out_drafts_in_order(small_content: ContentSet) -> None:
    edition = small_content.get(Edition, "haandbog")
    selection = select(edition, small_content, draft=False)
    assert [p.title for p in selection.parts] == ["Fundament", "Redskaber"]
    assert titles(selection.parts[1].documents) == ["Anerkendelse", "Zoneterapi", "Åben dialog"]
    assert [(item.document.title, item.reason) for item in selection.left_out] == [
        ("Ærlig tale", "til godkendelse"), ("Ønskesamtaler", "kladde")]
    note = left_out_note(edition, selection, small_content)
    assert note is not None
    assert "2 beskrivelser er ikke godkendt og udeladt af haandbog" in note
    assert "Ærlig tale (til godkendelse); Ønskesamtaler (kladde)" in note
    assert "--draft" in note


def test_draft_takes_every_named_document_in_danish_title_order(
        small_content: ContentSet) -> None:
    edition = small_content.get(Edition, "haandbog")
    selection = select(edition, small_content, draft=True)
    assert titles(selection.parts[1].documents) == [
        "Anerkendelse", "Zoneterapi", "Ærlig tale", "Ønskesamtaler", "Åben dialog"]
    assert selection.left_out == ()
    assert left_out_note(edition, selection, small_content) is None


def test_a_part_with_nothing_approved_is_left_out(small_content: ContentSet,
                                                  tmp_path: Path) -> None:
    write(tmp_path, {"content/editions/haandbog.yml": MANIFEST.replace(
        "documents: [platform]", "documents: [oe]")})
    content = load_content(tmp_path / "content")
    selection = select(content.get(Edition, "haandbog"), content, draft=False)
    assert [p.title for p in selection.parts] == ["Redskaber"]


# --- The assembled Markdown ------------------------------------------------------------------

def shifting_transform(markdown: str, source: PrintSource) -> PrintedBody:
    """A stand-in for the markdown-it transform: marks what it was given."""
    return PrintedBody(markdown.replace("## Formål", "### Formål"))


def test_assembled_markdown_has_parts_documents_and_history(small_content: ContentSet) -> None:
    edition = small_content.get(Edition, "haandbog")
    ctx = ctx_for(small_content)
    history = EditionHistory(since="siden udgave 2.0 (1. oktober 2024)", changes=(
        Change(dt.date(2026, 9, 2), "Ret målene", ("praksis/platform.md",)),))
    plan = plan_edition(edition, small_content, ctx, draft=False,
                        history=lambda e, docs: history, transform=shifting_transform)
    markdown = plan.markdown
    # Parts are level 1 with stable ids; documents level 2 with anchors for links.
    assert markdown.startswith("# Fundament {#del-1}\n")
    assert "# Redskaber {#del-2}" in markdown
    assert "## Platform for indsats {#dok-platform}" in markdown
    order = [markdown.index(f"## {t}") for t in ("Platform for indsats", "Anerkendelse",
                                                  "Zoneterapi", "Åben dialog")]
    assert order == sorted(order)
    assert "Ærlig tale" not in markdown.split("# Versionshistorik")[0]
    # The computed metadata block is the site's own, not a second implementation.
    platform = small_content.get(type(plan.selection.documents[0]), "platform")
    [metadata] = print_writer.write((metadata_facts(platform, ctx),)).pieces
    assert isinstance(metadata, str) and metadata.strip() in markdown
    # The body went through the transform.
    assert "### Formål" in markdown and "\n## Formål" not in markdown
    # Version history: a row per printed document and the changes since the last edition.
    history_part = markdown.split("# Versionshistorik {#versionshistorik .unnumbered}")[1]
    assert "| Platform for indsats | 2\\.0 | Godkendt 1. juni 2025 | 1\\. juni 2025 |" in (
        history_part)
    assert "siden udgave 2.0 \\(1. oktober 2024\\)" in history_part
    assert "| 2\\. september 2026 | Platform for indsats | – | Ret målene |" in history_part


def test_computed_false_prints_only_the_body(small_content: ContentSet, tmp_path: Path) -> None:
    write(tmp_path, {"content/editions/haandbog.yml": MANIFEST + "computed: false\n"})
    content = load_content(tmp_path / "content")
    plan = plan_edition(content.get(Edition, "haandbog"), content, ctx_for(content), False)
    assert "praksis-meta" not in plan.markdown
    assert "Tekst om Platform for indsats." in plan.markdown


def test_history_note_and_long_history(small_content: ContentSet) -> None:
    edition = small_content.get(Edition, "haandbog")
    selection = select(edition, small_content, draft=False)
    ctx = ctx_for(small_content)
    noted = assemble(edition, selection, ctx, EditionHistory(note="Ikke i git."))
    assert noted.markdown.rstrip().endswith("Ikke i git.")
    many = tuple(Change(dt.date(2026, 1, 1), f"Ændring {n}", ("praksis/platform.md",))
                 for n in range(MAX_CHANGES + 5))
    long = assemble(edition, selection, ctx, EditionHistory(since="x", changes=many))
    assert f"Ændring {MAX_CHANGES - 1}" in long.markdown
    assert f"Ændring {MAX_CHANGES} |" not in long.markdown
    assert "Dertil 5 ældre ændringer" in long.markdown


AS_OF = ("Status pr. 1. oktober 2026: fremdrift, frister, scorer og forfaldne punkter i "
         "håndbogen er opgjort pr. udgavens dato.")


def test_cover_facts_are_danish(small_content: ContentSet) -> None:
    edition = small_content.get(Edition, "haandbog")
    assert cover_facts(edition, draft=False) == {
        "title": "Fælles praksis", "subtitle": "Redskaber på Lindegården",
        "organisation": "Botilbuddet Lindegården", "edition": "Udgave 3.0",
        "date": "1. oktober 2026", "colophon": "Udgivet af Lindegården.", "as_of": AS_OF}
    assert cover_facts(edition, draft=True)["draft"] == "KLADDE"


# --- The export plan: what pandoc is given, compared without running it -------------------

def test_pdf_plan_defaults(small_content: ContentSet, tmp_path: Path) -> None:
    edition = small_content.get(Edition, "haandbog")
    plan = plan_edition(edition, small_content, ctx_for(small_content), draft=True)
    export = plan_export(plan, "pdf", tmp_path / "out")
    defaults = export.defaults
    assert export.output == tmp_path / "out" / "haandbog.pdf"
    assert defaults["to"] == "typst"
    assert defaults["template"] == str(data_path("template.typ"))
    assert "filters" not in defaults  # print_markdown prepares all pandoc needs
    assert defaults["input-files"] == ["udgave.md"] and defaults["output-file"] == "udgave.typ"
    assert defaults["table-of-contents"] is True and defaults["number-sections"] is True
    assert defaults["variables"]["papersize"] == "a4"
    assert defaults["variables"]["mainfont"] == "Libertinus Serif"
    assert defaults["variables"]["pdf-author"] == '"Botilbuddet Lindegården"'
    assert defaults["metadata"] == {
        "lang": "da-DK", "toc-title": "Indhold", "title": "Fælles praksis",
        "subtitle": "Redskaber på Lindegården", "organisation": "Botilbuddet Lindegården",
        "edition": "Udgave 3.0", "date": "1. oktober 2026",
        "running-header": "Fælles praksis 3.0 · KLADDE", "draft": True,
        "colophon": "Udgivet af Lindegården.", "as-of": AS_OF}
    assert export.markdown == plan.markdown


def test_docx_plan_defaults(small_content: ContentSet, tmp_path: Path) -> None:
    edition = small_content.get(Edition, "haandbog")
    plan = plan_edition(edition, small_content, ctx_for(small_content), draft=False)
    export = plan_export(plan, "docx", tmp_path)
    defaults = export.defaults
    assert defaults["to"] == "docx" and defaults["reference-doc"] == "reference.docx"
    assert "template" not in defaults and "filters" not in defaults
    assert defaults["metadata"]["author"] == ["Botilbuddet Lindegården"]
    assert defaults["metadata"]["date"] == "Udgave 3.0 · 1. oktober 2026"
    assert defaults["metadata"]["abstract"] == (
        f"Udgivet af Lindegården. {AS_OF} Udgaven udelader 2 dokumenter, der ikke er "
        "godkendt: Ærlig tale (til godkendelse); Ønskesamtaler (kladde).")
    assert export.running_header == "Fælles praksis 3.0"
    assert export.output == tmp_path / "haandbog.docx"


def test_word_gets_a_png_for_every_svg(small_content: ContentSet, tmp_path: Path) -> None:
    write(tmp_path, {"content/praksis/platform.md": practice("Platform for indsats").replace(
        "## Formål", "![Model](model.svg)\n\n## Formål")})
    content = load_content(tmp_path / "content")
    plan = plan_for_print(content.get(Edition, "haandbog"), content, ctx_for(content), False)
    assert [image.path for image in plan.images] == ["praksis/model.svg"]
    assert "![Model](praksis/model.svg)" in plan_export(plan, "pdf", tmp_path).markdown
    assert "![Model](praksis/model.png)" in plan_export(plan, "docx", tmp_path).markdown


# --- The site's "Håndbøger" page ---------------------------------------------------------------

def test_editions_page_links_existing_files(small_content: ContentSet, tmp_path: Path) -> None:
    folder = write(tmp_path / "editions", {"haandbog.pdf": b"%PDF", "haandbog.docx": b"PK",
                                           ".haandbog.pdf-tmp": b"", "noter.txt": ""})
    found = exported_files(folder)
    assert found == {"haandbog": {"docx": folder / "haandbog.docx",
                                  "pdf": folder / "haandbog.pdf"}}
    ctx = PageContext(small_content, TODAY, editions=download_links(found))
    page = generated_markdown(generated_pages(ctx)[EDITIONS_PAGE], EDITIONS_PAGE)
    assert "title: Håndbøger" in page
    assert "## Fælles praksis" in page
    assert "<p>Udgave 3.0, 1. oktober 2026 · Botilbuddet Lindegården</p>" in page
    assert ('<a href="haandbog.docx">Download som Word</a> · '
            '<a href="haandbog.pdf">Download som PDF</a>') in page


def test_editions_page_says_when_not_exported(small_content: ContentSet) -> None:
    page = generated_markdown(generated_pages(ctx_for(small_content))[EDITIONS_PAGE],
                              EDITIONS_PAGE)
    assert "Udgaven er ikke eksporteret endnu." in page
    assert "Download" not in page
    assert exported_files(Path("/nonexistent/folder")) == {}
