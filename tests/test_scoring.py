"""The Lovende praksis score rule: golden files for every case of the rule, exact fractions,
rounding, the newest assessment, and the element 3 coverage of a practice description.

Golden cases live in tests/golden/scoring/: ``<case>.input.yml`` says how to answer (a code
per scale for every question, then overrides; null leaves a question unanswered) and
``<case>.json`` is the exact ``praksis score --json`` output. To regenerate on purpose after
changing the rule, run ``PRAKSIS_REGEN=1 pytest tests/test_scoring.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from praksis.core import load_content
from praksis.core.danish import decimal, percent
from praksis.core.model import Practice, Source
from praksis.core.model.assessment import Answer, Assessment
from praksis.core.model.instrument import Instrument
from praksis.core.pages import render_page
from praksis.core.rules.scoring import (
    MEAN_LABEL,
    assessments_for,
    coverage_note,
    description_coverage,
    latest_assessment,
    score_assessment,
    score_in,
)
from praksis.core.views.context import PageContext

from conftest import (
    GOLDEN_INPUTS,
    INSTRUMENT_FILE,
    MILESTONE_BASE,
    MILESTONE_GOLDEN,
    PRACTICE_FILE,
    SAMPLE_CONTENT,
    TESTS,
    has_row,
    html_rows,
    run_cli,
    write,
)

GOLDEN = TESTS / "golden" / "scoring"
CASES = sorted(GOLDEN.glob("*.input.yml"))
ASSESSMENT_PATH = "content/vurderinger/vurdering.md"


def questions() -> list[tuple[str, str]]:
    """(question id, scale name) for every question, read straight from the instrument file."""
    data = yaml.safe_load(INSTRUMENT_FILE.read_text(encoding="utf-8"))
    default = data.get("default_scale", "standard")
    return [(q["id"], q.get("scale", default))
            for element in data["elements"] for q in element["questions"]]


def assessment_text(answers: dict[str, str | None]) -> str:
    lines = ["---", "type: assessment", "instrument: lovende-praksis",
             "practice: samarbejde-om-sikkerhed", "date: 2026-03-12", "participants: [Leder]",
             "answers:"]
    lines += [f'  "{qid}": {"null" if code is None else code}' for qid, code in answers.items()]
    return "\n".join(lines + ["---", ""])


def project(root: Path, answers: dict[str, str | None]) -> Path:
    """A content folder with the real instrument, one practice and one assessment."""
    return write(root, {
        "content/instruments/lovende-praksis.yml": INSTRUMENT_FILE.read_text(encoding="utf-8"),
        "content/praksis/samarbejde-om-sikkerhed.md": PRACTICE_FILE.read_text(encoding="utf-8"),
        ASSESSMENT_PATH: assessment_text(answers),
    })


def case_answers(spec: dict[str, Any]) -> dict[str, str | None]:
    answers: dict[str, str | None] = {qid: spec["fill"][scale] for qid, scale in questions()}
    answers.update(spec["answers"] or {})
    return answers


def scored(root: Path, answers: dict[str, str | None], adjusted: bool = False):
    content = load_content(project(root, answers) / "content")
    assessment = content.by_path("vurderinger/vurdering.md")
    assert isinstance(assessment, Assessment), content.problems
    return score_assessment(assessment, content.get(Instrument, "lovende-praksis"), adjusted)


def all_answered(**overrides: str | None) -> dict[str, str | None]:
    fill = {"standard": "ja", "omvendt": "nej", "dokumentation": "2D"}
    answers: dict[str, str | None] = {qid: fill[scale] for qid, scale in questions()}
    answers.update({key.replace("_", "."): value for key, value in overrides.items()})
    return answers


# --- golden files ----------------------------------------------------------------------------

def test_golden_cases_cover_the_rule() -> None:
    names = {case.name.removesuffix(".input.yml") for case in CASES}
    assert {"complete", "incomplete", "reversed-5-2-ja", "reversed-5-2-nej",
            "documentation-2a", "documentation-2b", "documentation-2c", "documentation-2d",
            "condition-met-unanswered", "condition-not-met-answered",
            "ikke-relevant-official", "ikke-relevant-adjusted",
            "all-ikke-relevant-official", "all-ikke-relevant-adjusted"} <= names


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.removesuffix(".input.yml"))
def test_golden_score(case: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    project(tmp_path, case_answers(spec))
    args = ["score", "--json", "--today", "2026-11-23", ASSESSMENT_PATH] + (
        ["--adjusted"] if spec["adjusted"] else [])
    result = run_cli(*args, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    expected_file = GOLDEN / case.name.replace(".input.yml", ".json")
    if os.environ.get("PRAKSIS_REGEN"):
        expected_file.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected_file.read_text(encoding="utf-8")


# --- the rule, exactly -----------------------------------------------------------------------

@pytest.mark.parametrize(("code", "element_2"), [
    ("2A", Fraction(1, 2)), ("2B", Fraction(2, 3)), ("2C", Fraction(5, 6))])
def test_documentation_codes_are_exact_fractions(code: str, element_2: Fraction,
                                                 tmp_path: Path) -> None:
    result = scored(tmp_path, all_answered(**{"2_2": code, "2_3": None}))
    element = result.element("2")
    assert element.exact == element_2   # 2.1 'ja' (1) and 2.2's points, averaged exactly
    assert (element.answered, element.applicable, element.questions) == (2, 2, 3)


def test_question_2_3_counts_only_after_2d(tmp_path: Path) -> None:
    applies = scored(tmp_path / "a", all_answered(**{"2_3": "nej"})).element("2")
    assert (applies.exact, applies.applicable) == (Fraction(2, 3), 3)
    left_out = scored(tmp_path / "b", all_answered(**{"2_2": "2C", "2_3": "nej"})).element("2")
    assert (left_out.exact, left_out.applicable, left_out.answered) == (Fraction(5, 6), 2, 2)


def test_question_5_2_is_reversed(tmp_path: Path) -> None:
    for code, points in (("ja", Fraction(0)), ("delvist", Fraction(1, 2)), ("nej", Fraction(1))):
        element = scored(tmp_path / code, all_answered(**{"5_2": code})).element("5")
        assert element.exact == (1 + points) / 2


def test_element_without_every_answer_has_no_score_and_no_mean(tmp_path: Path) -> None:
    result = scored(tmp_path, all_answered(**{"7_2": None}))
    element = result.element("7")
    assert element.score is None and (element.answered, element.applicable) == (3, 4)
    assert result.mean is None and result.element("6").score == 1.0


def test_adjusted_mode_leaves_out_ikke_relevant(tmp_path: Path) -> None:
    answers = all_answered(**{"8_1": "ikke-relevant", "8_2": "nej"})
    official = scored(tmp_path / "a", answers).element("8")
    adjusted = scored(tmp_path / "b", answers, adjusted=True).element("8")
    assert (official.exact, official.applicable) == (Fraction(2, 4), 4)
    assert (adjusted.exact, adjusted.applicable, adjusted.answered) == (Fraction(2, 3), 3, 3)


def test_adjusted_element_with_nothing_left_is_null(tmp_path: Path) -> None:
    answers = all_answered(**{f"6_{n}": "ikke-relevant" for n in (1, 2, 3)})
    adjusted = scored(tmp_path / "a", answers, adjusted=True)
    assert adjusted.element("6").score is None and adjusted.element("6").applicable == 0
    assert adjusted.mean is None
    official = scored(tmp_path / "b", answers)
    assert official.element("6").score == 0.0 and official.mean is not None


def test_codes_outside_the_scale_count_as_unanswered(tmp_path: Path) -> None:
    """score_assessment never raises on bad content (check reports it as an error)."""
    result = scored(tmp_path, all_answered(**{"1_1": "jo", "9_9": "ja"}))
    assert result.element("1").score is None
    assert result.element("1").answered == 5


def test_json_contract_shape(tmp_path: Path) -> None:
    data = scored(tmp_path, all_answered()).as_json()
    assert list(data) == ["instrument", "practice", "date", "mode", "elements", "mean"]
    assert (data["instrument"], data["practice"], data["date"], data["mode"]) == (
        "lovende-praksis", "samarbejde-om-sikkerhed", "2026-03-12", "official")
    assert len(data["elements"]) == 11
    first = data["elements"][0]
    assert list(first) == ["id", "title", "score", "answered", "applicable", "questions"]
    assert first == {"id": "1", "title": "Teori og viden", "score": 1.0, "answered": 6,
                     "applicable": 6, "questions": 6}
    assert isinstance(data["mean"], float)
    json.dumps(data, ensure_ascii=False)  # plain JSON types only


INSTRUMENT = load_content(GOLDEN_INPUTS).get(Instrument, "lovende-praksis")


def _any_answers() -> st.SearchStrategy[tuple[str | None, ...]]:
    """One code of its own scale, or None (unanswered), for every question."""
    return st.tuples(*(st.sampled_from((None, *INSTRUMENT.scale_of(q).codes))
                       for q in INSTRUMENT.questions))


@settings(max_examples=200, deadline=None)
@given(codes=_any_answers())
def test_rule_invariants_for_any_answers(codes: tuple[str | None, ...]) -> None:
    answers = tuple(Answer(q.id, code) for q, code in zip(INSTRUMENT.questions, codes))
    assessment = Assessment(Source("vurderinger/x.md", "x"), None, "lovende-praksis", "p",
                            dt.date(2026, 1, 1), (), answers, ())
    official = score_assessment(assessment, INSTRUMENT)
    adjusted = score_assessment(assessment, INSTRUMENT, adjusted=True)
    for result in (official, adjusted):
        for element in result.elements:
            assert (element.exact is None) == (element.answered < element.applicable
                                               or element.applicable == 0)
            assert element.exact is None or 0 <= element.exact <= 1
            assert 0 <= element.answered <= element.applicable <= element.questions
        assert (result.mean is None) == any(e.score is None for e in result.elements)
    if "ikke-relevant" not in codes:   # the modes differ only on 'not applicable' answers
        assert official.elements == adjusted.elements


@pytest.mark.parametrize(("value", "shown"), [
    (Fraction(5, 8), "0,63"), (Fraction(2, 3), "0,67"), (Fraction(1, 3), "0,33"),
    (Fraction(1), "1,00"), (Fraction(0), "0,00"), (Fraction(-1, 8), "-0,13"), (None, "–")])
def test_decimal_rounds_half_up_with_a_comma(value: Fraction | None, shown: str) -> None:
    assert decimal(value) == shown


# --- assessments of a practice ---------------------------------------------------------------

def test_latest_assessment_is_the_newest_by_date() -> None:
    content = load_content(SAMPLE_CONTENT)
    dates = [a.date.isoformat() for a in assessments_for(content, "samarbejde-om-sikkerhed")]
    assert dates == sorted(dates) and len(dates) >= 2
    latest = latest_assessment(content, "samarbejde-om-sikkerhed")
    assert latest is not None and latest.date.isoformat() == dates[-1]
    assert latest_assessment(content, "tryghedsplan") is not None
    assert latest_assessment(content, "findes-ikke") is None


def test_sample_assessments_score_completely() -> None:
    content = load_content(SAMPLE_CONTENT)
    assessments = content.of_type(Assessment)
    assert len({a.practice for a in assessments}) >= 2
    for assessment in assessments:
        result = score_in(content, assessment)
        assert result is not None and result.mean is not None, assessment.id


# --- element 3: what a practice description already answers ---------------------------------

def _practice(root: Path, text: str) -> Practice:
    content = load_content(write(root, {"praksis/p.md": text}))
    practice = content.get(Practice, "p")
    assert practice is not None, content.problems
    return practice


def test_description_coverage_reads_front_matter_and_headings(tmp_path: Path) -> None:
    text = PRACTICE_FILE.read_text(encoding="utf-8")
    covered = {item.topic.question: item for item in
               description_coverage(_practice(tmp_path / "a", text))}
    assert set(covered) == {"3.3", "3.4", "3.5", "3.6", "3.7", "3.8"}
    assert all(item.covered for item in covered.values())
    assert covered["3.5"].headings == ("Målgruppe",)
    assert covered["3.8"].headings == ("Roller og ansvar",)

    practice = _practice(tmp_path / "b", _drop_key(text, "support_needs"))
    assert not next(i for i in description_coverage(practice)
                    if i.topic.question == "3.6").covered
    assert "Mangler: 3.6 støttebehov: tilføj 'support_needs'" in coverage_note(practice)

    with_heading = _drop_key(text, "support_needs") + "\n## Støttebehov\n\nFamilierne har brug..."
    item = next(i for i in description_coverage(_practice(tmp_path / "c", with_heading))
                if i.topic.question == "3.6")
    assert item.covered and not item.in_front_matter and item.headings == ("Støttebehov",)


def _drop_key(text: str, key: str) -> str:
    """The practice file without one folded front-matter key (``key: >-`` and its lines)."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while lines[end].startswith("  "):
        end += 1
    return "\n".join(lines[:start] + lines[end:])


