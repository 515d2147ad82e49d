"""The domain core: content model, validation, scores, milestone status, page fragments.

This package must never import mkdocs, pypandoc or click (a test holds that line): the
site engine is in maintenance mode, and the core has to outlive it.
"""

from .content import DocumentCache, load_content
from .model.content import ContentSet
from .problems import ContentError, Problem, Severity, summarize

__all__ = ["ContentError", "ContentSet", "DocumentCache", "Problem", "Severity",
           "load_content", "summarize"]
