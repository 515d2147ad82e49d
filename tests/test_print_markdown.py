"""The site's Markdown (Material and pymdown syntax) rewritten for pandoc, construct by
construct, and what pandoc then reads from it (through the project's one pandoc door).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from praksis.core.blocks import Column, Date, Fact, Facts, Status, Table, Tone, inlines
from praksis.core.editions import PrintSource
from praksis.core.writers import print as print_writer
from praksis.export.errors import ExportError
from praksis.export.pandoc import run_pandoc
from praksis.export.plan import checked_in_defaults
from praksis.export.print_markdown import PrintMarkdownError, to_pandoc_markdown

SOURCE = PrintSource("praksis/tryghedsplan.md", 50,
                     {"praksis/smarte-delmaal.md": "dok-smarte-delmaal"})


def convert(markdown: str, source: PrintSource = SOURCE) -> str:
    return to_pandoc_markdown(markdown, source).markdown


def pandoc_ast(markdown: str, tmp_path: Path) -> list[dict[str, Any]]:
    """What pandoc reads (with the editions' reader settings), as pandoc's JSON blocks."""
    (tmp_path / "in.md").write_text(markdown, encoding="utf-8")
    defaults = checked_in_defaults("docx")
    run_pandoc({"from": defaults["from"], "to": "json", "input-files": ["in.md"],
                "output-file": "out.json"}, tmp_path)
    return json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["blocks"]


# --- Admonitions and collapsible blocks ------------------------------------------------------

def test_admonition_becomes_a_box_with_a_bold_title() -> None:
    site = '!!! tip "Godt at vide"\n    Første linje.\n\n    Andet afsnit med **fed**.\n\nEfter.\n'
    # A fenced div with a Word paragraph style, and a typst call (template.typ) around it.
    assert convert(site) == (
        '::: {.admonition .tip custom-style="Boks"}\n'
        '```{=typst}\n#praksis-box(kind: "tip")[\n```\n\n'
        "**Godt at vide**\n\nFørste linje.\n\nAndet afsnit med **fed**.\n\n"
        "```{=typst}\n]\n```\n:::\n\n\nEfter.\n")


def test_admonition_without_title_is_titled_like_the_site() -> None:
    out = convert("!!! warning\n    Pas på.\n")
    assert out.startswith('::: {.admonition .warning custom-style="Boks"}\n')
    assert "\n**Warning**\n\nPas på.\n" in out


def test_admonition_with_empty_title_has_no_title() -> None:
    out = convert('!!! note ""\n    Uden titel.\n')
    assert "**" not in out and "\nUden titel.\n" in out


@pytest.mark.parametrize("marker", ["???", "???+"])
def test_collapsible_block_is_printed_open(marker: str) -> None:
    out = convert(f'{marker} note "Læs mere"\n    Skjult tekst.\n')
    assert out.startswith('::: {.admonition .note custom-style="Boks"}\n')
    assert "**Læs mere**\n\nSkjult tekst.\n" in out


def test_nested_admonition_and_admonition_in_a_list(tmp_path: Path) -> None:
    site = ('!!! tip "Ydre"\n    Tekst.\n\n    !!! warning "Indre"\n        Indlejret.\n\n'
            '- Punkt\n\n    !!! note "I listen"\n        Tekst i listen.\n')
    blocks = pandoc_ast(convert(site), tmp_path)
    assert [b["t"] for b in blocks] == ["Div", "BulletList"]
    outer = blocks[0]["c"]
    assert outer[0][1] == ["admonition", "tip"]
    inner = [b for b in outer[1] if b["t"] == "Div"]
    assert [d["c"][0][1] for d in inner] == [["admonition", "warning"]]
    item = blocks[1]["c"][0]
    assert [b["t"] for b in item] == ["Para", "Div"]
    assert item[1]["c"][0][1] == ["admonition", "note"]


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


def test_md_in_html_div_becomes_a_fenced_div() -> None:
    site = ('<div class="ramme" markdown="1">\n\n**Mål**\n\n</div>\n\n'
            '<div class="admonition tip" markdown="1">\n\nGodt at vide\n\n</div>\n')
    assert convert(site) == (
        "::: {.ramme}\n\n\n**Mål**\n\n:::\n\n\n"
        '::: {.admonition .tip custom-style="Boks"}\n```{=typst}\n'
        '#praksis-box(kind: "note")[\n```\n\n\n\n'
        "Godt at vide\n\n\n```{=typst}\n]\n```\n:::\n\n")


def test_other_html_is_left_for_pandoc() -> None:
    site = '<p class="x">Afsnit</p>\n\n<div class="y">Alt på én linje</div>\n'
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


def test_links_to_printed_documents_jump_inside_the_edition() -> None:
    site = ("Se [delmål](smarte-delmaal.md) og [platformen](platform-for-indsats.md#model "
            '"Platform"), eller [Socialstyrelsen](https://sbst.dk/a.md).\n')
    # The platform is not in this edition: its link keeps only its text.
    assert convert(site) == ("Se [delmål](#dok-smarte-delmaal) og platformen, eller "
                             "[Socialstyrelsen](https://sbst.dk/a.md).\n")


def test_images_in_tables_and_lists_are_rewritten_too() -> None:
    site = "| Model | Tekst |\n|---|---|\n| ![M](m.png) | x |\n\n- ![N](n.png)\n"
    printed = to_pandoc_markdown(site, SOURCE)
    assert "| ![M](praksis/m.png) | x |" in printed.markdown
    assert "- ![N](praksis/n.png)" in printed.markdown
    assert [i.where for i in printed.images] == ["praksis/tryghedsplan.md:52",
                                                 "praksis/tryghedsplan.md:54"]


# --- What pandoc reads ---------------------------------------------------------------------------

def test_pandoc_reads_every_construct_as_intended(tmp_path: Path) -> None:
    site = ('!!! tip "Godt at vide"\n    Tekst.\n\n'
            '=== "Fane"\n    Fanetekst.\n\n')
    # Computed content comes from the print writer, written in pandoc's own syntax.
    facts = Facts((Fact("Version", (Status("Godkendt", Tone.APPROVED),)),))
    table = Table((Column(inlines("Dato")), Column(inlines("Hvad"))),
                  (((Date(dt.date(2025, 6, 1)),), inlines("Godkendt")),))
    [computed] = print_writer.write((facts, table)).pieces
    assert isinstance(computed, str)
    blocks = pandoc_ast(convert(site) + "\n" + computed, tmp_path)
    kinds = [(b["t"], b["c"][0][1] if b["t"] == "Div" else None) for b in blocks]
    assert kinds == [("Div", ["admonition", "tip"]), ("Div", ["tab"]),
                     ("Div", ["praksis-meta"]), ("Table", None)]
    attributes, admonition = blocks[0]["c"]
    assert attributes[2] == [["custom-style", "Boks"]]          # Word's paragraph style
    assert admonition[0] == {"t": "RawBlock", "c": ["typst", '#praksis-box(kind: "tip")[']}
    assert admonition[1]["c"][0]["t"] == "Strong"              # the bold title
    assert admonition[-1] == {"t": "RawBlock", "c": ["typst", "]"]}
    tab = blocks[1]["c"][1]
    assert tab[0]["c"][0] == {"t": "Strong", "c": [{"t": "Str", "c": "Fane"}]}
    meta_attributes, meta = blocks[2]["c"]
    assert meta_attributes[2] == []                            # no Word style: typst's box
    definition = next(b for b in meta if b["t"] == "DefinitionList")
    assert definition["c"][0][1][0][0]["c"][0]["t"] == "Strong"  # badge -> bold text


def test_pandoc_failure_carries_pandocs_own_message(tmp_path: Path) -> None:
    (tmp_path / "in.md").write_text("Tekst\n", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        run_pandoc({"from": "markdown", "to": "tekstilformat", "input-files": ["in.md"]},
                   tmp_path)
    message = str(caught.value)
    assert message.startswith("pandoc kunne ikke lave tekstilformat")
    assert "Unknown output format tekstilformat" in message
