"""The JSON Schemas for editors come from the validator's specs and accept the sample content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jsonschema
import pytest
import yaml

from praksis.core.jsonschema import all_json_schemas, dumps
from praksis.core.types import document_types

from conftest import ROOT, SAMPLE_CONTENT, run_cli


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("\n---\n", 1)[0].removeprefix("---\n")
    return yaml.safe_load(text)


def _as_typed(value):
    """What an editor's YAML tooling sees: dates are strings in JSON Schema terms."""
    if isinstance(value, dict):
        return {k: _as_typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_typed(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


SAMPLES = sorted(p for p in SAMPLE_CONTENT.rglob("*") if p.suffix in (".md", ".yml"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.relative_to(SAMPLE_CONTENT).as_posix())
def test_schema_accepts_sample_document(path: Path) -> None:
    data = _as_typed(_front_matter(path))
    schema = all_json_schemas()[f"{data['type']}.schema.json"]
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(data, schema)


def test_schema_rejects_what_the_validator_rejects() -> None:
    schema = all_json_schemas()["practice.schema.json"]
    data = _as_typed(_front_matter(SAMPLE_CONTENT / "praksis" / "tryghedsplan.md"))
    for broken in ({**data, "reviewer": "x"}, {**data, "approval": {"state": "godkent"}},
                   {k: v for k, v in data.items() if k != "owner"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_one_schema_per_document_type() -> None:
    assert set(all_json_schemas()) == {f"{name}.schema.json" for name in document_types()}


def test_checked_in_schemas_are_up_to_date() -> None:
    for name, schema in all_json_schemas().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == dumps(schema), (
            f"schemas/{name} is stale: run 'praksis schema schemas'")


def test_schema_command_writes_and_checks(tmp_path: Path) -> None:
    assert run_cli("schema", "--check", str(tmp_path)).exit_code == 1
    assert run_cli("schema", str(tmp_path)).exit_code == 0
    assert run_cli("schema", "--check", str(tmp_path)).exit_code == 0
    assert (tmp_path / "practice.schema.json").is_file()