def test_coverage_note_is_shown_but_never_fails_check(tmp_path: Path) -> None:
    write(tmp_path, {"content/praksis/p.md": _drop_key(PRACTICE_FILE.read_text(encoding="utf-8"),
                                                       "support_needs")})
    result = run_cli("check", "content", cwd=tmp_path)
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0].startswith("content/praksis/p.md:2: beskrivelse: note: Lovende praksis, "
                               "element 3: beskrivelsen besvarer allerede 3.3 aktiviteter")
    assert "Mangler: 3.6 støttebehov" in lines[0]
    assert lines[-1] == "Ingen fejl i 1 fil."   # notes are not counted


# --- exactly 5/8: one formatter, half up, everywhere -----------------------------------------

def test_a_mean_of_exactly_five_eighths_reads_0_63_everywhere(tmp_path: Path) -> None:
    """The golden case of the number formatter: elements of 5/8 (ja, ja, delvist, nej), so a
    mean of 5/8. Python's float formatting would show 0,62 (half to even)."""
    shutil.copytree(MILESTONE_BASE, tmp_path / "content")
    shutil.copytree(MILESTONE_GOLDEN / "scores", tmp_path / "content", dirs_exist_ok=True)
    write(tmp_path, {"content/vurderinger/index.md": "---\ntype: page\ntitle: Vurderinger\n---\n"})
    name = "vurderinger/mini-praksis-2025-03-10.md"
    content = load_content(tmp_path / "content")
    assert not content.errors, content.errors
    ctx = PageContext(content, dt.date(2026, 11, 23))
    assessment = content.by_path(name)
    assert score_in(content, assessment).exact_mean == Fraction(5, 8)

    listing = render_page(content.by_path("vurderinger/index.md"), ctx)
    row = next(row for row in html_rows(listing) if "10. marts 2025" in row)
    assert row[-1] == "0,63", row

    page = render_page(assessment, ctx)
    assert has_row(page, MEAN_LABEL, "0,63")
    assert has_row(page, "1. Grundlag", "0,63", "4 af 4 besvaret", "0,50"), page

    terminal = run_cli("score", f"content/{name}", cwd=tmp_path)
    assert terminal.exit_code == 0, terminal.stderr
    for shown in (r"1  Grundlag +0,63  4 af 4", r"2  Opfølgning +0,63  4 af 4",
                  rf"{re.escape(MEAN_LABEL)} +0,63"):
        assert re.search(rf"^ +{shown}$", terminal.stdout, re.MULTILINE), terminal.stdout
    data = json.loads(run_cli("score", f"content/{name}", "--json", cwd=tmp_path).stdout)
    assert data["mean"] == 0.625


@pytest.mark.parametrize(("value", "places", "shown"), [
    (0.625, 2, "0,63"), (0.145, 2, "0,15"), (Fraction(29, 200), 2, "0,15"), (2.5, 0, "3"),
    (-0.005, 2, "-0,01"), (-0.004, 2, "0,00"), (10.25, 1, "10,3"), (3, 2, "3,00")])
def test_the_number_formatter_rounds_the_decimal_a_reader_sees_half_up(
        value: float | Fraction, places: int, shown: str) -> None:
    assert decimal(value, places) == shown


@pytest.mark.parametrize(("value", "shown"), [
    (0.625, "63 %"), (Fraction(5, 8), "63 %"), (0.145, "15 %"), (0.005, "1 %"), (1, "100 %"),
    (0.0, "0 %"), (None, "–")])
def test_percentages_round_half_up(value: float | Fraction | None, shown: str) -> None:
    assert percent(value) == shown
