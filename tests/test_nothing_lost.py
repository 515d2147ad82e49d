"""Nothing lost, nothing leaked: sources never written, reproducible output, odd files refused."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from praksis.core.content import MAX_FILE_BYTES

from conftest import FIXTURES, ROOT, SAMPLE_CONTENT, run_cli, write


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    return tmp_path


def test_check_and_build_never_write_under_content(tmp_path: Path) -> None:
    project = _project(tmp_path)
    before = _tree_digest(project / "content")
    assert run_cli("check", "content", cwd=project).exit_code == 0
    assert run_cli("build", cwd=project).exit_code == 0
    assert _tree_digest(project / "content") == before


def test_two_builds_with_source_date_epoch_are_byte_identical(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795392000")  # 2026-11-23
    assert run_cli("build", "--site-dir", str(project / "a"), cwd=project).exit_code == 0
    assert run_cli("build", "--site-dir", str(project / "b"), cwd=project).exit_code == 0
    first, second = _tree_digest(project / "a"), _tree_digest(project / "b")
    assert first.keys() == second.keys()
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []


def test_a_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    big = b"---\ntype: page\ntitle: Stor\n---\n" + b"x" * (10 * 1024 * 1024)
    write(tmp_path, {"content/stor.md": big})
    result = run_cli("check", "content", cwd=tmp_path)
    assert result.exit_code == 1
    assert "content/stor.md:1: fil: filen er for stor (10.0 MB" in result.stderr
    assert len(big) > MAX_FILE_BYTES


def test_a_symlink_leaving_content_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "hemmelig.md"
    outside.write_text("---\ntype: page\ntitle: Uden for\n---\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    os.symlink(outside, tmp_path / "content" / "link.md")
    result = run_cli("check", "content", cwd=tmp_path)
    assert result.exit_code == 1
    assert "content/link.md:1: fil: filen er et link, der peger uden for indholdsmappen" in (
        result.stderr)


def test_a_cpr_number_blocks_the_build_and_the_old_site_stays(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert run_cli("build", cwd=project).exit_code == 0
    before = _tree_digest(project / "build" / "site")
    page = project / "content" / "praksis" / "tryghedsplan.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nBorger 010185-1234.\n",
                    encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.exit_code == 1
    assert "content/praksis/tryghedsplan.md:" in result.stderr
    assert "CPR-nummer (010185-****)" in result.stderr and "1234" not in result.stderr
    assert _tree_digest(project / "build" / "site") == before


def _corpus_cases(folder: Path) -> set[str]:
    """The cases the bad-input tests run in a corpus folder: its files, or its projects."""
    if folder.name == "projects":
        return {p.name for p in folder.iterdir() if p.is_dir() and p.name != "base"}
    return {p.stem for p in folder.iterdir() if p.suffix in (".md", ".yml")}


def test_every_bad_input_case_has_its_expected_message_and_no_message_is_orphaned() -> None:
    """Each corpus case has an ``.expected`` file, and each ``.expected`` file belongs to a case
    that its test runs (one left behind by a renamed case would silently test nothing)."""
    folders = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and any(p.glob("*.expected")))
    assert [p.name for p in folders] == ["assessment", "editions", "milestones", "practice",
                                         "projects"]
    for folder in folders:
        expected = {p.stem for p in folder.glob("*.expected")}
        cases = _corpus_cases(folder)
        assert cases, folder
        assert sorted(cases - expected) == [], f"{folder.name}: cases without .expected"
        assert sorted(expected - cases) == [], f"{folder.name}: .expected without a case"


def test_a_cpr_number_in_a_file_or_folder_name_is_refused_and_masked(tmp_path: Path) -> None:
    page = "---\ntype: page\ntitle: Sag\n---\n\nTekst.\n"
    write(tmp_path, {"content/sager/010185 1234.md": page,
                     "content/01.01.85-4321/noter.md": page,
                     "content/billeder/sag-0101854444.png": b"\x89PNG",
                     "content/sager/2024-0312-1234.md": page})
    result = run_cli("check", "content", cwd=tmp_path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert ("content/01.01.85-****/noter.md:1: personoplysninger: mappenavnet ser ud til at "
            "indeholde et CPR-nummer (01.01.85-****)") in lines[0]
    assert "omdøb mappen" in lines[0]
    assert lines[1].startswith("content/billeder/sag-010185-****.png:1: personoplysninger: "
                               "filnavnet")
    assert lines[2].startswith("content/sager/010185-****.md:1: personoplysninger: filnavnet")
    assert "omdøb filen" in lines[2]
    assert len([line for line in lines if "personoplysninger" in line]) == 3
    assert "1234" not in result.stderr.replace("2024-0312-1234", "")
    assert "4321" not in result.stderr and "4444" not in result.stderr
