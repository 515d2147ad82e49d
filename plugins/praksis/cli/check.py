"""``praksis check``."""

from __future__ import annotations

from pathlib import Path

import click

from ..core import load_content
from .output import echo_problems


@click.command()
@click.argument("content_dir", default="content", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True,
              help="Advarsler tæller som fejl (som 'mkdocs build --strict').")
def check(content_dir: Path, strict: bool) -> None:
    """Tjek alle dokumenter i CONTENT_DIR (standard: content) og vis hver fejl med fil og linje."""
    content = load_content(content_dir)
    echo_problems(content.problems, content.files)
    if content.errors or (strict and content.warnings):
        raise SystemExit(1)
