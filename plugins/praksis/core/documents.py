"""The registry of document types, keyed by the ``type:`` front-matter field.

Each type declares its schema (one source for validation, reference page, JSON Schema and
scaffold), how a checked mapping becomes a typed document, and its cross-document checks.
Later document types register here the same way; nothing else dispatches on type names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .changes import check_changes, with_changes
from .fields import Key, Record, Rule
from .model import Source
from .problems import Severity

if TYPE_CHECKING:
    from .content import ContentSet

Report = Callable[[Key, str, Severity], None]
CrossCheck = Callable[[Any, "ContentSet", Report], None]


@dataclass(frozen=True)
class DocumentType:
    name: str
    label: str                   # Danish, singular: "praksisbeskrivelse"
    description: str             # Danish, one paragraph for the reference page
    markdown: bool               # a Markdown page (True) or a YAML data file (False)
    model: type                  # the frozen dataclass its documents are
    schema: Record
    build: Callable[[dict[str, Any], Source], Any]
    rules: Sequence[Rule] = ()
    cross_check: CrossCheck | None = None
    # Documents other documents refer to by id need unique ids; free pages (index.md) do not.
    unique_ids: bool = True
    example_path: str = ""
    body_sections: Sequence[str] = field(default_factory=tuple)
    # The title readers see when the document may have none of its own (an assessment or a
    # plan without 'title:'): derived from other documents. See ``display_title``.
    title: Callable[[Any, ContentSet], str] | None = None


_REGISTRY: dict[str, DocumentType] = {}


def register(doc_type: DocumentType) -> DocumentType:
    if doc_type.name in _REGISTRY:
        raise ValueError(f"document type {doc_type.name!r} registered twice")
    if doc_type.markdown:
        # Every Markdown document may keep its change history in 'changes:' (core.changes);
        # it lands on Source.changes, so the types' own models need not know about it.
        doc_type = replace(doc_type, schema=with_changes(doc_type.schema),
                           rules=(*doc_type.rules, check_changes))
    _REGISTRY[doc_type.name] = doc_type
    return doc_type


def document_types() -> Mapping[str, DocumentType]:
    """All registered types, importing the modules that define them on first use."""
    if not _REGISTRY:
        from . import types  # noqa: F401  (registers the built-in types)
    return _REGISTRY


def display_title(doc: Any, content: ContentSet) -> str:
    """The title every reader sees (navigation, <title>, print, listings, the CLI).

    The document's own ``title``, else the one its type derives ("Lovende praksis:
    Samarbejde om Sikkerhed, 12. marts 2026"), else its id: never None.
    """
    for doc_type in document_types().values():
        if type(doc) is doc_type.model and doc_type.title is not None:
            return doc_type.title(doc, content)
    own = getattr(doc, "title", None)
    return str(own) if own else doc.source.doc_id
