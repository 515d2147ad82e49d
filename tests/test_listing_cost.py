"""Section listings cost what they list: the content is indexed by folder once per build,
not scanned by every index page. Counted, not timed: every read of a document's path is a
visit, and a listing that scanned the corpus for each index page would make pages x
documents of them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from praksis.core import load_content
from praksis.core.model import Page, Practice, Source
from praksis.core.model.content import ContentSet
from praksis.core.pages import generated_pages, render_page
from praksis.core.views.context import PageContext

from conftest import SAMPLE_CONTENT

TODAY = dt.date(2026, 11, 23)
_PRACTICE_ID = re.compile(r"\bp-\d+-\d+\b")


class _Visits:
    count = 0


class _CountedSource(Source):
    """A document's source that counts the reads of its path."""

    def __getattribute__(self, name: str) -> Any:
        if name == "path":
            _Visits.count += 1
        return super().__getattribute__(name)


def _counted(doc: Any, path: str, doc_id: str) -> Any:
    fields = {f.name: getattr(doc.source, f.name) for f in dataclasses.fields(Source)}
    source = _CountedSource(**{**fields, "path": path, "doc_id": doc_id})
    return dataclasses.replace(doc, source=source)


def _corpus(folders: int, per_folder: int) -> tuple[ContentSet, list[Page]]:
    """A section with ``folders`` organisation folders, each an index page and
    ``per_folder`` practice descriptions: every practice is listed twice (its folder's
    index page and the section's)."""
    sample = load_content(SAMPLE_CONTENT)
    index = sample.by_path("praksis/index.md")
    practice = sample.by_path("praksis/tryghedsplan.md")
    assert isinstance(index, Page) and isinstance(practice, Practice)
    docs: list[Any] = [_counted(index, "sektion/index.md", "index")]
    for k in range(folders):
        docs.append(_counted(index, f"sektion/org-{k}/index.md", "index"))
        for j in range(per_folder):
            docs.append(_counted(practice, f"sektion/org-{k}/p-{k}-{j}.md", f"p-{k}-{j}"))
    content = ContentSet(sample.root, tuple(docs), (), len(docs), today=TODAY)
    return content, [d for d in docs if isinstance(d, Page)]


def _visits_for_listings(folders: int, per_folder: int) -> tuple[int, int, int]:
    content, index_pages = _corpus(folders, per_folder)
    ctx = PageContext(content, TODAY)
    _Visits.count = 0
    rows = 0
    for page in index_pages:
        # Each listed description is named by its id in its row's link, however written.
        rows += len(set(_PRACTICE_ID.findall(render_page(page, ctx))))
    generated_pages(ctx)
    return _Visits.count, len(content.documents), rows


def test_every_practice_is_listed_on_its_folder_and_section_index() -> None:
    folders, per_folder = 6, 3
    rows = _visits_for_listings(folders, per_folder)[2]
    assert rows == 2 * folders * per_folder


def test_listings_visit_each_document_a_bounded_number_of_times() -> None:
    # 31 index pages over 121 documents: a scan per page would be 3,751 visits.
    visits, documents, rows = _visits_for_listings(folders=30, per_folder=3)
    assert rows == 180
    assert visits <= 3 * (documents + rows), (visits, documents, rows)


def test_listing_visits_grow_with_the_corpus_not_its_square() -> None:
    small, _, _ = _visits_for_listings(folders=15, per_folder=3)
    large, _, _ = _visits_for_listings(folders=30, per_folder=3)
    assert large <= 2.5 * small, (small, large)
