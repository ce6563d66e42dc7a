"""The embedded search backend: a tantivy index (plus an embedding matrix) under the data directory.

Layout of ``index_dir``::

    CURRENT          the name of the live generation, replaced atomically by ``reindex``
    gen-000001/      tantivy's files, kupur.json (schema version), vectors.* (embeddings)

A reindex builds the next generation beside the live one and then swaps ``CURRENT``, so search
never sees a half-built index; readers in other processes move over at their next search.
tantivy allows one writer at a time: a writer is opened for each write and released after commit,
and a write that finds the lock held for longer than a few seconds raises ``BackendUnavailable``.
A write the file system refuses (a full disk) is rolled back and raises ``BackendUnavailable``
saying so: the index keeps what it held, the archive keeps every article pending.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import tantivy
from tantivy import Occur, Query

from kupur.core.errors import BackendMismatch, BackendUnavailable, SearchError
from kupur.core.models import Article
from kupur.index import plan
from kupur.index.analysis import (
    FOLD_TOKENIZER,
    STEM_TOKENIZER,
    fold_analyzer,
    index_text,
    protect_names,
    stem_analyzer,
)
from kupur.index.api import FACET_FIELDS, FacetBucket, HistogramBucket, SearchRequest, SearchResult
from kupur.index.fields import FACET_SIZE, IndexedArticle
from kupur.index.fusion import first_of_each_story
from kupur.index.highlight import snippet
from kupur.index.inflection import inflected_name
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
#: How tantivy's errors quote a failed system call ("No space left on device (os error 28)").
_OS_ERROR = re.compile(r"(\w[^'\"]*?) \(os error \d+\)")


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
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise _unwritable(path, exc) from exc
            raise BackendUnavailable(f"cannot open the search index at {path}: {exc}") from exc
        except ValueError as exc:
            if create and path.exists():
                shutil.rmtree(path, ignore_errors=True)
            if "ReadOnlyFilesystem" in str(exc) or "PermissionDenied" in str(exc):
                raise BackendUnavailable(
                    f"the search index at {path} cannot be opened: its folder is not writable "
                    "(a read-only file system or missing permissions)"
                ) from exc
            if create and _OS_ERROR.search(str(exc)):
                raise _unwritable(path, exc) from exc
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
        try:
            temporary.write_text(name, encoding="utf-8")
            os.replace(temporary, self.root / "CURRENT")
        except OSError as exc:
            raise _unwritable(self.root, exc) from exc

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
        except BaseException as exc:
            writer.rollback()
            if isinstance(exc, OSError):  # the embeddings beside the index could not be written
                raise _unwritable(generation.path, exc) from exc
            raise
        try:
            writer.commit()
            writer.wait_merging_threads()
        except ValueError as exc:
            if not _OS_ERROR.search(str(exc)):
                raise
            raise _unwritable(generation.path, exc) from exc
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
        return plan.search(request, _TantivyEngine(self._live()))


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


class _TantivyEngine:
    """The search plan's primitives (``plan.SearchEngine``) on one searcher of a generation.

    The query builder collects what the query's words look for, so the snippets of a search's
    hits highlight what its scopes were compiled from."""

    def __init__(self, generation: _Generation) -> None:
        self.schema = generation.schema
        self.vectors = generation.vectors
        self.searcher = generation.index.searcher()
        names = _IndexedNames(self.schema, self.searcher)
        self.builder = TantivyQueryBuilder(self.schema, names.is_name, names.inflected)

    def compile(self, scope: plan.Scope) -> Query:
        matches = [self.builder.build(scope.words)] if scope.words is not None else []
        if scope.like:
            matches.append(self._more_like_this(scope.like))
        if scope.with_vector:
            matches.append(Query.term_query(self.schema, "has_vector", True))
        filters = []
        if scope.provinces:
            filters.append(self.builder.provinces(list(scope.provinces)))
        if scope.since or scope.until:
            filters.append(self.builder.date_range(scope.since, scope.until))
        filters += [self.builder.build(node) for node in scope.field_filters]
        if scope.excluded:
            filters.append(self._excluding(scope.excluded))
        if len(matches) > 1:
            matches = [Query.boolean_query([(Occur.Should, match) for match in matches])]
        parts = [*matches, *filters]
        if not parts:
            return Query.all_query()
        if len(parts) == 1:
            return parts[0]
        return Query.boolean_query([(Occur.Must, part) for part in parts])

    def rank(self, scope: Query, page: plan.Page) -> plan.Ranking:
        if page.one_per_story:
            stories = first_of_each_story(
                lambda limit: self._ranked(scope, 0, limit, page.by_date),
                lambda candidate: candidate.story_key,
                page.start + page.size,
            )
            candidates = stories[page.start :]
        elif page.size:
            candidates = self._ranked(scope, page.start, page.size, page.by_date)
        else:
            candidates = []
        ranking = plan.Ranking(candidates)
        if page.count:
            result = self.searcher.search(scope, limit=1, count=True)
            ranking.summary.total = int(result.count)  # type: ignore[attr-defined]  # not in stub
        self._aggregate(scope, page, ranking.summary)
        return ranking

    def nearest(self, scope: Query, vector: Sequence[float], limit: int) -> list[plan.Candidate]:
        # The vectors live beside the index: the nearest ones are read until enough of them are
        # articles in scope (or none are left).
        window = max(limit * 4, 100)
        while True:
            nearest = self.vectors.nearest(vector, window)
            ids = [article_id for article_id, _ in nearest]
            in_scope = Query.boolean_query(
                [(Occur.Must, scope), (Occur.Must, Query.term_set_query(self.schema, "id", ids))]
            )
            found: dict[str, dict[str, Any]] = {}
            if ids:
                for _, address in self.searcher.search(in_scope, limit=len(ids)).hits:
                    stored = self._stored(address)
                    found[stored["id"]] = stored
            candidates = [
                _candidate(found[article_id], similarity)
                for article_id, similarity in nearest
                if article_id in found
            ]
            if len(candidates) >= limit or len(nearest) < window:
                return candidates[:limit]
            window *= 4

    def stored_vector(self, article_id: str) -> Sequence[float] | None:
        vector = self.vectors.get(article_id)
        return None if vector is None else cast(list[float], vector.tolist())

    def holds(self, article_id: str) -> bool:
        return self._stored_by_id(article_id) is not None

    def story_sizes(self, scope: Query, story_keys: Sequence[str]) -> dict[str, int]:
        query = Query.boolean_query(
            [
                (Occur.Must, scope),
                (Occur.Must, Query.term_set_query(self.schema, "story_key", list(story_keys))),
            ]
        )
        answer = self.searcher.aggregate(
            query, {"stories": {"terms": {"field": "story_key", "size": len(story_keys)}}}
        )
        return {str(b["key"]): int(b["doc_count"]) for b in answer["stories"]["buckets"]}

    def snippet(self, candidate: plan.Candidate) -> str:
        return snippet(candidate.stored["text"], self.builder.highlight)

    # -- helpers -----------------------------------------------------------------------------

    def _ranked(self, scope: Query, start: int, size: int, by_date: bool) -> list[plan.Candidate]:
        result = self.searcher.search(
            scope,
            limit=size,
            count=False,
            order_by_field="published_at" if by_date else None,
            offset=start,
        )
        return [
            _candidate(self._stored(address), 0.0 if by_date else float(score))
            for score, address in result.hits
        ]

    def _stored(self, address: tantivy.DocAddress) -> dict[str, Any]:
        raw = cast(bytes, self.searcher.doc(address).get_first("doc"))
        stored: dict[str, Any] = json.loads(raw)
        return stored

    def _stored_by_id(self, article_id: str) -> dict[str, Any] | None:
        hits = self.searcher.search(Query.term_query(self.schema, "id", article_id), 1).hits
        return self._stored(hits[0][1]) if hits else None

    def _excluding(self, article_id: str) -> Query:
        return Query.boolean_query(
            [
                (Occur.Must, Query.all_query()),
                (Occur.MustNot, Query.term_query(self.schema, "id", article_id)),
            ]
        )

    def _more_like_this(self, article_id: str) -> Query:
        source = self._stored_by_id(article_id)
        if source is None:
            return Query.empty_query()
        fields = {
            "title_stem": [index_text(source["title"])],
            "body_stem": [index_text(source["text"])],
        }
        return Query.more_like_this_document_fields_query(
            self.schema, fields, min_doc_frequency=1, min_term_frequency=1, max_query_terms=30
        )

    def _aggregate(self, scope: Query, page: plan.Page, result: SearchResult) -> None:
        aggregations: dict[str, Any] = {}
        if page.facets:
            for name in FACET_FIELDS:
                aggregations[name] = {"terms": {"field": name, "size": FACET_SIZE}}
        if page.histogram:
            # Day, week and month keys are indexed as text: a terms aggregation over them gives
            # calendar buckets in Istanbul time (tantivy's date_histogram has fixed intervals).
            aggregations["histogram"] = {
                "terms": {"field": page.histogram, "size": _HISTOGRAM_SIZE}
            }
        if not aggregations:
            return
        answer = self.searcher.aggregate(scope, aggregations)
        if page.facets:
            result.facets = {
                name: [
                    FacetBucket(str(b["key"]), int(b["doc_count"])) for b in answer[name]["buckets"]
                ]
                for name in FACET_FIELDS
            }
        if page.histogram:
            buckets = answer["histogram"]["buckets"]
            result.histogram = sorted(
                (HistogramBucket(str(b["key"]), int(b["doc_count"])) for b in buckets),
                key=lambda b: b.key,
            )


def _unwritable(path: Path, exc: Exception) -> BackendUnavailable:
    """A write the file system refused (a full disk, mostly): what failed, what is kept, what to do."""
    quoted = _OS_ERROR.search(str(exc))
    reason = exc.strerror if isinstance(exc, OSError) else quoted.group(1) if quoted else None
    reason = reason or str(exc)
    return BackendUnavailable(
        f"cannot write the search index at {path}: {reason}. Nothing is lost: the index keeps "
        "what it held before this write and the archive keeps every article. Free disk space "
        "there (or move the data directory), then run `kupur index` again"
    )


def _candidate(stored: dict[str, Any], score: float) -> plan.Candidate:
    return plan.Candidate(
        id=stored["id"], story_key=stored["story_key"], score=score, stored=stored
    )


def _document(item: IndexedArticle) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("id", item.id)
    doc.add_bytes("doc", json.dumps(item.stored(), ensure_ascii=False).encode("utf-8"))
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
