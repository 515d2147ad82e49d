"""The MkDocs plugin ``praksis``: every hook is a few lines that call the core."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..core import DocumentCache, load_content, summarize
from ..core.clock import build_date
from ..core.content import ContentSet
from ..core.editions import download_links, exported_files
from ..core.fields import parse_date
from ..core.pages import PageContext, generated_pages, render_page
from .config import PraksisConfig

# Under "mkdocs." so `mkdocs build --strict` counts our warnings.
log = logging.getLogger("mkdocs.plugins.praksis")

CSS_PATH = "assets/praksis/praksis.css"
# Markdown extensions the core's fragments rely on (definition lists, divs with Markdown).
REQUIRED_EXTENSIONS = ("attr_list", "def_list", "md_in_html", "tables")


class PraksisPlugin(BasePlugin[PraksisConfig]):
    def __init__(self) -> None:
        # Survives `mkdocs serve` rebuilds (MkDocs reuses plugin instances), so an edit
        # re-checks only the files whose content changed.
        self.cache = DocumentCache()
        self.content: ContentSet | None = None
        self.context: PageContext | None = None
        self.exported: dict[str, dict[str, Path]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        docs = Path(config.docs_dir)
        self.content = load_content(docs, self.cache, display_root=Path(config.config_file_path or ".").parent)
        for problem in self.content.problems:
            level = (log.error if problem.is_error else
                     log.warning if problem.is_warning else log.info)  # notes: info only
            level(problem.format())
        if self.content.errors:
            raise PluginError(f"praksis: {summarize(self.content.problems, self.content.files)} "
                              "Ret fejlene ovenfor, og byg igen.")
        # Printed editions `praksis export` wrote: linked from "Håndbøger", copied in on_files.
        self.exported = exported_files(
            Path(config.config_file_path or ".").parent / self.config.editions_dir)
        self.context = PageContext(self.content, self._today(),
                                   adjusted_scores=self.config.adjusted_scores,
                                   editions=download_links(self.exported))
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.extra_css.append(CSS_PATH)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.context is None:
            return None
        for path, markdown in generated_pages(self.context).items():
            files.append(File.generated(config, path, content=markdown))
        css = resources.files("praksis.site").joinpath("assets/praksis.css").read_text("utf-8")
        files.append(File.generated(config, CSS_PATH, content=css))
        for edition_id, formats in self.exported.items():
            for fmt, source in formats.items():
                site_path = self.context.editions[edition_id][fmt]
                files.append(File.generated(config, site_path, abs_src_path=str(source)))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        if not self.config.enabled or self.content is None or self.context is None:
            return None
        doc = self.content.by_path(page.file.src_uri)
        return render_page(doc, self.context) if doc is not None else None

    def _today(self) -> Any:
        if not self.config.today:
            try:
                return build_date()
            except ValueError as exc:
                raise PluginError(f"praksis: {exc}") from None
        parsed = parse_date(self.config.today)
        if isinstance(parsed, str):
            raise PluginError(f"praksis: plugin-indstillingen 'today': {parsed}")
        return parsed
