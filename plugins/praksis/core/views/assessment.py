"""Lovende praksis on the site: the assessment page and a section on the practice page.

Every number comes from ``scoring.score_assessment``, the same function behind
``praksis score`` and its JSON. Everything an editor typed (comments, participants, titles)
goes through ``text()``; the reflection in the body is the editor's own Markdown, as on any page.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from fractions import Fraction

from ..charts import radar_svg
from ..danish import decimal as format_score  # scores: the one number formatter
from ..danish import format_date
from ..fragments import badge, block, link, table, text
from ..model import Practice
from ..model.assessment import PRIORITY_CSS, PRIORITY_LABELS, WHOLE_PRACTICE, Assessment, Priority
from ..model.instrument import Element, Instrument
from ..rules.scoring import (
    ADJUSTED_LABEL,
    MEAN_LABEL,
    AssessmentScore,
    ElementScore,
    QuestionResult,
    QuestionStatus,
    assessments_for,
    mode_label,
    score_assessment,
)
from ..rules.titles import assessment_title
from ..types.assessment import Reflections, SectionReflection, read_reflections
from .context import Appendix, PageContext, PageFragment, appendix_anchor

NOT_FILLED_IN = "*Ikke udfyldt endnu.*"


# --- shared pieces ---------------------------------------------------------------------------



def answered_text(element: ElementScore) -> str:
    return f"{element.answered} af {element.applicable} besvaret"


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def chart_label(element: ElementScore) -> str:
    return f"{element.id}. {element.title}"


def score_table(score: AssessmentScore, previous: AssessmentScore | None = None) -> str:
    """Element, score and answered count: the chart's numbers as a table (with the previous
    assessment's score beside it, when there is one)."""
    if previous is None:
        rows = [[text(chart_label(e)), format_score(e.exact), answered_text(e)]
                for e in score.elements]
        rows.append([MEAN_LABEL, format_score(score.exact_mean), ""])
        return table(["Element", "Score", "Besvaret"], rows, ["left", "right", "left"])
    rows = [[text(chart_label(e)), format_score(e.exact), answered_text(e),
             format_score(before.exact)] for e, before in zip(score.elements, previous.elements)]
    rows.append([MEAN_LABEL, format_score(score.exact_mean), "",
                 format_score(previous.exact_mean)])
    return table(["Element", "Score", "Besvaret", "Forrige score"], rows,
                 ["left", "right", "left", "right"])


# --- priorities and the previous assessment ---------------------------------------------------

OVERDUE_BADGE = badge("Forfalden", "forfalden")


def previous_assessment(assessment: Assessment, ctx: PageContext) -> Assessment | None:
    """The assessment of the same practice with the same instrument just before this one."""
    same = [a for a in assessments_for(ctx.content, assessment.practice)
            if a.instrument == assessment.instrument]
    index = next((i for i, a in enumerate(same) if a is assessment), None)
    return same[index - 1] if index else None


def element_name(priority: Priority, instrument: Instrument | None) -> str:
    if priority.element == WHOLE_PRACTICE:
        return "Hele praksis"
    element = instrument.element(priority.element) if instrument else None
    return text(f"{element.id}. {element.title}") if element else text(priority.element)


def priority_status(priority: Priority, today: dt.date) -> str:
    shown = badge(PRIORITY_LABELS[priority.status], PRIORITY_CSS[priority.status])
    return f"{shown} {OVERDUE_BADGE}" if priority.overdue(today) else shown


def priority_cell(priority: Priority, instrument: Instrument | None) -> str:
    """'**1. Teori og viden:** what to do (who)': one cell, so the table fits a phone."""
    owner = f" ({text(priority.owner)})" if priority.owner else ""
    return f"**{element_name(priority, instrument)}:** {text(priority.action)}{owner}"


def priorities_table(priorities: Sequence[Priority], instrument: Instrument | None,
                     today: dt.date) -> str:
    """Element, action and owner, due date and status (overdue marked by a badge with text)."""
    return table(["Prioritet (ansvarlig)", "Frist", "Status"], [
        [priority_cell(p, instrument), text(format_date(p.due)) if p.due else "–",
         priority_status(p, today)] for p in priorities])


def _answer_label(assessment: Assessment, instrument: Instrument, question_id: str) -> str:
    question = instrument.question(question_id)
    answer = assessment.answer(question_id)
    if question is None or answer is None or answer.code is None:
        return "Ikke besvaret"
    option = instrument.scale_of(question).option(answer.code)
    return option.label if option else answer.code


def changed_answers(assessment: Assessment, previous: Assessment,
                    instrument: Instrument) -> list[tuple[str, str, str, str]]:
    """(question id, question, before, after) for every answer that changed."""
    changed = []
    for element in instrument.elements:
        for question in element.questions:
            before = _answer_label(previous, instrument, question.id)
            after = _answer_label(assessment, instrument, question.id)
            if before != after:
                changed.append((question.id, question.text, before, after))
    return changed


