"""JSON Schemas for editors, generated from the same field specifications the validator uses.

Editors' YAML tooling (yaml-language-server) reads these to complete and check keys while
typing. The validator stays the authority: a schema cannot express every rule (cross-document
references, "approved_by is required when approved"), so it is a helper, never a second copy.
"""

from __future__ import annotations

import json
from typing import Any

from .types import document_types
from .types.common import AnyDocumentType

SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"


def json_schema(doc_type: AnyDocumentType) -> dict[str, Any]:
    schema = doc_type.schema.json_schema()
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"https://praksis.invalid/schemas/{doc_type.name}.schema.json",
        "title": f"praksis: {doc_type.label} (type: {doc_type.name})",
        "description": doc_type.description,
        **schema,
    }


def all_json_schemas() -> dict[str, dict[str, Any]]:
    """{file name: schema} for every registered document type, in registry order."""
    return {f"{name}.schema.json": json_schema(doc_type)
            for name, doc_type in document_types().items()}


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
