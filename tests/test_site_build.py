"""One small real MkDocs build with the plugin, and one that bad content stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TINY_MKDOCS_YML, TINY_PRACTICE, run_cli, write

MKDOCS_YML, PRACTICE = TINY_MKDOCS_YML, TINY_PRACTICE


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    return write(tmp_path, {
        "mkdocs.yml": MKDOCS_YML,
        "content/index.md": "---\ntype: page\ntitle: Forside\n---\n\nVelkommen.\n",
        "content/praksis/tryghedssamtaler.md": PRACTICE,
    })


def test_tiny_site_builds_with_metadata_block(tiny_site: Path) -> None:
    result = run_cli("build", cwd=tiny_site)
    assert result.exit_code == 0, result.stderr
    page = (tiny_site / "build/site/praksis/tryghedssamtaler/index.html").read_text("utf-8")
    assert '<html lang="da"' in page
    assert '<div class="praksis-meta">' in page
    assert "<dt>Metodeansvarlig</dt>\n<dd>Jens Holm</dd>" in page  # the role said once
    assert 'praksis-badge--godkendt">Godkendt</span>' in page
    assert "1. juni 2025" in page            # Danish date
    assert "1. juni 2026" in page            # next review: 12 months later
    assert "Gennemgang overskredet" in page   # 2026-06-01 < 2026-11-23
    assert "<dt>Version</dt>" in page
    reference = (tiny_site / "build/site/reference/noegler/index.html").read_text("utf-8")
    assert "review_interval_months" in reference and "praksisbeskrivelse" in reference.lower()
    assert (tiny_site / "build/site/assets/praksis/praksis.css").is_file()


def test_bad_content_fails_the_build_with_file_and_line(tiny_site: Path) -> None:
    assert run_cli("build", cwd=tiny_site).exit_code == 0
    before = (tiny_site / "build/site/index.html").read_bytes()
    bad = PRACTICE.replace("last_reviewed: 2025-06-01", "last_reviewed: 2026-02-30")
    write(tiny_site, {"content/praksis/tryghedssamtaler.md": bad})

    result = run_cli("build", cwd=tiny_site)

    assert result.exit_code == 1
    assert ("content/praksis/tryghedssamtaler.md:19: last_reviewed: datoen 2026-02-30 findes "
            "ikke") in result.stderr
    # The previous site is intact, and no staging folder is left behind.
    assert (tiny_site / "build/site/index.html").read_bytes() == before
    assert sorted(p.name for p in (tiny_site / "build").iterdir()) == ["site"]


def test_mkdocs_build_strict_agrees_with_check(tiny_site: Path) -> None:
    """mkdocs' own command sees the same problems: errors stop it, warnings stop --strict."""
    import subprocess
    import sys

    warn_only = PRACTICE.replace("## Formål", "# Overskrift")
    write(tiny_site, {"content/praksis/tryghedssamtaler.md": warn_only})
    check = run_cli("check", "--strict", "content", cwd=tiny_site)
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                           cwd=tiny_site, capture_output=True, text=True,
                           env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    assert check.exit_code == 1 and build.returncode == 1
    assert "content/praksis/tryghedssamtaler.md:22: brødtekst: advarsel:" in build.stderr


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_site_files_get_the_modes_the_umask_gives(tiny_site: Path, umask: int) -> None:
    """Not a temporary folder's 0700: a web server running as another user must read it."""
    import os
    import stat

    old = os.umask(umask)
    try:
        assert run_cli("build", cwd=tiny_site).exit_code == 0
        assert run_cli("build", cwd=tiny_site).exit_code == 0   # the swap keeps the modes
    finally:
        os.umask(old)
    site = tiny_site / "build" / "site"
    folders = [site, *(p for p in site.rglob("*") if p.is_dir())]
    files = [p for p in site.rglob("*") if p.is_file()]
    assert len(folders) > 3 and len(files) > 10
    for folder in folders:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o777 & ~umask, folder
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) == 0o666 & ~umask, file
