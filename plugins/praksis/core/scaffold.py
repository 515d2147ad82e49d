"""Scaffolds for ``praksis new``: every key present, each with its Danish help as a comment.

The keys, their order, their help and their example values come from the type's schema
(``Field.example``), so a scaffold always matches what ``praksis check`` expects; the caller
gives only the values that depend on the new document (today, the practice, the instrument).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from .fields import Record


def scaffold_yaml(record: Record, values: Mapping[str, str] | None = None, indent: int = 0,
                  commented: Mapping[str, str] | None = None) -> str:
    """YAML for ``record``: a comment with each key's help, then ``key: value``.

    A key's value is the YAML text in ``values`` (dotted for nested records, e.g.
    ``approval.state``), else its field's ``example``; a nested record with neither is
    written out key by key. ``commented`` holds optional keys written as a comment
    (``# title: "..."``), so the editor sees the key without a ``null`` in the file.
    """
    values = values or {}
    commented = commented or {}
    lines: list[str] = []
    pad = " " * indent
    for name, spec_field in record.fields.items():
        if spec_field.help:
            required = "" if spec_field.required else " (valgfri)"
            for chunk in textwrap.wrap(spec_field.help + required, 88 - indent):
                lines.append(f"{pad}# {chunk}")
        value = values.get(name, spec_field.example)
        if name in commented:
            lines.append(f"{pad}# {name}: {commented[name]}")
        elif value is not None:
            if "\n" in value or value.startswith("- "):
                lines.append(f"{pad}{name}:")
                lines.extend(f"{pad}  {v}" for v in value.split("\n"))
            else:
                lines.append(f"{pad}{name}: {value}")
        elif isinstance(spec_field.spec, Record):
            nested = {k.split(".", 1)[1]: v for k, v in values.items()
                      if k.startswith(f"{name}.")}
            lines.append(f"{pad}{name}:")
            lines.append(scaffold_yaml(spec_field.spec, nested, indent + 2).rstrip("\n"))
        else:
            raise KeyError(f"no example value for {name!r}")
    return "\n".join(lines) + "\n"


def markdown_document(front_matter: str, body: str) -> str:
    return f"---\n{front_matter.rstrip()}\n---\n\n{body.strip()}\n"
