"""Implementation status on the site: the plan page, a section on the practice page, and the
generated dashboard. Every number shown comes from ``milestones.plan_status``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from itertools import groupby

from ..blocks import (
    Abbreviation,
    Advice,
    Block,
    Blocks,
    BulletList,
    Chart,
    Column,
    Date,
    Details,
    EditorMarkdown,
    Fact,
    Facts,
    Inline,
    Inlines,
    LineBreak,
    Link,
    Number,
    Percent,
    Progress,
    Repeated,
    RepeatedText,
    Section,
    Status,
    Symbol,
    Table,
    Text,
    Tone,
    inlines,
    link,
    paragraph,
    section,
    strong,
)
from ..charts import line_svg
from ..danish import decimal, format_date, percent
from ..model import Practice
from ..model.assessment import WHOLE_PRACTICE
from ..model.milestones import (
    OVERDUE_LABEL,
    Framework,
    ImplementationPlan,
    Milestone,
)
from ..rules.milestones import (
    ActivityStatus,
    HistoryPoint,
    MilestoneProgress,
    PlanStatus,
    Reassessment,
    plan_statuses,
    status_in,
)
from ..rules.scoring import assessments_for, score_in
from .context import Appendix, Generated, PageContext, PageFragment

DASHBOARD_PATH = "implementering/oversigt.md"
DASHBOARD_TITLE = "Oversigt over implementering"


# --- The plan page (blocks) -------------------------------------------------------------------

LAPSED_LABEL = "Overskredet"


def history_label(point: HistoryPoint, today: dt.date) -> str:
    """'2016' for a year's end, 'nu' for today's point."""
    return "nu" if point.date == today else str(point.date.year)


def _history_svg(status: PlanStatus, id_prefix: str) -> tuple[str, str]:
    """Progress over time as a small line chart (an accessible SVG, printed as an image),
    and its caption with the same figures."""
    points = status.history
    values = "; ".join(f"{format_date(p.date)}: {percent(p.progress)}" for p in points)
    short = "; ".join(f"{'i dag' if p.date == status.today else p.date.year}: "
                      f"{percent(p.progress)}" for p in points)
    title = f"Fremdrift over tid: {status.title}"
    description = ("Linjediagram over den samlede fremdrift ved udgangen af hvert år og i dag, "
                   f"fra 0 til 100 %. {values}.")
    svg = line_svg([(history_label(p, status.today), p.progress) for p in points],
                   title=title, description=description, id_prefix=id_prefix,
                   value_label=percent)
    caption = (f"Samlet fremdrift ved årets udgang (31. december) og i dag "
               f"({format_date(status.today)}): {short}.")
    return svg, caption


NOT_STARTED_TEXT = "Planen er ikke startet endnu, så der er ingen fremdrift at vise."


def history_chart(status: PlanStatus, id_prefix: str) -> Block:
    if not status.history:
        return paragraph(NOT_STARTED_TEXT)
    svg, caption = _history_svg(status, id_prefix)
    return Chart(svg, caption, "praksis-chart praksis-line")


def history_figure(status: PlanStatus, id_prefix: str) -> str:
    """The same chart as site Markdown (the dashboard, not converted to blocks yet)."""
    if not status.history:
        return NOT_STARTED_TEXT + "\n"
    svg, caption = _history_svg(status, id_prefix)
    return (f'<figure class="praksis-chart praksis-line">\n{svg}\n'
            f"<figcaption>{html.escape(caption, quote=False)}</figcaption>\n"
            "</figure>\n")


def progress(value: float | None, label: str) -> Inlines:
    """A progress bar with the percentage as text next to it (print keeps the text)."""
    if value is None:
        return inlines("Ingen relevante milepæle")
    return (Progress(value, label),)


def overdue_inline(status: PlanStatus) -> Inlines:
    """The number of overdue milestones, marked (by colour and a badge) when there are any."""
    count = len(status.overdue)
    return (Status(str(count), Tone.OVERDUE),) if count else inlines("0")


def _lapsed() -> Status:
    return Status(LAPSED_LABEL, Tone.OVERDUE)


def reassessment_inlines(found: Reassessment | None) -> Inlines:
    if found is None:
        return inlines("–")
    shown: list[Inline] = [Text("Senest "), Date(found.due)]
    if found.latest is not None:
        shown += [Text(" (forrige "), Date(found.latest), Text(")")]
    else:
        shown.append(Text(" (ikke vurderet endnu)"))
    if found.overdue:
        shown += [Text(" "), _lapsed()]
    return tuple(shown)


def activities_table(activities: Iterable[ActivityStatus]) -> Table:
    rows = []
    for found in activities:
        activity = found.activity
        next_cell: list[Inline] = [Date(found.next_due)]
        if found.lapsed:
            next_cell += [Text(" "), _lapsed()]
        if found.planned:
            next_cell += [Text(" (planlagt "), Date(found.planned[0]), Text(")")]
        owner = f", {activity.owner}" if activity.owner else ""
        rows.append((inlines(strong(activity.title), f" ({activity.every.rhythm}{owner})"),
                     (Date(found.last),) if found.last else inlines("Ikke holdt endnu"),
                     tuple(next_cell)))
    columns = tuple(Column(inlines(h)) for h in ("Aktivitet (rytme, ansvarlig)", "Sidst holdt",
                                                 "Næste gang"))
    return Table(columns, tuple(rows))


def rhythm_section(status: PlanStatus, printing: bool = False) -> Section:
    title = "Den faste rytme"
    if not status.activities and printing:
        return section(2, title, paragraph("Planen har ingen faste aktiviteter."))
    if not status.activities:
        return section(2, title, Advice((paragraph(
            "Planen har ingen faste aktiviteter endnu. Skriv dem under 'activities:' i front "
            "matter, fx de månedlige metodeværksteder og de kvartalsvise workshops."),)))
    lapsed = len(status.lapsed)
    return section(2, title, paragraph(
        "Aktiviteterne, der holder metoden i live. En aktivitet er overskredet, når der er gået "
        "længere tid end rytmen siden sidst"
        + (f": {lapsed} er overskredet." if lapsed else "; ingen er overskredet.")),
        activities_table(status.activities))


def plan_metadata(status: PlanStatus) -> Facts:
    plan = status.plan
    practice = ((link(status.practice.title, status.practice.source.path),)
                if status.practice else inlines(plan.practice))
    framework = status.framework.title
    if status.framework.origin:
        framework += f" ({status.framework.origin})"
    started = ((Date(plan.started), Text(f" ({status.years_text} siden start)"))
               if status.has_started else (Date(plan.started),))
    return Facts((
        Fact("Praksis", practice),
        Fact("Enhed", inlines(plan.unit)),
        Fact("Ramme", inlines(framework)),
        Fact("Startet", started),
        Fact("Samlet fremdrift", progress(status.progress, "Samlet fremdrift")),
        Fact("Forfaldne milepæle", overdue_inline(status)),
        Fact("Næste vurdering", reassessment_inlines(status.reassessment)),
        Fact("Status pr.", (Date(status.today),)),
    ))


_DATE_WORDS = {"done": "Udført", "due": "Frist"}


def _date_cell(row: MilestoneProgress) -> Inlines:
    if row.key_date is None:
        return inlines("–")
    kind, day = row.key_date
    shown = (Text(f"{_DATE_WORDS[kind]} "), Date(day))
    return ((*shown, Text(" "), Status(OVERDUE_LABEL, Tone.OVERDUE, qualifies=True))
            if row.overdue else shown)


def _note_cell(row: MilestoneProgress) -> Inlines:
    parts = []
    if row.reason:
        parts.append(f"Begrundelse: {row.reason}")
    if row.note:
        parts.append(row.note)
    return inlines(" ".join(parts) or "–")


def _status_cell(row: MilestoneProgress) -> Inlines:
    shown = Status(row.status.label, row.status.css_class)
    return (shown, Text(" (mangler i planen)")) if row.missing else (shown,)


def milestone_table(rows: Iterable[MilestoneProgress]) -> Table:
    columns = tuple(Column(inlines(h)) for h in ("Milepæl", "Status", "Ansvarlig",
                                                 "Frist / udført", "Note"))
    return Table(columns, tuple(
        # The milestone's title is the framework's, the same in every plan: not searched.
        ((strong(r.milestone.id), Text(" "), RepeatedText(r.milestone.title)), _status_cell(r),
         inlines(r.owner or "–"), _date_cell(r), _note_cell(r))
        for r in rows))


def _framework_key(framework: Framework) -> str:
    return f"ramme-{framework.id}"


def _milestone_text(milestone: Milestone) -> list[Block]:
    """A milestone's introduction and guiding questions: the same in every plan."""
    parts: list[Block] = [paragraph(milestone.introduction)]
    if milestone.questions:
        parts.append(paragraph(strong("Vejledende spørgsmål")))
        parts.append(BulletList(tuple(inlines(q) for q in milestone.questions)))
    return parts


