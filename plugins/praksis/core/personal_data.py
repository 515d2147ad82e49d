"""The personal-data guard: Danish CPR numbers must never be published.

Practice descriptions, assessments and plans describe methods, never citizens; a CPR number
in content is almost certainly pasted from a case file. We look for ddmmyy-xxxx and
ddmmyyxxxx where ddmmyy is a real date (in some century), and refuse the file.

A deliberate false positive (a case number that happens to look like a CPR number) is marked
on its own line with the word ``ikke-cpr`` in a comment: ``<!-- ikke-cpr -->`` in Markdown,
``# ikke-cpr`` in YAML.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

ALLOW_MARKER = "ikke-cpr"

# Not preceded or followed by a digit or a hyphenated digit run, so "2016-09-01" or a longer
# number such as an EAN does not match.
_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\d]|-\d)")
_SIX_DIGITS = re.compile(r"\d{6}")


@dataclass(frozen=True, slots=True)
class CprHit:
    line: int
    masked: str   # the date part and '-****': enough to find it, nothing to leak in a log


def _real_date(day: int, month: int, year: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # The two-digit year could be in 1900 or 2000 (or 1800); 29 February needs a leap year.
    return any(day <= calendar.monthrange(century + year, month)[1]
               for century in (1800, 1900, 2000))


def find_cpr_numbers(text: str) -> Iterator[CprHit]:
    # Every match has six digits in a row and never spans a line end: most files have no
    # such run, and one search for it is much cheaper than the full pattern on every line.
    if not _SIX_DIGITS.search(text):
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if ALLOW_MARKER in line:
            continue
        for match in _CPR.finditer(line):
            day, month, year = (int(g) for g in match.groups()[:3])
            if _real_date(day, month, year):
                yield CprHit(number, f"{match.group(1)}{match.group(2)}{match.group(3)}-****")
