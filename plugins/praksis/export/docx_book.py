"""The Word edition, finished after pandoc: a file that opens right in Word and LibreOffice.

pandoc writes a correct docx, but one a reader meets half-done: the table of contents is an
empty field that Word asks to update (and LibreOffice shows as a blank page), every table
gets equal column widths (so 'Kompetencer' breaks as 'Kompe tencer'), rows split across
pages, and a heading's number is followed by a tab that can land right at a tab stop
('3.1.1Score'). ``finish_docx`` rewrites the document part (with lxml, keeping every
namespace as pandoc wrote it):

- the contents field gets a result: one hyperlinked paragraph per heading (styles TOC 1-3),
  without page numbers, which only a layout engine knows; Word refreshes them on request
  (F9), and no longer asks on opening;
- table columns are sized to their content on the page's text width: no column narrower
  than its longest word where the page allows, the rest shared by how much text a column
  holds;
- table rows do not split across pages (a row longer than a page still may: Word and
  LibreOffice break it anyway);
- a heading's number is followed by a space instead of the tab;
- the cover image, written by ``praksis.export.plan`` as the first paragraph in style
  'Cover Image', moves above the title.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterable

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
COVER_IMAGE_STYLE = "CoverImage"
BACK_COVER_STYLE = "BackCover"
# A4 (11906 x 16838 twips) less the reference document's margins (2 x 1417 across; 1417
# and 1247 down). A row taller than the page may split: Word and LibreOffice would have to.
TEXT_WIDTH = 9072
TEXT_HEIGHT = 16838 - 1417 - 1247
LINE_HEIGHT = 300  # 11 pt text at Word's line spacing, with room to spare
CELL_PADDING = 2 * 85 + 50       # the table style's cell margins and a little air
# Twips per character of the tables' text: on average, and for a long word, generously (in a
# wide fallback font such as DejaVu Sans, where Calibri is missing; the header is bold).
CHAR_WIDTH = 115
WORD_CHAR_WIDTH = 140
HEADER_CHAR_WIDTH = 160


# The tables' text size in half-points (the reference document's Normal, 11 pt), and the
# smaller sizes a table with many columns gets, so its header words need not break.
TEXT_SIZE = 22
SMALLER_SIZES = (19, 17, 15)


def word_width(characters: int, header: bool = False, size: int = TEXT_SIZE) -> int:
    """The twips a column needs for a word of ``characters`` without breaking it."""
    per_character = HEADER_CHAR_WIDTH if header else WORD_CHAR_WIDTH
    return characters * per_character * size // TEXT_SIZE + CELL_PADDING
_HEADING = re.compile(r"^Heading([1-9])$")

_TOC_STYLES = "".join(
    f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="TOC{level}">'
    f'<w:name w:val="toc {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
    f'<w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
    f'<w:pPr><w:spacing w:before="{120 if level == 1 else 20}" w:after="20"/>'
    f'<w:ind w:left="{(level - 1) * 360}"/></w:pPr>'
    f'{"<w:rPr><w:b/></w:rPr>" if level == 1 else ""}</w:style>'
    for level in (1, 2, 3))


def _el(tag: str, **attrs: str) -> etree._Element:
    element = etree.Element(W + tag)
    for key, value in attrs.items():
        element.set(W + key, value)
    return element


def _style(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(W + "val")


def _properties(paragraph: etree._Element) -> etree._Element:
    """A paragraph's properties (``w:pPr``, its first child), made if it has none."""
    properties = paragraph.find(W + "pPr")
    if properties is None:
        properties = _el("pPr")
        paragraph.insert(0, properties)
    return properties


def _text(element: etree._Element) -> str:
    out = []
    for node in element.iter(W + "t", W + "tab"):
        out.append("\t" if node.tag == W + "tab" else (node.text or ""))
    return "".join(out)


# --- Headings: a space after the number ----------------------------------------------------

