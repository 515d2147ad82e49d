"""typst, through its Python package: the PDF, and PNG copies of SVG charts for Word.

There is no typst executable here (pandoc's --pdf-engine=typst needs one), so pandoc writes
typst source and ``compile_pdf`` compiles it. Only the fonts typst ships are used (system
fonts are ignored), so every machine embeds the same fonts; a font typst does not know is an
error, not a silent fallback.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

import typst

from .errors import ExportError

# Word shows a PNG of each chart: sharp in print at this resolution.
PNG_PPI = 200


def _message(exc: typst.TypstError) -> str:
    hints = "".join(f"\n  tip: {hint}" for hint in exc.hints)
    return f"{exc.message}{hints}"


def compile_pdf(source: Path, root: Path, timestamp: int | None = None
                ) -> tuple[bytes, list[str]]:
    """The PDF of a typst file, and typst's warnings (unknown fonts are errors)."""
    try:
        pdf, warnings = typst.compile_with_warnings(
            str(source), root=str(root), ignore_system_fonts=True, timestamp=timestamp)
    except typst.TypstError as exc:
        raise ExportError(f"typst kunne ikke lave PDF'en: {_message(exc)}") from None
    unknown_fonts = [w.message for w in warnings if "unknown font" in w.message]
    if unknown_fonts:
        raise ExportError("typst kender ikke en skrifttype, der bruges i udgaven ("
                          + "; ".join(unknown_fonts) + "). Brug en af de skrifttyper, typst "
                          "har indbygget (Libertinus Serif, New Computer Modern, DejaVu Sans "
                          "Mono), i plugins/praksis/export/data/typst.yaml.")
    if not isinstance(pdf, bytes):
        raise ExportError("typst gav ikke en PDF tilbage.")
    return pdf, [w.message for w in warnings]


def svg_to_png(svg: Path, png: Path, ppi: int = PNG_PPI) -> None:
    """Render an SVG to a PNG of its own size (typst embeds resvg: no system library)."""
    source = svg.with_name(svg.name + ".typ")
    source.write_text(f'#set page(width: auto, height: auto, margin: 0pt)\n'
                      f'#image("{_typst_string(svg.name)}")\n', encoding="utf-8")
    try:
        # A list when the page breaks into several (typst's stub says bytes only).
        data: bytes | list[bytes] = typst.compile(str(source), root=str(svg.parent),
                                                  format="png", ppi=ppi,
                                                  ignore_system_fonts=True)
    except typst.TypstError as exc:
        raise ExportError(f"diagrammet {svg.name} kunne ikke laves om til PNG til "
                          f"Word-udgaven: {_message(exc)}") from None
    pages = data if isinstance(data, list) else [data]
    png.write_bytes(with_resolution(pages[0], ppi))


def svgs_to_png(pairs: Sequence[tuple[Path, Path]], root: Path, ppi: int = PNG_PPI) -> None:
    """``svg_to_png`` for many SVGs below ``root`` in one typst run: one page per image, of
    its own size, the same bytes. A run has a fixed cost: one by one, a chart took 18 ms,
    in one run 12 ms, and an edition of 1,000 documents has dozens of charts and QR codes.
    If the run fails, each image is converted on its own, so the message names the image
    at fault."""
    if not pairs:
        return
    pages = "\n#pagebreak()\n".join(
        f'#image("{_typst_string(svg.relative_to(root).as_posix())}")' for svg, _ in pairs)
    source = root / "_praksis-png.typ"
    source.write_text(f"#set page(width: auto, height: auto, margin: 0pt)\n{pages}\n",
                      encoding="utf-8")
    try:
        data: bytes | list[bytes] = typst.compile(str(source), root=str(root), format="png",
                                                  ppi=ppi, ignore_system_fonts=True)
    except typst.TypstError:
        data = []
    finally:
        source.unlink()
    drawn = data if isinstance(data, list) else [data]
    if len(drawn) != len(pairs):
        for svg, png in pairs:
            svg_to_png(svg, png, ppi)
        return
    for (_, png), page in zip(pairs, drawn):
        png.write_bytes(with_resolution(page, ppi))


def _typst_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def with_resolution(png: bytes, ppi: int) -> bytes:
    """The PNG with a pHYs chunk, so Word and pandoc show it at its size, not 96 dpi's."""
    signature, rest = png[:8], png[8:]
    ihdr_length = struct.unpack(">I", rest[:4])[0]
    ihdr_end = 12 + ihdr_length
    per_metre = round(ppi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    without = _drop_chunk(rest[ihdr_end:], b"pHYs")
    return signature + rest[:ihdr_end] + chunk + without


def _drop_chunk(chunks: bytes, kind: bytes) -> bytes:
    out, position = [], 0
    while position < len(chunks):
        length = struct.unpack(">I", chunks[position:position + 4])[0]
        end = position + 12 + length
        if chunks[position + 4:position + 8] != kind:
            out.append(chunks[position:end])
        position = end
    return b"".join(out)
