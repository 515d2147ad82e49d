"""Links and images that lead nowhere: Danish file:line from check, build and export."""

from __future__ import annotations

import hashlib
from pathlib import Path

from praksis.core.links import references

from conftest import TINY_MKDOCS_YML as MKDOCS_YML
from conftest import TINY_PRACTICE as PRACTICE
from conftest import run_cli, write

INDEX = "---\ntype: page\ntitle: Forside\n---\n\nVelkommen.\n"


def test_references_are_found_outside_code_with_their_lines() -> None:
    body = ("Se [a](x.md#afsnit) og ![b](billeder/y.png \"titel\").\n"
            "`[ikke](kode.md)`\n\n    [heller ikke](indrykket.md)\n\n"
            '<img src="f.png"> [web](https://x.dk) [anker](#a) [mail](mailto:a@b.dk)\n\n'
            "```\n![ikke](blok.png)\n```\n[absolut](/x.md) [r][ref]\n\n[ref]: ../r.md\n")
    found = [(r.target, r.line, r.image) for r in references(body, 10)]
    assert found == [("x.md", 10, False), ("billeder/y.png", 10, True), ("f.png", 15, True),
                     ("../r.md", 20, False)]


def _project(tmp_path: Path, body: str, **extra: str | bytes) -> Path:
    practice = PRACTICE.replace("## Formål", f"## Formål\n\n{body}")
    return write(tmp_path, {"mkdocs.yml": MKDOCS_YML, "content/index.md": INDEX,
                            "content/praksis/tryghedssamtaler.md": practice, **extra})


def test_good_links_and_images_pass(tmp_path: Path) -> None:
    body = ("Se [forsiden](../index.md), [nøglerne](../reference/noegler.md), "
            "[mappen](../praksis/) og ![logo](billeder/logo%20ny.png).")
    project = _project(tmp_path, body, **{"content/praksis/billeder/logo ny.png": b"\x89PNG"})
    result = run_cli("check", cwd=project)
    assert result.exit_code == 0, result.stderr
    assert "link" not in result.stderr and "billede" not in result.stderr


def test_a_missing_page_and_image_fail_check_build_and_export(tmp_path: Path) -> None:
    project = _project(tmp_path, "Se [planen](tryghedsplann.md).\n\n![Logo](billeder/logo.png)")
    result = run_cli("check", cwd=project)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines()
             if line.startswith("content/") and ": note: " not in line]
    assert lines == [
        "content/praksis/tryghedssamtaler.md:24: link: linket 'tryghedsplann.md' fører til en "
        "side eller fil, der ikke findes (content/praksis/tryghedsplann.md). Ret linket, eller "
        "opret filen; stien regnes fra denne fils mappe.",
        "content/praksis/tryghedssamtaler.md:26: billede: billedet 'billeder/logo.png' findes "
        "ikke (content/praksis/billeder/logo.png). Læg billedet i mappen, eller ret stien; "
        "stien regnes fra denne fils mappe."]

    built = run_cli("build", cwd=project)
    assert built.exit_code == 1
    assert "content/praksis/tryghedssamtaler.md:24: link: linket 'tryghedsplann.md'" in (
        built.stderr)
    assert not (project / "build" / "site").exists()

    write(project, {"content/editions/haandbog.yml":
                    "type: edition\ntitle: Håndbog\npublisher: Lindegården\nversion: '1'\n"
                    "date: 2026-01-01\nparts:\n  - title: Alt\n    folder: praksis\n"})
    exported = run_cli("export", "--format", "docx", cwd=project)
    assert exported.exit_code == 1
    assert "content/praksis/tryghedssamtaler.md:26: billede: billedet" in exported.stderr
    assert not (project / "build" / "editions").exists()


def test_a_link_leaving_content_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path, "Se [README](../../README.md).")
    result = run_cli("check", cwd=project)
    assert result.exit_code == 1
    assert ("content/praksis/tryghedssamtaler.md:24: link: linket '../../README.md' peger uden "
            "for indholdsmappen.") in result.stderr


def test_a_broken_link_leaves_the_last_site_as_it_was(tmp_path: Path) -> None:
    project = _project(tmp_path, "Se [forsiden](../index.md).")
    assert run_cli("build", cwd=project).exit_code == 0
    site = project / "build" / "site"
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*")
              if p.is_file()}
    _project(tmp_path, "Se [forsiden](../indeks.md).")
    assert run_cli("build", cwd=project).exit_code == 1
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*")
             if p.is_file()}
    assert after == before
