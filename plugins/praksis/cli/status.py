"""``praksis status``: the implementation plans' status as a terminal table or as JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from ..core import load_content
from ..core.danish import format_date, percent
from ..core.model.milestones import ImplementationPlan
from ..core.rules.milestones import MilestoneProgress, PlanStatus, plan_statuses, status_json
from .output import PraksisError, echo_problems
from .project import config_option, content_option, find_project, one_content_dir

_DATE_WORDS = {"done": "udført", "due": "frist"}
_HEADER = ["Id", "Status", "Frist / udført", "Ansvarlig", "Milepæl"]


def _shorten(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def _milestone_cells(row: MilestoneProgress) -> list[str]:
    key_date = row.key_date
    return [row.milestone.id,
            row.status.label + (", forfalden" if row.overdue else "")
            + (" (mangler i planen)" if row.missing else ""),
            f"{_DATE_WORDS[key_date[0]]} {format_date(key_date[1])}" if key_date else "",
            _shorten(row.owner or "", 30),
            _shorten(row.milestone.title, 50)]


def _columns(rows: list[list[str]], indent: str) -> list[str]:
    """Rows as aligned columns (the last column is not padded)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return [(indent + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1])
            .rstrip() for row in rows]


def _plan_lines(state: PlanStatus, file: str) -> list[str]:
    overdue = len(state.overdue)
    overdue_text = ("ingen forfaldne milepæle" if overdue == 0 else
                    "1 forfalden milepæl" if overdue == 1 else f"{overdue} forfaldne milepæle")
    started = format_date(state.plan.started) + (
        f" ({state.years_text} siden)" if state.has_started else f" ({state.years_text})")
    lines = [state.title, f"  Fil: {file}",
             f"  Ramme: {state.framework.title}, startet {started}",
             f"  Samlet fremdrift: {percent(state.progress)}, {overdue_text}"]
    if state.history:
        lines.append("  Fremdrift over tid: " + ", ".join(
            f"{'i dag' if point.date == state.today else point.date.year} "
            f"{percent(point.progress)}" for point in state.history))
    again = state.reassessment
    if again is not None:
        lines.append(f"  Næste vurdering: senest {format_date(again.due)}"
                     + (", overskredet" if again.overdue else ""))
    if state.activities:
        kept = len(state.activities) - len(state.lapsed)
        lines.append(f"  Faste aktiviteter: {kept} af {len(state.activities)} i rytme"
                     + "".join(f"\n    Overskredet: {a.activity.title} (næste skulle have "
                               f"været {format_date(a.next_due)})" for a in state.lapsed))
    # Aligned across the plan's factors, so the columns line up under one header.
    rows = [_HEADER] + [_milestone_cells(r) for r in state.milestones]
    aligned = iter(_columns(rows, "    "))
    lines += ["", next(aligned)]
    for factor in state.factors:
        lines.append(f"  {factor.factor.title}: {percent(factor.progress)}")
        lines.extend(next(aligned) for _ in factor.milestones)
    return lines


def terminal_table(statuses: list[PlanStatus], files: dict[str, str], today: dt.date) -> str:
    lines = [f"Status for implementering pr. {format_date(today)}"]
    if not statuses:
        lines.append("Der er ingen implementeringsplaner.")
    for state in statuses:
        lines.append("")
        lines.extend(_plan_lines(state, files[state.plan.source.path]))
    return "\n".join(lines)


@click.command()
@click.argument("path", required=False, metavar="[PLAN]", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="Skriv status som JSON (til andre værktøjer) i stedet for en tabel.")
@click.option("--today", metavar="ÅÅÅÅ-MM-DD",
              help="Dagens dato, som forfaldne milepæle regnes ud fra. Standard: "
                   "'today' i mkdocs.yml, SOURCE_DATE_EPOCH eller dags dato.")
@content_option
@config_option
def status(path: Path | None, as_json: bool, today: str | None, content_dir: Path | None,
           config_file: Path | None) -> None:
    """Vis status for implementeringsplanerne i indholdsmappen, eller kun for PLAN (en
    implementeringsplan)."""
    if path is not None and not path.exists():
        raise PraksisError(f"{path} findes ikke. Angiv en implementeringsplan eller en "
                           "indholdsmappe, fx 'content'.")
    # A folder in place of PLAN is the content folder, as older command lines give it.
    if path is not None and path.is_dir():
        content_dir, path = one_content_dir(path, content_dir), None
    project = find_project(config_file, content_dir, near=path)
    day = project.today(today)
    root = project.content_folder()
    only = None
    if path is not None:
        if not path.resolve().is_relative_to(root):
            raise PraksisError(f"{path} ligger ikke i indholdsmappen {project.shown(root)}. "
                               "Angiv indholdsmappen med --content.")
        only = path.resolve().relative_to(root).as_posix()
    content = load_content(root, project_root=project.root)
    if content.errors:
        echo_problems(content.problems, content.files, project.shown)
        raise SystemExit(1)
    statuses = plan_statuses(content, day)
    if only is not None:
        if not isinstance(content.by_path(only), ImplementationPlan):
            raise PraksisError(f"{path} er ikke en implementeringsplan "
                               "(type: implementation-plan).")
        statuses = [s for s in statuses if s.plan.source.path == only]
    # "file" is the path as the user would type it, relative to the current folder.
    files = {s.plan.source.path: project.shown(content.project_path(s.plan.source.path))
             for s in statuses}
    if as_json:
        click.echo(json.dumps(status_json(statuses, day, files), ensure_ascii=False, indent=2))
    else:
        click.echo(terminal_table(statuses, files, day))
