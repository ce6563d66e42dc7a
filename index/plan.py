"""The search plan: how every backend answers a ``SearchRequest``, written once.

    keyword   the query (words and field filters) picks the articles; relevance or date ranks them
    semantic  articles with an embedding, nearest first to the request's ``vector`` or to the
              stored embedding of ``like_id``; of the query only its top-level field filters apply
    hybrid    reciprocal rank fusion of a keyword ranking and the semantic one; with no query text
              and a ``like_id``, the keyword side is "more like this article"

In every mode the request's provinces and dates apply, and the ``like_id`` article itself is
never a hit. With ``collapse_stories`` a story is represented by its first article in the ranking,
pages count stories, and each hit says how many other articles of its story are in scope.
``total``, facets and the histogram cover the whole scope, not just the page.

A backend supplies a ``SearchEngine``: it translates the plan's engine-neutral ``Scope`` into its
own query and runs a handful of primitives on it (rank, nearest vectors, a stored vector, story
sizes, snippets). Mode choice, ranking depths, fusion, collapsing, "other outlets", hits and the
errors a user sees are decided here, so every backend answers the same request the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from kupur.core.errors import SearchError
from kupur.index.api import Hit, Interval, SearchRequest, SearchResult
from kupur.index.fusion import collapse_by_story, first_of_each_story, reciprocal_rank_fusion
from kupur.index.query import And, DateRange, FieldFilter, Node, parse_query

__all__ = [
    "HYBRID_DEPTH",
    "Candidate",
    "Page",
    "Ranking",
    "Scope",
    "SearchEngine",
    "field_filters",
    "search",
]

#: Each side of a hybrid search ranks at least this deep: fusion has to see more than one page
#: of each ranking to find what both rank well.
HYBRID_DEPTH = 50


@dataclass(frozen=True)
class Scope:
    """The articles one step of a search covers, for an engine to translate into its own query.

    An article is in scope when it is in one of ``provinces`` (none: anywhere), published within
    ``since``..``until`` (Istanbul days, inclusive), satisfies every node of ``field_filters``,
    is not ``excluded``, and — when any of ``words``, ``like`` and ``with_vector`` is given —
    matches at least one of them: the query ``words``, the words of the article ``like``, or
    having an embedding. Rankings by relevance score what matched.
    """

    provinces: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    #: ``FieldFilter`` and ``DateRange`` nodes of the query (see ``field_filters``).
    field_filters: tuple[Node, ...] = ()
    excluded: str | None = None
    words: Node | None = None
    like: str | None = None
    with_vector: bool = False


@dataclass(frozen=True)
class Page:
    """What one ``SearchEngine.rank`` call asks for.

    ``size`` candidates from ``start`` of the scope's ranking (newest first with ``by_date``,
    else by relevance); with ``one_per_story`` the ranking keeps only the first article of each
    story (a server collapses on the story key; an engine that cannot reads its ranking through
    ``fusion.first_of_each_story``, as the plan does for vector rankings). ``count``, ``facets``
    and ``histogram`` ask for the scope's total and aggregations.
    """

    start: int = 0
    size: int = 0
    by_date: bool = False
    one_per_story: bool = False
    count: bool = False
    facets: bool = False
    histogram: Interval | None = None


@dataclass(frozen=True)
class Candidate:
    """An article an engine found, with the engine's score for it (the plan may replace it)."""

    id: str
    story_key: str
    score: float
    #: The article as stored (``IndexedArticle.stored``): url, title, text, source,
    #: published_at (ISO text or None), story_id, entities.
    stored: Mapping[str, Any]
    #: Fragments the engine already marked while ranking (servers highlight in the same request).
    highlights: tuple[str, ...] = ()


@dataclass
class Ranking:
    """The answer to a ``Page``: its candidates, and the scope's total, facets and histogram
    when the page asked for them (``summary.hits`` stays empty: hits are the plan's)."""

    candidates: list[Candidate]
    summary: SearchResult = field(default_factory=lambda: SearchResult(total=0, hits=[]))


CompiledScope = TypeVar("CompiledScope")


class SearchEngine(Protocol[CompiledScope]):
    """A backend's engine, seen by one search (one consistent view of the index)."""

    def compile(self, scope: Scope) -> CompiledScope:
        """The engine's query for ``scope``."""
        ...

    def rank(self, scope: CompiledScope, page: Page) -> Ranking: ...

    def nearest(self, scope: CompiledScope, vector: Sequence[float], limit: int) -> list[Candidate]:
        """Up to ``limit`` articles of ``scope`` nearest to ``vector``, nearest first, each scored
        by its similarity; fewer only when the scope holds no more articles with an embedding."""
        ...

    def stored_vector(self, article_id: str) -> Sequence[float] | None:
        """The embedding indexed for the article, or None (no such article, or no embedding)."""
        ...

    def holds(self, article_id: str) -> bool:
        """Whether the article is in the index."""
        ...

    def story_sizes(self, scope: CompiledScope, story_keys: Sequence[str]) -> dict[str, int]:
        """How many articles of ``scope`` each of ``story_keys`` has (absent: none)."""
        ...

    def snippet(self, candidate: Candidate) -> str:
        """The HTML-safe snippet of a hit: its text with the query's matches in <mark>…</mark>."""
        ...


