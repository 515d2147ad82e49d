"""The project a command works on: one way for every command to find it.

The project root is the folder of the nearest ``mkdocs.yml`` upward from the folder or file
the command is given (``--content``, a plan, an assessment), else from the current folder;
``--config FILE`` names the file instead. The content folder is its ``docs_dir``; without an
mkdocs.yml it is the nearest folder named ``content`` at or above that place, else
``./content``. ``--content`` (or a positional folder where a command had one) wins.

Problems carry paths relative to the project root; ``Project.shown`` is where they become
what the terminal shows: relative to the current folder when the project lies in it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from ..core.problems import Problem
from ..core.siteconfig import SiteConfig, docs_dir_setting, resolved_today
from .output import PraksisError

CONFIG_NAME = "mkdocs.yml"
# The content folder of a project without an mkdocs.yml (and the sample's docs_dir).
CONTENT_NAME = "content"

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Project:
    """Where a command's files are; every path is absolute."""

    root: Path
    # None when mkdocs.yml's docs_dir cannot be read ('praksis check' says why).
    content: Path | None
    # mkdocs.yml (or --config); None when there is none at or above the start folder.
    config_file: Path | None

    def shown(self, path: str | Path) -> str:
        """A path relative to the project root (as problems carry it), or an absolute one,
        as the terminal shows it: relative to the current folder when the project is in
        it, else relative to the project root."""
        cwd = Path.cwd().resolve()
        base = cwd if self.root.is_relative_to(cwd) else self.root
        return Path(os.path.relpath(self.root / path, base)).as_posix()

    def format(self, problem: Problem) -> str:
        return problem.format(self.shown(problem.path))

    def content_folder(self, must_exist: bool = True) -> Path:
        """The content folder (a Danish error if it is unknown, or missing and
        ``must_exist``: 'praksis new' makes it)."""
        if self.content is None:
            raise PraksisError(f"{self.shown(self.config_file or CONFIG_NAME)}: 'docs_dir' kan "
                               "ikke læses. Kør 'praksis check', og ret fejlen.")
        if must_exist and not self.content.is_dir():
            raise PraksisError(self._missing_content())
        return self.content

    def _missing_content(self) -> str:
        assert self.content is not None
        if self.config_file is not None:
            return (f"indholdsmappen {self.shown(self.content)} (docs_dir i "
                    f"{self.shown(self.config_file)}) findes ikke. Ret 'docs_dir', eller angiv "
                    "mappen med --content.")
        return (f"indholdsmappen {self.shown(self.content)} findes ikke, og der er ingen "
                f"{CONFIG_NAME} i {self.content.parent} eller mapperne over den. Kør "
                "kommandoen i projektets mappe, eller angiv --content eller --config.")

    def required_config(self) -> Path:
        """mkdocs.yml, for the commands that build the site from it."""
        if self.config_file is None:
            raise PraksisError(f"{CONFIG_NAME}: filen findes ikke i {Path.cwd()} eller "
                               "mapperne over den. Kør kommandoen i projektets mappe, eller "
                               "angiv --config.")
        return self.config_file

    def usable(self, path: str | Path) -> Path:
        """A path relative to the project root (or an absolute one) as a command opens and
        names it: relative to the current folder when the project is in it, else absolute."""
        cwd = Path.cwd().resolve()
        full = self.root / path
        return Path(os.path.relpath(full, cwd)) if self.root.is_relative_to(cwd) else full

    def site_config(self) -> SiteConfig | None:
        """mkdocs.yml checked (Danish, file:line), when there is one."""
        if self.config_file is None:
            return None
        # Imported here so commands that need no mkdocs.yml start without loading MkDocs'
        # option classes.
        from ..site.preflight import check_mkdocs_yml

        return check_mkdocs_yml(self.config_file, self.relative(self.config_file))

    def today(self, option: str | None) -> dt.date:
        """--today, else the plugin's 'today' in mkdocs.yml (as the site uses it, when the
        file has no errors), else SOURCE_DATE_EPOCH or the clock."""
        config = self.site_config()
        try:
            return resolved_today(config if config is not None and not config.errors else None,
                                  option)
        except ValueError as exc:
            raise PraksisError(str(exc)) from None

    def relative(self, path: Path) -> str:
        """An absolute path relative to the project root, as problems carry it."""
        return Path(os.path.relpath(path, self.root)).as_posix()


def find_project(config_file: Path | None = None, content_dir: Path | None = None,
                 near: Path | None = None) -> Project:
    """The project of ``--config``, ``--content`` and the file or folder a command is given
    (``near``); see the module's docstring."""
    start = (content_dir or near or Path.cwd()).resolve()
    config = config_file.resolve() if config_file is not None else _nearest_config(start)
    content: Path | None
    if content_dir is not None:
        content = content_dir.resolve()
    elif config is not None:
        docs_dir = docs_dir_setting(config)
        content = (config.parent / docs_dir).resolve() if docs_dir is not None else None
    else:
        content = _nearest_content(start)
    if config is not None and (content is None or content.is_relative_to(config.parent)):
        root = config.parent
    else:
        assert content is not None   # without a config the content folder is always found
        root = content.parent
    return Project(root, content, config)


def _nearest_config(start: Path) -> Path | None:
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate / CONFIG_NAME
    return None


def _nearest_content(start: Path) -> Path:
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if candidate.name == CONTENT_NAME:
            return candidate
    return folder / CONTENT_NAME


# --- the options every command spells the same way -----------------------------------------

CONTENT_HELP = ("Indholdsmappen (standard: docs_dir i den nærmeste mkdocs.yml, ellers mappen "
                "'content').")
CONFIG_HELP = ("Projektets mkdocs.yml (standard: den nærmeste mkdocs.yml i mappen eller en "
               "mappe over den).")


def content_option(func: F) -> F:
    return click.option("--content", "content_dir", type=click.Path(path_type=Path),
                        help=CONTENT_HELP)(func)


def config_option(func: F) -> F:
    return click.option("--config", "config_file", type=click.Path(path_type=Path),
                        help=CONFIG_HELP)(func)


class HiddenArgument(click.Argument):
    """A positional argument kept for old command lines but not shown in the help: the
    help shows one spelling (an option) for the same thing."""

    def get_usage_pieces(self, ctx: click.Context) -> list[str]:
        return []


def one_content_dir(positional: Path | None, option: Path | None) -> Path | None:
    """The content folder given as the old positional argument or as --content."""
    if positional is not None and option is not None and positional != option:
        raise PraksisError(f"to indholdsmapper: '{positional}' og --content '{option}'. Angiv "
                           "én, med --content.")
    return option or positional
