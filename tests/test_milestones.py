"""Implementation milestones: the progress and overdue rules, the pages (golden files), the
agreement of pages, dashboard and ``praksis status --json``, and bad input (fixtures).

Golden files and expected messages are compared exactly. To regenerate them on purpose after
changing the output, run ``PRAKSIS_REGEN=1`` with pytest and review the diff.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from praksis.core import load_content
from praksis.core.fragments import percent
from praksis.core.model import Practice
from praksis.core.model.milestones import ImplementationPlan, MilestoneStatus
from praksis.core.pages import generated_markdown, generated_pages, page_parts, render_page
from praksis.core.rules.milestones import (
    is_overdue,
    plan_statuses,
    progress,
    status_in,
    status_json,
)
from praksis.core.views import milestones as views
from praksis.core.views.context import Generated, PageContext

from conftest import (
    FIXTURES,
    MILESTONE_BASE,
    MILESTONE_GOLDEN,
    SAMPLE_CONTENT,
    has_row,
    html_cells,
    html_rows,
    print_golden,
    run_cli,
    site_golden,
)
from conftest import assert_golden as assert_golden_file

MILESTONE_FIXTURES = FIXTURES / "milestones"
BASE = MILESTONE_BASE
GOLDEN = MILESTONE_GOLDEN
TODAY = dt.date(2026, 11, 23)
REGEN = bool(os.environ.get("PRAKSIS_REGEN"))

NOT_STARTED, IN_PROGRESS, IN_PLACE, NOT_RELEVANT = (
    MilestoneStatus.NOT_STARTED, MilestoneStatus.IN_PROGRESS, MilestoneStatus.IN_PLACE,
    MilestoneStatus.NOT_RELEVANT)


def assert_golden(name: str, actual: str) -> None:
    assert_golden_file(GOLDEN / name, actual)


@pytest.fixture
def golden_project(tmp_path: Path) -> Path:
    """The test framework and practice, plus the golden plans, in a temporary content folder."""
    shutil.copytree(BASE, tmp_path / "content")
    shutil.copytree(GOLDEN / "plans", tmp_path / "content" / "implementering")
    return tmp_path


@pytest.fixture
def sample_plans(tmp_path: Path) -> Path:
    """The sample content a plan needs: frameworks, practice descriptions and plans."""
    for folder in ("frameworks", "praksis", "implementering"):
        shutil.copytree(SAMPLE_CONTENT / folder, tmp_path / "content" / folder)
    return tmp_path


def context(project: Path, today: dt.date = TODAY) -> PageContext:
    content = load_content(project / "content", project_root=project)
    assert not content.errors, [p.format() for p in content.errors]
    return PageContext(content, today)


# --- The rules ------------------------------------------------------------------------------

def test_statuses_have_points_labels_and_badge_classes() -> None:
    assert [s.value for s in MilestoneStatus] == [
        "ikke-påbegyndt", "i-gang", "på-plads", "ikke-relevant"]
    assert [s.points for s in MilestoneStatus] == [0, 1, 2, None]
    assert [s.label for s in MilestoneStatus] == [
        "Ikke påbegyndt", "I gang", "På plads", "Ikke relevant"]
    assert IN_PLACE.short_label == "✓ På plads"
    assert [s.css_class for s in MilestoneStatus] == [
        "ikke-paabegyndt", "i-gang", "paa-plads", "ikke-relevant"]
    css = (Path(views.__file__).parents[2] / "site" / "assets" / "praksis.css").read_text()
    for status in MilestoneStatus:
        assert f".praksis-badge--{status.css_class}" in css


@pytest.mark.parametrize(("statuses", "expected"), [
    ([], None),
    ([NOT_RELEVANT, NOT_RELEVANT], None),
    ([NOT_STARTED], 0.0),
    ([IN_PLACE, IN_PLACE], 1.0),
    ([IN_PLACE, IN_PROGRESS, NOT_STARTED], 0.5),
    ([IN_PROGRESS, NOT_RELEVANT, NOT_STARTED, NOT_STARTED], 1 / 6),
    ([IN_PLACE, IN_PLACE, IN_PROGRESS, NOT_RELEVANT], 5 / 6),
])
def test_progress_is_points_over_twice_the_applicable_milestones(
        statuses: list[MilestoneStatus], expected: float | None) -> None:
    assert progress(statuses) == expected


@pytest.mark.parametrize(("status", "due", "expected"), [
    (IN_PROGRESS, None, False),
    (IN_PROGRESS, dt.date(2026, 11, 22), True),
    (NOT_STARTED, dt.date(2020, 1, 1), True),
    (IN_PROGRESS, TODAY, False),                 # due today: not yet passed
    (IN_PROGRESS, dt.date(2026, 11, 24), False),
    (IN_PLACE, dt.date(2020, 1, 1), False),
    (NOT_RELEVANT, dt.date(2020, 1, 1), False),  # left out, so never overdue
])
def test_overdue_when_due_has_passed_and_not_in_place(
        status: MilestoneStatus, due: dt.date | None, expected: bool) -> None:
    assert is_overdue(status, due, TODAY) is expected


# --- Golden files: check, JSON, terminal table, pages, dashboard ----------------------------

def test_golden_check_warnings(golden_project: Path) -> None:
    result = run_cli("check", "content", cwd=golden_project)
    lines = [line for line in result.stderr.splitlines()
             if line.startswith("content/implementering/")]
    assert_golden("check.txt", "\n".join(lines) + "\n")
    assert result.exit_code == 0


def test_golden_status_json(golden_project: Path) -> None:
    result = run_cli("status", "--json", "--today", "2026-11-23", cwd=golden_project)
    assert result.exit_code == 0, result.stderr
    assert_golden("status.json", result.stdout)
    plans = {Path(p["file"]).stem: p for p in json.loads(result.stdout)["plans"]}
    rules = plans["regler"]
    assert [f["progress"] for f in rules["factors"]] == [0.5, 0.25, None]
    assert rules["progress"] == 0.4
    assert [m["id"] for f in rules["factors"] for m in f["milestones"] if m["overdue"]] == ["A2"]
    missing = rules["factors"][1]["milestones"][1]
    assert (missing["id"], missing["status"], missing["owner"]) == ("B2", "ikke-påbegyndt", None)
    none_apply = plans["ingen-relevante"]
    assert none_apply["progress"] is None
    assert all(f["progress"] is None for f in none_apply["factors"])


def test_golden_status_table(golden_project: Path) -> None:
    result = run_cli("status", "--today", "2026-11-23", cwd=golden_project)
    assert result.exit_code == 0, result.stderr
    assert_golden("status.txt", result.stdout)


def _epoch(day: dt.date, hour: int = 12) -> str:
    moment = dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)
    return str(int(moment.timestamp()))


def test_source_date_epoch_is_today(golden_project: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(TODAY))
    result = run_cli("status", "--json", cwd=golden_project)
    assert result.exit_code == 0, result.stderr
    assert_golden("status.json", result.stdout)

    # A day earlier, A2 (due 2026-11-22) is due today and so not overdue yet.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(dt.date(2026, 11, 22)))
    earlier = json.loads(run_cli("status", "--json", cwd=golden_project).stdout)
    assert earlier["today"] == "2026-11-22"
    rules = next(p for p in earlier["plans"] if p["file"].endswith("regler.md"))
    assert not any(m["overdue"] for f in rules["factors"] for m in f["milestones"])

    # --today wins over SOURCE_DATE_EPOCH.
    chosen = json.loads(run_cli("status", "--json", "--today", "2026-11-23",
                                cwd=golden_project).stdout)
    assert chosen["today"] == "2026-11-23"


@pytest.mark.parametrize("stem", ["regler", "ingen-relevante"])
def test_golden_plan_page(golden_project: Path, stem: str) -> None:
    ctx = context(golden_project)
    plan = ctx.content.get(ImplementationPlan, stem)
    assert plan is not None
    status = status_in(ctx.content, plan, ctx.today)
    assert status is not None
    # Each writer's output of the plan page's blocks: on the site, and in print (where the
    # guiding questions move to an appendix and the answers follow the milestones).
    assert_golden(f"plan-{stem}.site.html",
                  site_golden(views.plan_page_blocks(status), plan.source.path))
    anchors = {doc.source.path: f"dok-{doc.source.doc_id}" for doc in ctx.content.documents}
    assert_golden(f"plan-{stem}.print.md",
                  print_golden(views.plan_page_blocks(status, printing=True), anchors))


def test_plan_page_escapes_editor_values_and_collapses_questions(golden_project: Path) -> None:
    ctx = context(golden_project)
    page = render_page(ctx.content.get(ImplementationPlan, "regler"), ctx)
    assert "<Ida>" not in page and "&lt;Ida&gt;" in page
    assert any(row[-1] == "Tekst med *stjerner* og | lodret streg." for row in html_rows(page))
    assert page.startswith("# Implementeringsplan: Minipraksis, Testenheden, LØFT kommune\n")
    assert ('<details class="note" markdown="1">\n<summary>A1: Der er en vision</summary>\n'
            '<p data-search-exclude>Visionen beskriver') in page
    # The answer under '## A1' runs to the next heading of its level, subsections included:
    # the editor's Markdown, inside the collapsed box.
    assert "<p><strong>Planens svar</strong></p>\n\nVisionen blev vedtaget på et ledermøde.\n\n" \
           "### Baggrund" in page
    assert "Et svar under en setext-overskrift." in page
    assert "Et svar på en milepæl, der ikke findes." not in page.split("Planen prøver")[0]


def test_golden_dashboard(golden_project: Path) -> None:
    """The whole dashboard, scores included: the golden project's own instrument and two
    assessments (means 1/2, then exactly 5/8), so the sample content cannot change it."""
    shutil.copytree(GOLDEN / "scores", golden_project / "content", dirs_exist_ok=True)
    ctx = context(golden_project)
    blocks = views.dashboard_blocks(ctx)
    dashboard = site_golden(blocks, views.DASHBOARD_PATH)
    assert_golden("dashboard.site.html", dashboard)
    anchors = {doc.source.path: f"dok-{doc.source.doc_id}" for doc in ctx.content.documents}
    assert_golden("dashboard.print.md", print_golden(blocks, anchors))
    assert '<h2 id="lovende-praksis-over-tid">' in dashboard
    page = generated_pages(ctx)[views.DASHBOARD_PATH]
    assert isinstance(page, Generated) and page.content == blocks


def test_golden_practice_section(golden_project: Path) -> None:
    ctx = context(golden_project)
    practice = ctx.content.get(Practice, "mini-praksis")
    section = views.practice_implementation(practice, ctx).after
    assert not isinstance(section, str)
    assert_golden("practice-section.site.html", site_golden(section, practice.source.path))
    anchors = {doc.source.path: f"dok-{doc.source.doc_id}" for doc in ctx.content.documents}
    assert_golden("practice-section.print.md", print_golden(section, anchors))
    assert section in [part.content for part in page_parts(practice, ctx)]


def test_no_dashboard_without_plans(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "content")
    ctx = context(tmp_path)
    assert views.DASHBOARD_PATH not in generated_pages(ctx)
    practice = ctx.content.get(Practice, "mini-praksis")
    assert views.practice_implementation(practice, ctx).after == ""


def test_dashboard_shows_the_score_trend_per_practice() -> None:
    content = load_content(SAMPLE_CONTENT)
    page = _dashboard(PageContext(content, TODAY))
    section = page.split("## Lovende praksis over tid\n", 1)[1]
    assert '<a href="../../praksis/samarbejde-om-sikkerhed/">Samarbejde om Sikkerhed</a>' in section
    assert has_row(section, "Samarbejde om Sikkerhed",
                   "14. marts 2024: 0,57, 12. marts 2026: 0,77", "+0,20")
    assert '<figure class="praksis-chart praksis-line" data-search-exclude>' in section
    assert "Gennemsnitlig score over tid: Samarbejde om Sikkerhed" in section


def _dashboard(ctx: PageContext) -> str:
    """The dashboard as ``praksis render`` writes it (raw HTML, Markdown headings)."""
    return generated_markdown(generated_pages(ctx)[views.DASHBOARD_PATH], views.DASHBOARD_PATH)


# --- Sample content: pages, dashboard and JSON agree ----------------------------------------

def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split(" | ")]


def _row_starting(markdown: str, start: str) -> list[str]:
    rows = [line for line in markdown.splitlines() if line.startswith(start)]
    assert len(rows) == 1, (start, rows)
    return _cells(rows[0])


def test_sample_plans_check_strict_without_warnings(sample_plans: Path) -> None:
    result = run_cli("check", "content", "--strict", cwd=sample_plans)
    assert result.exit_code == 0, result.stderr
    ours = [line for line in result.stderr.splitlines()
            if line.startswith("content/implementering/")]
    assert ours == []


def test_sample_plans_pages_dashboard_and_json_agree(sample_plans: Path) -> None:
    result = run_cli("status", "--json", "--today", TODAY.isoformat(), cwd=sample_plans)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["today"] == "2026-11-23"
    assert [p["file"] for p in report["plans"]] == [
        "content/implementering/loeft-boerne-og-familie.md",
        "content/implementering/loeft-familiehuset.md"]
    ctx = context(sample_plans)
    assert report == status_json(plan_statuses(ctx.content, TODAY), TODAY, {
        p.source.path: f"content/{p.source.path}"
        for p in ctx.content.of_type(ImplementationPlan)})
    dashboard = _dashboard(ctx)
    matrix_section = dashboard.split("## Status for milepælene\n", 1)[1].split("\n## ", 1)[0]
    overdue_items = dashboard.split("### Forfaldne milepæle", 1)[1].split("\n### ", 1)[0]
    listed_overdue = set()
    matrix_rows = {re.search(r"<strong>(\w+)</strong>", row[0]).group(1): row
                   for row in html_cells(matrix_section) if "<abbr" in row[0]}

    for column, plan_json in enumerate(report["plans"], start=1):
        path = plan_json["file"].removeprefix("content/")
        plan = ctx.content.by_path(path)
        page = render_page(plan, ctx)
        rows = {row[0].split(" ")[0]: row for row in html_rows(page)}
        for factor in plan_json["factors"]:
            shown = re.search(rf"## {re.escape(factor['title'])}\n\n<p>Fremdrift: .*?</progress> "
                              r"(.+?)</p>", page)
            assert shown and shown.group(1) == percent(factor["progress"])
            for milestone in factor["milestones"]:
                status = MilestoneStatus(milestone["status"])
                row = rows[milestone["id"]]
                assert row[1].startswith(status.label)
                assert f"praksis-badge--{status.css_class}\">{status.label}<" in page
                assert ("Forfalden" in row[3]) is milestone["overdue"]
                assert (row[2] == "–") is (milestone["owner"] is None)
                cell = matrix_rows[milestone["id"]][column]
                assert f'aria-label="{status.label}' in cell
                assert ("forfalden" in cell) is milestone["overdue"]
                if milestone["overdue"]:
                    listed_overdue.add((html.escape(plan_json["unit"]), milestone["id"]))
                    assert milestone["due"] < report["today"]
                    assert status is not MilestoneStatus.IN_PLACE
        assert f"{percent(plan_json['progress'])}</progress>" in page

    in_dashboard = set(re.findall(r"<li><strong>(\w+)</strong> [^:]+: <a href=\"[^\"]*\">"
                                  r"([^<]+)</a>", overdue_items))
    assert {(unit, mid) for mid, unit in in_dashboard} == listed_overdue
    # The sample shows an overdue milestone in the first plan.
    assert ("Børne- og familieafdelingen, LØFT kommune", "L5") in listed_overdue


def test_sample_practice_page_shows_each_plan(sample_plans: Path) -> None:
    result = run_cli("status", "--json", "--today", TODAY.isoformat(), cwd=sample_plans)
    report = json.loads(result.stdout)
    ctx = context(sample_plans)
    practice = ctx.content.get(Practice, "samarbejde-om-sikkerhed")
    page = render_page(practice, ctx)
    section = page.split("## Implementering", 1)[1].split("### Forankring", 1)[0]
    rows = {row[0]: row for row in html_rows(section)}
    for plan_json in report["plans"]:
        plan_url = plan_json["file"].removeprefix("content/").removesuffix(".md")
        assert f'<a href="../../{plan_url}/">{html.escape(plan_json["unit"])}</a>' in section
        row = rows[plan_json["unit"]]
        factors = [percent(f["progress"]) for f in plan_json["factors"]]
        overdue = sum(m["overdue"] for f in plan_json["factors"] for m in f["milestones"])
        assert row[1:5] == [*factors, percent(plan_json["progress"])]
        assert row[5] == str(overdue)
        assert len(row) == 6  # the unit is the link to its plan: no separate link column


def test_sample_dashboard_years_since_start(sample_plans: Path) -> None:
    dashboard = _dashboard(context(sample_plans))
    assert dashboard.startswith("---\ntype: page\ntitle: Oversigt over implementering\n---\n")
    assert "(10,2 år siden)</td>" in dashboard and "(2,8 år siden)</td>" in dashboard
    # Reviews that are due are listed with the date they should have been reviewed by.
    assert "### Praksisbeskrivelser, der skal gennemgås (" in dashboard
    assert '<a href="../../praksis/samarbejde-om-sikkerhed/">Samarbejde om Sikkerhed</a>' \
        in dashboard


def test_sample_index_links_to_the_dashboard() -> None:
    index = (SAMPLE_CONTENT / "implementering" / "index.md").read_text(encoding="utf-8")
    assert index.startswith("---\ntype: page\ntitle: Implementering\n---\n")
    assert "(oversigt.md)" in index


def test_site_build_renders_badges_progress_and_collapsed_questions(sample_plans: Path) -> None:
    """A real MkDocs build with the project's mkdocs.yml: the Markdown fragments survive it."""
    shutil.copy(SAMPLE_CONTENT.parent / "mkdocs.yml", sample_plans / "mkdocs.yml")
    shutil.copy(SAMPLE_CONTENT / "index.md", sample_plans / "content" / "index.md")
    config = (sample_plans / "mkdocs.yml").read_text(encoding="utf-8")
    (sample_plans / "mkdocs.yml").write_text(
        config.replace("  - praksis\n", '  - praksis:\n      today: "2026-11-23"\n'),
        encoding="utf-8")
    result = run_cli("build", "--site-dir", "site", cwd=sample_plans)
    assert result.exit_code == 0, result.stderr
    site = sample_plans / "site"
    plan = (site / "implementering/loeft-boerne-og-familie/index.html").read_text("utf-8")
    assert "<title>Implementeringsplan: Samarbejde om Sikkerhed, Børne- og familieafdelingen, " \
           "LØFT kommune - " in plan
    assert plan.count('<details class="note">') == 14
    assert ("<summary>L1: Kommunens mål med og målgruppe for indsatsen er beskrevet</summary>"
            in plan)
    assert '<span class="praksis-badge praksis-badge--forfalden">Forfalden</span>' in plan
    assert ('<p>Fremdrift: <progress class="praksis-progress" value="0.900" max="1" '
            'aria-label="Fremdrift for Ledelse: 90 %">90 %</progress> 90 %</p>') in plan
    assert "<dd>1. september 2016 (10,2 år siden start)</dd>" in plan
    assert "<ol>" not in plan.split("</article>")[0].split("<article")[1]
    dashboard = (site / "implementering/oversigt/index.html").read_text("utf-8")
    assert "<title>Oversigt over implementering - " in dashboard
    assert '<div class="praksis-matrix">' in dashboard
    assert dashboard.count('aria-label="På plads"') == 8 + 4  # both plans, as in the JSON
    practice = (site / "praksis/samarbejde-om-sikkerhed/index.html").read_text("utf-8")
    assert ('href="../../implementering/loeft-familiehuset/">Familiehuset, LØFT kommune</a>'
            in practice)


