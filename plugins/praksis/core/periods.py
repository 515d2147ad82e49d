"""Periods written in Danish ("1 måned", "2 uger", "1 år") and calendar arithmetic on them.

The rhythm of an implementation plan (``activities.*.every``) and how often a practice is
re-assessed (``reassess_every``) are periods. Months are added by calendar with the day
clamped to the month's end (31 January + 1 måned = 28 or 29 February); a year is 12 months
and a week 7 days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

# Unit words as editors write them, singular and plural, and what each counts.
UNITS = {"dag": "day", "dage": "day", "uge": "week", "uger": "week",
         "måned": "month", "måneder": "month", "år": "year"}
PATTERN = r"^\s*([0-9]+)\s+(dag|dage|uge|uger|måned|måneder|år)\s*$"
_PERIOD = re.compile(PATTERN)
_SINGULAR = {"day": "dag", "week": "uge", "month": "måned", "year": "år"}
_PLURAL = {"day": "dage", "week": "uger", "month": "måneder", "year": "år"}


@dataclass(frozen=True, slots=True)
class Period:
    count: int
    unit: str   # "day", "week", "month" or "year"
    # As the editor wrote it (spaces collapsed): what the JSON of 'praksis status' echoes.
    written: str = field(default="", compare=False)

    @property
    def as_written(self) -> str:
        return self.written or self.text

    @property
    def text(self) -> str:
        """Danish, normalised: '1 måned', '3 måneder', '2 uger'."""
        words = _SINGULAR if self.count == 1 else _PLURAL
        return f"{self.count} {words[self.unit]}"


    @property
    def rhythm(self) -> str:
        """Danish, how often: 'hver måned', 'hver 3. måned', 'hvert år', 'hver 2. uge'."""
        every = "hvert" if self.unit == "year" else "hver"
        word = _SINGULAR[self.unit]
        return f"{every} {word}" if self.count == 1 else f"{every} {self.count}. {word}"


YEARLY = Period(1, "year", "1 år")


def parse_period(text: str) -> Period | str:
    """A period from '<n> dag|dage|uge|uger|måned|måneder|år', or a Danish reason why not."""
    match = _PERIOD.match(text)
    if match is None:
        return (f"'{text}' er ikke en periode. Skriv et tal og en enhed, fx '1 måned', "
                "'3 måneder', '2 uger', '14 dage' eller '1 år'.")
    count = int(match.group(1))
    if count < 1:
        return f"'{text}': perioden skal være mindst 1. Skriv fx '1 måned'."
    return Period(count, UNITS[match.group(2)], f"{count} {match.group(2)}")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months, the day clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_period(day: dt.date, period: Period) -> dt.date:
    """``day`` plus ``period``; past the calendar's end (year 9999) it stays at its end."""
    try:
        if period.unit == "day":
            return day + dt.timedelta(days=period.count)
        if period.unit == "week":
            return day + dt.timedelta(days=7 * period.count)
        months = period.count * (12 if period.unit == "year" else 1)
        return add_months(day, months)
    except (ValueError, OverflowError):
        return dt.date.max
