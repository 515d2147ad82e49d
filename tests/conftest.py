"""Shared test helpers. Fixtures resolve from this file's folder, never from the cwd."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from praksis.cli import praksis

TESTS = Path(__file__).parent
ROOT = TESTS.parent
SAMPLE_CONTENT = ROOT / "content"
FIXTURES = TESTS / "fixtures"
# The goldens' own frozen instrument and practice (see its README), never the sample content.
GOLDEN_INPUTS = FIXTURES / "lovende-praksis"
INSTRUMENT_FILE = GOLDEN_INPUTS / "instruments" / "lovende-praksis.yml"
PRACTICE_FILE = GOLDEN_INPUTS / "praksis" / "samarbejde-om-sikkerhed.md"


def run_cli(*args: str, cwd: Path | None = None) -> Result:
    """Run the praksis command in-process (in ``cwd`` if given).

    A Python exception other than SystemExit is re-raised, so an uncaught error fails the
    test; a traceback printed (or logged) by the command itself fails it here too, so tests
    need not check for one. ``result.stdout`` and ``result.stderr`` are kept apart.
    """
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(praksis, list(args), catch_exceptions=True)
    finally:
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stdout, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """A copy of the repository's mkdocs.yml and sample content in a temporary folder."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    return tmp_path


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write files below ``root`` (str as UTF-8, bytes as is); returns ``root``."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root
