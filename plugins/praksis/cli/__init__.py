"""The ``praksis`` command. It only wires: the work is in praksis.core, .site and .export."""

from __future__ import annotations

import sys

import click

from . import check, export, new, render, schema, score, site, status
from .danish import DanishGroup


@click.group(cls=DanishGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="praksis", message="praksis %(version)s",
                      help="Vis versionen, og afslut.")
def praksis() -> None:
    """Praksisbeskrivelser, Lovende praksis og implementering: tjek, byg site og udgaver."""


praksis.add_command(check.check)
praksis.add_command(site.build)
praksis.add_command(site.serve)
praksis.add_command(new.new)
praksis.add_command(status.status)
praksis.add_command(schema.schema)
praksis.add_command(score.score)
praksis.add_command(export.export)
praksis.add_command(render.render)


def main() -> None:
    try:
        praksis(prog_name="praksis")
    except KeyboardInterrupt:
        click.echo("Afbrudt. Intet halvfærdigt output er lagt på plads.", err=True)
        sys.exit(130)
