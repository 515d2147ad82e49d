"""mkdocs.yml checked by praksis (Danish, file:line) before MkDocs reads it."""

from __future__ import annotations

from pathlib import Path

from ..core.siteconfig import SiteConfig, check_site_config
from .config import installed_plugins, installed_themes, markdown_extension, option_kinds


def check_mkdocs_yml(config_file: Path) -> SiteConfig:
    return check_site_config(config_file, shown_path(config_file), option_kinds(),
                             installed_plugins(), installed_themes(), markdown_extension)


def shown_path(path: Path) -> str:
    """A path as messages show it: relative to the current folder when it is below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
