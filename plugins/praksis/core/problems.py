"""Problems found in content, and the one exception type that carries them.

Every message an editor sees is Danish and names the file, the line and the key, in the
form ``path:line: key: message`` so editors and CI logs can jump to the place. A problem
carries its file's path relative to the project root (the folder of mkdocs.yml):
``content/praksis/x.md`` or ``mkdocs.yml``; the command line shows it relative to the
current folder (``format(path=...)``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

# The key a problem in a document's body (below the front matter) is reported under.
BODY_KEY = "brødtekst"


class Severity(Enum):
    ERROR = "fejl"
    WARNING = "advarsel"
    # Information for the editor that never fails a check, not even --strict.
    INFO = "note"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one place in one file."""

    path: str   # relative to the project root, as '/'-separated parts
    line: int
    key: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity is Severity.WARNING

    def format(self, path: str | None = None) -> str:
        """``path:line: key: message``, with the file shown as ``path`` when given."""
        prefix = "" if self.is_error else f"{self.severity.value}: "
        return f"{path or self.path}:{self.line}: {self.key}: {prefix}{self.message}"

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.key)


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


def summarize(problems: Iterable[Problem], files: int) -> str:
    """A Danish one-line summary such as '2 fejl og 1 advarsel i 7 filer.'"""
    problems = list(problems)
    errors = sum(1 for p in problems if p.is_error)
    warnings = sum(1 for p in problems if p.is_warning)  # notes are not counted
    file_word = "fil" if files == 1 else "filer"
    warning_word = "advarsel" if warnings == 1 else "advarsler"
    if not errors and not warnings:
        return f"Ingen fejl i {files} {file_word}."
    return f"{errors} fejl og {warnings} {warning_word} i {files} {file_word}."


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a misspelt word, if any is close enough to suggest."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Mente du 'x'?' when a close choice exists, else ''."""
    match = closest(word, choices)
    return f" Mente du '{match}'?" if match else ""


def quote_list(values: Iterable[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)
