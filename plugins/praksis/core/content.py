"""Loading a content folder: discover files, check each, then check across documents.

The result is a ``ContentSet``: every document that passed, every problem found (in all
files, not just the first), and look-ups the site and export adapters use.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml

from . import clock, frontmatter
from .changes import entries as change_entries
from .danish import SLUG, slugify
from .fields import Checker, Invalid, Key, check_document, key_text
from .markdown import headings
from .model import Source
from .model.content import ContentSet, Document
from .personal_data import ALLOW_MARKER, PERSONAL_DATA_KEY, find_cpr_numbers, mask_cpr_numbers
from .placeholders import placeholder_problems
from .problems import BODY_KEY, Problem, Severity, did_you_mean
from .rules.editions import PRINTABLE_TYPES
from .types import document_types
from .types.common import AnyDocumentType

MARKDOWN_SUFFIXES = (".md",)
DATA_SUFFIXES = (".yml", ".yaml")
# Far above any real document (the longest sample is ~10 KB) and small enough that a stray
# export or log file pasted into content/ is refused before it is parsed.
MAX_FILE_BYTES = 2 * 1024 * 1024

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FileResult:
    """What checking one file gave: the document (or None) and its own problems."""

    document: Document | None
    problems: tuple[Problem, ...]


@dataclass
class DocumentCache:
    """Checked files keyed by path and content digest, so a rebuild re-checks only edits."""

    entries: dict[str, tuple[str, FileResult]] = field(default_factory=dict)

    def get(self, path: str, digest: str) -> FileResult | None:
        hit = self.entries.get(path)
        return hit[1] if hit and hit[0] == digest else None

    def put(self, path: str, digest: str, result: FileResult) -> None:
        self.entries[path] = (digest, result)


def discover(root: Path, every_file: bool = False) -> Iterator[Path]:
    """Content files below ``root`` in a stable order; hidden and '_' folders are skipped.
    ``every_file``: images and other files too, not only Markdown and YAML."""
    for folder, name in _walk(root, every_file):
        yield Path(folder) / name


def _walk(root: Path, every_file: bool) -> Iterator[tuple[str, str]]:
    """(folder, file name) of ``discover``'s files, in its order, as strings."""
    suffixes = MARKDOWN_SUFFIXES + DATA_SUFFIXES
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(files):
            if (every_file or name.endswith(suffixes)) and not name.startswith("."):
                yield folder, name


def is_content_file(path: Path) -> bool:
    return path.name.endswith(MARKDOWN_SUFFIXES + DATA_SUFFIXES)


def load_content(root: Path, cache: DocumentCache | None = None,
                 project_root: Path | None = None, today: dt.date | None = None) -> ContentSet:
    """Check every file below ``root`` and then every reference between documents.

    Problems carry paths relative to ``project_root`` (the folder of mkdocs.yml; default:
    the content folder's parent), so they read ``content/praksis/x.md``; showing them
    relative to the current folder is the caller's part. ``today`` is the resolved today
    (default: ``clock.today()``).
    """
    root = root.resolve()
    base = (project_root or root.parent).resolve()
    if not root.is_dir():
        return _missing_root(root, base)
    return _load(root, base, discover(root, every_file=True), cache, today)


def load_files(root: Path, paths: Iterable[str], cache: DocumentCache | None = None,
               project_root: Path | None = None, today: dt.date | None = None) -> ContentSet:
    """``load_content`` for some of the files only (content paths, relative to ``root``):
    each is checked as ``praksis check`` checks it, and the references between them.

    What a printed edition needs is a small part of a large content folder; the rest need
    not be read. A reference to a file left out reads as a reference to nothing, so the
    caller includes every file the documents refer to. Give the paths in ``content_files``
    order: it is the documents' order, as in ``load_content``.
    """
    root = root.resolve()
    base = (project_root or root.parent).resolve()
    if not root.is_dir():
        return _missing_root(root, base)
    return _load(root, base, (root / rel for rel in dict.fromkeys(paths)), cache, today)


def content_files(root: Path, every_file: bool = False) -> list[str]:
    """The content paths (relative to ``root``) ``load_content`` checks, in its order;
    ``every_file``: images and other files too (their names are checked)."""
    root = root.resolve()
    # Strings, not Paths: a large content folder has thousands of files, a few folders.
    prefixes: dict[str, str] = {}
    found = []
    for folder, name in _walk(root, every_file):
        if folder not in prefixes:
            rel = Path(folder).relative_to(root).as_posix()
            prefixes[folder] = "" if rel == "." else rel + "/"
        found.append(prefixes[folder] + name)
    return found