def framework_appendix(framework: Framework) -> Appendix:
    """Every milestone's introduction and guiding questions, printed once for the book."""
    parts: list[Block] = []
    for factor in framework.factors:
        parts.append(section(1, factor.title, unlisted=True))
        for milestone in factor.milestones:
            parts.append(section(2, f"{milestone.id}: {milestone.title}",
                                 *_milestone_text(milestone), unlisted=True))
    return Appendix(_framework_key(framework),
                    f"{framework.title}: milepæle og vejledende spørgsmål", tuple(parts))


def plan_appendices(plan: ImplementationPlan, ctx: PageContext) -> list[Appendix]:
    status = status_in(ctx.content, plan, ctx.today)
    return [framework_appendix(status.framework)] if status is not None else []


def printed_answers(status: PlanStatus) -> list[Block]:
    """Print: the plan's answers under their milestones, and where the questions stand."""
    framework = status.framework
    parts: list[Block] = [paragraph(
        "Milepælenes beskrivelse og vejledende spørgsmål står i ",
        Link(inlines(f"bilaget {framework.title}: milepæle og vejledende spørgsmål"),
             appendix=_framework_key(framework)), ".")]
    for row in status.milestones:
        if row.answer and row.answer.markdown:
            parts.append(Details(f"Planens svar, {row.milestone.id}: {row.milestone.title}",
                                 (EditorMarkdown(row.answer.markdown),)))
    return parts


