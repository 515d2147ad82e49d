"""Heading anchors keep Danish letters, as pandoc's do, and `praksis check` warns about a
hand-written link to an anchor that no longer exists."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypandoc
import pytest

from praksis.core.anchors import anchors, slugify

from conftest import run_cli

HEADINGS = ["Sådan gør vi", "Målgruppe", "3.2 Teori og viden", 'Børn & unge: "trygt" (0-17 år)',
            "Æbler, Øl og Ålborg", "1. Kortlægning", "Ord_og-billeder.v2", "Élan — naïve café",
            "Roller og ansvar", "Dokumentation og opfølgning", "SMARTe delmål", "42", "---"]


def test_slugify_is_pandocs_rule() -> None:
    markdown = "\n\n".join(f"## {heading}" for heading in HEADINGS)
    result = subprocess.run([pypandoc.get_pandoc_path(), "-f", "markdown", "-t", "html"],
                            input=markdown, capture_output=True, text=True, check=True)
    ids = re.findall(r'<h2 id="([^"]*)"', result.stdout)
    assert len(ids) == len(HEADINGS)
    # pandoc makes repeated ids unique with -1 ('section', 'section-1'); compare the bases.
    assert [slugify(h) for h in HEADINGS] == [re.sub(r"-1$", "", i) if i == "section-1" else i
                                              for i in ids]
    assert slugify("Sådan gør vi") == "sådan-gør-vi"


def test_anchors_of_a_body() -> None:
    body = ("## Sådan gør vi\n\n## **Fed** og `kode`\n\n## Titel {#eget-id}\n\n"
            "## Målgruppe\n\n## Målgruppe\n\n<span id=\"mærke\"></span>\n")
    assert anchors(body) == {"sådan-gør-vi", "fed-og-kode", "eget-id", "målgruppe",
                             "målgruppe_1", "mærke"}


def test_site_uses_the_same_anchors(sample_site_html: str) -> None:
    assert 'id="sådan-gør-vi"' in sample_site_html
    assert 'id="sadan-gr-vi"' not in sample_site_html


@pytest.fixture
def sample_site_html(sample_project: Path) -> str:
    result = run_cli("build", "--site-dir", str(sample_project / "site"), cwd=sample_project)
    assert result.exit_code == 0, result.stderr
    return (sample_project / "site/praksis/samarbejde-om-sikkerhed/index.html").read_text("utf-8")


def _add_links(project: Path, lines: list[str]) -> Path:
    page = project / "content/praksis/tryghedsplan.md"
    text = page.read_text("utf-8")
    head, body = text.split("\n---\n", 1)
    page.write_text(head + "\n---\n" + "\n\n".join(lines) + "\n\n" + body, "utf-8")
    return page


def test_check_warns_about_a_link_to_a_missing_anchor(sample_project: Path) -> None:
    page = _add_links(sample_project, [
        "Se [hvordan](samarbejde-om-sikkerhed.md#sadan-gr-vi).",        # the old, ASCII anchor
        "Se [hvordan](samarbejde-om-sikkerhed.md#sådan-gør-vi).",       # fine
        "Se [scoren](../vurderinger/samarbejde-om-sikkerhed-2026-03-12.md#score-pr.-element).",
        "Se [her](#findes-ikke).",                                       # same page
        "Se [milepælene](../implementering/oversigt.md#noget).",          # a generated page
    ])
    head_lines = page.read_text("utf-8").split("\n---\n", 1)[0].count("\n") + 2
    result = run_cli("check", "content", cwd=sample_project)
    assert result.exit_code == 0, result.stderr  # warnings do not fail the check
    warnings = [line for line in result.stderr.splitlines() if ": link: " in line]
    assert warnings == [
        f"content/praksis/tryghedsplan.md:{head_lines + 1}: link: advarsel: afsnittet "
        "'#sadan-gr-vi' findes ikke på praksis/samarbejde-om-sikkerhed.md (linket "
        "'samarbejde-om-sikkerhed.md#sadan-gr-vi'). Ret linket til en overskrift, der findes, "
        "eller fjern '#sadan-gr-vi'. Mente du 'sådan-gør-vi'?",
        f"content/praksis/tryghedsplan.md:{head_lines + 7}: link: advarsel: afsnittet "
        "'#findes-ikke' findes ikke på denne side (linket '#findes-ikke'). Ret linket til en "
        "overskrift, der findes, eller fjern '#findes-ikke'.",
    ], result.stderr
    strict = run_cli("check", "content", "--strict", cwd=sample_project)
    assert strict.exit_code == 1
