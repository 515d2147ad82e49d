"""mkdocs.yml checked by praksis (Danish, file:line) before MkDocs reads it."""

from __future__ import annotations

from pathlib import Path

from ..core.siteconfig import SiteConfig, check_site_config
from .config import installed_plugins, installed_themes, markdown_extension, option_kinds


def check_mkdocs_yml(config_file: Path, project_path: str | None = None) -> SiteConfig:
    """Check ``config_file``; its problems carry ``project_path``, the file's path relative
    to the project root (default: its name, the project root being its folder)."""
    return check_site_config(config_file, project_path or config_file.name, option_kinds(),
                             installed_plugins(), installed_themes(), markdown_extension)
