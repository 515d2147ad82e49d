"""Site Markdown (Material and pymdown syntax) rewritten as Markdown pandoc reads.

The site's Markdown has constructs pandoc does not know: admonitions (``!!! tip "Titel"``
with indented content), collapsible blocks (``??? note``), content tabs (``=== "Fane"``),
attribute lists (``{ .class }``) and inline SVG charts. markdown-it-py (the client's choice)
finds them, with the lines they cover; we then rewrite those lines and leave every other
line exactly as written, so whatever pandoc already reads (tables, definition lists,
lists, emphasis) reaches it untouched.

- admonitions and collapsible blocks become fenced divs, ``::: {.admonition .tip}``, with
  the title as a bold first paragraph (collapsible ones are printed open);
- each content tab becomes ``::: {.tab}`` with the tab's title in bold: in print the tabs
  are a sequence, one after the other;
- headings move one level down (the document's title is level 2 in the edition);
- attribute lists are dropped, except width and height on images, which pandoc reads;
- images get paths relative to content/, and links to printed documents become links
  inside the edition;
- an editor's ``<div class="..." markdown="1">`` becomes a fenced div;
- admonitions carry a raw typst call for the PDF and a Word paragraph style for the docx,
  so pandoc needs no filter for them.

Only what editors write comes here: computed content reaches pandoc from the print writer
(``core/writers/print.py``), which writes pandoc's own syntax directly.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache, partial

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from ..core.editions import BODY_HEADING_SHIFT, ImageRef, PrintedBody, PrintSource
from ..core.writers.print import BOX_STYLE

_INDENT = 4  # Material's admonitions and tabs indent their content by four spaces


class PrintMarkdownError(Exception):
    """Site Markdown that cannot be printed; the message is Danish and names file:line."""


# --- markdown-it: block rules for admonitions, collapsible blocks and tabs ---------------

_CONTAINER = re.compile(r"^(?P<marker>!!!|\?\?\?\+?|===[+!]?)(?:[ \t]+(?P<params>.*?))?[ \t]*$")
_TITLE = re.compile(r'^(?P<kinds>[^"]*?)\s*(?:"(?P<title>.*)")?$')


def _container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``!!! kind "title"``, ``??? kind``, ``=== "tab"`` followed by indented content."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # an indented code block, not a marker
    start = state.bMarks[start_line] + state.tShift[start_line]
    match = _CONTAINER.match(state.src[start:state.eMarks[start_line]])
    if match is None:
        return False
    marker, params = match["marker"], (match["params"] or "").strip()
    is_tab = marker.startswith("===")
    if (is_tab and not params.startswith('"')) or (not is_tab and not params):
        return False
    if silent:
        return True
    content_indent = state.sCount[start_line] + _INDENT
    next_line = start_line + 1
    last_content = start_line
    while next_line < end_line:
        blank = state.isEmpty(next_line)
        if not blank and state.sCount[next_line] < content_indent:
            break
        if not blank:
            last_content = next_line
        next_line += 1
    end = last_content + 1  # trailing blank lines belong to the surrounding text

    titled = _TITLE.match(params)
    kinds = (titled["kinds"] if titled else params).split()
    title = titled["title"] if titled and titled["title"] is not None else None
    kind = "tab" if is_tab else "admonition"
    token = state.push(f"{kind}_open", "div", 1)
    token.map = [start_line, end]
    token.markup = marker
    token.meta = {"kinds": kinds, "title": title, "indent": content_indent}

    old_indent, old_max, old_parent = state.blkIndent, state.lineMax, state.parentType
    state.blkIndent, state.lineMax, state.parentType = content_indent, end, "container"
    state.md.block.tokenize(state, start_line + 1, end)
    state.blkIndent, state.lineMax, state.parentType = old_indent, old_max, old_parent

    state.push(f"{kind}_close", "div", -1)
    state.line = end
    return True


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.block.ruler.before("fence", "praksis_container", _container,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    # Only the block structure and the lines it covers are used (inline rewrites work on
    # those lines), so inline parsing, half the time of a parse, is skipped.
    md.core.ruler.disable(["inline", "text_join"])
    return md


# --- inline rewrites: attribute lists, images, links ---------------------------------------

_ATTR = r'(?:[#.][\w:-]+|[\w-]+=(?:"[^"]*"|\'[^\']*\'|[^\s}]+))'
# Python-Markdown's attr_list: '{: .class #id key=value }' or '{ .class }'.
_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*(" + _ATTR + r"(?:[ \t]+" + _ATTR + r")*)[ \t]*\}")
_IMAGE = re.compile(r"(!\[(?P<alt>[^\]]*)\]\()\s*<?(?P<src>[^)\s>]+)>?(?P<rest>[^)]*\))"
                    r"(?P<attrs>\{:?[^}\n]*\})?")
_LINK = re.compile(r"(?<!!)\[(?P<label>[^\]]*)\]\(\s*<?(?P<href>[^)\s>#]+\.md)"
                   r"(?P<fragment>#[^)\s>]*)?>?(?P<title>\s+\"[^\"]*\")?\)")
_SIZE = re.compile(r'(width|height)=("[^"]*"|\'[^\']*\'|[^\s}]+)')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Every inline rewrite needs one of these characters.
_MAY_REWRITE = re.compile(r"\]\(|<|\{")


@dataclass
class _Document:
    """What one conversion collects: the images it uses."""

    source: PrintSource
    images: list[ImageRef]

    def where(self, line: int) -> str:
        return self.source.where(line)


def _resolve(doc: _Document, target: str, line: int) -> str:
    """A relative URL in a document, as a path relative to content/."""
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(doc.source.path), target))
    if resolved.startswith("../") or resolved == ".." or target.startswith("/"):
        raise PrintMarkdownError(
            f"{doc.where(line)}: billedet '{target}' ligger uden for content/. Læg billedet "
            "i indholdsmappen, fx ved siden af beskrivelsen, og henvis til det derfra.")
    return resolved


def _image(doc: _Document, match: re.Match[str], *, line: int) -> str:
    src, attrs = match["src"], match["attrs"] or ""
    if _SCHEME.match(src):
        # A remote image cannot be fetched while printing: keep the reference as a link.
        return f"[{match['alt'] or src}]({src})"
    path = _resolve(doc, html.unescape(src), line)
    doc.images.append(ImageRef(path, doc.where(line)))
    sizes = " ".join(f"{k}={v}" for k, v in _SIZE.findall(attrs))
    return f"{match.group(1)}{path}{match['rest']}" + (f"{{{sizes}}}" if sizes else "")


def _link(doc: _Document, match: re.Match[str]) -> str:
    """A link to a site page: to its heading if the edition prints it, else just its text."""
    href = match["href"]
    if _SCHEME.match(href):
        return match.group(0)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(doc.source.path), href))
    anchor = doc.source.anchors.get(target)
    if not anchor:
        return match["label"]
    # pandoc writes a link as typst '#link(<x>)[12. marts 2026]', where '12. ' at the start
    # of the content starts a numbered list: the sentence broke over three lines. A no-break
    # space after the day (typst '~') keeps the date inline, in Word too.
    label = _LEADING_NUMBER.sub("\\1\u00a0", match["label"])
    return f"[{label}](#{anchor})"


_LEADING_NUMBER = re.compile(r"^(\d+\\?[.)]) ")


def _rewrite_inline(doc: _Document, lines: list[str], tokens: list[Token]) -> list[str]:
    """Images, links and attribute lists on the lines that hold inline text."""
    out = list(lines)
    # A table row has an inline token per cell: rewrite each line once.
    numbers = sorted({number for token in tokens if token.type == "inline" and token.map
                      for number in range(token.map[0], token.map[1])})
    for number in numbers:
        if not _MAY_REWRITE.search(out[number]):
            continue  # most lines: plain text, nothing to do
        line = _IMAGE.sub(partial(_image, doc, line=number), out[number])
        line = _LINK.sub(partial(_link, doc), line)
        out[number] = _strip_attr_lists(line)
    return out


def _strip_attr_lists(line: str) -> str:
    kept: list[str] = []
    position = 0
    for match in _ATTR_LIST.finditer(line):
        # Image sizes were rewritten to pandoc's '{width=...}' already: keep those.
        if match.group(1).startswith(("width=", "height=")) and line[:match.start()].endswith(")"):
            continue
        kept.append(line[position:match.start()])
        position = match.end()
    kept.append(line[position:])
    return "".join(kept)


# --- block rewrites -----------------------------------------------------------------------

def _heading(token: Token, lines: list[str]) -> list[str]:
    """The heading one level down, as an ATX heading (from the already rewritten lines)."""
    start, end = token.map or (0, 0)
    level = min(int(token.tag[1]) + BODY_HEADING_SHIFT, 6)
    if token.markup.startswith("#"):
        text = re.sub(r"^[ \t]*#+", "", lines[start])
        text = re.sub(r"[ \t]+#+[ \t]*$", "", text).strip()
    else:  # setext: the text lines above the '===' or '---' line
        text = " ".join(line.strip() for line in lines[start:end - 1])
    return ["#" * level + " " + text]


# Boxes in print: the typst functions are defined in data/template.typ, the Word paragraph
# style in data/reference.docx. Each writer ignores what is meant for the other (a raw typst
# block in Word, a custom-style in typst), so one Markdown text serves both.
_BOX_CLASSES = {"admonition": "box"}


def _div_open(classes: list[str], box: str | None, kind: str = "note") -> list[str]:
    attributes = " ".join(f".{c}" for c in classes)
    if box is None:
        return [f"::: {{{attributes}}}"]
    return [f'::: {{{attributes} custom-style="{BOX_STYLE}"}}', "```{=typst}",
            f'#praksis-box(kind: "{kind}")[', "```", ""]


def _div_close(box: str | None) -> list[str]:
    return [":::"] if box is None else ["", "```{=typst}", "]", "```", ":::"]


def _box_of(classes: list[str]) -> str | None:
    return next((_BOX_CLASSES[c] for c in classes if c in _BOX_CLASSES), None)


_LIST_MARKER = re.compile(r"^(\s*(?:[-*+]|\d+[.)]))(\s{1,4})")


def _content_column(item: Token, lines: list[str]) -> int:
    """Where a list item's content starts ('- x' at 2, '10. x' at 4): pandoc wants a fenced
    div in a list item exactly there, where Python-Markdown wants four spaces."""
    match = _LIST_MARKER.match(lines[item.map[0]]) if item.map else None
    return len(match.group(0)) if match else _INDENT


def _container_lines(doc: _Document, token: Token, lines: list[str], offset: int,
                     item: Token | None) -> list[str]:
    start, end = token.map or (0, 0)
    prefix = " " * (_content_column(item, lines) if item is not None else 0)
    body = [_dedent(line, token.meta["indent"]) for line in lines[start + 1:end]]
    inner = _convert(doc, body, offset + start + 1)
    title = token.meta["title"]
    if token.type == "tab_open":
        head, tail = ["::: {.tab}"], [":::"]
    else:
        kinds = [k for k in (_CLASS_UNSAFE.sub("", kind) for kind in token.meta["kinds"]) if k]
        kinds = kinds or ["note"]
        if title is None:
            title = kinds[0].capitalize()  # as Python-Markdown titles an untitled admonition
        head = _div_open(["admonition", *kinds], "box", kinds[0])
        tail = _div_close("box")
    if title:
        head += [f"**{title}**", ""]
    return [prefix + line if line else line for line in [*head, *inner, *tail]] + [""]


_DIV_OPEN = re.compile(r'^\s*<div\b(?P<attrs>[^>]*)>\s*$', re.IGNORECASE)
_DIV_CLOSE = re.compile(r"^\s*</div>\s*$", re.IGNORECASE)
_CLASS_ATTR = re.compile(r'class="([^"]*)"')


def _html_div(token: Token, stack: list[str | None]) -> list[str] | None:
    """``<div class="x" markdown="1">`` and ``</div>`` on lines of their own (the core's
    fragments) as a fenced div; other HTML stays for pandoc to read as it can."""
    opening = _DIV_OPEN.match(token.content)
    if opening is not None:
        found = _CLASS_ATTR.search(opening["attrs"])
        classes = [_CLASS_UNSAFE.sub("", c) for c in (found[1].split() if found else [])]
        box = _box_of(classes)
        stack.append(box)
        return _div_open([c for c in classes if c], box) + [""]
    if _DIV_CLOSE.match(token.content) and stack:
        return _div_close(stack.pop()) + [""]
    return None


_CLASS_UNSAFE = re.compile(r"[^\w-]")


def _leading(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dedent(line: str, columns: int) -> str:
    return line[min(columns, _leading(line)):]


def _convert(doc: _Document, lines: list[str], offset: int,
             tokens: list[Token] | None = None) -> list[str]:
    """Rewrite the blocks at this nesting level; containers recurse into their content."""
    if tokens is None:
        tokens = _parser().parse("\n".join(lines))
    out: list[str] = []
    cursor = 0
    open_divs: list[str | None] = []
    list_items: list[Token] = []
    for token in tokens:
        if token.type == "list_item_open":
            list_items.append(token)
        elif token.type == "list_item_close":
            list_items.pop()
        if token.nesting == -1 or token.map is None or token.map[0] < cursor:
            continue  # closing tokens, and tokens inside a block already rewritten
        start, end = token.map
        replacement: list[str] | None = None
        if token.type in ("admonition_open", "tab_open"):
            item = list_items[-1] if list_items else None
            replacement = _container_lines(doc, token, lines, offset, item)
        elif token.level == 0 and token.type == "heading_open":
            replacement = _heading(token, lines)
        elif token.level == 0 and token.type == "html_block":
            replacement = _html_div(token, open_divs)
        if replacement is None:
            continue
        out += lines[cursor:start]
        out += replacement
        cursor = end
    out += lines[cursor:]
    return out


def to_pandoc_markdown(markdown: str, source: PrintSource) -> PrintedBody:
    """Site Markdown as pandoc Markdown, with the images it needs (a ``BodyTransform``)."""
    doc = _Document(source, [])
    lines = markdown.split("\n")
    # One parse serves both passes: inline rewrites keep every block on its lines.
    tokens = _parser().parse(markdown)
    converted = _convert(doc, _rewrite_inline(doc, lines, tokens), 0, tokens)
    return PrintedBody("\n".join(converted), tuple(doc.images))
