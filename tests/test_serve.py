"""`praksis serve`: a content error is shown in the terminal and on the page, the server keeps
running, and fixing the file clears it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import TINY_MKDOCS_YML as MKDOCS_YML
from conftest import TINY_PRACTICE as PRACTICE
from conftest import write

PAGE = "praksis/tryghedssamtaler/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, predicate, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
        except urllib.error.HTTPError as error:   # an error page is an answer too
            last = error.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            last = ""
        if last and predicate(last):
            return last
        time.sleep(0.3)
    raise AssertionError(f"{url} never satisfied the condition; last page:\n{last[:2000]}")


@contextmanager
def _serving(project: Path, practice: str, *options: str) -> Iterator[tuple[str, Path]]:
    """`praksis serve` on a one-practice project: (the practice page's URL, the log)."""
    write(project, {"mkdocs.yml": MKDOCS_YML,
                    "content/index.md": "---\ntype: page\ntitle: Forside\n---\n\nVelkommen.\n",
                    "content/praksis/tryghedssamtaler.md": practice})
    port = _free_port()
    log = project / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "praksis.cli", "serve", *options,
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=output, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield f"http://127.0.0.1:{port}/{PAGE}", log
        assert server.poll() is None, "the server stopped"
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_serve_shows_errors_on_the_page_and_keeps_running(tmp_path: Path) -> None:
    bad = PRACTICE.replace("last_reviewed: 2025-06-01", "last_reviewed: 2026-02-30")
    with _serving(tmp_path, bad) as (url, log):
        page = _wait_for(url, lambda html: "Fejl i denne fil" in html)
        assert "content/praksis/tryghedssamtaler.md:19: last_reviewed: datoen 2026-02-30" in page
        assert ("content/praksis/tryghedssamtaler.md:19: last_reviewed: datoen 2026-02-30"
                in log.read_text(encoding="utf-8"))

        (tmp_path / "content/praksis/tryghedssamtaler.md").write_text(PRACTICE, encoding="utf-8")
        fixed = _wait_for(url, lambda html: "Fejl i denne fil" not in html
                          and "praksis-meta" in html)
        assert "Jens Holm" in fixed


def test_serve_dirty_rebuilds_the_edited_page(tmp_path: Path) -> None:
    with _serving(tmp_path, PRACTICE, "--dirty") as (url, log):
        _wait_for(url, lambda html: "Jens Holm" in html)
        start = (tmp_path / "content/index.md").stat().st_mtime
        edited = PRACTICE.replace("Metodeansvarlig Jens Holm", "Metodeansvarlig Ole Lund")
        (tmp_path / "content/praksis/tryghedssamtaler.md").write_text(edited, encoding="utf-8")
        page = _wait_for(url, lambda html: "Ole Lund" in html)
        assert "praksis-meta" in page                     # still rendered by the plugin
        assert (tmp_path / "content/index.md").stat().st_mtime == start
    output = log.read_text(encoding="utf-8")
    assert output.count("Bygger sitet") >= 2   # the first build and the rebuild
    assert "mkdocs info: kun de gemte sider bygges igen (--dirty)" in output
    assert "A 'dirty' build" not in output


def test_serve_never_shows_a_cpr_number(tmp_path: Path) -> None:
    """A page holding a CPR number shows its error instead; a file named with one is left
    out; the search index and the terminal hold neither."""
    write(tmp_path, {"content/praksis/sag-010185-1234.md":
                     "---\ntype: page\ntitle: En sag\n---\n\nTekst.\n"})
    bad = PRACTICE.replace("title: Tryghedssamtaler", "title: Tryghedssamtaler 010185 4321")
    bad = bad.replace("## Formål", "## Formål\n\nBorgeren 01.01.85-4321 er nævnt.")
    assert bad != PRACTICE
    with _serving(tmp_path, bad) as (url, log):
        page = _wait_for(url, lambda html: "Fejl i denne fil" in html)
        assert "4321" not in page and "1234" not in page
        assert "010185-****" in page and "Siden vises ikke" in page
        assert "er nævnt" not in page                      # the text is not shown at all
        root = url.removesuffix(PAGE)
        index = _wait_for(root + "search/search_index.json", lambda text: "En sag" not in text
                          and "Forside" in text)
        assert "4321" not in index and "1234" not in index and "er nævnt" not in index
        start = _wait_for(root, lambda html: "Forside" in html)
        assert "4321" not in start and "1234" not in start
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(root + "praksis/sag-010185-1234/", timeout=5)
        assert refused.value.code == 404
    output = log.read_text(encoding="utf-8")
    assert "content/praksis/sag-010185-****.md:1: personoplysninger: filnavnet" in output
    # (The server logs the address this test asked for; nothing else holds the number.)
    said = "\n".join(line for line in output.splitlines() if "(404)" not in line)
    assert "4321" not in said and "1234" not in said, said


def test_serve_shows_a_broken_mkdocs_yml_and_recovers(tmp_path: Path) -> None:
    with _serving(tmp_path, PRACTICE) as (url, log):
        _wait_for(url, lambda html: "praksis-meta" in html)
        config = tmp_path / "mkdocs.yml"
        good = config.read_text(encoding="utf-8")
        config.write_text(good.replace('today: "2026-11-23"', "today: 2026-13-01"),
                          encoding="utf-8")
        started = time.monotonic()
        page = _wait_for(url, lambda html: "Sitet kan ikke bygges" in html)
        with urllib.request.urlopen(url, timeout=5) as response:   # answered, not a 404
            assert response.status == 200
        assert "mkdocs.yml:12: plugins.praksis.today: &#x27;2026-13-01&#x27; er ikke en dato" in (
            page)
        # Every address answers at once while the file is broken, none hangs.
        other = _wait_for(url.removesuffix(PAGE), lambda html: "Sitet kan ikke bygges" in html,
                          timeout=10)
        assert "måned 13 findes ikke" in other
        assert time.monotonic() - started < 30
        config.write_text(good, encoding="utf-8")
        fixed = _wait_for(url, lambda html: "praksis-meta" in html)
        assert "Jens Holm" in fixed
    output = log.read_text(encoding="utf-8")
    assert "mkdocs.yml:12: plugins.praksis.today: '2026-13-01' er ikke en dato" in output
    assert "Forhåndsvisningen kører videre" in output
    assert "Building documentation" not in output and "Serving on" not in output


def test_serve_shows_a_broken_link_on_its_page(tmp_path: Path) -> None:
    broken = PRACTICE.replace("## Formål", "## Formål\n\nSe [planen](tryghedsplann.md).")
    with _serving(tmp_path, broken) as (url, log):
        page = _wait_for(url, lambda html: "Fejl i denne fil" in html)
        assert "linket &#x27;tryghedsplann.md&#x27; fører til en side" in page or (
            "linket 'tryghedsplann.md' fører til en side" in page)
    output = log.read_text(encoding="utf-8")
    assert "content/praksis/tryghedssamtaler.md:24: link: linket 'tryghedsplann.md'" in output
