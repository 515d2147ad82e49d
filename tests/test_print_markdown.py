"""The site's Markdown (Material and pymdown syntax) rewritten for pandoc, construct by
construct, and what pandoc then reads from it (through the project's one pandoc door and the
print Lua filter).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from praksis.core.charts import radar_svg
from praksis.core.editions import PrintSource
from praksis.export.errors import ExportError
from praksis.export.pandoc import run_pandoc
from praksis.export.plan import checked_in_defaults, data_path
from praksis.export.print_markdown import (GENERATED_FOLDER, PrintMarkdownError,
                                           to_pandoc_markdown)

SOURCE = PrintSource("praksis/tryghedsplan.md", 50,
                     {"praksis/smarte-delmaal.md": "dok-smarte-delmaal"})


def convert(markdown: str, source: PrintSource = SOURCE) -> str:
    return to_pandoc_markdown(markdown, source).markdown


def pandoc_ast(markdown: str, tmp_path: Path) -> list[dict[str, Any]]:
    """What pandoc reads (with the print filter), as pandoc's JSON blocks."""
    (tmp_path / "in.md").write_text(markdown, encoding="utf-8")
    defaults = checked_in_defaults("docx")
    # The filter's rewrites that do not depend on the output format show in pandoc's JSON.
    run_pandoc({"from": defaults["from"], "to": "json", "input-files": ["in.md"],
                "output-file": "out.json", "filters": [str(data_path("print.lua"))]},
               tmp_path)
    return json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["blocks"]


# --- Admonitions and collapsible blocks ------------------------------------------------------

def test_admonition_becomes_a_fenced_div_with_a_bold_title() -> None:
    site = '!!! tip "Godt at vide"\n    Første linje.\n\n    Andet afsnit med **fed**.\n\nEfter.\n'
    assert convert(site) == ("::: {.admonition .tip}\n**Godt at vide**\n\nFørste linje.\n\n"
                             "Andet afsnit med **fed**.\n:::\n\n\nEfter.\n")


def test_admonition_without_title_is_titled_like_the_site() -> None:
    assert convert("!!! warning\n    Pas på.\n").startswith(
        "::: {.admonition .warning}\n**Warning**\n\nPas på.\n:::")


def test_admonition_with_empty_title_has_no_title() -> None:
    assert convert('!!! note ""\n    Uden titel.\n') == (
        "::: {.admonition .note}\nUden titel.\n:::\n\n")


@pytest.mark.parametrize("marker", ["???", "???+"])
def test_collapsible_block_is_printed_open(marker: str) -> None:
    site = f'{marker} note "Læs mere"\n    Skjult tekst.\n'
    assert convert(site) == "::: {.admonition .note}\n**Læs mere**\n\nSkjult tekst.\n:::\n\n"


def test_nested_admonition_and_admonition_in_a_list() -> None:
    site = ('!!! tip "Ydre"\n    Tekst.\n\n    !!! warning "Indre"\n        Indlejret.\n\n'
            '- Punkt\n\n    !!! note "I listen"\n        Tekst i listen.\n')
    out = convert(site)
    assert "::: {.admonition .tip}\n**Ydre**\n\nTekst.\n\n::: {.admonition .warning}\n" \
           "**Indre**\n\nIndlejret.\n:::\n" in out
    assert "- Punkt\n\n    ::: {.admonition .note}\n    **I listen**\n\n    Tekst i listen.\n" \
           "    :::" in out


def test_marker_in_code_is_left_alone() -> None:
    site = '```\n!!! tip "ikke en boks"\n```\n\n    !!! note "kodeblok"\n'
    assert convert(site) == site


# --- Content tabs ------------------------------------------------------------------------------

def test_tabs_become_a_sequence_with_bold_titles() -> None:
    site = ('=== "Beboeren"\n    Sådan gør beboeren.\n\n=== "Medarbejderen"\n'
            '    | Hvem | Hvad |\n    |---|---|\n    | Kontaktperson | Samtale |\n')
    assert convert(site) == (
        "::: {.tab}\n**Beboeren**\n\nSådan gør beboeren.\n:::\n\n\n"
        "::: {.tab}\n**Medarbejderen**\n\n| Hvem | Hvad |\n|---|---|\n"
        "| Kontaktperson | Samtale |\n:::\n\n")


def test_tab_marker_needs_a_quoted_title() -> None:
    assert convert("=== uden anførselstegn\n") == "=== uden anførselstegn\n"


# --- Headings and attribute lists ------------------------------------------------------------

def test_headings_move_one_level_down_and_lose_attribute_lists() -> None:
    site = "## Formål { #formaal .vigtig }\n\n### Detaljer ###\n\nSetext\n------\n"
    assert convert(site) == "### Formål\n\n#### Detaljer\n\n### Setext\n"


def test_attribute_lists_on_paragraphs_and_links_are_dropped() -> None:
    site = "Et afsnit.\n{: .lead }\n\n[Knap](https://example.org){ .md-button }\n"
    assert convert(site) == "Et afsnit.\n\n\n[Knap](https://example.org)\n"