# --- Bad input: one fixture per case, with its expected messages ----------------------------

CASES = sorted([*MILESTONE_FIXTURES.glob("*.md"), *MILESTONE_FIXTURES.glob("*.yml")])


def test_corpus_covers_the_issue_cases() -> None:
    names = {case.stem for case in CASES}
    assert {"unknown-milestone-id", "unknown-status", "not-relevant-without-reason",
            "done-not-in-place", "done-before-started", "invalid-date", "unknown-framework",
            "unknown-practice", "missing-milestones", "unknown-answer-heading",
            "framework-duplicate-milestone", "framework-bad-shape"} <= names


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: p.name)
def test_bad_input_gives_its_messages(fixture: Path, tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "content")
    folder = "implementering" if fixture.suffix == ".md" else "frameworks"
    (tmp_path / "content" / folder).mkdir(exist_ok=True)
    shutil.copy(fixture, tmp_path / "content" / folder / fixture.name)

    result = run_cli("check", "content", cwd=tmp_path)

    shown = f"content/{folder}/{fixture.name}:"
    lines = [line for line in result.stderr.splitlines() if line.startswith(shown)]
    expected_file = fixture.with_suffix(".expected")
    if REGEN:
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert lines == expected
    # Nothing else is wrong: the base files are valid.
    assert not [line for line in result.stderr.splitlines()
                if line.startswith("content/") and not line.startswith(shown)
                and ": advarsel: " not in line and ": note: " not in line]
    only_warnings = all(": advarsel: " in line or ": note: " in line for line in expected)
    assert result.exit_code == (0 if only_warnings else 1)


def test_milestone_dates_in_the_future_follow_the_resolved_today(sample_plans: Path) -> None:
    # The sample's latest milestone date is in 2025: as of early 2016 it lies in the future.
    before = run_cli("check", "content", "--today", "2016-01-01", cwd=sample_plans)
    assert before.exit_code == 1
    assert "ligger efter dags dato" in before.stderr
    after = run_cli("check", "content", "--today", "2026-11-01", cwd=sample_plans)
    assert "ligger efter dags dato" not in after.stderr
