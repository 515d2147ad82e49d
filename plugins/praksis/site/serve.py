"""Live preview with MkDocs' development server and our own rebuild step.

In serve mode the plugin reports content problems in the terminal and on the page being
edited instead of stopping the build, so the server keeps running and a fix clears them.
MkDocs' own ``serve`` leaves every request hanging when a rebuild fails (a broken mkdocs.yml,
say) until the file is fixed; here a failed rebuild shows its Danish messages in the terminal
and as the page, the server keeps answering, and the next save that fixes it rebuilds.
"""

from __future__ import annotations

import html
import logging
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.livereload import LiveReloadServer

from .build import SiteBuildError, checked_config_file

log = logging.getLogger("mkdocs.plugins.praksis.serve")


def serve_site(config_file: Path, dev_addr: str | None = None, open_browser: bool = False,
               dirty: bool = False) -> None:
    """Serve with live reload. ``dirty``: a rebuild converts only the pages whose files
    changed (and the generated pages, which MkDocs always rebuilds); a practice page that
    shows an edited assessment's scores keeps the old figures until the next start."""
    checked_config_file(config_file)
    site_dir = tempfile.mkdtemp(prefix="praksis-serve-")
    try:
        _serve(config_file, site_dir, dev_addr, open_browser, dirty)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _load(config_file: Path, site_dir: str, dev_addr: str | None) -> MkDocsConfig:
    options: dict[str, str] = {"site_dir": site_dir}
    if dev_addr:
        options["dev_addr"] = dev_addr
    try:
        return load_config(config_file=str(config_file), **options)
    except (ConfigurationError, ValueError, yaml.YAMLError) as exc:
        raise SiteBuildError(f"{config_file}: indstillingerne kan ikke bruges: {exc}") from None


def _serve(config_file: Path, site_dir: str, dev_addr: str | None, open_browser: bool,
           dirty: bool) -> None:
    config = _load(config_file, site_dir, dev_addr)
    config.plugins.on_startup(command="serve", dirty=dirty)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path or "/"
    serve_url = f"http://{host}:{port}{mount_path}"
    config.site_url = serve_url
    failure: dict[str, bytes | None] = {"page": None}

    def builder(current: MkDocsConfig | None = None) -> None:
        log.info("Bygger sitet ...")
        try:
            if current is None:
                checked_config_file(config_file)
                current = _load(config_file, site_dir, dev_addr)
                current.site_url = serve_url
            # After a failure every page is the error page: build everything again.
            build(current, serve_url=serve_url, dirty=dirty and failure["page"] is None)
        except Exception as exc:
            problems = getattr(exc, "problems", ())
            for problem in problems:
                log.error(problem.format())
            reason = (f"{config_file} har fejl (se ovenfor)." if problems
                      else str(exc) or type(exc).__name__)
            log.error(f"Forhåndsvisningen kører videre, men sitet kan ikke bygges: {reason} "
                      "Ret fejlen, og gem; siden opdateres.")
            page = failure["page"] = _error_page([p.format() for p in problems] + [reason])
            _show_everywhere(site_dir, page)
            return
        failure["page"] = None

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir,
                              mount_path=mount_path)

    def error_page(code: int) -> bytes | None:
        if failure["page"] is not None:
            return failure["page"]
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve(open_in_browser=open_browser)
        except KeyboardInterrupt:
            log.info("Forhåndsvisningen stopper.")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()


def _show_everywhere(site_dir: str, page: bytes) -> None:
    """Every page of the last site shows the error (answered as usual, and reloaded by the
    browser when the next build succeeds); other addresses get it as their 404 page."""
    for html_file in Path(site_dir).rglob("*.html"):
        html_file.write_bytes(page)


def _error_page(lines: list[str]) -> bytes:
    """A page every address shows while the site cannot be built; it reloads itself every
    two seconds, so the real page appears when the file is fixed."""
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines if line)
    return (
        '<!doctype html><html lang="da"><head><meta charset="utf-8">'
        '<meta http-equiv="refresh" content="2"><title>Sitet kan ikke bygges</title></head>'
        '<body style="font-family: sans-serif; max-width: 60em; margin: 2em auto">'
        "<h1>Sitet kan ikke bygges</h1><p>Forhåndsvisningen kører videre. Ret fejlen, og "
        f"gem filen; siden opdateres af sig selv.</p><ul>{items}</ul></body></html>"
    ).encode()
