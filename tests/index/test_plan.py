"""Unit tests of the search plan (``kupur.index.plan``) alone, on a tiny in-memory fake engine of
primitives: mode choice, the scopes each mode asks for, fusion, story collapsing, "other
outlets", hits and errors. The real backends are judged by the contract suite
(``test_contract.py``); nothing here stands in for it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from kupur.core.errors import SearchError
from kupur.index import plan
from kupur.index.api import SearchRequest, SearchResult
from kupur.index.query import And, FieldFilter, Node, Or, Term


@dataclass
class Doc:
    id: str
    text: str
    story: str | None = None
    province: str = ""
    vector: list[float] | None = None


def _words(node: Node) -> set[str]:
    if isinstance(node, Term):
        return {node.text}
    if isinstance(node, And | Or):
        return {word for child in node.children for word in _words(child)}
    return set()


class FakeEngine:
    """Scopes stay ``plan.Scope``s; a document matches the words when it holds any of them and
    scores one per word held. Field filters are recorded, not applied. Like Elasticsearch, it
    collapses stories itself when a page asks for one article per story."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        self.docs = list(docs)
        self.compiled: list[plan.Scope] = []
        self.pages: list[plan.Page] = []
        self.nearest_limits: list[int] = []

    def compile(self, scope: plan.Scope) -> plan.Scope:
        self.compiled.append(scope)
        return scope

    def rank(self, scope: plan.Scope, page: plan.Page) -> plan.Ranking:
        self.pages.append(page)
        found = self._in(scope)
        ranked = sorted(found, key=lambda doc: -self._score(scope, doc))
        candidates = [_candidate(doc, self._score(scope, doc)) for doc in ranked]
        if page.one_per_story:
            stories: set[str] = set()
            candidates = [
                c for c in candidates if c.story_key not in stories and not stories.add(c.story_key)
            ]
        summary = SearchResult(total=len(found) if page.count else 0, hits=[])
        return plan.Ranking(candidates[page.start : page.start + page.size], summary)

    def nearest(
        self, scope: plan.Scope, vector: Sequence[float], limit: int
    ) -> list[plan.Candidate]:
        self.nearest_limits.append(limit)
        scored = [
            (sum(a * b for a, b in zip(doc.vector, vector, strict=True)), doc)
            for doc in self._in(scope)
            if doc.vector is not None
        ]
        scored.sort(key=lambda pair: -pair[0])
        return [_candidate(doc, score) for score, doc in scored[:limit]]

    def stored_vector(self, article_id: str) -> Sequence[float] | None:
        return next((d.vector for d in self.docs if d.id == article_id), None)

    def holds(self, article_id: str) -> bool:
        return any(d.id == article_id for d in self.docs)

    def story_sizes(self, scope: plan.Scope, story_keys: Sequence[str]) -> dict[str, int]:
        keys = [_story_key(doc) for doc in self._in(scope)]
        return {key: keys.count(key) for key in story_keys if key in keys}

    def snippet(self, candidate: plan.Candidate) -> str:
        return f"<mark>{candidate.id}</mark>"

    def _in(self, scope: plan.Scope) -> list[Doc]:
        return [doc for doc in self.docs if self._holds(scope, doc)]

    def _holds(self, scope: plan.Scope, doc: Doc) -> bool:
        if scope.provinces and doc.province not in scope.provinces:
            return False
        if doc.id == scope.excluded:
            return False
        matches: list[bool] = []
        if scope.words is not None:
            matches.append(bool(_words(scope.words) & set(doc.text.split())))
        if scope.like is not None:
            like = next(d for d in self.docs if d.id == scope.like)
            matches.append(bool(set(like.text.split()) & set(doc.text.split())))
        if scope.with_vector:
            matches.append(doc.vector is not None)
        return not matches or any(matches)

    @staticmethod
    def _score(scope: plan.Scope, doc: Doc) -> float:
        words = _words(scope.words) if scope.words is not None else set()
        return float(len(words & set(doc.text.split())))


def _story_key(doc: Doc) -> str:
    return doc.story or f"article:{doc.id}"


def _candidate(doc: Doc, score: float) -> plan.Candidate:
    stored = {
        "id": doc.id,
        "url": f"https://example.org/{doc.id}",
        "title": doc.id.title(),
        "text": doc.text,
        "source": "example.org",
        "published_at": "2025-11-05T10:00:00+03:00",
        "story_id": doc.story,
        "entities": {},
    }
    return plan.Candidate(id=doc.id, story_key=_story_key(doc), score=score, stored=stored)


DOCS = [
    Doc("a", "kooperatif hibe", story="s1", province="samsun", vector=[1.0, 0.0]),
    Doc("b", "kooperatif", story="s1", province="samsun", vector=[0.9, 0.1]),
    Doc("c", "festival konser", province="istanbul", vector=[0.0, 1.0]),
    Doc("d", "proje kooperatif hibe", province="ordu"),
    Doc("e", "yaşlı bakım", province="istanbul", vector=[0.2, 0.9]),
]


