"""``praksis check``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..core import load_content
from ..core.anchors import broken_anchor_links
from ..core.links import project_link_problems
from ..core.model.content import ContentSet, Document
from ..core.pages import render_page
from ..core.problems import Problem
from ..core.siteconfig import resolved_today
from ..core.views.context import PageContext
from .output import STRICT_NOTE, echo_problems
from .project import (
    HiddenArgument,
    config_option,
    content_option,
    find_project,
    one_content_dir,
)


@click.command()
@click.argument("positional_content", required=False, type=click.Path(path_type=Path),
                cls=HiddenArgument)
@content_option
@click.option("--strict", is_flag=True,
              help="Advarsler tæller som fejl (som 'mkdocs build --strict').")
@config_option
@click.option("--today", metavar="ÅÅÅÅ-MM-DD",
              help="Dagens dato, som datoer i fremtiden regnes ud fra. Standard: 'today' i "
                   "mkdocs.yml, SOURCE_DATE_EPOCH eller dags dato.")
def check(positional_content: Path | None, content_dir: Path | None, strict: bool,
          config_file: Path | None, today: str | None) -> None:
    """Tjek mkdocs.yml og alle dokumenter i indholdsmappen, og vis hver fejl med fil og
    linje."""
    content_dir = one_content_dir(positional_content, content_dir)
    project = find_project(config_file, content_dir)
    config = project.site_config()
    problems = list(config.problems) if config else []
    files = 1 if config else 0
    # Without a usable docs_dir the content folder is unknown: mkdocs.yml's problem says why.
    folder = project.content if config is None or config.docs_dir is not None or (
        content_dir is not None) else None
    if folder is not None:
        day = resolved_today(config, today)
        content = load_content(folder, project_root=project.root, today=day)
        problems += content.problems
        if content.root.is_dir():
            problems += project_link_problems(content, day)
            problems += _anchor_problems(content, day)
        files += content.files
    config_path = project.relative(project.config_file) if project.config_file else None
    problems.sort(key=lambda p: (p.path != config_path, p.sort_key()))
    echo_problems(problems, files, project.shown)
    errors = any(p.is_error for p in problems)
    warnings = any(p.is_warning for p in problems)
    if not errors and strict and warnings:
        click.echo(STRICT_NOTE, err=True)
    if errors or (strict and warnings):
        raise SystemExit(1)


def _anchor_problems(content: ContentSet, today: dt.date) -> list[Problem]:
    """Links in the editors' text to a heading (#anchor) that no longer exists."""
    rendered = None
    if not content.errors:  # computed sections (scores, milestones) need sound content
        ctx = PageContext(content, today)

        def rendered(doc: Document) -> str:
            return render_page(doc, ctx)

    return broken_anchor_links(content.documents, content.by_path, rendered,
                               content.project_path)
