"""Implementation status on the site: the plan page, a section on the practice page, and the
generated dashboard. Every number shown comes from ``milestones.plan_status``.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Iterable
from itertools import groupby

from ..charts import line_svg
from ..danish import format_date
from ..fragments import badge, block, decimal, link, percent, table, text
from ..model import Practice
from ..model.assessment import WHOLE_PRACTICE
from ..model.milestones import OVERDUE_CSS_CLASS, OVERDUE_LABEL, Framework, ImplementationPlan
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
from .context import Appendix, PageContext, PageFragment, appendix_anchor

DASHBOARD_PATH = "implementering/oversigt.md"
DASHBOARD_TITLE = "Oversigt over implementering"
_INDENT = " " * 4  # the body of a Material admonition


# --- Small pieces shared by the pages --------------------------------------------------------

def _date(day: dt.date) -> str:
    # Through text(): "1. marts 2026" at the start of a block would otherwise start a list.
    return text(format_date(day))


def _admonition_title(title: str) -> str:
    """A title for ``??? note "..."``: escaped, and no bare quote to end it early."""
    return text(title).replace('"', "&quot;")


def progress_bar(value: float | None, label: str) -> str:
    """A progress bar with the percentage as text next to it (print editions keep the text)."""
    if value is None:
        return "Ingen relevante milepæle"
    shown = percent(value)
    aria = html.escape(f"{label}: {shown}", quote=True)
    return (f'<progress class="praksis-progress" value="{value:.3f}" max="1" '
            f'aria-label="{aria}">{shown}</progress> {shown}')


def status_badge(row: MilestoneProgress) -> str:
    shown = badge(row.status.label, row.status.css_class)
    return shown + " (mangler i planen)" if row.missing else shown


def overdue_badge() -> str:
    return badge(OVERDUE_LABEL, OVERDUE_CSS_CLASS)


_DATE_WORDS = {"done": "Udført", "due": "Frist"}


def date_cell(row: MilestoneProgress) -> str:
    if row.key_date is None:
        return "–"
    kind, day = row.key_date
    shown = f"{_DATE_WORDS[kind]} {_date(day)}"
    return f"{shown} {overdue_badge()}" if row.overdue else shown


def note_cell(row: MilestoneProgress) -> str:
    parts = []
    if row.reason:
        parts.append(f"Begrundelse: {text(row.reason)}")
    if row.note:
        parts.append(text(row.note))
    return " ".join(parts) or "–"


def overdue_count(status: PlanStatus) -> str:
    """The number of overdue milestones, marked (by colour and a badge) when there are any."""
    count = len(status.overdue)
    return badge(str(count), OVERDUE_CSS_CLASS) if count else "0"


def _indented(markdown: str) -> str:
    return textwrap.indent(markdown.strip(), _INDENT, lambda line: bool(line.strip()))


# --- The plan page ---------------------------------------------------------------------------

LAPSED_LABEL = "Overskredet"


def history_label(point: HistoryPoint, today: dt.date) -> str:
    """'2016' for a year's end, 'nu' for today's point."""
    return "nu" if point.date == today else str(point.date.year)


def history_figure(status: PlanStatus, id_prefix: str) -> str:
    """Progress over time as a small line chart (an accessible SVG, printed as an image),
    with the same figures written in the caption."""
    points = status.history
    if not points:
        return "Planen er ikke startet endnu, så der er ingen fremdrift at vise.\n"
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
    return (f'<figure class="praksis-chart praksis-line">\n{svg}\n'
            f"<figcaption>{html.escape(caption, quote=False)}</figcaption>\n"
            "</figure>\n")


def lapsed_badge() -> str:
    return badge(LAPSED_LABEL, OVERDUE_CSS_CLASS)


def reassessment_text(found: Reassessment | None) -> str:
    if found is None:
        return "–"
    shown = f"Senest {_date(found.due)}"
    if found.latest is not None:
        shown += f" (forrige {_date(found.latest)})"
    else:
        shown += " (ikke vurderet endnu)"
    return f"{shown} {badge('Overskredet', OVERDUE_CSS_CLASS)}" if found.overdue else shown


def activities_table(activities: Iterable[ActivityStatus]) -> str:
    rows = []
    for found in activities:
        activity = found.activity
        next_cell = _date(found.next_due) + (f" {lapsed_badge()}" if found.lapsed else "")
        if found.planned:
            next_cell += f" (planlagt {_date(found.planned[0])})"
        owner = f", {text(activity.owner)}" if activity.owner else ""
        rows.append([f"**{text(activity.title)}** ({text(activity.every.rhythm)}{owner})",
                     _date(found.last) if found.last else "Ikke holdt endnu", next_cell])
    return table(["Aktivitet (rytme, ansvarlig)", "Sidst holdt", "Næste gang"], rows)


def rhythm_section(status: PlanStatus, printing: bool = False) -> str:
    parts = ["## Den faste rytme\n"]
    if not status.activities and printing:
        parts.append("Planen har ingen faste aktiviteter.\n")
        return "\n".join(parts)
    if not status.activities:
        parts.append("Planen har ingen faste aktiviteter endnu. Skriv dem under 'activities:' "
                     "i front matter, fx de månedlige metodeværksteder og de kvartalsvise "
                     "workshops.\n")
        return "\n".join(parts)
    lapsed = len(status.lapsed)
    parts.append("Aktiviteterne, der holder metoden i live. En aktivitet er overskredet, når "
                 "der er gået længere tid end rytmen siden sidst"
                 + (f": {lapsed} er overskredet.\n" if lapsed else "; ingen er overskredet.\n"))
    parts.append(activities_table(status.activities))
    return "\n".join(parts)


def plan_metadata(status: PlanStatus, from_path: str) -> str:
    plan = status.plan
    practice = (link(status.practice.title, from_path, status.practice.source.path)
                if status.practice else text(plan.practice))
    framework = text(status.framework.title)
    if status.framework.origin:
        framework += f" ({text(status.framework.origin)})"
    rows = [
        ("Praksis", practice),
        ("Enhed", text(plan.unit)),
        ("Ramme", framework),
        ("Startet", f"{_date(plan.started)} ({status.years_text} siden start)"
         if status.has_started else _date(plan.started)),
        ("Samlet fremdrift", progress_bar(status.progress, "Samlet fremdrift")),
        ("Forfaldne milepæle", overdue_count(status)),
        ("Næste vurdering", reassessment_text(status.reassessment)),
        ("Status pr.", _date(status.today)),
    ]
    return block("praksis-meta", "\n".join(f"{label}\n:   {value}\n" for label, value in rows))


def milestone_table(rows: Iterable[MilestoneProgress]) -> str:
    return table(["Milepæl", "Status", "Ansvarlig", "Frist / udført", "Note"], [
        [f"**{text(r.milestone.id)}** {text(r.milestone.title)}", status_badge(r),
         text(r.owner) if r.owner else "–", date_cell(r), note_cell(r)]
        for r in rows])


def _framework_key(framework: Framework) -> str:
    return f"ramme-{framework.id}"


def framework_appendix(framework: Framework) -> Appendix:
    """Every milestone's introduction and guiding questions, printed once for the book."""
    parts = []
    for factor in framework.factors:
        parts.append(f"# {text(factor.title)} {{- .unlisted}}\n")
        for milestone in factor.milestones:
            parts.append(f"## {text(milestone.id)}: {text(milestone.title)} {{- .unlisted}}\n")
            parts.append(text(milestone.introduction) + "\n")
            if milestone.questions:
                parts.append("**Vejledende spørgsmål**\n")
                parts.append("\n".join(f"- {text(q)}" for q in milestone.questions) + "\n")
    return Appendix(_framework_key(framework),
                    f"{framework.title}: milepæle og vejledende spørgsmål", "\n".join(parts))


