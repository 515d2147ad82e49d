"""What every document type declares (``DocumentType``), and field specifications shared by
several types."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic

from ..changes import check_changes, with_changes
from ..fields import Checker, Choice, Date, Field, Key, ListOf, Record, Rule, Slug, Text, Values
from ..model import ApprovalState, Source
from ..model.content import ContentSet, D
from ..problems import Severity

Report = Callable[[Key, str, Severity], None]


@dataclass(frozen=True)
class DocumentType(Generic[D]):
    """A document type, keyed by the ``type:`` front-matter field: its schema (one source for
    validation, reference page, JSON Schema and scaffold), how a checked mapping becomes a
    typed document, and its cross-document checks. ``types.DOCUMENT_TYPES`` lists them all."""

    name: str
    label: str                   # Danish, singular: "praksisbeskrivelse"
    description: str             # Danish, one paragraph for the reference page
    markdown: bool               # a Markdown page (True) or a YAML data file (False)
    model: type[D]               # the frozen dataclass its documents are
    schema: Record
    build: Callable[[Values, Source], D]
    rules: Sequence[Rule] = ()
    cross_check: Callable[[D, ContentSet, Report], None] | None = None
    # Documents other documents refer to by id need unique ids; free pages (index.md) do not.
    unique_ids: bool = True
    example_path: str = ""
    body_sections: Sequence[str] = field(default_factory=tuple)


# Any type, in the registry (types.DOCUMENT_TYPES) and where a document of any type is
# checked: each entry's own build and cross_check are typed for its model.
AnyDocumentType = DocumentType[Any]


def with_change_history(doc_type: DocumentType[D]) -> DocumentType[D]:
    """A Markdown type whose documents may keep their change history in 'changes:'
    (core.changes); it lands on Source.changes, so the type's own model need not know it."""
    return replace(doc_type, schema=with_changes(doc_type.schema),
                   rules=(*doc_type.rules, check_changes))


def type_field(name: str) -> Field:
    return Field(Choice(values=(name,)), help=f"Dokumenttypen. Skal være '{name}'.",
                 example=name)


def tags_field() -> Field:
    return Field(ListOf(item=Slug(label="et emneord (små bogstaver og bindestreger)",
                                  pattern=r"^[a-zæøå0-9]+(-[a-zæøå0-9]+)*$",
                                  hint=" Skriv fx 'børn-og-familie'.")),
                 required=False, default=(),
                 help="Emneord, som siden kan findes under, fx [børn-og-familie, sikkerhedsplan].",
                 example="[]")


def title_field(help_text: str = "Titel, som den vises på siden og i menuen.",
                example: str | None = None) -> Field:
    return Field(Text(single_line=True), help=help_text, example=example)


APPROVAL = Record(fields={
    "state": Field(Choice(values=tuple(s.value for s in ApprovalState)),
                   help="Godkendelsesstatus: kladde, til-godkendelse eller godkendt.",
                   example="kladde"),
    "approved_by": Field(Text(single_line=True), required=False,
                         help="Hvem der godkendte (rolle og navn). Kræves, når state er godkendt.",
                         example="null"),
    "approved_on": Field(Date(), required=False,
                         help="Hvornår beskrivelsen blev godkendt. Kræves, når state er godkendt.",
                         example="null"),
})


def approval_complete(values: Values, ck: Checker) -> None:
    approval = values["approval"]
    if approval["state"] == ApprovalState.APPROVED.value:
        for key in ("approved_by", "approved_on"):
            if approval[key] is None:
                ck.error(("approval", key),
                         f"en godkendt beskrivelse skal have '{key}'. Tilføj den under "
                         "'approval:', eller sæt state til 'til-godkendelse'.")
    else:
        for key in ("approved_by", "approved_on"):
            if approval[key] is not None:
                ck.warn(("approval", key),
                        f"'{key}' er udfyldt, men state er '{approval['state']}'. Sæt state til "
                        "'godkendt', eller fjern nøglen.")
