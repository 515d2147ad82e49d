"""The plugin's options, as they are written under ``plugins: - praksis:`` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PraksisConfig(Config):
    enabled = c.Type(bool, default=True)
    # Leave 'ikke-relevant' answers out of the score denominator (not the official rule).
    adjusted_scores = c.Type(bool, default=False)
    # The build date as YYYY-MM-DD; empty means SOURCE_DATE_EPOCH or the real date.
    today = c.Type(str, default="")
    # Where `praksis export` writes editions, relative to mkdocs.yml; linked from the site.
    editions_dir = c.Type(str, default="build/editions")
