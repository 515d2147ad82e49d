"""Implementation over the years: status at a past date, history, activities (the rhythm),
re-assessment and development priorities; the JSON of ``praksis status`` and ``praksis score``.

The golden cases are written out in full below, each with the expected value beside it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from praksis.core.model import Source
from praksis.core.model.assessment import Priority
from praksis.core.model.milestones import (
    Activity,
    ImplementationPlan,
    MilestoneStatus,
    PlanMilestone,
)
from praksis.core.periods import Period, add_months, add_period, parse_period
from praksis.core.rules.milestones import activity_status, history_dates, reassessment, status_at

from conftest import FIXTURES, GOLDEN_INPUTS, SAMPLE_CONTENT, html_rows, run_cli

D = dt.date
NOT_STARTED, IN_PROGRESS, IN_PLACE, NOT_RELEVANT = (
    MilestoneStatus.NOT_STARTED, MilestoneStatus.IN_PROGRESS, MilestoneStatus.IN_PLACE,
    MilestoneStatus.NOT_RELEVANT)
BASE = FIXTURES / "milestones" / "base"


# --- Status at a past date -------------------------------------------------------------------

@pytest.mark.parametrize(("status", "started", "done", "day", "expected"), [
    # done on or before the day: in place
    (IN_PLACE, D(2016, 11, 1), D(2017, 1, 31), D(2017, 1, 31), IN_PLACE),
    (IN_PLACE, None, D(2017, 1, 31), D(2020, 1, 1), IN_PLACE),
    # started, not done yet: in progress
    (IN_PLACE, D(2016, 11, 1), D(2017, 1, 31), D(2016, 12, 31), IN_PROGRESS),
    (IN_PROGRESS, D(2016, 11, 1), None, D(2016, 11, 1), IN_PROGRESS),
    # both later than the day: not started
    (IN_PLACE, D(2016, 11, 1), D(2017, 1, 31), D(2016, 10, 31), NOT_STARTED),
    (IN_PLACE, None, D(2017, 1, 31), D(2016, 12, 31), NOT_STARTED),
    (IN_PROGRESS, D(2018, 1, 1), None, D(2017, 12, 31), NOT_STARTED),
    # no dates: the current status holds
    (IN_PROGRESS, None, None, D(2016, 9, 1), IN_PROGRESS),
    (IN_PLACE, None, None, D(2016, 9, 1), IN_PLACE),
    (NOT_STARTED, None, None, D(2030, 1, 1), NOT_STARTED),
    # not relevant stays left out, whatever its dates
    (NOT_RELEVANT, None, None, D(2020, 1, 1), NOT_RELEVANT),
])
def test_status_at_a_date(status, started, done, day, expected) -> None:
    assert status_at(status, started, done, day) is expected


@pytest.mark.parametrize(("started", "today", "expected"), [
    (D(2016, 9, 1), D(2019, 3, 5),
     [D(2016, 12, 31), D(2017, 12, 31), D(2018, 12, 31), D(2019, 3, 5)]),
    (D(2026, 2, 1), D(2026, 11, 22), [D(2026, 11, 22)]),          # started this year
    (D(2025, 12, 31), D(2026, 1, 1), [D(2025, 12, 31), D(2026, 1, 1)]),
    (D(2026, 11, 22), D(2026, 11, 22), [D(2026, 11, 22)]),         # started today
    (D(2026, 11, 23), D(2026, 11, 22), []),                         # starts after today
    (D(2024, 1, 1), D(2025, 12, 31), [D(2024, 12, 31), D(2025, 12, 31)]),
])
def test_history_years(started, today, expected) -> None:
    assert history_dates(started, today) == expected


# --- Periods and activities ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "period"), [
    ("1 dag", Period(1, "day")), ("14 dage", Period(14, "day")), ("1 uge", Period(1, "week")),
    ("2 uger", Period(2, "week")), ("1 måned", Period(1, "month")),
    ("3 måneder", Period(3, "month")), ("1 år", Period(1, "year")),
    (" 2  år ", Period(2, "year")),
])
def test_period_grammar(text: str, period: Period) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["måned", "1 md", "1 months", "en måned", "0 dage", "-1 år",
                                  "1,5 år", "1måned", "1 måned hver", ""])
def test_period_grammar_refuses(text: str) -> None:
    assert isinstance(parse_period(text), str)


@pytest.mark.parametrize(("day", "period", "expected"), [
    (D(2026, 1, 31), "1 måned", D(2026, 2, 28)),     # clamped to February's end
    (D(2024, 1, 31), "1 måned", D(2024, 2, 29)),     # leap year
    (D(2026, 3, 31), "1 måned", D(2026, 4, 30)),
    (D(2026, 11, 30), "3 måneder", D(2027, 2, 28)),
    (D(2024, 2, 29), "1 år", D(2025, 2, 28)),        # a year is 12 months
    (D(2026, 12, 3), "1 måned", D(2027, 1, 3)),
    (D(2026, 11, 3), "2 uger", D(2026, 11, 17)),     # a week is 7 days
    (D(2026, 12, 25), "10 dage", D(2027, 1, 4)),
])
def test_calendar_arithmetic(day: dt.date, period: str, expected: dt.date) -> None:
    parsed = parse_period(period)
    assert isinstance(parsed, Period)
    assert add_period(day, parsed) == expected


def test_add_months_backwards_and_far() -> None:
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)
    assert add_period(D(9999, 12, 1), Period(1, "month")) == dt.date.max


def _activity(every: str, held: tuple[dt.date, ...] = (), start: dt.date | None = None
              ) -> Activity:
    parsed = parse_period(every)
    assert isinstance(parsed, Period)
    return Activity("a", "Aktivitet", parsed, None, start, held)


@pytest.mark.parametrize(("every", "held", "start", "today", "last", "next_due", "lapsed"), [
    # held monthly: next due a month after the last one
    ("1 måned", (D(2026, 9, 8), D(2026, 10, 6), D(2026, 11, 3)), None, D(2026, 11, 22),
     D(2026, 11, 3), D(2026, 12, 3), False),
    # 31 January + 1 måned: the end of February
    ("1 måned", (D(2026, 1, 31),), None, D(2026, 2, 28), D(2026, 1, 31), D(2026, 2, 28), False),
    ("1 måned", (D(2026, 1, 31),), None, D(2026, 3, 1), D(2026, 1, 31), D(2026, 2, 28), True),
    # never held: from the activity's 'from', else from the plan's start
    ("3 måneder", (), D(2025, 1, 15), D(2025, 4, 15), None, D(2025, 4, 15), False),
    ("3 måneder", (), D(2025, 1, 15), D(2025, 4, 16), None, D(2025, 4, 15), True),
    ("1 år", (), None, D(2026, 11, 22), None, D(2017, 9, 1), True),
    # held in the future: planned, not held; the last held date counts
    ("1 måned", (D(2026, 10, 6), D(2026, 12, 1)), None, D(2026, 11, 22),
     D(2026, 10, 6), D(2026, 11, 6), True),
    # only future dates: never held yet
    ("2 uger", (D(2026, 12, 1),), D(2026, 11, 1), D(2026, 11, 22), None, D(2026, 11, 15), True),
    # the held dates in any order; the last is the latest, not the last written
    ("1 uge", (D(2026, 11, 20), D(2026, 11, 6)), None, D(2026, 11, 27),
     D(2026, 11, 20), D(2026, 11, 27), False),
    # held today counts as held
    ("1 dag", (D(2026, 11, 22),), None, D(2026, 11, 22), D(2026, 11, 22), D(2026, 11, 23),
     False),
])
def test_activity_last_next_due_and_lapsed(every, held, start, today, last, next_due,
                                           lapsed) -> None:
    found = activity_status(_activity(every, held, start), D(2016, 9, 1), today)
    assert (found.last, found.next_due, found.lapsed) == (last, next_due, lapsed)
    assert found.planned == tuple(sorted(d for d in held if d > today))


# --- Re-assessment ---------------------------------------------------------------------------

def _plan(started: dt.date, every: str = "1 år") -> ImplementationPlan:
    parsed = parse_period(every)
    assert isinstance(parsed, Period)
    source = Source(path="implementering/p.md", doc_id="p", body="", body_line=1)
    return ImplementationPlan(source, None, "f", "p", "Enhed", started,
                              (PlanMilestone("A1", IN_PLACE),), (), (), parsed)


@pytest.mark.parametrize(("started", "every", "dates", "today", "latest", "due", "overdue"), [
    (D(2016, 9, 1), "1 år", [D(2024, 3, 14), D(2026, 3, 12)], D(2026, 11, 22),
     D(2026, 3, 12), D(2027, 3, 12), False),
    # an assessment after today does not count yet
    (D(2016, 9, 1), "1 år", [D(2024, 3, 14), D(2026, 12, 1)], D(2026, 11, 22),
     D(2024, 3, 14), D(2025, 3, 14), True),
    # never assessed: from the plan's start
    (D(2024, 2, 1), "1 år", [], D(2025, 2, 1), None, D(2025, 2, 1), False),
    (D(2024, 2, 1), "1 år", [], D(2025, 2, 2), None, D(2025, 2, 1), True),
    (D(2024, 2, 29), "2 år", [], D(2026, 3, 1), None, D(2026, 2, 28), True),
    (D(2016, 9, 1), "6 måneder", [D(2026, 3, 12)], D(2026, 9, 12), D(2026, 3, 12),
     D(2026, 9, 12), False),
])
def test_reassessment(started, every, dates, today, latest, due, overdue) -> None:
    found = reassessment(_plan(started, every), dates, today)
    assert (found.latest, found.due, found.overdue) == (latest, due, overdue)


# --- Priorities ------------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "due", "today", "overdue"), [
    ("i-gang", D(2026, 12, 31), D(2026, 11, 22), False),
    ("i-gang", D(2026, 11, 21), D(2026, 11, 22), True),
    ("i-gang", D(2026, 11, 22), D(2026, 11, 22), False),     # due today: not yet
    ("ikke-påbegyndt", D(2025, 1, 1), D(2026, 11, 22), True),
    ("gennemført", D(2025, 1, 1), D(2026, 11, 22), False),
    ("opgivet", D(2025, 1, 1), D(2026, 11, 22), False),
    ("i-gang", None, D(2026, 11, 22), False),                 # no due date: never overdue
])
def test_priority_overdue(status, due, today, overdue) -> None:
    assert Priority("1", "Handling", status, None, due).overdue(today) is overdue


# --- praksis status --json: a plan over the years --------------------------------------------

PLAN = """---
type: implementation-plan
framework: mini-ramme
practice: mini-praksis
unit: Testenheden
started: 2016-09-01
milestones:
  A1: {status: på-plads, started: 2016-09-15, done: 2017-01-31}
  A2: {status: på-plads, done: 2016-10-15}
  A3: {status: i-gang, started: 2018-03-01}
  B1: {status: i-gang}
  B2: {status: på-plads, started: 2017-06-01, done: 2018-02-01}
  C1: {status: ikke-relevant, reason: "Gælder ikke her."}
  C2: ikke-påbegyndt
