"""The embedded search backend: a tantivy index (plus an embedding matrix) under the data directory.

Layout of ``index_dir``::

    CURRENT          the name of the live generation, replaced atomically by ``reindex``
    gen-000001/      tantivy's files, kupur.json (schema version), vectors.* (embeddings)

A reindex builds the next generation beside the live one and then swaps ``CURRENT``, so search
never sees a half-built index; readers in other processes move over at their next search.
tantivy allows one writer at a time: a writer is opened for each write and released after commit,
and a write that finds the lock held for longer than a few seconds raises ``BackendUnavailable``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import numpy as np
import tantivy
from tantivy import Occur, Query

from kupur.core.errors import BackendMismatch, BackendUnavailable, SearchError
from kupur.core.models import Article
from kupur.index.analysis import (
    FOLD_TOKENIZER,
    STEM_TOKENIZER,
    fold_analyzer,
    index_text,
    protect_names,
    stem_analyzer,
)
from kupur.index.api import (
    FACET_FIELDS,
    FacetBucket,
    HistogramBucket,
    Hit,
    SearchRequest,
    SearchResult,
)
from kupur.index.fields import FACET_SIZE, IndexedArticle
from kupur.index.fusion import collapse_by_story, reciprocal_rank_fusion
from kupur.index.highlight import HighlightTerms, snippet
from kupur.index.inflection import inflected_name
from kupur.index.query import And, DateRange, FieldFilter, Node, parse_query
from kupur.index.tantivy_query import TantivyQueryBuilder
from kupur.index.vectors import VectorStore

__all__ = ["SCHEMA_VERSION", "TantivyBackend"]

#: Bumped whenever the schema below changes; an index of another version must be rebuilt.
SCHEMA_VERSION = 1
_GENERATION_RE = re.compile(r"gen-\d{6}")
_HISTOGRAM_SIZE = 10_000
_WRITER_HEAP = 128_000_000
_LOCK_WAIT_SECONDS = 3.0
_BATCH = 2_000


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_bytes_field("doc", stored=True)
    for name in ("title", "body"):
        builder.add_text_field(f"{name}_fold", tokenizer_name=FOLD_TOKENIZER)
        builder.add_text_field(f"{name}_stem", tokenizer_name=STEM_TOKENIZER)
    for name in ("province_key", "district_key", "story_key", "day", "week", "month"):
        builder.add_text_field(name, tokenizer_name="raw", fast=True)
    for name in ("person", "organization", "project", "source", "entity"):
        builder.add_text_field(f"{name}_words", tokenizer_name=FOLD_TOKENIZER)
    for name in FACET_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", fast=True)
    builder.add_date_field("published_at", indexed=True, fast=True)
    builder.add_boolean_field("has_vector", indexed=True)
    return builder.build()


@dataclass
class _Candidate:
    address: tantivy.DocAddress
    data: dict[str, Any]
    score: float


class _Generation:
    """One built index: tantivy plus the vectors beside it."""

    def __init__(self, path: Path, *, create: bool) -> None:
        self.path = path
        self.schema = _schema()
        try:
            if create:
                path.mkdir(parents=True, exist_ok=False)
                self.index = tantivy.Index(self.schema, path=str(path))
                (path / "kupur.json").write_text(json.dumps({"schema_version": SCHEMA_VERSION}))
            else:
                self._check_version()
                self.index = tantivy.Index.open(str(path))
        except OSError as exc:
            if create and path.exists():  # a half-made generation (a full disk) is not left behind
                shutil.rmtree(path, ignore_errors=True)
            raise BackendUnavailable(f"cannot open the search index at {path}: {exc}") from exc
        except ValueError as exc:
            if create and path.exists():
                shutil.rmtree(path, ignore_errors=True)
            if "ReadOnlyFilesystem" in str(exc) or "PermissionDenied" in str(exc):
                raise BackendUnavailable(
                    f"the search index at {path} cannot be opened: its folder is not writable "
                    "(a read-only file system or missing permissions)"
                ) from exc
            raise BackendMismatch(
                f"the search index at {path} cannot be read by this version of Kupür ({exc}); "
                "rebuild it with `kupur index --rebuild`"
            ) from exc
        self.index.register_tokenizer(FOLD_TOKENIZER, fold_analyzer())
        self.index.register_tokenizer(STEM_TOKENIZER, stem_analyzer())
        self.vectors = VectorStore(path)

    def _check_version(self) -> None:
        try:
            meta = json.loads((self.path / "kupur.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BackendMismatch(
                f"{self.path} is not a Kupür index ({exc}); rebuild it with `kupur index --rebuild`"
            ) from exc
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise BackendMismatch(
                f"the search index at {self.path} has schema version "
                f"{meta.get('schema_version')}, this Kupür writes {SCHEMA_VERSION}; "
                "rebuild it with `kupur index --rebuild`"
            )


class TantivyBackend:
    """``SearchBackend`` on an embedded tantivy index; see the module docstring for the layout."""

    def __init__(self, index_dir: Path) -> None:
        self.root = Path(index_dir)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackendUnavailable(
                f"cannot create the index directory {self.root}: {exc}"
            ) from exc
        self._current_name = ""
        self._generation: _Generation | None = None
        #: Why the live generation cannot be opened; raised by every read and write except
        #: ``reindex``, which replaces it (so `kupur index --rebuild` repairs a damaged index).
        self._damage: SearchError | None = None
        try:
            self._generation = self._open_current()
        except (BackendMismatch, BackendUnavailable) as exc:
            self._damage = exc

    # -- generations -------------------------------------------------------------------------

    def _read_current(self) -> str:
        try:
            return (self.root / "CURRENT").read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return ""

    def _open_current(self) -> _Generation:
        name = self._read_current()
        self._current_name = name
        if not name:
            name = "gen-000001"
            generation = _Generation(self.root / name, create=not (self.root / name).exists())
            self._write_current(name)
        elif not _GENERATION_RE.fullmatch(name):
            raise BackendMismatch(
                f"{self.root / 'CURRENT'} names no index generation ({name[:40]!r}); "
                "rebuild the index with `kupur index --rebuild`"
            )
        else:
            generation = _Generation(self.root / name, create=False)
        self._current_name = name
        return generation

    def _write_current(self, name: str) -> None:
        temporary = self.root / "CURRENT.tmp"
        temporary.write_text(name, encoding="utf-8")
        os.replace(temporary, self.root / "CURRENT")

    def _live(self) -> _Generation:
        """The live generation, following a reindex made by another process."""
        if self._generation is None or self._read_current() not in ("", self._current_name):
            try:
                self._generation = self._open_current()
            except (BackendMismatch, BackendUnavailable) as exc:
                self._damage = exc
            else:
                self._damage = None
        if self._damage is not None or self._generation is None:
            raise self._damage or BackendUnavailable(f"no search index at {self.root}")
        return self._generation

    @contextmanager
    def _writer(self, generation: _Generation) -> Iterator[tantivy.IndexWriter]:
        deadline = time.monotonic() + _LOCK_WAIT_SECONDS
        while True:
            try:
                writer = generation.index.writer(heap_size=_WRITER_HEAP)
                break
            except ValueError as exc:
                if "LockBusy" not in str(exc) or time.monotonic() > deadline:
                    raise BackendUnavailable(
                        f"the index at {generation.path} is being written by another process; "
                        "try again when it has finished"
                    ) from exc
                time.sleep(0.1)
        try:
            yield writer
        except BaseException:
            writer.rollback()
            raise
        writer.commit()
        writer.wait_merging_threads()
        generation.index.reload()

    # -- writes ------------------------------------------------------------------------------

    def upsert(self, articles: Sequence[Article]) -> int:
        generation = self._live()
        return self._write(generation, articles)

    def _write(self, generation: _Generation, articles: Iterable[Article]) -> int:
        written = 0
        with self._writer(generation) as writer:
            batch: list[IndexedArticle] = []
            for article in articles:
                batch.append(IndexedArticle.from_article(article))
                if len(batch) >= _BATCH:
                    written += self._add(generation, writer, batch)
                    batch = []
            written += self._add(generation, writer, batch)
        return written

    def _add(
        self, generation: _Generation, writer: tantivy.IndexWriter, batch: list[IndexedArticle]
    ) -> int:
        for item in batch:
            writer.delete_documents_by_term("id", item.id)
            writer.add_document(_document(item))
        # Vectors are written before the commit: a vector without its document is never
        # returned (semantic hits are checked against the index), a document is never unranked.
        generation.vectors.write([(item.id, item.embedding) for item in batch])
        return len(batch)

    def delete(self, ids: Iterable[str]) -> None:
        generation = self._live()
        id_list = list(ids)
        with self._writer(generation) as writer:
            for article_id in id_list:
                writer.delete_documents_by_term("id", article_id)
            generation.vectors.delete(id_list)

    def reindex(self, articles: Iterable[Article]) -> int:
        try:
            old: Path | None = self._live().path
        except (BackendMismatch, BackendUnavailable):
            # A damaged live generation is replaced like a healthy one (and removed after the
            # switch); a CURRENT that names no generation of ours leaves nothing to remove.
            old = None
        known = _GENERATION_RE.fullmatch(self._current_name)
        if old is None and known:
            old = self.root / self._current_name
        number = int(self._current_name[4:]) + 1 if known else 1
        while (self.root / f"gen-{number:06d}").exists():
            number += 1
        name = f"gen-{number:06d}"
        fresh = _Generation(self.root / name, create=True)
        try:
            written = self._write(fresh, articles)
        except BaseException:
            shutil.rmtree(fresh.path, ignore_errors=True)
            raise
        self._write_current(name)
        self._generation, self._current_name, self._damage = fresh, name, None
        # Readers elsewhere may still hold the old files open; on POSIX they keep working.
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return written

    def count(self) -> int:
        return int(self._live().index.searcher().num_docs)

    def close(self) -> None:
        """Nothing stays open between calls (writers are released after each commit)."""

    # -- search ------------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        generation = self._live()
        searcher = generation.index.searcher()
        names = _IndexedNames(generation.schema, searcher)
        builder = TantivyQueryBuilder(generation.schema, names.is_name, names.inflected)
        node = parse_query(request.query)
        run = _SearchRun(generation, searcher, builder, request)
        return run.execute(node)


class _IndexedNames:
    """What the index knows about names, for reading query words: which folded words are entity
    names, and which name a word typed without an apostrophe inflects ("samsunda" → Samsun)."""

    def __init__(self, schema: tantivy.Schema, searcher: tantivy.Searcher) -> None:
        self.schema = schema
        self.searcher = searcher

    def is_name(self, word: str) -> bool:
        return bool(self.searcher.doc_freq("entity_words", word) > 0)

    def inflected(self, word: str) -> str | None:
        return inflected_name(word, self.is_name, self._is_plain_word)

    def _is_plain_word(self, word: str, name: str) -> bool:
        """Whether ``word`` stands in an article that does not mention ``name``."""
        written = Query.boolean_query(
            [
                (Occur.Should, Query.term_query(self.schema, "title_fold", word)),
                (Occur.Should, Query.term_query(self.schema, "body_fold", word)),
            ]
        )
        elsewhere = Query.boolean_query(
            [
                (Occur.Must, written),
                (Occur.MustNot, Query.term_query(self.schema, "entity_words", name)),
            ]
        )
        return bool(self.searcher.search(elsewhere, limit=1).hits)


class _SearchRun:
    """One search: builds the scope (what counts, facets and histograms cover), then ranks."""

    def __init__(
        self,
        generation: _Generation,
        searcher: tantivy.Searcher,
        builder: TantivyQueryBuilder,
        request: SearchRequest,
    ) -> None:
        self.generation = generation
        self.searcher = searcher
        self.builder = builder
        self.request = request
        self.schema = generation.schema

    def execute(self, node: Node | None) -> SearchResult:
        request = self.request
        wanted = request.offset + request.limit
        if request.mode == "keyword":
            keyword = self._keyword_query(node)
            scope = self._with_filters(keyword, node=None)
            ranked = self._keyword_ranking(scope, wanted)
        else:
            vector = self._query_vector()
            filters = self._with_filters(None, node=node)
            vector_scope = _all_of(filters, self._has_vector())
            # Fusion needs more than one page from each side to find what both rank well.
            depth = wanted if request.mode == "semantic" else max(wanted * 2, 50)
            semantic = self._semantic_ranking(vector_scope, vector, depth)
            if request.mode == "semantic":
                scope, ranked = vector_scope, semantic
            else:
                keyword = self._keyword_query(node) if node else self._more_like_this()
                keyword_scope = _all_of(filters, keyword)
                scope = _all_of(
                    filters,
                    Query.boolean_query(
                        [(Occur.Should, keyword), (Occur.Should, self._has_vector())]
                    ),
                )
                ranked = self._fuse(self._keyword_ranking(keyword_scope, depth), semantic)
        total = self._count(scope)
        page = ranked[request.offset : wanted]
        hits = [self._hit(c, self.builder.highlight) for c in page]
        if request.collapse_stories:
            self._count_other_outlets(scope, hits)
        result = SearchResult(total=total, hits=hits)
        self._aggregate(scope, result)
        return result

    # -- scopes ------------------------------------------------------------------------------

    def _keyword_query(self, node: Node | None) -> Query:
        if node is None:
            return Query.all_query()
        return self.builder.build(node)

    def _with_filters(self, query: Query | None, node: Node | None) -> Query:
        """``query`` AND the request's filters; in semantic modes, AND the query's field filters."""
        parts = [query] if query is not None else []
        if self.request.provinces:
            parts.append(self.builder.provinces(self.request.provinces))
        if self.request.since or self.request.until:
            parts.append(self.builder.date_range(self.request.since, self.request.until))
        if node is not None:
            parts.extend(self.builder.build(f) for f in _field_filters(node))
        if self.request.like_id:
            parts.append(_excluding(self.schema, self.request.like_id))
        return _all_of(*parts) if parts else Query.all_query()

    def _has_vector(self) -> Query:
        return Query.term_query(self.schema, "has_vector", True)

    def _more_like_this(self) -> Query:
        """The keyword side of a hybrid "like this article" search with no query text."""
        source = self._doc_by_id(self.request.like_id or "")
        if source is None:
            return Query.empty_query()
        fields = {
            "title_stem": [index_text(source.data["title"])],
            "body_stem": [index_text(source.data["text"])],
        }
        return Query.more_like_this_document_fields_query(
            self.schema, fields, min_doc_frequency=1, min_term_frequency=1, max_query_terms=30
        )

    # -- rankings ----------------------------------------------------------------------------

    def _keyword_ranking(self, scope: Query, wanted: int) -> list[_Candidate]:
        by_date = self.request.sort == "date" and self.request.mode == "keyword"
        window = wanted if not self.request.collapse_stories else max(wanted * 4, 50)
        while True:
            result = self.searcher.search(
                scope,
                limit=max(window, 1),
                count=False,
                order_by_field="published_at" if by_date else None,
            )
            candidates = [
                _Candidate(address, self._stored(address), 0.0 if by_date else float(score))
                for score, address in result.hits
            ]
            exhausted = len(candidates) < window
            if not self.request.collapse_stories:
                return candidates
            kept = self._collapse(candidates, wanted)
            if len(kept) >= wanted or exhausted:
                return kept
            window *= 4

    def _semantic_ranking(
        self, scope: Query, vector: np.ndarray[Any, Any], wanted: int
    ) -> list[_Candidate]:
        store = self.generation.vectors
        window = max(wanted * 4, 100)
        while True:
            nearest = store.nearest(vector, window)
            ids = [article_id for article_id, _ in nearest]
            checked = Query.boolean_query(
                [(Occur.Must, scope), (Occur.Must, Query.term_set_query(self.schema, "id", ids))]
            )
            found: dict[str, _Candidate] = {}
            if ids:
                for _, address in self.searcher.search(checked, limit=len(ids)).hits:
                    data = self._stored(address)
                    found[data["id"]] = _Candidate(address, data, 0.0)
            candidates = []
            for article_id, similarity in nearest:
                if article_id in found:
                    found[article_id].score = similarity
                    candidates.append(found[article_id])
            exhausted = len(nearest) < window
            if self.request.collapse_stories:
                candidates = self._collapse(candidates, wanted)
            if len(candidates) >= wanted or exhausted:
                return candidates
            window *= 4

    def _fuse(self, keyword: list[_Candidate], semantic: list[_Candidate]) -> list[_Candidate]:
        by_id = {c.data["id"]: c for c in [*semantic, *keyword]}
        fused = reciprocal_rank_fusion(
            [c.data["id"] for c in keyword], [c.data["id"] for c in semantic]
        )
        ranked = []
        for article_id, score in fused:
            candidate = by_id[article_id]
            ranked.append(_Candidate(candidate.address, candidate.data, score))
        if self.request.collapse_stories:
            return self._collapse(ranked, self.request.offset + self.request.limit)
        return ranked

    def _collapse(self, candidates: list[_Candidate], wanted: int) -> list[_Candidate]:
        return collapse_by_story(((c.data["story_key"], c) for c in candidates), wanted)

    def _query_vector(self) -> np.ndarray[Any, Any]:
        request = self.request
        if request.like_id:
            vector = self.generation.vectors.get(request.like_id)
            if vector is None:
                if self._doc_by_id(request.like_id) is None:
                    raise SearchError(f"article {request.like_id} is not in the index")
                raise SearchError(
                    f"article {request.like_id} has no embedding; run `kupur enrich` and "
                    "`kupur index` to add one"
                )
            return vector
        if request.vector is None:
            raise SearchError(
                f"{request.mode} search needs a query embedding or an article to start from"
            )
        return np.asarray(request.vector, dtype=np.float32)

    # -- results -----------------------------------------------------------------------------

    def _stored(self, address: tantivy.DocAddress) -> dict[str, Any]:
        raw = cast(bytes, self.searcher.doc(address).get_first("doc"))
        data: dict[str, Any] = json.loads(raw)
        return data

    def _doc_by_id(self, article_id: str) -> _Candidate | None:
        hits = self.searcher.search(Query.term_query(self.schema, "id", article_id), 1).hits
        if not hits:
            return None
        return _Candidate(hits[0][1], self._stored(hits[0][1]), 0.0)

    def _hit(self, candidate: _Candidate, terms: HighlightTerms) -> Hit:
        data = candidate.data
        published = data.get("published_at")
        return Hit(
            id=data["id"],
            url=data["url"],
            title=data["title"],
            published_at=datetime.fromisoformat(published) if published else None,
            source=data["source"],
            snippet=snippet(data["text"], terms),
            score=candidate.score,
            entities=data["entities"],
            story_id=data.get("story_id"),
        )

    def _count(self, scope: Query) -> int:
        result = self.searcher.search(scope, limit=1, count=True)
        return int(result.count)  # type: ignore[attr-defined]  # present, missing from the stub

    def _count_other_outlets(self, scope: Query, hits: list[Hit]) -> None:
        stories = [h.story_id for h in hits if h.story_id]
        if not stories:
            return
        query = _all_of(scope, Query.term_set_query(self.schema, "story_key", stories))
        result = self.searcher.aggregate(
            query, {"stories": {"terms": {"field": "story_key", "size": len(stories)}}}
        )
        counts = {b["key"]: int(b["doc_count"]) for b in result["stories"]["buckets"]}
        for hit in hits:
            if hit.story_id:
                hit.other_outlets = max(counts.get(hit.story_id, 1) - 1, 0)

    def _aggregate(self, scope: Query, result: SearchResult) -> None:
        request = self.request
        aggregations: dict[str, Any] = {}
        if request.facets:
            for name in FACET_FIELDS:
                aggregations[name] = {"terms": {"field": name, "size": FACET_SIZE}}
        if request.histogram:
            aggregations["histogram"] = {
                "terms": {"field": request.histogram, "size": _HISTOGRAM_SIZE}
            }
        if not aggregations:
            return
        answer = self.searcher.aggregate(scope, aggregations)
        if request.facets:
            result.facets = {
                name: [
                    FacetBucket(str(b["key"]), int(b["doc_count"])) for b in answer[name]["buckets"]
                ]
                for name in FACET_FIELDS
            }
        if request.histogram:
            buckets = answer["histogram"]["buckets"]
            result.histogram = sorted(
                (HistogramBucket(str(b["key"]), int(b["doc_count"])) for b in buckets),
                key=lambda b: b.key,
            )


def _field_filters(node: Node) -> list[Node]:
    """The field and date filters that must hold for the whole query (its top-level ANDs)."""
    if isinstance(node, FieldFilter | DateRange):
        return [node]
    if isinstance(node, And):
        return [child for child in node.children if isinstance(child, FieldFilter | DateRange)]
    return []


def _all_of(*queries: Query) -> Query:
    if len(queries) == 1:
        return queries[0]
    return Query.boolean_query([(Occur.Must, q) for q in queries])


def _excluding(schema: tantivy.Schema, article_id: str) -> Query:
    return Query.boolean_query(
        [
            (Occur.Must, Query.all_query()),
            (Occur.MustNot, Query.term_query(schema, "id", article_id)),
        ]
    )


def _document(item: IndexedArticle) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("id", item.id)
    stored = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "text": item.text,
        "source": item.source,
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "story_id": item.story_id,
        "story_key": item.story_key,
        "entities": item.entities,
    }
    doc.add_bytes("doc", json.dumps(stored, ensure_ascii=False).encode("utf-8"))
    title, body = index_text(item.title), index_text(item.text)
    doc.add_text("title_fold", title)
    doc.add_text("title_stem", protect_names(title, item.entity_words))
    doc.add_text("body_fold", body)
    doc.add_text("body_stem", protect_names(body, item.entity_words))
    for name, values in (
        ("province_key", item.province_keys),
        ("district_key", item.district_keys),
        ("person_words", [index_text(v) for v in item.person_names]),
        ("organization_words", [index_text(v) for v in item.organization_names]),
        ("project_words", [index_text(v) for v in item.project_names]),
        ("source_words", [index_text(item.source)]),
        ("entity_words", item.entity_words),
    ):
        for value in values:
            doc.add_text(name, value)
    for name in FACET_FIELDS:
        for value in item.facets[name]:
            doc.add_text(name, value)
    doc.add_text("story_key", item.story_key)
    if item.published_at is not None:
        doc.add_date("published_at", item.published_at)
        for name, key in (("day", item.day), ("week", item.week), ("month", item.month)):
            if key:
                doc.add_text(name, key)
    doc.add_boolean("has_vector", item.embedding is not None)
    return doc
