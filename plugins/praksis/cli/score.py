"""``praksis score``: an assessment's element scores as a Danish table, or as JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from ..core import Severity, load_content
from ..core.danish import decimal, format_date
from ..core.model.assessment import PRIORITY_LABELS, WHOLE_PRACTICE, Assessment
from ..core.rules.scoring import ADJUSTED_LABEL, MEAN_LABEL, AssessmentScore, mode_label, score_in
from ..core.rules.titles import display_title
from .output import PraksisError, echo_problems
from .project import config_option, content_option, find_project


def score_table(score: AssessmentScore) -> str:
    """A plain-text table for the terminal (aligned columns, Danish decimal comma)."""
    rows = [(e.id, e.title, decimal(e.exact), f"{e.answered} af {e.applicable}")
            for e in score.elements]
    title_width = max([len(MEAN_LABEL)] + [len(r[1]) for r in rows])
    header = f"{'Nr.':>3}  {'Element':<{title_width}}  {'Score':>5}  Besvaret"
    lines = [header, "-" * len(header)]
    lines += [f"{nr:>3}  {title:<{title_width}}  {value:>5}  {answered}"
              for nr, title, value, answered in rows]
    lines.append("-" * len(header))
    lines.append(f"{'':>3}  {MEAN_LABEL:<{title_width}}  {decimal(score.exact_mean):>5}")
    return "\n".join(lines)


def priorities_text(document: Assessment, today: dt.date) -> str:
    """The development priorities as lines for the terminal."""
    lines = ["Udviklingsprioriteter:"]
    for priority in document.priorities:
        element = ("Hele praksis" if priority.element == WHOLE_PRACTICE
                   else f"Element {priority.element}")
        facts = [PRIORITY_LABELS[priority.status]]
        if priority.owner:
            facts.append(priority.owner)
        if priority.due:
            facts.append(f"frist {format_date(priority.due)}")
        if priority.overdue(today):
            facts.append("forfalden")
        lines.append(f"- {element}: {priority.action} ({', '.join(facts)})")
    return "\n".join(lines)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON.")
@click.option("--adjusted", is_flag=True,
              help=f"Lad 'ikke relevant'-svar ude af nævneren ({ADJUSTED_LABEL}).")
@content_option
@config_option
@click.option("--today", metavar="ÅÅÅÅ-MM-DD",
              help="Dagens dato, som forfaldne prioriteter regnes ud fra. Standard: "
                   "'today' i mkdocs.yml, SOURCE_DATE_EPOCH eller dags dato.")
def score(file: Path, as_json: bool, adjusted: bool, content_dir: Path | None,
          config_file: Path | None, today: str | None) -> None:
    """Vis scoren pr. element for vurderingen FILE (type: assessment)."""
    project = find_project(config_file, content_dir, near=file)
    day = project.today(today)
    if not file.is_file():
        raise PraksisError(f"{file} findes ikke. Angiv en vurdering, fx "
                           "content/vurderinger/samarbejde-om-sikkerhed-2026-03-12.md.")
    root = project.content_folder()
    content = load_content(root, project_root=project.root)
    try:
        rel = file.resolve().relative_to(content.root).as_posix()
    except ValueError:
        raise PraksisError(f"{file} ligger ikke i indholdsmappen {project.shown(root)}. "
                           "Angiv mappen med --content.") from None
    # Only this file's problems stop the score (its cross-check covers the instrument and
    # the practice it names); errors in unrelated files are for 'praksis check'.
    own = [p for p in content.problems_in(rel) if p.severity is not Severity.INFO]
    document = content.by_path(rel)
    if any(p.is_error for p in own):
        echo_problems(own, 1, project.shown)
        raise SystemExit(1)
    if not isinstance(document, Assessment):
        raise PraksisError(f"{file} er ikke en vurdering (type: assessment). Angiv en fil fra "
                           "vurderinger/.")
    result = score_in(content, document, adjusted)
    if result is None:  # unreachable: the cross-check reports an unknown instrument
        raise PraksisError(f"instrumentet '{document.instrument}' findes ikke.")
    for problem in own:
        click.echo(project.format(problem), err=True)
    if as_json:
        report = result.as_json()
        report["today"] = day.isoformat()
        report["priorities"] = [p.as_json(day) for p in document.priorities]
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(display_title(document, content))
    click.echo(f"Dato: {format_date(document.date)}. Beregning: {mode_label(adjusted)}.\n")
    if document.priorities:
        click.echo(priorities_text(document, day) + "\n")
    click.echo(score_table(result))
