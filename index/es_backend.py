"""The Elasticsearch 8.x and OpenSearch 2.x/3.x backend.

Articles live in versioned indices ``<name>-v<N>`` created from the template in
``index/templates/articles.es.json``; the alias ``<name>`` points at the live one. A reindex
fills ``<name>-v<N+1>`` and moves the alias in one ``_aliases`` call, so searches never see an
empty or half-built index. The server's product and major version are checked when connecting.

Every request has a short timeout and no retries: when the server is down the caller gets
``BackendUnavailable`` within seconds, and the pipeline leaves the articles marked unindexed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from importlib import resources
from typing import Any, Literal

from kupur.core.errors import BackendMismatch, BackendUnavailable, ConfigError, SearchError
from kupur.core.models import Article
from kupur.index.api import (
    FACET_FIELDS,
    FacetBucket,
    HistogramBucket,
    Hit,
    SearchRequest,
    SearchResult,
)
from kupur.index.es_query import aggregations, filters, query_words, search_body, translate
from kupur.index.fields import IndexedArticle
from kupur.index.fusion import collapse_by_story, reciprocal_rank_fusion
from kupur.index.inflection import inflected_name, name_splits
from kupur.index.query import Node, parse_query

__all__ = ["ServerBackend", "build_template", "document_body", "version_problem"]

Json = dict[str, Any]
Product = Literal["elasticsearch", "opensearch"]
TIMEOUT_SECONDS = 5.0
_BULK = 500
_VERSION_RE = re.compile(r"-v(\d+)$")


def build_template(index_name: str, product: Product) -> Json:
    """The shipped template, pointed at ``<index_name>-v*`` and adapted to the product."""
    text = (resources.files("kupur.index") / "templates" / "articles.es.json").read_text("utf-8")
    template: Json = json.loads(text)
    template.pop("_comment", None)
    template["index_patterns"] = [f"{index_name}-v*"]
    if product == "opensearch":
        # OpenSearch has no dense_vector; its k-NN plugin field needs the dimension, so it is
        # added on first use (see ServerBackend._ensure_vector_mapping).
        template["template"]["mappings"]["properties"].pop("embedding")
        template["template"]["settings"]["index.knn"] = True
    return template


def version_problem(info: Json, expected: Product | None) -> str | None:
    """Why this client cannot talk to the server described by ``GET /``, or None."""
    version = info.get("version", {})
    number = str(version.get("number", "?"))
    product: Product = (
        "opensearch" if version.get("distribution") == "opensearch" else "elasticsearch"
    )
    major = int(number.split(".")[0]) if number.split(".")[0].isdigit() else 0
    if expected is not None and product != expected:
        return (
            f"the server is {product} {number} but search.backend says {expected}; "
            f'set search.backend = "{product}"'
        )
    if product == "elasticsearch" and major != 8:
        return f"Elasticsearch {number} is not supported: Kupür's client speaks Elasticsearch 8.x"
    if product == "opensearch" and major not in (2, 3):
        return f"OpenSearch {number} is not supported: Kupür speaks OpenSearch 2.x and 3.x"
    return None


def document_body(item: IndexedArticle) -> Json:
    body: Json = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "text": item.text,
        "source": item.source,
        "source_words": item.source,
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "story_id": item.story_id,
        "story_key": item.story_key,
        "province_key": item.province_keys,
        "district_key": item.district_keys,
        "person_words": item.person_names,
        "organization_words": item.organization_names,
        "project_words": item.project_names,
        "entity_words": item.entity_words,
        "entities": item.entities,
        "has_vector": item.embedding is not None,
    }
    for name in FACET_FIELDS:
        if name != "source":
            body[name] = item.facets[name]
    if item.embedding is not None:
        body["embedding"] = item.embedding
    return body


class ServerBackend:
    """``SearchBackend`` on an Elasticsearch or OpenSearch server."""

    def __init__(self, client: Any, product: Product, index_name: str) -> None:
        self.client = client
        self.product = product
        self.alias = index_name
        self._errors = _transport_errors(product)
        self._not_found = _not_found_error(product)

    @classmethod
    def connect(
        cls,
        url: str,
        *,
        index_name: str,
        product: Product | None,
        username: str = "",
        password: str = "",
    ) -> ServerBackend:
        """Connect, ask the server what it is, and check this client can talk to it."""
        info = _probe(url, username, password)
        problem = version_problem(info, product)
        if problem:
            raise BackendMismatch(f"{url}: {problem}")
        detected: Product = (
            "opensearch" if info["version"].get("distribution") == "opensearch" else "elasticsearch"
        )
        client = _client(detected, url, username, password)
        backend = cls(client, detected, index_name)
        backend._call(
            lambda: client.indices.put_index_template(
                name=index_name, body=build_template(index_name, detected)
            )
        )
        return backend

    # -- plumbing ------------------------------------------------------------------------------

    def _call(self, action: Any) -> Any:
        connection, api = self._errors
        try:
            return action()
        except connection as exc:
            raise BackendUnavailable(
                f"the {self.product} server cannot be reached ({exc}); articles stay marked "
                "unindexed and the next `kupur index` catches up"
            ) from exc
        except api as exc:
            raise SearchError(f"{self.product} refused the request: {exc}") from exc

    def _unless_missing(self, action: Any) -> Any:
        """``action()``, or None when the server says the index or template does not exist."""
        try:
            return self._call(action)
        except SearchError as exc:
            if isinstance(exc.__cause__, self._not_found):
                return None
            raise

    def _live_index(self) -> str | None:
        answer = self._unless_missing(lambda: self.client.indices.get_alias(name=self.alias))
        names = sorted(dict(answer or {}))
        return names[-1] if names else None

    def _ensure_index(self) -> str:
        live = self._live_index()
        if live is not None:
            return live
        name = f"{self.alias}-v1"
        self._call(
            lambda: self.client.indices.create(index=name, body={"aliases": {self.alias: {}}})
        )
        return name

    def _ensure_vector_mapping(self, index: str, dims: int) -> None:
        if self.product != "opensearch":
            return
        mapping = {"properties": {"embedding": {"type": "knn_vector", "dimension": dims}}}
        self._call(lambda: self.client.indices.put_mapping(index=index, body=mapping))

    # -- writes ------------------------------------------------------------------------------

    def upsert(self, articles: Sequence[Article]) -> int:
        return self._write(self._ensure_index(), articles)

    def _write(self, index: str, articles: Iterable[Article]) -> int:
        written = 0
        batch: list[IndexedArticle] = []
        for article in articles:
            batch.append(IndexedArticle.from_article(article))
            if len(batch) >= _BULK:
                written += self._bulk(index, batch)
                batch = []
        written += self._bulk(index, batch)
        self._call(lambda: self.client.indices.refresh(index=index))
        return written

    def _bulk(self, index: str, batch: list[IndexedArticle]) -> int:
        if not batch:
            return 0
        dims = {len(item.embedding) for item in batch if item.embedding is not None}
        if dims:
            self._ensure_vector_mapping(index, max(dims))
        operations: list[Json] = []
        for item in batch:
            operations += [{"index": {"_index": index, "_id": item.id}}, document_body(item)]
        answer = self._call(lambda: self.client.bulk(body=operations))
        if answer.get("errors"):
            reasons = [
                str(entry["index"].get("error"))
                for entry in answer["items"]
                if entry.get("index", {}).get("error")
            ]
            raise SearchError(f"{len(reasons)} article(s) were not indexed: {reasons[0]}")
        return len(batch)

    def delete(self, ids: Iterable[str]) -> None:
        index = self._live_index()
        operations = [{"delete": {"_index": index, "_id": article_id}} for article_id in ids]
        if index is None or not operations:
            return
        self._call(lambda: self.client.bulk(body=operations))
        self._call(lambda: self.client.indices.refresh(index=index))

    def reindex(self, articles: Iterable[Article]) -> int:
        old = self._live_index()
        number = int(match.group(1)) + 1 if old and (match := _VERSION_RE.search(old)) else 1
        fresh = f"{self.alias}-v{number}"
        self._call(lambda: self.client.indices.create(index=fresh))
        try:
            written = self._write(fresh, articles)
        except BaseException:
            self._unless_missing(lambda: self.client.indices.delete(index=fresh))
            raise
        actions: list[Json] = [{"add": {"index": fresh, "alias": self.alias}}]
        if old:
            actions.append({"remove": {"index": old, "alias": self.alias}})
        self._call(lambda: self.client.indices.update_aliases(body={"actions": actions}))
        if old:
            self._unless_missing(lambda: self.client.indices.delete(index=old))
        return written

    def count(self) -> int:
        if self._live_index() is None:
            return 0
        return int(self._call(lambda: self.client.count(index=self.alias))["count"])

    def drop(self) -> None:
        """Delete every index of this alias and the template (used by the test suite)."""
        # Servers refuse wildcard deletes by default (action.destructive_requires_name).
        found = self._unless_missing(lambda: self.client.indices.get(index=f"{self.alias}-v*"))
        for name in sorted(dict(found or {})):
            self._unless_missing(lambda name=name: self.client.indices.delete(index=name))
        self._unless_missing(lambda: self.client.indices.delete_index_template(name=self.alias))

    def close(self) -> None:
        self.client.close()

    # -- search ------------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        node = parse_query(request.query)
        if self._live_index() is None:
            return SearchResult(total=0, hits=[])
        if request.mode == "keyword":
            body = search_body(request, node, *self._names(node))
            answer = self._search(body)
            hits = [self._hit(raw) for raw in answer["hits"]["hits"]]
            result = SearchResult(total=int(answer["hits"]["total"]["value"]), hits=hits)
            _read_aggregations(answer.get("aggregations", {}), result)
            scope = body["query"]
        else:
            result, scope = self._vector_search(request, node)
        if request.collapse_stories:
            self._count_other_outlets(scope, result.hits)
        return result

    def _search(self, body: Json) -> Json:
        answer: Json = self._call(lambda: self.client.search(index=self.alias, body=body))
        return answer

    def _names(self, node: Node | None) -> tuple[set[str], dict[str, str]]:
        """Which query words are entity names in the index (so they are not stemmed), and which
        name each word typed without an apostrophe inflects ("samsunda" → ``samsun``)."""
        words = sorted(set(query_words(node)))
        bases = {base for word in words for base, _ in name_splits(word)}
        known = self._entity_words(sorted({*words, *bases}))
        inflected: dict[str, str] = {}
        for word in words:
            name = inflected_name(word, known.__contains__, self._is_plain_word)
            if name is not None:
                inflected[word] = name
        return known & set(words), inflected

    def _entity_words(self, words: list[str]) -> set[str]:
        if not words:
            return set()
        # Elasticsearch and OpenSearch honour ``include``; the headroom in ``size`` and the
        # intersection keep the answer right on a server that ignores it (noida-db does).
        size = max(len(words), 100)
        body = {
            "size": 0,
            "query": {"terms": {"entity_words": words}},
            "aggs": {"words": {"terms": {"field": "entity_words", "include": words, "size": size}}},
        }
        buckets = self._search(body)["aggregations"]["words"]["buckets"]
        return {str(b["key"]) for b in buckets} & set(words)

    def _is_plain_word(self, word: str, name: str) -> bool:
        """Whether ``word`` stands in an article that does not mention ``name``."""
        body = {
            "size": 0,
            "terminate_after": 1,
            "query": {
                "bool": {
                    "should": [{"term": {"title.folded": word}}, {"term": {"text.folded": word}}],
                    "minimum_should_match": 1,
                    "must_not": [{"term": {"entity_words": name}}],
                }
            },
        }
        return int(self._search(body)["hits"]["total"]["value"]) > 0

    def _vector_search(
        self, request: SearchRequest, node: Node | None
    ) -> tuple[SearchResult, Json]:
        vector = self._query_vector(request)
        wanted = request.offset + request.limit
        depth = wanted if request.mode == "semantic" else max(wanted * 2, 50)
        scope_filters = [*filters(request, node), {"term": {"has_vector": True}}]
        semantic = self._nearest(vector, scope_filters, depth)
        if request.mode == "semantic":
            scope: Json = {"bool": {"filter": scope_filters}}
            ranked = [(raw, float(raw["_score"])) for raw in semantic]
        else:
            keyword_query = (
                translate(node, *self._names(node))
                if node is not None
                else self._more_like_this(request.like_id or "")
            )
            keyword_filters = filters(request, node)
            keyword_body = {
                "query": {"bool": {"must": [keyword_query], "filter": keyword_filters}},
                "size": depth,
                "_source": {"excludes": ["embedding"]},
            }
            keyword = self._search(keyword_body)["hits"]["hits"]
            by_id = {raw["_id"]: raw for raw in [*semantic, *keyword]}
            fused = reciprocal_rank_fusion(
                [raw["_id"] for raw in keyword], [raw["_id"] for raw in semantic]
            )
            ranked = [(by_id[article_id], score) for article_id, score in fused]
            scope = {
                "bool": {
                    "filter": keyword_filters,
                    "should": [keyword_query, {"term": {"has_vector": True}}],
                    "minimum_should_match": 1,
                }
            }
        if request.collapse_stories:
            ranked = collapse_by_story(
                ((raw["_source"]["story_key"], (raw, s)) for raw, s in ranked), wanted
            )
        hits = []
        for raw, score in ranked[request.offset : wanted]:
            hit = self._hit(raw)
            hit.score = score
            hits.append(hit)
        body: Json = {"size": 0, "query": scope, "track_total_hits": True}
        if aggs := aggregations(request):
            body["aggs"] = aggs
        answer = self._search(body)
        result = SearchResult(total=int(answer["hits"]["total"]["value"]), hits=hits)
        _read_aggregations(answer.get("aggregations", {}), result)
        return result, scope

    def _nearest(self, vector: list[float], scope_filters: list[Json], k: int) -> list[Json]:
        if self.product == "elasticsearch":
            body: Json = {
                "knn": {
                    "field": "embedding",
                    "query_vector": vector,
                    "k": k,
                    "num_candidates": max(k * 2, 100),
                    "filter": scope_filters,
                },
                "size": k,
                "_source": {"excludes": ["embedding"]},
            }
        else:
            body = {
                "query": {
                    "bool": {
                        "must": [{"knn": {"embedding": {"vector": vector, "k": k}}}],
                        "filter": scope_filters,
                    }
                },
                "size": k,
                "_source": {"excludes": ["embedding"]},
            }
        hits: list[Json] = self._search(body)["hits"]["hits"]
        return hits

    def _query_vector(self, request: SearchRequest) -> list[float]:
        if request.like_id:
            answer = self._search(
                {"query": {"term": {"id": request.like_id}}, "size": 1, "_source": ["embedding"]}
            )
            found = answer["hits"]["hits"]
            if not found:
                raise SearchError(f"article {request.like_id} is not in the index")
            vector = found[0]["_source"].get("embedding")
            if vector is None:
                raise SearchError(
                    f"article {request.like_id} has no embedding; run `kupur enrich` and "
                    "`kupur index` to add one"
                )
            return list(vector)
        if request.vector is None:
            raise SearchError(
                f"{request.mode} search needs a query embedding or an article to start from"
            )
        return list(request.vector)

    def _more_like_this(self, article_id: str) -> Json:
        return {
            "more_like_this": {
                "fields": ["title", "text"],
                "like": [{"_index": self.alias, "_id": article_id}],
                "min_term_freq": 1,
                "min_doc_freq": 1,
                "max_query_terms": 30,
            }
        }

    def _count_other_outlets(self, scope: Json, hits: list[Hit]) -> None:
        stories = [h.story_id for h in hits if h.story_id]
        if not stories:
            return
        body = {
            "size": 0,
            "query": {"bool": {"must": [scope], "filter": [{"terms": {"story_key": stories}}]}},
            "aggs": {"stories": {"terms": {"field": "story_key", "size": len(stories)}}},
        }
        buckets = self._search(body)["aggregations"]["stories"]["buckets"]
        counts = {b["key"]: int(b["doc_count"]) for b in buckets}
        for hit in hits:
            if hit.story_id:
                hit.other_outlets = max(counts.get(hit.story_id, 1) - 1, 0)

    @staticmethod
    def _hit(raw: Json) -> Hit:
        source = raw["_source"]
        highlight = raw.get("highlight", {})
        fragments = [*highlight.get("text", []), *highlight.get("text.folded", [])]
        marked = [f for f in fragments if "<mark>" in f]
        snippet = (marked or fragments or [""])[0]
        published = source.get("published_at")
        return Hit(
            id=source["id"],
            url=source["url"],
            title=source["title"],
            published_at=datetime.fromisoformat(published) if published else None,
            source=source["source"],
            snippet=snippet,
            score=float(raw.get("_score") or 0.0),
            entities=source.get("entities") or {},
            story_id=source.get("story_id"),
        )


def _read_aggregations(aggs: Json, result: SearchResult) -> None:
    for name in FACET_FIELDS:
        if name in aggs:
            result.facets[name] = [
                FacetBucket(str(b["key"]), int(b["doc_count"])) for b in aggs[name]["buckets"]
            ]
    if "histogram" in aggs:
        result.histogram = [
            HistogramBucket(str(b["key_as_string"])[:10], int(b["doc_count"]))
            for b in aggs["histogram"]["buckets"]
            if b["doc_count"]
        ]


def _transport_errors(product: Product) -> tuple[type[Exception], type[Exception]]:
    """(connection errors, API errors) of the product's client."""
    if product == "opensearch":
        import opensearchpy

        return opensearchpy.ConnectionError, opensearchpy.TransportError
    import elastic_transport
    import elasticsearch

    return elastic_transport.TransportError, elasticsearch.ApiError


