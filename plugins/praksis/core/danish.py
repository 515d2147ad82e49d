"""Danish presentation helpers: dates as readers write them, numbers with a decimal comma,
ids (slugs) with æ, ø and å spelt ae, oe and aa.

Every number a reader sees (a score, a mean, a change, a progress percentage, years) is
formatted here, and rounded half up from its exact value, as a reader rounding by hand
expects: 5/8 reads 0,63 in a listing, on the assessment page and in the terminal alike.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")

Number = Fraction | Decimal | int | float

# An id (a file name without its suffix, a scale or an activity key): what 'praksis new'
# writes and what a key can refer to.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG = re.compile(SLUG_PATTERN)
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def slugify(text: str) -> str:
    """An id from free text: 'Familiehuset, LØFT' -> 'familiehuset-loeft' (æ, ø, å as ae, oe,
    aa; other accents dropped: 'é' -> 'e'; anything else between words a hyphen)."""
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(_ASCII))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def format_date(day: dt.date | None) -> str:
    """'12. marts 2026' (Danish style: day, full month name in lower case, year)."""
    if day is None:
        return "–"
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def exact(value: Number) -> Fraction:
    """The value as an exact fraction. A float counts as the decimal it prints as (0.145, not
    the binary 0.14499999999999999), so rounding it half up gives what a reader expects."""
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def decimal(value: Number | None, places: int = 2) -> str:
    """5/8 as '0,63': rounded half up (away from zero) from the exact value, with a Danish
    decimal comma; None as '–'. (Python's own format rounds a float half to even: 0,62.)"""
    if value is None:
        return "–"
    scaled = exact(value) * 10 ** places
    rounded = math.floor(abs(scaled) + Fraction(1, 2))
    sign = "-" if scaled < 0 and rounded else ""
    whole, part = divmod(rounded, 10 ** places)
    return f"{sign}{whole},{part:0{places}d}" if places else f"{sign}{whole}"


def percent(value: Number | None) -> str:
    """0.625 as '63 %' (rounded half up); None as '–'."""
    if value is None:
        return "–"
    return f"{decimal(exact(value) * 100, 0)} %"
