"""The built sample site in a real browser: what tests/test_browser.py,
tests/test_browser_overview.py, tests/test_render.py and tests/test_html_valid.py share.

Not a test module. The fixtures ``site_dir``, ``base_url`` and ``browser`` reach every test
module through tests/conftest.py. Playwright (from PyPI) drives Debian's Chromium; axe-core
comes from npm (``package.json``; ``scripts/test`` runs ``npm ci``). A missing Chromium,
Playwright or axe-core fails the tests that use them; they never skip.
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


def hostile_files() -> dict[str, str]:
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
    write(project, hostile_files())
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
    def log_message(self, format: str, *args: Any) -> None:
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
        pytest.fail(f"No Chromium at {CHROMIUM}. Install it with 'apt-get install chromium' "
                    "(scripts/test does as root or with sudo), or set PRAKSIS_CHROMIUM.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser: Any, base_url: str, width: int) -> Iterator[Any]:
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
