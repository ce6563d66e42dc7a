"""The Elasticsearch 8.x and OpenSearch 2.x/3.x backend.

Articles live in versioned indices ``<name>-v<N>`` created from the template in
``index/templates/articles.es.json``; the alias ``<name>`` points at the live one. A reindex
fills ``<name>-v<N+1>`` and moves the alias in one ``_aliases`` call, so searches never see an
empty or half-built index. The server's product and major version are checked when connecting.

Reads have a short timeout and no retries: when the server is down the caller gets
``BackendUnavailable`` within seconds, and the pipeline leaves the articles marked unindexed.
Writes (bulk, refresh, index and alias changes) may take longer on a busy cluster (a bulk of 500
articles took 1.5-4 s on a 512 MB test node) and wait up to ``WRITE_TIMEOUT_SECONDS``. The URL may
name several nodes of one cluster, separated by commas: a request that cannot reach one node is
tried on the next.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import resources
from typing import Any, Literal

from kupur.core.errors import BackendMismatch, BackendUnavailable, ConfigError, SearchError
from kupur.core.models import Article
from kupur.index import plan
from kupur.index.api import FACET_FIELDS, FacetBucket, HistogramBucket, SearchRequest, SearchResult
from kupur.index.es_query import HIGHLIGHT_CHARS, query_words, scope_query, search_body
from kupur.index.fields import IndexedArticle
from kupur.index.highlight import HighlightTerms, snippet
from kupur.index.inflection import inflected_name, name_splits
from kupur.index.query import Node

__all__ = ["ServerBackend", "build_template", "document_body", "version_problem"]

Json = dict[str, Any]
Product = Literal["elasticsearch", "opensearch"]
TIMEOUT_SECONDS = 5.0
WRITE_TIMEOUT_SECONDS = 120.0
_BULK = 500
_VERSION_RE = re.compile(r"-v(\d+)$")
#: OpenSearch's vector field. The engine is named: OpenSearch 2.19 defaults to faiss, a native
#: library that a node without it (one started from Maven's jars) cannot load, and whose refresh
#: then hangs. Lucene's HNSW is pure Java, filters inside the graph search (so a filtered
#: search still finds k neighbours) and scores cosine similarity as (1 + cos) / 2.
OPENSEARCH_VECTOR_METHOD: Json = {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}


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
        **item.stored(),
        "source_words": item.source,
        "province_key": item.province_keys,
        "district_key": item.district_keys,
        "person_words": item.person_names,
        "organization_words": item.organization_names,
        "project_words": item.project_names,
        "entity_words": item.entity_words,
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

    def __init__(
        self, client: Any, product: Product, index_name: str, *, writer: Any = None
    ) -> None:
        self.client = client
        #: The same connection with the writes' longer timeout.
        self.writer = client if writer is None else writer
        self.product = product
        self.alias = index_name
        self._errors = _transport_errors(product)
        self._not_found = _not_found_error(product)
        self._timeout = _timeout_error(product)

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
        """Connect, ask the server what it is, and check this client can talk to it. ``url``
        may list several nodes of one cluster separated by commas."""
        urls = [part.strip() for part in url.split(",") if part.strip()] or [url]
        info = _probe_any(urls, username, password)
        problem = version_problem(info, product)
        if problem:
            raise BackendMismatch(f"{url}: {problem}")
        detected: Product = (
            "opensearch" if info["version"].get("distribution") == "opensearch" else "elasticsearch"
        )
        client = _client(detected, urls, username, password, TIMEOUT_SECONDS)
        writer = _client(detected, urls, username, password, WRITE_TIMEOUT_SECONDS)
        backend = cls(client, detected, index_name, writer=writer)
        backend._call(
            lambda: writer.indices.put_index_template(
                name=index_name, body=build_template(index_name, detected)
            )
        )
        return backend

    # -- plumbing ------------------------------------------------------------------------------

    def _call(self, action: Any) -> Any:
        connection, api = self._errors
        try:
            return action()
        except self._timeout as exc:
            raise BackendUnavailable(
                f"the {self.product} server did not answer in time ({exc}); articles stay "
                "marked unindexed and the next `kupur index` catches up"
            ) from exc
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
            lambda: self.writer.indices.create(index=name, body={"aliases": {self.alias: {}}})
        )
        return name

    def _ensure_vector_mapping(self, index: str, dims: int) -> None:
        if self.product != "opensearch":
            return
        vector = {"type": "knn_vector", "dimension": dims, "method": OPENSEARCH_VECTOR_METHOD}
        mapping = {"properties": {"embedding": vector}}
        self._call(lambda: self.writer.indices.put_mapping(index=index, body=mapping))

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
        self._call(lambda: self.writer.indices.refresh(index=index))
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
        answer = self._call(lambda: self.writer.bulk(body=operations))
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
        self._call(lambda: self.writer.bulk(body=operations))
        self._call(lambda: self.writer.indices.refresh(index=index))

    def reindex(self, articles: Iterable[Article]) -> int:
        old = self._live_index()
        number = int(match.group(1)) + 1 if old and (match := _VERSION_RE.search(old)) else 1
        fresh = f"{self.alias}-v{number}"
        self._call(lambda: self.writer.indices.create(index=fresh))
        try:
            written = self._write(fresh, articles)
        except BaseException:
            self._unless_missing(lambda: self.writer.indices.delete(index=fresh))
            raise
        actions: list[Json] = [{"add": {"index": fresh, "alias": self.alias}}]
        if old:
            actions.append({"remove": {"index": old, "alias": self.alias}})
        self._call(lambda: self.writer.indices.update_aliases(body={"actions": actions}))
        if old:
            self._unless_missing(lambda: self.writer.indices.delete(index=old))
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
            self._unless_missing(lambda name=name: self.writer.indices.delete(index=name))
        self._unless_missing(lambda: self.writer.indices.delete_index_template(name=self.alias))

    def close(self) -> None:
        self.client.close()
        if self.writer is not self.client:
            self.writer.close()

    # -- search ------------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        return plan.search(request, _ServerEngine(self))

    def _search(self, body: Json) -> Json:
        answer: Json = self._call(lambda: self.client.search(index=self.alias, body=body))
        return answer


class _ServerEngine:
    """The search plan's primitives (``plan.SearchEngine``) as requests to the server, for one
    search. An index not created yet (nothing was ever written) answers as an empty one: the
    server's "no such index" is read as that, which saves asking whether it exists first."""

    def __init__(self, backend: ServerBackend) -> None:
        self.backend = backend
        self.exists = True
        self._names_by_words: dict[tuple[str, ...], tuple[set[str], dict[str, str]]] = {}

    def compile(self, scope: plan.Scope) -> Json:
        protected, names = self._names(scope.words)
        return scope_query(scope, protected, names, index=self.backend.alias)

    def rank(self, scope: Json, page: plan.Page) -> plan.Ranking:
        answer = self._search(search_body(scope, page))
        ranking = plan.Ranking([_candidate(raw) for raw in answer["hits"]["hits"]])
        if page.count:
            ranking.summary.total = int(answer["hits"]["total"]["value"])
        _read_aggregations(answer.get("aggregations", {}), ranking.summary)
        return ranking

    def nearest(self, scope: Json, vector: Sequence[float], limit: int) -> list[plan.Candidate]:
        if self.backend.product == "elasticsearch":
            body: Json = {
                "knn": {
                    "field": "embedding",
                    "query_vector": list(vector),
                    "k": limit,
                    "num_candidates": max(limit * 2, 100),
                    "filter": scope,
                },
                "size": limit,
                "_source": {"excludes": ["embedding"]},
            }
        else:
            # The filter goes inside the k-NN clause: Lucene's engine filters while it walks the
            # graph, so ``limit`` neighbours come back whenever the scope holds that many (a
            # bool filter around it would only thin out the k found in the whole index). ``k``
            # is also the graph search's beam: with k = limit, 3,000 random 64-dim vectors gave
            # a recall@10 of 0.70 against exact search; with k >= 100, 1.00.
            knn = {"vector": list(vector), "k": max(limit, 100), "filter": scope}
            body = {
                "query": {"knn": {"embedding": knn}},
                "size": limit,
                "_source": {"excludes": ["embedding"]},
            }
        # Both servers score cosine similarity as (1 + cos) / 2; the plan's candidates carry the
        # similarity itself, as on the embedded index.
        found = [_candidate(raw) for raw in self._search(body)["hits"]["hits"]]
        return [replace(c, score=2 * c.score - 1) for c in found]

    def stored_vector(self, article_id: str) -> Sequence[float] | None:
        body = {"query": {"term": {"id": article_id}}, "size": 1, "_source": ["embedding"]}
        found = self._search(body)["hits"]["hits"]
        vector = found[0]["_source"].get("embedding") if found else None
        return None if vector is None else [float(x) for x in vector]

    def holds(self, article_id: str) -> bool:
        body = {"query": {"term": {"id": article_id}}, "size": 0, "terminate_after": 1}
        return int(self._search(body)["hits"]["total"]["value"]) > 0

    def story_sizes(self, scope: Json, story_keys: Sequence[str]) -> dict[str, int]:
        body = {
            "size": 0,
            "query": {
                "bool": {"must": [scope], "filter": [{"terms": {"story_key": list(story_keys)}}]}
            },
            "aggs": {"stories": {"terms": {"field": "story_key", "size": len(story_keys)}}},
        }
        buckets = self._search(body)["aggregations"]["stories"]["buckets"]
        return {str(b["key"]): int(b["doc_count"]) for b in buckets}

    def snippet(self, candidate: plan.Candidate) -> str:
        if candidate.highlights:
            marked = [fragment for fragment in candidate.highlights if "<mark>" in fragment]
            return (marked or list(candidate.highlights))[0]
        # Ranked by vector alone: no highlighting was asked for; the text's start, as escaped
        # and cut as the server's ``no_match_size`` would have.
        return snippet(candidate.stored["text"], HighlightTerms(), HIGHLIGHT_CHARS)

    # -- helpers -----------------------------------------------------------------------------

    def _search(self, body: Json) -> Json:
        if self.exists:
            answer: Json | None = self.backend._unless_missing(lambda: self.backend._search(body))
            if answer is not None:
                return answer
            self.exists = False
        aggs = body.get("aggs", {})
        return {
            "hits": {"total": {"value": 0}, "hits": []},
            "aggregations": {name: {"buckets": []} for name in aggs},
        }

    def _names(self, node: Node | None) -> tuple[set[str], dict[str, str]]:
        """Which query words are entity names in the index (so they are not stemmed), and which
        name each word typed without an apostrophe inflects ("samsunda" → ``samsun``)."""
        words = sorted(set(query_words(node)))
        key = tuple(words)
        if key not in self._names_by_words:
            bases = {base for word in words for base, _ in name_splits(word)}
            known = self._entity_words(sorted({*words, *bases}))
            inflected: dict[str, str] = {}
            for word in words:
                name = inflected_name(word, known.__contains__, self._is_plain_word)
                if name is not None:
                    inflected[word] = name
            self._names_by_words[key] = (known & set(words), inflected)
        return self._names_by_words[key]

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