def guiding_questions(row: MilestoneProgress) -> Details:
    """The milestone's introduction, questions and the plan's answer, collapsed on the site.
    The questions are the same in every plan (kept out of the search index); the answer is
    the editor's own Markdown, like the body it comes from."""
    milestone = row.milestone
    parts: list[Block] = [Repeated(tuple(_milestone_text(milestone)))]
    if row.answer and row.answer.markdown:
        parts.append(paragraph(strong("Planens svar")))
        parts.append(EditorMarkdown(row.answer.markdown))
    return Details(f"{milestone.id}: {milestone.title}", tuple(parts))


def plan_page_blocks(status: PlanStatus, printing: bool = False) -> Blocks:
    # Without a title key the page's title is computed (a level-1 heading on the site).
    parts: list[Block] = [] if status.plan.title else [section(1, status.title)]
    parts.append(plan_metadata(status))
    parts.append(section(2, "Fremdrift over tid",
                         history_chart(status, f"praksis-historik-{status.plan.id}")))
    parts.append(rhythm_section(status, printing))
    for factor in status.factors:
        parts.append(section(
            2, factor.factor.title,
            paragraph("Fremdrift: ", *progress(factor.progress,
                                               f"Fremdrift for {factor.factor.title}")),
            milestone_table(factor.milestones),
            *([] if printing else [guiding_questions(row) for row in factor.milestones])))
    if printing:
        # The questions are the same in every plan of the framework: once, in an appendix.
        parts.append(section(2, "Planens svar på de vejledende spørgsmål",
                             *printed_answers(status)))
    return tuple(parts)


def plan_page(plan: ImplementationPlan, ctx: PageContext) -> PageFragment:
    status = status_in(ctx.content, plan, ctx.today)
    if status is None:
        return PageFragment()
    # The answers move under their milestones; the rest of the body stays where it was.
    return PageFragment(before=plan_page_blocks(status, ctx.printing),
                        body=plan.body_without_answers())


# --- The practice page -----------------------------------------------------------------------

def _by_framework(statuses: list[PlanStatus]) -> list[tuple[Framework, list[PlanStatus]]]:
    ordered = sorted(statuses, key=lambda s: s.framework.id)
    return [(group[0].framework, group) for _, items in
            groupby(ordered, key=lambda s: s.framework.id) if (group := list(items))]


