"""What a digest says, gathered from the search backend for one subscription and one period.

For every saved search: the top stories (copies of one story across outlets collapsed into one line
that says how many outlets carried it), counts per province and per project against the previous
period of the same length, officials and projects that no earlier article matching the search
named, and the number of matching articles per day (for the chart).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from kupur.digest.periods import Period
from kupur.digest.subscriptions import SavedSearch, Subscription
from kupur.index.api import FacetBucket, Hit, SearchBackend, SearchRequest

__all__ = ["CountRow", "Digest", "Official", "SearchDigest", "StoryLine", "compose_digest"]

#: How many collapsed stories are read to pick the top ones, how many are shown.
STORY_POOL = 200
TOP_STORIES = 10
#: Rows in the province and project tables; names checked for being new.
TABLE_ROWS = 10
NEW_CANDIDATES = 20


@dataclass(frozen=True)
class StoryLine:
    title: str
    url: str
    source: str
    published_at: datetime | None
    outlets: int


@dataclass(frozen=True)
class CountRow:
    value: str
    current: int
    previous: int

    @property
    def change(self) -> int:
        return self.current - self.previous


@dataclass(frozen=True)
class Official:
    name: str
    title: str | None = None
    role: str | None = None


@dataclass
class SearchDigest:
    search: SavedSearch
    total: int
    previous_total: int
    stories: list[StoryLine] = field(default_factory=list)
    provinces: list[CountRow] = field(default_factory=list)
    projects: list[CountRow] = field(default_factory=list)
    new_officials: list[Official] = field(default_factory=list)
    new_projects: list[str] = field(default_factory=list)
    per_day: list[tuple[date, int]] = field(default_factory=list)


@dataclass
class Digest:
    subscription: Subscription
    period: Period
    searches: list[SearchDigest]

    @property
    def total(self) -> int:
        return sum(s.total for s in self.searches)


def compose_digest(backend: SearchBackend, subscription: Subscription, period: Period) -> Digest:
    return Digest(
        subscription=subscription,
        period=period,
        searches=[_search_digest(backend, search, period) for search in subscription.searches],
    )


def _search_digest(backend: SearchBackend, search: SavedSearch, period: Period) -> SearchDigest:
    current = backend.search(
        SearchRequest(
            query=search.query,
            since=period.start,
            until=period.last_day,
            sort="date",
            limit=STORY_POOL,
            facets=True,
            histogram="day",
            collapse_stories=True,
        )
    )
    previous_period = period.previous()
    previous = backend.search(
        SearchRequest(
            query=search.query,
            since=previous_period.start,
            until=previous_period.last_day,
            limit=0,
            facets=True,
        )
    )
    counts = {b.key: b.count for b in current.histogram}
    new_people = _new_names(backend, search.query, "kişi", current.facets.get("person"), period)
    return SearchDigest(
        search=search,
        total=current.total,
        previous_total=previous.total,
        stories=_top_stories(current.hits),
        provinces=_compare(current.facets.get("province"), previous.facets.get("province")),
        projects=_compare(current.facets.get("project"), previous.facets.get("project")),
        new_officials=[_official(backend, search.query, name, period) for name in new_people],
        new_projects=_new_names(
            backend, search.query, "proje", current.facets.get("project"), period
        ),
        per_day=[(day, counts.get(day.isoformat(), 0)) for day in period.days()],
    )


def _top_stories(hits: list[Hit]) -> list[StoryLine]:
    """The stories most outlets carried; among equals the most recent first."""
    ranked = sorted(
        hits,
        key=lambda h: (h.other_outlets, h.published_at.timestamp() if h.published_at else 0.0),
        reverse=True,
    )
    return [
        StoryLine(h.title, h.url, h.source, h.published_at, h.other_outlets + 1)
        for h in ranked[:TOP_STORIES]
    ]


def _compare(
    current: list[FacetBucket] | None, previous: list[FacetBucket] | None
) -> list[CountRow]:
    now = {b.value: b.count for b in current or []}
    before = {b.value: b.count for b in previous or []}
    rows = [CountRow(v, now.get(v, 0), before.get(v, 0)) for v in now.keys() | before.keys()]
    rows.sort(key=lambda r: (-r.current, -r.previous, r.value))
    return rows[:TABLE_ROWS]


def _official(backend: SearchBackend, query: str, name: str, period: Period) -> Official:
    """The person with the title and role the period's articles give them, when they do."""
    hits = backend.search(
        SearchRequest(
            query=f'({query}) AND kişi:"{_quoted(name)}"',
            since=period.start,
            until=period.last_day,
            sort="date",
            limit=10,
        )
    ).hits
    best = Official(name)
    for hit in hits:
        people: Any = hit.entities.get("people") or []
        for person in people:
            if isinstance(person, dict) and person.get("name") == name and person.get("title"):
                if person.get("role"):
                    return Official(name, person["title"], person["role"])
                best = Official(name, person["title"])
    return best


def _quoted(value: str) -> str:
    """A name made safe inside a quoted field filter (the query language has no escapes)."""
    return value.replace('"', " ").strip()


def _new_names(
    backend: SearchBackend,
    query: str,
    field_name: str,
    buckets: list[FacetBucket] | None,
    period: Period,
) -> list[str]:
    """Facet values of this period that no article matching ``query`` named before it."""
    new: list[str] = []
    for bucket in (buckets or [])[:NEW_CANDIDATES]:
        name = _quoted(bucket.value)
        if not name:
            continue
        earlier = backend.search(
            SearchRequest(
                query=f'({query}) AND {field_name}:"{name}"',
                until=period.start - timedelta(days=1),
                limit=0,
            )
        )
        if earlier.total == 0:
            new.append(bucket.value)
    return new
