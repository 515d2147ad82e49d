"""Declarative field specifications, checked directly against YAML nodes.

One specification per document type drives validation (with the line of every value), the
key reference page, the JSON Schemas editors use while typing, and the scaffolds written by
``praksis new``. Keeping them in one place means the four can never disagree.

We walk nodes ourselves rather than use a JSON Schema validator: we need the line of every
value, Danish messages that say how to fix the problem, did-you-mean suggestions, and to
refuse duplicate keys and aliases, none of which a generic validator gives us.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import yaml

from .danish import MONTHS, SLUG_PATTERN
from .problems import Problem, Severity, closest, did_you_mean, quote_list

Key = tuple[str | int, ...]
# A front matter's values as its schema checked them, by key: the YAML boundary. Each value
# is what its field's spec made of the node (text, a date, a tuple, a nested mapping), so
# only the type's own build step, which knows the schema, reads them.
Values = dict[str, Any]

# The YAML tags of the values front matter may hold (the one set for every module).
STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
_KNOWN_TAGS = {STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG, TIMESTAMP_TAG, MAP_TAG, SEQ_TAG}


class Invalid:
    """Marks a value that failed its check (the problem has already been reported)."""

    _instance: Invalid | None = None

    def __new__(cls) -> Invalid:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "INVALID"

    def __bool__(self) -> bool:
        return False


INVALID = Invalid()


def key_text(key: Key) -> str:
    """A key path as editors read it: ``approval.state``, ``goals[2]``, ``answers."1.2"``."""
    out = ""
    for part in key:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            text = f'"{part}"' if ("." in part or " " in part) else part
            out += f".{text}" if out else text
    return out or "front matter"


class Checker:
    """Walks one file's nodes, records the line of every key and collects problems."""

    def __init__(self, path: str, line_offset: int):
        self.path = path
        self.offset = line_offset
        self.problems: list[Problem] = []
        self.lines: dict[Key, int] = {(): line_offset}
        self._visited: set[int] = set()

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.offset

    def line_at(self, key: Key) -> int:
        """The line of a key, or of its nearest parent that has one."""
        while key not in self.lines:
            key = key[:-1]
        return self.lines[key]

    def error(self, key: Key, message: str, line: int | None = None) -> None:
        self._add(key, message, line, Severity.ERROR)

    def warn(self, key: Key, message: str, line: int | None = None) -> None:
        self._add(key, message, line, Severity.WARNING)

    def _add(self, key: Key, message: str, line: int | None, severity: Severity) -> None:
        where = self.line_at(key) if line is None else line
        self.problems.append(Problem(self.path, where, key_text(key), message, severity))

    def enter(self, node: yaml.Node, key: Key) -> bool:
        """False (with an error) if the node was reached before, i.e. through an alias."""
        if id(node) in self._visited:
            self.error(key, "YAML-ankre og -aliaser ('&navn' og '*navn') kan ikke bruges her. "
                            "Skriv værdien ud i stedet.", self.line(node))
            return False
        self._visited.add(id(node))
        if node.tag not in _KNOWN_TAGS:
            self.error(key, f"YAML-mærket '{node.tag}' kan ikke bruges. Fjern det "
                            "('!'-mærket foran værdien).", self.line(node))
            return False
        return True

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


def describe(node: yaml.Node) -> str:
    """What an editor wrote, in Danish: 'en liste', 'et tal (3)', ..."""
    if isinstance(node, yaml.MappingNode):
        return "en samling nøgler"
    if isinstance(node, yaml.SequenceNode):
        return "en liste"
    value = node.value
    short = value if len(value) <= 40 else value[:37] + "..."
    return {
        NULL_TAG: "ingen værdi",
        BOOL_TAG: f"en ja/nej-værdi ({short})",
        INT_TAG: f"et tal ({short})",
        FLOAT_TAG: f"et tal ({short})",
        TIMESTAMP_TAG: f"en dato ({short})",
    }.get(node.tag, f"teksten '{short}'")


class Spec:
    """How one value is checked. Subclasses return the checked value or INVALID."""

    label = "en værdi"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def example(self) -> str:
        """A YAML snippet for scaffolds and the reference page."""
        return "..."

    def _wrong(self, node: yaml.Node, key: Key, ck: Checker, hint: str = "") -> Invalid:
        ck.error(key, f"forventede {self.label}, men fandt {describe(node)}.{hint}", ck.line(node))
        return INVALID


