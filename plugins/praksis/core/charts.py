"""A radar chart of element scores as a static SVG, written by hand (no plotting library).

The same SVG goes inline into the site and, as a file, into the printed editions, so it is
made for both: black text and lines on a white background (readable in print and in the dark
theme), no meaning carried by colour alone, a <title> and <desc> for screen readers, and
elements without a score drawn as missing (dashed axis, '(mangler)') with a note.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from fractions import Fraction
from html import escape

from .fragments import decimal
from .scoring import format_score

WIDTH = 780
HEIGHT = 600
RADIUS = 190
CENTRE = (WIDTH / 2, 290)
RINGS = (0.25, 0.5, 0.75, 1.0)
FONT = 'font-family="Helvetica, Arial, sans-serif"'
# Labels longer than this are wrapped at a space so the chart stays narrow enough for A4.
WRAP_AT = 18
LINE_HEIGHT = 15

# (label, score): a score between 0 and 1 as a float or an exact Fraction, None when missing.
ChartScore = tuple[str, float | Fraction | None]


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    """Axis ``index`` of ``count`` (the first at the top, clockwise) at ``value`` (0-1)."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return (CENTRE[0] + RADIUS * value * math.cos(angle),
            CENTRE[1] + RADIUS * value * math.sin(angle))


def _xy(point: tuple[float, float]) -> str:
    return f"{point[0]:.1f},{point[1]:.1f}"


def _wrap(label: str) -> list[str]:
    if len(label) <= WRAP_AT or " " not in label:
        return [label]
    cut = label.rfind(" ", 0, WRAP_AT + 1)
    cut = cut if cut > 0 else label.find(" ")
    return [label[:cut], label[cut + 1:]]


def _label(index: int, count: int, label: str, missing: bool) -> str:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    x, y = _point(index, count, 1.0)
    x += 12 * math.cos(angle)
    y += 12 * math.sin(angle)
    anchor = "start" if math.cos(angle) > 0.25 else "end" if math.cos(angle) < -0.25 else "middle"
    lines = _wrap(label) + (["(mangler)"] if missing else [])
    # Labels above the chart grow upwards, those below downwards, the rest sit centred.
    if math.sin(angle) < -0.5:
        top = y - LINE_HEIGHT * (len(lines) - 1) - 2
    elif math.sin(angle) > 0.5:
        top = y + 12
    else:
        top = y + 4 - LINE_HEIGHT / 2 * (len(lines) - 1)
    spans = []
    for number, text in enumerate(lines):
        style = ' font-style="italic"' if missing and number == len(lines) - 1 else ""
        spans.append(f'<tspan x="{x:.1f}" y="{top + LINE_HEIGHT * number:.1f}"{style}>'
                     f"{escape(text)}</tspan>")
    return f'<text text-anchor="{anchor}" font-size="13" fill="#000">{"".join(spans)}</text>'


def _description(scores: Sequence[ChartScore]) -> str:
    parts = [f"{label}: {format_score(Fraction(value))}" if value is not None
             else f"{label}: mangler (ikke alle spørgsmål besvaret)" for label, value in scores]
    return ("Radardiagram med en akse pr. element fra 0 i midten til 1 yderst. "
            + "; ".join(parts) + ".")


def radar_svg(scores: Sequence[ChartScore], title: str = "Score pr. element",
              description: str | None = None, id_prefix: str = "praksis-radar") -> str:
    """An SVG radar chart of ``(label, score or None)`` pairs, scores between 0 and 1.

    Pure: the same input gives the same text, so it can be compared in tests and written to a
    file for print. ``id_prefix`` keeps element ids unique when a page has several charts.
    """
    count = len(scores)
    desc = description if description is not None else _description(scores)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" {FONT}>',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(desc)}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
    ]
    if count == 0:
        parts.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" '
                     'font-size="14" fill="#000">Ingen elementer at vise.</text></svg>')
        return "\n".join(parts)
    missing = [value is None for _, value in scores]
    for ring in RINGS:
        ring_points = " ".join(_xy(_point(i, count, ring)) for i in range(count))
        parts.append(f'<polygon points="{ring_points}" fill="none" stroke="#000" '
                     f'stroke-opacity="{0.6 if ring == 1.0 else 0.25}" stroke-width="1"/>')
        x, y = _point(0, count, ring)
        # A white outline keeps the ring value readable where the data line crosses it.
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="11" fill="#000" '
                     'stroke="#fff" stroke-width="3" style="paint-order: stroke">'
                     f"{decimal(ring, 2).rstrip('0').rstrip(',')}</text>")
    for index in range(count):
        dash = ' stroke-dasharray="4 4"' if missing[index] else ""
        end = _point(index, count, 1.0)
        parts.append(f'<line x1="{CENTRE[0]:.1f}" y1="{CENTRE[1]:.1f}" x2="{end[0]:.1f}" '
                     f'y2="{end[1]:.1f}" stroke="#000" stroke-opacity="0.45" '
                     f'stroke-width="1"{dash}/>')
        parts.append(_label(index, count, scores[index][0], missing[index]))
    points = [_point(i, count, float(value)) if value is not None else None
              for i, (_, value) in enumerate(scores)]
    if not any(missing):
        parts.append(f'<polygon points="{" ".join(_xy(p) for p in points if p)}" '
                     'fill="#000" fill-opacity="0.12" stroke="#000" stroke-width="2.5"/>')
    else:
        # Only neighbours that both have a score are joined: a line through a missing
        # element would suggest a value that is not there.
        for index in range(count if count > 2 else count - 1):
            here, after = points[index], points[(index + 1) % count]
            if here and after:
                parts.append(f'<line x1="{here[0]:.1f}" y1="{here[1]:.1f}" x2="{after[0]:.1f}" '
                             f'y2="{after[1]:.1f}" stroke="#000" stroke-width="2.5"/>')
    for point in points:
        if point:
            parts.append(f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="4.5" fill="#000"/>')
    if any(missing):
        names = ", ".join(label for (label, _), gap in zip(scores, missing) if gap)
        note = textwrap.wrap(f"Mangler score (ikke alle spørgsmål besvaret): {names}.", 100)
        spans = "".join(f'<tspan x="20" y="{HEIGHT - 16 - LINE_HEIGHT * (len(note) - 1 - n)}">'
                        f"{escape(text)}</tspan>" for n, text in enumerate(note))
        parts.append(f'<text font-size="12" fill="#000">{spans}</text>')
    parts.append("</svg>")
    return "\n".join(parts)
