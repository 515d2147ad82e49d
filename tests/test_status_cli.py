"""``praksis status`` and ``praksis new plan`` from the outside: output contracts, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, MILESTONE_GOLDEN, SAMPLE_CONTENT, run_cli
from conftest import MILESTONE_BASE as BASE
from conftest import assert_golden as assert_golden_file

TODAY = "2026-11-23"


def assert_golden(name: str, actual: str) -> None:
    assert_golden_file(MILESTONE_GOLDEN / name, actual)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The sample frameworks, practice descriptions and plans in a temporary project."""
    for folder in ("frameworks", "praksis", "implementering"):
        shutil.copytree(SAMPLE_CONTENT / folder, tmp_path / "content" / folder)
    return tmp_path


# --- praksis status ---------------------------------------------------------------------------

def test_sample_status_json_golden(project: Path) -> None:
    result = run_cli("status", "--json", "--today", TODAY, cwd=project)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert_golden("sample-status.json", result.stdout)


def test_sample_status_table_golden(project: Path) -> None:
    result = run_cli("status", "--today", TODAY, cwd=project)
    assert result.exit_code == 0, result.stderr
    assert_golden("sample-status.txt", result.stdout)


def test_json_contract_keys_and_types(project: Path) -> None:
    report = json.loads(run_cli("status", "--json", "--today", TODAY, cwd=project).stdout)
    assert list(report) == ["today", "plans"]
    for plan in report["plans"]:
        assert list(plan) == ["file", "framework", "practice", "unit", "progress", "factors",
                              "history", "activities", "reassessment"]
        assert [f["id"] for f in plan["factors"]] == ["ledelse", "kompetencer", "organisering"]
        ids = []
        for factor in plan["factors"]:
            assert list(factor) == ["id", "title", "progress", "milestones"]
            assert factor["progress"] is None or 0 <= factor["progress"] <= 1
            for milestone in factor["milestones"]:
                assert list(milestone) == ["id", "title", "status", "owner", "due", "overdue"]
                assert isinstance(milestone["overdue"], bool)
                ids.append(milestone["id"])
        # Framework order, every milestone, including those missing from the plan.
        assert ids == ["L1", "L2", "L3", "L4", "L5", "K1", "K2", "K3",
                       "O1", "O2", "O3", "O4", "O5", "O6"]


def test_json_is_not_ascii_escaped_and_numbers_are_not_rounded(project: Path) -> None:
    out = run_cli("status", "--json", "--today", TODAY, cwd=project).stdout
    assert "Børne- og familieafdelingen, LØFT kommune" in out
    assert "\\u00f8" not in out
    family = json.loads(out)["plans"][0]
    # 20 points of 26 possible (13 applicable milestones): not rounded.
    assert family["progress"] == 20 / 26


def test_status_of_one_plan_file(project: Path) -> None:
    path = "content/implementering/loeft-familiehuset.md"
    result = run_cli("status", path, "--json", "--today", TODAY, cwd=project)
    assert result.exit_code == 0, result.stderr
    plans = json.loads(result.stdout)["plans"]
    assert [p["file"] for p in plans] == [path]
    k3 = plans[0]["factors"][1]["milestones"][2]
    assert (k3["id"], k3["status"], k3["owner"], k3["overdue"]) == (
        "K3", "ikke-påbegyndt", None, False)


def test_status_of_a_file_that_is_not_a_plan(project: Path) -> None:
    result = run_cli("status", "content/praksis/tryghedsplan.md", cwd=project)
    assert result.exit_code == 1
    assert result.stderr == ("Fejl: content/praksis/tryghedsplan.md er ikke en "
                             "implementeringsplan (type: implementation-plan).\n")


def test_status_of_a_missing_path(project: Path) -> None:
    result = run_cli("status", "indhold", "--today", TODAY, cwd=project)
    assert result.exit_code == 1
    assert result.stderr.startswith("Fejl: indhold findes ikke.")


@pytest.mark.parametrize(("today", "message"), [
    ("23-11-2026", "Fejl: --today: '23-11-2026' er ikke en dato. Skriv datoen som ÅÅÅÅ-MM-DD, "
                   "fx 2026-03-12.\n"),
    ("2026-02-30", "Fejl: --today: datoen 2026-02-30 findes ikke: februar 2026 har kun 28 dage. "
                   "Ret dagen.\n"),
])
def test_invalid_today_is_a_danish_error(project: Path, today: str, message: str) -> None:
    result = run_cli("status", "--today", today, cwd=project)
    assert result.exit_code == 1
    assert result.stderr == message
    assert result.stdout == ""


