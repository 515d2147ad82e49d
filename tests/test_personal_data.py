"""The CPR guard finds real-date CPR numbers, masks them, and respects the marker."""

from __future__ import annotations

from hypothesis import given, strategies as st

from praksis.core.personal_data import find_cpr_numbers


def _lines(text: str) -> list[int]:
    return [hit.line for hit in find_cpr_numbers(text)]


def test_both_forms_are_found_with_their_line() -> None:
    assert _lines("a\nborger 010185-1234\nb 0101851234 c") == [2, 3]


def test_only_real_dates_count() -> None:
    assert _lines("320185-1234 011385-1234 300285-1234") == []
    assert _lines("290200-1234") == [1]          # 29 February 2000 existed
    assert _lines("290201-1234 290101-1234") == [1]  # 2001 was not a leap year, 1901 neither


def test_dates_and_longer_numbers_are_not_cpr_numbers() -> None:
    assert _lines("2016-09-01 1234-010185 01018512345 12-010185-1234 EAN 5701234567890") == []


def test_the_hit_is_masked() -> None:
    (hit,) = find_cpr_numbers("x 010185-1234")
    assert hit.masked == "010185-****"
    assert "1234" not in hit.masked


def test_marker_allows_a_deliberate_number() -> None:
    assert _lines("sag 010185-1234 <!-- ikke-cpr -->\nsag 010185-1234") == [2]


@given(st.dates(), st.integers(min_value=0, max_value=9999), st.booleans())
def test_every_real_date_with_four_digits_is_found(day, serial: int, hyphen: bool) -> None:
    number = f"{day:%d%m%y}{'-' if hyphen else ''}{serial:04d}"
    assert _lines(f"tekst {number} tekst") == [1]
