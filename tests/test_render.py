"""`praksis render`: the site as plain Markdown, built by MkDocs and ProperDocs without the
praksis plugin, with the same computed content as the plugin's own build."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser_site import HOSTILE, hostile_files

from conftest import ROOT, SAMPLE_CONTENT, run_cli, write

SOURCE_DATE_EPOCH = "1780272000"
ASSESSMENT = "vurderinger/samarbejde-om-sikkerhed-2026-03-12/index.html"
PLAN = "implementering/loeft-boerne-og-familie/index.html"
PAGES = ("index.html", "praksis/samarbejde-om-sikkerhed/index.html", ASSESSMENT, PLAN,
         "implementering/oversigt/index.html", "haandboeger/index.html", "emneord/index.html")


def engine_build(folder: Path, engine: str) -> Path:
    """Build a rendered folder with a plain engine command, in a process of its own."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    site = folder / f"site-{engine}"
    result = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-f",
                             "mkdocs.yml", "-d", str(site)], cwd=folder, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return site


def article(html: str) -> str:
    """The page's content; whitespace between tags (which no reader sees) normalised: the
    plugin puts computed HTML in after the Markdown step, a plain engine reads it as raw
    HTML blocks between Markdown headings, and the two join lines differently. Material's
    search exclusion mark is left out of the comparison: Python-Markdown's Markdown-in-HTML
    (a plan's collapsed box holding the editor's answer) does not always keep it, which
    changes only what a plain engine's search index holds."""
    content = html[html.index("<article"):html.index("</article>")]
    content = re.sub(r' data-search-exclude(="[^"]*")?', "", content)
    return re.sub(r">\s+<", "><", " ".join(content.split()))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("render")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(SAMPLE_CONTENT, root / "content")
    write(root, hostile_files())
    return root


@pytest.fixture(scope="module")
def rendered(project: Path) -> Path:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        result = run_cli("render", str(project / "out"), cwd=project)
    assert result.exit_code == 0, result.stderr
    assert "Siderne er skrevet i" in result.stderr
    return project / "out"


@pytest.fixture(scope="module")
def plugin_site(project: Path) -> Path:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        result = run_cli("build", "--site-dir", str(project / "plugin-site"), cwd=project)
    assert result.exit_code == 0, result.stderr
    return project / "plugin-site"


def test_rendered_config_has_no_praksis_plugin(rendered: Path) -> None:
    from praksis.site.render import read_config

    config = read_config(rendered / "mkdocs.yml")
    assert config["docs_dir"] == "docs"
    assert "praksis" not in str(config["plugins"])
    assert {"md_in_html", "def_list", "admonition"} <= {
        e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]}
    assert "assets/praksis/praksis.css" in config["extra_css"]
    assert (rendered / "docs/assets/praksis/praksis.css").is_file()
    assert (rendered / "overrides/404.html").is_file()
    toc = next(e["toc"] for e in config["markdown_extensions"]
               if isinstance(e, dict) and "toc" in e)
    assert toc["slugify"].node.tag.endswith("python/name:praksis.core.anchors.slugify")
    assert not list((rendered / "docs").rglob("*.yml"))  # data files are not pages


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_plain_engines_build_the_computed_content(rendered: Path, plugin_site: Path,
                                                  engine: str) -> None:
    site = engine_build(rendered, engine)
    assessment = (site / ASSESSMENT).read_text("utf-8")
    assert "0,77" in assessment and "<svg" in assessment  # mean score and radar chart
    plan = (site / PLAN).read_text("utf-8")
    assert '<span class="praksis-badge praksis-badge--paa-plads">På plads</span>' in plan
    # Each page's content is what the plugin's own build shows.
    for page in PAGES:
        built = (site / page).read_text("utf-8")
        assert article(built) == article((plugin_site / page).read_text("utf-8")), page
        assert "<title>" in built
    # The navigation is the plugin's: same links in the same order, Danish section titles.
    nav = re.compile(r'class="md-nav__link[^"]*" href="([^"]+)"')
    start = (site / "index.html").read_text("utf-8")
    assert nav.findall(start) == nav.findall((plugin_site / "index.html").read_text("utf-8"))
    assert "Håndbøger" in start and "Haandboeger" not in start


def test_escaping_applies_to_the_rendered_pages(rendered: Path) -> None:
    site = engine_build(rendered, "mkdocs")
    for page in ("praksis/fjendtlig/index.html", "vurderinger/fjendtlig-2025-05-20/index.html",
                 "praksis/index.html"):
        html = (site / page).read_text("utf-8")
        assert "<script>window.__pwned" not in html, page
        assert '<img src=x onerror' not in html and '<img src="x"' not in html, page
    practice = (site / "praksis/fjendtlig/index.html").read_text("utf-8")
    assert "<title>Fjendtlig titel &lt;/title&gt;&lt;script&gt;" in practice
    assert HOSTILE not in practice


def test_content_errors_write_nothing(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    out = tmp_path / "out"
    write(out, {"keep.txt": "the previous render"})
    practice = tmp_path / "content/praksis/tryghedsplan.md"
    text = practice.read_text("utf-8")
    practice.write_text(text.replace("\n---\n", "\n---\n\nBorger 010185-1234 deltog.\n", 1),
                        "utf-8")
    result = run_cli("render", str(out), cwd=tmp_path)
    assert result.exit_code == 1
    assert "content/praksis/tryghedsplan.md:" in result.stderr and "CPR" in result.stderr
    assert "010185-1234" not in result.stderr  # masked
    assert "Intet er skrevet" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


@pytest.mark.parametrize("where", [".", "..", "content", "content/ud", "andet"])
def test_refuses_to_replace_a_folder_it_did_not_write(sample_project: Path, where: str) -> None:
    write(sample_project, {"andet/noter.txt": "mine noter"})
    result = run_cli("render", where, cwd=sample_project)
    assert result.exit_code == 1
    assert "mappen" in result.stderr and "Traceback" not in result.stderr
    assert (sample_project / "andet/noter.txt").is_file()
    assert (sample_project / "content/index.md").is_file()


def test_rendering_again_replaces_the_earlier_render(sample_project: Path) -> None:
    for _ in range(2):
        result = run_cli("render", "build/render", cwd=sample_project)
        assert result.exit_code == 0, result.stderr
    assert (sample_project / "build/render/docs/index.md").is_file()


def test_missing_config_is_a_danish_error(tmp_path: Path) -> None:
    result = run_cli("render", "out", cwd=tmp_path)
    assert result.exit_code == 1
    assert "mkdocs.yml: filen findes ikke" in result.stderr
