"""The search backend protocol and the request/result records every backend speaks.

All backends (tantivy, Elasticsearch, OpenSearch) take a ``SearchRequest`` whose ``query`` is
Kupür's query language (see ``kupur.index.query``) and return a ``SearchResult``; none of them ever lets
a user's text reach the engine's own query syntax.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, Protocol

from kupur.core.models import Article

__all__ = [
    "FACET_FIELDS",
    "FacetBucket",
    "HistogramBucket",
    "Hit",
    "SearchBackend",
    "SearchRequest",
    "SearchResult",
]

Sort = Literal["relevance", "date"]
Interval = Literal["day", "week", "month"]
Mode = Literal["keyword", "semantic", "hybrid"]

#: Facet names as they appear in results (and in the JSON output of ``kupur search``).
FACET_FIELDS = ("province", "district", "person", "organization", "project", "source")


@dataclass
class SearchRequest:
    """A search. ``query`` is query-language text; the other filters are ANDed with it."""

    query: str
    provinces: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    sort: Sort = "relevance"
    limit: int = 10
    offset: int = 0
    facets: bool = False
    histogram: Interval | None = None
    collapse_stories: bool = False
    mode: Mode = "keyword"
    #: For semantic and hybrid modes: the query's embedding, or an article id to find stories like.
    vector: list[float] | None = None
    like_id: str | None = None


@dataclass
class Hit:
    """One result. ``snippet`` is HTML-safe: text escaped, matches wrapped in <mark>…</mark>."""

    id: str
    url: str
    title: str
    published_at: datetime | None
    source: str
    snippet: str
    score: float
    entities: dict[str, Any]
    story_id: str | None = None
    #: With ``collapse_stories``: how many other outlets carried the same story.
    other_outlets: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "source": self.source,
            "snippet": self.snippet,
            "score": self.score,
            "entities": self.entities,
            "story_id": self.story_id,
            "other_outlets": self.other_outlets,
        }


@dataclass(frozen=True)
class FacetBucket:
    value: str
    count: int


@dataclass(frozen=True)
class HistogramBucket:
    """``key`` is the bucket's first day as YYYY-MM-DD (the Monday for weeks, the 1st for months)."""

    key: str
    count: int


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetBucket]] = field(default_factory=dict)
    histogram: list[HistogramBucket] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "hits": [h.to_dict() for h in self.hits],
            "facets": {
                name: [{"value": b.value, "count": b.count} for b in buckets]
                for name, buckets in self.facets.items()
            },
            "histogram": [{"key": b.key, "count": b.count} for b in self.histogram],
        }


class SearchBackend(Protocol):
    """What every backend does. Writes are idempotent upserts keyed by ``Article.id``."""

    def upsert(self, articles: Sequence[Article]) -> int:
        """Add or replace articles; returns how many were written."""
        ...

    def delete(self, ids: Iterable[str]) -> None: ...

    def search(self, request: SearchRequest) -> SearchResult: ...

    def count(self) -> int: ...

    def reindex(self, articles: Iterable[Article]) -> int:
        """Build a fresh index from ``articles`` and switch to it atomically."""
        ...

    def close(self) -> None: ...