def plan_appendices(plan: ImplementationPlan, ctx: PageContext) -> list[Appendix]:
    status = status_in(ctx.content, plan, ctx.today)
    return [framework_appendix(status.framework)] if status is not None else []


def printed_answers(status: PlanStatus) -> str:
    """Print: the plan's answers under their milestones, and where the questions stand."""
    framework = status.framework
    parts = [f"Milepælenes beskrivelse og vejledende spørgsmål står i [bilaget "
             f"{text(framework.title)}: milepæle og vejledende spørgsmål]"
             f"(#{appendix_anchor(_framework_key(framework))}).\n"]
    for row in status.milestones:
        if row.answer and row.answer.markdown:
            title = _admonition_title(f"{row.milestone.id}: {row.milestone.title}")
            parts.append(f'??? note "Planens svar, {title}"\n\n'
                         + _indented(row.answer.markdown) + "\n")
    return "\n".join(parts)


def guiding_questions(row: MilestoneProgress) -> str:
    """The milestone's introduction, questions and the plan's answer, collapsed on the site."""
    milestone = row.milestone
    title = _admonition_title(f"{milestone.id}: {milestone.title}")
    parts = [text(milestone.introduction)]
    if milestone.questions:
        parts.append("**Vejledende spørgsmål**")
        parts.append("\n".join(f"- {text(q)}" for q in milestone.questions))
    if row.answer and row.answer.markdown:
        # The answer is the editor's own Markdown, like the body it comes from.
        parts.append("**Planens svar**")
        parts.append(row.answer.markdown)
    return f'??? note "{title}"\n\n' + _indented("\n\n".join(parts)) + "\n"