def _candidate(raw: Json) -> plan.Candidate:
    source = raw["_source"]
    highlight = raw.get("highlight", {})
    return plan.Candidate(
        id=source["id"],
        story_key=source["story_key"],
        score=float(raw.get("_score") or 0.0),
        stored=source,
        highlights=(*highlight.get("text", []), *highlight.get("text.folded", [])),
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


def _timeout_error(product: Product) -> type[Exception]:
    if product == "opensearch":
        import opensearchpy

        return opensearchpy.ConnectionTimeout
    import elastic_transport

    return elastic_transport.ConnectionTimeout


def _not_found_error(product: Product) -> type[Exception]:
    if product == "opensearch":
        import opensearchpy

        return opensearchpy.NotFoundError
    import elasticsearch

    return elasticsearch.NotFoundError


def _probe_any(urls: list[str], username: str, password: str) -> Json:
    """``_probe`` of the first of ``urls`` that answers (the last one's error when none does)."""
    for url in urls[:-1]:
        try:
            return _probe(url, username, password)
        except BackendUnavailable:
            continue
    return _probe(urls[-1], username, password)


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


def _client(product: Product, urls: list[str], username: str, password: str, timeout: float) -> Any:
    """A client for ``urls`` (one cluster): no retries on one node; with several, a node that
    cannot be reached is tried no more than once per request before the next one is."""
    auth = (username, password) if username else None
    retries = len(urls) - 1
    if product == "opensearch":
        import opensearchpy

        return opensearchpy.OpenSearch(
            hosts=urls, http_auth=auth, timeout=timeout, max_retries=retries
        )
    import elasticsearch

    return elasticsearch.Elasticsearch(
        urls, basic_auth=auth, request_timeout=timeout, max_retries=retries
    )