def test_braces_that_are_not_attributes_stay() -> None:
    assert convert("Mængden {a, b} og {x}.\n") == "Mængden {a, b} og {x}.\n"


def test_md_in_html_div_reaches_pandoc_unchanged() -> None:
    site = '<div class="praksis-meta" markdown="1">\n\nEnhed\n:   Lindegården\n\n</div>\n'
    assert convert(site) == site


# --- Images, charts and links ------------------------------------------------------------------

def test_images_get_content_relative_paths_and_keep_their_size() -> None:
    printed = to_pandoc_markdown('![Model](billeder/model.svg){ width="60%" }\n', SOURCE)
    assert printed.markdown == "![Model](praksis/billeder/model.svg){width=\"60%\"}\n"
    assert [(i.path, i.where, i.data) for i in printed.images] == [
        ("praksis/billeder/model.svg", "praksis/tryghedsplan.md:50", None)]


def test_image_outside_content_is_an_error_with_file_and_line() -> None:
    with pytest.raises(PrintMarkdownError) as caught:
        to_pandoc_markdown("Tekst.\n\n![Hemmelig](../../hemmelig.png)\n", SOURCE)
    assert str(caught.value).startswith(
        "praksis/tryghedsplan.md:52: billedet '../../hemmelig.png' ligger uden for content/.")


def test_remote_image_becomes_a_link() -> None:
    printed = to_pandoc_markdown("![Logo](https://example.org/logo.png)\n", SOURCE)
    assert printed.markdown == "[Logo](https://example.org/logo.png)\n"
    assert printed.images == ()


def test_inline_svg_chart_becomes_an_image_file() -> None:
    svg = radar_svg([("1. Teori", 0.8), ("2. Virkning", 0.5), ("3. Mål", None)])
    figure = (f'<figure class="praksis-chart">\n{svg}\n<figcaption>Score pr. element &amp; '
              "mål.</figcaption>\n</figure>\n")
    printed = to_pandoc_markdown(f"Før.\n\n{figure}\nEfter.\n",
                                 PrintSource("vurderinger/a.md", None, {}))
    (image,) = printed.images
    assert image.path.startswith(f"{GENERATED_FOLDER}/") and image.path.endswith(".svg")
    assert image.data == svg.encode("utf-8")
    assert image.where == "vurderinger/a.md (beregnet afsnit)"
    assert printed.markdown == (f"Før.\n\n![Score pr. element & mål.]({image.path})"
                                "{width=100%}\n\n\nEfter.\n")


def test_links_to_printed_documents_jump_inside_the_edition() -> None:
    site = "Se [delmål](smarte-delmaal.md) og [platformen](platform-for-indsats.md#model).\n"
    assert convert(site) == ("Se [delmål](#dok-smarte-delmaal) og "
                             "[platformen](platform-for-indsats.md#model).\n")


# --- What pandoc reads, with the print filter ----------------------------------------------

def test_pandoc_reads_every_construct_as_intended(tmp_path: Path) -> None:
    site = ('!!! tip "Godt at vide"\n    Tekst.\n\n'
            '=== "Fane"\n    Fanetekst.\n\n'
            '<div class="praksis-meta" markdown="1">\n\nVersion\n:   '
            '<span class="praksis-badge praksis-badge--godkendt">Godkendt</span>\n\n</div>\n\n'
            'Status: <progress class="praksis-progress" value="0.5" max="1">50 %</progress> 50 %\n\n'
            "Se [andet](andet.md).\n")
    blocks = pandoc_ast(convert(site), tmp_path)
    kinds = [(b["t"], b["c"][0][1] if b["t"] == "Div" else None) for b in blocks]
    assert kinds == [("Div", ["admonition", "tip"]), ("Div", ["tab"]),
                     ("Div", ["praksis-meta"]), ("Para", None), ("Para", None)]
    admonition = blocks[0]["c"][1]
    assert admonition[0]["c"][0]["t"] == "Strong"            # the bold title
    meta = blocks[2]
    assert ("markdown", "1") not in [tuple(kv) for kv in meta["c"][0][2]]
    definition = meta["c"][1][0]
    assert definition["t"] == "DefinitionList"
    badge = definition["c"][0][1][0][0]["c"][0]
    assert badge["t"] == "Strong"                             # badge span -> bold text
    status = json.dumps(blocks[3])
    assert status.count('"50"') == 1                          # <progress> and its copy gone
    link_paragraph = blocks[4]["c"]
    assert all(item["t"] != "Link" for item in link_paragraph)  # .md link keeps its text only


def test_pandoc_failure_carries_pandocs_own_message(tmp_path: Path) -> None:
    (tmp_path / "in.md").write_text("Tekst\n", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        run_pandoc({"from": "markdown", "to": "tekstilformat", "input-files": ["in.md"]},
                   tmp_path)
    message = str(caught.value)
    assert message.startswith("pandoc kunne ikke lave tekstilformat")
    assert "Unknown output format tekstilformat" in message
