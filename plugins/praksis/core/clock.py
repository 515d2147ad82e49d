"""What "today" is for a build: reproducible when SOURCE_DATE_EPOCH is set."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping


def build_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """The build date: from SOURCE_DATE_EPOCH (reproducible builds) or the local date."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH='{epoch}' er ikke et gyldigt tidsstempel "
                             "(hele sekunder siden 1970-01-01).") from None
    return dt.date.today()
