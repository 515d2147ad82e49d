"""Lovende praksis on the site and in print: the assessment page and a section on the
practice page, as blocks (``core/blocks.py``) the site and print writers render.

Every number comes from ``scoring.score_assessment``, the same function behind
``praksis score`` and its JSON. Values stay typed (dates, scores); the reflection in the body
is the editor's own Markdown, as on any page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

from ..blocks import (
    Advice,
    Block,
    Blocks,
    Chart,
    Column,
    Date,
    EditorMarkdown,
    Fact,
    Facts,
    Inlines,
    Link,
    Note,
    Number,
    Repeated,
    RepeatedText,
    Section,
    Status,
    Table,
    Text,
    Tone,
    emphasis,
    inlines,
    join,
    link,
    paragraph,
    section,
    strong,
)
from ..charts import radar_svg
from ..danish import format_date
from ..model import Practice
from ..model.assessment import PRIORITY_CSS, PRIORITY_LABELS, WHOLE_PRACTICE, Assessment, Priority
from ..model.instrument import Element, Instrument
from ..model.milestones import OVERDUE_LABEL
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
from .context import Appendix, PageContext, PageFragment

NOT_FILLED_IN = "Ikke udfyldt endnu."


# --- shared pieces ---------------------------------------------------------------------------

def answered_text(element: ElementScore) -> str:
    return f"{element.answered} af {element.applicable} besvaret"


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def chart_label(element: ElementScore) -> str:
    return f"{element.id}. {element.title}"


def _cells(*cells: str | Number) -> tuple[Inlines, ...]:
    return tuple(inlines(c) for c in cells)


def score_table(score: AssessmentScore, previous: AssessmentScore | None = None) -> Table:
    """Element, score and answered count: the chart's numbers as a table (with the previous
    assessment's score beside it, when there is one)."""
    columns = [Column(inlines("Element")), Column(inlines("Score"), "right"),
               Column(inlines("Besvaret"))]
    if previous is None:
        rows = [_cells(chart_label(e), Number(e.exact), answered_text(e)) for e in score.elements]
        rows.append(_cells(MEAN_LABEL, Number(score.exact_mean), ""))
        return Table(tuple(columns), tuple(rows))
    columns.append(Column(inlines("Forrige score"), "right"))
    rows = [_cells(chart_label(e), Number(e.exact), answered_text(e), Number(before.exact))
            for e, before in zip(score.elements, previous.elements)]
    rows.append(_cells(MEAN_LABEL, Number(score.exact_mean), "", Number(previous.exact_mean)))
    return Table(tuple(columns), tuple(rows))


# --- priorities and the previous assessment ---------------------------------------------------

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
    return f"{element.id}. {element.title}" if element else priority.element


def priority_status(priority: Priority, today: dt.date) -> Inlines:
    shown = Status(PRIORITY_LABELS[priority.status], PRIORITY_CSS[priority.status])
    if priority.overdue(today):
        return (shown, Text(" "), Status(OVERDUE_LABEL, Tone.OVERDUE, qualifies=True))
    return (shown,)


def priority_cell(priority: Priority, instrument: Instrument | None) -> Inlines:
    """'**1. Teori og viden:** what to do (who)': one cell, so the table fits a phone."""
    owner = f" ({priority.owner})" if priority.owner else ""
    return inlines(strong(f"{element_name(priority, instrument)}:"),
                   f" {priority.action}{owner}")


def _due(priority: Priority) -> Inlines:
    return (Date(priority.due),) if priority.due else inlines("–")


def priorities_table(priorities: Sequence[Priority], instrument: Instrument | None,
                     today: dt.date) -> Table:
    """Element, action and owner, due date and status (overdue marked by a badge with text)."""
    columns = tuple(Column(inlines(h)) for h in ("Prioritet (ansvarlig)", "Frist", "Status"))
    return Table(columns, tuple((priority_cell(p, instrument), _due(p), priority_status(p, today))
                                for p in priorities))


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


def _dated_link(previous: Assessment) -> Link:
    return link(Date(previous.date), previous.source.path)