def _scalar(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode)


def _is_null(node: yaml.Node) -> bool:
    return _scalar(node) and node.tag == NULL_TAG


@dataclass(frozen=True)
class Text(Spec):
    """A string. Numbers are read as the text the editor typed ('2.10' stays '2.10')."""

    single_line: bool = False
    label: str = "en tekst"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not _scalar(node) or node.tag in (NULL_TAG, BOOL_TAG):
            hint = " Sæt teksten i anførselstegn." if _scalar(node) and node.tag == BOOL_TAG else ""
            if _scalar(node) and node.tag == NULL_TAG:
                ck.error(key, "mangler en værdi. Skriv teksten efter kolon, eller fjern nøglen.",
                         ck.line(node))
                return INVALID
            return self._wrong(node, key, ck, hint)
        value = node.value.strip()
        if not value:
            ck.error(key, "er tom. Skriv en tekst, eller fjern nøglen.", ck.line(node))
            return INVALID
        if self.single_line and "\n" in value:
            ck.error(key, "skal stå på én linje.", ck.line(node))
            return INVALID
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": ["string", "number"], "minLength": 1}

    def example(self) -> str:
        return '"..."'


@dataclass(frozen=True)
class Slug(Spec):
    """An identifier such as a document id: lowercase letters, digits and hyphens."""

    label: str = "et id (små bogstaver a-z, tal og bindestreger)"
    pattern: str = SLUG_PATTERN
    hint: str = " Æ, ø og å skrives ae, oe og aa."

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not _scalar(node) or node.tag not in (STR_TAG, INT_TAG):
            return self._wrong(node, key, ck)
        if not re.match(self.pattern, node.value):
            ck.error(key, f"'{node.value}' er ikke {self.label}.{self.hint}", ck.line(node))
            return INVALID
        return node.value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": self.pattern}

    def example(self) -> str:
        return "eksempel-id"


@dataclass(frozen=True)
class Integer(Spec):
    minimum: int | None = None
    maximum: int | None = None
    label: str = "et helt tal"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not _scalar(node) or node.tag != INT_TAG:
            return self._wrong(node, key, ck)
        value = int(node.value.replace("_", ""), 0) if node.value.isascii() else None
        if value is None or (self.minimum is not None and value < self.minimum) or (
                self.maximum is not None and value > self.maximum):
            ck.error(key, f"{node.value} er uden for det tilladte interval "
                          f"{self.minimum}-{self.maximum}.", ck.line(node))
            return INVALID
        return value

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema

    def example(self) -> str:
        return str(self.minimum or 1)


_FRACTION = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Points(Spec):
    """A number of points: 1, 0.5 or an exact fraction written as text, '1/3'."""

    label: str = "et pointtal (fx 1, 0.5 eller \"1/3\")"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not _scalar(node):
            return self._wrong(node, key, ck)
        if node.tag in (INT_TAG, FLOAT_TAG):
            try:
                return Fraction(node.value.replace("_", ""))
            except ValueError:
                return self._wrong(node, key, ck)
        match = _FRACTION.match(node.value) if node.tag == STR_TAG else None
        if match and int(match.group(2)) != 0:
            return Fraction(int(match.group(1)), int(match.group(2)))
        return self._wrong(node, key, ck)

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\d+/\d+$"}]}

    def example(self) -> str:
        return "1"


@dataclass(frozen=True)
class Boolean(Spec):
    label: str = "true eller false"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not _scalar(node) or node.tag != BOOL_TAG:
            return self._wrong(node, key, ck)
        return node.value.lower() in ("true", "yes", "on", "y")

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def example(self) -> str:
        return "true"


