"""Untouched scaffold text: a warning at its line, and never an answer in the element-3 note."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli

INSTRUCTION = re.compile(r"^\s*(?:-\s*|[\w.]+:\s*)?\"?((?:Skriv|Beskriv|Ny praksisbeskrivelse)"
                         r"[^\"]*)\"?\s*$")


def _instruction_lines(path: Path) -> list[int]:
    """Lines of a scaffold that hold an instruction to the editor (outside comments)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return [number for number, line in enumerate(lines, start=1)
            if not line.lstrip().startswith("#") and INSTRUCTION.match(line)]


def test_every_scaffold_instruction_is_a_warning_at_its_line(sample_project: Path) -> None:
    for args in (("new", "practice", "ny-praksis"), ("new", "edition", "ny-bog", "--print-folder",
                                                     "praksis"),
                 ("new", "plan", "--practice", "tryghedsplan", "--framework",
                  "signs-of-safety")):
        assert run_cli(*args, cwd=sample_project).exit_code == 0, args
    files = [sample_project / "content/praksis/ny-praksis.md",
             sample_project / "content/editions/ny-bog.yml",
             *(sample_project / "content/implementering").glob("tryghedsplan*.md")]
    assert len(files) == 3
    result = run_cli("check", cwd=sample_project)
    assert result.exit_code == 0, result.stderr          # warnings, not errors
    for path in files:
        shown = path.relative_to(sample_project).as_posix()
        expected = _instruction_lines(path)
        assert expected, path
        warned = sorted(int(line.split(":")[1]) for line in result.stderr.splitlines()
                        if line.startswith(f"{shown}:") and "eksempelteksten" in line)
        assert warned == expected, (path, warned, expected)
    strict = run_cli("check", "--strict", cwd=sample_project)
    assert strict.exit_code == 1
    assert "Med --strict tæller advarsler som fejl" in strict.stderr


def test_placeholder_text_answers_no_element_3_question(sample_project: Path) -> None:
    assert run_cli("new", "practice", "ny-praksis", cwd=sample_project).exit_code == 0
    result = run_cli("check", cwd=sample_project)
    (note,) = [line for line in result.stderr.splitlines()
               if line.startswith("content/praksis/ny-praksis.md:") and ": note: " in line]
    assert "besvarer endnu ingen af spørgsmålene 3.3-3.8" in note
    page = sample_project / "content/praksis/ny-praksis.md"
    text = page.read_text(encoding="utf-8").replace(
        "Beskriv målgruppen.", "Forældre med små børn.").replace(
        "Skriv, hvorfor praksis findes.", "Praksis giver familien et fælles sprog.")
    page.write_text(text, encoding="utf-8")
    result = run_cli("check", cwd=sample_project)
    (note,) = [line for line in result.stderr.splitlines()
               if line.startswith("content/praksis/ny-praksis.md:") and ": note: " in line]
    assert "besvarer allerede 3.4 mål (afsnittet 'Formål'); 3.5 målgruppe (target_group)" in note
