"""A real browser on the built site: pages render, search works, axe finds nothing serious.

Playwright (from PyPI) drives Debian's Chromium (``apt-get install chromium``; ``.ci/run``
installs it), because Playwright's own browser download is not reachable in CI. axe-core comes
from npm (``package.json``; ``scripts/test`` runs ``npm ci``) and is injected into each page.

The site is the repository's sample content plus one hostile practice and assessment whose
texts contain HTML: the browser must show that text literally and never run it.

A missing Chromium, Playwright or axe-core fails these tests; they never skip.
Set PRAKSIS_SCREENSHOTS=/some/folder to save full-page screenshots of the pages visited.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, SAMPLE_CONTENT, run_cli, write

CHROMIUM = Path(os.environ.get("PRAKSIS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = os.environ.get("PRAKSIS_SCREENSHOTS")
TIMEOUT_MS = 15_000

# Fixed build date (2026-06-01 UTC): review and due dates on the pages do not drift.
SOURCE_DATE_EPOCH = "1780272000"

START = "/"
ASSESSMENT = "/vurderinger/samarbejde-om-sikkerhed-2026-03-12/"
PLAN = "/implementering/loeft-boerne-og-familie/"
PRACTICE = "/praksis/samarbejde-om-sikkerhed/"
HOSTILE_PRACTICE = "/praksis/fjendtlig/"
HOSTILE_ASSESSMENT = "/vurderinger/fjendtlig-2025-05-20/"

# What an editor might paste, on purpose or not. Shown as text, never run. "</title>" would end
# the page's <title> element early if a title reached it unescaped.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE = f"</title>{SCRIPT} {IMG}"

# axe findings in Material for MkDocs' own markup that our CSS cannot fix, as {rule id: {CSS
# selector axe reports: why}}. Only that element is excused; the rule still runs everywhere else.
AXE_EXCUSED: dict[str, dict[str, str]] = {
    "aria-dialog-name": {
        ".md-search": "Material's template partials/search.html gives the search box "
                      "role=\"dialog\" without a name. Fixing it means overriding Material's "
                      "template (theme.custom_dir), not our CSS or fragments.",
    },
}


# --- site, server, browser ---------------------------------------------------------------

def _yaml_str(value: str) -> str:
    """A single-quoted YAML scalar."""
    return "'" + value.replace("'", "''") + "'"


def _hostile_files() -> dict[str, str]:
    """A practice and an assessment of it whose title, owner, summary and a comment are HTML."""
    practice = (SAMPLE_CONTENT / "praksis" / "tryghedsplan.md").read_text("utf-8")
    head, body = practice.split("\n---\n", 1)
    lines, skipping = [], False
    for line in head.splitlines():
        key = line.split(":", 1)[0]
        if skipping and line.startswith(" "):
            continue
        skipping = False
        if key in ("title", "owner", "summary"):
            label = {"title": "Fjendtlig titel", "owner": "Ejer", "summary": "Resumé"}[key]
            lines.append(f"{key}: {_yaml_str(f'{label} {HOSTILE}')}")
            skipping = True
        else:
            lines.append(line)
    assessment = (SAMPLE_CONTENT / "vurderinger" / "tryghedsplan-2025-05-20.md").read_text("utf-8")
    assert "practice: tryghedsplan\n" in assessment and 'comment: "Sensum."' in assessment
    assessment = assessment.replace("practice: tryghedsplan\n", "practice: fjendtlig\n").replace(
        'comment: "Sensum."', f"comment: {_yaml_str(f'Kommentar {HOSTILE}')}")
    return {"content/praksis/fjendtlig.md": "\n".join(lines) + "\n---\n" + body,
            "content/vurderinger/fjendtlig-2025-05-20.md": assessment}


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("browser-site")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(SAMPLE_CONTENT, project / "content")
    write(project, _hostile_files())
    site = project / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        mp.setenv("NO_MKDOCS_2_WARNING", "1")
        result = run_cli("build", "--site-dir", str(site), cwd=project)
    assert result.exit_code == 0, result.stderr
    for page in (START, ASSESSMENT, PLAN, PRACTICE, HOSTILE_PRACTICE, HOSTILE_ASSESSMENT):
        assert (site / page.strip("/") / "index.html").is_file(), f"{page} was not built"
    return site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib's name)
        pass


@pytest.fixture(scope="module")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 and a free port, in a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("The Python package 'playwright' is missing: pip install -e '.[test]'.")
    if not CHROMIUM.is_file():
        pytest.fail(f"No Chromium at {CHROMIUM}. Install it with "
                    "'apt-get install chromium' (scripts/test does as root or with sudo), or set PRAKSIS_CHROMIUM.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that may fetch only from our server (Material links Google Fonts)."""
    yield from _new_page(browser, base_url, 1280)


def _new_page(browser: Any, base_url: str, width: int) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url, locale="da-DK",
                                  viewport={"width": width, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    ours = urlsplit(base_url).netloc

    def only_ours(route: Any) -> None:
        if urlsplit(route.request.url).netloc == ours:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_ours)
    page = context.new_page()
    page.errors = []  # uncaught JavaScript errors, checked by visit()
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    try:
        yield page
    finally:
        context.close()


def visit(page: Any, path: str) -> None:
    response = page.goto(path, wait_until="load")
    status = response.status if response is not None else None
    assert status == 200, f"{path}: HTTP {status}"
    assert page.errors == [], f"{path}: JavaScript errors: {page.errors}"
    if SCREENSHOTS:
        name = path.strip("/").replace("/", "_") or "start"
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


# --- axe-core ------------------------------------------------------------------------------

@functools.cache
def _axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"axe-core is missing ({AXE_JS}). Run 'npm ci' in the repository root "
                    "(scripts/test does).")
    return AXE_JS.read_text("utf-8")


def _excused(rule: str, target: list[Any]) -> bool:
    return any(str(selector) in AXE_EXCUSED.get(rule, {}) for selector in target)


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page, one readable line per element."""
    page.add_script_tag(content=_axe_source())
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in ("serious", "critical"):
            continue
        for node in violation["nodes"]:
            if _excused(violation["id"], node["target"]):
                continue
            found.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} "
                         f"({violation['helpUrl']})\n    at {json.dumps(node['target'])}: "
                         f"{node['html'][:200]}\n    {node['failureSummary']}".replace(
                             "\n  ", "\n      "))
    return found


def assert_accessible(page: Any, what: str) -> None:
    found = serious_violations(page)
    assert not found, f"axe-core: serious or critical violations on {what}:\n" + "\n".join(found)


def assert_accessible_in_both_themes(page: Any, what: str) -> None:
    assert_accessible(page, what)
    use_dark_scheme(page)
    assert_accessible(page, f"{what} in the dark theme")


def use_dark_scheme(page: Any) -> None:
    """Click the header's palette toggle to the dark theme (slate); wait until colours settle."""
    page.locator('label[title="Skift til mørkt tema"]').click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    # Material fades colours in; axe must see the final ones, not a transition's middle.
    page.wait_for_function("""() => !document.getAnimations().some(
        a => a instanceof CSSTransition && a.playState === 'running')""")


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
    found = page.evaluate("""() => {
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
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", READER_PAGES)
def test_reader_page_is_accessible_and_fits(browser: Any, base_url: str, name: str,
                                            width: int) -> None:
    path = READER_PAGES[name]
    for page in _new_page(browser, base_url, width):
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
