"""Shared test helpers. Fixtures resolve from this file's folder, never from the cwd."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner, Result

from praksis.cli import praksis
from praksis.core.blocks import Blocks
from praksis.core.writers import print as print_writer
from praksis.core.writers import site as site_writer

# In-process builds use MkDocs: ProperDocs takes over every mkdocs.* import of the process it
# runs in, so the tests run it in a subprocess of its own (tests/test_engines.py).
os.environ.setdefault("PRAKSIS_ENGINE", "mkdocs")

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


def assert_golden(path: Path, actual: str) -> None:
    """``actual`` equals the golden file; ``PRAKSIS_REGEN=1`` rewrites it (review the diff)."""
    if os.environ.get("PRAKSIS_REGEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


# --- Reading computed HTML (tables, text) in a rendered page ---------------------------------

def html_rows(page: str) -> list[list[str]]:
    """Every table row of a page (HTML, or Markdown with raw HTML) as its cells' text, with
    whitespace normalised."""
    tree = lxml.html.document_fromstring(f"<div>{page}</div>")
    return [[" ".join(cell.text_content().split()) for cell in row.iter("td", "th")]
            for row in tree.iter("tr")]


def html_cells(page: str) -> list[list[str]]:
    """Every table row of a page as its cells' HTML (for marks a cell's text does not show)."""
    tree = lxml.html.document_fromstring(f"<div>{page}</div>")
    return [[lxml.html.tostring(cell, encoding="unicode") for cell in row.iter("td", "th")]
            for row in tree.iter("tr")]


def has_row(page: str, *cells: str) -> bool:
    """A table row of the page starts with these cells."""
    return any(row[:len(cells)] == list(cells) for row in html_rows(page))


def html_text(page: str) -> str:
    """The page's text as a reader sees it (tags gone, entities read, whitespace normalised)."""
    return " ".join(lxml.html.document_fromstring(f"<div>{page}</div>").text_content().split())


def site_golden(blocks: Blocks, from_path: str) -> str:
    """What the site writer makes of a view's blocks, as a golden file: its HTML, and the
    editor's Markdown it leaves for MkDocs between marks."""
    pieces = site_writer.write(blocks, from_path).pieces
    return "".join(piece if isinstance(piece, str) else _editor_piece(piece.markdown)
                   for piece in pieces)


def print_golden(blocks: Blocks, anchors: dict[str, str] | None = None) -> str:
    """What the print writer makes of a view's blocks (pandoc Markdown), as a golden file."""
    pieces = print_writer.write(blocks, anchors or {}).pieces
    return "".join(piece if isinstance(piece, str) else _editor_piece(piece.markdown)
                   for piece in pieces)


def _editor_piece(markdown: str) -> str:
    return f"<!-- editor Markdown -->\n{markdown.strip()}\n<!-- /editor Markdown -->\n"


def unescaped(markdown: str) -> str:
    """Pandoc Markdown's text with its backslash escapes read ('1\\.1' -> '1.1'), whitespace
    normalised: what an editor typed, as the printed page shows it."""
    return " ".join(re.sub(r"\\(.)", r"\1", markdown).split())


# --- Shared inputs of several test modules (test modules never import each other) -----------

# The milestone rules' own framework and practice, and their goldens.
MILESTONE_BASE = FIXTURES / "milestones" / "base"
MILESTONE_GOLDEN = TESTS / "golden" / "milestones"

# Whole projects (mkdocs.yml and content) with what the commands should say about them.
PROJECTS = FIXTURES / "projects"


def project_for(case: Path, tmp_path: Path) -> Path:
    """The base project, the goldens' instrument, then the case's own files on top."""
    shutil.copytree(PROJECTS / "base", tmp_path, dirs_exist_ok=True)
    shutil.copytree(GOLDEN_INPUTS / "instruments", tmp_path / "content" / "instruments",
                    dirs_exist_ok=True)
    shutil.copytree(case, tmp_path, dirs_exist_ok=True)
    return tmp_path


# A tiny site: one practice description and a start page, built with the plugin.
TINY_MKDOCS_YML = """\
site_name: Testsite
docs_dir: content
site_dir: build/site
theme:
  name: material
  language: da
  features: [navigation.sections, navigation.prune]
plugins:
  - search:
      lang: da
  - praksis:
      today: "2026-11-23"
"""

TINY_PRACTICE = (FIXTURES / "practice" / "h1-in-body.md").read_text(encoding="utf-8").replace(
    "# Tryghedssamtaler", "## Formål\n\nTekst om <b>tryghed</b>.")


# The built sample site, its server and Chromium, for the browser and HTML tests (module-scoped
# fixtures defined in tests/browser_site.py, imported here so every test module can use them).
from browser_site import base_url, browser, site_dir  # noqa: E402, F401
