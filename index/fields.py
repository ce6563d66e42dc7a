"""What every backend indexes for an article, derived once from the ``Article`` record.

Entity names are kept twice: as shown (for facet buckets) and as comparison keys
(``analysis.name_key``) for the field filters. ``entity_words`` holds the words of names the
stemmer must leave alone (provinces, districts, people, abbreviations, one-word project and
organisation names); query words found there are matched unstemmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from kupur.core.models import ISTANBUL, Article
from kupur.index.analysis import fold_tokens, name_key

__all__ = ["FACET_SIZE", "IndexedArticle", "histogram_keys", "hit_entities", "local_day"]

#: Buckets per facet in a result.
FACET_SIZE = 10


@dataclass(frozen=True)
class IndexedArticle:
    id: str
    url: str
    title: str
    text: str
    source: str
    published_at: datetime | None
    story_key: str
    story_id: str | None
    #: Facet values as shown, keyed like FACET_FIELDS.
    facets: dict[str, list[str]]
    province_keys: list[str]
    district_keys: list[str]
    #: For phrase filters: every name (and abbreviation / project id) a filter may match.
    person_names: list[str]
    organization_names: list[str]
    project_names: list[str]
    entity_words: list[str]
    day: str | None
    week: str | None
    month: str | None
    entities: dict[str, Any]
    embedding: list[float] | None

    @classmethod
    def from_article(cls, article: Article) -> IndexedArticle:
        ents = article.entities
        provinces = _unique(p.name for p in ents.provinces) if ents else []
        districts = _unique(d.name for d in ents.districts) if ents else []
        people = _unique(p.name for p in ents.people) if ents else []
        orgs = _unique(o.name for o in ents.organizations) if ents else []
        abbreviations = _unique(o.abbreviation or "" for o in ents.organizations) if ents else []
        projects = _unique(p.name for p in ents.projects) if ents else []
        project_ids = _unique(p.id for p in ents.projects) if ents else []
        protected = [*provinces, *districts, *people, *abbreviations, *project_ids]
        protected += [name for name in [*orgs, *projects] if len(fold_tokens(name)) == 1]
        day, week, month = histogram_keys(article.published_at)
        return cls(
            id=article.id,
            url=article.url,
            title=article.title,
            text=article.text,
            source=article.source,
            published_at=article.published_at,
            story_key=article.story_id or f"article:{article.id}",
            story_id=article.story_id,
            facets={
                "province": provinces,
                "district": districts,
                "person": people,
                "organization": orgs,
                "project": projects,
                "source": [article.source] if article.source else [],
            },
            province_keys=_unique(name_key(p) for p in provinces),
            district_keys=_unique(name_key(d) for d in districts),
            person_names=people,
            organization_names=_unique([*orgs, *abbreviations]),
            project_names=_unique([*projects, *project_ids]),
            entity_words=_unique(word for name in protected for word in fold_tokens(name)),
            day=day,
            week=week,
            month=month,
            entities=hit_entities(article),
            embedding=article.embedding,
        )

    def stored(self) -> dict[str, Any]:
        """The record every backend stores beside the indexed fields, read back for hits
        (``kupur.index.plan.Candidate.stored``)."""
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "text": self.text,
            "source": self.source,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "story_id": self.story_id,
            "story_key": self.story_key,
            "entities": self.entities,
        }


def hit_entities(article: Article) -> dict[str, Any]:
    """The entities a hit carries: everything the NLP stage found except raw mentions."""
    if article.entities is None:
        return {}
    data = article.entities.to_dict()
    data.pop("mentions", None)
    return data


def local_day(moment: datetime) -> date:
    """The calendar day in Europe/Istanbul, the time zone every date filter and bucket uses."""
    return moment.astimezone(ISTANBUL).date()


def histogram_keys(moment: datetime | None) -> tuple[str | None, str | None, str | None]:
    """Day, week (its Monday) and month (its 1st) of ``moment`` as YYYY-MM-DD."""
    if moment is None:
        return None, None, None
    day = local_day(moment)
    monday = day - timedelta(days=day.weekday())
    return day.isoformat(), monday.isoformat(), day.replace(day=1).isoformat()


def _unique(values: Any) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value not in seen:
            seen[value] = None
    return list(seen)
