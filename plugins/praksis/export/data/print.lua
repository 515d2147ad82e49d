-- praksis: the site's HTML fragments as print elements, for the docx and typst writers.
--
-- The core's fragments are Markdown with a few HTML elements (core/fragments.py): badges
-- are <span class="praksis-badge">, blocks are <div class="..." markdown="1">, progress
-- bars are <progress> followed by the same value as text. The site styles them with CSS;
-- in print a badge is bold text, a box is a shaded block (a typst function from
-- template.typ, a paragraph style "Boks" from reference.docx), and the progress element goes
-- (its text follows it). Links to site pages (.md) that are not in the edition keep only
-- their text; charts are SVG in the PDF and PNG in Word (made beside the SVG by praksis).

local BOXES = { admonition = "box", ["praksis-note"] = "box", ["praksis-meta"] = "meta" }

local function has_class(el, name)
  for _, class in ipairs(el.classes) do
    if class == name then return true end
  end
  return false
end

local function box_kind(div)
  for _, class in ipairs(div.classes) do
    if BOXES[class] then
      return BOXES[class], div.classes[2] or class
    end
  end
  return nil
end

function Span(span)
  if has_class(span, "praksis-badge") then
    return pandoc.Strong(span.content)
  end
end

function Div(div)
  div.attributes["markdown"] = nil
  local box, kind = box_kind(div)
  if box == nil then
    return div
  end
  if FORMAT == "typst" then
    local open = box == "meta" and "#praksis-meta[" or
      string.format('#praksis-box(kind: "%s")[', kind:gsub('[^%w-]', ''))
    local blocks = pandoc.List({ pandoc.RawBlock("typst", open) })
    blocks:extend(div.content)
    blocks:insert(pandoc.RawBlock("typst", "]"))
    return blocks
  elseif FORMAT == "docx" and box == "box" then
    div.attributes["custom-style"] = "Boks"
  end
  return div
end

function Link(link)
  if link.target:match("%.md$") or link.target:match("%.md#") then
    return link.content
  end
end

function Image(image)
  if FORMAT == "docx" and image.src:match("%.svg$") then
    image.src = image.src:gsub("%.svg$", ".png")
  end
  return image
end

-- typst reads "10. marts" at the start of a table cell as a numbered list item; pandoc
-- escapes that at the start of a paragraph but not of a cell (plain text), so we do.
function Plain(plain)
  local first = plain.content[1]
  if FORMAT == "typst" and first and first.t == "Str" and first.text:match("^%d+[.)]$") then
    local escaped = first.text:gsub("([.)])$", "\\%1")
    plain.content[1] = pandoc.RawInline("typst", escaped)
  end
  return plain
end

-- <progress ...>67 %</progress> 67 %: drop the element and what is inside it.
function Inlines(inlines)
  local out = pandoc.List()
  local inside = false
  for _, el in ipairs(inlines) do
    if el.t == "RawInline" and el.format == "html" and el.text:match("^<progress") then
      inside = true
    elseif inside and el.t == "RawInline" and el.text:match("^</progress") then
      inside = false
    elseif not inside then
      out:insert(el)
    end
  end
  return out
end
