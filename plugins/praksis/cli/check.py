"""``praksis check``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..core import load_content
from ..core.anchors import broken_anchor_links
from ..core.links import project_link_problems
from ..core.model.content import ContentSet
from ..core.pages import render_page
from ..core.problems import Problem
from ..core.siteconfig import SiteConfig, resolved_today
from ..core.views.context import PageContext
from .output import STRICT_NOTE, echo_problems

CONFIG_FILE = Path("mkdocs.yml")


@click.command()
@click.argument("content_dir", required=False, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True,
              help="Advarsler tæller som fejl (som 'mkdocs build --strict').")
@click.option("--config", "config_file", type=click.Path(path_type=Path),
              help="Sitets indstillingsfil, som også tjekkes (standard: mkdocs.yml, hvis den "
                   "findes).")
@click.option("--today", metavar="ÅÅÅÅ-MM-DD",
              help="Dagens dato, som datoer i fremtiden regnes ud fra. Standard: 'today' i "
                   "mkdocs.yml, SOURCE_DATE_EPOCH eller dags dato.")
def check(content_dir: Path | None, strict: bool, config_file: Path | None,
          today: str | None) -> None:
    """Tjek alle dokumenter i CONTENT_DIR (standard: docs_dir i mkdocs.yml, ellers content)
    og mkdocs.yml, og vis hver fejl med fil og linje."""
    config = site_config(config_file, content_dir)
    problems = list(config.problems) if config else []
    files = 1 if config else 0
    folder = content_dir or (config.docs_dir if config else None) or Path("content")
    if content_dir is not None or config is None or config.docs_dir is not None:
        day = resolved_today(config, today)
        content = load_content(folder, today=day)
        problems += content.problems
        if content.root.is_dir():
            problems += project_link_problems(content, day)
            problems += _anchor_problems(content, day)
        files += content.files
    problems.sort(key=lambda p: (not p.path.endswith("mkdocs.yml"), p.sort_key()))
    echo_problems(problems, files)
    errors = any(p.is_error for p in problems)
    warnings = any(p.is_warning for p in problems)
    if not errors and strict and warnings:
        click.echo(STRICT_NOTE, err=True)
    if errors or (strict and warnings):
        raise SystemExit(1)


def site_config(config_file: Path | None = None,
                content_dir: Path | None = None) -> SiteConfig | None:
    """mkdocs.yml checked, when there is one: --config, else the one in the current folder,
    else the one beside the content folder."""
    path = config_file or CONFIG_FILE
    if config_file is None and not path.is_file() and content_dir is not None:
        path = content_dir.resolve().parent / CONFIG_FILE
    if config_file is None and not path.is_file():
        return None
    from ..site.preflight import check_mkdocs_yml  # loads MkDocs' option classes

    return check_mkdocs_yml(path)


def _anchor_problems(content: ContentSet, today: dt.date) -> list[Problem]:
    """Links in the editors' text to a heading (#anchor) that no longer exists."""
    cwd = Path.cwd().resolve()
    base = cwd if content.root.is_relative_to(cwd) else content.root.parent

    def shown(path: str) -> str:
        return (content.root / path).relative_to(base).as_posix()

    rendered = None
    if not content.errors:  # computed sections (scores, milestones) need sound content
        ctx = PageContext(content, today)

        def rendered(doc: object) -> str:
            return render_page(doc, ctx)

    return broken_anchor_links(content.documents, content.by_path, rendered, shown)
