"""Scaffolds for ``praksis new``: every key present, each with its Danish help as a comment.

The keys, their order and their help come from the type's schema, so a scaffold always
matches what ``praksis check`` expects; the caller gives example values that pass the check.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from .fields import Record


def scaffold_yaml(record: Record, examples: Mapping[str, str], indent: int = 0,
                  commented: Mapping[str, str] | None = None) -> str:
    """YAML for ``record``: a comment with each key's help, then ``key: example``.

    ``examples`` maps a key (dotted for nested records, e.g. ``approval.state``) to the
    YAML text of its value; a nested record without an example is written out key by key.
    ``commented`` holds optional keys written as a comment (``# title: "..."``), so the
    editor sees the key without a ``null`` in the file.
    """
    commented = commented or {}
    lines: list[str] = []
    pad = " " * indent
    for name, spec_field in record.fields.items():
        if spec_field.help:
            required = "" if spec_field.required else " (valgfri)"
            for chunk in textwrap.wrap(spec_field.help + required, 88 - indent):
                lines.append(f"{pad}# {chunk}")
        if name in commented:
            lines.append(f"{pad}# {name}: {commented[name]}")
        elif name in examples:
            value = examples[name]
            if "\n" in value or value.startswith("- "):
                lines.append(f"{pad}{name}:")
                lines.extend(f"{pad}  {v}" for v in value.split("\n"))
            else:
                lines.append(f"{pad}{name}: {value}")
        elif isinstance(spec_field.spec, Record):
            nested = {k.split(".", 1)[1]: v for k, v in examples.items()
                      if k.startswith(f"{name}.")}
            lines.append(f"{pad}{name}:")
            lines.append(scaffold_yaml(spec_field.spec, nested, indent + 2).rstrip("\n"))
        else:
            raise KeyError(f"no example value for {name!r}")
    return "\n".join(lines) + "\n"


def markdown_document(front_matter: str, body: str) -> str:
    return f"---\n{front_matter.rstrip()}\n---\n\n{body.strip()}\n"
