"""``praksis new``: scaffold a document. The only command that writes under content/."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from pathlib import Path

import click

from ..core import load_content
from ..core.atomic import write_atomically
from ..core.clock import today as resolved_today
from ..core.danish import SLUG
from ..core.model import Practice
from ..core.model.assessment import Assessment
from ..core.model.content import ContentSet
from ..core.model.instrument import Instrument
from ..core.model.milestones import Framework
from ..core.problems import did_you_mean, quote_list
from ..core.types.assessment import scaffold as assessment_scaffold
from ..core.types.edition import scaffold as edition_scaffold
from ..core.types.plan import plan_file_name
from ..core.types.plan import scaffold as plan_scaffold
from ..core.types.practice import scaffold as practice_scaffold
from .output import PraksisError
from .project import F, Project, config_option, content_option, find_project

FOLDER_HELP = ("Undermappen af indholdsmappen, filen skrives i, fx 'praksis/lindegaarden' "
               "(standard: {default}).")


def folder_option(default: str) -> Callable[[F], F]:
    return click.option("--folder", metavar="MAPPE", help=FOLDER_HELP.format(default=default))


def id_option(help_text: str) -> Callable[[F], F]:
    return click.option("--id", "option_id", metavar="ID", help=help_text)


def one_id(argument: str | None, option: str | None) -> str:
    """The id given as the argument ID or as --id (the same, if both)."""
    if argument and option and argument != option:
        raise PraksisError(f"to forskellige id'er: '{argument}' og --id '{option}'. Angiv ét.")
    chosen = argument or option
    if not chosen:
        raise PraksisError("angiv dokumentets id, fx 'praksis new practice tryghedsplan' eller "
                           "--id tryghedsplan.")
    return check_slug(chosen)


def target_folder(project: Project, folder: str | None, default: str) -> Path:
    """content/<folder>: any subfolder of the content folder, never outside it."""
    content_dir = project.content_folder(must_exist=False)
    raw = (folder or default).strip()
    chosen = raw.rstrip("/")
    parts = chosen.replace("\\", "/").split("/")
    if (not chosen or raw.startswith(("/", "~", "\\")) or (len(raw) > 1 and raw[1] == ":")
            or any(part in ("", ".", "..") for part in parts)):
        raise PraksisError(f"--folder: '{folder}' er ikke en undermappe af indholdsmappen. "
                           "Skriv mappen i forhold til content/, fx 'praksis/lindegaarden'.")
    bad = next((part for part in parts if not SLUG.match(part)), None)
    if bad is not None:
        raise PraksisError(f"--folder: mappenavnet '{bad}' er ikke gyldigt. Brug små "
                           "bogstaver a-z, tal og bindestreger (æ, ø, å skrives ae, oe, aa).")
    target = content_dir.joinpath(*parts)
    if target.exists() and not target.is_dir():
        raise PraksisError(f"--folder: {project.shown(target)} er en fil, ikke en mappe.")
    return target


def refuse_existing(project: Project, path: Path) -> None:
    if path.exists():
        raise PraksisError(f"{project.shown(path)} findes allerede. Vælg et andet id (til en "
                           "plan eller vurdering med --id), eller ret den eksisterende fil.")


def write_new(project: Project, path: Path, text: str) -> None:
    """Write a new file, refusing to overwrite anything an editor already has."""
    refuse_existing(project, path)
    write_atomically(path, text.encode("utf-8"))
    click.echo(f"Oprettet {project.shown(path)}. Udfyld felterne, og kør 'praksis check'.",
               err=True)


def check_slug(doc_id: str) -> str:
    if not SLUG.match(doc_id):
        raise PraksisError(f"'{doc_id}' er ikke et gyldigt id. Brug små bogstaver a-z, tal og "
                           "bindestreger, fx 'tryghedsplan' (æ, ø, å skrives ae, oe, aa).")
    return doc_id


@click.group()
def new() -> None:
    """Opret et nyt dokument med alle nøgler udfyldt og forklaret."""


@new.command("practice")
@click.argument("doc_id", metavar="ID", required=False)
@id_option("Beskrivelsens id, som argumentet ID.")
@folder_option("praksis")
@content_option
@config_option
def new_practice(doc_id: str | None, option_id: str | None, folder: str | None,
                 content_dir: Path | None,
                 config_file: Path | None) -> None:
    """Opret en ny praksisbeskrivelse content/praksis/ID.md."""

    doc_id = one_id(doc_id, option_id)
    project = find_project(config_file, content_dir)
    write_new(project, target_folder(project, folder, "praksis") / f"{doc_id}.md",
              practice_scaffold(doc_id, resolved_today().isoformat()))


def _unknown(kind: str, wanted: str, known: list[str], where: str,
             broken: Mapping[str, str] | None = None) -> PraksisError:

    if broken and wanted in broken:
        # One error, one message: the file is there, and 'praksis check' says what is wrong.
        return PraksisError(f"{kind} '{wanted}' ({broken[wanted]}) har fejl: ret dem først "
                            "(se 'praksis check').")

    listed = (f"Kendte id'er: {quote_list(sorted(known))}." if known
              else f"Der er ingen endnu i {where}.")
    return PraksisError(f"ukendt {kind} '{wanted}'.{did_you_mean(wanted, known)} {listed}")


@new.command("plan")
@click.option("--practice", "practice_id", required=True, metavar="ID",
              help="Praksisbeskrivelsen, der implementeres (filnavnet uden .md).")
@click.option("--framework", "framework_id", required=True, metavar="ID",
              help="Implementeringsrammen (filnavnet uden .yml), fx signs-of-safety.")
@click.option("--unit", help="Enheden, planen gælder for. Standard: praksisbeskrivelsens enhed.")
@click.option("--id", "doc_id", metavar="ID",
              help="Planens id (filnavnet uden .md). Standard: PRAKSIS-ENHED. Brug det til "
                   "en plan mere for samme praksis og enhed.")
@folder_option("implementering")
@content_option
@config_option
def new_plan(practice_id: str, framework_id: str, unit: str | None, doc_id: str | None,
             folder: str | None, content_dir: Path | None,
             config_file: Path | None) -> None:
    """Opret en implementeringsplan i content/implementering/ med alle rammens milepæle som
    ikke-påbegyndt."""

    project = find_project(config_file, content_dir)
    content = load_content(project.content_folder(must_exist=False), project_root=project.root)
    where = project.shown(content.root)
    practice = content.get(Practice, practice_id)
    if practice is None:
        raise _unknown("praksisbeskrivelse", practice_id,
                       [p.id for p in content.of_type(Practice)], f"{where}/praksis",
                       content.broken)
    framework = content.get(Framework, framework_id)
    if framework is None:
        raise _unknown("ramme", framework_id, [f.id for f in content.of_type(Framework)],
                       f"{where}/frameworks", content.broken)
    today = resolved_today().isoformat()
    unit = unit.strip() if unit and unit.strip() else None
    name = f"{check_slug(doc_id)}.md" if doc_id else plan_file_name(practice.id, unit)
    write_new(project, target_folder(project, folder, "implementering") / name,
              plan_scaffold(framework, practice, unit or practice.unit, today))


@new.command("assessment")
@click.option("--practice", "practice_id", metavar="ID",
              help="Praksisbeskrivelsen, der vurderes (filnavnet uden .md).")
@click.option("--instrument", "instrument_id", default="lovende-praksis", show_default=True,
              metavar="ID", help="Instrumentet (filnavnet i instruments/ uden .yml).")
@click.option("--date", "date_text", metavar="ÅÅÅÅ-MM-DD",
              help="Datoen for refleksionen. Standard: i dag.")
@click.option("--id", "doc_id", metavar="ID",
              help="Vurderingens id (filnavnet uden .md). Standard: PRAKSIS-DATO.")
@folder_option("vurderinger")
@content_option
@config_option
@click.option("--from", "from_file", type=click.Path(path_type=Path), metavar="FIL",
              help="En tidligere vurdering at starte fra: svar og kommentarer kopieres. "
                   "Prioriteterne bliver i den gamle fil, hvor I retter deres status.")
def new_assessment(practice_id: str | None, instrument_id: str, date_text: str | None,
                   doc_id: str | None, folder: str | None, content_dir: Path | None,
                   config_file: Path | None,
                   from_file: Path | None) -> None:
    """Opret en vurdering content/vurderinger/PRAKSIS-DATO.md med alle spørgsmål ubesvarede og
    overskrifterne til refleksionen (med --from: svarene fra en tidligere vurdering)."""

    project = find_project(config_file, content_dir)
    content = load_content(project.content_folder(must_exist=False), project_root=project.root)
    where = project.shown(content.root)
    known = sorted(p.id for p in content.of_type(Practice))
    previous = _previous_assessment(from_file, content) if from_file is not None else None
    if previous is not None:
        practice_id = practice_id or previous.practice
        instrument_id = previous.instrument   # the answers are codes of that instrument
    if not practice_id:
        raise PraksisError("angiv praksisbeskrivelsen med --practice ID. Kendte id'er: "
                           f"{', '.join(known) or 'ingen'}.")
    check_slug(practice_id)
    practice = content.get(Practice, practice_id)
    if practice is None:
        raise _unknown("praksisbeskrivelse", practice_id, known, f"{where}/praksis",
                       content.broken)
    instrument = content.get(Instrument, instrument_id)
    if instrument is None:
        raise _unknown("instrument", instrument_id,
                       [i.id for i in content.of_type(Instrument)], f"{where}/instruments")
    day = resolved_today(date_text, source="--date")
    name = f"{check_slug(doc_id)}.md" if doc_id else f"{practice_id}-{day.isoformat()}.md"
    write_new(project, target_folder(project, folder, "vurderinger") / name,
              assessment_scaffold(instrument, practice_id, day, previous, practice.title))


def _previous_assessment(path: Path, content: ContentSet) -> Assessment:
    """The assessment in ``path`` (checked), for ``praksis new assessment --from``."""

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
@click.argument("edition_id", metavar="ID", required=False)
@id_option("Udgavens id, som argumentet ID.")
@click.option("--organisation", default="Skriv organisationens navn", show_default=False,
              help="Udgiveren, der står på forsiden.")
@click.option("--print-folder", metavar="MAPPE",
              help="Mappen, hvis beskrivelser udgaven samler, fx 'praksis/lindegaarden'. "
                   "Standard: organisationens mappe, når der kun er én; ellers spørges du.")
@folder_option("editions")
@content_option
@config_option
def new_edition(edition_id: str | None, option_id: str | None, organisation: str,
                print_folder: str | None, folder: str | None,
                content_dir: Path | None, config_file: Path | None) -> None:
    """Opret en ny trykt udgave content/editions/ID.yml.

    --folder med praksisbeskrivelser (fx praksis/lindegaarden) er mappen, udgaven samler;
    filen lægges så i content/editions/."""

    edition_id = one_id(edition_id, option_id)
    project = find_project(config_file, content_dir)
    folders = _practice_folders(project)
    if folder is not None and print_folder is None and _among(folder, folders):
        # 'new edition x --folder praksis/org': an edition of that organisation's folder.
        folder, print_folder = None, folder
    path = target_folder(project, folder, "editions") / f"{edition_id}.yml"
    refuse_existing(project, path)   # before any question is asked
    printed = _printed_folder(folders, print_folder)
    write_new(project, path, edition_scaffold(organisation, resolved_today().isoformat(), printed))


def _practice_folders(project: Project) -> list[str]:
    """The folders (below content/) that hold practice descriptions."""

    content = load_content(project.content_folder(must_exist=False), project_root=project.root)
    return sorted({posixpath.dirname(p.source.path) for p in content.of_type(Practice)} - {""})


def _among(folder: str, folders: list[str]) -> bool:
    chosen = folder.strip().strip("/")
    return any(f == chosen or f.startswith(chosen + "/") for f in folders)


def _printed_folder(folders: list[str], given: str | None) -> str:
    """The folder an edition prints: given, the only organisation folder, or asked for.

    An edition prints the documents below one folder (``folder:`` in a part); with several
    organisations side by side a default would print another organisation's descriptions.
    """
    if given is not None:
        chosen = given.strip().strip("/")
        if not _among(chosen, folders):
            raise PraksisError(f"--print-folder: mappen '{given}' har ingen "
                               f"praksisbeskrivelser. Mapper: {', '.join(folders) or 'ingen'}.")
        return chosen
    if len(folders) == 1:
        return folders[0]
    if not folders:
        raise PraksisError("der er ingen praksisbeskrivelser at samle i en udgave endnu. "
                           "Opret dem først med 'praksis new practice ID'.")
    listed = "\n".join(f"  {folder}" for folder in folders)
    click.echo(f"Hvilken mappe skal udgaven samle? Mapper med praksisbeskrivelser:\n{listed}",
               err=True)
    try:
        while True:
            answer = str(click.prompt("Mappe", err=True)).strip().strip("/")
            if answer in folders:
                return answer
            click.echo(f"'{answer}' er ikke en af mapperne ovenfor. Prøv igen.", err=True)
    except click.Abort:
        raise PraksisError("vælg mappen, udgaven skal samle, med --print-folder, fx "
                           f"--print-folder {folders[0]}. Mapper: {', '.join(folders)}.") from None
