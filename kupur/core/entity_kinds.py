"""The one table of entity kinds: how each kind is named in the ``Entities`` record, in search
facets and index fields, in the query language, in DataFrames, and on Turkish pages.

Every layer that names a kind reads it from here, so adding a kind or renaming a query field is
one edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

__all__ = ["ENTITY_KINDS", "KIND_NAMES", "EntityKind", "KindName", "entity_kind"]

KindName = Literal["provinces", "districts", "people", "organizations", "projects"]


@dataclass(frozen=True)
class EntityKind:
    """One kind of entity and every name it goes by."""

    #: Attribute of ``Entities`` ("people").
    name: KindName
    #: Facet and index field, and the DataFrame column naming one entity ("person").
    singular: str
    #: The query-language field ("kişi"); ``field_aliases`` are the other accepted spellings,
    #: folded (no Turkish letters, lower case).
    field: str
    field_aliases: tuple[str, ...]
    #: Turkish headings: one entity and the list page.
    label: str
    plural_label: str
    #: URL of the list page ("/kisiler").
    list_slug: str
    #: The detail shown beside a name (a person's title) and its Turkish heading.
    detail: str
    detail_label: str


ENTITY_KINDS: tuple[EntityKind, ...] = (
    EntityKind("provinces", "province", "il", ("il", "province"), "İl", "İller", "iller",
               "plate", "Plaka"),
    EntityKind("districts", "district", "ilçe", ("ilce", "district"), "İlçe", "İlçeler",
               "ilceler", "province_of", "İl"),
    EntityKind("people", "person", "kişi", ("kisi", "person"), "Kişi", "Kişiler", "kisiler",
               "title", "Unvan"),
    EntityKind("organizations", "organization", "kurum",
               ("kurum", "kurulus", "organization", "org"), "Kurum", "Kurumlar", "kurumlar",
               "abbreviation", "Kısaltma"),
    EntityKind("projects", "project", "proje", ("proje", "project"), "Proje", "Projeler",
               "projeler", "name", "Proje adı"),
)  # fmt: skip

#: The kinds' names, in the order of ``ENTITY_KINDS``.
KIND_NAMES: tuple[KindName, ...] = get_args(KindName)

_BY_NAME = {kind.name: kind for kind in ENTITY_KINDS} | {
    kind.singular: kind for kind in ENTITY_KINDS
}


def entity_kind(name: str) -> EntityKind:
    """``"projects"`` or ``"project"`` → the projects kind; ValueError for an unknown name."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(
            f"unknown entity kind {name!r}; use one of: {', '.join(KIND_NAMES)}"
        ) from None
