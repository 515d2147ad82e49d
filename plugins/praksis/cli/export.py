"""``praksis export``: write printed editions (Word and PDF) from content/editions/*.yml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
import yaml

from ..core import Problem, load_content
from ..core.edition_scope import edition_scope
from ..core.links import project_link_problems
from ..core.model.content import ContentSet
from ..core.model.editions import FORMATS, Edition
from ..core.problems import did_you_mean, quote_list
from ..core.rules.editions import left_out_note
from ..core.siteconfig import resolved_today
from ..core.views.context import PageContext
from .output import PraksisError, echo_problems
from .project import config_option, content_option, find_project

# Where editions are written, in the project's folder (the plugin's 'editions_dir' default).
EDITIONS_DIR = "build/editions"


def chosen_formats(value: str) -> tuple[str, ...]:
    if value == "all":
        return FORMATS
    if value in FORMATS:
        return (value,)
    choices = (*FORMATS, "all")
    raise PraksisError(f"ukendt format '{value}'.{did_you_mean(value, choices)} Vælg "
                       f"{quote_list(choices)}.")


def chosen_editions(names: tuple[str, ...], editions: list[Edition]) -> list[Edition]:
    by_id = {edition.id: edition for edition in editions}
    if not by_id:
        raise PraksisError("der er ingen udgaver at eksportere. Opret en fil i "
                           "content/editions/, fx content/editions/haandbog.yml med "
                           "'type: edition' (se 'Nøgler i front matter' på sitet).")
    unknown = [name for name in names if name not in by_id]
    if unknown:
        name = unknown[0]
        raise PraksisError(f"udgaven '{name}' findes ikke.{did_you_mean(name, by_id)} "
                           f"Udgaver: {', '.join(sorted(by_id))}.")
    return [by_id[name] for name in names] if names else sorted(by_id.values(),
                                                                key=lambda e: e.id)


def checked_for(names: tuple[str, ...], folder: Path, project_root: Path, today: dt.date
                ) -> tuple[ContentSet, list[Problem]]:
    """The content to print the editions from, and the errors that stop the export: those in
    the files the editions print or refer to. Errors elsewhere do not stop it (``praksis
    check`` and the site build report them), and those files are not even read."""
    scope = edition_scope(folder, names, project_root=project_root, today=today)
    content = (scope.content if scope is not None
               else load_content(folder, project_root=project_root, today=today))
    errors = [*content.errors, *project_link_problems(content, today)]
    if scope is None or not errors:
        return content, errors
    # A reference to a file outside the scope reads as a reference to nothing, and messages
    # suggest ids from all the content: check it all, and keep the errors in the scope's
    # files, said as `praksis check` says them.
    content = load_content(folder, project_root=project_root, today=today)
    return content, [problem for problem in (*content.errors,
                                             *project_link_problems(content, today))
                     if problem.path in scope.paths]


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's plain keys; tags such as !!python/name (pymdownx) become None."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_address(config: Path) -> tuple[str | None, bool]:
    """mkdocs.yml's ``site_url`` and ``use_directory_urls``, for the printed addresses."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError):
        # (ValueError: an impossible date such as 'today: 2026-13-01'.)
        return None, True  # `praksis check` and `praksis build` report a broken mkdocs.yml
    if not isinstance(data, dict):
        return None, True
    url = data.get("site_url")
    directory_urls = data.get("use_directory_urls", True)
    return (str(url).strip() or None if url else None), directory_urls is not False


@click.command()
@click.argument("names", nargs=-1, metavar="[UDGAVE]...")
@click.option("--format", "fmt", default="all", show_default=True, metavar="FORMAT",
              help="docx, pdf eller all.")
@click.option("--draft", is_flag=True,
              help="Tag også beskrivelser med, der ikke er godkendt; hver side mærkes KLADDE.")
@content_option
@click.option("--output", "output_dir", type=click.Path(path_type=Path),
              help=f"Hvor udgaverne skrives (standard: {EDITIONS_DIR} i projektets mappe).")
@config_option
def export(names: tuple[str, ...], fmt: str, draft: bool, content_dir: Path | None,
           output_dir: Path | None, config_file: Path | None) -> None:
    """Skriv trykte udgaver (Word og PDF) af UDGAVE (standard: alle i content/editions/).

    En udgave er en fil content/editions/UDGAVE.yml. Filerne skrives som
    build/editions/UDGAVE.docx og .pdf; en fil erstattes kun, når den nye er færdig.
    """
    # Imported here so `praksis check` starts without loading pandoc and typst.
    from ..export import ExportError, export_edition, git_history, plan_for_print

    formats = chosen_formats(fmt)
    project = find_project(config_file, content_dir)
    # The same today as the site's: the plugin's 'today' in mkdocs.yml when it is valid.
    config = project.site_config()
    today = resolved_today(config if config is not None and not config.errors else None)
    folder = project.content_folder()
    content, errors = checked_for(names, folder, project.root, today)
    if errors:
        echo_problems(errors, content.files, project.shown)
        raise PraksisError("udgaverne blev ikke eksporteret. Ret fejlene ovenfor, og prøv igen.")
    editions = chosen_editions(names, content.of_type(Edition))
    ctx = PageContext(content, today)
    label = project.shown(folder)
    history = git_history(folder)
    site_url, directory_urls = (site_address(project.config_file) if project.config_file
                                else (None, True))
    output_dir = output_dir or project.usable(EDITIONS_DIR)
    try:
        for edition in editions:
            plan = plan_for_print(edition, content, ctx, draft, history, label, site_url,
                                  directory_urls)
            note = left_out_note(edition, plan.selection, content)
            if note:
                click.echo(note, err=True)
            if "pdf" in formats:
                for warning in plan.warnings:
                    click.echo(f"  advarsel: {label}/{warning}", err=True)
            if plan.history.note:
                click.echo(f"Bemærk ({edition.id}): {plan.history.note}", err=True)
            for chosen in formats:
                click.echo(f"Eksporterer {edition.id}.{chosen} ...", err=True)
                result = export_edition(plan, chosen, output_dir, content.root, label, today)
                for warning in result.warnings:
                    click.echo(f"  advarsel: {warning}", err=True)
                click.echo(f"Skrevet {result.path}.", err=True)
    except ExportError as exc:
        raise PraksisError(str(exc)) from None
