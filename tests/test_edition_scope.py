"""`praksis export` checks what the edition prints and what that refers to, not the whole
content: errors there still stop it, errors in other documents do not, and the book is the
same as one printed from the whole content."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from praksis.core import load_content
from praksis.core.edition_scope import edition_scope
from praksis.core.editions import plan_edition
from praksis.core.model.content import ContentSet
from praksis.core.model.editions import Edition
from praksis.core.views.context import PageContext

from conftest import ROOT, SAMPLE_CONTENT, run_cli, write

TODAY = dt.date(2026, 12, 1)
LOEFT = "loeft-boerne-og-familie"
LINDEGAARDEN = "lindegaarden-haandbog"


def _scoped(root: Path, names: tuple[str, ...] = ()) -> ContentSet:
    scope = edition_scope(root, names, today=TODAY)
    assert scope is not None
    return scope.content


def _paths(content: ContentSet) -> set[str]:
    return {doc.source.path for doc in content.documents}


def _books(content: ContentSet, draft: bool) -> dict[str, tuple[object, ...]]:
    books = {}
    for edition in content.of_type(Edition):
        plan = plan_edition(edition, content, PageContext(content, TODAY), draft)
        books[edition.id] = (plan.markdown, plan.images, dict(plan.cover), plan.warnings,
                             plan.selection)
    return books


def test_the_scope_holds_what_the_printed_documents_show_and_nothing_else() -> None:
    paths = _paths(_scoped(SAMPLE_CONTENT, (LOEFT,)))
    assert {"editions/loeft-boerne-og-familie.yml", "praksis/samarbejde-om-sikkerhed.md",
            "praksis/metodevaerksted.md", "implementering/loeft-boerne-og-familie.md",
            "vurderinger/samarbejde-om-sikkerhed-2026-03-12.md"} <= paths   # named
    # Not named, but the practice's page shows them (the score over time, the plans' status),
    # and what the assessments and plans use.
    assert {"vurderinger/samarbejde-om-sikkerhed-2024-03-14.md",
            "implementering/loeft-familiehuset.md", "instruments/lovende-praksis.yml",
            "frameworks/signs-of-safety.yml"} <= paths
    assert not any(path.startswith("lindegaarden/") for path in paths)
    assert "praksis/tryghedsplan.md" not in paths
    assert "vurderinger/tryghedsplan-2025-05-20.md" not in paths
    assert "editions/lindegaarden-haandbog.yml" not in paths


@pytest.mark.parametrize("draft", [False, True])
def test_every_sample_edition_prints_the_same_from_its_scope(draft: bool) -> None:
    whole = load_content(SAMPLE_CONTENT, today=TODAY)
    for edition_id, book in _books(whole, draft).items():
        scoped = _scoped(SAMPLE_CONTENT, (edition_id,))
        assert _paths(scoped) < _paths(whole)
        assert _books(scoped, draft)[edition_id] == book, edition_id


def test_a_generated_corpus_edition_prints_the_same_from_its_scope(tmp_path: Path) -> None:
    content = tmp_path / "content"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen-corpus"), str(content),
                    "--documents", "150", "--group-size", "5"], check=True, capture_output=True)
    whole = load_content(content, today=TODAY)
    scoped = _scoped(content)
    assert len(scoped.documents) < len(whole.documents) / 2
    assert _books(scoped, draft=False) == _books(whole, draft=False)


def test_an_index_page_in_an_edition_needs_the_whole_content(tmp_path: Path) -> None:
    project = write(tmp_path, {"content/editions/oversigt.yml": (
        "type: edition\ntitle: Oversigt\norganisation: Lindegården\nedition: \"1.0\"\n"
        "date: 2026-01-01\nparts:\n  - title: Forside\n    documents: [index]\n")})
    assert edition_scope(project / "content", ("oversigt",)) is None


# --- The command -------------------------------------------------------------------------------

FUTURE_ASSESSMENT = "content/vurderinger/tryghedsplan-2099-01-01.md"


def _future_assessment(project: Path) -> None:
    """An assessment of the Lindegården handbook's 'tryghedsplan', dated in the future."""
    text = (project / "content/vurderinger/tryghedsplan-2025-05-20.md").read_text("utf-8")
    write(project, {FUTURE_ASSESSMENT: text.replace("date: 2025-05-20", "date: 2099-01-01")})