def plan_page_markdown(status: PlanStatus, from_path: str, printing: bool = False) -> str:
    parts = []
    if not status.plan.title:
        # Without a title key MkDocs takes the page title from the first level-1 heading.
        parts.append(f"# {text(status.title)}\n")
    parts.append(plan_metadata(status, from_path))
    parts.append("## Fremdrift over tid\n")
    parts.append(history_figure(status, f"praksis-historik-{status.plan.id}"))
    parts.append(rhythm_section(status, printing))
    for factor in status.factors:
        parts.append(f"## {text(factor.factor.title)}\n")
        # Text first: a line starting with an HTML tag would be taken as a raw HTML block.
        parts.append("Fremdrift: " + progress_bar(factor.progress,
                                                  f"Fremdrift for {factor.factor.title}") + "\n")
        parts.append(milestone_table(factor.milestones))
        if not printing:
            parts.extend(guiding_questions(row) for row in factor.milestones)
    if printing:
        # The questions are the same in every plan of the framework: once, in an appendix.
        parts.append("## Planens svar på de vejledende spørgsmål\n")
        parts.append(printed_answers(status))
    return "\n".join(parts)


def plan_page(plan: ImplementationPlan, ctx: PageContext) -> PageFragment:
    status = status_in(ctx.content, plan, ctx.today)
    if status is None:
        return PageFragment()
    # The answers move under their milestones; the rest of the body stays where it was.
    return PageFragment(before=plan_page_markdown(status, plan.source.path, ctx.printing),
                        body=plan.body_without_answers())


# --- The practice page -----------------------------------------------------------------------

def _by_framework(statuses: list[PlanStatus]) -> list[tuple[Framework, list[PlanStatus]]]:
    ordered = sorted(statuses, key=lambda s: s.framework.id)
    return [(group[0].framework, group) for _, items in
            groupby(ordered, key=lambda s: s.framework.id) if (group := list(items))]


def practice_section(statuses: list[PlanStatus], from_path: str) -> str:
    parts = ["## Implementering\n"]
    for framework, group in _by_framework(statuses):
        factor_titles = [text(f.title) for f in framework.factors]
        # The unit links to its plan: a separate link column made the table too wide for A4.
        rows = [[link(s.plan.unit, from_path, s.plan.source.path),
                 *(percent(f.progress) for f in s.factors),
                 percent(s.progress), overdue_count(s)] for s in group]
        parts.append(f"Fremdrift efter {text(framework.title)}, pr. {_date(group[0].today)}:\n")
        parts.append(table(["Enhed", *factor_titles, "Samlet", "Forfaldne milepæle"],
                           rows, ["left"] + ["right"] * (len(factor_titles) + 2)))
    parts.append("### Forankring\n")
    parts.append("Holder den faste rytme, og bliver praksis vurderet igen til tiden? "
                 "Forankring tager mellem tre og ti år.\n")
    parts.append(table(["Enhed", "Faste aktiviteter", "Næste vurdering"],
                       [[link(s.plan.unit, from_path, s.plan.source.path), rhythm_text(s),
                         reassessment_text(s.reassessment)] for s in statuses]))
    return "\n".join(parts)