def changes_section(assessment: Assessment, previous: Assessment,
                    instrument: Instrument) -> Section:
    changed = changed_answers(assessment, previous, instrument)
    intro = paragraph("Svarene, der er ændret siden forrige vurdering (", _dated_link(previous),
                      ").")
    if not changed:
        return section(2, inlines("Ændret siden ", Date(previous.date)), intro,
                       paragraph("Ingen svar er ændret."))
    columns = (Column(inlines("Spørgsmål")), Column(inlines("Før → nu")))
    rows = tuple((inlines(strong(qid), " ", RepeatedText(question)),
                  inlines(f"{before} → ", strong(after)))
                 for qid, question, before, after in changed)
    return section(2, inlines("Ændret siden ", Date(previous.date)), intro,
                   Table(columns, rows))


def follow_up_section(previous: Assessment, instrument: Instrument, today: dt.date,
                      printing: bool = False) -> Section:
    """The previous assessment's priorities with their status, edited where they were made."""
    title = inlines("Opfølgning på prioriteterne fra ", Date(previous.date))
    if not previous.priorities:
        return section(2, title, paragraph("Forrige vurdering (", _dated_link(previous),
                                           ") satte ingen udviklingsprioriteter."))
    done = sum(1 for p in previous.priorities if not p.is_open)
    # Where to edit the status is for editors, not for the printed book.
    edit = "" if printing else " Status rettes i den vurdering, hvor prioriteten blev sat."
    return section(2, title,
                   paragraph("Forrige vurdering (", _dated_link(previous),
                             f") satte {len(previous.priorities)} udviklingsprioriteter; "
                             f"{done} er gennemført eller opgivet.{edit}"),
                   priorities_table(previous.priorities, instrument, today))


def priorities_section(assessment: Assessment, instrument: Instrument, today: dt.date,
                       printing: bool = False) -> Section:
    title = "Udviklingsprioriteter"
    if not assessment.priorities and printing:
        return section(2, title, paragraph("Vurderingen har ingen udviklingsprioriteter."))
    if not assessment.priorities:
        return section(2, title, Advice((paragraph(
            "Vurderingen har ingen udviklingsprioriteter endnu. Skriv dem under 'priorities:' i "
            "front matter: hvad I vil forbedre før næste vurdering, hvem der har ansvaret, og "
            "hvornår."),)))
    return section(2, title,
                   paragraph("Hvad vi vil forbedre før næste vurdering, taget fra "
                             "udviklingspotentialet."),
                   priorities_table(assessment.priorities, instrument, today))


def chart_figure(score: AssessmentScore, title: str,
                 previous: AssessmentScore | None = None) -> Chart:
    """The radar chart, with the previous assessment's scores dashed beside the current
    ones; the caption says how to read it (the table below has the same numbers)."""
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
    return Chart(svg, caption)


def interpretation_note(instrument: Instrument) -> Note:
    return Note("note", "", (paragraph(
        strong("Om scoren."), " Scoren er projektets fortolkning, ikke en officiel beregning. "
        f"{instrument.interpretation} Scoren er et støtteredskab: kommentarerne og "
        "refleksionen er det vigtigste."),))


# --- print: the instrument's text once, in an appendix ------------------------------------------

def _instrument_key(instrument: Instrument) -> str:
    return f"instrument-{instrument.id}"


def instrument_appendix(instrument: Instrument) -> Appendix:
    """The note on scores and every element's definition, printed once for the book."""
    parts: list[Block] = [interpretation_note(instrument)]
    for element in instrument.elements:
        parts.append(section(1, element.heading, paragraph(element.definition), unlisted=True))
    return Appendix(_instrument_key(instrument), f"{instrument.title}: elementer og score",
                    tuple(parts))


def about_score(instrument: Instrument, ctx: PageContext) -> Block:
    """The note on scores on the site (the same in every assessment: not searched); in print
    a reference to the appendix that holds it."""
    if not ctx.printing:
        return Repeated((interpretation_note(instrument),))
    return paragraph("Sådan beregnes scoren, og hvad hvert element dækker: se ",
                     Link(inlines(f"bilaget {instrument.title}: elementer og score"),
                          appendix=_instrument_key(instrument)), ".")


def assessment_appendices(assessment: Assessment, ctx: PageContext) -> list[Appendix]:
    instrument = ctx.content.get(Instrument, assessment.instrument)
    return [instrument_appendix(instrument)] if instrument is not None else []


def practice_appendices(practice: Practice, ctx: PageContext) -> list[Appendix]:
    assessments = assessments_for(ctx.content, practice.id)
    instrument = (ctx.content.get(Instrument, assessments[-1].instrument)
                  if assessments else None)
    return [instrument_appendix(instrument)] if instrument is not None else []


# --- the assessment page ---------------------------------------------------------------------

