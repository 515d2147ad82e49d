"""What "today" is: the one place that resolves it, so every command agrees.

In order: a date given explicitly (``--today``, or the plugin's ``today`` option in
mkdocs.yml), then ``SOURCE_DATE_EPOCH`` (reproducible builds), then the local date. Overdue
milestones, due re-assessments and "a date in the future" are all measured from it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from .fields import parse_date


class ClockError(ValueError):
    """A given date or SOURCE_DATE_EPOCH cannot be read; the message is Danish."""


def today(option: str | dt.date | None = None, environ: Mapping[str, str] | None = None,
          source: str = "--today") -> dt.date:
    """The resolved today. ``option`` is ``--today`` or the plugin's ``today`` (empty or None
    when not given); ``source`` names it in the message when it is not a date."""
    if isinstance(option, dt.datetime):
        return option.date()
    if isinstance(option, dt.date):
        return option
    if option is not None and str(option).strip():
        parsed = parse_date(str(option))
        if isinstance(parsed, str):
            raise ClockError(f"{source}: {parsed}")
        return parsed
    return build_date(environ)


def build_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """The build date: from SOURCE_DATE_EPOCH (reproducible builds) or the local date."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise ClockError(f"SOURCE_DATE_EPOCH='{epoch}' er ikke et gyldigt tidsstempel "
                             "(hele sekunder siden 1970-01-01). Ret eller fjern "
                             "miljøvariablen SOURCE_DATE_EPOCH.") from None
    return dt.date.today()
