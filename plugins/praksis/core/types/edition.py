"""``type: edition``: a printed edition (håndbog) of some documents, ``content/editions/*.yml``.

The manifest says what is on the cover and which documents go in, in parts, either by id or
by folder. ``praksis export`` turns it into a docx and a PDF; the plan is in ``editions``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..fields import INVALID, Boolean, Checker, Date, Field, Key, ListOf, Record, Slug, Text, Values
from ..model import Source
from ..model.content import ContentSet
from ..model.editions import Edition, EditionPart, PreviousEdition
from ..problems import Severity
from ..rules.editions import folder_problem, free_pages, normalise_folder, resolve_parts
from ..scaffold import scaffold_yaml
from .common import DocumentType, Report, title_field, type_field


@dataclass(frozen=True)
class ContentFolder(Text):
    """A folder below content/, written with '/': never absolute, never leaving with '..'."""

    single_line: bool = True
    label: str = "en mappe under content/ (fx 'praksis')"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        value = super().check(node, key, ck)
        if value is INVALID:
            return INVALID
        problem = folder_problem(value)
        if problem is not None:
            ck.error(key, problem, ck.line(node))
            return INVALID
        return value

    def example(self) -> str:
        return "praksis"


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


@dataclass(frozen=True)
class ContentImage(ContentFolder):
    """An image file below content/ (PNG, JPEG or SVG), written relative to content/."""

    label: str = "en billedfil under content/ (fx 'billeder/logo.svg')"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        value = super().check(node, key, ck)
        if value is INVALID:
            return INVALID
        if not value.lower().endswith(IMAGE_SUFFIXES):
            ck.error(key, f"'{value}' er ikke et billede, typst og Word kan vise. Brug en "
                          "PNG-, JPEG- eller SVG-fil.", ck.line(node))
            return INVALID
        return normalise_folder(value)

    def example(self) -> str:
        return "billeder/logo.svg"


PART = Record(fields={
    "title": title_field("Delens overskrift, fx 'Redskaber'. Hver del starter på en ny side."),
    "intro": Field(Text(), required=False,
                   help="En kort tekst under delens overskrift."),
    "documents": Field(ListOf(item=Slug(), min_items=1), required=False, default=(),
                       help="Dokumenternes id'er (filnavnet uden .md) i den rækkefølge, de "
                            "skal trykkes, fx [tryghedsplan, smarte-delmaal]."),
    "folder": Field(ContentFolder(), required=False,
                    help="En mappe under content/: alle dokumenter i mappen, ordnet efter "
                         "titel. Brug enten 'documents' eller 'folder'."),
})

PREVIOUS = Record(fields={
    "edition": Field(Text(single_line=True), help='Forrige udgaves nummer, fx "2.0".'),
    "date": Field(Date(), help="Forrige udgaves dato (ÅÅÅÅ-MM-DD)."),
})

SCHEMA = Record(fields={
    "type": type_field("edition"),
    "title": title_field("Håndbogens titel på forsiden og i sidehovedet, fx 'Fælles praksis'.",
                         example='"Fælles praksis"'),
    "subtitle": Field(Text(single_line=True), required=False,
                      help="Undertitel på forsiden.",
                      example='"Skriv en undertitel"'),
    "organisation": Field(Text(single_line=True),
                          help="Udgiveren, fx 'Botilbuddet Lindegården'."),
    "edition": Field(Text(single_line=True),
                     help='Udgavens nummer, fx "3.0" (i anførselstegn).',
                     example='"1.0"'),
    "date": Field(Date(), help="Udgavens dato (ÅÅÅÅ-MM-DD); vises på forsiden som "
                               "'1. oktober 2026'."),
    "computed": Field(Boolean(), required=False, default=True,
                      help="Tag de beregnede afsnit med (metadata, scorer, milepæle), som på "
                           "sitet. Standard: true.",
                      example="true"),
    "parts": Field(ListOf(item=PART, min_items=1),
                   help="Håndbogens dele i rækkefølge, hver med 'title' og enten "
                        "'documents' eller 'folder'."),
    "colophon": Field(Text(), required=False,
                      help="Kolofon: udgiver, kontakt og rettigheder, på bagsiden af forsiden.",
                      example='"Skriv udgiver, kontaktperson og rettigheder."'),
    "cover_image": Field(ContentImage(), required=False,
                         help="Et logo eller billede på forsiden: en PNG-, JPEG- eller "
                              "SVG-fil under content/, fx 'billeder/logo.svg'.",
                         example="null"),
    "revision_note": Field(Text(), required=False,
                           help="Revisionsnote på forsiden og i kolofonen, fx 'Revideret "
                                "oktober 2024: organiseringen er ført up to date.'",
                           example="null"),
    "back_cover": Field(Text(), required=False,
                        help="Teksten på bagsiden: hvad håndbogen samler, og hvem den er for.",
                        example="null"),
    "previous": Field(PREVIOUS, required=False,
                      help="Forrige udgave (edition og date). Versionshistorikken viser "
                           "ændringer siden da, hvis der ikke er et git-mærke "
                           "edition/<id>/...",
                      example="null"),
})


def _documents_or_folder(values: Values, ck: Checker) -> None:
    for index, part in enumerate(values["parts"]):
        has_documents, has_folder = bool(part["documents"]), part["folder"] is not None
        if has_documents == has_folder:
            found = "begge dele" if has_documents else "ingen af dem"
            ck.error(("parts", index), f"en del skal have enten 'documents' eller 'folder', "
                                       f"men har {found}. Skriv dokumenternes id'er under "
                                       "'documents', eller en mappe under 'folder'.")


def _publisher_once(values: Values, ck: Checker) -> None:
    """The colophon already says 'Udgivet af <organisation>': the editor's own text saying it
    again prints it twice."""
    colophon = values.get("colophon")
    if isinstance(colophon, str) and "udgivet af" in colophon.casefold():
        ck.warn(("colophon",), "kolofonen skriver allerede 'Udgivet af' og organisationen "
                               "(nøglen 'organisation'), så udgaven ville sige det to gange. "
                               "Fjern sætningen 'Udgivet af ...' fra 'colophon'.")


def build(values: Values, source: Source) -> Edition:
    previous = values["previous"]
    return Edition(
        source=source, title=values["title"], subtitle=values["subtitle"],
        organisation=values["organisation"], edition=values["edition"], date=values["date"],
        computed=values["computed"],
        parts=tuple(EditionPart(title=p["title"], intro=p["intro"],
                                document_ids=tuple(p["documents"]), folder=p["folder"])
                    for p in values["parts"]),
        colophon=values["colophon"],
        previous=PreviousEdition(previous["edition"], previous["date"]) if previous else None,
        cover_image=values["cover_image"], revision_note=values["revision_note"],
        back_cover=values["back_cover"],
    )


def cross_check(edition: Edition, content: ContentSet, report: Report) -> None:
    """Every named document and folder exists, and no document is printed twice."""
    _parts, problems = resolve_parts(edition, content)
    for problem in problems:
        report(problem.key, problem.message, Severity.ERROR)
    pages, _shared = free_pages(content)
    for index, part in enumerate(edition.parts):
        for item, doc_id in enumerate(part.document_ids):
            page = pages.get(doc_id)
            if page is not None and page.approval is None:
                report(("parts", index, "documents", item), (
                    f"siden '{doc_id}' ({page.source.path}) har ingen 'approval', så den "
                    "kommer kun med i kladder (--draft). Tilføj 'approval:' i sidens front "
                    "matter, som i en praksisbeskrivelse."), Severity.WARNING)
    if edition.cover_image is not None and not (Path(content.root) / edition.cover_image).is_file():
        report(("cover_image",), (
            f"billedet '{edition.cover_image}' findes ikke under content/. Ret stien "
            "(i forhold til content/), eller læg billedet i mappen."), Severity.ERROR)


def scaffold(organisation: str, today: str, folder: str = "praksis") -> str:
    """A new edition manifest that passes ``praksis check``: every key, explained in Danish."""
    values = {  # the example values of the other keys are on the fields of SCHEMA
        "organisation": json.dumps(organisation, ensure_ascii=False),  # JSON strings are YAML
        "date": today,
        "parts": ('- title: "Praksisbeskrivelser"\n'
                  '  # Alle dokumenter i en mappe, ordnet efter titel. Eller brug\n'
                  '  # documents: [id, id] for en bestemt rækkefølge.\n'
                  f"  folder: {json.dumps(folder, ensure_ascii=False)}"),
    }
    header = ("# En trykt udgave (håndbog). Eksportér den med 'praksis export'.\n"
              "# Kun godkendte beskrivelser kommer med, medmindre du bruger --draft.\n")
    return header + scaffold_yaml(SCHEMA, values)


EDITION = DocumentType(
    name="edition", label="udgave",
    description="En trykt udgave (håndbog) som Word og PDF: forsidens titel, udgiver, "
                "udgavenummer og dato, og hvilke dokumenter der kommer med, i dele, enten "
                "efter id eller efter mappe. 'praksis export' skriver udgaven. Kun godkendte "
                "beskrivelser kommer med, medmindre udgaven eksporteres som kladde (--draft).",
    markdown=False, model=Edition, schema=SCHEMA, build=build,
    rules=(_documents_or_folder, _publisher_once),
    cross_check=cross_check, example_path="editions/lindegaarden-haandbog.yml",
)
