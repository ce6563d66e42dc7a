"""``EntityExtractor``: text in, ``kupur.core.models.Entities`` out.

Building one loads the gazetteers and the spaCy pipeline once; ``extract_many`` streams texts
through ``nlp.pipe``. Each kind of entity is linked to one canonical entry per text: a province
by name with its plate code, a district with its province, a person by full name (a later
surname-only or title-only mention merges into it), an organisation by its registry name or its
nominative full name, a project by its registry id or a slug.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kupur.core.models import (
    DistrictRef,
    Entities,
    Figure,
    Mention,
    OrganizationRef,
    Person,
    ProjectRef,
    ProvinceRef,
)
from kupur.nlp.gazetteer import Gazetteer, load_gazetteer, name_key
from kupur.nlp.pipeline import build_pipeline
from kupur.nlp.places import club_provinces

__all__ = ["EntityExtractor", "doc_to_entities"]

_log = logging.getLogger(__name__)


class EntityExtractor:
    """Finds provinces, districts, people, organisations, projects, dates and figures."""

    def __init__(self, projects_file: str | Path | None = None, ner_model: str = "") -> None:
        self.gazetteer: Gazetteer = load_gazetteer(str(projects_file) if projects_file else "")
        self.nlp: Language = build_pipeline(self.gazetteer)
        if ner_model:
            from kupur.nlp.ner import add_ner_component

            add_ner_component(self.nlp, ner_model)

    def extract(self, text: str) -> Entities:
        return doc_to_entities(self.nlp(self._within_limit(text)), self.gazetteer)

    def extract_many(self, texts: Iterable[str], batch_size: int = 32) -> list[Entities]:
        return [
            doc_to_entities(doc, self.gazetteer)
            for doc in self.nlp.pipe(map(self._within_limit, texts), batch_size=batch_size)
        ]

    def _within_limit(self, text: str) -> str:
        """spaCy refuses texts over ``nlp.max_length`` (a million characters); such a "text" is a
        mis-extracted page, not news, so its entities are read from the first million only."""
        limit = self.nlp.max_length - 1
        if len(text) <= limit:
            return text
        _log.warning("text of %d characters: entities are read from its first %d", len(text), limit)
        return text[:limit]


def _merge_people(doc: Doc) -> list[Person]:
    """One Person per individual: "Erdoğan" after "Recep Tayyip Erdoğan" is the same person."""
    spans = sorted(doc.spans.get("people", []), key=lambda s: -len(s._.canonical.split()))
    people: dict[str, Person] = {}
    for span in spans:
        name = span._.canonical
        key = name_key(name)
        target = key
        if key not in people:
            words = key.split()
            for existing in people:
                existing_words = existing.split()
                if len(words) < len(existing_words) and existing_words[-len(words) :] == words:
                    target = existing
                    break
        current = people.get(target)
        if current is None:
            people[target] = Person(name=name, title=span._.title, role=span._.role)
        elif current.title is None and span._.title:
            people[target] = Person(name=current.name, title=span._.title, role=span._.role)
        elif current.role is None and span._.role and span._.title == current.title:
            people[target] = Person(name=current.name, title=current.title, role=span._.role)
    order = {name_key(s._.canonical): s.start for s in doc.spans.get("people", [])}
    return sorted(people.values(), key=lambda p: order.get(name_key(p.name), 0))


def doc_to_entities(doc: Doc, gazetteer: Gazetteer) -> Entities:
    """Collect the span groups of a processed ``Doc`` into deduplicated ``Entities``."""
    entities = Entities()
    provinces: dict[str, ProvinceRef] = {}
    districts: dict[tuple[str, str], DistrictRef] = {}
    for span in doc.spans.get("places", []):
        if span.label_ == "DISTRICT":
            province = span._.province
            districts.setdefault(
                (span._.canonical, province), DistrictRef(span._.canonical, province)
            )
        else:
            province = span._.canonical
        provinces.setdefault(province, ProvinceRef(province, gazetteer.provinces[province]))
    for province in sorted(club_provinces(doc)):
        provinces.setdefault(province, ProvinceRef(province, gazetteer.provinces[province]))
    entities.provinces = list(provinces.values())
    entities.districts = list(districts.values())
    entities.people = _merge_people(doc)
    organizations: dict[str, OrganizationRef] = {}
    for span in doc.spans.get("organizations", []):
        key = name_key(span._.canonical)
        known = organizations.get(key)
        if known is None or (known.abbreviation is None and span._.abbreviation):
            organizations[key] = OrganizationRef(span._.canonical, span._.abbreviation)
    entities.organizations = [
        org
        for key, org in organizations.items()
        if not any(other != key and other.endswith(" " + key) for other in organizations)
    ]
    projects: dict[str, ProjectRef] = {}
    for span in doc.spans.get("projects", []):
        projects.setdefault(span._.canonical, ProjectRef(span._.display_name, span._.canonical))
    entities.projects = list(projects.values())
    entities.dates = list(dict.fromkeys(span._.canonical for span in doc.spans.get("dates", [])))
    figures: dict[tuple[float, str], Figure] = {}
    for span in doc.spans.get("figures", []):
        figures.setdefault(
            (span._.value, span._.unit), Figure(span._.value, span._.unit, span._.canonical)
        )
    entities.figures = list(figures.values())
    mentions: list[Mention] = []
    for group, label in (
        ("places", None),
        ("people", "PERSON"),
        ("organizations", "ORG"),
        ("projects", "PROJECT"),
        ("dates", "DATE"),
        ("figures", "FIGURE"),
    ):
        for span in doc.spans.get(group, []):
            mentions.append(
                Mention(span.text, label or span.label_, span.start_char, span.end_char)
            )
    entities.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    return entities
