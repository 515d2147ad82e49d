"""Charts as static SVG, written by hand (no plotting library): the radar chart of element
scores (with the previous assessment beside the current one) and a small line chart of a
value over time (a plan's progress, a practice's mean score).

The same SVG goes inline into the site and, as a file, into the printed editions, so it is
made for both: every line and text is ``currentColor`` on a transparent background, with
``color="#000"`` on the root, so a printed file is black on white, while the site's CSS sets
the colour to the theme's text colour (the dark theme gets light lines, not a white box).
Nothing is told by colour alone (solid and dashed lines, filled and open points), each chart
has a <title> and <desc> for screen readers, and elements without a score are drawn as missing
(dashed axis, '(mangler)') with a note. The radar also carries its element numbers as short
labels, which the site shows instead of the long ones on a phone (class
``praksis-radar-short``), where the long labels would be a few pixels high.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from fractions import Fraction
from html import escape

from .danish import decimal

WIDTH = 780
HEIGHT = 600
RADIUS = 190
CENTRE = (WIDTH / 2, 290)
RINGS = (0.25, 0.5, 0.75, 1.0)
FONT = 'font-family="Helvetica, Arial, sans-serif"'
INK = "currentColor"
# The outline behind a number where a line crosses it: the page's background. White in print;
# the site's CSS sets it to the theme's background (class praksis-halo).
HALO = 'class="praksis-halo" stroke="#fff"'
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
    return f'<text text-anchor="{anchor}" font-size="13" fill="{INK}">{"".join(spans)}</text>'


def _description(scores: Sequence[ChartScore]) -> str:
    parts = [f"{label}: {decimal(Fraction(value))}" if value is not None
             else f"{label}: mangler (ikke alle spørgsmål besvaret)" for label, value in scores]
    return ("Radardiagram med en akse pr. element fra 0 i midten til 1 yderst. "
            + "; ".join(parts) + ".")


def _series_shape(points: list[tuple[float, float] | None], count: int, solid: bool) -> list[str]:
    """One assessment's scores: a closed shape when every element has a score, else only the
    segments between neighbours that both have one (a line through a missing element would
    suggest a value that is not there). Solid and filled points for the current assessment,
    dashed with open points for the previous one: told apart in greyscale print too."""
    style = (f'stroke="{INK}" stroke-width="2.5"' if solid else
             f'stroke="{INK}" stroke-width="2" stroke-dasharray="7 5"')
    parts = []
    if all(points):
        fill = f'fill="{INK}" fill-opacity="0.12"' if solid else 'fill="none"'
        parts.append(f'<polygon points="{" ".join(_xy(p) for p in points if p)}" {fill} '
                     f'{style}/>')
    else:
        for index in range(count if count > 2 else count - 1):
            here, after = points[index], points[(index + 1) % count]
            if here and after:
                parts.append(f'<line x1="{here[0]:.1f}" y1="{here[1]:.1f}" x2="{after[0]:.1f}" '
                             f'y2="{after[1]:.1f}" {style}/>')
    for point in points:
        if point and solid:
            parts.append(f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="4.5" '
                         f'fill="{INK}"/>')
        elif point:
            parts.append(f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="4" fill="none" '
                         f'stroke="{INK}" stroke-width="1.5"/>')
    return parts


def _short_label(index: int, count: int, label: str) -> str:
    """The element number alone, large: what a phone shows instead of the long label."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    x, y = _point(index, count, 1.0)
    x += 26 * math.cos(angle)
    y += 26 * math.sin(angle) + 10
    number = label.split(".", 1)[0].strip() or label
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="30" '
            f'font-weight="bold" fill="{INK}">{escape(number)}</text>')


def _legend(current: str, previous: str) -> str:
    return "".join([
        f'<g class="praksis-radar-legend" font-size="14" fill="{INK}">',
        f'<line x1="16" y1="22" x2="56" y2="22" stroke="{INK}" stroke-width="2.5"/>',
        f'<circle cx="36" cy="22" r="4.5" fill="{INK}"/>',
        f'<text x="64" y="27">{escape(current)}</text>',
        f'<line x1="16" y1="48" x2="56" y2="48" stroke="{INK}" stroke-width="2" '
        'stroke-dasharray="7 5"/>',
        f'<circle cx="36" cy="48" r="4" fill="none" stroke="{INK}" stroke-width="1.5"/>',
        f'<text x="64" y="53">{escape(previous)}</text>',
        "</g>",
    ])


