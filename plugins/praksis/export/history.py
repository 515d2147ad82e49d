"""The changes to an edition's documents since the previous edition, read from git.

Since the previous edition means: since the newest git tag ``edition/<id>/*`` when there is
one, else since the manifest's ``previous.date``, else the whole history. Content that is
not in a git repository (or a machine without git) gets a Danish note instead of a list;
the core plan only ever sees the result as data (``EditionHistory``).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ..core.editions import Change, EditionHistory, HistoryReader, history_since
from ..core.model.content import Document
from ..core.model.editions import Edition

_RECORD, _FIELD = "\x1e", "\x1f"
NOT_IN_GIT = ("Indholdet ligger ikke i et git-arkiv, så ændringerne siden forrige udgave kan "
              "ikke vises. Versionerne ovenfor er beskrivelsernes egne.")


NO_COMMITS = ("Indholdets git-arkiv har endnu ingen commits, så der er ingen ændringer at "
              "vise.")


class _GitFailed(Exception):
    pass


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                                text=True, encoding="utf-8", errors="replace", timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _GitFailed(str(exc)) from None
    if result.returncode != 0:
        raise _GitFailed(result.stderr.strip())
    return result.stdout


def git_history(content_root: Path) -> HistoryReader:
    """A history reader for documents below ``content_root``."""

    def read(edition: Edition, documents: Sequence[Document]) -> EditionHistory:
        try:
            top = Path(_git(content_root, "rev-parse", "--show-toplevel").strip())
        except _GitFailed:
            return EditionHistory(note=NOT_IN_GIT)
        try:
            _git(top, "rev-parse", "--verify", "--quiet", "HEAD")
        except _GitFailed:
            return EditionHistory(note=NO_COMMITS)
        try:
            tags = _git(top, "tag", "--list", edition.tag_pattern, "--sort=-creatordate")
            tag = next(iter(tags.split()), None)
            return EditionHistory(since=history_since(edition, tag),
                                  changes=_changes(top, content_root.resolve(), edition, tag,
                                                   documents))
        except _GitFailed as exc:
            return EditionHistory(note=f"git kunne ikke læse ændringerne ({exc}).")

    return read


def _changes(top: Path, content_root: Path, edition: Edition, tag: str | None,
             documents: Sequence[Document]) -> tuple[Change, ...]:
    by_git_path = {(content_root / doc.source.path).relative_to(top.resolve()).as_posix():
                   doc.source.path for doc in documents}
    if not by_git_path:
        return ()
    args = ["log", "--no-merges", "--date=short", "--name-only",
            f"--format={_RECORD}%ad{_FIELD}%s"]
    if tag is not None:
        args.append(f"{tag}..HEAD")
    elif edition.previous is not None:
        args.append(f"--since={edition.previous.date.isoformat()}")
    else:
        args.append("HEAD")
    output = _git(top, *args, "--", *by_git_path)
    changes = []
    for record in output.split(_RECORD)[1:]:
        head, _, names = record.partition("\n")
        day, _, summary = head.partition(_FIELD)
        paths = tuple(by_git_path[name] for name in names.split("\n") if name in by_git_path)
        changes.append(Change(dt.date.fromisoformat(day.strip()), summary.strip(), paths))
    return tuple(changes)
