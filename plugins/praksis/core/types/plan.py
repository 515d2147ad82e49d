"""``type: implementation-plan``: one unit's progress on the milestones of a framework.

The front matter records the status of each milestone by id; the body may answer the
milestones' guiding questions under headings that name the milestone (``## L1`` or
``## L1: titel``). Which ids exist is known only from the framework, so ids are checked in
the cross-check, where the framework is at hand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..danish import SLUG_PATTERN, slugify
from ..fields import (
    INVALID,
    STR_TAG,
    Checker,
    Choice,
    Date,
    Field,
    Key,
    ListOf,
    MapOf,
    Record,
    ScalarOr,
    Slug,
    Spec,
    Text,
    Values,
)
from ..markdown import headings
from ..model import Practice, Source
from ..model.content import ContentSet
from ..model.milestones import (
    Activity,
    Answer,
    Framework,
    ImplementationPlan,
    MilestoneStatus,
    PlanMilestone,
    default_plan_title,
)
from ..periods import PATTERN as PERIOD_PATTERN
from ..periods import YEARLY, parse_period
from ..problems import BODY_KEY, Severity, did_you_mean, quote_list
from ..scaffold import markdown_document, scaffold_yaml
from .common import DocumentType, Report, type_field, with_change_history

STATUS = Choice(values=tuple(s.value for s in MilestoneStatus))


@dataclass(frozen=True)
class PeriodText(Spec):
    """'<n> dag|dage|uge|uger|måned|måneder|år', e.g. '1 måned'."""

    label: str = "en periode (fx '1 måned', '2 uger' eller '1 år')"

    def check(self, node: yaml.Node, key: Key, ck: Checker) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag != STR_TAG:
            return self._wrong(node, key, ck, " Skriv et tal og en enhed, fx '1 måned'.")
        parsed = parse_period(node.value)
        if isinstance(parsed, str):
            ck.error(key, parsed, ck.line(node))
            return INVALID
        return parsed

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": PERIOD_PATTERN}

    def example(self) -> str:
        return "1 år"

ENTRY = Record(fields={
    "status": Field(STATUS, help="ikke-påbegyndt, i-gang, på-plads eller ikke-relevant."),
    "owner": Field(Text(single_line=True), required=False,
                   help="Hvem der har ansvaret for milepælen (rolle eller navn)."),
    "due": Field(Date(), required=False, help="Frist (ÅÅÅÅ-MM-DD)."),
    "started": Field(Date(), required=False,
                     help="Datoen, hvor arbejdet med milepælen begyndte. Ikke når status er "
                          "ikke-påbegyndt."),
    "done": Field(Date(), required=False,
                  help="Datoen, hvor milepælen kom på plads. Kun når status er på-plads."),
    "note": Field(Text(), required=False, help="En kort bemærkning."),
    "reason": Field(Text(), required=False,
                    help="Hvorfor milepælen ikke er relevant. Kræves ved ikke-relevant."),
})

ACTIVITY = Record(fields={
    "title": Field(Text(single_line=True),
                   help="Hvad aktiviteten er, fx 'Månedligt metodeværksted i hvert team'."),
    "every": Field(PeriodText(), help="Hvor ofte den holdes: et tal og en enhed (dag, dage, "
                                      "uge, uger, måned, måneder eller år), fx '1 måned'."),
    "owner": Field(Text(single_line=True), required=False,
                   help="Hvem der holder den (rolle eller navn)."),
    "from": Field(Date(), required=False,
                  help="Hvornår aktiviteten begyndte (ÅÅÅÅ-MM-DD). Standard: planens "
                       "started."),
    "held": Field(ListOf(item=Date()), required=False, default=(),
                  help="Datoerne, hvor den er holdt, fx [2026-09-08, 2026-10-06]. Datoer efter "
                       "i dag er planlagte."),
})

SCHEMA = Record(fields={
    "type": type_field("implementation-plan"),
    "title": Field(Text(single_line=True), required=False,
                   help="Titel. Uden titel bruges 'Implementeringsplan: <praksis>, <enhed>'."),
    "framework": Field(Slug(), help="Implementeringsrammen, planen følger: rammefilens navn "
                                    "uden .yml, fx signs-of-safety."),
    "practice": Field(Slug(), help="Praksisbeskrivelsen, der implementeres: filnavnet uden "
                                   ".md, fx samarbejde-om-sikkerhed."),
    "unit": Field(Text(single_line=True),
                  help="Enheden, planen gælder for, fx 'Familiehuset, LØFT kommune'."),
    "started": Field(Date(), help="Hvornår implementeringen startede (ÅÅÅÅ-MM-DD)."),
    "milestones": Field(
        MapOf(value=ScalarOr(short=STATUS, record=ENTRY, short_key="status"),
              key_label="et milepæls-id", label="milepælene efter id"),
        help="Status for hver milepæl efter dens id, fx 'L1: {status: i-gang, owner: "
             "Projektkonsulent, due: 2026-12-31}'. status er ikke-påbegyndt, i-gang, på-plads "
             "eller ikke-relevant. Valgfrit: owner (ansvarlig), due (frist), done (dato, hvor "
             "milepælen kom på plads), note (bemærkning) og reason (begrundelse, kræves ved "
             "ikke-relevant). En milepæl, der mangler, tælles som ikke-påbegyndt."),
    "activities": Field(
        MapOf(value=ACTIVITY, key_pattern=SLUG_PATTERN,
              key_label="et id (små bogstaver a-z, tal og bindestreger, fx metodevaerksted)",
              label="aktiviteterne efter id"),
        required=False, default={},
        help="Den faste rytme, der forankrer metoden, fx 'metodevaerksted: {title: Månedligt "
             "metodeværksted i hvert team, every: 1 måned, owner: Metodeansvarlige, held: "
             "[2026-10-06, 2026-11-03]}'. every er et tal og en enhed (dag, dage, uge, uger, "
             "måned, måneder eller år). Valgfrit: owner, from (hvornår den begyndte; standard "
             "planens started) og held (datoer, hvor den er holdt; datoer efter i dag er "
             "planlagte). En aktivitet er overskredet, når der er gået mere end every siden "
             "sidst.",
                        example="{}"),
    "reassess_every": Field(PeriodText(), required=False, default=YEARLY,
                            help="Hvor ofte praksis vurderes igen, fx '1 år' (standard) eller "
                                 "'2 år'. Fristen regnes fra den seneste vurdering.",
                            example="1 år"),
})

# A heading answers a milestone when its text starts with the milestone's id: "L1", "L1: ...".
# Lower case is matched too, so the cross-check can point out '## l1' instead of ignoring it.
_ANSWER_HEADING = re.compile(r"^([A-ZÆØÅa-zæøå][0-9]+)(?=$|[\s:.])")


def _check_entries(values: Values, ck: Checker) -> None:
    started = values["started"]
    for milestone_id, entry in values["milestones"].items():
        key: Key = ("milestones", milestone_id)
        status = MilestoneStatus(entry["status"])
        if status is MilestoneStatus.NOT_RELEVANT and entry["reason"] is None:
            ck.error(key + ("reason",), "en milepæl med status 'ikke-relevant' skal have en "
                                        "begrundelse. Tilføj fx 'reason: \"Møder holdes i "
                                        "eksisterende lokaler.\"', eller vælg en anden status.")
        if status is not MilestoneStatus.NOT_RELEVANT and entry["reason"] is not None:
            ck.warn(key + ("reason",), f"'reason' bruges kun, når status er 'ikke-relevant', men "
                                       f"status er '{status}'. Skriv bemærkningen i 'note' i "
                                       "stedet.")
        done = entry["done"]
        if done is not None and status is not MilestoneStatus.IN_PLACE:
            ck.error(key + ("done",), f"'done' er datoen, hvor milepælen kom på plads, men "
                                      f"status er '{status}'. Sæt status til 'på-plads', eller "
                                      "fjern 'done' (en frist skrives i 'due').")
        elif done is not None and done < started:
            ck.error(key + ("done",), f"milepælen er udført {done.isoformat()}, før planen "
                                      f"startede ({started.isoformat()}, nøglen 'started'). Ret "
                                      "datoen, eller ret 'started'.")
        if entry["due"] is not None and entry["due"] < started:
            ck.error(key + ("due",), f"fristen {entry['due'].isoformat()} ligger før planen "
                                     f"startede ({started.isoformat()}, nøglen 'started'), så "
                                     "milepælen ville stå som forfalden fra starten. Ret "
                                     "fristen, eller ret 'started'.")
        if entry["due"] is not None and status is MilestoneStatus.NOT_RELEVANT:
            ck.warn(key + ("due",), "en milepæl, der ikke er relevant, har ingen frist og bliver "
                                    "aldrig forfalden. Fjern 'due', eller vælg en anden status.")
        _check_dates(key, entry, status, started, ck)


def _check_dates(key: Key, entry: dict[str, Any], status: MilestoneStatus,
                 plan_started: dt.date, ck: Checker) -> None:
    """``started`` and ``done`` agree with the status, so history and today's status agree."""
    begun, done = entry["started"], entry["done"]
    if begun is not None and status is MilestoneStatus.NOT_STARTED:
        ck.error(key + ("started",), f"milepælen er startet {begun.isoformat()}, men status er "
                                     "'ikke-påbegyndt'. Sæt status til 'i-gang' (eller "
                                     "'på-plads' med 'done'), eller fjern 'started'.")
    if begun is not None and done is not None and begun > done:
        ck.error(key + ("started",), f"milepælen er startet {begun.isoformat()}, efter at den "
                                     f"kom på plads ({done.isoformat()}, nøglen 'done'). Ret "
                                     "en af datoerne.")
    if status is MilestoneStatus.IN_PLACE and done is None:
        since = (f"tæller den som i gang fra {begun.isoformat()} og kommer aldrig på plads i "
                 "historikken" if begun is not None else
                 f"tæller den som på plads, siden planen startede ({plan_started.isoformat()})")
        ck.warn(key, f"milepælen er på plads, men har ingen dato i 'done'. I fremdriften over "
                     f"tid {since}. Tilføj datoen, hvor den kom på plads, fx "
                     f"'done: {(begun or plan_started).isoformat()}'.")


