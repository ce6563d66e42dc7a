"""Translate a parsed query and the search plan's scopes and pages (``kupur.index.plan``) into
Elasticsearch / OpenSearch query DSL.

Pure functions, no client: the same decisions as ``kupur.index.tantivy_query`` expressed as DSL
for the mapping in ``index/templates/articles.es.json``. User text only ever appears as the
*value* of ``match`` / ``match_phrase`` / ``term`` / ``prefix`` clauses, never as
``query_string`` syntax.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kupur.index.analysis import analyze_word, fold_tokens, name_key
from kupur.index.api import FACET_FIELDS
from kupur.index.fields import FACET_SIZE
from kupur.index.plan import Page, Scope
from kupur.index.query import And, DateRange, FieldFilter, Node, Not, Or, Phrase, Term
from kupur.index.tantivy_query import date_bounds

__all__ = [
    "aggregations",
    "filters",
    "more_like_this",
    "query_words",
    "scope_query",
    "search_body",
    "translate",
]

Json = dict[str, Any]

_WORD_FIELDS = {
    "person": "person_words",
    "organization": "organization_words",
    "project": "project_words",
    "source": "source_words",
}
_KEY_FIELDS = {"province": "province_key", "district": "district_key"}
HIGHLIGHT_CHARS = 240


def query_words(node: Node | None) -> list[str]:
    """Folded one-token words of the query: the ones to look up among indexed entity names."""
    if node is None:
        return []
    if isinstance(node, Term) and not node.prefix:
        tokens = fold_tokens(node.text)
        return tokens if len(tokens) == 1 else []
    if isinstance(node, Not):
        return query_words(node.child)
    if isinstance(node, And | Or):
        return [word for child in node.children for word in query_words(child)]
    return []


def translate(node: Node, protected: set[str], names: Mapping[str, str] | None = None) -> Json:
    """The DSL for ``node``; ``protected`` holds the folded words that are entity names, ``names``
    the name each inflected query word was read as ("samsunda" → ``samsun``)."""
    if isinstance(node, Term):
        return _prefix(node.text) if node.prefix else _word(node.text, protected, names or {})
    if isinstance(node, Phrase):
        return _phrase(node.text)
    if isinstance(node, FieldFilter):
        return field_filter(node)
    if isinstance(node, DateRange):
        return date_range(node)
    if isinstance(node, Not):
        return {"bool": {"must_not": [translate(node.child, protected, names)]}}
    if isinstance(node, And):
        must = [translate(c, protected, names) for c in node.children if not isinstance(c, Not)]
        must_not = [
            translate(c.child, protected, names) for c in node.children if isinstance(c, Not)
        ]
        clause: Json = {}
        if must:
            clause["must"] = must
        if must_not:
            clause["must_not"] = must_not
        return {"bool": clause}
    return {
        "bool": {
            "should": [translate(c, protected, names) for c in node.children],
            "minimum_should_match": 1,
        }
    }


def _word(text: str, protected: set[str], names: Mapping[str, str]) -> Json:
    word = analyze_word(text, lambda w: w in protected, names.get)
    if len(word.folded) != 1:
        return _phrase(text)
    should: list[Json] = [
        {"match_phrase": {"title.folded": {"query": text, "boost": 3.0}}},
        {"match_phrase": {"text.folded": {"query": text, "boost": 1.5}}},
    ]
    if word.stem is not None:
        # A safe stem: let the field's own analyzer stem the word. Otherwise look the unstemmed
        # word up in the stemmed field (finds "ailenin" for "aile", never "AI").
        analyzer = {} if word.stem != word.folded[0] else {"analyzer": "kupur_folded"}
        should += [
            {"match": {"title": {"query": text, "boost": 2.0, **analyzer}}},
            {"match": {"text": {"query": text, "boost": 1.0, **analyzer}}},
        ]
    if word.name is not None:
        # Below the exact and stemmed clauses, as on the embedded index.
        should += [
            {"match_phrase": {"title.folded": {"query": word.name, "boost": 1.0}}},
            {"match_phrase": {"text.folded": {"query": word.name, "boost": 0.5}}},
        ]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _phrase(text: str) -> Json:
    return {
        "bool": {
            "should": [
                {"match_phrase": {"title.folded": {"query": text, "boost": 3.0}}},
                {"match_phrase": {"text.folded": {"query": text, "boost": 1.5}}},
            ],
            "minimum_should_match": 1,
        }
    }


def _prefix(text: str) -> Json:
    tokens = fold_tokens(text)
    if len(tokens) == 1:
        return {
            "bool": {
                "should": [
                    {"prefix": {"title.folded": {"value": tokens[0], "boost": 2.0}}},
                    {"prefix": {"text.folded": {"value": tokens[0]}}},
                ],
                "minimum_should_match": 1,
            }
        }
    phrase = " ".join(tokens)
    return {
        "bool": {
            "should": [
                {"match_phrase_prefix": {"title.folded": {"query": phrase, "boost": 2.0}}},
                {"match_phrase_prefix": {"text.folded": {"query": phrase}}},
            ],
            "minimum_should_match": 1,
        }
    }


def field_filter(node: FieldFilter) -> Json:
    if node.field in _KEY_FIELDS:
        return {"term": {_KEY_FIELDS[node.field]: name_key(node.value)}}
    return {"match_phrase": {_WORD_FIELDS[node.field]: node.value}}


def date_range(node: DateRange) -> Json:
    low, high = date_bounds(node.start, node.end)
    bounds: Json = {}
    if low is not None:
        bounds["gte"] = low.isoformat()
    if high is not None:
        bounds["lt"] = high.isoformat()
    return {"range": {"published_at": bounds}}


def scope_query(
    scope: Scope,
    protected: set[str],
    names: Mapping[str, str] | None = None,
    *,
    index: str,
) -> Json:
    """The query for a ``plan.Scope``: its filters as a filter context, what it matches (the
    words, an article to find more like, having an embedding) as the scored part. ``protected``
    and ``names`` are as for ``translate``; ``index`` holds the ``like`` article."""
    matches: list[Json] = []
    if scope.words is not None:
        matches.append(translate(scope.words, protected, names))
    if scope.like:
        matches.append(more_like_this(scope.like, index))
    if scope.with_vector:
        matches.append({"term": {"has_vector": True}})
    query: Json = {"bool": {"filter": filters(scope)}}
    if len(matches) == 1:
        query["bool"]["must"] = matches
    elif matches:
        query["bool"]["should"] = matches
        query["bool"]["minimum_should_match"] = 1
    return query


def filters(scope: Scope) -> list[Json]:
    """The filters of a scope: provinces, dates, the query's field filters, the excluded id."""
    found: list[Json] = []
    if scope.provinces:
        found.append({"terms": {"province_key": [name_key(p) for p in scope.provinces]}})
    if scope.since or scope.until:
        found.append(date_range(DateRange(scope.since, scope.until, 0)))
    found += [translate(node, set()) for node in scope.field_filters]
    if scope.excluded:
        found.append({"bool": {"must_not": [{"term": {"id": scope.excluded}}]}})
    return found


