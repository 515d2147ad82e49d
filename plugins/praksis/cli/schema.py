"""``praksis schema``: write JSON Schemas for editors."""

from __future__ import annotations

from pathlib import Path

import click

from ..core.atomic import write_atomically
from ..core.jsonschema import all_json_schemas, dumps
from .project import find_project

SCHEMAS_DIR = "schemas"


@click.command()
@click.argument("out_dir", required=False, type=click.Path(path_type=Path))
@click.option("--check", "check_only", is_flag=True,
              help="Skriv intet; afslut med 1, hvis filerne i OUT_DIR ikke er opdaterede.")
def schema(out_dir: Path | None, check_only: bool) -> None:
    """Skriv JSON Schemas for alle dokumenttyper til OUT_DIR (standard: schemas i projektets
    mappe)."""
    out_dir = out_dir or find_project().usable(SCHEMAS_DIR)
    stale = []
    for name, document in all_json_schemas().items():
        path = out_dir / name
        text = dumps(document)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not check_only:
            write_atomically(path, text.encode("utf-8"))
    if check_only and stale:
        for path in stale:
            click.echo(f"{path}: er ikke opdateret. Kør 'praksis schema {out_dir}'.", err=True)
        raise SystemExit(1)
    if not check_only:
        click.echo(f"{len(stale)} skema(er) skrevet i {out_dir}." if stale
                   else f"Skemaerne i {out_dir} er allerede opdaterede.", err=True)