def _plan_link(status: PlanStatus) -> Link:
    return link(status.plan.unit, status.plan.source.path)


def practice_section(statuses: list[PlanStatus]) -> Section:
    parts: list[Block] = []
    for framework, group in _by_framework(statuses):
        # The unit links to its plan: a separate link column made the table too wide for A4.
        columns = (Column(inlines("Enhed")),
                   *(Column(inlines(f.title), "right") for f in framework.factors),
                   Column(inlines("Samlet"), "right"),
                   Column(inlines("Forfaldne milepæle"), "right"))
        rows: tuple[tuple[Inlines, ...], ...] = tuple(
            ((_plan_link(s),), *((Percent(f.progress),) for f in s.factors),
             (Percent(s.progress),), overdue_inline(s)) for s in group)
        parts.append(paragraph(f"Fremdrift efter {framework.title}, pr. ",
                               Date(group[0].today), ":"))
        parts.append(Table(columns, rows))
    columns = tuple(Column(inlines(h)) for h in ("Enhed", "Faste aktiviteter", "Næste vurdering"))
    parts.append(section(3, "Forankring",
                         Repeated((paragraph("Holder den faste rytme, og bliver praksis vurderet "
                                             "igen til tiden? Forankring tager mellem tre og ti "
                                             "år."),)),
                         Table(columns, tuple(((_plan_link(s),), rhythm_inlines(s),
                                               reassessment_inlines(s.reassessment))
                                              for s in statuses))))
    return section(2, "Implementering", *parts)


def rhythm_inlines(status: PlanStatus) -> Inlines:
    """'3 af 4 i rytme' with the lapsed ones named, or that there are none."""
    if not status.activities:
        return inlines("Ingen faste aktiviteter i planen")
    kept = len(status.activities) - len(status.lapsed)
    shown = inlines(f"{kept} af {len(status.activities)} i rytme")
    if status.lapsed:
        names = ", ".join(a.activity.title for a in status.lapsed)
        shown += (Text("; "), _lapsed(), Text(f" {names}"))
    return shown


def practice_implementation(practice: Practice, ctx: PageContext) -> PageFragment:
    statuses = plan_statuses(ctx.content, ctx.today, practice_id=practice.id)
    if not statuses:
        return PageFragment()
    return PageFragment(after=(practice_section(statuses),))


# --- The overview: what a leader needs to act on, then the state of things -------------------

_SYMBOLS = {"på-plads": "✓", "i-gang": "◐", "ikke-påbegyndt": "○", "ikke-relevant": "–"}
SYMBOL_LEGEND = ("✓ på plads · ◐ i gang · ○ ikke påbegyndt · – ikke relevant · "
                 "! forfalden (fristen er overskredet)")


def symbol_cell(row: MilestoneProgress) -> Symbol:
    """A compact matrix cell: a symbol (shapes, not colour alone), its meaning for screen
    readers and the milestone's full title on hover."""
    label = row.status.label + (f", {OVERDUE_LABEL.lower()}" if row.overdue else "")
    symbol = _SYMBOLS[row.status.value] + ("!" if row.overdue else "")
    tone = Tone.OVERDUE if row.overdue else row.status.css_class
    return Symbol(symbol, label, f"{row.milestone.id}: {row.milestone.title}: {label}", tone)


def milestone_matrix(framework: Framework, statuses: list[PlanStatus]) -> Section:
    """One row per milestone (its id and full title, so print has them too) and one narrow
    column per plan: fits a phone with a few plans."""
    columns = (Column(inlines("Milepæl")),
               *(Column((_plan_link(s),), "center") for s in statuses))
    rows = tuple(
        ((Abbreviation((strong(milestone.id),), milestone.title), Text(" "),
          RepeatedText(milestone.title)),
         *((symbol_cell(s.milestones[index]),) for s in statuses))
        for index, milestone in enumerate(framework.milestones))
    return section(3, framework.title, Repeated((paragraph(SYMBOL_LEGEND),)),
                   Table(columns, rows, css="praksis-matrix"))