def radar_svg(scores: Sequence[ChartScore], title: str = "Score pr. element",
              description: str | None = None, id_prefix: str = "praksis-radar",
              previous: Sequence[ChartScore] | None = None,
              legend: tuple[str, str] = ("Denne vurdering", "Forrige vurdering")) -> str:
    """An SVG radar chart of ``(label, score or None)`` pairs, scores between 0 and 1.

    ``previous`` (the same elements, from the previous assessment) is drawn dashed with open
    points beside the current solid shape, with a legend naming both (``legend``).
    Pure: the same input gives the same text, so it can be compared in tests and written to a
    file for print. ``id_prefix`` keeps element ids unique when a page has several charts.
    """
    count = len(scores)
    desc = description if description is not None else _description(scores)
    if previous is not None and description is None:
        desc += f" Stiplet linje: {legend[1]}. " + _description(previous).split(". ", 1)[1]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" color="#000" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" {FONT}>',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(desc)}</desc>',
    ]
    if count == 0:
        parts.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" '
                     f'font-size="14" fill="{INK}">Ingen elementer at vise.</text></svg>')
        return "\n".join(parts)
    missing = [value is None for _, value in scores]
    for ring in RINGS:
        ring_points = " ".join(_xy(_point(i, count, ring)) for i in range(count))
        parts.append(f'<polygon points="{ring_points}" fill="none" stroke="{INK}" '
                     f'stroke-opacity="{0.6 if ring == 1.0 else 0.25}" stroke-width="1"/>')
    full, short = [], []
    for index in range(count):
        dash = ' stroke-dasharray="4 4"' if missing[index] else ""
        end = _point(index, count, 1.0)
        parts.append(f'<line x1="{CENTRE[0]:.1f}" y1="{CENTRE[1]:.1f}" x2="{end[0]:.1f}" '
                     f'y2="{end[1]:.1f}" stroke="{INK}" stroke-opacity="0.45" '
                     f'stroke-width="1"{dash}/>')
        full.append(_label(index, count, scores[index][0], missing[index]))
        short.append(_short_label(index, count, scores[index][0]))
    parts.append(f'<g class="praksis-radar-full">{"".join(full)}</g>')
    parts.append(f'<g class="praksis-radar-short" display="none">{"".join(short)}</g>')
    if previous is not None and len(previous) == count:
        before = [_point(i, count, float(value)) if value is not None else None
                  for i, (_, value) in enumerate(previous)]
        parts.extend(_series_shape(before, count, solid=False))
    points = [_point(i, count, float(value)) if value is not None else None
              for i, (_, value) in enumerate(scores)]
    parts.extend(_series_shape(points, count, solid=True))
    for ring in RINGS:
        # Ring values on top of the shapes, outlined in the background colour so they stay
        # readable where a data line crosses them.
        x, y = _point(0, count, ring)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="11" fill="{INK}" '
                     f'{HALO} stroke-width="3" style="paint-order: stroke">'
                     f"{decimal(ring, 2).rstrip('0').rstrip(',')}</text>")
    if previous is not None:
        parts.append(_legend(*legend))
    if any(missing):
        names = ", ".join(label for (label, _), gap in zip(scores, missing) if gap)
        note = textwrap.wrap(f"Mangler score (ikke alle spørgsmål besvaret): {names}.", 100)
        spans = "".join(f'<tspan x="20" y="{HEIGHT - 16 - LINE_HEIGHT * (len(note) - 1 - n)}">'
                        f"{escape(text)}</tspan>" for n, text in enumerate(note))
        parts.append(f'<text font-size="12" fill="{INK}">{spans}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


# --- A value over time -----------------------------------------------------------------------

LINE_WIDTH = 640
LINE_HEIGHT_PX = 300
_PLOT = (70, 30, 610, 230)   # left, top, right, bottom of the plot area


def line_svg(points: Sequence[tuple[str, float | None]], title: str, description: str,
             id_prefix: str, value_label: Callable[[float], str],
             axis_values: Sequence[float] = (0.0, 0.25, 0.5, 0.75, 1.0)) -> str:
    """A small line chart of values between 0 and 1 at labelled points (years, dates), evenly
    spaced from left to right; each point is marked and its value written above it, so the
    chart reads without colour and in greyscale print. ``value_label`` writes a value
    ('63 %', '0,77'); points without a value are left out of the line."""
    left, top, right, bottom = _PLOT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{LINE_WIDTH}" '
        f'height="{LINE_HEIGHT_PX}" viewBox="0 0 {LINE_WIDTH} {LINE_HEIGHT_PX}" role="img" '
        f'color="#000" aria-labelledby="{id_prefix}-title {id_prefix}-desc" {FONT}>',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(description)}</desc>',
    ]
    for tick in axis_values:
        y = bottom - (bottom - top) * tick
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" '
                     f'stroke="{INK}" stroke-opacity="{0.6 if tick == 0 else 0.2}" '
                     'stroke-width="1"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 6:.1f}" text-anchor="end" font-size="17" '
                     f'fill="{INK}">{escape(value_label(tick))}</text>')
    count = len(points)
    if count == 0:
        parts.append("</svg>")
        return "\n".join(parts)
    step = (right - left - 40) / max(count - 1, 1)
    xs = [left + 20 + step * index if count > 1 else (left + right) / 2 for index in range(count)]
    # Too many labels to write them all: every n-th, and always the last.
    every = max(1, math.ceil(count / 8))
    coords = []
    for index, ((label, value), x) in enumerate(zip(points, xs)):
        if index % every == 0 or index == count - 1:
            parts.append(f'<text x="{x:.1f}" y="{bottom + 28}" text-anchor="middle" '
                         f'font-size="17" fill="{INK}">{escape(label)}</text>')
        if value is not None:
            coords.append((x, bottom - (bottom - top) * float(value), value))
    if len(coords) > 1:
        parts.append(f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y, _ in coords)}" '
                     f'fill="none" stroke="{INK}" stroke-width="3"/>')
    label_every = max(1, math.ceil(len(coords) / 6))
    for index, (x, y, value) in enumerate(coords):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{INK}"/>')
        if index % label_every == 0 or index == len(coords) - 1:
            parts.append(f'<text x="{x:.1f}" y="{y - 12:.1f}" text-anchor="middle" '
                         f'font-size="16" font-weight="bold" fill="{INK}" {HALO} '
                         f'stroke-width="4" style="paint-order: stroke">'
                         f"{escape(value_label(float(value)))}</text>")
    parts.append("</svg>")
    return "\n".join(parts)
