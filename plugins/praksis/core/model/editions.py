"""A printed edition's manifest (``type: edition``) as data, and where editions are published."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import Source

# Where the site publishes the exported files, and the formats `praksis export` writes.
DOWNLOAD_FOLDER = "haandboeger"
FORMATS = ("docx", "pdf")
FORMAT_LABELS = {"docx": "Word", "pdf": "PDF"}


# --- The manifest ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EditionPart:
    """One part of a handbook: explicit document ids, or every document below a folder."""

    title: str
    intro: str | None
    document_ids: tuple[str, ...]
    folder: str | None


@dataclass(frozen=True, slots=True)
class PreviousEdition:
    """The edition this one replaces; its date bounds the changes when git has no tag."""

    edition: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class Edition:
    """An edition manifest (``type: edition``)."""

    source: Source
    title: str
    subtitle: str | None
    organisation: str
    edition: str
    date: dt.date
    computed: bool
    parts: tuple[EditionPart, ...]
    colophon: str | None
    previous: PreviousEdition | None
    cover_image: str | None = None   # below content/: a logo or picture for the cover
    revision_note: str | None = None  # 'Revideret oktober 2024: ...', cover and colophon
    back_cover: str | None = None     # the text of the last page

    @property
    def id(self) -> str:
        return self.source.doc_id

    @property
    def heading(self) -> str:
        """The running header: 'Fælles praksis 3.0'."""
        return f"{self.title} {self.edition}"

    @property
    def tag_pattern(self) -> str:
        """Git tags that mark earlier exports of this edition: ``edition/<id>/<anything>``."""
        return f"edition/{self.id}/*"