def check_one(root: Path, rel: str, cache: DocumentCache,
              project_root: Path | None = None) -> FileResult:
    """One content file's own check (no references), kept in ``cache`` for ``load_files``."""
    root = root.resolve()
    path = root / rel
    return check_file(root, path, rel, project_path(root, rel, project_root), cache)


def project_path(root: Path, rel: str, project_root: Path | None = None) -> str:
    """A content file's path relative to the project root, as its problems carry it."""
    root = root.resolve()
    return _relative(root / rel, (project_root or root.parent).resolve())


def _missing_root(root: Path, base: Path) -> ContentSet:
    problem = Problem(_relative(root, base), 1, "indhold",
                      "mappen findes ikke. Angiv mappen med indholdet, fx 'content'.")
    return ContentSet(root, (), (problem,), 0, folder=_relative(root, base))


def _load(root: Path, base: Path, paths: Iterable[Path], cache: DocumentCache | None,
          today: dt.date | None) -> ContentSet:
    today = today or clock.today()
    documents: list[Document] = []
    problems: list[Problem] = []
    broken: dict[str, str] = {}
    count = 0
    with _cyclic_gc_paused():
        for path in paths:
            rel = path.relative_to(root).as_posix()
            named = _cpr_in_name(rel, _relative(path, base))
            if named is not None:
                problems.append(named)
            if not is_content_file(path):
                continue
            count += 1
            if named is not None:
                continue
            result = check_file(root, path, rel, _relative(path, base), cache)
            problems.extend(result.problems)
            problems.extend(_file_name_problems(path, _relative(path, base)))
            if result.document is not None:
                documents.append(result.document)
            elif any(p.is_error for p in result.problems):
                broken.setdefault(path.stem, _relative(path, base))
        problems.extend(_check_across(documents, root, base, today, broken))
    problems.sort(key=Problem.sort_key)
    return ContentSet(root, tuple(documents), tuple(problems), count, today=today,
                      broken=broken, folder=_relative(root, base))


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Loading allocates millions of small objects that all stay alive (YAML nodes, then the
    documents); the cyclic garbage collector would rescan the growing heap again and again,
    a fifth of the time at 5,000 files. Nothing here makes reference cycles, and reference
    counting still frees everything else, so the collector waits until loading is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _cpr_in_name(rel: str, at: str) -> Problem | None:
    """A CPR number in a file or folder name would become part of the page's address. The
    file is not read, and the message shows its path with the number masked."""
    hit = next(find_cpr_numbers(rel), None)
    if hit is None:
        return None
    in_folder = hit.end <= rel.rfind("/")
    name, thing = ("mappenavnet", "mappen") if in_folder else ("filnavnet", "filen")
    return Problem(mask_cpr_numbers(at), 1, PERSONAL_DATA_KEY,
                   f"{name} ser ud til at indeholde et CPR-nummer ({hit.masked}), og navnet "
                   "bliver en del af sidens adresse på sitet. Borgeres personoplysninger må "
                   f"aldrig stå i indholdet: omdøb {thing}. Er det ikke et CPR-nummer, så "
                   f"omdøb alligevel {thing}, så navnet ikke ligner et (en '{ALLOW_MARKER}'-"
                   "kommentar virker kun inde i en fil).")


def _relative(path: Path, base: Path) -> str:
    """``path`` relative to the project root ``base`` ('' for the root itself)."""
    relative = Path(os.path.relpath(path, base)).as_posix()
    return "" if relative == "." else relative


def check_file(root: Path, path: Path, rel: str, at: str,
               cache: DocumentCache | None = None) -> FileResult:
    """Read and check one file on its own (cross-document checks come later). ``at`` is the
    file's path relative to the project root, which its problems carry."""
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            return _fail(at, "filen er et link, der peger uden for indholdsmappen. Kopiér "
                             "filen ind i mappen i stedet for at linke til den.")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _fail(at, f"filen er for stor ({size / 1024 / 1024:.1f} MB; højst "
                             f"{MAX_FILE_BYTES // 1024 // 1024} MB). Del den op i flere "
                             "dokumenter, eller flyt bilag ud af indholdsmappen.")
        data = path.read_bytes()
    except OSError as exc:
        return _fail(at, f"filen kan ikke læses ({exc.strerror}).")
    digest = hashlib.sha256(data).hexdigest()
    if cache is not None and (hit := cache.get(at, digest)) is not None:
        return hit
    result = _check_bytes(data, rel, at, digest, markdown=path.suffix in MARKDOWN_SUFFIXES)
    if cache is not None:
        cache.put(at, digest, result)
    return result


