"""The generated reference page: every key of every document type, from the schemas."""

from __future__ import annotations

from ..blocks import (
    Block,
    Blocks,
    Code,
    Column,
    Inlines,
    Table,
    Text,
    inlines,
    join,
    paragraph,
    section,
)
from ..fields import Choice, Field, ListOf, MapOf, Record, ScalarOr, Spec
from ..types import document_types
from .context import Generated, PageContext

REFERENCE_PATH = "reference/noegler.md"
# The editors' corner: outside the readers' navigation, linked from every page's footer.
EDITORS_PATH = "reference/index.md"
EDITORS_PAGE = """---
type: page
title: Til redaktionen
---

Her finder I, der skriver og retter indholdet, opslagsværket til filerne. Læserne ser ikke
siderne i menuen; de er linket nederst på hver side.

- [Nøgler i front matter](noegler.md): alle nøgler i alle slags dokumenter, hvilke der er
  krævet, og hvilke værdier de kan have.
- `praksis check` tjekker alt indhold og skriver hver fejl med fil og linje.
- `praksis serve` viser sitet, mens I skriver; fejl står øverst på siden.
"""


def _kind(spec_field: Field) -> Inlines:
    spec = spec_field.spec
    if isinstance(spec, Choice):
        return (Text("en af: "), *join(((Code(v),) for v in spec.values), ", "))
    if isinstance(spec, ListOf):
        return inlines(f"liste af {spec.item.label}")
    return inlines(spec.label)


def _nested(spec: Spec) -> tuple[Record, str] | None:
    """The record inside a value, and how its keys are written: 'x.', 'x[].', 'x.<nøgle>.'."""
    if isinstance(spec, Record):
        return spec, "."
    if isinstance(spec, ScalarOr):
        return spec.record, "."
    if isinstance(spec, ListOf):
        inner = _nested(spec.item)
        return (inner[0], "[]" + inner[1]) if inner else None
    if isinstance(spec, MapOf):
        inner = _nested(spec.value)
        return (inner[0], ".<nøgle>" + inner[1]) if inner else None
    return None


def _rows(record: Record, prefix: str = "") -> list[tuple[Inlines, ...]]:
    rows: list[tuple[Inlines, ...]] = []
    for name, spec_field in record.fields.items():
        rows.append(((Code(f"{prefix}{name}"),), inlines("ja" if spec_field.required else "nej"),
                     _kind(spec_field), inlines(spec_field.help)))
        nested = _nested(spec_field.spec)
        if nested:
            rows.extend(_rows(nested[0], prefix=f"{prefix}{name}{nested[1]}"))
    return rows


def reference_blocks() -> Blocks:
    parts: list[Block] = [paragraph(
        "Denne side er genereret ud fra de samme regler, som ", Code("praksis check"),
        " bruger. Nøglerne skrives i front matter øverst i filen mellem to linjer med ",
        Code("---"), " (datafiler er ren YAML).")]
    columns = tuple(Column(inlines(h)) for h in ("Nøgle", "Krævet", "Værdi", "Betydning"))
    for doc_type in document_types().values():
        parts.append(section(2, (Text(f"{doc_type.label.capitalize()} ("),
                                 Code(f"type: {doc_type.name}"), Text(")")),
                             paragraph(doc_type.description),
                             Table(columns, tuple(_rows(doc_type.schema)))))
    return tuple(parts)


def reference_page(ctx: PageContext) -> dict[str, str | Generated]:
    return {EDITORS_PATH: EDITORS_PAGE,
            REFERENCE_PATH: Generated("Nøgler i front matter", reference_blocks())}
