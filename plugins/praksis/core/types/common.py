"""Field specifications shared by several document types."""

from __future__ import annotations

from typing import Any

from ..fields import Checker, Choice, Date, Field, ListOf, Record, Slug, Text
from ..model import ApprovalState


def type_field(name: str) -> Field:
    return Field(Choice(values=(name,)), help=f"Dokumenttypen. Skal være '{name}'.")


def tags_field() -> Field:
    return Field(ListOf(item=Slug(label="et emneord (små bogstaver og bindestreger)",
                                  pattern=r"^[a-zæøå0-9]+(-[a-zæøå0-9]+)*$",
                                  hint=" Skriv fx 'børn-og-familie'.")),
                 required=False, default=(),
                 help="Emneord, som siden kan findes under, fx [børn-og-familie, sikkerhedsplan].")


def title_field(help_text: str = "Titel, som den vises på siden og i menuen.") -> Field:
    return Field(Text(single_line=True), help=help_text)


APPROVAL = Record(fields={
    "state": Field(Choice(values=tuple(s.value for s in ApprovalState)),
                   help="Godkendelsesstatus: kladde, til-godkendelse eller godkendt."),
    "approved_by": Field(Text(single_line=True), required=False,
                         help="Hvem der godkendte (rolle og navn). Kræves, når state er godkendt."),
    "approved_on": Field(Date(), required=False,
                         help="Hvornår beskrivelsen blev godkendt. Kræves, når state er godkendt."),
})


def approval_complete(values: dict[str, Any], ck: Checker) -> None:
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
