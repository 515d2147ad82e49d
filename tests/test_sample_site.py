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
    nav = html[html.index('md-nav--primary'):]
    sections = re.findall(
        r'md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)
    wanted = ["Praksisbeskrivelser", "Lovende praksis", "Implementering", "Håndbøger"]
    positions = [sections.index(title) for title in wanted]
    assert positions == sorted(positions)
    assert "Haandboeger" not in sections


def test_every_generated_page_is_built(sample_site: Path) -> None:
    for page in ("reference/noegler", "implementering/oversigt", "haandboeger"):
        assert (sample_site / page / "index.html").is_file(), page


def _text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def test_tabs_start_page_then_sections_in_reading_order(sample_site: Path) -> None:
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    tabs = [_text(t) for t in re.findall(r'class="md-tabs__link[^"]*">(.*?)</a>', html, re.S)]
    assert tabs == ["Fælles praksis", "Praksisbeskrivelser", "Lovende praksis", "Implementering",
                    "Håndbøger", "Lindegårdens håndbog", "Emneord"]


def test_editors_corner_is_linked_from_the_footer_not_the_navigation(sample_site: Path) -> None:
    for page in ("index.html", "praksis/samarbejde-om-sikkerhed/index.html", "404.html"):
        html = (sample_site / page).read_text(encoding="utf-8")
        footer = html[html.index('<footer'):]
        assert re.search(r'<a href="[./]*reference/">Til redaktionen</a>', footer), page
        assert "Nøgler i front matter" not in html[:html.index('<footer')] or page == "404.html"
    corner = (sample_site / "reference/index.html").read_text(encoding="utf-8")
    assert '<a href="noegler/">Nøgler i front matter</a>' in corner


def test_no_english_from_the_theme(sample_site: Path) -> None:
    for page in sample_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for english in ("Made with", "Permanent link", "Not found", "Material for MkDocs</a>"):
            assert english not in html, f"{english!r} on {page.relative_to(sample_site)}"
    start = (sample_site / "index.html").read_text(encoding="utf-8")
    assert start.count("Fælles praksis - Fælles praksis") == 0
    assert "<title>Fælles praksis</title>" in start
    assert "<title>Siden findes ikke - Fælles praksis</title>" in (
        sample_site / "404.html").read_text(encoding="utf-8")


def test_navigation_lists_only_the_active_section(sample_site: Path) -> None:
    # Every page repeats the navigation: listing every page of every section on each would
    # make a large site's build grow with the square of its size (BENCHMARKS.md).
    html = (sample_site / "praksis/tryghedsplan/index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]
    links = re.findall(r'href="([^"]*)"', nav)
    assert "../samarbejde-om-sikkerhed/" in links            # a page of the same section
    assert "../../vurderinger/" in links                     # other sections: one link each
    assert not [link for link in links if link.startswith("../../vurderinger/") and
                link != "../../vurderinger/"]


def test_no_label_or_fact_twice_on_a_practice_page(sample_site: Path) -> None:
    html = (sample_site / "praksis/samarbejde-om-sikkerhed/index.html").read_text("utf-8")
    article = _text(html[html.index("<article"):html.index("</article>")])
    assert "Metodeansvarlig Louise Dahl" in article  # the label, then the name once
    assert "Metodeansvarlig Metodeansvarlig" not in article
    # The body has its own '## Målgruppe' section: the facts box leaves that fact out.
    assert article.count("Målgruppe") == 1, article
    assert "Støttebehov" in article  # facts without a section of their own stay
    other = (sample_site / "praksis/tryghedsplan/index.html").read_text("utf-8")
    assert "Metodeansvarlig Metodeansvarlig" not in other and "Målgruppe" in other
