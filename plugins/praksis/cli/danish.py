"""click in Danish: the help layout, the usage line and every error click reports itself.

click writes "Usage:", "Error: Got unexpected extra argument", "Try ... for help." and
"Aborted!" in English. The ``praksis`` group runs its commands in a ``DanishContext`` (set on
every subcommand when the group starts, so commands added by any module are covered) and
reports click's exceptions itself, from their fields, in Danish. Bad input on the command
line exits with 1, like every other praksis error.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

import click
from click import exceptions as ce

from ..core.clock import ClockError

# Help option texts and help record markers click writes in English.
_HELP_TEXTS = {
    "Show this message and exit.": "Vis denne hjælp, og afslut.",
    "Show the version and exit.": "Vis versionen, og afslut.",
}
_HEADINGS = {"Options": "Indstillinger", "Commands": "Kommandoer", "Arguments": "Argumenter",
             "Positional arguments": "Argumenter"}
_USAGE_WORDS = (("[OPTIONS]", "[INDSTILLINGER]"), ("COMMAND [ARGS]...", "KOMMANDO [ARGUMENTER]..."))
_MARKERS = ((re.compile(r"\[default: "), "[standard: "), (re.compile(r"\[required\]"),
                                                          "[påkrævet]"),
            (re.compile(r"\[env var: "), "[miljøvariabel: "))


# The metavars click derives from a parameter's type ("--unit TEXT").
_TYPES = {"TEXT": "TEKST", "PATH": "STI", "INTEGER": "HELTAL", "FLOAT": "TAL",
          "DIRECTORY": "MAPPE", "FILENAME": "FILNAVN", "BOOLEAN": "JA/NEJ"}
_TYPE_WORDS = re.compile(r"(?<= )(" + "|".join(_TYPES) + r")\b")


class DanishFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, danish in _USAGE_WORDS:
            args = args.replace(english, danish)
        super().write_usage(prog, args, "Brug: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        super().write_dl([(_TYPE_WORDS.sub(lambda m: _TYPES[m.group()], term),
                           _danish_help(text)) for term, text in rows], col_max, col_spacing)


def _danish_help(text: str) -> str:
    for english, danish in _HELP_TEXTS.items():
        text = text.replace(english, danish)
    for pattern, danish in _MARKERS:
        text = pattern.sub(danish, text)
    return text


class DanishContext(click.Context):
    formatter_class = DanishFormatter


class DanishGroup(click.Group):
    """The top-level group: Danish help and Danish errors for every command below it."""

    context_class = DanishContext

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        _make_danish(self)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False,
                                  **extra)
        except ce.Abort as exc:
            # Ctrl-C (or the end of input at a question): nothing half-written is in place.
            interrupted = isinstance(exc.__cause__, KeyboardInterrupt)
            click.echo("Afbrudt. Intet halvfærdigt output er lagt på plads.", err=True)
            _exit(130 if interrupted else 1)
        except ce.UsageError as exc:
            no_args = getattr(ce, "NoArgsIsHelpError", ())
            if isinstance(exc, no_args) and exc.ctx is not None:
                # A group called without a command (`praksis new`): its help, in Danish.
                click.echo(exc.ctx.get_help(), err=True)
                _exit(0)
            _show_usage_error(exc)
            _exit(1)
        except ClockError as exc:
            click.echo(f"Fejl: {exc}", err=True)
            _exit(1)
        except ce.ClickException as exc:
            exc.show()
            _exit(exc.exit_code)
        if standalone_mode:
            sys.exit(result if isinstance(result, int) else 0)
        return result


def _exit(code: int) -> NoReturn:
    # Errors end the process in and outside standalone mode: they have been reported.
    sys.exit(code)


def _make_danish(command: click.Command) -> None:
    """Every command below ``command`` gets the Danish context and usage words."""
    command.context_class = DanishContext
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = "[INDSTILLINGER]"
    if isinstance(command, click.Group):
        if command.subcommand_metavar in (None, "COMMAND [ARGS]..."):
            command.subcommand_metavar = "KOMMANDO [ARGUMENTER]..."
        for sub in command.commands.values():
            _make_danish(sub)


def _show_usage_error(exc: ce.UsageError) -> None:
    ctx = exc.ctx
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        help_name = max(ctx.help_option_names, key=len, default="--help")
        click.echo(f"Se '{ctx.command_path} {help_name}' for hjælp.\n", err=True)
    click.echo(f"Fejl: {danish_message(exc)}", err=True)


def _name(param: click.Parameter | None) -> str:
    if param is None:
        return "en værdi"
    if isinstance(param, click.Argument):
        return f"argumentet {param.human_readable_name}"
    return f"indstillingen '{param.opts[0]}'" if param.opts else f"'{param.name}'"


def _possibilities(options: Iterable[str] | None) -> str:
    options = sorted(options or ())
    if not options:
        return ""
    if len(options) == 1:
        return f" Mente du '{options[0]}'?"
    return " Mente du en af " + ", ".join(f"'{o}'" for o in options) + "?"


_EXTRA = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)$", re.S)
_NO_COMMAND = re.compile(r"No such command '(?P<name>.*)'\.")
_NEEDS_VALUE = re.compile(r"Option '(?P<name>[^']*)' requires (?:an argument|(?P<n>\d+) "
                          r"arguments)\.")
_NO_VALUE = re.compile(r"Option '(?P<name>[^']*)' does not take a value\.")


def danish_message(exc: ce.UsageError) -> str:
    """click's usage error, said in Danish from its fields (its English text as a last
    resort, which no praksis command is known to reach)."""
    no_such_command = getattr(ce, "NoSuchCommand", None)
    if no_such_command is not None and isinstance(exc, no_such_command):
        return _unknown_command(exc.command_name, exc.possibilities, exc.ctx)
    if isinstance(exc, ce.NoSuchOption):
        return (f"ukendt indstilling '{exc.option_name}'.{_possibilities(exc.possibilities)} "
                "Se hjælpen for de indstillinger, kommandoen har.")
    if isinstance(exc, ce.MissingParameter):
        return f"{_name(exc.param)} mangler.{_hint(exc.param)}"
    if isinstance(exc, ce.BadParameter):
        return f"ugyldig værdi for {_name(exc.param)}: {exc.message}"
    message = exc.message
    if match := _EXTRA.match(message):
        extra = match.group("args")
        return (f"for mange argumenter: {extra}. Sæt tekst med mellemrum i anførselstegn, og "
                "se hjælpen for, hvilke argumenter kommandoen tager.")
    if match := _NO_COMMAND.match(message):
        return _unknown_command(match.group("name"), None, exc.ctx)
    if message == "Missing command.":
        return "angiv en kommando (se listen herover med --help)."
    if match := _NEEDS_VALUE.match(message):
        count = match.group("n")
        return (f"indstillingen '{match.group('name')}' skal have "
                f"{f'{count} værdier' if count else 'en værdi'}.")
    if match := _NO_VALUE.match(message):
        return f"indstillingen '{match.group('name')}' tager ingen værdi."
    return message


def _hint(param: click.Parameter | None) -> str:
    if isinstance(param, click.Option) and param.metavar:
        return f" Skriv fx {param.opts[0]} {param.metavar}."
    if isinstance(param, click.Argument):
        return " Se hjælpen med --help."
    return ""


def _unknown_command(name: str, possibilities: Iterable[str] | None,
                     ctx: click.Context | None) -> str:
    commands: list[str] = []
    if ctx is not None and isinstance(ctx.command, click.Group):
        commands = sorted(ctx.command.list_commands(ctx))
    if possibilities is None and commands:
        import difflib
        possibilities = difflib.get_close_matches(name, commands)
    listed = f" Kommandoer: {', '.join(commands)}." if commands else ""
    return f"ukendt kommando '{name}'.{_possibilities(possibilities)}{listed}"
