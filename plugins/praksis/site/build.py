"""Building the site with MkDocs into a staging folder, replacing the old site on success."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ..core.atomic import staged_directory


class SiteBuildError(Exception):
    """The site could not be built; the message is Danish and says why."""


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = False) -> Path:
    """Build the site described by ``config_file``; returns the folder it was written to."""
    if not config_file.is_file():
        raise SiteBuildError(f"{config_file}: filen findes ikke. Kør kommandoen i projektets "
                             "mappe, eller angiv --config.")
    try:
        config = load_config(str(config_file), strict=strict)
    except ConfigurationError as exc:
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
        reason = "advarsler i streng tilstand (--strict)" if "strict" in str(exc) else "fejl"
        raise SiteBuildError(f"Sitet blev ikke bygget på grund af {reason} (se ovenfor). Det "
                             "tidligere site er urørt.") from None
    return target.resolve()