def rhythm_text(status: PlanStatus) -> str:
    """'3 af 4 i rytme' with the lapsed ones named, or that there are none."""
    if not status.activities:
        return "Ingen faste aktiviteter i planen"
    kept = len(status.activities) - len(status.lapsed)
    shown = f"{kept} af {len(status.activities)} i rytme"
    if status.lapsed:
        names = ", ".join(text(a.activity.title) for a in status.lapsed)
        shown += f"; {lapsed_badge()} {names}"
    return shown


def practice_implementation(practice: Practice, ctx: PageContext) -> PageFragment:
    statuses = plan_statuses(ctx.content, ctx.today, practice_id=practice.id)
    if not statuses:
        return PageFragment()
    return PageFragment(after=practice_section(statuses, practice.source.path))


# --- The overview: what a leader needs to act on, then the state of things -------------------

def _practice_title(status: PlanStatus) -> str:
    return text(status.practice.title if status.practice else status.plan.practice)


_SYMBOLS = {"på-plads": "✓", "i-gang": "◐", "ikke-påbegyndt": "○", "ikke-relevant": "–"}
SYMBOL_LEGEND = ("✓ på plads · ◐ i gang · ○ ikke påbegyndt · – ikke relevant · "
                 "! forfalden (fristen er overskredet)")


def symbol_cell(row: MilestoneProgress) -> str:
    """A compact matrix cell: a symbol (shapes, not colour alone), its meaning for screen
    readers and the milestone's full title on hover."""
    label = row.status.label + (f", {OVERDUE_LABEL.lower()}" if row.overdue else "")
    symbol = _SYMBOLS[row.status.value] + ("!" if row.overdue else "")
    css = OVERDUE_CSS_CLASS if row.overdue else row.status.css_class
    hover = _attribute(f"{row.milestone.id}: {row.milestone.title}: {label}")
    return (f'<span class="praksis-symbol praksis-badge--{css}" role="img" '
            f'aria-label="{_attribute(label)}" title="{hover}">{symbol}</span>')


def _attribute(value: str) -> str:
    """An editor's value inside an HTML attribute in a Markdown table cell."""
    return html.escape(" ".join(value.split()), quote=True).replace("|", "&#124;")


def milestone_matrix(framework: Framework, statuses: list[PlanStatus]) -> str:
    """One row per milestone (its id and full title, so print has them too) and one narrow
    column per plan: fits a phone with a few plans."""
    header = ["Milepæl", *(link(s.plan.unit, DASHBOARD_PATH, s.plan.source.path)
                           for s in statuses)]
    rows = []
    for index, milestone in enumerate(framework.milestones):
        title = _attribute(milestone.title)
        rows.append([f'<abbr title="{title}">**{text(milestone.id)}**</abbr> '
                     f"{text(milestone.title)}",
                     *(symbol_cell(s.milestones[index]) for s in statuses)])
    return (f"### {text(framework.title)}\n\n{SYMBOL_LEGEND}\n\n"
            + block("praksis-matrix", table(header, rows, ["left"] + ["center"] * len(statuses))))


def _unit_link(status: PlanStatus) -> str:
    return link(status.plan.unit, DASHBOARD_PATH, status.plan.source.path)