def test_an_error_in_a_document_the_edition_does_not_use_does_not_stop_it(
        sample_project: Path) -> None:
    _future_assessment(sample_project)
    assert run_cli("check", cwd=sample_project).exit_code == 1
    result = run_cli("export", LOEFT, "--format", "docx", cwd=sample_project)
    assert result.exit_code == 0, result.stderr
    assert "tryghedsplan-2099-01-01" not in result.stderr
    assert (sample_project / "build/editions" / f"{LOEFT}.docx").is_file()


def test_an_error_in_an_assessment_a_printed_practice_shows_stops_the_export(
        sample_project: Path) -> None:
    # Not named by the handbook: its practice's page shows it.
    _future_assessment(sample_project)
    check = run_cli("check", cwd=sample_project)
    message = next(line for line in check.stderr.splitlines()
                   if line.startswith(f"{FUTURE_ASSESSMENT}:"))
    assert message.startswith(f"{FUTURE_ASSESSMENT}:5: date: datoen 2099-01-01 ligger i "
                              "fremtiden")
    result = run_cli("export", LINDEGAARDEN, "--format", "docx", "--draft", cwd=sample_project)
    assert result.exit_code == 1
    assert message in result.stderr.splitlines()
    assert "udgaverne blev ikke eksporteret" in result.stderr
    assert not (sample_project / "build/editions").exists()


def test_an_error_in_the_edition_itself_is_said_as_check_says_it(sample_project: Path) -> None:
    manifest = sample_project / "content/editions" / f"{LOEFT}.yml"
    manifest.write_text(manifest.read_text("utf-8").replace(
        "documents: [metodevaerksted,", "documents: [metodevaerkstedet,"), "utf-8")
    check = run_cli("check", cwd=sample_project)
    message = next(line for line in check.stderr.splitlines()
                   if line.startswith(f"content/editions/{LOEFT}.yml:"))
    assert "'metodevaerkstedet' findes ikke. Mente du 'metodevaerksted'?" in message
    result = run_cli("export", LOEFT, "--format", "docx", cwd=sample_project)
    assert result.exit_code == 1
    assert message in result.stderr.splitlines()
    # The other edition does not use the broken manifest.
    other = run_cli("export", LINDEGAARDEN, "--format", "docx", "--draft", cwd=sample_project)
    assert other.exit_code == 0, other.stderr


def test_a_cpr_number_in_any_file_still_stops_the_export(sample_project: Path) -> None:
    write(sample_project, {"content/noter/notat.md": (
        "---\ntype: page\ntitle: Notat\n---\n\nBorgeren 010185-1234 ringede.\n")})
    result = run_cli("export", LOEFT, "--format", "docx", cwd=sample_project)
    assert result.exit_code == 1
    assert "content/noter/notat.md:6: personoplysninger: linjen ser ud til at indeholde et " \
           "CPR-nummer (010185-****)" in result.stderr
    assert "1234" not in result.stderr


def test_a_data_file_with_errors_stops_exporting_every_edition(sample_project: Path) -> None:
    # It may be an edition of its own: without names, every edition is checked as before.
    write(sample_project, {"content/editions/ny-udgave.yml": "type: edition\ntitle: [\n"})
    assert edition_scope(sample_project / "content", ()) is None
    everything = run_cli("export", "--format", "docx", cwd=sample_project)
    assert everything.exit_code == 1
    assert "content/editions/ny-udgave.yml:" in everything.stderr
    # Named, the other editions do not need it.
    assert edition_scope(sample_project / "content", (LOEFT,)) is not None