def _answers(body: str, body_line: int) -> tuple[Answer, ...]:
    """The sections of the body under headings that name a milestone id."""
    lines = body.split("\n")
    found = headings(body, body_line)
    answers = []
    for index, heading in enumerate(found):
        match = _ANSWER_HEADING.match(heading.text)
        if heading.level < 2 or not match:
            continue
        start = heading.line - body_line
        # An ATX heading is one line; a setext heading has its underline below it.
        start += 1 if lines[start].lstrip().startswith("#") else 2
        end = next((h.line - body_line for h in found[index + 1:] if h.level <= heading.level),
                   len(lines))
        text = "\n".join(lines[start:end]).strip("\n").rstrip()
        answers.append(Answer(match.group(1), heading.text, heading.line, text,
                              end + body_line))
    return tuple(answers)


def _answer_keys(answers: tuple[Answer, ...]) -> dict[Key, int]:
    """Lines of body headings, so the cross-check can point at them (Report takes a key)."""
    keys: dict[Key, int] = {}
    count: dict[str, int] = {}
    for answer in answers:
        seen = count.get(answer.milestone_id, 0)
        key: Key = (BODY_KEY, answer.milestone_id) + ((seen,) if seen else ())
        keys[key] = answer.line
        count[answer.milestone_id] = seen + 1
    return keys


