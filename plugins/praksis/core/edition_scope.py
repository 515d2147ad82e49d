"""What an export checks: the documents an edition prints and everything they refer to.

``praksis export`` refuses to print from content with errors, but an error in a document the
edition does not print must not stop it, and checking a large content folder costs more
than printing a 50-document edition from it (0.8 s of 1,000 documents). The scope is found
from the manifests and the file names (a document's id is its file name), reading no more
than it must:

- the chosen editions' manifests, every document below a folder part and every file whose
  name is an id a part names;
- for every practice description printed, or referred to by a printed assessment or plan:
  its file, and every assessment and plan of it (the practice's page shows their scores
  and status). Those are found among the files whose text holds the practice's id, the only
  way a front matter can name it (or a YAML escape, so a front matter with a backslash is
  read too);
- the instruments and frameworks those assessments and plans use;
- every file with the same name as one of the above (one id, two files, is an error);
- every file, of any kind, with a CPR number in its name, and every content file with one
  in its text: personal data anywhere in content/ stops every export, as it stops the site
  (README, "Personal data"). Finding them costs a read of each file, not a check.

A file among the candidates that fails its own check counts as in scope: it may be an
assessment of a printed practice, and printing the practice without it would be a quiet
difference from the site. ``edition_scope`` gives up (None) when the editions need the
whole content or cannot be resolved without it: a part naming a section's index page (its
listing shows the folder), an edition file with errors, a name that is no edition.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .content import (
    DATA_SUFFIXES,
    MARKDOWN_SUFFIXES,
    DocumentCache,
    check_one,
    content_files,
    is_content_file,
    load_files,
    project_path,
)
from .model import Practice
from .model.assessment import Assessment
from .model.content import ContentSet
from .model.editions import Edition
from .model.milestones import ImplementationPlan
from .personal_data import find_cpr_numbers, mask_cpr_numbers
from .rules.editions import normalise_folder

# The ids each kind of document refers to, by attribute (checked by its cross-check).
REFERENCES: dict[type, tuple[str, ...]] = {
    Assessment: ("practice", "instrument"),
    ImplementationPlan: ("practice", "framework"),
}
# Documents shown on the page of the practice they name.
SHOWN_WITH_PRACTICE = (Assessment, ImplementationPlan)
# The id of every index page (index.md): its page lists its folder, so printing one needs
# the whole content.
INDEX_ID = "index"


@dataclass(frozen=True)
class EditionScope:
    content: ContentSet       # the files in scope, checked as `praksis check` checks them
    paths: frozenset[str]     # their paths as problems carry them (relative to the project
                              # root): errors there stop an export


def edition_scope(root: Path, names: Iterable[str], project_root: Path | None = None,
                  today: dt.date | None = None) -> EditionScope | None:
    """The files the editions ``names`` (all editions when empty) need, checked; None when
    only the whole content will do (see the module's notes)."""
    root = root.resolve()
    if not root.is_dir():
        return None
    names = tuple(names)
    every_file = content_files(root, every_file=True)
    # Personal data in a file name stops every export, as it stops the site: such files
    # are left unread (as `praksis check` leaves them) and their names reported.
    named_cpr = {rel for rel in every_file if any(find_cpr_numbers(rel))}
    files = [rel for rel in every_file if is_content_file(Path(rel)) and rel not in named_cpr]
    by_stem: dict[str, list[str]] = {}
    for rel in files:
        by_stem.setdefault(posixpath.splitext(posixpath.basename(rel))[0], []).append(rel)
    cache = DocumentCache()
    checked: dict[str, Any] = {}

    def check(rels: Iterable[str]) -> None:
        for rel in rels:
            if rel not in checked:
                checked[rel] = check_one(root, rel, cache, project_root).document

    data_files = [rel for rel in files if rel.endswith(DATA_SUFFIXES)]
    check(data_files)
    editions = {doc.id: doc for rel in data_files if isinstance(doc := checked[rel], Edition)}
    broken_data = [rel for rel in data_files if checked[rel] is None]
    if names:
        if any(name not in editions for name in names) or any(
                _stem(rel) in names for rel in broken_data):
            return None
        chosen = [editions[name] for name in names]
    else:
        if not editions or broken_data:
            return None  # a data file with errors may be an edition: all must be checked
        chosen = list(editions.values())

    wanted: dict[str, None] = {}

    def want(rels: Iterable[str]) -> None:
        wanted.update(dict.fromkeys(rels))

    markdown = [rel for rel in files if rel.endswith(MARKDOWN_SUFFIXES)]
    for edition in chosen:
        want([edition.source.path])
        for part in edition.parts:
            if part.folder is not None:
                prefix = normalise_folder(part.folder) + "/"
                want(rel for rel in markdown if rel.startswith(prefix))
            if INDEX_ID in part.document_ids:
                return None
            for doc_id in part.document_ids:
                want(by_stem.get(doc_id, ()))
    check(wanted)

    practices = {doc.id for rel in wanted if isinstance(doc := checked[rel], Practice)}
    practices |= {doc.practice for rel in wanted
                  if isinstance(doc := checked[rel], SHOWN_WITH_PRACTICE)}
    for practice_id in practices:
        want(by_stem.get(practice_id, ()))
    # Each file outside the scope so far is read once: may it name one of the practices
    # (a candidate), and does it hold a CPR number? As with names, a CPR number in any
    # file's text stops the export (README, "Personal data"); finding one costs a read, not
    # a check.
    naming = _naming(practices)
    candidates: list[str] = []
    cpr_inside: set[str] = set()
    for rel in files:
        if rel in wanted:
            continue
        raw: bytes | None
        try:
            raw = (root / rel).read_bytes()
        except OSError:
            raw = None  # its own check says why it cannot be read
        if raw is not None and _holds_cpr(raw):
            cpr_inside.add(rel)
        if rel.endswith(MARKDOWN_SUFFIXES) and naming is not None and (
                raw is None or _may_name(raw, naming)):
            candidates.append(rel)
    check(candidates)

    def shown_with_a_practice(rel: str) -> bool:
        doc = checked[rel]
        if doc is None:  # failed its own check: it may be an assessment of one
            return _has_errors(root, rel, cache, project_root)
        return isinstance(doc, SHOWN_WITH_PRACTICE) and doc.practice in practices

    want(rel for rel in candidates if shown_with_a_practice(rel))
    check(wanted)

    for rel in list(wanted):
        doc = checked[rel]
        for attribute in REFERENCES.get(type(doc), ()):
            want(by_stem.get(getattr(doc, attribute), ()))
    for rel in list(wanted):
        want(by_stem.get(_stem(rel), ()))

    in_order = [rel for rel in every_file
                if rel in wanted or rel in named_cpr or rel in cpr_inside]
    content = load_files(root, in_order, cache, project_root, today)
    paths = {project_path(root, rel, project_root) for rel in in_order}
    return EditionScope(content, frozenset(paths | {mask_cpr_numbers(path) for path in paths}))


# Every digit as '0': a CPR number has six digits in a row or the form 'dd.mm.yy-' (see
# personal_data), and bytes.translate and a substring search are much faster than a regular
# expression over all the text. Only the few files that pass are searched properly.
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def _holds_cpr(data: bytes) -> bool:
    digits = data.translate(_DIGITS_AS_ZERO)
    if b"000000" not in digits and b"0.00.00-0" not in digits:
        return False
    return any(find_cpr_numbers(data.decode("utf-8", "replace")))


def _stem(rel: str) -> str:
    return posixpath.splitext(posixpath.basename(rel))[0]


def _has_errors(root: Path, rel: str, cache: DocumentCache, project_root: Path | None) -> bool:
    return any(p.is_error for p in check_one(root, rel, cache, project_root).problems)


# The line that closes a front matter (frontmatter.split_markdown's '---' or '...').
_FRONT_MATTER_END = re.compile(rb"\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\r|\Z)")


def _naming(ids: set[str]) -> re.Pattern[bytes] | None:
    """Finds any of ``ids`` in a file's bytes (anywhere: a superset of the references)."""
    if not ids:
        return None
    return re.compile(b"|".join(re.escape(doc_id.encode("utf-8"))
                                for doc_id in sorted(ids, key=len, reverse=True)))


def _may_name(data: bytes, naming: re.Pattern[bytes]) -> bool:
    """Whether a file's front matter can name one of the ids: it holds one, or it has a
    backslash (a YAML escape could spell an id). A file whose front matter does not end
    is searched whole."""
    end = _FRONT_MATTER_END.search(data)
    front = data[:end.start()] if end else data
    return b"\\" in front or naming.search(front) is not None
