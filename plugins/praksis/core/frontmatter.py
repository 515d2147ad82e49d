"""Reading a content file: decoding, splitting front matter from body, composing YAML nodes.

We parse front matter ourselves rather than trusting mkdocs' ``page.meta``: mkdocs swallows
YAML errors and hands plugins an empty dict. We keep PyYAML's *nodes* (not constructed
values) because every node carries the line it came from, and because composing nodes does
not expand aliases, so an alias bomb costs nothing until we walk it (and we refuse aliases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .problems import Problem

# The C loader is about 8x faster; fall back to the pure-Python one where libyaml is absent.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FRONT_MATTER_KEY = "front matter"
_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
# A line whose indentation (leading spaces and tabs) holds a tab.
_TAB_INDENT = re.compile(r"^[ \t]*\t", re.MULTILINE)

# PyYAML's messages are English; editors get these Danish ones, with the original kept
# in parentheses so a developer can still search for it. A needle matches the messages of
# both the C loader (libyaml) and the pure-Python one where they differ ("... here" and
# "... in this context").
_YAML_MESSAGES_DA = (
    ("mapping values are not allowed",
     "et kolon står et sted, hvor YAML ikke venter det. Sæt teksten i anførselstegn, "
     "hvis den selv indeholder ': '"),
    ("could not find expected ':'",
     "YAML mangler et ':' efter en nøgle. Skriv 'nøgle: værdi', eller sæt teksten i anførselstegn"),
    ("found character '\\t' that cannot start any token",
     "der er et tabulatortegn. Brug mellemrum til indrykning i YAML"),
    ("did not find expected key",
     "indrykningen passer ikke. Nøgler på samme niveau skal stå lige under hinanden"),
    ("did not find expected '-' indicator",
     "indrykningen af listen passer ikke. Hvert punkt skal starte med '- ' lige under det forrige"),
    ("found unexpected end of stream",
     "et anførselstegn eller en parentes bliver ikke lukket"),
    ("found undefined alias",
     "der henvises til et YAML-anker (*navn), som ikke findes"),
    ("expected <document start>",
     "der står noget efter front matter, som YAML ikke kan læse"),
    ("while scanning a quoted scalar",
     "et anførselstegn bliver ikke lukket"),
    ("found unknown escape character",
     "en tekst i dobbelte anførselstegn har en ukendt '\\'-kode. Brug enkelte anførselstegn"),
    ("while parsing a flow",
     "en { } eller [ ] bliver ikke lukket rigtigt"),
    ("block sequence entries are not allowed",
     "et listepunkt ('- ') står på samme linje som nøglen. Skriv punkterne på hver sin linje "
     "under nøglen"),
    ("found a tab character",
     "der er et tabulatortegn. Brug mellemrum til indrykning i YAML"),
)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A decoded content file split into its parts.

    ``front_matter_line`` is the 1-based line of the first YAML line; a node's
    ``start_mark.line + front_matter_line`` is its line in the file.
    """

    path: str
    text: str
    front_matter: str
    front_matter_line: int
    body: str
    body_line: int


class SourceProblem(Exception):
    """A file that cannot be read as a document at all."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.format())


def _fail(path: str, line: int, message: str, key: str = FRONT_MATTER_KEY) -> SourceProblem:
    return SourceProblem(Problem(path, line, key, message))


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 (a BOM is accepted and dropped), with Danish errors naming the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _fail(
            path, line, key="tegnkodning", message=
            f"filen er ikke gemt som UTF-8 (byte 0x{data[exc.start]:02x} kan ikke læses). "
            "Gem filen igen med tegnkodningen UTF-8 i din editor.",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    # Windows line ends would otherwise leave '\r' at the end of every value.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_markdown(path: str, text: str) -> SourceFile:
    """Split a Markdown file into front matter and body; the front matter is required."""
    if not text.strip():
        raise _fail(path, 1, "filen er tom. En side skal starte med front matter mellem to "
                             "linjer med '---', fx '---', 'type: practice', 'title: ...', '---'.")
    lines = text.split("\n")
    if not _FENCE.match(lines[0]):
        raise _fail(path, 1, "filen starter ikke med front matter. Første linje skal være '---', "
                             "derefter nøglerne (fx 'type: practice') og så en linje med '---'.")
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index]):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1:])
            return SourceFile(path, text, front, 2, body, index + 2)
    raise _fail(path, 1, "front matter åbnes med '---' i linje 1, men lukkes aldrig. "
                         "Tilføj en linje med '---' efter den sidste nøgle.")


def whole_yaml(path: str, text: str) -> SourceFile:
    """A data file (instrument, framework, edition): the whole file is YAML."""
    if not text.strip():
        raise _fail(path, 1, "filen er tom. En datafil skal indeholde YAML, der starter med "
                             "'type: ...'.")
    return SourceFile(path, text, text, 1, "", len(text.split("\n")) + 1)


def compose(source: SourceFile) -> yaml.Node:
    """Compose the front matter into a YAML node tree, or raise with a Danish message."""
    offset = source.front_matter_line
    front = source.front_matter
    tab = _TAB_INDENT.search(front) if "\t" in front else None
    if tab is not None:  # the first line indented with a tab
        number = front.count("\n", 0, tab.start())
        raise _fail(source.path, offset + number,
                    "linjen er indrykket med et tabulatortegn. YAML kræver mellemrum: "
                    "erstat tabulatoren med mellemrum.")
    loader = _Loader(source.front_matter)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = offset + (mark.line if mark else 0)
        raise _fail(source.path, line, yaml_message_da(exc)) from None
    except yaml.YAMLError as exc:
        raise _fail(source.path, offset, f"YAML kan ikke læses ({exc}).") from None
    finally:
        loader.dispose()
    if node is None:
        raise _fail(source.path, offset, "front matter er tom. Skriv mindst 'type: ...' og "
                                         "'title: ...' mellem de to linjer med '---'.")
    return node


def yaml_message_da(exc: yaml.MarkedYAMLError) -> str:
    original = " ".join(filter(None, [exc.context, exc.problem]))
    for needle, danish in _YAML_MESSAGES_DA:
        if needle in original:
            return f"YAML-fejl: {danish} ({original})."
    return (f"YAML-fejl: filen kan ikke læses som YAML ({original}). Tjek indrykning, kolon "
            "og anførselstegn på linjen og linjen før.")


def strip_front_matter(text: str) -> str:
    """The body of a Markdown text, whatever its front matter holds (for error previews)."""
    try:
        return split_markdown("", text.replace("\r\n", "\n")).body
    except SourceProblem:
        return text
