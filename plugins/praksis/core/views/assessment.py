"""Lovende praksis on the site: the assessment page and a section on the practice page.

Every number comes from ``scoring.score_assessment``, the same function behind
``praksis score`` and its JSON. Everything an editor typed (comments, participants, titles)
goes through ``text()``; the reflection in the body is the editor's own Markdown, as on any page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from fractions import Fraction

from ..charts import radar_svg
from ..danish import format_date
from ..fragments import block, link, table, text
from ..model import Practice
from ..pages import PageContext, PageFragment, renders
from ..scoring import (ADJUSTED_LABEL, MEAN_LABEL, AssessmentScore, ElementScore, QuestionResult,
                       QuestionStatus, assessments_for, format_score, mode_label,
                       score_assessment)
from ..types.assessment import (Assessment, Reflections, SectionReflection, assessment_title,
                                read_reflections)
from ..types.instrument import Element, Instrument

NOT_FILLED_IN = "*Ikke udfyldt endnu.*"


# --- shared pieces ---------------------------------------------------------------------------



def answered_text(element: ElementScore) -> str:
    return f"{element.answered} af {element.applicable} besvaret"


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def chart_label(element: ElementScore) -> str:
    return f"{element.id}. {element.title}"


def score_table(score: AssessmentScore) -> str:
    """Element, score and answered count: the chart's numbers as a table."""
    rows = [[text(chart_label(e)), format_score(e.exact), answered_text(e)]
            for e in score.elements]
    rows.append([MEAN_LABEL, format_score(score.exact_mean), ""])
    return table(["Element", "Score", "Besvaret"], rows, ["left", "right", "left"])


def chart_figure(score: AssessmentScore, title: str) -> str:
    """The radar chart inline in a <figure>, which MkDocs and pandoc keep as raw HTML."""
    svg = radar_svg([(chart_label(e), e.exact) for e in score.elements], title=title)
    caption = ("Score pr. element fra 0 i midten til 1 yderst. Tabellen nedenfor viser de "
               "samme tal.")
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
                     instrument: Instrument, adjusted: bool) -> str:
    label = f"Score ({ADJUSTED_LABEL})" if adjusted else "Score"
    return "\n\n".join([
        f"## {text(element.heading)}",
        block("praksis-definition", text(element.definition)).strip(),
        f"**{label}: {format_score(scored.exact)}** ({answered_text(scored)})",
        question_table(scored).strip(),
        _reflection(found, instrument),
    ])


def _body(reflections: Reflections, score: AssessmentScore, instrument: Instrument) -> str:
    parts = [reflections.preamble] if reflections.preamble else []
    for element in instrument.elements:
        scored = score.element(element.id)
        if scored is not None:
            parts.append(_element_section(element, scored, reflections.elements.get(element.id),
                                          instrument, score.adjusted))
    parts.append(f"## {text(instrument.reflection.whole_practice)}\n\n"
                 + _reflection(reflections.whole_practice, instrument))
    # Sections under headings the instrument does not name (check warns) are kept, not lost.
    for section in reflections.unplaced:
        parts.append(f"{'#' * max(section.level, 2)} {section.heading}\n\n{section.text}")
    return "\n\n".join(p.strip() for p in parts if p.strip()) + "\n"


@renders(Assessment)
def assessment_page(assessment: Assessment, ctx: PageContext) -> PageFragment:
    instrument = ctx.content.get(Instrument, assessment.instrument)
    if instrument is None:
        return PageFragment()   # 'praksis check' has reported the unknown instrument
    score = score_assessment(assessment, instrument, ctx.adjusted_scores)
    title = assessment_title(assessment, ctx.content)
    heading = "" if assessment.title else f"# {text(title)}\n\n"
    before = "\n".join([
        heading + _metadata(assessment, instrument, ctx),
        "## Score pr. element\n",
        chart_figure(score, f"Score pr. element: {title}"),
        score_table(score),
        interpretation_note(instrument),
    ])
    body = _body(read_reflections(assessment, instrument), score, instrument)
    return PageFragment(before=before, body=body)


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


@renders(Practice)
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
    # The trend compares assessments of the same instrument only: other instruments have
    # other elements.
    same = [a for a in assessments if a.instrument == latest.instrument]
    if len(same) > 1:
        scores = [score_assessment(a, instrument, ctx.adjusted_scores) for a in same]
        parts += ["### Udvikling over tid",
                  "Score pr. element ved hver vurdering, ældste først.",
                  trend_table(scores)]
    parts.append(interpretation_note(instrument))
    return PageFragment(after="\n\n".join(p.strip() for p in parts) + "\n")
