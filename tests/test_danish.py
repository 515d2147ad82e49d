"""The one Danish module: months, ids (slugs)."""

from __future__ import annotations

import datetime as dt

import pytest

from praksis.core.danish import SLUG, format_date, slugify


@pytest.mark.parametrize(("text", "slug"), [
    ("Familiehuset, LØFT", "familiehuset-loeft"),
    ("Tryghed på Lindegården", "tryghed-paa-lindegaarden"),
    ("Café Über 2", "cafe-uber-2"), ("  --Æble--  ", "aeble"), ("!!!", "")])
def test_slugify_spells_aeoeaa_and_makes_a_valid_id(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert slug == "" or SLUG.match(slug)


def test_months_are_danish_in_lower_case() -> None:
    assert format_date(dt.date(2026, 2, 28)) == "28. februar 2026"
    assert format_date(dt.date(2026, 12, 1)) == "1. december 2026"
    assert format_date(None) == "–"
