"""One project root for every command: the nearest mkdocs.yml upward, or --config; the
content folder is its docs_dir, unless --content (or an old positional folder) is given."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE_CONTENT, run_cli, write

BROKEN = "---\ntype: practice\n---\n"


def test_check_from_a_subfolder_finds_the_project(sample_project: Path) -> None:
    write(sample_project, {"content/praksis/ny.md": BROKEN})
    result = run_cli("check", cwd=sample_project / "content" / "praksis")
    assert result.exit_code == 1
    # Inside the project, files are shown from its root, as 'praksis check' there shows them.
    assert re.search(r"^content/praksis/ny\.md:\d+: ", result.stderr, re.M), result.stderr
    from_root = run_cli("check", cwd=sample_project)
    assert from_root.stderr == result.stderr


def test_status_and_score_from_a_subfolder(sample_project: Path) -> None:
    root = run_cli("status", "--json", "--today", "2026-11-23", cwd=sample_project)
    assert root.exit_code == 0, root.stderr
    inside = run_cli("status", "--json", "--today", "2026-11-23",
                     cwd=sample_project / "content" / "implementering")
    assert inside.exit_code == 0, inside.stderr
    assert json.loads(inside.stdout) == json.loads(root.stdout)
    assessment = next((sample_project / "content" / "vurderinger").glob("*.md"))
    score = run_cli("score", assessment.name, "--json", cwd=assessment.parent)
    assert score.exit_code == 0, score.stderr
    assert json.loads(score.stdout)["elements"]


def test_docs_dir_names_the_content_folder(sample_project: Path) -> None:
    (sample_project / "content").rename(sample_project / "indhold")
    config = sample_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "docs_dir: content", "docs_dir: indhold"), encoding="utf-8")
    write(sample_project, {"indhold/praksis/ny.md": BROKEN})
    result = run_cli("check", cwd=sample_project / "indhold")
    assert result.exit_code == 1
    assert re.search(r"^indhold/praksis/ny\.md:\d+: ", result.stderr, re.M), result.stderr


def test_config_elsewhere(sample_project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("andet-sted")
    status = run_cli("status", "--config", str(sample_project / "mkdocs.yml"), "--json",
                     "--today", "2026-11-23", cwd=elsewhere)
    assert status.exit_code == 0, status.stderr
    assert json.loads(status.stdout)["plans"]
    write(sample_project, {"content/praksis/ny.md": BROKEN})
    result = run_cli("check", "--config", str(sample_project / "mkdocs.yml"), cwd=elsewhere)
    assert result.exit_code == 1
    # Outside the project, files are shown relative to its root.
    assert re.search(r"^content/praksis/ny\.md:\d+: ", result.stderr, re.M), result.stderr


def test_content_option_wins_over_docs_dir(sample_project: Path) -> None:
    write(sample_project, {"andet/praksis/ny.md": BROKEN})
    for args in (("check", "--content", "andet"), ("check", "andet")):
        result = run_cli(*args, cwd=sample_project)
        assert result.exit_code == 1, args
        assert re.search(r"^andet/praksis/ny\.md:\d+: ", result.stderr, re.M), result.stderr
        assert "content/" not in result.stderr
    assert run_cli("check", cwd=sample_project).exit_code == 0


def test_two_different_content_folders_are_refused(sample_project: Path) -> None:
    result = run_cli("check", "content", "--content", "andet", cwd=sample_project)
    assert result.exit_code == 1
    assert result.stderr.startswith("Fejl: to indholdsmapper")


@pytest.mark.parametrize("args", [
    ("check",), ("export",), ("score",), ("status",), ("new", "practice"), ("new", "plan"),
    ("new", "assessment"), ("new", "edition"),
])
def test_help_shows_one_spelling_of_the_content_folder(args: tuple[str, ...]) -> None:
    result = run_cli(*args, "--help")
    assert result.exit_code == 0
    assert "--content STI" in result.stdout and "--config STI" in result.stdout
    for other in ("CONTENT_DIR", "PATH", "[standard: content]"):
        assert other not in result.stdout, (other, result.stdout)


@pytest.mark.parametrize("command", ["check", "build", "serve", "render", "export", "score",
                                     "status"])
def test_help_shows_one_spelling_of_the_config_file(command: str) -> None:
    result = run_cli(command, "--help")
    assert "--config STI" in result.stdout
    assert "[standard: mkdocs.yml]" not in result.stdout


def test_no_project_is_a_danish_error(tmp_path: Path) -> None:
    result = run_cli("status", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("Fejl: indholdsmappen content findes ikke, og der er "
                                    "ingen mkdocs.yml"), result.stderr
    assert "--content" in result.stderr


def test_a_missing_docs_dir_is_a_danish_error(tmp_path: Path) -> None:
    write(tmp_path, {"mkdocs.yml": "site_name: X\ndocs_dir: indhold\nplugins:\n  - praksis\n"})
    (tmp_path / "content").mkdir()
    result = run_cli("status", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("Fejl: indholdsmappen indhold (docs_dir i mkdocs.yml) "
                                    "findes ikke."), result.stderr
    check = run_cli("check", cwd=tmp_path)
    assert check.exit_code == 1
    assert "mkdocs.yml:2: docs_dir: mappen 'indhold'" in check.stderr


def test_new_writes_into_the_projects_content_folder(sample_project: Path) -> None:
    result = run_cli("new", "practice", "ny-praksis", cwd=sample_project / "content" / "praksis")
    assert result.exit_code == 0, result.stderr
    assert (sample_project / "content/praksis/ny-praksis.md").is_file()
    assert "Oprettet content/praksis/ny-praksis.md." in result.stderr


def test_schema_defaults_to_the_project_root(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_CONTENT / "praksis", tmp_path / "content" / "praksis")
    write(tmp_path, {"mkdocs.yml": "site_name: X\ndocs_dir: content\n"})
    result = run_cli("schema", cwd=tmp_path / "content" / "praksis")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert not (tmp_path / "content" / "praksis" / "schemas").exists()


def test_build_from_a_subfolder_writes_the_projects_site(sample_project: Path) -> None:
    result = run_cli("build", cwd=sample_project / "content" / "praksis")
    assert result.exit_code == 0, result.stderr
    # site_dir (build/site) is relative to mkdocs.yml, not to the current folder.
    assert (sample_project / "build" / "site" / "index.html").is_file()
    assert not (sample_project / "content" / "praksis" / "build").exists()


def test_export_from_a_subfolder_writes_into_the_projects_build_folder(
        sample_project: Path) -> None:
    editions = sample_project / "content" / "editions"
    result = run_cli("export", "lindegaarden-haandbog", "--format", "docx", cwd=editions)
    assert result.exit_code == 0, result.stderr
    assert (sample_project / "build/editions/lindegaarden-haandbog.docx").is_file()
    assert not (editions / "build").exists()
