"""Bad input across a whole project (mkdocs.yml, file names, references between documents),
one case per folder in tests/fixtures/projects/, each with the output it must give.

Regenerate the expected output on purpose with ``PRAKSIS_REGEN=1`` and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import GOLDEN_INPUTS, PROJECTS, project_for, run_cli

CASES = sorted(p for p in PROJECTS.iterdir() if p.is_dir() and p.name != "base")


def test_corpus_covers_the_issue_cases() -> None:
    names = {case.name for case in CASES}
    assert {"cpr-in-file-name", "cpr-in-folder-name", "config-today-invalid",
            "config-unknown-option", "config-misspelt-plugin", "config-missing-docs-dir",
            "follow-on-broken-practice", "follow-on-bad-assessment-date",
            "duplicate-id-different-types", "plan-due-before-started",
            "assessment-date-in-future", "file-name-with-space", "file-name-with-aeoeaa",
            "missing-image", "missing-page-link", "untouched-scaffold",
            "strict-warning"} <= names


def test_the_base_project_is_valid(tmp_path: Path) -> None:
    shutil.copytree(PROJECTS / "base", tmp_path, dirs_exist_ok=True)
    shutil.copytree(GOLDEN_INPUTS / "instruments", tmp_path / "content" / "instruments")
    result = run_cli("check", "--strict", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "advarsel" not in result.stderr


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_bad_project_gives_its_messages(case: Path, tmp_path: Path) -> None:
    project = project_for(case, tmp_path)
    command_file = case.with_suffix(".cmd")
    args = command_file.read_text(encoding="utf-8").split() if command_file.exists() else [
        "check"]

    result = run_cli(*args, cwd=project)

    lines = [line for line in result.stderr.splitlines() if ": note: " not in line]
    expected_file = case.with_suffix(".expected")
    if os.environ.get("PRAKSIS_REGEN"):
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == expected_file.read_text(encoding="utf-8").splitlines()
    errors = [line for line in lines if line.startswith(("content/", "mkdocs.yml"))
              and ": advarsel: " not in line]
    strict = "--strict" in args and any(": advarsel: " in line for line in lines)
    assert result.exit_code == (1 if errors or strict else 0), result.stderr
    # Every message names a file and a line.
    for line in lines:
        if line.startswith(("content/", "mkdocs.yml")):
            assert int(line.split(":")[1]) >= 1, line