def changes_section(assessment: Assessment, previous: Assessment, instrument: Instrument,
                    from_path: str) -> str:
    when = link(format_date(previous.date), from_path, previous.source.path)
    changed = changed_answers(assessment, previous, instrument)
    parts = [f"## Ændret siden {text(format_date(previous.date))}\n",
             f"Svarene, der er ændret siden forrige vurdering ({when}).\n"]
    if not changed:
        parts.append("Ingen svar er ændret.\n")
    else:
        parts.append(table(["Spørgsmål", "Før → nu"], [
            [f"**{text(qid)}** {text(question)}", f"{text(before)} → **{text(after)}**"]
            for qid, question, before, after in changed]))
    return "\n".join(parts)


def follow_up_section(previous: Assessment, instrument: Instrument, from_path: str,
                      today: dt.date, printing: bool = False) -> str:
    """The previous assessment's priorities with their status, edited where they were made."""
    when = link(format_date(previous.date), from_path, previous.source.path)
    parts = [f"## Opfølgning på prioriteterne fra {text(format_date(previous.date))}\n"]
    if not previous.priorities:
        parts.append(f"Forrige vurdering ({when}) satte ingen udviklingsprioriteter.\n")
        return "\n".join(parts)
    done = sum(1 for p in previous.priorities if not p.is_open)
    # Where to edit the status is for editors, not for the printed book.
    edit = "" if printing else " Status rettes i den vurdering, hvor prioriteten blev sat."
    parts.append(f"Forrige vurdering ({when}) satte {len(previous.priorities)} "
                 f"udviklingsprioriteter; {done} er gennemført eller opgivet.{edit}\n")
    parts.append(priorities_table(previous.priorities, instrument, today))
    return "\n".join(parts)


def priorities_section(assessment: Assessment, instrument: Instrument, today: dt.date,
                       printing: bool = False) -> str:
    parts = ["## Udviklingsprioriteter\n"]
    if not assessment.priorities and printing:
        parts.append("Vurderingen har ingen udviklingsprioriteter.\n")
        return "\n".join(parts)
    if not assessment.priorities:
        parts.append("Vurderingen har ingen udviklingsprioriteter endnu. Skriv dem under "
                     "'priorities:' i front matter: hvad I vil forbedre før næste vurdering, "
                     "hvem der har ansvaret, og hvornår.\n")
        return "\n".join(parts)
    parts.append("Hvad vi vil forbedre før næste vurdering, taget fra udviklingspotentialet.\n")
    parts.append(priorities_table(assessment.priorities, instrument, today))
    return "\n".join(parts)


def chart_figure(score: AssessmentScore, title: str,
                 previous: AssessmentScore | None = None) -> str:
    """The radar chart inline in a <figure>, which MkDocs and pandoc keep as raw HTML; with
    the previous assessment's scores dashed beside the current ones."""
    current_label = f"Denne vurdering, {format_date(score.date)}"
    previous_label = f"Forrige vurdering, {format_date(previous.date)}" if previous else ""
    svg = radar_svg([(chart_label(e), e.exact) for e in score.elements], title=title,
                    previous=([(chart_label(e), e.exact) for e in previous.elements]
                              if previous else None),
                    legend=(current_label, previous_label))
    caption = ("Score pr. element fra 0 i midten til 1 yderst. Tabellen nedenfor viser de "
               "samme tal.")
    if previous is not None:
        caption += (f" Fuld linje med udfyldte punkter: denne vurdering "
                    f"({format_date(score.date)}). Stiplet linje med åbne punkter: forrige "
                    f"vurdering ({format_date(previous.date)}).")
    if any(e.score is None for e in score.elements):
        caption += " Elementer uden score (ikke alle spørgsmål besvaret) er markeret '(mangler)'."
    if score.adjusted:
        caption += f" Justeret score ({ADJUSTED_LABEL})."
    return (f'<figure class="praksis-chart">\n{svg}\n'
            f"<figcaption>{html.escape(caption)}</figcaption>\n</figure>\n")


def interpretation_note(instrument: Instrument) -> str:
    return block("praksis-note", "**Om scoren.** Scoren er projektets fortolkning, ikke en "
                                 f"officiel beregning. {text(instrument.interpretation)} Scoren "
                                 "er et støtteredskab: kommentarerne og refleksionen er det "
                                 "vigtigste.")


# --- print: the instrument's text once, in an appendix ------------------------------------------

def _instrument_key(instrument: Instrument) -> str:
    return f"instrument-{instrument.id}"


