"""The export's one error type: a Danish message that says what failed and how to fix it."""

from __future__ import annotations


class ExportError(Exception):
    """An edition could not be written; nothing half-written is left in the output folder."""
