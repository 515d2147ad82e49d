"""``praksis new``: scaffold a document. The only command that writes under content/."""

from __future__ import annotations

import re
from pathlib import Path

import click

from ..core.atomic import write_atomically
from ..core.clock import build_date
from .output import PraksisError

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def write_new(path: Path, text: str) -> None:
    """Write a new file, refusing to overwrite anything an editor already has."""
    if path.exists():
        raise PraksisError(f"{path} findes allerede. Vælg et andet id, eller ret den "
                           "eksisterende fil.")
    write_atomically(path, text.encode("utf-8"))
    click.echo(f"Oprettet {path}. Udfyld felterne, og kør 'praksis check'.", err=True)


def check_slug(doc_id: str) -> str:
    if not SLUG.match(doc_id):
        raise PraksisError(f"'{doc_id}' er ikke et gyldigt id. Brug små bogstaver a-z, tal og "
                           "bindestreger, fx 'tryghedsplan' (æ, ø, å skrives ae, oe, aa).")
    return doc_id


@click.group()
def new() -> None:
    """Opret et nyt dokument med alle nøgler udfyldt og forklaret."""


@new.command("practice")
@click.argument("doc_id", metavar="ID")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(path_type=Path), help="Indholdsmappen.")
def new_practice(doc_id: str, content_dir: Path) -> None:
    """Opret en ny praksisbeskrivelse content/praksis/ID.md."""
    from ..core.types.practice import scaffold

    check_slug(doc_id)
    write_new(content_dir / "praksis" / f"{doc_id}.md",
              scaffold(doc_id, build_date().isoformat()))
