"""Printing problems and routing MkDocs' log to the terminal in the same plain form."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import click

from ..core import Problem, summarize


def echo_problems(problems: Iterable[Problem], files: int) -> None:
    problems = list(problems)
    for problem in problems:
        click.echo(problem.format(), err=True)
    click.echo(summarize(problems, files), err=True)


# MkDocs messages an editor meets in normal use, said in Danish (the rest stay as MkDocs
# wrote them, prefixed).
_DANISH = {
    "A 'dirty' build is being performed": ("info", "kun de gemte sider bygges igen (--dirty); "
                                                   "andre sider kan vise gamle tal, til du "
                                                   "starter forhåndsvisningen igen."),
}


class _PlainHandler(logging.Handler):
    """Our own messages as they are (they already say file and line); MkDocs' prefixed."""

    def __init__(self, engine: str = "mkdocs") -> None:
        super().__init__()
        self.engine = engine

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        danish = next((said for start, said in _DANISH.items() if message.startswith(start)),
                      None)
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


class PraksisError(click.ClickException):
    """A failure reported to the user in Danish, exit code 1, no traceback."""

    def show(self, file=None) -> None:  # noqa: ANN001 (click's signature)
        click.echo(f"Fejl: {self.format_message()}", err=True)
