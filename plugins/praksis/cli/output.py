"""Printing problems and routing MkDocs' log to the terminal in the same plain form."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import IO, Any

import click

from ..core import Problem, summarize


def echo_problems(problems: Iterable[Problem], files: int,
                  shown: Callable[[str], str] = str) -> None:
    """Each problem on a line, its file as ``shown`` gives it, then the summary."""
    problems = list(problems)
    for problem in problems:
        click.echo(problem.format(shown(problem.path)), err=True)
    click.echo(summarize(problems, files), err=True)


# MkDocs messages an editor meets in normal use, said in Danish (the rest stay as MkDocs
# wrote them, prefixed). The server's own time stamp ("[10:42:07] ") is dropped first.
_DANISH: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), level, said) for pattern, level, said in (
        (r"A 'dirty' build is being performed", "info",
         "kun de gemte sider bygges igen (--dirty); andre sider kan vise gamle tal, til du "
         "starter forhåndsvisningen igen."),
        (r"Cleaning site directory", "info", "rydder sitets mappe."),
        (r"Building documentation to directory: (.*)", "info", r"bygger sitet i \1."),
        (r"Documentation built in (\d+)\.(\d+) seconds", "info",
         r"sitet er bygget på \1,\2 sekunder."),
        (r"Watching paths for changes: (.*)", "info", r"holder øje med ændringer i \1."),
        (r"Serving on (\S+)", "info", r"forhåndsvisningen kører på \1"),
        (r"Detected file changes", "info", "en fil er ændret."),
        (r"Reloading browsers", "info", "browseren opdaterer siden."),
        (r'"GET (\S+) HTTP/[\d.]+" code 404', "advarsel", r"siden \1 findes ikke (404)."),
    ))
_TIME_STAMP = re.compile(r"^\[\d\d:\d\d:\d\d\] ")


def danish_mkdocs_message(message: str) -> tuple[str, str] | None:
    """(level, Danish text) for a MkDocs message we know, else None."""
    message = _TIME_STAMP.sub("", message)
    for pattern, level, said in _DANISH:
        if match := pattern.match(message):
            return level, match.expand(said)
    return None


class _PlainHandler(logging.Handler):
    """Our own messages as they are (they already say file and line); MkDocs' prefixed."""

    def __init__(self, engine: str = "mkdocs") -> None:
        super().__init__()
        self.engine = engine

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        danish = danish_mkdocs_message(message)
        if danish is not None:
            message = f"{self.engine} {danish[0]}: {danish[1]}"
        elif not record.name.startswith("mkdocs.plugins.praksis"):
            level = {"WARNING": "advarsel", "ERROR": "fejl"}.get(record.levelname, "info")
            message = f"{self.engine} {level}: {message}"
        click.echo(message, err=True)


def route_mkdocs_log(verbose: bool = False, engine: str = "mkdocs") -> None:
    """The engine's log (ProperDocs': "properdocs.", which "mkdocs." then feeds) to stderr."""
    logger = logging.getLogger(engine)
    if not any(isinstance(h, _PlainHandler) for h in logger.handlers):
        logger.addHandler(_PlainHandler(engine))
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
    # The line counting the notes is shown by every build ("11 noter: se dem med ...").
    logging.getLogger("mkdocs.plugins.praksis.notes").setLevel(logging.INFO)


STRICT_NOTE = ("Med --strict tæller advarsler som fejl: ret advarslerne ovenfor, eller kør "
               "uden --strict.")


class PraksisError(click.ClickException):
    """A failure reported to the user in Danish, exit code 1, no traceback."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"Fejl: {self.format_message()}", err=True)