def space_after_numbers(body: etree._Element) -> None:
    """pandoc's number run is followed by a run holding only a tab: make it a space."""
    for paragraph in body.iter(W + "p"):
        style = _style(paragraph)
        if style is None or not _HEADING.match(style):
            continue
        runs = paragraph.findall(W + "r")
        for number, after in itertools.pairwise(runs):
            is_number = number.find(f"{W}rPr/{W}rStyle[@{W}val='SectionNumber']") is not None
            children = [c for c in after if c.tag != W + "rPr"]
            if is_number and len(children) == 1 and children[0].tag == W + "tab":
                after.remove(children[0])
                text = etree.SubElement(after, W + "t")
                text.text = " "
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                break


# --- The table of contents, filled in ---------------------------------------------------------

def _toc_levels(instruction: str) -> int:
    match = re.search(r'\\o\s+"1-(\d)"', instruction)
    return int(match.group(1)) if match else 3


def _headings(body: etree._Element, levels: int) -> list[tuple[int, str, str]]:
    """(level, text, bookmark) of each heading, adding a bookmark where pandoc wrote none."""
    found = []
    counter = 0
    for paragraph in body.iter(W + "p"):
        style = _style(paragraph)
        match = _HEADING.match(style or "")
        if not match or int(match.group(1)) > levels:
            continue
        name = None
        previous = paragraph.getprevious()
        if previous is not None and previous.tag == W + "bookmarkStart":
            name = previous.get(W + "name")
        if name is None:
            inner = paragraph.find(W + "bookmarkStart")
            name = inner.get(W + "name") if inner is not None else None
        if name is None:
            counter += 1
            name = f"_Toc_praksis_{counter}"
            start = _el("bookmarkStart", id=str(900000 + counter), name=name)
            end = _el("bookmarkEnd", id=str(900000 + counter))
            position = 1 if paragraph.find(W + "pPr") is not None else 0
            paragraph.insert(position, start)
            paragraph.append(end)
        text = _text(paragraph).replace("\t", " ").strip()
        if text:
            found.append((int(match.group(1)), text, name))
    return found


def _field_run(kind: str) -> etree._Element:
    run = _el("r")
    run.append(_el("fldChar", fldCharType=kind))
    return run


def _entry(level: int, text: str, anchor: str) -> etree._Element:
    paragraph = _el("p")
    properties = etree.SubElement(paragraph, W + "pPr")
    properties.append(_el("pStyle", val=f"TOC{level}"))
    link = _el("hyperlink", anchor=anchor, history="1")
    run = etree.SubElement(link, W + "r")
    text_node = etree.SubElement(run, W + "t")
    text_node.text = text
    text_node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    paragraph.append(link)
    return paragraph


def fill_contents(body: etree._Element) -> int:
    """Give pandoc's empty TOC field a result; returns the number of entries."""
    for instr in body.iter(W + "instrText"):
        if not (instr.text or "").strip().startswith("TOC"):
            continue
        begin_run = instr.getparent()
        field_paragraph = begin_run.getparent() if begin_run is not None else None
        parent = field_paragraph.getparent() if field_paragraph is not None else None
        if field_paragraph is None or parent is None:
            continue   # not in a paragraph of the body: not pandoc's table of contents
        levels = _toc_levels(instr.text or "")
        headings = _headings(body, levels)
        for fld in field_paragraph.iter(W + "fldChar"):
            fld.attrib.pop(W + "dirty", "")
        if not headings:
            return 0
        # One paragraph per heading; the field begins in the first and ends in the last.
        start = _el("p")
        start_properties = etree.SubElement(start, W + "pPr")
        start_properties.append(_el("pStyle", val=f"TOC{headings[0][0]}"))
        start.append(_field_run("begin"))
        instr_run = _el("r")
        instr_run.append(instr)
        start.append(instr_run)
        start.append(_field_run("separate"))
        entries = [_entry(level, text, anchor) for level, text, anchor in headings]
        for child in list(entries[0]):
            if child.tag != W + "pPr":
                start.append(child)
        paragraphs = [start, *entries[1:]]
        paragraphs[-1].append(_field_run("end"))
        index = parent.index(field_paragraph)
        parent.remove(field_paragraph)
        for offset, paragraph in enumerate(paragraphs):
            parent.insert(index + offset, paragraph)
        return len(headings)
    return 0


# --- Tables: widths from content, rows kept together ------------------------------------------