activities:
  metodevaerksted:
    title: Månedligt metodeværksted i hvert team
    every: 1 måned
    owner: Metodeansvarlige
    from: 2016-10-01
    held: [2018-11-03, 2018-12-04, 2019-01-31]
  workshop:
    title: Kvartalsvis workshop på tværs af teams
    every: 3 måneder
    held: [2018-12-10, 2019-04-01]
  temadag:
    title: Temadag
    every: 1 år
reassess_every: 2 år
---
"""


@pytest.fixture
def over_the_years(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "content")
    (tmp_path / "content" / "implementering").mkdir()
    (tmp_path / "content" / "implementering" / "aar.md").write_text(PLAN, encoding="utf-8")
    return tmp_path


def _status(project: Path, today: str) -> dict:
    result = run_cli("status", "--json", "--today", today, cwd=project)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["plans"][0]


def test_status_json_history_activities_reassessment(over_the_years: Path) -> None:
    plan = _status(over_the_years, "2019-03-05")
    # 6 applicable milestones (C1 left out), 12 points possible.
    # 2016-12-31: A1 i-gang 1, A2 på-plads 2, A3 not started 0, B1 i-gang (no dates) 1,
    #             B2 not started 0, C2 0 -> 4/12
    # 2017-12-31: A1 2, A2 2, A3 0, B1 1, B2 i-gang 1, C2 0 -> 6/12
    # 2018-12-31 and today: A1 2, A2 2, A3 1, B1 1, B2 2, C2 0 -> 8/12
    assert plan["history"] == [
        {"date": "2016-12-31", "progress": 4 / 12},
        {"date": "2017-12-31", "progress": 6 / 12},
        {"date": "2018-12-31", "progress": 8 / 12},
        {"date": "2019-03-05", "progress": 8 / 12},
    ]
    assert plan["history"][-1]["progress"] == plan["progress"]
    assert plan["activities"] == [
        {"id": "metodevaerksted", "title": "Månedligt metodeværksted i hvert team",
         "every": "1 måned", "last": "2019-01-31", "next_due": "2019-02-28", "lapsed": True},
        {"id": "workshop", "title": "Kvartalsvis workshop på tværs af teams",
         "every": "3 måneder", "last": "2018-12-10", "next_due": "2019-03-10", "lapsed": False},
        {"id": "temadag", "title": "Temadag", "every": "1 år", "last": None,
         "next_due": "2017-09-01", "lapsed": True},
    ]
    # No assessment of the practice: due two years after the plan started.
    assert plan["reassessment"] == {"latest": None, "due": "2018-09-01", "overdue": True}


def test_status_json_future_held_dates_are_planned(over_the_years: Path) -> None:
    plan = _status(over_the_years, "2018-12-05")
    first = plan["activities"][0]
    assert (first["last"], first["next_due"], first["lapsed"]) == ("2018-12-04", "2019-01-04",
                                                                   False)


def test_status_json_plan_started_after_today_has_no_history(over_the_years: Path) -> None:
    plan = _status(over_the_years, "2016-08-31")
    assert plan["history"] == []
    assert plan["reassessment"] == {"latest": None, "due": "2018-09-01", "overdue": False}


def test_old_plans_stay_valid_with_defaults(over_the_years: Path) -> None:
    old = ("---\ntype: implementation-plan\nframework: mini-ramme\npractice: mini-praksis\n"
           "unit: Testenheden\nstarted: 2016-09-01\nmilestones:\n  A1: på-plads\n  A2: i-gang\n"
           "---\n")
    (over_the_years / "content" / "implementering" / "aar.md").write_text(old, "utf-8")
    plan = _status(over_the_years, "2017-03-01")
    assert plan["activities"] == []
    # Without dates the current status holds in every year: A1 2 + A2 1 of 14 points.
    assert plan["history"] == [{"date": "2016-12-31", "progress": 3 / 14},
                               {"date": "2017-03-01", "progress": 3 / 14}]
    assert plan["reassessment"] == {"latest": None, "due": "2017-09-01", "overdue": False}


def test_reassessment_uses_the_practice_assessments(over_the_years: Path) -> None:
    content = over_the_years / "content"
    shutil.copytree(GOLDEN_INPUTS / "instruments", content / "instruments")
    folder = content / "vurderinger"
    folder.mkdir()
    for day in ("2017-05-02", "2019-02-01", "2019-06-01"):
        (folder / f"v-{day}.md").write_text(
            f"---\ntype: assessment\ninstrument: lovende-praksis\npractice: mini-praksis\n"
            f"date: {day}\nparticipants: [Leder]\nanswers: {{}}\n---\n", "utf-8")
    plan = _status(over_the_years, "2019-03-05")
    assert plan["reassessment"] == {"latest": "2019-02-01", "due": "2021-02-01",
                                    "overdue": False}


# --- praksis score --json: priorities ---------------------------------------------------------

PRIORITIES = """priorities:
  - element: 1
    action: Skriv en kort forandringsteori, der kobler aktiviteterne til målene.
    owner: Metodeansvarlig Louise Dahl
    due: 2026-12-31
    status: i-gang
  - {element: "10", action: Mål borgernes udvikling., due: 2026-06-30, status: ikke-påbegyndt}
  - {element: samlet, action: Del beskrivelsen med nabokommunen., due: 2026-01-31,
     status: gennemført}
  - {element: "3", action: Beskriv støttebehovet., status: opgivet}