def _act_lines(ctx: PageContext, statuses: list[PlanStatus]) -> list[tuple[str, list[str]]]:
    """(heading, list items) for everything overdue, in the order a leader acts on it."""
    overdue = sorted(((s, m) for s in statuses for m in s.overdue),
                     key=lambda pair: (pair[1].due, pair[0].plan.source.path,
                                       pair[1].milestone.id))
    milestones = [f"**{text(m.milestone.id)}** {text(m.milestone.title)}: {_unit_link(s)}, "
                  f"frist {_date(m.due)}" + (f", {text(m.owner)}" if m.owner else "")
                  for s, m in overdue if m.due is not None]   # overdue: it has a due date
    lapsed = sorted(((s, a) for s in statuses for a in s.lapsed),
                    key=lambda pair: (pair[1].next_due, pair[1].activity.id))
    activities = [f"{text(a.activity.title)}: {_unit_link(s)}, "
                  + (f"sidst holdt {_date(a.last)}" if a.last else "ikke holdt endnu")
                  + f", skulle være holdt senest {_date(a.next_due)}"
                  + (f", {text(a.activity.owner)}" if a.activity.owner else "")
                  for s, a in lapsed]
    again = [f"{_practice_link(s)}: {_unit_link(s)}, skulle være vurderet senest "
             f"{_date(s.reassessment.due)}"
             + (f" (forrige {_date(s.reassessment.latest)})" if s.reassessment.latest else
                " (ikke vurderet endnu)")
             for s in statuses if s.reassessment is not None and s.reassessment.overdue]
    priorities = overdue_priorities(ctx)
    reviews = [f"{link(p.title, DASHBOARD_PATH, p.source.path)}: {text(p.unit)}, skulle være "
               f"gennemgået senest {_date(p.next_review)}, {text(p.owner)}"
               for p in sorted((p for p in ctx.content.of_type(Practice)
                                if p.review_overdue(ctx.today)),
                               key=lambda p: (p.next_review, p.id))]
    return [("Forfaldne milepæle", milestones),
            ("Faste aktiviteter, der ikke er holdt", activities),
            ("Praksis, der skal vurderes igen", again),
            ("Forfaldne udviklingsprioriteter", priorities),
            ("Praksisbeskrivelser, der skal gennemgås", reviews)]


def _practice_link(status: PlanStatus) -> str:
    if status.practice is None:
        return text(status.plan.practice)
    return link(status.practice.title, DASHBOARD_PATH, status.practice.source.path)


def overdue_priorities(ctx: PageContext) -> list[str]:
    """Each overdue development priority, with the assessment where it was made."""
    items = []
    for practice in sorted(ctx.content.of_type(Practice), key=lambda p: p.id):
        for assessment in assessments_for(ctx.content, practice.id):
            made = link(f"{practice.title}, vurdering {format_date(assessment.date)}",
                        DASHBOARD_PATH, assessment.source.path)
            for priority in assessment.priorities:
                if priority.due is not None and priority.overdue(ctx.today):
                    element = ("hele praksis" if priority.element == WHOLE_PRACTICE
                               else f"element {priority.element}")
                    items.append(f"{text(priority.action)} ({text(element)}): {made}, frist "
                                 f"{_date(priority.due)}"
                                 + (f", {text(priority.owner)}" if priority.owner else ""))
    return items


def act_section(ctx: PageContext, statuses: list[PlanStatus]) -> str:
    groups = _act_lines(ctx, statuses)
    total = sum(len(items) for _, items in groups)
    parts = ["## Det skal vi handle på\n"]
    if total == 0:
        parts.append("Intet er forfaldent: milepæle, faste aktiviteter, vurderinger, "
                     "prioriteter og gennemgange er til tiden.\n")
        return "\n".join(parts)
    parts.append(f"{total} ting er forfaldne eller overskredet. Hver linje siger hvad, hvor, "
                 "hvornår og hvem.\n")
    for heading, items in groups:
        if items:
            parts.append(f"### {heading} ({len(items)})\n")
            parts.append("\n".join(f"- {item}" for item in items) + "\n")
    return "\n".join(parts)


def compact_plans_table(statuses: list[PlanStatus]) -> str:
    rows = [[f"{_unit_link(s)}<br>{_practice_title(s)}, startet {_date(s.plan.started)} "
             f"({s.years_text}{' siden' if s.has_started else ''})",
             percent(s.progress), overdue_count(s)] for s in statuses]
    return table(["Plan", "Fremdrift", "Forfaldne milepæle"], rows, ["left", "right", "right"])