def instrument_appendix(instrument: Instrument) -> Appendix:
    """The note on scores and every element's definition, printed once for the book."""
    parts = [interpretation_note(instrument)]
    for element in instrument.elements:
        parts.append(f"# {text(element.heading)} {{- .unlisted}}\n\n{text(element.definition)}\n")
    return Appendix(_instrument_key(instrument), f"{instrument.title}: elementer og score",
                    "\n".join(parts))


def about_score(instrument: Instrument, ctx: PageContext) -> str:
    """The note on scores on the site; in print a reference to the appendix that holds it."""
    if not ctx.printing:
        return interpretation_note(instrument)
    return (f"Sådan beregnes scoren, og hvad hvert element dækker: se "
            f"[bilaget {text(instrument.title)}: elementer og score]"
            f"(#{appendix_anchor(_instrument_key(instrument))}).\n")


def assessment_appendices(assessment: Assessment, ctx: PageContext) -> list[Appendix]:
    instrument = ctx.content.get(Instrument, assessment.instrument)
    return [instrument_appendix(instrument)] if instrument is not None else []


def practice_appendices(practice: Practice, ctx: PageContext) -> list[Appendix]:
    assessments = assessments_for(ctx.content, practice.id)
    instrument = (ctx.content.get(Instrument, assessments[-1].instrument)
                  if assessments else None)
    return [instrument_appendix(instrument)] if instrument is not None else []


# --- the assessment page ---------------------------------------------------------------------

def _metadata(assessment: Assessment, instrument: Instrument, ctx: PageContext) -> str:
    practice = ctx.content.get(Practice, assessment.practice)
    practice_link = (link(practice.title, assessment.source.path, practice.source.path)
                     if practice else text(assessment.practice))
    rows = [("Praksis", practice_link), ("Instrument", text(instrument.title)),
            ("Dato", text(format_date(assessment.date)))]
    if assessment.participants:
        rows.append(("Deltagere", ", ".join(text(p) for p in assessment.participants)))
    rows.append(("Beregning", text(_capital(mode_label(ctx.adjusted_scores)))))
    return block("praksis-meta", "\n".join(f"{label}\n:   {value}\n" for label, value in rows))


def _answer_cell(result: QuestionResult) -> str:
    condition = result.question.applies_if
    if result.status is QuestionStatus.NOT_APPLICABLE and condition is not None:
        codes = " eller ".join(condition.answers)
        shown = f"Gælder ikke (kun når {condition.question} er {codes})"
        if result.option is not None:
            shown += f"; svaret '{result.option.label}' tæller ikke med"
        return text(shown)
    if result.option is None:
        return "*Ikke besvaret*"
    shown = f"**{text(result.option.label)}**"
    if result.status is QuestionStatus.LEFT_OUT:
        shown += " (tæller ikke med i den justerede score)"
    return shown


def question_table(element: ElementScore) -> str:
    rows = []
    for result in element.results:
        comment = result.answer.comment if result.answer and result.answer.comment else None
        rows.append([text(result.question.id), text(result.question.text), _answer_cell(result),
                     format_score(result.points), text(comment) if comment else "–"])
    return table(["Nr.", "Spørgsmål", "Svar", "Point", "Kommentar"], rows,
                 ["left", "left", "left", "right", "left"])


def _reflection(found: SectionReflection | None, instrument: Instrument) -> str:
    headings = instrument.reflection
    parts = [found.intro] if found and found.intro else []
    parts.append(f"### {text(headings.overall)}\n\n{(found and found.overall) or NOT_FILLED_IN}")
    parts.append(f"### {text(headings.potential)}\n\n"
                 f"{(found and found.potential) or NOT_FILLED_IN}")
    for extra in found.extra if found else ():
        parts.append(f"{'#' * extra.level} {extra.heading}\n\n{extra.text}")
    return "\n\n".join(parts)


def _element_section(element: Element, scored: ElementScore, found: SectionReflection | None,
                     instrument: Instrument, adjusted: bool, printing: bool = False) -> str:
    label = f"Score ({ADJUSTED_LABEL})" if adjusted else "Score"
    # In print the definition stands once, in the appendix the chapter refers to.
    definition = [] if printing else [block("praksis-definition",
                                            text(element.definition)).strip()]
    return "\n\n".join([
        f"## {text(element.heading)}",
        *definition,
        f"**{label}: {format_score(scored.exact)}** ({answered_text(scored)})",
        question_table(scored).strip(),
        _reflection(found, instrument),
    ])


def _body(reflections: Reflections, score: AssessmentScore, instrument: Instrument,
          printing: bool = False) -> str:
    parts = [reflections.preamble] if reflections.preamble else []
    for element in instrument.elements:
        scored = score.element(element.id)
        if scored is not None:
            parts.append(_element_section(element, scored, reflections.elements.get(element.id),
                                          instrument, score.adjusted, printing))
    parts.append(f"## {text(instrument.reflection.whole_practice)}\n\n"
                 + _reflection(reflections.whole_practice, instrument))
    # Sections under headings the instrument does not name (check warns) are kept, not lost.
    for section in reflections.unplaced:
        parts.append(f"{'#' * max(section.level, 2)} {section.heading}\n\n{section.text}")
    return "\n\n".join(p.strip() for p in parts if p.strip()) + "\n"