def search(request: SearchRequest, engine: SearchEngine[CompiledScope]) -> SearchResult:
    """Answer ``request`` with ``engine``'s primitives (see the module docstring)."""
    node = parse_query(request.query)
    base = Scope(
        provinces=tuple(request.provinces),
        since=request.since,
        until=request.until,
        excluded=request.like_id,
    )
    if request.mode == "keyword":
        scope = engine.compile(replace(base, words=node))
        ranking = engine.rank(
            scope,
            Page(
                start=request.offset,
                size=request.limit,
                by_date=request.sort == "date",
                one_per_story=request.collapse_stories,
                count=True,
                facets=request.facets,
                histogram=request.histogram,
            ),
        )
        return _result(request, engine, scope, ranking.candidates, ranking.summary)

    vector = _query_vector(request, engine)
    base = replace(base, field_filters=tuple(field_filters(node)))
    wanted = request.offset + request.limit
    vector_scope = engine.compile(replace(base, with_vector=True))
    if request.mode == "semantic":
        scope, ranked = vector_scope, _nearest(request, engine, vector_scope, vector, wanted)
    else:
        depth = max(wanted * 2, HYBRID_DEPTH)
        semantic = _nearest(request, engine, vector_scope, vector, depth)
        if node is not None:
            keyword_scope: Scope | None = replace(base, words=node)
        elif request.like_id:
            keyword_scope = replace(base, like=request.like_id)
        else:
            keyword_scope = None  # a hybrid search by an embedding alone
        keyword: list[Candidate] = []
        if keyword_scope is not None:
            page = Page(size=depth, one_per_story=request.collapse_stories)
            keyword = engine.rank(engine.compile(keyword_scope), page).candidates
        ranked = _fuse(keyword, semantic)
        if request.collapse_stories:
            ranked = collapse_by_story(((c.story_key, c) for c in ranked), wanted)
        scope = engine.compile(replace(keyword_scope or base, with_vector=True))
    summary = engine.rank(
        scope, Page(count=True, facets=request.facets, histogram=request.histogram)
    ).summary
    return _result(request, engine, scope, ranked[request.offset : wanted], summary)


def field_filters(node: Node | None) -> list[Node]:
    """The field and date filters that must hold for the whole query (its top-level ANDs):
    what a semantic search keeps of the query."""
    if isinstance(node, FieldFilter | DateRange):
        return [node]
    if isinstance(node, And):
        return [child for child in node.children if isinstance(child, FieldFilter | DateRange)]
    return []


def _query_vector(request: SearchRequest, engine: SearchEngine[Any]) -> Sequence[float]:
    if request.like_id:
        vector = engine.stored_vector(request.like_id)
        if vector is not None:
            return vector
        if not engine.holds(request.like_id):
            raise SearchError(f"article {request.like_id} is not in the index")
        raise SearchError(
            f"article {request.like_id} has no embedding; run `kupur enrich` and "
            "`kupur index` to add one"
        )
    if request.vector is None:
        raise SearchError(
            f"{request.mode} search needs a query embedding or an article to start from"
        )
    return request.vector


def _nearest(
    request: SearchRequest,
    engine: SearchEngine[CompiledScope],
    scope: CompiledScope,
    vector: Sequence[float],
    wanted: int,
) -> list[Candidate]:
    if not request.collapse_stories:
        return engine.nearest(scope, vector, wanted)
    return first_of_each_story(
        lambda limit: engine.nearest(scope, vector, limit), lambda c: c.story_key, wanted
    )


def _fuse(keyword: list[Candidate], semantic: list[Candidate]) -> list[Candidate]:
    """Both rankings fused, each candidate scored by reciprocal rank fusion."""
    # The keyword side's candidate wins for an article in both: it carries the highlights.
    by_id = {c.id: c for c in [*semantic, *keyword]}
    fused = reciprocal_rank_fusion([c.id for c in keyword], [c.id for c in semantic])
    return [replace(by_id[article_id], score=score) for article_id, score in fused]


def _result(
    request: SearchRequest,
    engine: SearchEngine[CompiledScope],
    scope: CompiledScope,
    page: list[Candidate],
    summary: SearchResult,
) -> SearchResult:
    hits = [_hit(candidate, engine.snippet(candidate)) for candidate in page]
    if request.collapse_stories:
        _count_other_outlets(engine, scope, hits)
    return SearchResult(
        total=summary.total, hits=hits, facets=summary.facets, histogram=summary.histogram
    )


def _hit(candidate: Candidate, snippet: str) -> Hit:
    stored = candidate.stored
    published = stored.get("published_at")
    return Hit(
        id=candidate.id,
        url=stored["url"],
        title=stored["title"],
        published_at=datetime.fromisoformat(published) if published else None,
        source=stored["source"],
        snippet=snippet,
        score=candidate.score,
        entities=stored.get("entities") or {},
        story_id=stored.get("story_id"),
    )


def _count_other_outlets(
    engine: SearchEngine[CompiledScope], scope: CompiledScope, hits: list[Hit]
) -> None:
    """Each collapsed hit's ``other_outlets``: the rest of its story within the scope."""
    stories = [hit.story_id for hit in hits if hit.story_id]
    if not stories:
        return
    sizes = engine.story_sizes(scope, stories)
    for hit in hits:
        if hit.story_id:
            hit.other_outlets = max(sizes.get(hit.story_id, 1) - 1, 0)
