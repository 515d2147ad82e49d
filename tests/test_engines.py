"""The sample builds with both engines: ProperDocs (the default when installed) and MkDocs.

ProperDocs redirects every ``mkdocs.*`` import of the process it runs in, so each build here
is a real ``praksis build`` in a process of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_CONTENT

SCORE_2026 = "0,77"  # samarbejde-om-sikkerhed 2026-03-12, official mean (praksis score)


def praksis(project: Path, *args: str,
            engine_env: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PRAKSIS_ENGINE"}
    if engine_env:
        env["PRAKSIS_ENGINE"] = engine_env
    env["SOURCE_DATE_EPOCH"] = "1780272000"
    return subprocess.run([sys.executable, "-m", "praksis.cli", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    root = tmp_path_factory.mktemp("engines")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(SAMPLE_CONTENT, root / "content")
    return root


def generator(site: Path) -> str:
    html = (site / "index.html").read_text("utf-8")
    start = html.index('<meta name="generator" content="') + len('<meta name="generator" content="')
    return html[start:html.index('"', start)]


@pytest.mark.parametrize(("args", "env", "wanted"), [
    ((), None, "ProperDocs"),                      # the default, ProperDocs being installed
    (("--engine", "mkdocs"), None, "mkdocs-1.6"),
    ((), "mkdocs", "mkdocs-1.6"),
    (("--engine", "properdocs"), "mkdocs", "ProperDocs"),  # the option beats the variable
])
def test_sample_builds_with_each_engine(project: Path, args: tuple[str, ...], env: str | None,
                                        wanted: str) -> None:
    site = project / f"site-{'-'.join(args) or 'default'}-{env}"
    result = praksis(project, "build", "--site-dir", str(site), *args, engine_env=env)
    assert result.returncode == 0, result.stderr
    assert wanted in generator(site)
    # The plugin ran: computed scores and milestone statuses are on the pages.
    assessment = (site / "vurderinger/samarbejde-om-sikkerhed-2026-03-12/index.html").read_text(
        "utf-8")
    assert SCORE_2026 in assessment and "<svg" in assessment
    plan = (site / "implementering/loeft-boerne-og-familie/index.html").read_text("utf-8")
    assert "praksis-badge--paa-plads" in plan
    assert (site / "reference/noegler/index.html").is_file()


def test_properdocs_strict_counts_the_plugins_warnings(tmp_path: Path) -> None:
    """The plugin logs under "mkdocs."; ProperDocs counts on "properdocs.": --strict must
    still stop on the plugin's warning (a practice without a body)."""
    import shutil

    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    source = (SAMPLE_CONTENT / "praksis" / "tryghedsplan.md").read_text("utf-8")
    (tmp_path / "content/praksis/tom.md").write_text(source.split("\n---\n", 1)[0] + "\n---\n",
                                                    "utf-8")
    site = tmp_path / "strict"
    result = praksis(tmp_path, "build", "--strict", "--engine", "properdocs", "--site-dir",
                     str(site))
    assert result.returncode == 1, result.stderr
    assert "tom.md:2: front matter: advarsel: beskrivelsen har ingen brødtekst" in result.stderr
    assert "med --strict tæller advarsler som fejl" in result.stderr
    assert not site.exists()


def test_unknown_engine_is_refused_in_danish(project: Path) -> None:
    result = praksis(project, "build", engine_env="sphinx")
    assert result.returncode == 1
    assert "PRAKSIS_ENGINE: ukendt motor 'sphinx'" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_with_properdocs_shows_errors_on_the_page(tmp_path: Path) -> None:
    from test_serve import PRACTICE, _serving, _wait_for

    bad = PRACTICE.replace("last_reviewed: 2025-06-01", "last_reviewed: 2026-02-30")
    with _serving(tmp_path, bad, "--engine", "properdocs") as (url, _log):
        page = _wait_for(url, lambda html: "Fejl i denne fil" in html)
        assert "ProperDocs" in page  # the generator meta tag: ProperDocs served it
        assert "tryghedssamtaler.md:19: last_reviewed: datoen 2026-02-30" in page