# When not every word fits even in the smallest size, header words still must, and body
# words longer than this may break ('familieafdelingen' in a table of seven columns).
BODY_WORD_CAP = 12


def minimum_widths(cells: Iterable[tuple[int, str, bool]], columns: int,
                   size: int = TEXT_SIZE, body_cap: int | None = None) -> list[int]:
    """Each column's longest word, in twips; body words counted up to ``body_cap``."""
    minimum = [word_width(1, size=size)] * columns
    for column, text, header in cells:
        if column < columns:
            longest = max((len(w) for w in text.split()), default=0)
            if body_cap is not None and not header:
                longest = min(longest, body_cap)
            minimum[column] = max(minimum[column], word_width(longest, header, size))
    return minimum


def table_fit(cells: list[tuple[int, str, bool]], columns: int,
              available: int = TEXT_WIDTH) -> tuple[int, int | None]:
    """The largest text size (and body word cap, if one is needed) at which the words fit."""
    for cap in (None, BODY_WORD_CAP):
        for size in (TEXT_SIZE, *SMALLER_SIZES):
            if sum(minimum_widths(cells, columns, size, cap)) <= available:
                return size, cap
    return SMALLER_SIZES[-1], BODY_WORD_CAP


def column_widths(cells: Iterable[tuple[int, str, bool]], columns: int,
                  available: int = TEXT_WIDTH, size: int = TEXT_SIZE,
                  body_cap: int | None = None) -> list[int]:
    """Twips per column from the (column, text, is header) of every cell.

    Each column gets at least its longest word where the page allows; the rest of the
    text width is shared by how much more a column would like (its longest cell).
    """
    cells = list(cells)
    minimum = minimum_widths(cells, columns, size, body_cap)
    longest_cell = [1] * columns
    for column, text, _header in cells:
        if column < columns:
            longest_cell[column] = max(longest_cell[column], len(text))
    desired = [max(m, n * CHAR_WIDTH * size // TEXT_SIZE + CELL_PADDING)
               for m, n in zip(minimum, longest_cell)]
    if sum(desired) <= available:
        spare = available - sum(desired)
        total = sum(desired)
        widths = [d + spare * d // total for d in desired]
    elif sum(minimum) <= available:
        spare = available - sum(minimum)
        wants = [d - m for d, m in zip(desired, minimum)]
        total = sum(wants) or 1
        widths = [m + spare * w // total for m, w in zip(minimum, wants)]
    else:  # even the longest words do not fit: share the page by them
        total = sum(minimum)
        widths = [available * m // total for m in minimum]
    widths[-1] += available - sum(widths)
    return widths


def row_height(row: etree._Element, widths: list[int], size: int = TEXT_SIZE) -> int:
    """A generous estimate of a row's height in twips: its tallest cell's lines."""
    tallest = 0
    for cell, width in zip(row.findall(W + "tc"), widths):
        per_line = max(1, (width - CELL_PADDING) // max(1, CHAR_WIDTH * size // TEXT_SIZE))
        lines = sum(len(_text(p)) // per_line + 1 for p in cell.findall(W + "p"))
        tallest = max(tallest, lines)
    return tallest * LINE_HEIGHT * size // TEXT_SIZE


def _set_text_size(table: etree._Element, size: int) -> None:
    """A smaller text in every run of the table (a table with many columns)."""
    for run in table.iter(W + "r"):
        properties = run.find(W + "rPr")
        if properties is None:
            properties = _el("rPr")
            run.insert(0, properties)
        for tag in ("sz", "szCs"):
            _set(properties, tag, val=str(size))


def _cell_texts(table: etree._Element) -> list[tuple[int, str, bool]]:
    """(column, text, in the header row) of every cell paragraph."""
    cells = []
    for row in table.findall(W + "tr"):
        header = row.find(f"{W}trPr/{W}tblHeader") is not None
        for column, cell in enumerate(row.findall(W + "tc")):
            for paragraph in cell.findall(W + "p"):
                cells.append((column, _text(paragraph), header))
    return cells


def _set(parent: etree._Element, tag: str, first: bool = False, **attrs: str
         ) -> etree._Element:
    existing = parent.find(W + tag)
    if existing is not None:
        parent.remove(existing)
    element = _el(tag, **attrs)
    if first:
        parent.insert(0, element)
    else:
        parent.append(element)
    return element


def size_table(table: etree._Element, available: int = TEXT_WIDTH) -> list[int]:
    grid = table.find(W + "tblGrid")
    if grid is None:
        return []
    columns = len(grid.findall(W + "gridCol"))
    if columns == 0:
        return []
    cells = _cell_texts(table)
    size, cap = table_fit(cells, columns, available)
    widths = column_widths(cells, columns, available, size, cap)
    if size != TEXT_SIZE:
        _set_text_size(table, size)
    properties = table.find(W + "tblPr")
    if properties is None:
        properties = _el("tblPr")
        table.insert(0, properties)
    width = properties.find(W + "tblW")
    if width is None:
        width = _el("tblW")
        properties.append(width)
    width.set(W + "type", "dxa")
    width.set(W + "w", str(available))
    # Schema order: tblLayout comes after tblW (and before tblLook).
    layout = properties.find(W + "tblLayout")
    if layout is None:
        layout = _el("tblLayout")
        width.addnext(layout)
    layout.set(W + "type", "fixed")
    for column, width_twips in zip(grid.findall(W + "gridCol"), widths):
        column.set(W + "w", str(width_twips))
    for row in table.findall(W + "tr"):
        row_properties = row.find(W + "trPr")
        if row_properties is None:
            row_properties = _el("trPr")
            index = 1 if row.find(W + "tblPrEx") is not None else 0
            row.insert(index, row_properties)
        if row_properties.find(W + "cantSplit") is None and (
                row_height(row, widths, size) < TEXT_HEIGHT):
            row_properties.insert(0, _el("cantSplit"))
        for cell, width_twips in zip(row.findall(W + "tc"), widths):
            cell_properties = cell.find(W + "tcPr")
            if cell_properties is None:
                cell_properties = _el("tcPr")
                cell.insert(0, cell_properties)
            _set(cell_properties, "tcW", first=True, type="dxa", w=str(width_twips))
    return widths


# --- The cover image ---------------------------------------------------------------------------

def cover_image_first(body: etree._Element) -> None:
    paragraphs = [p for p in body if p.tag == W + "p"]
    for paragraph in paragraphs:
        if _style(paragraph) == BACK_COVER_STYLE:  # low on the last page, a larger text
            _properties(paragraph).append(_el("spacing", before="6000"))
            for run in paragraph.iter(W + "r"):
                run_properties = run.find(W + "rPr")
                if run_properties is None:
                    run_properties = _el("rPr")
                    run.insert(0, run_properties)
                _set(run_properties, "sz", val="26")
    image = next((p for p in paragraphs if _style(p) == COVER_IMAGE_STYLE), None)
    if image is None:
        return
    _properties(image).append(_el("jc", val="center"))
    title = next((p for p in paragraphs if _style(p) == "Title"), None)
    body.remove(image)
    if title is not None:
        title.addprevious(image)
    else:
        body.insert(0, image)


# --- The whole file ------------------------------------------------------------------------------

def _styles_with_toc(data: bytes) -> bytes:
    if b'w:styleId="TOC1"' in data:
        return data
    return data.replace(b"</w:styles>", _TOC_STYLES.encode("utf-8") + b"</w:styles>", 1)


def _settings_without_update(data: bytes) -> bytes:
    # The contents are filled in: Word need not ask to update fields when it opens the file.
    return re.sub(rb"<w:updateFields\b[^>]*/>", b"", data)


def finish_document(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    body = root.find(W + "body")
    if body is None:
        return xml
    cover_image_first(body)
    space_after_numbers(body)
    fill_contents(body)
    for table in body.iter(W + "tbl"):
        size_table(table)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def finish_docx(data: bytes) -> bytes:
    """The docx pandoc wrote, finished (see the module's description)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = finish_document(content)
            elif item.filename == "word/styles.xml":
                content = _styles_with_toc(content)
            elif item.filename == "word/settings.xml":
                content = _settings_without_update(content)
            target.writestr(item, content)
    return out.getvalue()