def build(values: Values, source: Source) -> ImplementationPlan:
    answers = _answers(source.body, source.body_line)
    source = dataclasses.replace(source, key_lines={**source.key_lines, **_answer_keys(answers)})
    entries = tuple(
        PlanMilestone(milestone_id=milestone_id, status=MilestoneStatus(entry["status"]),
                      owner=entry["owner"], due=entry["due"], done=entry["done"],
                      note=entry["note"], reason=entry["reason"], started=entry["started"])
        for milestone_id, entry in values["milestones"].items())
    activities = tuple(
        Activity(id=activity_id, title=entry["title"], every=entry["every"],
                 owner=entry["owner"], start=entry["from"], held=tuple(entry["held"]))
        for activity_id, entry in values["activities"].items())
    return ImplementationPlan(
        source=source, title=values["title"], framework=values["framework"],
        practice=values["practice"], unit=values["unit"], started=values["started"],
        milestones=entries, answers=answers, activities=activities,
        reassess_every=values["reassess_every"])


def _known(kind: str, ids: list[str], where: str) -> str:
    if not ids:
        return f" Der er ingen {kind} i indholdet endnu: {where}."
    return f" Kendte {kind}: {quote_list(sorted(ids))}."


def cross_check(plan: ImplementationPlan, content: ContentSet, report: Report) -> None:
    frameworks = [f.id for f in content.of_type(Framework)]
    framework = content.get(Framework, plan.framework)
    if framework is None:
        report(("framework",), f"ukendt ramme '{plan.framework}'."
                               f"{did_you_mean(plan.framework, frameworks)}"
                               + _known("rammer", frameworks,
                                        "læg en rammefil (type: framework) i content/frameworks/"),
               Severity.ERROR)
    if content.get(Practice, plan.practice) is None:
        practices = [p.id for p in content.of_type(Practice)]
        report(("practice",), f"ukendt praksisbeskrivelse '{plan.practice}'."
                              f"{did_you_mean(plan.practice, practices)}"
                              + _known("praksisbeskrivelser", practices,
                                       "opret en med 'praksis new practice ID'"),
               Severity.ERROR)
    if framework is not None:
        _check_milestone_ids(plan, framework, report)
    if content.today is not None:
        _check_dates_not_future(plan, content.today, report)


def _check_dates_not_future(plan: ImplementationPlan, today: dt.date, report: Report) -> None:
    # Here rather than in the field check: "today" is the resolved one (--today, the plugin's
    # today, SOURCE_DATE_EPOCH, the clock), which only the content set knows.
    for entry in plan.milestones:
        for name, day in (("started", entry.started), ("done", entry.done)):
            if day is not None and day > today:
                report(("milestones", entry.milestone_id, name),
                       f"datoen {day.isoformat()} ligger efter dags dato. "
                       f"'{name}' er en dato, der er sket; en frist skrives i 'due'.",
                       Severity.ERROR)


