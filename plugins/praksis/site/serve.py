"""Live preview with MkDocs' own development server.

In serve mode the plugin reports content problems in the terminal and on the page being
edited instead of stopping the build, so the server keeps running and a fix clears them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.serve import serve
from mkdocs.exceptions import Abort, ConfigurationError

from .build import SiteBuildError


def serve_site(config_file: Path, dev_addr: str | None = None, open_browser: bool = False,
               dirty: bool = False) -> None:
    """Serve with live reload. ``dirty``: a rebuild converts only the pages whose files
    changed (and the generated pages, which MkDocs always rebuilds); a practice page that
    shows an edited assessment's scores keeps the old figures until the next start."""
    if not config_file.is_file():
        raise SiteBuildError(f"{config_file}: filen findes ikke. Kør kommandoen i projektets "
                             "mappe, eller angiv --config.")
    options: dict[str, str] = {"dev_addr": dev_addr} if dev_addr else {}
    if dirty:
        options["build_type"] = "dirty"
    try:
        serve(config_file=str(config_file), livereload=True, open_in_browser=open_browser,
              **options)
    except ConfigurationError as exc:
        raise SiteBuildError(f"{config_file}: indstillingerne kan ikke bruges: {exc}") from None
    except Abort as exc:
        raise SiteBuildError(f"Forhåndsvisningen stoppede: {exc}") from None