def test_keyword_mode_asks_one_page_with_its_total_and_aggregations() -> None:
    engine = FakeEngine(DOCS)
    result = plan.search(
        SearchRequest("kooperatif hibe", limit=2, offset=1, sort="date", histogram="week"), engine
    )
    [scope] = engine.compiled
    assert scope.words == And((Term("kooperatif", 0), Term("hibe", 11)))
    assert scope.with_vector is False
    assert engine.pages == [
        plan.Page(start=1, size=2, by_date=True, count=True, facets=False, histogram="week")
    ]
    assert result.total == 3
    assert [h.id for h in result.hits] == ["d", "b"]  # the fake ranks a, d, b
    hit = result.hits[1]
    assert (hit.url, hit.title, hit.source, hit.snippet) == (
        "https://example.org/b",
        "B",
        "example.org",
        "<mark>b</mark>",
    )
    assert hit.published_at is not None
    assert hit.published_at.isoformat() == "2025-11-05T10:00:00+03:00"


def test_semantic_mode_keeps_only_field_filters_and_needs_a_vector() -> None:
    engine = FakeEngine(DOCS)
    result = plan.search(
        SearchRequest("kooperatif il:Samsun", mode="semantic", vector=[0.0, 1.0], limit=2),
        engine,
    )
    scope = engine.compiled[0]
    assert scope.words is None
    assert scope.with_vector is True
    assert scope.field_filters == (FieldFilter("province", "Samsun", 11),)
    assert [h.id for h in result.hits] == ["c", "e"]
    assert result.total == 4  # every article with an embedding (the fake ignores il:)
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_like_this_article_excludes_it_everywhere() -> None:
    engine = FakeEngine(DOCS)
    result = plan.search(SearchRequest("", mode="hybrid", like_id="a", limit=3), engine)
    assert all(scope.excluded == "a" for scope in engine.compiled)
    keyword_scope = engine.compiled[1]
    assert keyword_scope.like == "a"
    assert "a" not in {h.id for h in result.hits}
    assert result.hits[0].id == "b"  # near by vector and sharing words


def test_hybrid_fuses_by_reciprocal_rank() -> None:
    engine = FakeEngine(DOCS)
    result = plan.search(
        SearchRequest("festival", mode="hybrid", vector=[0.0, 1.0], limit=3), engine
    )
    # "c" is first on both sides; "e" is second by vector only.
    assert [h.id for h in result.hits][:2] == ["c", "e"]
    assert result.hits[0].score == pytest.approx(2 / 61)
    assert result.hits[1].score == pytest.approx(1 / 62)
    # Each side is read deeper than the page, and the total covers words or vectors.
    assert engine.nearest_limits == [plan.HYBRID_DEPTH]
    assert engine.pages[0].size == plan.HYBRID_DEPTH
    assert result.total == 4


def test_hybrid_with_an_embedding_alone_has_no_keyword_side() -> None:
    engine = FakeEngine(DOCS)
    result = plan.search(SearchRequest("", mode="hybrid", vector=[1.0, 0.0]), engine)
    assert [page.size for page in engine.pages] == [0]  # only the summary
    assert [h.id for h in result.hits][:2] == ["a", "b"]


def test_collapsing_keeps_each_storys_first_and_counts_the_others() -> None:
    engine = FakeEngine(DOCS)
    result = plan.search(
        SearchRequest("", mode="semantic", vector=[1.0, 0.0], collapse_stories=True), engine
    )
    assert [h.id for h in result.hits] == ["a", "e", "c"]
    assert result.hits[0].other_outlets == 1
    assert all(h.other_outlets == 0 for h in result.hits[1:])


def test_collapsing_pages_count_stories() -> None:
    engine = FakeEngine(DOCS)
    pages = [
        plan.search(SearchRequest("kooperatif", collapse_stories=True, limit=1, offset=n), engine)
        for n in (0, 1, 2)
    ]
    assert [[h.id for h in page.hits] for page in pages] == [["a"], ["d"], []]
    assert pages[0].hits[0].other_outlets == 1
    assert all(page.total == 3 for page in pages)


def test_collapsing_a_semantic_ranking_reads_deeper_until_enough_stories() -> None:
    same_story = [Doc(f"x{i}", "haber", story="big", vector=[1.0, 0.0]) for i in range(60)]
    engine = FakeEngine([*same_story, Doc("y", "haber", vector=[0.5, 0.5])])
    result = plan.search(
        SearchRequest("", mode="semantic", vector=[1.0, 0.0], collapse_stories=True, limit=2),
        engine,
    )
    assert [h.id for h in result.hits] == ["x0", "y"]
    assert result.hits[0].other_outlets == 59
    assert engine.nearest_limits == [50, 200]


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (SearchRequest("kooperatif", mode="semantic"), "needs a query embedding"),
        (SearchRequest("", mode="hybrid", like_id="zzz"), "article zzz is not in the index"),
        (SearchRequest("", mode="semantic", like_id="d"), "article d has no embedding"),
    ],
)
def test_errors(request_: SearchRequest, message: str) -> None:
    with pytest.raises(SearchError, match=message):
        plan.search(request_, FakeEngine(DOCS))