def assessment_page(assessment: Assessment, ctx: PageContext) -> PageFragment:
    instrument = ctx.content.get(Instrument, assessment.instrument)
    if instrument is None:
        return PageFragment()   # 'praksis check' has reported the unknown instrument
    score = score_assessment(assessment, instrument, ctx.adjusted_scores)
    previous = previous_assessment(assessment, ctx)
    before_score = (score_assessment(previous, instrument, ctx.adjusted_scores)
                    if previous else None)
    title = assessment_title(assessment, ctx.content)
    heading = "" if assessment.title else f"# {text(title)}\n\n"
    path = assessment.source.path
    parts = [
        heading + _metadata(assessment, instrument, ctx),
        "## Score pr. element\n",
        chart_figure(score, f"Score pr. element: {title}", before_score),
        score_table(score, before_score),
        about_score(instrument, ctx),
    ]
    if previous is not None:
        parts.append(changes_section(assessment, previous, instrument, path))
        parts.append(follow_up_section(previous, instrument, path, ctx.today, ctx.printing))
    body = _body(read_reflections(assessment, instrument), score, instrument, ctx.printing)
    return PageFragment(before="\n".join(parts), body=body,
                        after=priorities_section(assessment, instrument, ctx.today,
                                                 ctx.printing))


# --- the practice page -----------------------------------------------------------------------

def _change(old: Fraction | None, new: Fraction | None) -> str:
    if old is None or new is None:
        return "–"
    return ("+" if new > old else "") + format_score(new - old)


def trend_table(scores: Sequence[AssessmentScore]) -> str:
    """Element scores per assessment date, oldest to newest, and the latest change."""
    dates = [text(format_date(s.date)) for s in scores]
    header = ["Element", *dates, f"Ændring siden {dates[-2]}"]
    rows = []
    for index, element in enumerate(scores[-1].elements):
        values = [s.elements[index] for s in scores]   # same instrument: same elements
        rows.append([text(chart_label(element)), *(format_score(v.exact) for v in values),
                     _change(values[-2].exact, values[-1].exact)])
    rows.append([MEAN_LABEL, *(format_score(s.exact_mean) for s in scores),
                 _change(scores[-2].exact_mean, scores[-1].exact_mean)])
    return table(header, rows, ["left", *(["right"] * (len(scores) + 1))])


def open_priorities(practice: Practice, assessments: Sequence[Assessment],
                    ctx: PageContext) -> str:
    """Every priority not done or given up, from every assessment of the practice."""
    rows = []
    for assessment in assessments:
        instrument = ctx.content.get(Instrument, assessment.instrument)
        made = link(format_date(assessment.date), practice.source.path, assessment.source.path)
        rows += [[priority_cell(p, instrument), text(format_date(p.due)) if p.due else "–",
                  priority_status(p, ctx.today), made]
                 for p in assessment.priorities if p.is_open]
    heading = "### Åbne udviklingsprioriteter\n\n"
    if not rows:
        return heading + "Ingen åbne udviklingsprioriteter.\n"
    return heading + table(["Prioritet (ansvarlig)", "Frist", "Status", "Sat"], rows)


def practice_scores(practice: Practice, ctx: PageContext) -> PageFragment:
    assessments = assessments_for(ctx.content, practice.id)
    if not assessments:
        return PageFragment()
    latest = assessments[-1]
    instrument = ctx.content.get(Instrument, latest.instrument)
    if instrument is None:
        return PageFragment()
    score = score_assessment(latest, instrument, ctx.adjusted_scores)
    latest_link = link(format_date(latest.date), practice.source.path, latest.source.path)
    parts = [f"## {text(instrument.title)}",
             f"Seneste vurdering: {latest_link}. "
             f"{text(_capital(mode_label(ctx.adjusted_scores)))}.",
             score_table(score)]
    parts.append(open_priorities(practice, assessments, ctx))
    # The trend compares assessments of the same instrument only: other instruments have
    # other elements.
    same = [a for a in assessments if a.instrument == latest.instrument]
    if len(same) > 1:
        scores = [score_assessment(a, instrument, ctx.adjusted_scores) for a in same]
        parts += ["### Udvikling over tid",
                  "Score pr. element ved hver vurdering, ældste først.",
                  trend_table(scores)]
    parts.append(about_score(instrument, ctx))
    return PageFragment(after="\n\n".join(p.strip() for p in parts) + "\n")
