"""The plugin's options, as they are written under ``plugins: - praksis:`` in mkdocs.yml."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from ..core.clock import ClockError, today


class _Day(BaseConfigOption[str]):
    """A date as YYYY-MM-DD, quoted or not (YAML reads an unquoted one as a date)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = ""

    def run_validation(self, value: object) -> str:
        if value is None or value == "":
            return ""
        if not isinstance(value, (str, dt.date)):
            raise ValidationError(f"'{value}' er ikke en dato. Skriv ÅÅÅÅ-MM-DD.")
        try:
            return today(value, source="today").isoformat()
        except ClockError as exc:
            raise ValidationError(str(exc)) from None


class PraksisConfig(Config):
    enabled = c.Type(bool, default=True)
    # Leave 'ikke-relevant' answers out of the score denominator (not the official rule).
    adjusted_scores = c.Type(bool, default=False)
    # The build date as YYYY-MM-DD; empty means SOURCE_DATE_EPOCH or the real date.
    today = _Day()
    # Where `praksis export` writes editions, relative to mkdocs.yml; linked from the site.
    editions_dir = c.Type(str, default="build/editions")


def option_kinds() -> dict[str, str]:
    """Each option's kind for praksis's own check of mkdocs.yml: 'bool', 'date', 'text' or
    'any' (an option this mapping does not know is left to MkDocs)."""
    kinds: dict[str, str] = {}
    for name, option in PraksisConfig._schema:
        kind = "any"
        if isinstance(option, _Day):
            kind = "date"
        elif isinstance(option, c.Type):
            kind = {bool: "bool", str: "text"}.get(option._type, "any")
        kinds[name] = kind
    return kinds


def markdown_extension(name: str) -> bool:
    """Whether Python-Markdown can load the extension ``name`` ('toc', 'pymdownx.details',
    'module.path:Class'), without importing it."""
    from importlib.metadata import entry_points
    from importlib.util import find_spec

    if name in {entry.name for entry in entry_points(group="markdown.extensions")}:
        return True
    module = name.split(":", 1)[0]
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def installed_themes() -> set[str]:
    """The theme names MkDocs accepts (its entry points)."""
    from importlib.metadata import entry_points

    return {entry.name for entry in entry_points(group="mkdocs.themes")}


def installed_plugins() -> set[str]:
    """The names MkDocs accepts under ``plugins:`` (its entry points)."""
    from importlib.metadata import entry_points

    return {entry.name for entry in entry_points(group="mkdocs.plugins")}
