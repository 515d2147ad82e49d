"""Danish presentation helpers: dates as readers write them, counts with the right word."""

from __future__ import annotations

import datetime as dt

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")


def format_date(day: dt.date | None) -> str:
    """'12. marts 2026' (Danish style: day, full month name in lower case, year)."""
    if day is None:
        return "–"
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
