"""After a failed command the last good outputs are unchanged; warnings, notes and status."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import PROJECTS, project_for, run_cli, write

HANDBOOK = "haandbog"
EDITION = ("type: edition\ntitle: Håndbog\norganisation: Botilbuddet Lindegården\n"
           "edition: \"1.0\"\ndate: 2026-01-01\nparts:\n  - title: Beskrivelser\n"
           "    folder: praksis\n")


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(tmp_path: Path) -> Path:
    project = project_for(PROJECTS / "base", tmp_path)
    write(project, {f"content/editions/{HANDBOOK}.yml": EDITION})
    assert run_cli("build", cwd=project).exit_code == 0
    assert run_cli("export", "--format", "docx", cwd=project).exit_code == 0
    return project


@pytest.mark.parametrize("case", ["config-today-invalid", "config-unknown-option",
                                  "config-missing-docs-dir", "cpr-in-file-name",
                                  "follow-on-broken-practice", "missing-image",
                                  "plan-due-before-started", "assessment-date-in-future"])
def test_a_failed_build_or_export_leaves_the_last_outputs(built: Path, case: str) -> None:
    site, editions = _digests(built / "build/site"), _digests(built / "build/editions")
    assert "index.html" in site and f"{HANDBOOK}.docx" in editions
    sources = _digests(built / "content")
    project_for(PROJECTS / case, built)
    changed = _digests(built / "content")

    build = run_cli("build", cwd=built)
    export = run_cli("export", "--format", "docx", cwd=built)

    assert build.exit_code == 1, build.stderr
    if not case.startswith("config-"):   # export does not read mkdocs.yml
        assert export.exit_code == 1, export.stderr
    assert _digests(built / "build/site") == site
    if export.exit_code:   # (a mkdocs.yml problem does not concern export)
        assert _digests(built / "build/editions") == editions
    assert sorted(p.name for p in (built / "build").iterdir()) == ["editions", "site"]
    assert _digests(built / "content") == changed   # sources never written
    assert sources.keys() <= changed.keys() or case == "config-missing-docs-dir"


def test_build_and_serve_count_the_notes_in_one_line_and_check_shows_them(
        tmp_path: Path) -> None:
    project = project_for(PROJECTS / "base", tmp_path)
    check = run_cli("check", cwd=project)
    assert "content/praksis/tryghedssamtaler.md:2: beskrivelse: note: Lovende praksis" in (
        check.stderr)
    build = run_cli("build", cwd=project)
    assert build.exit_code == 0
    assert "1 note: se den med praksis check\n" in build.stderr
    assert ": note: " not in build.stderr


def test_a_status_finding_is_news_not_a_warning(tmp_path: Path) -> None:
    """An overdue milestone is the page's news for readers: --strict still passes."""
    project = project_for(PROJECTS / "base", tmp_path)
    write(project, {"content/implementering/tryghedssamtaler-plan.md": (
        "---\ntype: implementation-plan\nframework: mini-ramme\npractice: tryghedssamtaler\n"
        "unit: Botilbuddet Lindegården\nstarted: 2024-01-01\nmilestones:\n"
        "  A1: {status: i-gang, due: 2025-01-31}\n  A2: ikke-påbegyndt\n"
        "  A3: ikke-påbegyndt\n  B1: ikke-påbegyndt\n  B2: ikke-påbegyndt\n"
        "  C1: ikke-påbegyndt\n  C2: ikke-påbegyndt\n---\n")})
    status = run_cli("status", "--today", "2026-11-23", cwd=project)
    assert "forfalden" in status.stdout
    strict = run_cli("check", "--strict", cwd=project)
    assert strict.exit_code == 0, strict.stderr
    assert run_cli("build", "--strict", cwd=project).exit_code == 0


def test_the_sample_passes_strict_check_and_build(sample_project: Path) -> None:
    check = run_cli("check", "--strict", cwd=sample_project)
    assert check.exit_code == 0, check.stderr
    assert "advarsel" not in check.stderr
    build = run_cli("build", "--strict", cwd=sample_project)
    assert build.exit_code == 0, build.stderr
    assert "noter: se dem med praksis check" in build.stderr


def test_strict_build_says_warnings_count_as_errors(tmp_path: Path) -> None:
    project = project_for(PROJECTS / "strict-warning", tmp_path)
    result = run_cli("build", "--strict", cwd=project)
    assert result.exit_code == 1
    assert "med --strict tæller advarsler som fejl" in result.stderr


def test_check_names_a_missing_config_file(tmp_path: Path) -> None:
    project = project_for(PROJECTS / "base", tmp_path)
    result = run_cli("check", "--config", "andet.yml", cwd=project)
    assert result.exit_code == 1
    assert "andet.yml:1: mkdocs.yml: filen kan ikke læses" in result.stderr


def test_serve_refuses_to_start_on_a_broken_config(tmp_path: Path) -> None:
    project = project_for(PROJECTS / "config-today-invalid", tmp_path)
    result = run_cli("serve", cwd=project)
    assert result.exit_code == 1
    assert "mkdocs.yml:19: plugins.praksis.today: '2026-13-01' er ikke en dato" in (
        result.stderr)