def parse_date(text: str) -> dt.date | str:
    """A date from 'YYYY-MM-DD', or a Danish reason why not."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text.strip())
    if not match:
        return f"'{text}' er ikke en dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-12."
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return f"'{text}' er ikke en dato: måned {month} findes ikke. Skriv ÅÅÅÅ-MM-DD."
    try:
        return dt.date(year, month, day)
    except ValueError:
        next_month = dt.date(year + month // 12, month % 12 + 1, 1)
        last = (next_month - dt.timedelta(days=1)).day
        return (f"datoen {text} findes ikke: {MONTHS[month - 1]} {year} har kun {last} dage. "
                "Ret dagen.")


@dataclass(frozen=True)
class Date(Spec):
    label: str = "en dato (ÅÅÅÅ-MM-DD)"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not _scalar(node) or node.tag not in (STR_TAG, TIMESTAMP_TAG):
            return self._wrong(node, key, ck, " Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-12.")
        text = node.value.strip()
        if node.tag == TIMESTAMP_TAG and len(text) > 10:
            ck.error(key, f"'{text}' har et klokkeslæt. Skriv kun datoen (ÅÅÅÅ-MM-DD).",
                     ck.line(node))
            return INVALID
        parsed = parse_date(text)
        if isinstance(parsed, str):
            ck.error(key, parsed, ck.line(node))
            return INVALID
        return parsed

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

    def example(self) -> str:
        return dt.date.today().isoformat()


@dataclass(frozen=True)
class Choice(Spec):
    """One of a fixed set of codes; the message lists them and suggests the closest."""

    values: tuple[str, ...] = ()
    label: str = "en af de tilladte værdier"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not _scalar(node) or node.tag in (NULL_TAG,):
            return self._wrong(node, key, ck, f" Tilladte værdier: {quote_list(self.values)}.")
        value = node.value.strip()
        if value not in self.values:
            ck.error(key, f"ukendt værdi '{value}'.{did_you_mean(value, self.values)} "
                          f"Tilladte værdier: {quote_list(self.values)}.", ck.line(node))
            return INVALID
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}

    def example(self) -> str:
        return self.values[0]


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec = field(default_factory=Text)
    min_items: int = 0
    label: str = "en liste"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            if _scalar(node) and node.tag != NULL_TAG:
                return self._wrong(node, key, ck, " Skriv hvert punkt på sin egen linje, "
                                                  "der starter med '- '.")
            return self._wrong(node, key, ck)
        values = []
        for index, item in enumerate(node.value):
            item_key = key + (index,)
            ck.lines[item_key] = ck.line(item)
            if ck.enter(item, item_key):
                values.append(self.item.check(item, item_key, ck))
        if len(node.value) < self.min_items:
            ck.error(key, f"listen skal have mindst {self.min_items} punkt(er).", ck.line(node))
            return INVALID
        if any(v is INVALID for v in values):
            return INVALID
        return tuple(values)

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema

    def example(self) -> str:
        return f"[{self.item.example()}]"


@dataclass(frozen=True)
class Field:
    """A key of a record: its specification, whether it is required, and Danish help."""

    spec: Spec
    required: bool = True
    help: str = ""
    default: Any = None
    # The YAML text `praksis new` writes for this key: a value that passes the check (often a
    # Danish "write ... here"). None: the scaffold gives it (today, an id), or a nested record
    # is written key by key.
    example: str | None = None


def _mapping_pairs(node: yaml.MappingNode, key: Key, ck: Checker
                   ) -> list[tuple[str, yaml.Node, int]]:
    """The (key, value node, line) pairs of a mapping, refusing duplicate and odd keys."""
    pairs: list[tuple[str, yaml.Node, int]] = []
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = ck.line(key_node)
        if not _scalar(key_node) or key_node.tag == NULL_TAG:
            ck.error(key, "en nøgle skal være en enkel tekst (fx 'title').", line)
            continue
        name = key_node.value
        if name == "<<":
            ck.error(key, "YAML-fletning ('<<') kan ikke bruges. Skriv nøglerne ud.", line)
            continue
        if name in first_line:
            ck.error(key + (name,), f"nøglen '{name}' står to gange (også i linje "
                                    f"{first_line[name]}). YAML ville stille og roligt smide den "
                                    "første værdi væk. Slet den ene, eller flet dem sammen.", line)
            continue
        first_line[name] = line
        pairs.append((name, value_node, line))
    return pairs


@dataclass(frozen=True)
class Record(Spec):
    """A mapping with a fixed set of keys; unknown keys are errors with a did-you-mean."""

    fields: Mapping[str, Field] = field(default_factory=dict)
    label: str = "en samling nøgler (nøgle: værdi)"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self._wrong(node, key, ck, " Skriv 'nøgle: værdi' på hver sin linje.")
        values: dict[str, Any] = {}
        failed = False
        misspelt: set[str] = set()
        for name, value_node, line in _mapping_pairs(node, key, ck):
            child = key + (name,)
            ck.lines[child] = line
            spec_field = self.fields.get(name)
            if spec_field is None:
                suggestion = closest(name, self.fields)
                if suggestion:
                    misspelt.add(suggestion)
                    hint = f" Mente du '{suggestion}'?"
                else:
                    hint = f" Tilladte nøgler her: {', '.join(self.fields)}."
                ck.error(child, f"ukendt nøgle '{name}'.{hint}", line)
                failed = True
                continue
            if not ck.enter(value_node, child):
                failed = True
                continue
            if not spec_field.required and _is_null(value_node):
                continue  # 'key: null' or 'key:' on an optional key means "not given"
            value = spec_field.spec.check(value_node, child, ck)
            failed |= value is INVALID
            values[name] = value
        for name, spec_field in self.fields.items():
            if name in values or name in misspelt or any(
                    p.key == key_text(key + (name,)) for p in ck.problems):
                continue  # present, already reported, or misspelt (reported as unknown)
            if spec_field.required:
                help_text = f" ({spec_field.help.rstrip('.')})" if spec_field.help else ""
                ck.error(key + (name,), f"nøglen '{name}' mangler{help_text}. Tilføj fx "
                                        f"'{name}: {spec_field.spec.example()}'.", ck.line(node))
                failed = True
            else:
                values[name] = spec_field.default
        return INVALID if failed else values

    def json_schema(self) -> dict[str, Any]:
        properties = {}
        for name, spec_field in self.fields.items():
            schema = dict(spec_field.spec.json_schema())
            if spec_field.help:
                schema["description"] = spec_field.help
            properties[name] = schema
        return {
            "type": "object",
            "properties": properties,
            "required": [n for n, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping whose keys are chosen by the editor (question ids, milestone ids, ...).

    ``keys`` checks the key names; pass a callable that returns a Danish message for an
    unknown key, so the caller can offer a did-you-mean from its own data.
    """

    value: Spec = field(default_factory=Text)
    key_pattern: str = r"^.+$"
    key_label: str = "en nøgle"
    label: str = "en samling nøgler (nøgle: værdi)"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self._wrong(node, key, ck)
        values: dict[str, Any] = {}
        failed = False
        for name, value_node, line in _mapping_pairs(node, key, ck):
            child = key + (name,)
            ck.lines[child] = line
            if not re.match(self.key_pattern, name):
                ck.error(child, f"'{name}' er ikke {self.key_label}.", line)
                failed = True
                continue
            if not ck.enter(value_node, child):
                failed = True
                continue
            value = self.value.check(value_node, child, ck)
            failed |= value is INVALID
            values[name] = value
        return INVALID if failed else values

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": {"pattern": self.key_pattern},
            "additionalProperties": self.value.json_schema(),
        }


