"""Assessments and instruments: bad input, the scaffold, the reflection, the pages, the chart.

Bad-input fixtures live in tests/fixtures/assessment/: one assessment per case, with the
expected ``praksis check`` lines for that file in a sibling ``.expected``. To regenerate on
purpose, run ``PRAKSIS_REGEN=1 pytest tests/test_assessment.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path

import pytest

from praksis.core import Problem, Severity, load_content, summarize
from praksis.core.charts import radar_svg
from praksis.core.model import Practice
from praksis.core.model.assessment import Assessment
from praksis.core.pages import render_page
from praksis.core.types.assessment import split_sections
from praksis.core.views.context import PageContext

from conftest import (
    FIXTURES,
    INSTRUMENT_FILE,
    PRACTICE_FILE,
    ROOT,
    SAMPLE_CONTENT,
    has_row,
    html_rows,
    html_text,
    run_cli,
    write,
)

CASES = sorted((FIXTURES / "assessment").glob("*.md"))
TODAY = dt.date(2026, 4, 1)


def minimal_content(root: Path) -> Path:
    """The valid files an assessment needs: the instrument and the practice it names."""
    write(root, {
        "content/instruments/lovende-praksis.yml": INSTRUMENT_FILE.read_text(encoding="utf-8"),
        "content/praksis/samarbejde-om-sikkerhed.md": PRACTICE_FILE.read_text(encoding="utf-8"),
    })
    return root / "content"


# --- bad input -------------------------------------------------------------------------------

def test_corpus_covers_the_issue_cases() -> None:
    names = {case.stem for case in CASES}
    assert {"unknown-question", "answer-outside-scale", "unknown-instrument", "unknown-practice",
            "duplicate-answer", "answer-list", "answer-number", "answer-boolean",
            "condition-not-met"} <= names


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: p.stem)
def test_bad_assessment_gives_its_message(fixture: Path, tmp_path: Path) -> None:
    minimal_content(tmp_path)
    write(tmp_path, {f"content/vurderinger/{fixture.name}": fixture.read_text(encoding="utf-8")})

    result = run_cli("check", "content", cwd=tmp_path)

    shown = f"content/vurderinger/{fixture.name}:"
    lines = [line for line in result.stderr.splitlines() if line.startswith(shown)]
    expected_file = fixture.with_suffix(".expected")
    if os.environ.get("PRAKSIS_REGEN"):
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == expected_file.read_text(encoding="utf-8").splitlines()
    has_error = any(": advarsel: " not in line and ": note: " not in line for line in lines)
    assert result.exit_code == (1 if has_error else 0)
    for line in lines:   # path:line: key: message, with a real line number
        assert int(line.split(":")[1]) >= 1


# --- the instrument's shape ------------------------------------------------------------------

GOOD_INSTRUMENT = """\
type: instrument
title: Eget spørgeskema
interpretation: Vores egen fortolkning.
reflection: {overall: Vurdering, potential: Næste skridt, whole_practice: Helheden}
default_scale: enkel
scales:
  enkel:
    label: Ja / Nej
    options:
      - {code: ja, label: "Ja", points: 1}
      - {code: nej, label: "Nej", points: 0}
      - {code: ikke-relevant, label: "Ikke relevant", points: 0, not_applicable: true}
  tre:
    label: Trin
    options:
      - {code: T1, label: "Trin 1", points: 0}
      - {code: T2, label: "Trin 2", points: "1/3"}
      - {code: T3, label: "Trin 3", points: 1}
elements:
  - number: 1
    title: Grundlag
    definition: Hvad praksis bygger på.
    questions:
      - {id: "1.1", text: "Er grundlaget beskrevet?"}
      - {id: "1.2", text: "Hvilket trin?", scale: tre}
      - {id: "1.3", text: "Er trin 3 nået længe?", applies_if: {question: "1.2", answers: [T3]}}
  - number: 2
    title: Opfølgning
    definition: Hvordan der følges op.
    questions:
      - {id: "2.1", text: "Følges der op?"}
