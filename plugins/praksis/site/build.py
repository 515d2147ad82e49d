"""Building the site with MkDocs into a staging folder, replacing the old site on success."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ..core.atomic import staged_directory
from ..core.problems import Problem
from .preflight import check_mkdocs_yml


class SiteBuildError(Exception):
    """The site could not be built; the message is Danish and says why. ``problems`` are
    the mkdocs.yml problems to print above it, if that was the cause."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()):
        super().__init__(message)
        self.problems = tuple(problems)


STRICT_REASON = ("advarsler: med --strict tæller advarsler som fejl. Ret advarslerne ovenfor, "
                 "eller byg uden --strict")


def checked_config_file(config_file: Path) -> None:
    """mkdocs.yml checked by praksis before MkDocs reads it (Danish, file:line)."""
    if not config_file.is_file():
        raise SiteBuildError(f"{config_file}: filen findes ikke. Kør kommandoen i projektets "
                             "mappe, eller angiv --config.")
    config = check_mkdocs_yml(config_file)
    if config.errors:
        raise SiteBuildError(f"{config_file} har fejl (se ovenfor). Ret dem, og prøv igen; intet "
                             "er bygget, og det tidligere site er urørt.", config.problems)


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = False) -> Path:
    """Build the site described by ``config_file``; returns the folder it was written to."""
    checked_config_file(config_file)
    try:
        config = load_config(str(config_file), strict=strict)
    except (ConfigurationError, ValueError) as exc:
        raise SiteBuildError(f"{config_file}: indstillingerne kan ikke bruges: {exc}") from None
    target = Path(site_dir) if site_dir else Path(config.site_dir)
    try:
        with staged_directory(target) as staging:
            config.site_dir = str(staging)
            build(config)
    except PluginError as exc:
        raise SiteBuildError(str(exc)) from None
    except Abort as exc:
        # MkDocs has already logged the cause; strict mode aborts on warnings.
        reason = STRICT_REASON if "strict" in str(exc) else "fejl (se ovenfor)"
        raise SiteBuildError(f"Sitet blev ikke bygget på grund af {reason}. Det tidligere "
                             "site er urørt.") from None
    return target.resolve()