def _metadata(assessment: Assessment, instrument: Instrument, ctx: PageContext) -> Facts:
    practice = ctx.content.get(Practice, assessment.practice)
    practice_link = ((link(practice.title, practice.source.path),) if practice
                     else inlines(assessment.practice))
    rows = [Fact("Praksis", practice_link), Fact("Instrument", inlines(instrument.title)),
            Fact("Dato", (Date(assessment.date),))]
    if assessment.participants:
        rows.append(Fact("Deltagere", join((inlines(p) for p in assessment.participants), ", ")))
    rows.append(Fact("Beregning", inlines(_capital(mode_label(ctx.adjusted_scores)))))
    return Facts(tuple(rows))


def _answer_cell(result: QuestionResult) -> Inlines:
    condition = result.question.applies_if
    if result.status is QuestionStatus.NOT_APPLICABLE and condition is not None:
        codes = " eller ".join(condition.answers)
        shown = f"Gælder ikke (kun når {condition.question} er {codes})"
        if result.option is not None:
            shown += f"; svaret '{result.option.label}' tæller ikke med"
        return inlines(shown)
    if result.option is None:
        return inlines(emphasis("Ikke besvaret"))
    if result.status is QuestionStatus.LEFT_OUT:
        return inlines(strong(result.option.label), " (tæller ikke med i den justerede score)")
    return inlines(strong(result.option.label))


def question_table(element: ElementScore) -> Table:
    """Each question's answer, points and comment. The question's text is the same in every
    assessment (kept out of the search index); the comment is the team's own."""
    columns = (Column(inlines("Nr.")), Column(inlines("Spørgsmål")), Column(inlines("Svar")),
               Column(inlines("Point"), "right"), Column(inlines("Kommentar")))
    rows = []
    for result in element.results:
        comment = result.answer.comment if result.answer and result.answer.comment else None
        rows.append((inlines(result.question.id), (RepeatedText(result.question.text),),
                     _answer_cell(result), (Number(result.points),),
                     inlines(comment if comment else "–")))
    return Table(columns, tuple(rows))


def _editor_text(markdown: str | None) -> Block:
    """The editor's reflection, or that it is not written yet."""
    if markdown:
        return EditorMarkdown(markdown)
    return paragraph(emphasis(NOT_FILLED_IN))


def _reflection(found: SectionReflection | None, instrument: Instrument) -> list[Block]:
    headings = instrument.reflection
    parts: list[Block] = [EditorMarkdown(found.intro)] if found and found.intro else []
    parts.append(section(3, headings.overall, _editor_text(found.overall if found else None)))
    parts.append(section(3, headings.potential, _editor_text(found.potential if found else None)))
    for extra in found.extra if found else ():
        # The editor's own heading and text, as written.
        parts.append(EditorMarkdown(f"{'#' * extra.level} {extra.heading}\n\n{extra.text}",
                                    extra.line))
    return parts


def _element_section(element: Element, scored: ElementScore, found: SectionReflection | None,
                     instrument: Instrument, adjusted: bool, printing: bool = False) -> Section:
    label = f"Score ({ADJUSTED_LABEL})" if adjusted else "Score"
    # In print the definition stands once, in the appendix the chapter refers to; on the
    # site it is the same in every assessment (kept out of the search index).
    definition = None if printing else Repeated((Note("definition", "",
                                                      (paragraph(element.definition),)),))
    return section(2, element.heading, definition,
                   paragraph(strong(f"{label}: ", Number(scored.exact)),
                             f" ({answered_text(scored)})"),
                   question_table(scored),
                   *_reflection(found, instrument))


def _body(reflections: Reflections, score: AssessmentScore, instrument: Instrument,
          printing: bool = False) -> Blocks:
    parts: list[Block] = [EditorMarkdown(reflections.preamble)] if reflections.preamble else []
    for element in instrument.elements:
        scored = score.element(element.id)
        if scored is not None:
            parts.append(_element_section(element, scored, reflections.elements.get(element.id),
                                          instrument, score.adjusted, printing))
    parts.append(section(2, instrument.reflection.whole_practice,
                         *_reflection(reflections.whole_practice, instrument)))
    # Sections under headings the instrument does not name (check warns) are kept, not lost.
    for found in reflections.unplaced:
        parts.append(EditorMarkdown(f"{'#' * max(found.level, 2)} {found.heading}\n\n"
                                    f"{found.text}", found.line))
    return tuple(parts)