def history_section(statuses: list[PlanStatus]) -> str:
    parts = ["## Fremdrift over tid\n",
             "Den samlede fremdrift ved udgangen af hvert år og i dag, regnet ud fra "
             "milepælenes datoer for, hvornår de blev startet og kom på plads.\n"]
    for status in statuses:
        parts.append(f"### {text(status.plan.unit)}\n")
        parts.append(history_figure(status, f"praksis-oversigt-{status.plan.id}"))
    return "\n".join(parts)


def score_trend_section(ctx: PageContext) -> str | None:
    """The mean score (not official) of each practice's assessments over time."""
    rows, figures = [], []
    for practice in sorted(ctx.content.of_type(Practice), key=lambda p: p.id):
        assessments = assessments_for(ctx.content, practice.id)
        if not assessments:
            continue
        instrument_id = assessments[-1].instrument
        scores = [score for a in assessments if a.instrument == instrument_id
                  and (score := score_in(ctx.content, a, ctx.adjusted_scores)) is not None]
        if not scores:
            continue
        means = ", ".join(f"{text(format_date(s.date))}: {decimal(s.mean)}" for s in scores)
        change = "–"
        if len(scores) > 1 and scores[-1].mean is not None and scores[-2].mean is not None:
            delta = scores[-1].mean - scores[-2].mean
            change = ("+" if delta > 0 else "") + decimal(delta)
        rows.append([link(practice.title, DASHBOARD_PATH, practice.source.path), means, change])
        if len(scores) > 1:
            described = "; ".join(f"{format_date(s.date)}: {decimal(s.mean)}" for s in scores)
            svg = line_svg([(str(s.date.year), s.mean) for s in scores],
                           title=f"Gennemsnitlig score over tid: {practice.title}",
                           description=("Linjediagram over gennemsnittet af elementernes score "
                                        f"(ikke officielt) ved hver vurdering. {described}."),
                           id_prefix=f"praksis-score-{practice.id}", value_label=decimal)
            figures.append(f"### {text(practice.title)}\n\n"
                           f'<figure class="praksis-chart praksis-line">\n{svg}\n'
                           f"<figcaption>{html.escape(described, quote=False)}.</figcaption>\n"
                           "</figure>\n")
    if not rows:
        return None
    mode = " (justeret, ikke officiel)" if ctx.adjusted_scores else ""
    parts = ["## Lovende praksis over tid\n",
             f"Gennemsnittet af elementernes score{mode} ved hver vurdering (ikke officielt). "
             "Se hver vurdering for scoren pr. element.\n",
             table(["Praksis", "Gennemsnit ved hver vurdering", "Ændring"], rows,
                   ["left", "left", "right"])]
    return "\n".join(parts + figures)


def dashboard_markdown(ctx: PageContext) -> str:
    """The leader's overview: what to act on first, then milestones, progress over time and
    each practice's Lovende praksis trend (when a practice has scored assessments)."""
    statuses = plan_statuses(ctx.content, ctx.today)
    parts = [f"---\ntype: page\ntitle: {DASHBOARD_TITLE}\n---\n",
             f"Status pr. {_date(ctx.today)} for alle implementeringsplaner. Fremdriften "
             "er point i forhold til det højest mulige: en milepæl på plads giver 2 point, en "
             "milepæl i gang 1 point, og milepæle, der ikke er relevante, tæller ikke med.\n"]
    parts.append(act_section(ctx, statuses))
    parts.append("## Planer\n")
    parts.append(compact_plans_table(statuses) if statuses else "Der er ingen "
                                                                 "implementeringsplaner endnu.\n")
    parts.append("## Status for milepælene\n")
    for framework, group in _by_framework(statuses):
        parts.append(milestone_matrix(framework, group))
    if statuses:
        parts.append(history_section(statuses))
    if (trend := score_trend_section(ctx)) is not None:
        parts.append(trend)
    return "\n".join(parts)


def dashboard_page(ctx: PageContext) -> dict[str, str]:
    if not ctx.content.of_type(ImplementationPlan):
        return {}
    return {DASHBOARD_PATH: dashboard_markdown(ctx)}
