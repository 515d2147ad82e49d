"""The praksis command: check, new, and its promises about exit codes and messages."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, SAMPLE_CONTENT, run_cli, write


def test_sample_content_passes_check() -> None:
    result = run_cli("check", str(SAMPLE_CONTENT))
    assert result.exit_code == 0, result.stderr
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith(("Ingen fejl", "0 fejl")), summary


def test_check_collects_every_problem_in_every_file(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "praksis"
    folder.mkdir(parents=True)
    for name in ("invalid-date", "unknown-key", "tab-indent"):
        shutil.copy(FIXTURES / "practice" / f"{name}.md", folder)
    result = run_cli("check", "content", cwd=tmp_path)
    assert result.exit_code == 1
    files = {line.split(":")[0] for line in result.stderr.splitlines() if ": " in line}
    assert {f"content/praksis/{n}.md" for n in ("invalid-date", "unknown-key",
                                                "tab-indent")} <= files
    assert result.stderr.splitlines()[-1] == "3 fejl og 0 advarsler i 3 filer."


def test_missing_content_folder_is_a_danish_error(tmp_path: Path) -> None:
    result = run_cli("check", "findes-ikke", cwd=tmp_path)
    assert result.exit_code == 1
    assert "mappen findes ikke" in result.stderr


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "praksis"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "practice" / "h1-in-body.md", folder)
    assert run_cli("check", "content", cwd=tmp_path).exit_code == 0
    assert run_cli("check", "--strict", "content", cwd=tmp_path).exit_code == 1


def test_new_practice_passes_check_and_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    first = run_cli("new", "practice", "ny-praksis", cwd=tmp_path)
    assert first.exit_code == 0, first.stderr
    path = tmp_path / "content" / "praksis" / "ny-praksis.md"
    written = path.read_text(encoding="utf-8")
    assert "# Godkendelsesstatus" in written  # keys are explained in Danish
    assert run_cli("check", "content", cwd=tmp_path).exit_code == 0

    path.write_text(written + "\nRedaktørens egen tekst.\n", encoding="utf-8")
    again = run_cli("new", "practice", "ny-praksis", cwd=tmp_path)
    assert again.exit_code == 1
    assert "findes allerede" in again.stderr
    assert path.read_text(encoding="utf-8").endswith("Redaktørens egen tekst.\n")


def test_new_practice_refuses_a_bad_id(tmp_path: Path) -> None:
    result = run_cli("new", "practice", "Tryghed på Lindegården", cwd=tmp_path)
    assert result.exit_code == 1
    assert "ikke et gyldigt id" in result.stderr
    assert not (tmp_path / "content").exists()


def test_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    write(tmp_path, {"content/praksis/a.md": b"---\ntype: practice\ntitle: \xff\n---\n"})
    result = subprocess.run([sys.executable, "-m", "praksis.cli", "check", "content"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/praksis/a.md:3: tegnkodning:" in result.stderr
