"""Each document type is described once per concern, and the descriptions agree.

The schema (``types/<type>.py``) holds every key, its help and its scaffold example; the
model (``model/``) holds the dataclass; ``build()`` turns a checked record into it. These
tests hold ``build()`` and the dataclass to the schema's keys, so that a key added to one and
not the others fails here instead of vanishing silently.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from praksis.core import frontmatter, load_content
from praksis.core.fields import INVALID, Checker, ListOf, MapOf, Record, check_document
from praksis.core.scaffold import scaffold_yaml
from praksis.core.types import DOCUMENT_TYPES
from praksis.core.types.common import DocumentType

from conftest import SAMPLE_CONTENT

# Keys every document has that its model does not keep as an attribute.
COMMON_KEYS = {"type", "changes"}  # 'changes' lands on Source.changes
# Schema keys kept under another attribute name (a dataclass may not shadow its 'source').
RENAMED = {"source": "origin"}
# Model attributes read from the body, not from the front matter.
FROM_BODY = {"assessment": {"sections"}, "implementation-plan": {"answers"}}


def attributes(doc_type: DocumentType) -> set[str]:
    return {f.name for f in dataclasses.fields(doc_type.model) if f.init} - {"source"}


@pytest.mark.parametrize("doc_type", DOCUMENT_TYPES, ids=lambda t: t.name)
def test_model_has_an_attribute_for_each_key(doc_type: DocumentType) -> None:
    keys = {RENAMED.get(key, key) for key in doc_type.schema.fields} - COMMON_KEYS
    assert attributes(doc_type) - FROM_BODY.get(doc_type.name, set()) == keys


def checked_values(doc_type: DocumentType, path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    split = frontmatter.split_markdown if doc_type.markdown else frontmatter.whole_yaml
    source_file = split(path.name, text)
    ck = Checker(path.name, source_file.front_matter_line)
    values = check_document(frontmatter.compose(source_file), doc_type.schema, ck,
                            doc_type.rules)
    assert values is not INVALID, ck.problems
    assert isinstance(values, dict)
    return values


@pytest.mark.parametrize("doc_type", DOCUMENT_TYPES, ids=lambda t: t.name)
def test_build_keeps_every_key(doc_type: DocumentType) -> None:
    """build() of the type's example document carries every checked value to its attribute:
    the same scalar, a list or mapping of the same length, a nested record built."""
    content = load_content(SAMPLE_CONTENT)
    doc = content.by_path(doc_type.example_path)
    assert type(doc) is doc_type.model
    values = checked_values(doc_type, SAMPLE_CONTENT / doc_type.example_path)
    given = 0
    for key, spec_field in doc_type.schema.fields.items():
        if key in COMMON_KEYS:
            continue
        value, built = values[key], getattr(doc, RENAMED.get(key, key))
        if value is None:
            assert built is None, key
            continue
        given += 1
        if isinstance(spec_field.spec, (ListOf, MapOf)):
            assert len(built) == len(value), key
        elif isinstance(spec_field.spec, Record):
            assert built is not None and not isinstance(built, dict), key
        else:
            assert built == value, key
    assert given >= 3  # the example document gives values, so the loop compared something


# The keys `praksis new` fills in from the command (today, the practice, the instrument), by
# type; every other key of a scaffolded type has its example on its field.
GIVEN_BY_COMMAND = {
    "practice": {"last_reviewed"},
    "assessment": {"instrument", "practice", "date", "participants", "answers", "title"},
    "implementation-plan": {"framework", "practice", "unit", "started", "milestones", "title"},
    "edition": {"organisation", "date", "parts"},
}


@pytest.mark.parametrize("name", sorted(GIVEN_BY_COMMAND))
def test_scaffold_examples_are_on_the_fields(name: str) -> None:
    doc_type = next(t for t in DOCUMENT_TYPES if t.name == name)
    schema = Record(fields={k: f for k, f in doc_type.schema.fields.items()
                            if k not in COMMON_KEYS - {"type"}})
    without_example = {key for key, f in schema.fields.items()
                       if f.example is None and not isinstance(f.spec, Record)}
    assert without_example == GIVEN_BY_COMMAND[name]
    # Given just those, the schema writes a whole scaffold: every key, none missing.
    written = scaffold_yaml(schema, dict.fromkeys(without_example, "x"))
    lines = written.splitlines()
    assert all(any(line.startswith(f"{key}:") for line in lines)
               for key in schema.fields)
