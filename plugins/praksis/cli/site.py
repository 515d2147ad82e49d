"""``praksis build`` and ``praksis serve``: check, then build or preview the site."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..core.problems import Problem
from .output import PraksisError, echo_problems, route_mkdocs_log
from .project import Project, config_option, find_project

# ProperDocs when installed; --engine or PRAKSIS_ENGINE picks MkDocs (site/engine.py).
engine_option = click.option(
    "--engine", type=click.Choice(["properdocs", "mkdocs"]), default=None,
    help="Motoren, der bygger sitet (standard: ProperDocs, hvis den er installeret, ellers "
         "MkDocs; eller miljøvariablen PRAKSIS_ENGINE).")


def _start_engine(engine: str | None, verbose: bool) -> None:
    from ..site.engine import EngineError, activate, choose_engine

    try:
        name = choose_engine(engine)
        activate(name)
    except EngineError as exc:
        raise PraksisError(str(exc)) from None
    route_mkdocs_log(verbose, engine=name)


def _config_file(project: Project) -> Path:
    """mkdocs.yml as messages name it (relative to the current folder when the project is in it)."""
    return project.usable(project.required_config())


@click.command()
@config_option
@click.option("--site-dir", type=click.Path(path_type=Path),
              help="Hvor sitet skrives (standard: site_dir i mkdocs.yml, build/site).")
@click.option("--strict", is_flag=True, help="Advarsler stopper bygningen.")
@click.option("-v", "--verbose", is_flag=True, help="Vis MkDocs' egne meddelelser.")
@engine_option
def build(config_file: Path | None, site_dir: Path | None, strict: bool, verbose: bool,
          engine: str | None) -> None:
    """Tjek indholdet og byg sitet. Det gamle site erstattes kun, hvis alt lykkes."""
    project = find_project(config_file)
    config = _config_file(project)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _start_engine(engine, verbose)
    # Imported here so `praksis check` starts without loading MkDocs, and after the engine
    # is chosen (ProperDocs redirects mkdocs.* imports).
    from ..site.build import SiteBuildError, build_site

    try:
        target = build_site(config, site_dir, strict)
    except SiteBuildError as exc:
        _echo_config_problems(exc.problems, project)
        raise PraksisError(str(exc)) from None
    click.echo(f"Sitet er bygget i {target}.", err=True)


@click.command()
@config_option
@click.option("-a", "--dev-addr", metavar="IP:PORT",
              help="Adresse for forhåndsvisningen (standard: 127.0.0.1:8000).")
@click.option("--open", "open_browser", is_flag=True, help="Åbn sitet i browseren.")
@click.option("--dirty", is_flag=True,
              help="Byg kun den gemte fils side og oversigtssiderne igen (hurtigt på store "
                   "sites). Andre sider, der viser tal fra filen, opdateres først, når du "
                   "starter forhåndsvisningen igen.")
@engine_option
def serve(config_file: Path | None, dev_addr: str | None, open_browser: bool, dirty: bool,
          engine: str | None) -> None:
    """Forhåndsvis sitet, mens du skriver. Fejl vises i terminalen og på siden."""
    project = find_project(config_file)
    config = _config_file(project)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _start_engine(engine, verbose=True)  # the server's address and rebuilds are worth seeing
    from ..site.build import SiteBuildError
    from ..site.serve import serve_site

    try:
        serve_site(config, dev_addr, open_browser, dirty)
    except SiteBuildError as exc:
        _echo_config_problems(exc.problems, project)
        raise PraksisError(str(exc)) from None


def _echo_config_problems(problems: tuple[Problem, ...], project: Project) -> None:
    if problems:
        echo_problems(problems, 1, project.shown)
