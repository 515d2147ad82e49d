"""The CPR guard finds real-date CPR numbers, masks them, and respects the marker."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from praksis.core.personal_data import find_cpr_numbers, mask_cpr_numbers


def _lines(text: str) -> list[int]:
    return [hit.line for hit in find_cpr_numbers(text)]


def test_both_forms_are_found_with_their_line() -> None:
    assert _lines("a\nborger 010185-1234\nb 0101851234 c") == [2, 3]


def test_only_real_dates_count() -> None:
    assert _lines("320185-1234 011385-1234 300285-1234") == []
    assert _lines("290200-1234") == [1]          # 29 February 2000 existed
    assert _lines("290201-1234 290101-1234") == [1]  # 2001 was not a leap year, 1901 neither


def test_dates_and_longer_numbers_are_not_cpr_numbers() -> None:
    assert _lines("2016-09-01 1234-010185 01018512345 12010185-1234 EAN 5701234567890") == []


def test_the_forms_people_type_are_found() -> None:
    for number in ("010203-1234", "0102031234", "010203 1234", "010203/1234", "010203.1234",
                   "01.02.03-1234", "010203\u00a01234"):
        assert _lines(f"Borger {number} er nævnt") == [1], number
        assert _lines(f"({number})") == [1], number
        assert _lines(number) == [1], number


def test_a_digit_or_letter_next_to_the_number_makes_it_something_else() -> None:
    assert _lines("20240312 1234") == []
    for number in ("010203-1234", "010203 1234", "01.02.03-1234", "0102031234"):
        for before, after in (("9", ""), ("", "9"), ("a", ""), ("", "b"), ("Ø", ""),
                              ("", "å")):
            assert _lines(f"x {before}{number}{after} x") == [], (before, number, after)


def test_other_separators_and_spellings_are_not_cpr_forms() -> None:
    # Two separators, or a dotted date without the hyphen, are not among the forms.
    assert _lines("010203--1234 010203 /1234 01.02.03 1234 01.02.03.1234 0102.03-1234") == []


ORDINARY_NUMBERS = [
    "+45 12 34 56 78", "+4512345678", "tlf. 12 34 56 78", "1.234.567 kr.", "1.234.567,50 kr.",
    "2024-0312-1234", "2024-03-12", "12.03.2024", "12-03-2024 kl. 12.30",
    "CVR 29189854", "CVR-nr. 12345678", "DK-29189854", "SE-nr. 29 18 98 54",
    "EAN 5798000012345", "EAN-nr. 5790001234567", "5 790000 123456",
    "ISBN 978-87-7514-123-4", "ISBN 9788775141234", "ISBN: 1012011234",
    "ISBN-10 1012011234", "ISBN 87-7514-123-4",
    "sagsnr. 2024-012345", "j.nr. 24/12345", "20240312 1234", "kontonr. 1234 1234567890",
    "reg.nr. 1234", "2.345.678.901", "version 1.2.3", "3,141592 6535",
]


def test_ordinary_numbers_are_not_flagged() -> None:
    for text in ORDINARY_NUMBERS:
        assert _lines(text) == [], text


def test_nothing_in_the_sample_content_is_flagged() -> None:
    from conftest import SAMPLE_CONTENT

    files = [p for p in SAMPLE_CONTENT.rglob("*") if p.is_file()]
    assert len(files) > 10
    for path in files:
        if path.suffix in (".md", ".yml", ".yaml", ".svg", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert list(find_cpr_numbers(text)) == [], path
        assert list(find_cpr_numbers(path.relative_to(SAMPLE_CONTENT).as_posix())) == [], path


def test_the_hit_is_masked() -> None:
    (hit,) = find_cpr_numbers("x 010185-1234")
    assert hit.masked == "010185-****"
    assert "1234" not in hit.masked
    assert mask_cpr_numbers("a 010185 1234 b 01.01.85-1234 c") == (
        "a 010185-**** b 01.01.85-**** c")


def test_marker_allows_a_deliberate_number() -> None:
    assert _lines("sag 010185-1234 <!-- ikke-cpr -->\nsag 010185-1234") == [2]


@given(st.dates(), st.integers(min_value=0, max_value=9999),
       st.sampled_from(["", "-", " ", "/", ".", "dotted"]))
def test_every_real_date_with_four_digits_is_found(day, serial: int, separator: str) -> None:
    number = (f"{day:%d.%m.%y}-{serial:04d}" if separator == "dotted"
              else f"{day:%d%m%y}{separator}{serial:04d}")
    assert _lines(f"tekst {number} tekst") == [1]