@dataclass(frozen=True)
class ScalarOr(Spec):
    """Either a short form (one scalar) or the long form (a record).

    The short form is stored under ``short_key`` of the record, so later code sees one shape:
    ``"1.2": delvist`` equals ``"1.2": {answer: delvist}``.
    """

    short: Spec = field(default_factory=Text)
    record: Record = field(default_factory=Record)
    short_key: str = "value"
    label: str = "en værdi eller en samling nøgler"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self.record.check(node, key, ck)
        if _scalar(node):
            value = self.short.check(node, key, ck)
            if value is INVALID:
                return INVALID
            full = {name: f.default for name, f in self.record.fields.items()}
            full[self.short_key] = value
            return full
        return self._wrong(node, key, ck)

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [self.short.json_schema(), self.record.json_schema()]}


Rule = Callable[[Values, Checker], None]


def check_document(node: yaml.Node, schema: Record, ck: Checker,
                   rules: Sequence[Rule] = ()) -> Values | Invalid:
    """Check a whole front matter against a record schema, then the type's own rules."""
    if not ck.enter(node, ()):
        return INVALID
    values: Values | Invalid = schema.check(node, (), ck)
    if isinstance(values, Invalid):
        return INVALID
    for rule in rules:
        rule(values, ck)
    return INVALID if ck.has_errors else values