"""


def _instrument_problems(tmp_path: Path, text: str) -> list[str]:
    write(tmp_path, {"instruments/eget.yml": text})
    return [p.format() for p in load_content(tmp_path).problems]


def test_a_teams_own_instrument_is_valid(tmp_path: Path) -> None:
    assert _instrument_problems(tmp_path, GOOD_INSTRUMENT) == []


@pytest.mark.parametrize(("change", "message"), [
    (("- {code: nej, label: \"Nej\", points: 0}", "- {code: ja, label: \"Nej\", points: 0}"),
     "scales.enkel.options[2].code: koden 'ja' står to gange i skalaen 'enkel'"),
    (("points: \"1/3\"", "points: 3"), "points: point skal ligge mellem 0 og 1"),
    (("scale: tre}", "scale: tree}"), "ukendt skala 'tree'. Mente du 'tre'?"),
    (("{id: \"2.1\"", "{id: \"1.1\""), "spørgsmål '1.1' står under element 2. Nummeret skal "
                                      "starte med '2.'."),
    (("{id: \"1.2\"", "{id: \"1.1\""), "spørgsmålsnummeret '1.1' bruges to gange"),
    (("{id: \"2.1\"", "{id: \"to\""), "'to' er ikke et spørgsmålsnummer"),
    (("- number: 2", "- number: 1"), "elementnummer 1 bruges også af element 1"),
    (("{question: \"1.2\", answers: [T3]}", "{question: \"1.5\", answers: [T3]}"),
     "applies_if henviser til spørgsmål '1.5', som ikke står før spørgsmål 1.3"),
    (("answers: [T3]", "answers: [T4]"),
     "answers[1]: 'T4' er ikke et svar på spørgsmål 1.2. Tilladte svar: 'T1', 'T2', 'T3'."),
    (("default_scale: enkel", "default_scale: standard"), "ukendt skala 'standard'"),
    (("type: instrument\n", "type: instrument\nnavn: x\n"), "ukendt nøgle 'navn'"),
])
def test_instrument_shape_errors(change: tuple[str, str], message: str, tmp_path: Path) -> None:
    assert change[0] in GOOD_INSTRUMENT
    problems = _instrument_problems(tmp_path, GOOD_INSTRUMENT.replace(change[0], change[1], 1))
    assert any(message in p and "instruments/eget.yml:" in p for p in problems), problems


def test_nothing_is_hard_coded_to_lovende_praksis(tmp_path: Path) -> None:
    """An assessment of a team's own instrument checks, scores, scaffolds and renders."""
    write(tmp_path, {
        "content/instruments/eget.yml": GOOD_INSTRUMENT,
        "content/praksis/samarbejde-om-sikkerhed.md": PRACTICE_FILE.read_text(encoding="utf-8"),
    })
    made = run_cli("new", "assessment", "--practice", "samarbejde-om-sikkerhed",
                   "--instrument", "eget", "--date", "2026-01-05", cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    path = tmp_path / "content" / "vurderinger" / "samarbejde-om-sikkerhed-2026-01-05.md"
    text = path.read_text(encoding="utf-8")
    assert "## Element 2: Opfølgning" in text and "### Næste skridt" in text
    assert "## Helheden" in text
    text = (text.replace('"1.1": null', '"1.1": {answer: ja, comment: "Ja."}')
                .replace('"1.2": null', '"1.2": T2').replace('"2.1": null', '"2.1": nej'))
    path.write_text(text, encoding="utf-8")
    result = run_cli("score", "--json", str(path.relative_to(tmp_path)), cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert '"score": 0.6666666666666666' in result.stdout   # (1 + 1/3) / 2, 1.3 left out
    content = load_content(tmp_path / "content")
    page = render_page(content.of_type(Assessment)[0], PageContext(content, TODAY))
    assert "## Element 1: Grundlag" in page and "### Vurdering" in page
    assert page.startswith("# Eget spørgeskema: Samarbejde om Sikkerhed, 5. januar 2026\n")


# --- the scaffold ----------------------------------------------------------------------------

def test_new_assessment_lists_every_question_and_passes_check(tmp_path: Path) -> None:
    minimal_content(tmp_path)
    result = run_cli("new", "assessment", "--practice", "samarbejde-om-sikkerhed",
                     "--date", "2026-03-12", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "content" / "vurderinger" / "samarbejde-om-sikkerhed-2026-03-12.md"
    text = path.read_text(encoding="utf-8")
    ids = re.findall(r'^  "(\d+\.\d+)": null$', text, flags=re.M)
    assert len(ids) == 60 and ids[0] == "1.1" and ids[-1] == "11.7"
    # The question text stands next to each key as a YAML comment.
    assert '# 5.2 Er der specielle forhold ved praksis' in text
    assert "(besvares kun, når 2.2 er 2D)" in text
    assert text.count("### Samlet vurdering") == 12 and "## Samlet vurdering af praksis" in text

    check = run_cli("check", "content", cwd=tmp_path)
    assert check.exit_code == 0, check.stderr
    own = [line for line in check.stderr.splitlines() if "vurderinger/" in line]
    assert own and all(": advarsel: " in line for line in own)
    assert any("vurderingen er ikke færdig: 59 af 59 spørgsmål mangler et svar" in line
               for line in own)

    again = run_cli("new", "assessment", "--practice", "samarbejde-om-sikkerhed",
                    "--date", "2026-03-12", cwd=tmp_path)
    assert again.exit_code == 1 and "findes allerede" in again.stderr


def test_new_assessment_refuses_unknown_practice_and_instrument(tmp_path: Path) -> None:
    minimal_content(tmp_path)
    unknown = run_cli("new", "assessment", "--practice", "samarbejde-om-sikkerhd", cwd=tmp_path)
    assert unknown.exit_code == 1
    assert "ukendt praksisbeskrivelse 'samarbejde-om-sikkerhd'" in unknown.stderr
    assert "Mente du 'samarbejde-om-sikkerhed'?" in unknown.stderr
    assert "Kendte id'er: 'samarbejde-om-sikkerhed'." in unknown.stderr
    missing = run_cli("new", "assessment", cwd=tmp_path)
    assert missing.exit_code == 1 and "--practice" in missing.stderr
    instrument = run_cli("new", "assessment", "--practice", "samarbejde-om-sikkerhed",
                         "--instrument", "lovende", cwd=tmp_path)
    assert instrument.exit_code == 1 and "ukendt instrument 'lovende'" in instrument.stderr
    bad_date = run_cli("new", "assessment", "--practice", "samarbejde-om-sikkerhed",
                       "--date", "2026-02-30", cwd=tmp_path)
    assert bad_date.exit_code == 1 and "februar 2026 har kun 28 dage" in bad_date.stderr
    assert not (tmp_path / "content" / "vurderinger").exists()


# --- the body --------------------------------------------------------------------------------

def test_split_sections_uses_markdown_structure() -> None:
    body = ("Indledning.\n\nElement 1: Teori og viden\n------------------------\n\n"
            "### Samlet vurdering\n\nTekst.\n\n```\n## ikke en overskrift\n```\n\n"
            "#### Et underafsnit\n\nMere.\n")
    sections = split_sections(body, 10)
    assert [(s.level, s.heading, s.line) for s in sections] == [
        (0, "", 10), (2, "Element 1: Teori og viden", 12), (3, "Samlet vurdering", 15)]
    assert sections[1].text == ""
    assert sections[2].text.startswith("Tekst.") and "## ikke en overskrift" in sections[2].text
    assert sections[2].text.endswith("#### Et underafsnit\n\nMere.")


# --- problems: the note severity -------------------------------------------------------------

def test_notes_print_as_note_and_are_not_counted() -> None:
    note = Problem("a.md", 3, "answers", "to svar uden kommentar.", Severity.INFO)
    warning = Problem("a.md", 4, "answers", "ikke færdig.", Severity.WARNING)
    assert note.format() == "a.md:3: answers: note: to svar uden kommentar."
    assert not note.is_error and not note.is_warning
    assert summarize([note], 1) == "Ingen fejl i 1 fil."
    assert summarize([note, warning], 2) == "0 fejl og 1 advarsel i 2 filer."


def test_answers_without_comment_are_a_note_not_a_warning() -> None:
    content = load_content(SAMPLE_CONTENT)
    notes = [p for p in content.problems if "vurderinger/" in p.path
             and "ingen kommentar" in p.message]
    assert notes and all(p.severity is Severity.INFO for p in notes)
    assert not [p for p in content.problems if "vurderinger/" in p.path and p.is_warning]


# --- the pages -------------------------------------------------------------------------------

def _page(content, path: str, adjusted: bool = False) -> str:
    return render_page(content.by_path(path), PageContext(content, TODAY, adjusted_scores=adjusted))


def test_assessment_page_has_chart_tables_comments_and_reflection() -> None:
    content = load_content(SAMPLE_CONTENT)
    page = _page(content, "vurderinger/samarbejde-om-sikkerhed-2026-03-12.md")
    assert page.startswith("# Lovende praksis: Samarbejde om Sikkerhed, 12. marts 2026\n")
    figure = page[page.index('<figure class="praksis-chart" data-search-exclude>'):
                  page.index("</figure>")]
    assert '<title id="praksis-radar-title">' in figure and "<desc id=" in figure
    assert "\n\n" not in figure   # a blank line would end MkDocs' raw HTML block
    assert has_row(page, "Element", "Score", "Besvaret")
    assert has_row(page, "2. Virkning", "1,00", "3 af 3 besvaret")
    assert has_row(page, "Gennemsnit af elementerne (ikke officielt)")
    assert "projektets fortolkning" in page
    # Per element: heading, score, questions with answer and comment, then the reflection.
    element_2 = page[page.index("## Element 2: Virkning"):page.index("## Element 3:")]
    assert "<strong>Score: 1,00</strong> (3 af 3 besvaret)" in element_2
    assert has_row(element_2, "2.2", "Er der dokumentation for, at praksis virker ift. "
                   "målgruppens støttebehov?", "2D: Ja, ekstern undersøgelse/evaluering", "1,00",
                   "Ekstern evaluering i 2025 af afdelingens forløb fra 2022-2024, bestilt af "
                   "kommunen.")
    assert element_2.index('<td style="text-align: left;">2.3</td>') < \
        element_2.index("### Samlet vurdering") < element_2.index("### Udviklingspotentiale")
    assert "færre genunderretninger" in element_2
    assert page.count("## Element ") == 11 and "## Samlet vurdering af praksis" in page


def test_adjusted_page_is_labelled_not_official() -> None:
    content = load_content(SAMPLE_CONTENT)
    page = _page(content, "vurderinger/samarbejde-om-sikkerhed-2026-03-12.md", adjusted=True)
    assert "justeret, ikke officiel" in page
    assert "<strong>Score (justeret, ikke officiel): 0,83</strong> (3 af 3 besvaret)" in page
    assert "(tæller ikke med i den justerede score)" in page


def test_editor_values_are_shown_as_text_never_as_html(tmp_path: Path) -> None:
    content_dir = minimal_content(tmp_path)
    write(content_dir, {"vurderinger/x.md": (
        "---\ntype: assessment\ninstrument: lovende-praksis\npractice: samarbejde-om-sikkerhed\n"
        "date: 2026-03-12\nparticipants: ['<b>Leder</b>']\nanswers:\n"
        "  \"1.1\": {answer: ja, comment: \"<script>alert(1)</script> [klik](javascript:alert(1))"
        " | kolonne\"}\n---\n")})
    content = load_content(content_dir)
    page = render_page(content.by_path("vurderinger/x.md"), PageContext(content, TODAY))
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page and "<a " not in page.split("## Score pr.")[1]
    assert "&lt;b&gt;Leder&lt;/b&gt;" in page
    # Shown as typed, in its own cell: a pipe cannot break the table.
    comment = "<script>alert(1)</script> [klik](javascript:alert(1)) | kolonne"
    assert [row[-1] for row in html_rows(page) if row[0] == "1.1"] == [comment]


def test_incomplete_assessment_shows_missing_scores(tmp_path: Path) -> None:
    content_dir = minimal_content(tmp_path)
    write(content_dir, {"vurderinger/x.md": (
        "---\ntype: assessment\ninstrument: lovende-praksis\npractice: samarbejde-om-sikkerhed\n"
        "date: 2026-03-12\nanswers:\n  \"1.1\": ja\n  \"2.2\": 2B\n---\n")})
    content = load_content(content_dir)
    page = render_page(content.by_path("vurderinger/x.md"), PageContext(content, TODAY))
    assert has_row(page, "1. Teori og viden", "–", "1 af 6 besvaret")
    assert "(mangler)" in page and "Mangler score (ikke alle spørgsmål besvaret)" in page
    assert "Gælder ikke (kun når 2.2 er 2D)" in html_text(page)
    assert "<em>Ikke udfyldt endnu.</em>" in page


def test_practice_page_shows_latest_scores_and_trend() -> None:
    content = load_content(SAMPLE_CONTENT)
    page = render_page(content.get(Practice, "samarbejde-om-sikkerhed"),
                       PageContext(content, TODAY))
    section = page[page.index("## Lovende praksis"):]
    assert ('Seneste vurdering: <a href="../../vurderinger/samarbejde-om-sikkerhed-2026-03-12/">'
            "12. marts 2026</a>") in section
    # oldest to newest
    assert has_row(section, "Element", "14. marts 2024", "12. marts 2026",
                   "Ændring siden 14. marts 2024")
    assert has_row(section, "2. Virkning", "0,67", "1,00", "+0,33")
    assert has_row(section, "6. Økonomi", "0,00", "0,17", "+0,17")

    once = render_page(content.get(Practice, "tryghedsplan"), PageContext(content, TODAY))
    assert "## Lovende praksis" in once and "Udvikling over tid" not in once
    never = render_page(content.get(Practice, "metodevaerksted"), PageContext(content, TODAY))
    assert "## Lovende praksis" not in never


# --- the chart -------------------------------------------------------------------------------

SCORES = [("1. Teori og viden", 0.75), ("2. Virkning", None), ("3. <Beskrivelse>", Fraction(2, 3)),
          ("4. Mål", 1.0), ("5. Overførbarhed", 0.0)]


def test_radar_svg_is_pure_accessible_and_black_on_white() -> None:
    svg = radar_svg(SCORES, title="Score & udvikling")
    assert svg == radar_svg(SCORES, title="Score & udvikling")
    root = ET.fromstring(svg)   # well-formed XML, escaped labels included
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "Score & udvikling"
    desc = root.find(f"{ns}desc").text
    assert "1. Teori og viden: 0,75" in desc and "3. <Beskrivelse>: 0,67" in desc
    assert "2. Virkning: mangler" in desc
    assert root.get("aria-labelledby") == "praksis-radar-title praksis-radar-desc"
    # The theme's text colour on the site, black in print (the root's colour); the halo
    # behind ring values is the page's background.
    colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', svg))
    assert colours <= {"currentColor", "#fff", "none"}
    assert root.get("color") == "#000" and "<rect" not in svg
    texts = "".join(root.itertext())
    assert "(mangler)" in texts and "Mangler score (ikke alle spørgsmål besvaret): 2. Virkning." \
        in texts
    # Missing elements break the line: no polygon through them, only segments between scores.
    assert svg.count('fill-opacity="0.12"') == 0
    assert len(root.findall(f"{ns}circle")) == 4


def test_radar_svg_with_every_score_draws_a_filled_shape() -> None:
    svg = radar_svg([(str(n), n / 11) for n in range(1, 12)])
    assert svg.count('fill-opacity="0.12"') == 1 and "(mangler)" not in svg
    assert radar_svg([]).count("Ingen elementer") == 1


# --- the built site --------------------------------------------------------------------------

def test_site_build_renders_the_chart_and_comments(tmp_path: Path) -> None:
    """A real MkDocs build of the sample assessments (other content left out, so the test
    only depends on this feature's files)."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    # (Not the sample start page: it links to the implementation overview, left out here.)
    write(tmp_path, {"content/index.md": "---\ntype: page\ntitle: Forside\n---\n\nHej.\n"})
    for part in ("instruments", "praksis", "vurderinger"):
        source = SAMPLE_CONTENT / part
        target = tmp_path / "content" / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    write(tmp_path, {"content/vurderinger/xss-2026-01-01.md": (
        "---\ntype: assessment\ninstrument: lovende-praksis\npractice: tryghedsplan\n"
        "date: 2026-01-01\nparticipants: [Leder]\nanswers:\n"
        "  \"1.1\": {answer: ja, comment: \"<script>alert('x')</script>\"}\n---\n")})
    result = run_cli("build", "--site-dir", str(tmp_path / "site"), cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "note:" not in result.stderr   # notes are logged at info level only

    html = (tmp_path / "site" / "vurderinger" / "samarbejde-om-sikkerhed-2026-03-12"
            / "index.html").read_text(encoding="utf-8")
    assert '<figure class="praksis-chart" data-search-exclude>' in html
    # Search finds the team's comments on the page, not the question texts every assessment
    # repeats (nor the chart, whose numbers are in the table).
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))
    page = " ".join(entry["text"] for entry in index["docs"]
                    if entry["location"].startswith("vurderinger/samarbejde-om-sikkerhed-2026"))
    assert "Signs of Safety er udviklet af Andrew Turnell" in page        # a comment (1.2)
    assert "Er praksis udviklet eller anbefalet af eksperter" not in page  # its question
    assert "Radardiagram" not in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" width="780"' in html
    assert '<title id="praksis-radar-title">' in html and '<desc id="praksis-radar-desc">' in html
    assert "<title>Lovende praksis: Samarbejde om Sikkerhed, 12. marts 2026" in html
    assert ">Ekstern evaluering i 2025 af afdelingens forløb fra 2022-2024, bestilt af " \
           "kommunen.</td>" in html
    assert "Den eksterne evaluering fra 2025 peger på færre genunderretninger" in html

    xss = (tmp_path / "site" / "vurderinger" / "xss-2026-01-01" / "index.html").read_text(
        encoding="utf-8")
    assert "<script>alert(" not in xss and "&lt;script&gt;alert(" in xss

    practice = (tmp_path / "site" / "praksis" / "samarbejde-om-sikkerhed" / "index.html"
                ).read_text(encoding="utf-8")
    assert "Udvikling over tid" in practice and "Ændring siden 14. marts 2024" in practice
