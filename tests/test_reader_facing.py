"""What readers of the site and the printed handbooks see: display titles, the date an
edition is computed as of, drafts never dropped silently, the whole assessment in print,
and print written for readers (no developer words, no duplicated boxes)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from praksis.core import load_content
from praksis.core.editions import plan_edition
from praksis.core.model.assessment import Assessment
from praksis.core.model.content import ContentSet
from praksis.core.model.editions import Edition
from praksis.core.model.milestones import ImplementationPlan
from praksis.core.rules.titles import display_title
from praksis.core.views.context import PageContext
from praksis.export import plan_for_print

from conftest import SAMPLE_CONTENT, run_cli, unescaped


@pytest.fixture(scope="module")
def sample() -> ContentSet:
    return load_content(SAMPLE_CONTENT)


def printed(content: ContentSet, edition_id: str, today: dt.date = dt.date(2026, 12, 1),
            draft: bool = False) -> str:
    """The Markdown pandoc reads for a sample edition, exported on ``today``."""
    edition = content.get(Edition, edition_id)
    return plan_for_print(edition, content, PageContext(content, today), draft).markdown


# --- 1. Every document has a display title -----------------------------------------------------

def test_assessment_and_plan_without_title_get_a_derived_one(sample: ContentSet) -> None:
    assessment = sample.get(Assessment, "samarbejde-om-sikkerhed-2026-03-12")
    assert assessment.title is None
    assert display_title(assessment, sample) == (
        "Lovende praksis: Samarbejde om Sikkerhed, 12. marts 2026")
    plan = sample.get(ImplementationPlan, "loeft-familiehuset")
    assert plan.title is None
    assert display_title(plan, sample) == (
        "Implementeringsplan: Samarbejde om Sikkerhed, Familiehuset, LØFT kommune")


def test_new_assessment_and_plan_write_no_title_null(sample_project: Path) -> None:
    result = run_cli("new", "assessment", "--practice", "tryghedsplan", "--date",
                     "2026-12-01", cwd=sample_project)
    assert result.exit_code == 0, result.stderr
    result = run_cli("new", "plan", "--practice", "tryghedsplan", "--framework",
                     "signs-of-safety", "--unit", "Hus A", cwd=sample_project)
    assert result.exit_code == 0, result.stderr
    assessment = (sample_project / "content/vurderinger/tryghedsplan-2026-12-01.md").read_text()
    plan = (sample_project / "content/implementering/tryghedsplan-hus-a.md").read_text()
    for text in (assessment, plan):
        assert not re.search(r"^title:", text, re.MULTILINE)
    assert ('# title: "Lovende praksis: Tryghedsplan og tryghedssamtaler, 1. december 2026"'
            in assessment)
    assert '# title: "Implementeringsplan: Tryghedsplan og tryghedssamtaler, Hus A"' in plan
    assert run_cli("check", "content", cwd=sample_project).exit_code == 0


def _with_null_titles(project: Path) -> None:
    """The sample with 'title: null' written out, as older scaffolds did."""
    for name in ("vurderinger/samarbejde-om-sikkerhed-2026-03-12.md",
                 "implementering/loeft-familiehuset.md"):
        path = project / "content" / name
        path.write_text(path.read_text().replace("---\n", "---\ntitle: null\n", 1))


def test_title_null_never_reaches_a_reader(sample_project: Path) -> None:
    _with_null_titles(sample_project)
    result = run_cli("build", cwd=sample_project)
    assert result.exit_code == 0, result.stderr
    site = sample_project / "build/site"
    page = (site / "vurderinger/samarbejde-om-sikkerhed-2026-03-12/index.html").read_text()
    assert ("<title>Lovende praksis: Samarbejde om Sikkerhed, 12. marts 2026 - "
            in page)
    plan = (site / "implementering/loeft-familiehuset/index.html").read_text()
    assert "<title>Implementeringsplan: Samarbejde om Sikkerhed, Familiehuset" in plan
    for html_file in site.rglob("*.html"):
        shown = re.sub(r"<script.*?</script>", "", html_file.read_text(), flags=re.DOTALL)
        assert not re.search(r">\s*None\s*<|<title>None", shown), html_file
    content = load_content(sample_project / "content")
    for edition_id in ("loeft-boerne-og-familie", "lindegaarden-haandbog"):
        markdown = printed(content, edition_id)
        assert not re.search(r"\bNone\b", markdown), edition_id
    result = run_cli("score", "content/vurderinger/samarbejde-om-sikkerhed-2026-03-12.md",
                     cwd=sample_project)
    assert "None" not in result.stdout
    assert "Lovende praksis: Samarbejde om Sikkerhed, 12. marts 2026" in result.stdout


# --- 2. An edition is computed as of its date --------------------------------------------------

def _epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))


def test_edition_is_computed_as_of_its_date(sample: ContentSet) -> None:
    early = printed(sample, "loeft-boerne-og-familie", dt.date(2026, 11, 15))
    late = printed(sample, "loeft-boerne-og-familie", dt.date(2027, 6, 30))
    assert early == late
    # The plan's status line and the practice's implementation table name the edition's date.
    assert "Status pr.\n:   1\\. november 2026" in early
    assert "Fremdrift efter Signs of Safety, pr. 1. november 2026" in unescaped(early)
    assert "december 2026" not in early.split("Versionshistorik")[0].split("Status pr.")[1][:40]
    # The activity held on 10 November 2026 lies after the edition's date.
    assert "10. november 2026" not in unescaped(early.split("Den faste rytme")[1].split("|")[9])


def test_export_on_two_days_gives_the_same_text(sample_project: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    texts = []
    for day in (dt.date(2026, 11, 20), dt.date(2027, 3, 1)):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(day))
        out = sample_project / f"out-{day.isoformat()}"
        result = run_cli("export", "loeft-boerne-og-familie", "--format", "pdf", "--output",
                         str(out), cwd=sample_project)
        assert result.exit_code == 0, result.stderr
        reader = PdfReader(out / "loeft-boerne-og-familie.pdf")
        texts.append("\n".join(page.extract_text() for page in reader.pages))
    assert texts[0] == texts[1]
    assert "Status pr. 1. november 2026" in texts[0]


# --- 3. Drafts are never dropped silently ---------------------------------------------------

def test_a_part_emptied_by_drafts_stops_the_export(sample_project: Path) -> None:
    path = sample_project / "content/praksis/organisering-og-roller.md"
    path.write_text(path.read_text().replace("state: godkendt", "state: til-godkendelse", 1))
    before = {p.name for p in (sample_project / "build").rglob("*")} if (
        sample_project / "build").exists() else set()
    result = run_cli("export", "lindegaarden-haandbog", "--format", "docx", cwd=sample_project)
    assert result.exit_code == 1
    manifest = (sample_project / "content/editions/lindegaarden-haandbog.yml").read_text()
    line = manifest.split("\n").index("  - title: Organisering") + 1
    assert (f"content/editions/lindegaarden-haandbog.yml:{line}: parts: en del ville blive "
            "tom, fordi ingen af dokumenterne er godkendt. Delen 'Organisering': "
            "Organisering og roller (til godkendelse); Kontakter (kladde).") in result.stderr
    assert "--draft" in result.stderr
    assert "Traceback" not in result.stderr
    written = {p.name for p in (sample_project / "build").rglob("*")} if (
        sample_project / "build").exists() else set()
    assert written == before   # nothing half-written
    # A draft takes them all.
    assert run_cli("export", "lindegaarden-haandbog", "--format", "docx", "--draft",
                   cwd=sample_project).exit_code == 0


def test_sample_editions_drop_no_part_and_name_what_they_leave_out(sample: ContentSet) -> None:
    for edition in sample.of_type(Edition):
        plan = plan_edition(edition, sample, PageContext(sample, edition.date), draft=False)
        assert [p.title for p in plan.selection.parts] == [p.title for p in edition.parts]
        assert plan.selection.dropped == ()
    edition = sample.get(Edition, "lindegaarden-haandbog")
    plan = plan_for_print(edition, sample, PageContext(sample, edition.date), draft=False)
    assert plan.cover["left_out"] == ("Udgaven udelader 1 dokument, der ikke er godkendt: "
                                      "Kontakter (kladde).")
    assert "left_out" not in plan_for_print(edition, sample, PageContext(sample, edition.date),
                                            draft=True).cover


# --- 4. Print holds the assessment's answers and comments; repeated text once ----------------

@pytest.fixture(scope="module")
def books(sample: ContentSet) -> dict[str, str]:
    """The pandoc input of both sample editions."""
    return {edition.id: printed(sample, edition.id) for edition in sample.of_type(Edition)}


def test_printed_assessment_has_every_answer_with_points_and_comment(
        sample: ContentSet, books: dict[str, str]) -> None:
    from praksis.core.model.instrument import Instrument

    assessment = sample.get(Assessment, "samarbejde-om-sikkerhed-2026-03-12")
    instrument = sample.get(Instrument, assessment.instrument)
    chapter = books["loeft-boerne-og-familie"].split("{#dok-samarbejde-om-sikkerhed-2026-03-12}")[1]
    chapter = chapter.split("\n# ")[0]
    rows = [unescaped(line) for line in chapter.split("\n") if line.startswith("| ")]
    for question in instrument.questions:
        row = next((r for r in rows if r.startswith(f"| {question.id} | ")), None)
        assert row is not None, question.id
        answer = assessment.answer(question.id)
        if answer is not None and answer.comment:
            assert " ".join(answer.comment.split()) in row, question.id
    # Points: 1.6 is 'delvist', half a point.
    assert any(r.startswith("| 1.6 | ") and "| 0,50 |" in r for r in rows)


def test_repeated_text_is_printed_once_in_an_appendix(sample: ContentSet,
                                                      books: dict[str, str]) -> None:
    from praksis.core.model.instrument import Instrument
    from praksis.core.model.milestones import Framework

    book = books["loeft-boerne-og-familie"]
    framework = sample.get(Framework, "signs-of-safety")
    questions = [q for m in framework.milestones for q in m.questions]
    assert len(questions) == 51
    text = unescaped(book)
    for question in questions:
        assert text.count(" ".join(question.split())) == 1, question
    for milestone in framework.milestones:
        assert text.count(" ".join(milestone.introduction.split())) == 1, milestone.id
    instrument = sample.get(Instrument, "lovende-praksis")
    for element in instrument.elements:
        assert text.count(" ".join(element.definition.split())) == 1, element.id
    appendix = text.index("{#bilag-ramme-signs-of-safety .unnumbered}")
    assert text.index(" ".join(questions[0].split())) > appendix
    # The chapters refer to the appendices.
    assert "](#bilag-ramme-signs-of-safety)" in book
    assert "](#bilag-instrument-lovende-praksis)" in book
    # Lindegården prints no plan: no framework appendix there.
    assert "bilag-ramme" not in books["lindegaarden-haandbog"]


# --- 5. Print speaks to readers ------------------------------------------------------------------

DEVELOPER_WORDS = ("praksis check", "praksis score", "instrumentfil", "front matter",
                   "priorities:", "activities:", ".yml", "content/", "None")


@pytest.mark.parametrize("edition_id", ["loeft-boerne-og-familie", "lindegaarden-haandbog"])
def test_print_has_no_developer_words_and_no_duplicated_boxes(edition_id: str,
                                                              books: dict[str, str]) -> None:
    book = books[edition_id]
    for word in DEVELOPER_WORDS:
        assert word not in book, word
    assert not re.search(r"\]\([^)#]*\.md[)#]", book)  # every link inside the book
    assert book.count("**Om scoren.**") == 1


def test_plan_answers_are_printed_once(sample: ContentSet, books: dict[str, str]) -> None:
    plan = sample.get(ImplementationPlan, "loeft-boerne-og-familie")
    book = books["loeft-boerne-og-familie"]
    assert plan.answers
    for answer in plan.answers:
        first_line = answer.markdown.strip().split("\n")[0]
        assert book.count(first_line) == 1, answer.milestone_id


def test_links_stay_inline_and_the_colophon_names_the_publisher_once(
        sample_project: Path) -> None:
    from pypdf import PdfReader

    result = run_cli("export", "--format", "pdf", cwd=sample_project)
    assert result.exit_code == 0, result.stderr
    for edition_id in ("loeft-boerne-og-familie", "lindegaarden-haandbog"):
        reader = PdfReader(sample_project / "build/editions" / f"{edition_id}.pdf")
        pages = [page.extract_text().replace("\xa0", " ") for page in reader.pages]
        assert pages[1].count("Udgivet af") == 1, edition_id
        assert "Status pr. 1. " in pages[1]
        whole = "\n".join(pages)
        assert whole.count("Udgivet af") == 1, edition_id
        if edition_id == "loeft-boerne-og-familie":
            # Not a numbered list item: the date stays in its sentence.
            assert "Seneste vurdering: 12. marts 2026. Standardberegning" in whole


def test_the_site_address_names_what_it_leads_to(sample: ContentSet) -> None:
    from praksis.core.editions import SiteAddress, address_block
    from praksis.core.model import Practice

    site = SiteAddress("https://praksis.example.org/")
    assessment = sample.get(Assessment, "samarbejde-om-sikkerhed-2026-03-12")
    assert address_block(assessment, site)[0].startswith("Vurderingen på sitet: <https://")
    plan = sample.get(ImplementationPlan, "loeft-familiehuset")
    assert address_block(plan, site)[0].startswith("Implementeringsplanen på sitet: ")
    practice = sample.get(Practice, "tryghedsplan")
    assert address_block(practice, site)[0].startswith("Beskrivelsen på sitet: ")


def test_a_colophon_saying_udgivet_af_again_is_a_warning(sample_project: Path) -> None:
    path = sample_project / "content/editions/loeft-boerne-og-familie.yml"
    text = path.read_text()
    path.write_text(text.replace("colophon: >-\n  ", "colophon: >-\n  Udgivet af LØFT. ", 1))
    line = text.split("\n").index("colophon: >-") + 1
    result = run_cli("check", "content", "--strict", cwd=sample_project)
    assert result.exit_code == 1
    assert (f"content/editions/loeft-boerne-og-familie.yml:{line}: colophon: advarsel: "
            "kolofonen skriver allerede 'Udgivet af'") in result.stdout + result.stderr


def test_rendered_pages_for_other_engines_carry_the_display_title(sample_project: Path) -> None:
    from praksis.core.pages import generated_pages
    from praksis.site.render import rendered_pages

    _with_null_titles(sample_project)
    content = load_content(sample_project / "content")
    ctx = PageContext(content, dt.date(2026, 11, 23))
    pages = rendered_pages(ctx, generated_pages(ctx))
    assert pages["implementering/loeft-familiehuset.md"].startswith(
        "---\ntitle: 'Implementeringsplan: Samarbejde om Sikkerhed, Familiehuset, LØFT kommune'")
    assert "title: null" not in "".join(pages.values())