def _act_lines(ctx: PageContext, statuses: list[PlanStatus]) -> list[tuple[str, list[Inlines]]]:
    """(heading, list items) for everything overdue, in the order a leader acts on it."""
    overdue = sorted(((s, m) for s in statuses for m in s.overdue),
                     key=lambda pair: (pair[1].due, pair[0].plan.source.path,
                                       pair[1].milestone.id))
    milestones = [inlines(strong(m.milestone.id), f" {m.milestone.title}: ", _plan_link(s),
                          ", frist ", Date(m.due), f", {m.owner}" if m.owner else "")
                  for s, m in overdue if m.due is not None]   # overdue: it has a due date
    lapsed = sorted(((s, a) for s in statuses for a in s.lapsed),
                    key=lambda pair: (pair[1].next_due, pair[1].activity.id))
    activities = [inlines(f"{a.activity.title}: ", _plan_link(s), ", ",
                          *(("sidst holdt ", Date(a.last)) if a.last else ("ikke holdt endnu",)),
                          ", skulle være holdt senest ", Date(a.next_due),
                          f", {a.activity.owner}" if a.activity.owner else "")
                  for s, a in lapsed]
    again = [inlines(_practice_link(s), ": ", _plan_link(s), ", skulle være vurderet senest ",
                     Date(s.reassessment.due),
                     *((" (forrige ", Date(s.reassessment.latest), ")")
                       if s.reassessment.latest else (" (ikke vurderet endnu)",)))
             for s in statuses if s.reassessment is not None and s.reassessment.overdue]
    priorities = overdue_priorities(ctx)
    reviews = [inlines(link(p.title, p.source.path), f": {p.unit}, skulle være gennemgået "
                       "senest ", Date(p.next_review), f", {p.owner}")
               for p in sorted((p for p in ctx.content.of_type(Practice)
                                if p.review_overdue(ctx.today)),
                               key=lambda p: (p.next_review, p.id))]
    return [("Forfaldne milepæle", milestones),
            ("Faste aktiviteter, der ikke er holdt", activities),
            ("Praksis, der skal vurderes igen", again),
            ("Forfaldne udviklingsprioriteter", priorities),
            ("Praksisbeskrivelser, der skal gennemgås", reviews)]


def _practice_link(status: PlanStatus) -> Inline:
    if status.practice is None:
        return Text(status.plan.practice)
    return link(status.practice.title, status.practice.source.path)


def overdue_priorities(ctx: PageContext) -> list[Inlines]:
    """Each overdue development priority, with the assessment where it was made."""
    items = []
    for practice in sorted(ctx.content.of_type(Practice), key=lambda p: p.id):
        for assessment in assessments_for(ctx.content, practice.id):
            made = link(f"{practice.title}, vurdering {format_date(assessment.date)}",
                        assessment.source.path)
            for priority in assessment.priorities:
                if priority.due is not None and priority.overdue(ctx.today):
                    element = ("hele praksis" if priority.element == WHOLE_PRACTICE
                               else f"element {priority.element}")
                    items.append(inlines(f"{priority.action} ({element}): ", made, ", frist ",
                                         Date(priority.due),
                                         f", {priority.owner}" if priority.owner else ""))
    return items


def act_section(ctx: PageContext, statuses: list[PlanStatus]) -> Section:
    groups = _act_lines(ctx, statuses)
    total = sum(len(items) for _, items in groups)
    title = "Det skal vi handle på"
    if total == 0:
        return section(2, title, paragraph(
            "Intet er forfaldent: milepæle, faste aktiviteter, vurderinger, prioriteter og "
            "gennemgange er til tiden."))
    parts: list[Block] = [paragraph(f"{total} ting er forfaldne eller overskredet. Hver linje "
                                    "siger hvad, hvor, hvornår og hvem.")]
    for heading, items in groups:
        if items:
            # Each item is found on its own page: the lists stay out of the search index.
            parts.append(section(3, f"{heading} ({len(items)})",
                                 Repeated((BulletList(tuple(items)),))))
    return section(2, title, *parts)


def compact_plans_table(statuses: list[PlanStatus]) -> Table:
    columns = (Column(inlines("Plan")), Column(inlines("Fremdrift"), "right"),
               Column(inlines("Forfaldne milepæle"), "right"))
    rows = tuple(
        ((_plan_link(s), LineBreak(),
          Text(f"{s.practice.title if s.practice else s.plan.practice}, startet "),
          Date(s.plan.started), Text(f" ({s.years_text}{' siden' if s.has_started else ''})")),
         (Percent(s.progress),), overdue_inline(s))
        for s in statuses)
    return Table(columns, rows)


