"""``praksis check``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..core import load_content
from ..core.anchors import broken_anchor_links
from ..core.clock import build_date
from ..core.content import ContentSet
from ..core.pages import PageContext, render_page
from .output import echo_problems


@click.command()
@click.argument("content_dir", default="content", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True,
              help="Advarsler tæller som fejl (som 'mkdocs build --strict').")
def check(content_dir: Path, strict: bool) -> None:
    """Tjek alle dokumenter i CONTENT_DIR (standard: content) og vis hver fejl med fil og linje."""
    content = load_content(content_dir)
    problems = sorted([*content.problems, *_anchor_problems(content)],
                      key=lambda p: p.sort_key())
    echo_problems(problems, content.files)
    if content.errors or (strict and any(p.is_warning for p in problems)):
        raise SystemExit(1)


def _anchor_problems(content: ContentSet) -> list:
    """Links in the editors' text to a heading (#anchor) that no longer exists."""
    cwd = Path.cwd().resolve()
    base = cwd if content.root.is_relative_to(cwd) else content.root.parent

    def shown(path: str) -> str:
        return (content.root / path).relative_to(base).as_posix()

    rendered = None
    if not content.errors:  # computed sections (scores, milestones) need sound content
        try:
            today = build_date()
        except ValueError:
            today = dt.date.today()
        ctx = PageContext(content, today)

        def rendered(doc: object) -> str:
            return render_page(doc, ctx)

    return broken_anchor_links(content.documents, content.by_path, rendered, shown)
