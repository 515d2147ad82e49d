"""`praksis new` scaffolds every document type, and each result passes `praksis check`."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli


def test_every_type_scaffolds_a_document_that_passes_check(sample_project: Path) -> None:
    commands = [
        (["new", "practice", "ny-praksis"], "content/praksis/ny-praksis.md"),
        (["new", "assessment", "--practice", "tryghedsplan", "--date", "2026-11-23"],
         "content/vurderinger/tryghedsplan-2026-11-23.md"),
        (["new", "plan", "--practice", "tryghedsplan", "--framework", "signs-of-safety",
          "--unit", "Afdeling Øst, Lindegården"], None),
        (["new", "edition", "ny-haandbog", "--organisation", 'Botilbuddet "Lindegården"'],
         "content/editions/ny-haandbog.yml"),
    ]
    before = set((sample_project / "content").rglob("*"))
    for args, path in commands:
        result = run_cli(*args, cwd=sample_project)
        assert result.exit_code == 0, (args, result.stderr)
        if path:
            assert (sample_project / path).is_file(), path
        check = run_cli("check", "content", cwd=sample_project)
        assert check.exit_code == 0, (args, check.stderr)
    created = set((sample_project / "content").rglob("*")) - before
    assert len([p for p in created if p.is_file()]) == 4
    edition = (sample_project / "content/editions/ny-haandbog.yml").read_text(encoding="utf-8")
    assert 'organisation: "Botilbuddet \\"Lindegården\\""' in edition
    assert "# Udgavens dato" in edition   # every key explained in Danish


def test_new_refuses_to_overwrite_an_edition(sample_project: Path) -> None:
    existing = sample_project / "content/editions/lindegaarden-haandbog.yml"
    before = existing.read_bytes()
    result = run_cli("new", "edition", "lindegaarden-haandbog", cwd=sample_project)
    assert result.exit_code == 1 and "findes allerede" in result.stderr
    assert existing.read_bytes() == before