def test_invalid_source_date_epoch_is_a_danish_error(project: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "i går")
    result = run_cli("status", cwd=project)
    assert result.exit_code == 1
    assert result.stderr.startswith("Fejl: SOURCE_DATE_EPOCH='i går' er ikke et gyldigt")


def test_content_errors_are_printed_like_check(project: Path) -> None:
    shutil.copy(FIXTURES / "milestones" / "unknown-status.md",
                project / "content" / "implementering" / "unknown-status.md")
    status = run_cli("status", "--json", "--today", TODAY, cwd=project)
    check = run_cli("check", "content", cwd=project)
    assert status.exit_code == check.exit_code == 1
    assert status.stdout == ""
    assert status.stderr == check.stderr
    assert "content/implementering/unknown-status.md:" in status.stderr


# --- praksis new plan -------------------------------------------------------------------------

def test_new_plan_lists_every_milestone_and_passes_check(project: Path) -> None:
    result = run_cli("new", "plan", "--practice", "samarbejde-om-sikkerhed",
                     "--framework", "signs-of-safety", "--unit", "Skoleteamet, LØFT Kommune",
                     cwd=project)
    assert result.exit_code == 0, result.stderr
    created = (project / "content" / "implementering"
               / "samarbejde-om-sikkerhed-skoleteamet-loeft-kommune.md")
    text = created.read_text(encoding="utf-8")
    assert text.count("{status: ikke-påbegyndt}") == 14
    assert "# L1: Kommunens mål med og målgruppe for indsatsen er beskrevet\n" in text
    assert 'unit: "Skoleteamet, LØFT Kommune"' in text
    # Every key has a Danish comment above it.
    lines = text.split("---\n")[1].splitlines()
    for index, line in enumerate(lines):
        if line and not line.startswith((" ", "#")):
            assert lines[index - 1].startswith("# "), line

    check = run_cli("check", "content", "--strict", cwd=project)
    ours = [line for line in check.stderr.splitlines() if "skoleteamet" in line
            and "eksempelteksten fra 'praksis new'" not in line]   # the body's instruction
    assert ours == []
    report = json.loads(run_cli("status", str(created.relative_to(project)), "--json",
                                "--today", TODAY, cwd=project).stdout)
    assert report["plans"][0]["progress"] == 0
    assert report["plans"][0]["unit"] == "Skoleteamet, LØFT Kommune"


def test_new_plan_without_unit_uses_the_practice_unit(project: Path) -> None:
    result = run_cli("new", "plan", "--practice", "tryghedsplan",
                     "--framework", "signs-of-safety", cwd=project)
    assert result.exit_code == 0, result.stderr
    created = project / "content/implementering/tryghedsplan-plan.md"
    assert "unit: \"Botilbuddet Lindegården\"" in created.read_text(encoding="utf-8")


def test_new_plan_refuses_to_overwrite(project: Path) -> None:
    args = ("new", "plan", "--practice", "samarbejde-om-sikkerhed",
            "--framework", "signs-of-safety", "--unit", "Familiehuset")
    assert run_cli(*args, cwd=project).exit_code == 0
    target = project / "content/implementering/samarbejde-om-sikkerhed-familiehuset.md"
    target.write_text("redigeret", encoding="utf-8")
    again = run_cli(*args, cwd=project)
    assert again.exit_code == 1
    assert again.stderr.startswith(f"Fejl: content/implementering/{target.name} findes allerede.")
    assert target.read_text(encoding="utf-8") == "redigeret"


def test_new_plan_unknown_practice_lists_known_ids(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "content")
    result = run_cli("new", "plan", "--practice", "mini-praksi", "--framework", "mini-ramme",
                     cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == ("Fejl: ukendt praksisbeskrivelse 'mini-praksi'. Mente du "
                             "'mini-praksis'? Kendte id'er: 'mini-praksis'.\n")
    assert not (tmp_path / "content" / "implementering").exists()


def test_new_plan_unknown_framework_lists_known_ids(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "content")
    result = run_cli("new", "plan", "--practice", "mini-praksis", "--framework", "sos",
                     cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == "Fejl: ukendt ramme 'sos'. Kendte id'er: 'mini-ramme'.\n"


def test_new_plan_for_another_framework(tmp_path: Path) -> None:
    """Nothing is tied to Signs of Safety: the scaffold follows the framework it is given."""
    shutil.copytree(BASE, tmp_path / "content")
    result = run_cli("new", "plan", "--practice", "mini-praksis", "--framework", "mini-ramme",
                     "--unit", "Æblehuset", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    created = tmp_path / "content/implementering/mini-praksis-aeblehuset.md"
    assert created.read_text(encoding="utf-8").count("{status: ikke-påbegyndt}") == 7
    check = run_cli("check", "content", cwd=tmp_path)
    assert check.exit_code == 0, check.stderr
