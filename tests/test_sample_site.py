"""The sample content builds into the site readers get: Danish sections in reading order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from conftest import ROOT, SAMPLE_CONTENT

    root = tmp_path_factory.mktemp("sample")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(SAMPLE_CONTENT, root / "content")
    result = run_cli("build", "--site-dir", str(root / "site"), cwd=root)
    assert result.exit_code == 0, result.stderr
    return root / "site"


def test_sections_have_danish_titles_in_reading_order(sample_site: Path) -> None:
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    sections = re.findall(r'md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>',
                          nav)
    wanted = ["Praksisbeskrivelser", "Lovende praksis", "Implementering", "Håndbøger"]
    positions = [sections.index(title) for title in wanted]
    assert positions == sorted(positions)
    assert "Haandboeger" not in sections


def test_every_generated_page_is_built(sample_site: Path) -> None:
    for page in ("reference/noegler", "implementering/oversigt", "haandboeger"):
        assert (sample_site / page / "index.html").is_file(), page
