"""A real browser on the built site: pages render, search works, axe finds nothing serious.

Playwright (from PyPI) drives Debian's Chromium (``apt-get install chromium``; ``.ci/run``
installs it), because Playwright's own browser download is not reachable in CI. axe-core comes
from npm (``package.json``; ``scripts/test`` runs ``npm ci``) and is injected into each page.

The site is the repository's sample content plus one hostile practice and assessment whose
texts contain HTML: the browser must show that text literally and never run it.

The site, the server, Chromium and axe-core come from tests/browser_site.py (shared with the
other browser and HTML tests). A missing Chromium, Playwright or axe-core fails these tests;
they never skip. Set PRAKSIS_SCREENSHOTS=/some/folder to save full-page screenshots of the
pages visited.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from browser_site import (
    ASSESSMENT,
    HOSTILE,
    HOSTILE_ASSESSMENT,
    HOSTILE_PRACTICE,
    PLAN,
    PRACTICE,
    START,
    assert_accessible,
    assert_accessible_in_both_themes,
    new_page,
    visit,
)


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that may fetch only from our server (Material links Google Fonts)."""
    yield from new_page(browser, base_url, 1280)


# --- every page a reader meets, at a desktop and a phone width ------------------------------

# Add a page here to hold it to the same bar: axe in both themes, no sideways scrolling.
READER_PAGES = {
    "start": START,
    "practice": PRACTICE,
    "assessment": ASSESSMENT,
    "plan": PLAN,
    "overview": "/implementering/oversigt/",
    "editions": "/haandboeger/",
}
WIDTHS = (1280, 390)


def horizontal_overflow(page: Any) -> str | None:
    """None when the page fits its width; else how wide it is and the widest elements."""
    return page.evaluate("""() => {
        const width = window.innerWidth;
        const scroll = document.scrollingElement.scrollWidth;
        if (scroll <= width) return null;
        const wide = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 1)
            .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
                 ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))
            .slice(0, 8);
        return `${scroll} px wide in a ${width} px window; wider: ${wide.join(', ')}`;
    }""")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", READER_PAGES)
def test_reader_page_is_accessible_and_fits(browser: Any, base_url: str, name: str,
                                            width: int) -> None:
    path = READER_PAGES[name]
    for page in new_page(browser, base_url, width):
        visit(page, path)
        what = f"the {name} page {path} at {width} px"
        assert horizontal_overflow(page) is None, f"{what}: {horizontal_overflow(page)}"
        assert_accessible_in_both_themes(page, what)
        assert horizontal_overflow(page) is None, f"{what}, dark theme"


# --- the tests -----------------------------------------------------------------------------

def test_start_page_renders(page: Any) -> None:
    visit(page, START)
    assert page.locator("html").get_attribute("lang") == "da"
    assert "Fælles praksis" in page.title()
    assert page.locator("article h1").first.inner_text().strip() == "Fælles praksis"
    assert page.locator("article").get_by_text("Sådan bruger du sitet").is_visible()
    nav = page.locator("nav.md-nav--primary")
    assert nav.locator('a[href="praksis/"]').count() >= 1
    assert_accessible_in_both_themes(page, f"the start page {START}")


def test_assessment_page_shows_radar_chart(page: Any) -> None:
    visit(page, ASSESSMENT)
    chart = page.locator("figure.praksis-chart svg").first
    chart.wait_for(state="visible")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 200, box
    assert chart.get_attribute("role") == "img"
    assert chart.locator("title").text_content().startswith("Score pr. element")
    assert "Radardiagram" in chart.locator("desc").text_content()
    assert chart.locator("polygon").count() >= 5  # rings and the scores
    assert_accessible_in_both_themes(page, f"the assessment page {ASSESSMENT}")


def test_plan_page_shows_status_badges(page: Any) -> None:
    visit(page, PLAN)
    badges = page.locator("span.praksis-badge")
    assert badges.count() >= 4
    assert badges.first.is_visible()
    shown = set(badges.all_inner_texts())
    assert {"På plads", "I gang"} <= shown, shown
    in_place = page.locator("span.praksis-badge--paa-plads").first
    assert in_place.inner_text() == "På plads"
    assert page.locator("progress.praksis-progress").count() >= 1
    assert_accessible_in_both_themes(page, f"the plan page {PLAN}")


def test_practice_page_is_accessible(page: Any) -> None:
    visit(page, PRACTICE)
    assert page.locator("div.praksis-meta").is_visible()
    assert_accessible(page, f"the practice page {PRACTICE}")


def search(page: Any, words: str) -> Any:
    """Type into Material's search field; returns the result items once there are some."""
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(words, delay=20)
    items = page.locator(".md-search-result__item")
    items.first.wait_for(state="visible")
    return items


def test_search_finds_page_by_danish_word(page: Any) -> None:
    visit(page, START)
    # "børnesamtaler" (with ø) occurs on only two pages; the practice is one of them.
    items = search(page, "børnesamtaler")
    links = [link.get_attribute("href") for link in items.locator("a").all()]
    assert any(href and "praksis/samarbejde-om-sikkerhed/" in href for href in links), links
    assert_accessible(page, "the start page with search results open")


# --- hostile content -----------------------------------------------------------------------

def assert_nothing_ran(page: Any, where: str) -> None:
    """No script from the content ran, and none of its HTML became elements."""
    found = page.evaluate("""() => ({
        pwned: typeof window.__pwned,
        scripts: [...document.scripts].filter(s => s.textContent.includes('__pwned')).length,
        images: document.querySelectorAll('img[src="x"], [onerror]').length,
    })""")
    assert found == {"pwned": "undefined", "scripts": 0, "images": 0}, (
        f"HTML from the content reached {where} unescaped: window.__pwned is {found['pwned']}, "
        f"{found['scripts']} <script> and {found['images']} <img onerror> elements from it")


def test_hostile_practice_is_shown_as_text(page: Any) -> None:
    visit(page, HOSTILE_PRACTICE)
    assert_nothing_ran(page, HOSTILE_PRACTICE)
    article = page.locator("article")
    assert article.locator("h1").first.inner_text().strip() == f"Fjendtlig titel {HOSTILE}"
    meta = page.locator("div.praksis-meta").inner_text()
    assert f"Ejer {HOSTILE}" in meta
    assert f"Resumé {HOSTILE}" in article.inner_text()
    assert f"Fjendtlig titel {HOSTILE}" in page.title()
    # The title is in the navigation of every page, and in the tag index (Emneord).
    for path, where in (("/praksis/", "nav.md-nav--primary"), ("/emneord/", "article")):
        visit(page, path)
        assert_nothing_ran(page, path)
        assert page.locator(where).get_by_text(
            f"Fjendtlig titel {HOSTILE}", exact=True).count() >= 1, f"title not shown on {path}"


def test_hostile_assessment_is_shown_as_text(page: Any) -> None:
    visit(page, HOSTILE_ASSESSMENT)
    assert_nothing_ran(page, HOSTILE_ASSESSMENT)
    text = page.locator("article").inner_text()
    assert f"Kommentar {HOSTILE}" in text
    assert f"Fjendtlig titel {HOSTILE}" in text
    assert f"Fjendtlig titel {HOSTILE}" in page.title()
    chart = page.locator("figure.praksis-chart svg").first
    assert f"Fjendtlig titel {HOSTILE}" in chart.locator("title").text_content()


def test_hostile_title_in_search_results_is_text(page: Any) -> None:
    visit(page, START)
    items = search(page, "Fjendtlig")
    assert_nothing_ran(page, "the search results")
    assert any(HOSTILE in text for text in items.all_inner_texts()), items.all_inner_texts()
