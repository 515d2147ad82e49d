"""The placeholder texts ``praksis new`` writes, and finding them left untouched.

A scaffold fills every key with an instruction ("Skriv en undertitel"), so a new file passes
the check and shows the editor what to write. Left as it is, the instruction is published
and printed, and the element-3 note would count it as an answer. ``check`` warns about each
one with its line, and ``scoring.description_coverage`` does not count it.

The texts are listed here (tests/test_placeholders.py generates every scaffold and fails if
one of its instructions is missing from this list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from .fields import Key, key_text
from .problems import BODY_KEY, Problem, Severity

# Front matter values, exactly as the scaffolds write them.
VALUES = frozenset({
    "Ny praksisbeskrivelse",
    "Skriv et kort resumé: hvad praksis er, og for hvem.",
    "Skriv organisation eller enhed",
    "Skriv rolle og navn på den metodeansvarlige",
    "Beskriv målgruppen.",
    "Beskriv målgruppens støttebehov.",
    "Skriv det første mål.",
    "Skriv den første aktivitet.",
    "Beskriv roller, møder og rytme.",
    "Beskriv den faglige baggrund, medarbejderne skal have.",
    "Skriv en undertitel",
    "Skriv organisationens navn",
    "Skriv udgiver, kontaktperson og rettigheder.",
})
# Body lines: the start of each instruction a scaffold writes below the front matter.
BODY_STARTS = (
    "Skriv, hvorfor praksis findes.",
    "Beskriv trin for trin, hvordan praksis udføres.",
    "Skriv planens svar på de vejledende spørgsmål under en overskrift med milepælens id",
)


def is_placeholder(value: object) -> bool:
    """Whether a front matter value (a text, or a list of texts) is untouched scaffold text."""
    if isinstance(value, str):
        return value.strip() in VALUES
    if isinstance(value, (list, tuple)) and value:
        return all(is_placeholder(item) for item in value)
    return False


def is_placeholder_line(line: str) -> bool:
    return line.strip().startswith(BODY_STARTS)


_ANY = re.compile("|".join(re.escape(text) for text in sorted(VALUES | set(BODY_STARTS))))


def placeholder_problems(text: str, node: yaml.Node, line_offset: int, body: str,
                         body_line: int, shown: str) -> list[Problem]:
    """A warning for each untouched placeholder in a file's front matter and body (``text``
    is the whole file: most files hold none, and one search over it says so)."""
    if not _ANY.search(text):
        return []
    problems = [Problem(shown, line + line_offset, key_text(key), (
        f"'{value}' er stadig eksempelteksten fra 'praksis new'. Skriv den rigtige tekst, "
        "eller fjern nøglen, hvis den er valgfri."), Severity.WARNING)
        for key, value, line in _scalars(node, ())
        if value.strip() in VALUES]
    for offset, line in enumerate(body.split("\n")):
        if is_placeholder_line(line):
            problems.append(Problem(shown, body_line + offset, BODY_KEY, (
                f"'{_short(line.strip())}' er stadig eksempelteksten fra 'praksis new'. "
                "Skriv den rigtige tekst i stedet."), Severity.WARNING))
    return problems


def _scalars(node: yaml.Node, key: Key) -> Iterator[tuple[Key, str, int]]:
    if isinstance(node, yaml.ScalarNode):
        if isinstance(node.value, str):
            yield key, node.value, node.start_mark.line
    elif isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            yield from _scalars(value, key + (str(name.value),))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, key + (index,))


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