def more_like_this(article_id: str, index: str) -> Json:
    return {
        "more_like_this": {
            "fields": ["title", "text"],
            "like": [{"_index": index, "_id": article_id}],
            "min_term_freq": 1,
            "min_doc_freq": 1,
            "max_query_terms": 30,
        }
    }


def aggregations(page: Page) -> Json:
    aggs: Json = {}
    if page.facets:
        for name in FACET_FIELDS:
            aggs[name] = {"terms": {"field": name, "size": FACET_SIZE}}
    if page.histogram:
        aggs["histogram"] = {
            "date_histogram": {
                "field": "published_at",
                "calendar_interval": page.histogram,
                "time_zone": "Europe/Istanbul",
                "format": "yyyy-MM-dd",
                "min_doc_count": 1,
            }
        }
    return aggs


def search_body(query: Json, page: Page) -> Json:
    """The body answering a ``plan.Page`` of ``query``: the page (sorted, collapsed on the story,
    highlighted), the total and the aggregations it asks for, in one request."""
    body: Json = {"query": query, "from": page.start, "size": page.size}
    if page.size:
        body["_source"] = {"excludes": ["embedding"]}
        body["highlight"] = highlight()
    if page.count:
        body["track_total_hits"] = True
    if page.by_date:
        body["sort"] = [{"published_at": {"order": "desc", "missing": "_last"}}, "_score"]
    if page.one_per_story:
        body["collapse"] = {"field": "story_key"}
    if aggs := aggregations(page):
        body["aggs"] = aggs
    return body


def highlight() -> Json:
    fragment = {"fragment_size": HIGHLIGHT_CHARS, "number_of_fragments": 1}
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",
        "fields": {
            "text": {**fragment, "no_match_size": HIGHLIGHT_CHARS},
            "text.folded": fragment,
        },
    }
