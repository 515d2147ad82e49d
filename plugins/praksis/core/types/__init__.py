"""The document types, one module each: schema, build, checks and scaffold.

``DOCUMENT_TYPES`` is the one list of them, in the order messages and the reference page
name them. Nothing dispatches on type names elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping

from .assessment import ASSESSMENT
from .common import AnyDocumentType
from .edition import EDITION
from .framework import FRAMEWORK
from .instrument import INSTRUMENT
from .page import PAGE
from .plan import PLAN
from .practice import PRACTICE

DOCUMENT_TYPES: tuple[AnyDocumentType, ...] = (
    INSTRUMENT,
    ASSESSMENT,
    EDITION,
    FRAMEWORK,
    PAGE,
    PLAN,
    PRACTICE,
)

_BY_NAME = {doc_type.name: doc_type for doc_type in DOCUMENT_TYPES}
_BY_MODEL = {doc_type.model: doc_type for doc_type in DOCUMENT_TYPES}


def document_types() -> Mapping[str, AnyDocumentType]:
    """Every type by its ``type:`` name, in the order of ``DOCUMENT_TYPES``."""
    return _BY_NAME


def type_of(doc: object) -> AnyDocumentType:
    """The type of a checked document."""
    return _BY_MODEL[type(doc)]
