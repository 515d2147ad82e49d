"""``praksis render``: the site's pages with their computed content, for any engine."""

from __future__ import annotations

from pathlib import Path

import click

from ..core import load_content, summarize
from .output import PraksisError
from .project import config_option, find_project


@click.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@config_option
def render(out_dir: Path, config_file: Path | None) -> None:
    """Skriv sitets sider med alt beregnet indhold som Markdown i OUT_DIR (docs/ og
    mkdocs.yml), så MkDocs, ProperDocs eller Zensical kan bygge dem uden praksis-pluginet."""
    from ..site.render import RenderError, load_project, write_render

    found = find_project(config_file)
    try:
        project = load_project(found.usable(found.required_config()), found.content_folder())
        content = load_content(project.docs_dir, project_root=project.root)
        for problem in content.problems:
            if problem.is_error or problem.is_warning:
                click.echo(found.format(problem), err=True)
        if content.errors:
            raise PraksisError(f"{summarize(content.problems, content.files)} Intet er "
                               "skrevet. Ret fejlene ovenfor, og kør kommandoen igen.")
        target = write_render(out_dir, project, content)
    except RenderError as exc:
        raise PraksisError(str(exc)) from None
    click.echo(f"Siderne er skrevet i {target}. Byg dem med 'mkdocs build', 'properdocs "
               f"build -f mkdocs.yml' eller 'zensical build' i den mappe.", err=True)