def assessment_page(assessment: Assessment, ctx: PageContext) -> PageFragment:
    instrument = ctx.content.get(Instrument, assessment.instrument)
    if instrument is None:
        return PageFragment()   # 'praksis check' has reported the unknown instrument
    score = score_assessment(assessment, instrument, ctx.adjusted_scores)
    previous = previous_assessment(assessment, ctx)
    before_score = (score_assessment(previous, instrument, ctx.adjusted_scores)
                    if previous else None)
    title = assessment_title(assessment, ctx.content)
    parts: list[Block] = [] if assessment.title else [section(1, title)]
    parts += [
        _metadata(assessment, instrument, ctx),
        section(2, "Score pr. element",
                chart_figure(score, f"Score pr. element: {title}", before_score),
                Repeated((score_table(score, before_score),)),
                about_score(instrument, ctx)),
    ]
    if previous is not None:
        parts.append(changes_section(assessment, previous, instrument))
        parts.append(follow_up_section(previous, instrument, ctx.today, ctx.printing))
    body = _body(read_reflections(assessment, instrument), score, instrument, ctx.printing)
    return PageFragment(before=tuple(parts), body=body,
                        after=(priorities_section(assessment, instrument, ctx.today,
                                                  ctx.printing),))


# --- the practice page -----------------------------------------------------------------------

def _change(old: Fraction | None, new: Fraction | None) -> Inlines:
    if old is None or new is None:
        return inlines("–")
    return (Number(new - old, signed=True),)


def trend_table(scores: Sequence[AssessmentScore]) -> Table:
    """Element scores per assessment date, oldest to newest, and the latest change."""
    columns = (Column(inlines("Element")),
               *(Column((Date(s.date),), "right") for s in scores),
               Column(inlines("Ændring siden ", Date(scores[-2].date)), "right"))
    rows = []
    for index, element in enumerate(scores[-1].elements):
        values = [s.elements[index] for s in scores]   # same instrument: same elements
        rows.append((inlines(chart_label(element)), *((Number(v.exact),) for v in values),
                     _change(values[-2].exact, values[-1].exact)))
    rows.append((inlines(MEAN_LABEL), *((Number(s.exact_mean),) for s in scores),
                 _change(scores[-2].exact_mean, scores[-1].exact_mean)))
    return Table(columns, tuple(rows))


def open_priorities(assessments: Sequence[Assessment], ctx: PageContext) -> Section:
    """Every priority not done or given up, from every assessment of the practice."""
    rows = []
    for assessment in assessments:
        instrument = ctx.content.get(Instrument, assessment.instrument)
        made = (link(Date(assessment.date), assessment.source.path),)
        rows += [(priority_cell(p, instrument), _due(p), priority_status(p, ctx.today), made)
                 for p in assessment.priorities if p.is_open]
    title = "Åbne udviklingsprioriteter"
    if not rows:
        return section(3, title, paragraph("Ingen åbne udviklingsprioriteter."))
    columns = tuple(Column(inlines(h)) for h in ("Prioritet (ansvarlig)", "Frist", "Status", "Sat"))
    return section(3, title, Table(columns, tuple(rows)))


def practice_scores(practice: Practice, ctx: PageContext) -> PageFragment:
    assessments = assessments_for(ctx.content, practice.id)
    if not assessments:
        return PageFragment()
    latest = assessments[-1]
    instrument = ctx.content.get(Instrument, latest.instrument)
    if instrument is None:
        return PageFragment()
    score = score_assessment(latest, instrument, ctx.adjusted_scores)
    parts: list[Block] = [
        section(2, instrument.title,
                paragraph("Seneste vurdering: ", link(Date(latest.date), latest.source.path),
                          f". {_capital(mode_label(ctx.adjusted_scores))}."),
                # Element names and numbers, the same words on every practice page.
                Repeated((score_table(score),))),
        open_priorities(assessments, ctx),
    ]
    # The trend compares assessments of the same instrument only: other instruments have
    # other elements.
    same = [a for a in assessments if a.instrument == latest.instrument]
    if len(same) > 1:
        scores = [score_assessment(a, instrument, ctx.adjusted_scores) for a in same]
        parts.append(section(3, "Udvikling over tid",
                             paragraph("Score pr. element ved hver vurdering, ældste først."),
                             Repeated((trend_table(scores),))))
    parts.append(about_score(instrument, ctx))
    return PageFragment(after=tuple(parts))