def _suggest(milestone_id: str, ids: tuple[str, ...]) -> str:
    # Ids are two or three characters, where difflib seldom suggests; a wrong case it catches.
    return did_you_mean(milestone_id.upper(), ids) or did_you_mean(milestone_id, ids)


def _check_milestone_ids(plan: ImplementationPlan, framework: Framework, report: Report) -> None:
    ids = framework.milestone_ids
    listed = f"Rammens milepæle: {', '.join(ids)}."
    for entry in plan.milestones:
        if entry.milestone_id not in ids:
            report(("milestones", entry.milestone_id),
                   f"milepælen '{entry.milestone_id}' findes ikke i rammen '{framework.id}'."
                   f"{_suggest(entry.milestone_id, ids)} {listed}", Severity.ERROR)
    missing = [i for i in ids if plan.entry(i) is None]
    if missing:
        noun, pronoun = ("milepælen", "den") if len(missing) == 1 else ("milepælene", "dem")
        report(("milestones",), f"{noun} {', '.join(missing)} mangler i planen og tælles som "
                                f"'ikke-påbegyndt'. Tilføj {pronoun} under 'milestones:', fx "
                                f"'{missing[0]}: {{status: ikke-påbegyndt}}'.",
               # A note: the format allows leaving milestones out, and the page shows them
               # as 'ikke-påbegyndt (mangler i planen)', so no reader is misled.
               Severity.INFO)
    first_line: dict[str, int] = {}
    seen: dict[str, int] = {}
    for answer in plan.answers:
        repeat = seen.get(answer.milestone_id, 0)
        seen[answer.milestone_id] = repeat + 1
        key: Key = (BODY_KEY, answer.milestone_id) + ((repeat,) if repeat else ())
        if answer.milestone_id not in ids:
            report(key, f"overskriften '{answer.heading}' nævner milepælen "
                        f"'{answer.milestone_id}', som ikke findes i rammen '{framework.id}'."
                        f"{_suggest(answer.milestone_id, ids)} Ret id'et i overskriften, så "
                        f"svaret vises ved milepælen. {listed}", Severity.WARNING)
        elif answer.milestone_id in first_line:
            report(key, f"svaret på milepælen '{answer.milestone_id}' står to gange "
                               f"(også i linje {first_line[answer.milestone_id]}). Saml svarene "
                               "under én overskrift: kun det første vises ved milepælen.",
                   Severity.WARNING)
        first_line.setdefault(answer.milestone_id, answer.line)


def plan_file_name(practice_id: str, unit: str | None) -> str:
    """``<practice>-<unit slug>.md``, or ``<practice>-plan.md`` without a unit."""
    return f"{practice_id}-{(slugify(unit) if unit else '') or 'plan'}.md"


def _yaml_text(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: safe for any unit name.
    return json.dumps(value, ensure_ascii=False)


def scaffold(framework: Framework, practice: Practice, unit: str, today: str) -> str:
    """A new plan with every milestone of ``framework`` not started; passes ``praksis check``."""
    milestone_lines = []
    for factor in framework.factors:
        milestone_lines.append(f"# {factor.title}")
        for milestone in factor.milestones:
            milestone_lines.append(f"# {milestone.id}: {milestone.title}")
            milestone_lines.append(f"{milestone.id}: {{status: ikke-påbegyndt}}")
    values = {
        "framework": framework.id,
        "practice": practice.id,
        "unit": _yaml_text(unit),
        "started": today,
        "milestones": "\n".join(milestone_lines),
    }
    first = framework.milestones[0]
    body = (f"Skriv planens svar på de vejledende spørgsmål under en overskrift med "
            f"milepælens id, fx `## {first.id}` eller `## {first.id}: {first.title}`. "
            "Spørgsmålene står på planens side under hver milepæl.\n")
    title = _yaml_text(default_plan_title(practice.title, unit))
    return markdown_document(scaffold_yaml(SCHEMA, values, commented={"title": title}), body)


PLAN = with_change_history(DocumentType(
    name="implementation-plan", label="implementeringsplan",
    description="En enheds implementeringsplan for en praksis: status for hver milepæl i en "
                "implementeringsramme (ikke-påbegyndt, i-gang, på-plads eller ikke-relevant), "
                "med ansvarlig, frist og noter. Brødteksten kan svare på milepælenes vejledende "
                "spørgsmål under overskrifter med milepælens id, fx '## L1'.",
    markdown=True, model=ImplementationPlan, schema=SCHEMA, build=build,
    rules=(_check_entries,), cross_check=cross_check,
    example_path="implementering/loeft-boerne-og-familie.md",
))
