"""``praksis score``: the terminal table, the JSON contract, finding the content folder, errors,
and that the page, the terminal and the JSON show the same numbers for the sample content."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from praksis.core import load_content
from praksis.core.danish import decimal as format_score
from praksis.core.model.assessment import Assessment
from praksis.core.pages import render_page
from praksis.core.views.context import PageContext

from conftest import SAMPLE_CONTENT, has_row, run_cli, write

SAMPLES = sorted((SAMPLE_CONTENT / "vurderinger").glob("*-20*.md"))
LATEST = "content/vurderinger/samarbejde-om-sikkerhed-2026-03-12.md"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A project folder with a copy of the sample content."""
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    return tmp_path


def test_terminal_table_in_danish(copy: Path) -> None:
    result = run_cli("score", LATEST, cwd=copy)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Lovende praksis: Samarbejde om Sikkerhed, 12. marts 2026"
    assert lines[1] == ("Dato: 12. marts 2026. Beregning: standardberegning "
                        "(projektets fortolkning).")
    assert re.search(r"^  2  Virkning\s+1,00  3 af 3$", result.stdout, flags=re.M)
    assert re.search(r"^  8  Relationelt samarbejde\s+0,63  4 af 4$", result.stdout, flags=re.M)
    assert re.search(r"^\s+Gennemsnit af elementerne \(ikke officielt\)\s+0,77$", result.stdout,
                     flags=re.M)


def test_json_contract(copy: Path) -> None:
    result = run_cli("score", LATEST, "--json", cwd=copy)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["instrument", "practice", "date", "mode", "elements", "mean", "today",
                          "priorities"]
    assert data["mode"] == "official" and data["date"] == "2026-03-12"
    assert [e["id"] for e in data["elements"]] == [str(n) for n in range(1, 12)]
    assert data["elements"][4]["title"] == "Overførbarhed"   # ensure_ascii=False
    assert "Overførbarhed" in result.stdout
    for element in data["elements"]:
        assert list(element) == ["id", "title", "score", "answered", "applicable", "questions"]
        assert isinstance(element["score"], float)
    assert data["elements"][1] == {"id": "2", "title": "Virkning", "score": 1.0,
                                   "answered": 3, "applicable": 3, "questions": 3}
    assert data["elements"][0]["score"] == 11 / 12   # not rounded


def test_adjusted_mode(copy: Path) -> None:
    official = json.loads(run_cli("score", LATEST, "--json", cwd=copy).stdout)
    adjusted = json.loads(run_cli("score", LATEST, "--json", "--adjusted", cwd=copy).stdout)
    assert adjusted["mode"] == "adjusted"
    # 8.4 is answered 'ikke-relevant': left out of element 8's denominator.
    assert (official["elements"][7]["applicable"], adjusted["elements"][7]["applicable"]) == (4, 3)
    assert (official["elements"][7]["score"], adjusted["elements"][7]["score"]) == (0.625, 2.5 / 3)
    text = run_cli("score", LATEST, "--adjusted", cwd=copy).stdout
    assert "justeret (justeret, ikke officiel)" in text


def test_content_folder_is_found_from_anywhere(copy: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("andet-sted")
    absolute = str(copy / LATEST)
    found = run_cli("score", absolute, "--json", cwd=elsewhere)
    assert found.exit_code == 0, found.stderr
    inside = run_cli("score", "samarbejde-om-sikkerhed-2026-03-12.md", "--json",
                     cwd=copy / "content" / "vurderinger")
    assert inside.stdout == found.stdout
    renamed = copy / "indhold"
    (copy / "content").rename(renamed)
    given = run_cli("score", "indhold/vurderinger/samarbejde-om-sikkerhed-2026-03-12.md",
                    "--json", "--content", "indhold", cwd=copy)
    assert given.stdout == found.stdout


def test_content_errors_are_printed_like_check(copy: Path) -> None:
    path = copy / LATEST
    path.write_text(path.read_text(encoding="utf-8").replace('"4.4": ja', '"4.4": jaa'),
                    encoding="utf-8")
    result = run_cli("score", LATEST, "--json", cwd=copy)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == (f"{LATEST}:32: answers.\"4.4\": ukendt svar 'jaa'. Mente du 'ja'? "
                        "Tilladte svar på 4.4: 'ja', 'delvist', 'nej', 'ved-ikke', "
                        "'ikke-relevant'.")
    assert lines[-1] == "1 fejl og 0 advarsler i 1 fil."


def test_errors_in_other_files_do_not_block_the_score(copy: Path) -> None:
    write(copy, {"content/praksis/ødelagt.md": "---\ntype: practise\n---\n"})
    assert run_cli("check", "content", cwd=copy).exit_code == 1
    assert run_cli("score", LATEST, cwd=copy).exit_code == 0


def test_unknown_instrument_is_reported_with_exit_1(copy: Path) -> None:
    path = copy / LATEST
    path.write_text(path.read_text(encoding="utf-8").replace(
        "instrument: lovende-praksis", "instrument: lovende"), encoding="utf-8")
    result = run_cli("score", LATEST, cwd=copy)
    assert result.exit_code == 1
    assert "instrument: ukendt instrument 'lovende'." in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("content/vurderinger/findes-ikke.md",), "findes ikke"),
    (("content/praksis/tryghedsplan.md",), "er ikke en vurdering (type: assessment)"),
])
def test_wrong_file_is_a_danish_error(copy: Path, args: tuple[str, ...], message: str) -> None:
    result = run_cli("score", *args, cwd=copy)
    assert result.exit_code == 1
    assert result.stderr.startswith("Fejl: ") and message in result.stderr


def test_file_outside_the_content_folder(copy: Path) -> None:
    shutil.copy(copy / LATEST, copy / "løs.md")
    result = run_cli("score", "løs.md", "--content", "content", cwd=copy)
    assert result.exit_code == 1 and "ligger ikke i indholdsmappen" in result.stderr


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("adjusted", [False, True], ids=["official", "adjusted"])
def test_page_terminal_and_json_agree(path: Path, adjusted: bool) -> None:
    mode = ["--adjusted"] if adjusted else []
    rel = f"vurderinger/{path.name}"
    data = json.loads(run_cli("score", str(path), "--json", *mode).stdout)
    terminal = run_cli("score", str(path), *mode).stdout
    content = load_content(SAMPLE_CONTENT)
    assessment = content.by_path(rel)
    assert isinstance(assessment, Assessment)
    page = render_page(assessment, PageContext(content, dt.date(2026, 4, 1),
                                                adjusted_scores=adjusted))
    for element in data["elements"]:
        exact = (None if element["score"] is None
                 else Fraction(element["score"]).limit_denominator(10_000))
        shown = format_score(exact)
        answered = f"{element['answered']} af {element['applicable']}"
        # The overview table and the chart's description on the page...
        assert has_row(page, f"{element['id']}. {element['title']}", shown,
                       f"{answered} besvaret")
        assert f"{element['id']}. {element['title']}: {shown}" in page
        # ...the score line above each element's questions...
        assert f": {shown}</strong> ({answered} besvaret)" in page
        # ...and the terminal row.
        assert re.search(rf"^\s*{element['id']}  {re.escape(element['title'])}\s+{shown}  "
                         rf"{answered}$", terminal, flags=re.M)
    mean = format_score(Fraction(data["mean"]).limit_denominator(10_000))
    assert has_row(page, "Gennemsnit af elementerne (ikke officielt)", mean, "")
    assert terminal.rstrip().endswith(mean)