def _not_found_error(product: Product) -> type[Exception]:
    if product == "opensearch":
        import opensearchpy

        return opensearchpy.NotFoundError
    import elasticsearch

    return elasticsearch.NotFoundError


def _probe(url: str, username: str, password: str) -> Json:
    """``GET /`` with the standard library: works whatever the server is, before picking a
    client (the Elasticsearch 8 client refuses to talk to anything but Elasticsearch)."""
    import base64
    import urllib.error
    import urllib.parse
    import urllib.request

    try:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("it needs http:// or https:// and a host")
        request = urllib.request.Request(
            url.rstrip("/") + "/", headers={"Accept": "application/json"}
        )
    except ValueError as exc:
        raise ConfigError(
            f"search_url {url!r} is not a search server address ({exc}); "
            "write e.g. http://127.0.0.1:9200"
        ) from exc
    if username:
        token = base64.b64encode(f"{username}:{password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            info: Json = json.loads(response.read())
    except urllib.error.HTTPError as exc:
        if exc.code == 401:
            raise BackendUnavailable(
                f"{url}: the search server wants credentials; set search.username and "
                "KUPUR_SEARCH_PASSWORD"
            ) from exc
        raise BackendUnavailable(f"{url}: the search server answered {exc.code}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise BackendUnavailable(
            f"cannot reach the search server at {url} ({reason}); is it running? Articles stay "
            "marked unindexed and the next `kupur index` catches up"
        ) from exc
    except ValueError as exc:
        raise BackendMismatch(f"{url} does not look like Elasticsearch or OpenSearch") from exc
    if not isinstance(info, dict) or "version" not in info:
        raise BackendMismatch(f"{url} does not look like Elasticsearch or OpenSearch")
    return info


def _client(product: Product, url: str, username: str, password: str) -> Any:
    auth = (username, password) if username else None
    if product == "opensearch":
        import opensearchpy

        return opensearchpy.OpenSearch(
            hosts=[url], http_auth=auth, timeout=TIMEOUT_SECONDS, max_retries=0
        )
    import elasticsearch

    return elasticsearch.Elasticsearch(
        url, basic_auth=auth, request_timeout=TIMEOUT_SECONDS, max_retries=0
    )
