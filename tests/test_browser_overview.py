"""The leader's overview, a plan, an assessment and a practice in a real browser at a 1280 px
screen and a 390 px phone, in both themes: axe-core finds nothing serious, the page never
scrolls sideways, and the overview cuts no table column (no table wider than its box).

The site, the server, Chromium and axe-core come from tests/browser_site.py (its fixtures and
helpers), as for tests/test_browser.py, so both files test the same build the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from browser_site import serious_violations, use_dark_scheme

OVERVIEW = "/implementering/oversigt/"
PLAN = "/implementering/loeft-boerne-og-familie/"
ASSESSMENT = "/vurderinger/samarbejde-om-sikkerhed-2026-03-12/"
PRACTICE = "/praksis/samarbejde-om-sikkerhed/"
WIDTHS = (1280, 390)

OVERFLOW = """() => {
  const page = document.documentElement;
  const boxes = [...document.querySelectorAll('article .md-typeset__scrollwrap, article table')];
  return {
    page: page.scrollWidth - page.clientWidth,
    cut: boxes.filter(box => box.scrollWidth > box.clientWidth + 1)
              .map(box => box.textContent.trim().slice(0, 60)),
  };
}"""


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def sized_page(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url, locale="da-DK",
                                  viewport={"width": request.param, "height": 900})
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(base_url) else route.abort())
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def _check(page: Any, path: str, what: str, whole_tables: bool) -> None:
    for theme in ("lyst", "mørkt"):
        if theme == "mørkt":
            use_dark_scheme(page)
        found = serious_violations(page)
        assert not found, f"axe-core on {what} ({theme} tema):\n" + "\n".join(found)
        overflow = page.evaluate(OVERFLOW)
        assert overflow["page"] <= 0, f"{what} ({theme} tema) scrolls sideways"
        if whole_tables:
            assert overflow["cut"] == [], f"{what} ({theme} tema) cuts a table: {overflow}"


def test_overview_fits_and_is_accessible(sized_page: Any) -> None:
    response = sized_page.goto(OVERVIEW, wait_until="load")
    assert response is not None and response.status == 200
    headings = [h.rstrip("¶") for h in sized_page.locator("article h2").all_inner_texts()]
    assert headings[0].startswith("Det skal vi handle på")
    assert "Status for milepælene" in headings and "Fremdrift over tid" in headings
    # Full titles on hover: every matrix cell names its milestone and status.
    cell = sized_page.locator(".praksis-matrix .praksis-symbol").first
    assert cell.get_attribute("title").startswith("L1: ")
    assert cell.get_attribute("aria-label") == "På plads"
    _check(sized_page, OVERVIEW, "the overview", whole_tables=True)


@pytest.mark.parametrize("path", [PLAN, ASSESSMENT, PRACTICE],
                         ids=["plan", "assessment", "practice"])
def test_plan_assessment_and_practice_do_not_scroll_sideways(sized_page: Any, path: str) -> None:
    response = sized_page.goto(path, wait_until="load")
    assert response is not None and response.status == 200
    _check(sized_page, path, path, whole_tables=False)


def test_radar_labels_on_a_phone_and_charts_in_the_dark_theme(browser: Any,
                                                              base_url: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 900})
    page = context.new_page()
    try:
        page.goto(ASSESSMENT, wait_until="load")
        radar = page.locator("figure.praksis-chart svg").first
        # The long labels give way to the element numbers, at least 11 px high on screen.
        assert not page.locator(".praksis-radar-full").first.is_visible()
        number = page.locator(".praksis-radar-short text").first
        assert number.is_visible() and number.bounding_box()["height"] >= 11
        use_dark_scheme(page)
        # No white box: the chart's lines take the theme's (light) text colour.
        colour = radar.evaluate("svg => getComputedStyle(svg).color")
        red, green, blue = (int(part) for part in colour[colour.index("(") + 1:].split(",")[:3])
        assert min(red, green, blue) > 150, colour
        assert page.locator("figure.praksis-chart rect").count() == 0
    finally:
        context.close()