def history_section(statuses: list[PlanStatus]) -> Section:
    parts: list[Block] = [paragraph(
        "Den samlede fremdrift ved udgangen af hvert år og i dag, regnet ud fra milepælenes "
        "datoer for, hvornår de blev startet og kom på plads.")]
    for status in statuses:
        parts.append(section(3, status.plan.unit,
                             history_chart(status, f"praksis-oversigt-{status.plan.id}")))
    return section(2, "Fremdrift over tid", *parts)


def score_trend_section(ctx: PageContext) -> Section | None:
    """The mean score (not official) of each practice's assessments over time."""
    rows: list[tuple[Inlines, ...]] = []
    figures: list[Block] = []
    for practice in sorted(ctx.content.of_type(Practice), key=lambda p: p.id):
        assessments = assessments_for(ctx.content, practice.id)
        if not assessments:
            continue
        instrument_id = assessments[-1].instrument
        scores = [score for a in assessments if a.instrument == instrument_id
                  and (score := score_in(ctx.content, a, ctx.adjusted_scores)) is not None]
        if not scores:
            continue
        means: list[Inline] = []
        for index, score in enumerate(scores):
            means += [Text(", " if index else ""), Date(score.date), Text(": "),
                      Number(score.mean)]
        change: Inlines = inlines("–")
        if len(scores) > 1 and scores[-1].mean is not None and scores[-2].mean is not None:
            change = (Number(scores[-1].mean - scores[-2].mean, signed=True),)
        rows.append(((link(practice.title, practice.source.path),), tuple(means), change))
        if len(scores) > 1:
            described = "; ".join(f"{format_date(s.date)}: {decimal(s.mean)}" for s in scores)
            svg = line_svg([(str(s.date.year), s.mean) for s in scores],
                           title=f"Gennemsnitlig score over tid: {practice.title}",
                           description=("Linjediagram over gennemsnittet af elementernes score "
                                        f"(ikke officielt) ved hver vurdering. {described}."),
                           id_prefix=f"praksis-score-{practice.id}", value_label=decimal)
            figures.append(section(3, practice.title,
                                   Chart(svg, f"{described}.", "praksis-chart praksis-line")))
    if not rows:
        return None
    mode = " (justeret, ikke officiel)" if ctx.adjusted_scores else ""
    columns = (Column(inlines("Praksis")), Column(inlines("Gennemsnit ved hver vurdering")),
               Column(inlines("Ændring"), "right"))
    return section(2, "Lovende praksis over tid",
                   paragraph(f"Gennemsnittet af elementernes score{mode} ved hver vurdering "
                             "(ikke officielt). Se hver vurdering for scoren pr. element."),
                   Repeated((Table(columns, tuple(rows)),)), *figures)


def dashboard_blocks(ctx: PageContext) -> Blocks:
    """The leader's overview: what to act on first, then milestones, progress over time and
    each practice's Lovende praksis trend (when a practice has scored assessments)."""
    statuses = plan_statuses(ctx.content, ctx.today)
    parts: list[Block] = [
        paragraph("Status pr. ", Date(ctx.today), " for alle implementeringsplaner. Fremdriften "
                  "er point i forhold til det højest mulige: en milepæl på plads giver 2 point, "
                  "en milepæl i gang 1 point, og milepæle, der ikke er relevante, tæller ikke "
                  "med."),
        act_section(ctx, statuses),
        section(2, "Planer", Repeated((compact_plans_table(statuses),)) if statuses else paragraph(
            "Der er ingen implementeringsplaner endnu.")),
        section(2, "Status for milepælene",
                *(milestone_matrix(framework, group)
                  for framework, group in _by_framework(statuses))),
    ]
    if statuses:
        parts.append(history_section(statuses))
    if (trend := score_trend_section(ctx)) is not None:
        parts.append(trend)
    return tuple(parts)


def dashboard_page(ctx: PageContext) -> dict[str, Generated]:
    if not ctx.content.of_type(ImplementationPlan):
        return {}
    return {DASHBOARD_PATH: Generated(DASHBOARD_TITLE, dashboard_blocks(ctx))}
