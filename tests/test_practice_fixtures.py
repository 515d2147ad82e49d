"""Bad input, one problem per fixture file, each with its expected Danish message.

The expected lines live beside each fixture (``*.expected``). To regenerate them on purpose
after changing a message, run ``PRAKSIS_REGEN=1 scripts/test tests/test_practice_fixtures.py``
and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli

CASES = sorted((FIXTURES / "practice").glob("*.md"))


def test_corpus_covers_the_issue_cases() -> None:
    names = {case.stem for case in CASES}
    for required in ("malformed-yaml", "missing-fence", "tab-indent", "duplicate-key",
                     "wrong-type-list", "unknown-key", "unknown-type", "invalid-date",
                     "non-utf8", "empty-file"):
        assert required in names


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: p.stem)
def test_bad_practice_gives_its_message(fixture: Path, tmp_path: Path) -> None:
    folder = tmp_path / "content" / "praksis"
    folder.mkdir(parents=True)
    shutil.copy(fixture, folder / fixture.name)

    result = run_cli("check", "content", cwd=tmp_path)

    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    expected_file = fixture.with_suffix(".expected")
    if os.environ.get("PRAKSIS_REGEN"):
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert lines == expected
    no_errors = all(": advarsel: " in line or ": note: " in line for line in expected)
    assert result.exit_code == (0 if no_errors else 1)
    # Every message names the file and a line, and says it in Danish.
    for line in lines:
        assert line.startswith(f"content/praksis/{fixture.name}:")
        assert int(line.split(":")[1]) >= 1
