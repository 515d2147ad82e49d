"""`praksis new --id/--folder`, and the folder a new edition prints."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from praksis.cli import praksis

from conftest import run_cli

PLAN = ("new", "plan", "--practice", "tryghedsplan", "--framework", "signs-of-safety")


def test_a_second_plan_for_the_same_practice_gets_its_own_id(sample_project: Path) -> None:
    assert run_cli(*PLAN, cwd=sample_project).exit_code == 0
    again = run_cli(*PLAN, cwd=sample_project)
    assert again.exit_code == 1 and "findes allerede" in again.stderr and "--id" in again.stderr
    second = run_cli(*PLAN, "--id", "tryghedsplan-2027", cwd=sample_project)
    assert second.exit_code == 0, second.stderr
    assert (sample_project / "content/implementering/tryghedsplan-2027.md").is_file()
    bad = run_cli(*PLAN, "--id", "Tryghed 2027", cwd=sample_project)
    assert bad.exit_code == 1 and "er ikke et gyldigt id" in bad.stderr
    assert run_cli("check", cwd=sample_project).exit_code == 0


def test_new_writes_into_any_subfolder_of_content(sample_project: Path) -> None:
    commands = [
        (("new", "practice", "ny-praksis", "--folder", "praksis/lindegaarden"),
         "content/praksis/lindegaarden/ny-praksis.md"),
        ((*PLAN, "--folder", "implementering/lindegaarden/"),
         "content/implementering/lindegaarden/tryghedsplan-plan.md"),
        (("new", "assessment", "--practice", "tryghedsplan", "--date", "2026-11-20",
          "--folder", "vurderinger/lindegaarden", "--id", "tryghedsplan-efteraar"),
         "content/vurderinger/lindegaarden/tryghedsplan-efteraar.md"),
        (("new", "edition", "ny-bog", "--folder", "editions/lindegaarden", "--print-folder",
          "praksis/lindegaarden"),
         "content/editions/lindegaarden/ny-bog.yml"),
    ]
    for args, path in commands:
        result = run_cli(*args, cwd=sample_project)
        assert result.exit_code == 0, (args, result.stderr)
        assert (sample_project / path).is_file(), (path, result.stderr)
    check = run_cli("check", cwd=sample_project)
    assert check.exit_code == 0, check.stderr
    for folder in ("../udenfor", "/tmp", "praksis/../..", "praksis/Æble"):
        result = run_cli("new", "practice", "x", "--folder", folder, cwd=sample_project)
        assert result.exit_code == 1, folder
        assert result.stderr.startswith("Fejl: --folder:"), result.stderr
    assert not (sample_project.parent / "udenfor").exists()


def test_an_edition_prints_the_only_organisation_folder_or_asks(sample_project: Path) -> None:
    # The sample has one folder of practice descriptions: that is the default.
    assert run_cli("new", "edition", "en", cwd=sample_project).exit_code == 0
    assert "    folder: \"praksis\"\n" in (sample_project / "content/editions/en.yml").read_text(
        encoding="utf-8")
    # Two organisations: no default, the editor chooses.
    second = sample_project / "content/praksis/egebakken"
    second.mkdir()
    (sample_project / "content/praksis/tryghedsplan.md").rename(second / "tryghedsplan.md")
    old = os.getcwd()
    os.chdir(sample_project)
    try:
        asked = CliRunner().invoke(praksis, ["new", "edition", "to"],
                                   input="egebakke\npraksis/egebakken\n")
    finally:
        os.chdir(old)
    assert asked.exit_code == 0, asked.output
    assert "'egebakke' er ikke en af mapperne ovenfor" in asked.output
    assert "    folder: \"praksis/egebakken\"\n" in (
        sample_project / "content/editions/to.yml").read_text(encoding="utf-8")
    given = run_cli("new", "edition", "tre", "--print-folder", "praksis/egebakken",
                    cwd=sample_project)
    assert given.exit_code == 0
    wrong = run_cli("new", "edition", "fire", "--print-folder", "praksis/ukendt",
                    cwd=sample_project)
    assert wrong.exit_code == 1 and "har ingen praksisbeskrivelser" in wrong.stderr


def test_new_edition_with_a_folder_of_descriptions_prints_that_folder(
        sample_project: Path) -> None:
    second = sample_project / "content/praksis/egebakken"
    second.mkdir()
    (sample_project / "content/praksis/tryghedsplan.md").rename(second / "tryghedsplan.md")
    result = run_cli("new", "edition", "egebakken", "--folder", "praksis/egebakken",
                     cwd=sample_project)
    assert result.exit_code == 0, result.stderr
    manifest = sample_project / "content/editions/egebakken.yml"
    assert "    folder: \"praksis/egebakken\"\n" in manifest.read_text(encoding="utf-8")
    assert run_cli("check", cwd=sample_project).exit_code == 0