def _fail(at: str, message: str) -> FileResult:
    return FileResult(None, (Problem(at, 1, "fil", message),))


def _check_bytes(data: bytes, rel: str, at: str, digest: str, markdown: bool) -> FileResult:
    try:
        text = frontmatter.decode(at, data)
    except frontmatter.SourceProblem as exc:
        return FileResult(None, (exc.problem,))
    personal = [Problem(at, hit.line, PERSONAL_DATA_KEY,
                        f"linjen ser ud til at indeholde et CPR-nummer ({hit.masked}). "
                        "Borgeres personoplysninger må aldrig stå i indholdet: slet nummeret. "
                        f"Er det ikke et CPR-nummer, så skriv '{ALLOW_MARKER}' i en kommentar "
                        "på samme linje.")
                for hit in find_cpr_numbers(text)]
    if personal:
        # Nothing else is checked, so no message can repeat the number from a value.
        return FileResult(None, tuple(personal))
    try:
        split = frontmatter.split_markdown if markdown else frontmatter.whole_yaml
        source_file = split(at, text)
        node = frontmatter.compose(source_file)
    except frontmatter.SourceProblem as exc:
        return FileResult(None, (exc.problem,))
    ck = Checker(at, source_file.front_matter_line)
    doc_type = _document_type(node, ck, markdown)
    if doc_type is None:
        return FileResult(None, tuple(ck.problems))
    values = check_document(node, doc_type.schema, ck, doc_type.rules)
    if doc_type.markdown:
        _check_body(source_file, ck)
    ck.problems.extend(placeholder_problems(
        text, node, ck.offset, source_file.body if doc_type.markdown else "", source_file.body_line,
        at))
    if isinstance(values, Invalid):
        return FileResult(None, tuple(ck.problems))
    doc_id = Path(rel).stem
    source = Source(path=rel, doc_id=doc_id, body=source_file.body,
                    body_line=source_file.body_line, digest=digest,
                    key_lines=_shared_keys(ck.lines),
                    changes=change_entries(values, ck.lines))
    return FileResult(doc_type.build(values, source), tuple(ck.problems))


# Every document keeps the line of each of its keys, and most keys are the same in every
# document of a type (('answers', '1.1', 'comment') in each assessment): one shared tuple per
# key instead of one per document halves the memory of a large content set.
_KEYS: dict[Key, Key] = {}


def _shared_keys(lines: dict[Key, int]) -> dict[Key, int]:
    return {_KEYS.setdefault(key, key): line for key, line in lines.items()}


def _document_type(node: yaml.Node, ck: Checker, markdown: bool) -> AnyDocumentType | None:
    types = document_types()
    if not isinstance(node, yaml.MappingNode):
        ck.error((), "front matter skal være nøgler med værdier ('nøgle: værdi'), "
                     "startende med 'type: ...'.", ck.line(node))
        return None
    type_node = next((v for k, v in node.value if getattr(k, "value", None) == "type"), None)
    kinds = [t.name for t in types.values() if t.markdown == markdown]
    if type_node is None:
        ck.error(("type",), "nøglen 'type' mangler. Den fortæller, hvilken slags dokument filen "
                            f"er. Tilladte værdier her: {', '.join(kinds)}.", ck.line(node))
        return None
    name = str(type_node.value) if isinstance(type_node, yaml.ScalarNode) else ""
    doc_type = types.get(name)
    line = ck.line(type_node)
    if doc_type is None:
        ck.error(("type",), f"ukendt dokumenttype '{name}'.{did_you_mean(name, kinds)} "
                            f"Tilladte værdier her: {', '.join(kinds)}.", line)
        return None
    if doc_type.markdown != markdown:
        wanted = ".md" if doc_type.markdown else ".yml"
        ck.error(("type",), f"en {doc_type.label} skal ligge i en {wanted}-fil. Omdøb filen "
                            f"til {wanted}.", line)
        return None
    return doc_type


