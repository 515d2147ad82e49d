"""Characters the PDF's fonts cannot draw: a Danish warning with file:line, never a box.

The PDF uses only the fonts typst ships (Libertinus Serif, New Computer Modern, DejaVu Sans
Mono), so every machine embeds the same. typst falls back between them silently and draws
an empty box for a character none of them has, without a warning. Between them they cover
Latin, Greek, Cyrillic, Hebrew, Arabic, punctuation, arrows, mathematical symbols, box
drawing and most dingbats (checked by rendering); they have no emoji (U+1F000 and up),
no CJK, Indic, Thai or Hangul script. Word uses the reader's own fonts, so only the PDF is
concerned. Right-to-left script in a heading is drawn, but may come out in the wrong order
in the contents and bookmarks: that is a warning too.
"""

from __future__ import annotations

import unicodedata

from ..core.editions import PrintedBody, PrintSource

# Code points at or above U+0900 that the shipped fonts do cover (found by rendering).
_COVERED_ABOVE = ((0x1E00, 0x1FFF),   # Latin Extended Additional, Greek Extended
                  (0x2000, 0x2BFF),   # punctuation, symbols, arrows, maths, shapes, dingbats
                  (0xFB00, 0xFB4F),   # ligatures (ﬁ) and Hebrew presentation forms
                  (0xFE00, 0xFE0F),   # variation selectors (invisible)
                  (0xFE70, 0xFEFF))   # Arabic presentation forms, byte order mark


def is_drawable(char: str) -> bool:
    point = ord(char)
    if point < 0x0900:
        return True
    return any(low <= point <= high for low, high in _COVERED_ABOVE)


def missing_glyphs(markdown: str, source: PrintSource) -> list[str]:
    """A Danish warning per line that has characters the PDF's fonts lack."""
    warnings = []
    for offset, line in enumerate(markdown.split("\n")):
        if line.lstrip().startswith("#") and any(
                unicodedata.bidirectional(c) in ("R", "AL") for c in line):
            warnings.append(f"{source.where(offset)}: overskriften har højre-mod-venstre-skrift "
                            "(fx hebraisk eller arabisk), som kan stå i forkert rækkefølge i "
                            "PDF'ens indholdsfortegnelse og bogmærker. Skriv overskriften med "
                            "latinske bogstaver, og brug den anden skrift i teksten under den.")
        missing = list(dict.fromkeys(c for c in line if not is_drawable(c)))
        if not missing:
            continue
        shown = ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, '').lower()})".replace(
            " )", ")") for c in missing[:5])
        more = f" og {len(missing) - 5} andre" if len(missing) > 5 else ""
        warnings.append(f"{source.where(offset)}: tegnene {shown}{more} findes ikke i "
                        "PDF'ens skrifttyper og ville blive tomme firkanter. Skriv det med "
                        "ord, eller fjern tegnet (emoji, kinesisk, japansk, koreansk og "
                        "indisk skrift kan ikke trykkes).")
    return warnings


def with_glyph_warnings(printed: PrintedBody, markdown: str, source: PrintSource
                        ) -> PrintedBody:
    warnings = missing_glyphs(markdown, source)
    if not warnings:
        return printed
    return PrintedBody(printed.markdown, printed.images, (*printed.warnings, *warnings))
