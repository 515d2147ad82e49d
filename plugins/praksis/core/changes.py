"""``changes:``: a document's change history in the editors' own words.

Every Markdown document may carry a list such as::

    changes:
      - {version: "3.0", date: 2025-11-03, summary: "Afsnit om støttebehov tilføjet."}
      - {date: 2026-05-02, summary: "Gennemgået uden ændringer."}

An entry without ``version`` records a review that changed nothing. Entries may stand in any
order; versions compare as dotted numbers (3.10 after 3.9). The printed edition's
"Versionshistorik" reads these entries; git history is only a fallback for documents
without them (see ``praksis.export.history``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping

from .fields import Checker, Date, Field, Key, ListOf, Record, Text, Values
from .model import ChangeEntry

_VERSION = re.compile(r"^\d+(\.\d+)*$")

ENTRY = Record(fields={
    "version": Field(Text(single_line=True), required=False,
                     help='Versionen, ændringen førte til, fx "3.0" (i anførselstegn). Uden '
                          "version er det en gennemgang, der ikke ændrede noget."),
    "date": Field(Date(), help="Hvornår ændringen eller gennemgangen skete (ÅÅÅÅ-MM-DD)."),
    "summary": Field(Text(), required=False,
                     help="Hvad der blev ændret, med redaktørens egne ord. Kræves, når "
                          "'version' er udfyldt."),
})

CHANGES_FIELD = Field(
    ListOf(item=ENTRY), required=False, default=(),
    help='Ændringshistorik i egne ord, fx - {version: "3.0", date: 2025-11-03, summary: '
         '"Afsnit om støttebehov tilføjet."}. Et punkt uden version er en gennemgang uden '
         "ændringer. Håndbogens versionshistorik bygger på listen.")


def version_key(version: str) -> tuple[int, ...] | None:
    """'3.10' -> (3, 10), so 3.10 comes after 3.9; None if not a dotted number.

    Trailing zeros do not count: "3", "3.0" and "3.00" are the same version.
    """
    text = version.strip()
    if not _VERSION.match(text):
        return None
    parts = [int(part) for part in text.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def with_changes(schema: Record) -> Record:
    """``schema`` with the optional ``changes`` key (after ``version`` when it has one)."""
    if "changes" in schema.fields:
        return schema
    fields: dict[str, Field] = {}
    for name, spec in schema.fields.items():
        fields[name] = spec
        if name == "version":
            fields["changes"] = CHANGES_FIELD
    fields.setdefault("changes", CHANGES_FIELD)
    return dataclasses.replace(schema, fields=fields)


def check_changes(values: Values, ck: Checker) -> None:
    """Versions are dotted numbers, none twice, the highest equals ``version``."""
    entries = values.get("changes") or ()
    seen: dict[tuple[int, ...], int] = {}
    highest: tuple[tuple[int, ...], str] | None = None
    for index, entry in enumerate(entries):
        version = entry.get("version")
        if version is None:
            continue
        key = ("changes", index, "version")
        if entry.get("summary") is None:
            ck.warn(("changes", index), f"ændringen til version {version} mangler "
                                         "'summary'. Skriv kort, hvad der blev ændret, fx "
                                         'summary: "Afsnit om støttebehov tilføjet."')
        number = version_key(version)
        if number is None:
            ck.error(key, f"'{version}' er ikke et versionsnummer. Skriv tal adskilt af "
                          'punktum i anførselstegn, fx "3.0" eller "3.10".')
            continue
        if number in seen:
            ck.error(key, f"version {version} står to gange i 'changes' (også i punkt "
                          f"{seen[number] + 1}, linje {ck.line_at(('changes', seen[number]))}). "
                          "Hver version har én ændring: giv den nye ændring et nyt nummer, "
                          "eller flet de to punkter sammen.")
            continue
        seen[number] = index
        if highest is None or number > highest[0]:
            highest = (number, version)
    document_version = values.get("version")
    if highest is None:
        return
    if document_version is None:
        ck.error(("changes",), f"'changes' nævner version {highest[1]}, men dokumentet har "
                               f"ingen 'version'. Tilføj 'version: \"{highest[1]}\"'.")
    elif version_key(str(document_version)) != highest[0]:
        ck.error(("version",), f"version er {document_version}, men den højeste version i "
                               f"'changes' er {highest[1]}. De skal være ens: ret 'version', "
                               "eller tilføj ændringen til den nye version under 'changes'.")


def entries(values: Values, lines: Mapping[Key, int]) -> tuple[ChangeEntry, ...]:
    """The checked ``changes`` values as entries, each with the line it was written on."""
    return tuple(ChangeEntry(date=entry["date"], version=entry.get("version"),
                             summary=entry.get("summary"),
                             line=lines.get(("changes", index), 1))
                 for index, entry in enumerate(values.get("changes") or ()))


def newest_first(items: Iterable[ChangeEntry]) -> list[ChangeEntry]:
    """Entries by date, newest first; on one day the higher version first."""
    return sorted(items, key=lambda e: (e.date, version_key(e.version or "") or ()),
                  reverse=True)