---
"""


@pytest.fixture
def with_priorities(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    path = tmp_path / "content" / "vurderinger" / "samarbejde-om-sikkerhed-2026-03-12.md"
    text = path.read_text("utf-8")
    head, body = text[4:].split("\n---\n", 1)
    # The sample's own priorities are replaced by the cases below.
    head = head.split("\n# Udviklingsprioriteter")[0].split("\npriorities:")[0]
    path.write_text("---\n" + head.rstrip("\n") + "\n" + PRIORITIES + body, "utf-8")
    return tmp_path


def test_score_json_priorities(with_priorities: Path) -> None:
    result = run_cli("score", "content/vurderinger/samarbejde-om-sikkerhed-2026-03-12.md",
                     "--json", "--today", "2026-11-22", cwd=with_priorities)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data)[:6] == ["instrument", "practice", "date", "mode", "elements", "mean"]
    assert data["today"] == "2026-11-22"
    assert data["priorities"] == [
        {"element": "1", "action": "Skriv en kort forandringsteori, der kobler aktiviteterne "
                                   "til målene.", "owner": "Metodeansvarlig Louise Dahl",
         "due": "2026-12-31", "status": "i-gang", "overdue": False},
        {"element": "10", "action": "Mål borgernes udvikling.", "owner": None,
         "due": "2026-06-30", "status": "ikke-påbegyndt", "overdue": True},
        {"element": "samlet", "action": "Del beskrivelsen med nabokommunen.", "owner": None,
         "due": "2026-01-31", "status": "gennemført", "overdue": False},
        {"element": "3", "action": "Beskriv støttebehovet.", "owner": None, "due": None,
         "status": "opgivet", "overdue": False},
    ]


def test_score_today_from_source_date_epoch(with_priorities: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(
        2027, 1, 2, tzinfo=dt.UTC).timestamp())))
    result = run_cli("score", "content/vurderinger/samarbejde-om-sikkerhed-2026-03-12.md",
                     "--json", cwd=with_priorities)
    data = json.loads(result.stdout)
    assert data["today"] == "2027-01-02"
    assert [p["overdue"] for p in data["priorities"]] == [True, True, False, False]


def test_score_terminal_lists_priorities(with_priorities: Path) -> None:
    result = run_cli("score", "content/vurderinger/samarbejde-om-sikkerhed-2026-03-12.md",
                     "--today", "2026-11-22", cwd=with_priorities)
    assert "Udviklingsprioriteter:" in result.stdout
    assert ("- Element 10: Mål borgernes udvikling. (Ikke påbegyndt, frist 30. juni 2026, "
            "forfalden)") in result.stdout


# --- praksis new assessment --from ------------------------------------------------------------

def test_new_assessment_from_a_previous_one(with_priorities: Path) -> None:
    old = "content/vurderinger/samarbejde-om-sikkerhed-2026-03-12.md"
    result = run_cli("new", "assessment", "--practice", "samarbejde-om-sikkerhed", "--from", old,
                     "--date", "2026-11-30", cwd=with_priorities)
    assert result.exit_code == 0, result.output
    new_path = "content/vurderinger/samarbejde-om-sikkerhed-2026-11-30.md"
    text = (with_priorities / new_path).read_text("utf-8")
    assert "priorities: []" in text
    assert "Skriv en kort forandringsteori" not in text      # priorities stay where made
    check = run_cli("check", "content", cwd=with_priorities)
    assert check.exit_code == 0, check.stderr
    first = json.loads(run_cli("score", old, "--json", cwd=with_priorities).stdout)
    second = json.loads(run_cli("score", new_path, "--json", cwd=with_priorities).stdout)
    assert second["elements"] == first["elements"]           # the same answers
    assert second["priorities"] == []
    from praksis.core import load_content
    from praksis.core.model.assessment import Assessment
    content = load_content(with_priorities / "content")
    before = content.by_path(old[len("content/"):])
    after = content.by_path(new_path[len("content/"):])
    assert isinstance(before, Assessment) and isinstance(after, Assessment)
    assert [(a.question, a.code, a.comment) for a in after.answers if a.given] == [
        (a.question, a.code, a.comment) for a in before.answers if a.given]
    assert after.participants == before.participants


@pytest.mark.parametrize(("source", "message"), [
    ("content/praksis/tryghedsplan.md", "er ikke en vurdering"),
    ("content/vurderinger/findes-ikke.md", "findes ikke"),
])
def test_new_assessment_from_something_else(with_priorities: Path, source: str,
                                            message: str) -> None:
    result = run_cli("new", "assessment", "--from", source, cwd=with_priorities)
    assert result.exit_code == 1
    assert message in result.stderr


# --- Charts ----------------------------------------------------------------------------------

def test_radar_with_the_previous_assessment_dashed_and_a_legend() -> None:
    import xml.etree.ElementTree as ET

    from praksis.core.charts import radar_svg
    now = [("1. Teori og viden", 0.9), ("2. Virkning", 1.0), ("3. Beskrivelse", 0.75)]
    before = [("1. Teori og viden", 0.5), ("2. Virkning", None), ("3. Beskrivelse", 0.75)]
    svg = radar_svg(now, title="T", previous=before,
                    legend=("Denne vurdering, 12. marts 2026", "Forrige vurdering, 14. marts 2024"))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    # The current shape solid and filled, the previous one dashed: apart in greyscale.
    solid = [p for p in root.iter(f"{ns}polygon") if p.get("fill-opacity") == "0.12"]
    assert len(solid) == 1 and solid[0].get("stroke-dasharray") is None
    dashed = [e for e in root.iter() if e.get("stroke-dasharray") == "7 5"]
    assert len(dashed) == 2   # one segment (1-3; 2 is missing) and the legend's sample
    texts = "".join(root.itertext())
    assert "Forrige vurdering, 14. marts 2024" in texts and "Denne vurdering, 12. marts" in texts
    assert "Stiplet linje: Forrige vurdering" in root.find(f"{ns}desc").text
    # Short labels (numbers) for phones, hidden unless the site's CSS shows them.
    short = root.find(f"{ns}g[@class='praksis-radar-short']")
    assert short is not None and short.get("display") == "none"
    assert [t.text for t in short] == ["1", "2", "3"]
    # Without a previous assessment: no legend.
    assert "praksis-radar-legend" not in radar_svg(now)


def test_line_chart_is_accessible_and_marks_each_value() -> None:
    import xml.etree.ElementTree as ET

    from praksis.core.charts import line_svg
    from praksis.core.fragments import percent
    svg = line_svg([("2016", 0.1), ("2017", 0.5), ("nu", 20 / 26)], title="Fremdrift & tid",
                   description="Linjediagram.", id_prefix="h", value_label=percent)
    assert svg == line_svg([("2016", 0.1), ("2017", 0.5), ("nu", 20 / 26)],
                           title="Fremdrift & tid", description="Linjediagram.",
                           id_prefix="h", value_label=percent)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "h-title h-desc"
    assert root.find(f"{ns}title").text == "Fremdrift & tid"
    assert len(root.findall(f"{ns}circle")) == 3 and len(root.findall(f"{ns}polyline")) == 1
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert {"2016", "2017", "nu", "10 %", "50 %", "77 %"} <= set(texts)
    assert set(re.findall(r'(?:fill|stroke)="([^"]+)"', svg)) <= {"currentColor", "#fff",
                                                                   "none"}


# --- Print: the history chart and the follow-up reach the PDF ---------------------------------

def test_printed_edition_shows_history_and_follow_up(tmp_path: Path) -> None:
    from pypdf import PdfReader

    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    result = run_cli("export", "loeft-boerne-og-familie", "--format", "pdf", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    pdf = next((tmp_path / "build").rglob("loeft-boerne-og-familie.pdf"))
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    flat = " ".join(text.split())
    assert "Fremdrift over tid" in flat and "Den faste rytme" in flat
    assert "2016: 35 %" in flat                      # the history chart's caption
    assert "Opfølgning på prioriteterne fra 14. marts 2024" in flat
    assert "Forrige vurdering, 14. marts 2024" in flat   # the radar's legend
    assert "Udviklingsprioriteter" in flat


@pytest.mark.parametrize(("text", "rhythm"), [
    ("1 måned", "hver måned"), ("3 måneder", "hver 3. måned"), ("1 år", "hvert år"),
    ("2 uger", "hver 2. uge"), ("14 dage", "hver 14. dag")])
def test_period_in_danish_words(text: str, rhythm: str) -> None:
    parsed = parse_period(text)
    assert isinstance(parsed, Period) and parsed.rhythm == rhythm


# --- The sample tells LØFT's story; its pages show it -----------------------------------------

TODAY = D(2026, 11, 23)


def _sample_page(path: str, today: dt.date = TODAY) -> str:
    from praksis.core import load_content
    from praksis.core.pages import render_page
    from praksis.core.views.context import PageContext

    content = load_content(SAMPLE_CONTENT)
    return render_page(content.by_path(path), PageContext(content, today))


def test_sample_checks_strict_without_warnings(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    result = run_cli("check", "content", "--strict", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert ": advarsel: " not in result.stderr


def test_sample_plan_page_history_rhythm_and_reassessment() -> None:
    page = _sample_page("implementering/loeft-boerne-og-familie.md")
    assert "## Fremdrift over tid" in page
    assert '<figure class="praksis-chart praksis-line" data-search-exclude>' in page
    assert "2016: 35 %; 2017: 54 %" in page and "i dag: 77 %" in page
    rhythm = page.split("## Den faste rytme", 1)[1].split("\n## ", 1)[0]
    lapsed = [line for line in rhythm.splitlines() if "Overskredet" in line]
    assert len(lapsed) == 1 and "Familiebehandlingen" in lapsed[0]
    assert "Metodeansvarlig Sofie Berg" in lapsed[0] and "25. august 2026" in lapsed[0]
    assert "(planlagt 8. december 2026)" in rhythm      # a held date after today
    assert ("<dt>Næste vurdering</dt>\n<dd>Senest 12. marts 2027 (forrige 12. marts 2026)</dd>"
            in page)


def test_sample_assessment_page_follows_up_the_previous_one() -> None:
    page = _sample_page("vurderinger/samarbejde-om-sikkerhed-2026-03-12.md")
    changes = page.split("## Ændret siden 14. marts 2024", 1)[1].split("\n## ", 1)[0]
    rows = html_rows(changes)
    assert any(row[0].startswith("1.6 Findes der en begrundelse") and row[1] == "Nej → Delvist"
               for row in rows)
    assert "<strong>Delvist</strong>" in changes
    assert not any(row[0].startswith("1.1 ") for row in rows)   # unchanged answers left out
    follow = page.split("## Opfølgning på prioriteterne fra 14. marts 2024", 1)[1]
    follow = follow.split("\n## ", 1)[0]
    assert "satte 5 udviklingsprioriteter; 3 er gennemført eller opgivet" in follow
    assert follow.count("praksis-badge--forfalden") == 2
    own = page.split("## Udviklingsprioriteter", 1)[1]
    assert "<strong>10. Monitorering:</strong> Saml målingerne" in own
    assert "Forrige vurdering, 14. marts 2024" in page   # the radar's legend


def test_sample_practice_page_open_priorities_and_anchoring() -> None:
    page = _sample_page("praksis/samarbejde-om-sikkerhed.md")
    open_ = page.split("### Åbne udviklingsprioriteter", 1)[1].split("\n### ", 1)[0]
    rows = html_rows(open_)[1:]                        # the header row first
    assert len(rows) == 5                              # 2 from 2024, 3 from 2026
    assert not any("Gennemført" in row or "Opgivet" in row for row in rows)
    anchoring = page.split("### Forankring", 1)[1]
    assert "4 af 5 i rytme" in anchoring and "Familiebehandlingen" in anchoring
