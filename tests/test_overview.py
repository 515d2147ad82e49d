"""Start page figures, section listings with approval state, and the draft notice."""

from __future__ import annotations

import datetime as dt

from praksis.core import load_content
from praksis.core.model import Page, Practice
from praksis.core.pages import render_page
from praksis.core.views.context import PageContext

from conftest import SAMPLE_CONTENT

TODAY = dt.date(2026, 11, 23)


def _ctx() -> PageContext:
    return PageContext(load_content(SAMPLE_CONTENT), TODAY)


def _page(ctx: PageContext, path: str):
    return ctx.content.by_path(path)


def test_start_page_has_the_headline_figures() -> None:
    ctx = _ctx()
    practices = ctx.content.of_type(Practice)
    approved = sum(p.approval.is_approved for p in practices)
    overdue = sum(p.review_overdue(TODAY) for p in practices)
    markdown = render_page(_page(ctx, "index.md"), ctx)
    assert '<div class="grid cards praksis-headline">' in markdown
    assert f"<strong>{len(practices)} praksisbeskrivelser</strong>" in markdown
    assert f"{approved} godkendt" in markdown
    assert f"<strong>{overdue} gennemgange overskredet</strong>" in markdown
    assert "implementeringsplaner" in markdown and "vurderinger af Lovende praksis" in markdown


def test_section_index_lists_every_practice_with_its_approval_state() -> None:
    ctx = _ctx()
    markdown = render_page(_page(ctx, "praksis/index.md"), ctx)
    for practice in ctx.content.of_type(Practice):
        row = next(line for line in markdown.splitlines() if f'href="{practice.id}/"' in line)
        assert f">{practice.approval.state.label}</span>" in row


def test_draft_pages_are_visibly_marked_and_approved_pages_are_not() -> None:
    ctx = _ctx()
    for practice in ctx.content.of_type(Practice):
        markdown = render_page(practice, ctx)
        assert ("Ikke gældende praksis" in markdown) is (not practice.approval.is_approved)


def test_free_pages_without_a_folder_listing_are_left_alone() -> None:
    ctx = _ctx()
    page = _page(ctx, "emneord.md")
    assert isinstance(page, Page)
    assert render_page(page, ctx).strip() == page.source.body.strip()
