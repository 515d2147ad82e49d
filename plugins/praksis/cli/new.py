"""``praksis new``: scaffold a document. The only command that writes under content/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

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


def _unknown(kind: str, wanted: str, known: list[str], where: str) -> PraksisError:
    from ..core.problems import did_you_mean, quote_list

    listed = (f"Kendte id'er: {quote_list(sorted(known))}." if known
              else f"Der er ingen endnu i {where}.")
    return PraksisError(f"ukendt {kind} '{wanted}'.{did_you_mean(wanted, known)} {listed}")


@new.command("plan")
@click.option("--practice", "practice_id", required=True, metavar="ID",
              help="Praksisbeskrivelsen, der implementeres (filnavnet uden .md).")
@click.option("--framework", "framework_id", required=True, metavar="ID",
              help="Implementeringsrammen (filnavnet uden .yml), fx signs-of-safety.")
@click.option("--unit", help="Enheden, planen gælder for. Standard: praksisbeskrivelsens enhed.")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(path_type=Path), help="Indholdsmappen.")
def new_plan(practice_id: str, framework_id: str, unit: str | None, content_dir: Path) -> None:
    """Opret en implementeringsplan i content/implementering/ med alle rammens milepæle som
    ikke-påbegyndt."""
    from ..core import load_content
    from ..core.milestones import Framework
    from ..core.model import Practice
    from ..core.types.plan import plan_file_name, scaffold

    content = load_content(content_dir)
    practice = content.get(Practice, practice_id)
    if practice is None:
        raise _unknown("praksisbeskrivelse", practice_id,
                       [p.id for p in content.of_type(Practice)], f"{content_dir}/praksis")
    framework = content.get(Framework, framework_id)
    if framework is None:
        raise _unknown("ramme", framework_id, [f.id for f in content.of_type(Framework)],
                       f"{content_dir}/frameworks")
    try:
        today = build_date().isoformat()
    except ValueError as exc:
        raise PraksisError(str(exc)) from None
    unit = unit.strip() if unit and unit.strip() else None
    write_new(content_dir / "implementering" / plan_file_name(practice.id, unit),
              scaffold(framework, practice, unit or practice.unit, today))


@new.command("assessment")
@click.option("--practice", "practice_id", metavar="ID",
              help="Praksisbeskrivelsen, der vurderes (filnavnet uden .md).")
@click.option("--instrument", "instrument_id", default="lovende-praksis", show_default=True,
              metavar="ID", help="Instrumentet (filnavnet i instruments/ uden .yml).")
@click.option("--date", "date_text", metavar="ÅÅÅÅ-MM-DD",
              help="Datoen for refleksionen. Standard: i dag.")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(path_type=Path), help="Indholdsmappen.")
@click.option("--from", "from_file", type=click.Path(path_type=Path), metavar="FIL",
              help="En tidligere vurdering at starte fra: svar og kommentarer kopieres. "
                   "Prioriteterne bliver i den gamle fil, hvor I retter deres status.")
def new_assessment(practice_id: str | None, instrument_id: str, date_text: str | None,
                   content_dir: Path, from_file: Path | None) -> None:
    """Opret en vurdering content/vurderinger/PRAKSIS-DATO.md med alle spørgsmål ubesvarede og
    overskrifterne til refleksionen (med --from: svarene fra en tidligere vurdering)."""
    from ..core import load_content
    from ..core.fields import parse_date
    from ..core.model import Practice
    from ..core.types.assessment import scaffold
    from ..core.types.instrument import Instrument

    content = load_content(content_dir)
    known = sorted(p.id for p in content.of_type(Practice))
    previous = _previous_assessment(from_file, content) if from_file is not None else None
    if previous is not None:
        practice_id = practice_id or previous.practice
        instrument_id = previous.instrument   # the answers are codes of that instrument
    if not practice_id:
        raise PraksisError("angiv praksisbeskrivelsen med --practice ID. Kendte id'er: "
                           f"{', '.join(known) or 'ingen'}.")
    check_slug(practice_id)
    if content.get(Practice, practice_id) is None:
        raise _unknown("praksisbeskrivelse", practice_id, known, f"{content_dir}/praksis")
    instrument = content.get(Instrument, instrument_id)
    if instrument is None:
        raise _unknown("instrument", instrument_id,
                       [i.id for i in content.of_type(Instrument)], f"{content_dir}/instruments")
    try:
        day = parse_date(date_text) if date_text else build_date()
    except ValueError as exc:
        raise PraksisError(str(exc)) from None
    if isinstance(day, str):
        raise PraksisError(f"--date: {day}")
    write_new(content_dir / "vurderinger" / f"{practice_id}-{day.isoformat()}.md",
              scaffold(instrument, practice_id, day, previous,
                       content.get(Practice, practice_id).title))


def _previous_assessment(path: Path, content: Any) -> Any:
    """The assessment in ``path`` (checked), for ``praksis new assessment --from``."""
    from ..core.types.assessment import Assessment

    if not path.is_file():
        raise PraksisError(f"--from: {path} findes ikke. Angiv en tidligere vurdering, fx "
                           "content/vurderinger/samarbejde-om-sikkerhed-2026-03-12.md.")
    try:
        rel = path.resolve().relative_to(content.root).as_posix()
    except ValueError:
        raise PraksisError(f"--from: {path} ligger ikke i indholdsmappen {content.root}. "
                           "Angiv mappen med --content.") from None
    document = content.by_path(rel)
    if not isinstance(document, Assessment):
        raise PraksisError(f"--from: {path} er ikke en vurdering (type: assessment), eller den "
                           "har fejl ('praksis check' viser dem).")
    return document


@new.command("edition")
@click.argument("edition_id", metavar="ID")
@click.option("--organisation", default="Skriv organisationens navn", show_default=False,
              help="Udgiveren, der står på forsiden.")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(path_type=Path), help="Indholdsmappen.")
def new_edition(edition_id: str, organisation: str, content_dir: Path) -> None:
    """Opret en ny trykt udgave content/editions/ID.yml."""
    from ..core.types.edition import scaffold

    check_slug(edition_id)
    write_new(content_dir / "editions" / f"{edition_id}.yml",
              scaffold(organisation, build_date().isoformat()))
