"""Field specifications shared by several document types."""

from __future__ import annotations

from ..fields import Choice, Field, ListOf, Slug, Text


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
