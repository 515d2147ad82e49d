"""The personal-data guard: Danish CPR numbers must never be published.

Practice descriptions, assessments and plans describe methods, never citizens; a CPR number
in content is almost certainly pasted from a case file. A CPR number, as people type it, is
six digits forming a real date (``ddmmyy``, in some century), then nothing or one of ``-``,
space, ``/`` and ``.`` (or the date written ``dd.mm.yy-``), then four digits, with no digit or
letter right before or after it. So ``010203-1234``, ``0102031234``, ``010203 1234``,
``010203/1234``, ``010203.1234`` and ``01.02.03-1234`` are found, while ``20240312 1234``,
``+45 12 34 56 78``, ``1.234.567 kr.``, ``2024-0312-1234``, CVR, EAN and ISBN numbers are not.

A deliberate false positive (a case number that happens to look like a CPR number) is marked
on its own line with the word ``ikke-cpr`` in a comment: ``<!-- ikke-cpr -->`` in Markdown,
``# ikke-cpr`` in YAML. A file or folder name is fixed by renaming it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

ALLOW_MARKER = "ikke-cpr"
# The key of every problem the guard reports.
PERSONAL_DATA_KEY = "personoplysninger"

# [^\W_] is a letter or a digit (any alphabet): the number must stand on its own. A space
# may be a no-break space, as word processors paste it.
_CPR = re.compile(
    r"(?<![^\W_])"
    r"(?:(?P<d1>[0-9]{2})(?P<m1>[0-9]{2})(?P<y1>[0-9]{2})[-/. \u00a0]?"
    r"|(?P<d2>[0-9]{2})\.(?P<m2>[0-9]{2})\.(?P<y2>[0-9]{2})-)"
    r"[0-9]{4}"
    r"(?![^\W_])")
_CANDIDATE = re.compile(r"[0-9](?:[0-9]{5}|\.[0-9]{2}\.[0-9]{2}-[0-9])")
# An ISBN-10 is ten digits that can look like ddmmyyxxxx; it is written after its label.
_ISBN_BEFORE = re.compile(r"ISBN(?:-1[03])?:?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CprHit:
    line: int
    masked: str   # the date part and '-****': enough to find it, nothing to leak in a log
    start: int = 0   # where the number starts and ends in the text searched
    end: int = 0


def _real_date(day: int, month: int, year: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # The two-digit year could be in 1900 or 2000 (or 1800); 29 February needs a leap year.
    return any(day <= calendar.monthrange(century + year, month)[1]
               for century in (1800, 1900, 2000))


def find_cpr_numbers(text: str) -> Iterator[CprHit]:
    """Every CPR number in ``text`` outside lines marked ``ikke-cpr``, with its line."""
    # Every form has six digits in a row or the dotted date: most texts have neither, and
    # one search for them is much cheaper than the full pattern.
    if not _CANDIDATE.search(text):
        return
    for match in _CPR.finditer(text):
        short = match.group("d1") is not None
        day, month, year = (match.group(g) for g in (("d1", "m1", "y1") if short
                                                    else ("d2", "m2", "y2")))
        if not _real_date(int(day), int(month), int(year)):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if ALLOW_MARKER in line or _ISBN_BEFORE.search(text, line_start, match.start()):
            continue
        date = f"{day}{month}{year}" if short else f"{day}.{month}.{year}"
        yield CprHit(text.count("\n", 0, match.start()) + 1, f"{date}-****",
                     match.start(), match.end())


def mask_cpr_numbers(text: str) -> str:
    """``text`` with the last four digits of every CPR number replaced by '****'."""
    hits = list(find_cpr_numbers(text))
    for hit in reversed(hits):
        text = text[:hit.start] + hit.masked + text[hit.end:]
    return text
