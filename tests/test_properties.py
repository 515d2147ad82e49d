"""Property-based tests: whatever an editor types, the checker answers with its own problems
(never an exception), and every progress figure stays within [0, 1] or is None."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from praksis.core import load_content
from praksis.core.model.milestones import MilestoneStatus
from praksis.core.rules.milestones import is_overdue, progress

PRACTICE_KEYS = ("type", "title", "summary", "unit", "owner", "target_group", "goals",
                 "activities", "organisation", "staff_background", "approval", "version",
                 "last_reviewed", "tags", "answers", "milestones", "practice", "date")

scalars = st.one_of(
    st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.booleans(),
    st.just("null"), st.just("2026-02-30"), st.just("&a x"), st.just("*a"),
    st.just("!!python/object x"),
    st.sampled_from(["practice", "assessment", "implementation-plan", "page", "godkendt", "ja"]))


def _yaml_value(depth: int = 0) -> st.SearchStrategy[str]:
    leaf = scalars.map(str)
    if depth >= 2:
        return leaf
    nested = st.one_of(
        st.lists(leaf, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.dictionaries(st.sampled_from(PRACTICE_KEYS), leaf, max_size=3).map(
            lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"))
    return st.one_of(leaf, nested)


front_matters = st.lists(st.tuples(st.sampled_from(PRACTICE_KEYS), _yaml_value()),
                         max_size=12).map(
    lambda pairs: "---\n" + "\n".join(f"{k}: {v}" for k, v in pairs) + "\n---\n\nTekst.\n")

_settings = settings(max_examples=150, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(data: bytes, name: str = "x.md") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "praksis" / name
        path.parent.mkdir()
        path.write_bytes(data)
        content = load_content(Path(folder))
    for problem in content.problems:
        assert problem.line >= 1 and problem.message and problem.key


@_settings
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    _check(data)
    _check(b"---\n" + data + b"\n---\n")


@_settings
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(text.encode("utf-8"))


@_settings
@given(front_matters)
def test_yaml_shaped_front_matter_never_crashes(text: str) -> None:
    _check(text.encode("utf-8"))
    _check(text.removeprefix("---\n").replace("\n---\n", "\n").encode("utf-8"), "x.yml")


statuses = st.lists(st.sampled_from(list(MilestoneStatus)), max_size=20)


@given(statuses)
def test_progress_stays_within_bounds(values: list[MilestoneStatus]) -> None:
    result = progress(values)
    applicable = [v for v in values if v is not MilestoneStatus.NOT_RELEVANT]
    assert (result is None) == (not applicable)
    if result is not None:
        assert 0 <= result <= 1
        assert (result == 1) == all(v is MilestoneStatus.IN_PLACE for v in applicable)


@given(st.sampled_from(list(MilestoneStatus)), st.none() | st.dates(), st.dates())
def test_only_unfinished_milestones_with_a_passed_due_date_are_overdue(
        status: MilestoneStatus, due: dt.date | None, today: dt.date) -> None:
    overdue = is_overdue(status, due, today)
    if overdue:
        assert due is not None and due < today
        assert status not in (MilestoneStatus.IN_PLACE, MilestoneStatus.NOT_RELEVANT)
