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

from conftest import write
from test_site_build import MKDOCS_YML, PRACTICE

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
            if predicate(last):
                return last
        except (urllib.error.URLError, ConnectionError):
            pass
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
    assert output.count("Building documentation") >= 2   # the first build and the rebuild
    assert "mkdocs info: kun de gemte sider bygges igen (--dirty)" in output
    assert "A 'dirty' build" not in output
