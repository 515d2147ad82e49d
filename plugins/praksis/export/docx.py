"""The Word edition's reference document, with this edition's running header filled in.

reference.docx (made by scripts/make-reference-docx) has the placeholder {{praksis-header}}
in its header; Word headers are static text, so each export writes a copy with the
edition's title there ('Fælles praksis 3.0', and 'KLADDE' for a draft) for pandoc to use.
"""

from __future__ import annotations

import io
import zipfile
from importlib import resources
from xml.sax.saxutils import escape

HEADER_PLACEHOLDER = "{{praksis-header}}"


def reference_docx(running_header: str) -> bytes:
    template = resources.files("praksis.export").joinpath("data/reference.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("word/header") and item.filename.endswith(".xml"):
                data = data.replace(HEADER_PLACEHOLDER.encode(),
                                    escape(running_header).encode("utf-8"))
            target.writestr(item, data)
    return out.getvalue()