def _check_body(source_file: frontmatter.SourceFile, ck: Checker) -> None:
    for heading in headings(source_file.body, source_file.body_line):
        if heading.level == 1:
            ck.warn((BODY_KEY,), f"overskriften '# {heading.text}' er en hovedoverskrift. "
                                    "Titlen kommer fra 'title' i front matter: brug '## ' til "
                                    "afsnit i teksten.", heading.line)


def _check_across(documents: Iterable[Document], root: Path, project_root: Path,
                  today: dt.date | None = None,
                  broken: Mapping[str, str] | None = None) -> list[Problem]:
    """Checks that need more than one document: unique ids, then each type's references."""
    problems: list[Problem] = []
    types = document_types()
    by_model = {doc_type.model: doc_type for doc_type in types.values()}
    # Ids an edition names: one id may not be two printable documents, whatever their types.
    printable = PRINTABLE_TYPES
    by_class: dict[object, list[Document]] = {}
    for doc in documents:
        if by_model[type(doc)].unique_ids:
            group = "printable" if isinstance(doc, printable) else type(doc)
            by_class.setdefault(group, []).append(doc)
    good_ids = {doc.source.doc_id for doc in documents}
    broken = {doc_id: path for doc_id, path in (broken or {}).items() if doc_id not in good_ids}
    content = ContentSet(root, tuple(documents), (), 0, today=today, broken=broken,
                         folder=_relative(root, project_root))
    for docs in by_class.values():
        seen: dict[str, Document] = {}
        for doc in docs:
            first = seen.setdefault(doc.source.doc_id, doc)
            if first is not doc:
                problems.append(_duplicate_id(doc, first, by_model,
                                              _relative(root / doc.source.path, project_root),
                                              _relative(root / first.source.path, project_root)))
    for doc in documents:
        doc_type = by_model[type(doc)]
        if doc_type.cross_check is None:
            continue
        at = _relative(root / doc.source.path, project_root)
        # One error, one message: a reference to a file that has errors of its own says so
        # once per referring document, instead of "unknown id, did you mean ...".
        told: set[str] = set()

        def report(key: Key, message: str, severity: Severity = Severity.ERROR,
                   _doc: Document = doc, _at: str = at, _told: set[str] = told) -> None:
            target = _broken_reference(message, broken) if severity is Severity.ERROR else None
            if target is not None:
                if target in _told:
                    return
                _told.add(target)
                message = f"henviser til {broken[target]}, som har fejl: ret dem først."
            problems.append(Problem(_at, _doc.source.line_of(key), key_text(key), message,
                                    severity))

        doc_type.cross_check(doc, content, report)
    return problems


_QUOTED = re.compile(r"'([^'\s]+)'")


def _broken_reference(message: str, broken: Mapping[str, str]) -> str | None:
    """The id of a file with errors that a cross-check message names, if any."""
    if not broken:
        return None
    return next((word for word in _QUOTED.findall(message) if word in broken), None)


def _duplicate_id(doc: Document, first: Document, by_model: Mapping[type, AnyDocumentType],
                  at: str, first_path: str) -> Problem:
    doc_id = doc.source.doc_id
    if type(doc) is type(first):
        return Problem(at, 1, "id", f"id'et '{doc_id}' (filnavnet) bruges også af "
                                      f"{first_path}. Omdøb en af filerne, så id'erne er "
                                      "entydige.")
    return Problem(at, 1, "id", (
        f"id'et '{doc_id}' (filnavnet) bruges også af {first_path}, som er en "
        f"{by_model[type(first)].label}, mens denne fil er en {by_model[type(doc)].label}. En "
        f"udgave eller henvisning, der nævner '{doc_id}', kan ikke vide, hvilken der menes: "
        "omdøb en af filerne, så id'erne er entydige."))




def _file_name_problems(path: Path, at: str) -> list[Problem]:
    """A file name `praksis new` would refuse: spaces, capitals, æøå. The page still works,
    but its address is awkward and an id that is not a slug cannot be referred to."""
    stem = path.stem
    if SLUG.match(stem):
        return []
    better = slugify(stem)
    suggestion = f", fx '{better}{path.suffix}'" if better else ""
    return [Problem(at, 1, "filnavn", (
        f"filnavnet '{path.name}' er ikke et gyldigt id: brug små bogstaver a-z, tal og "
        "bindestreger (æ, ø, å skrives ae, oe, aa), som 'praksis new' gør. Navnet bliver "
        f"id'et og sidens adresse, og et id med mellemrum eller æøå kan ingen henvise til. "
        f"Omdøb filen{suggestion}."), Severity.WARNING)]
