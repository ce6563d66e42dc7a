"""Enrichment and indexing over the archive: the stages after the crawl.

Both work on what the archive says is pending, in batches, and record progress batch by batch, so
an interrupted run (or a search server that goes down) loses nothing: the next run picks up exactly
the articles that are still pending.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kupur.app.archive import Archive
from kupur.app.config import Settings
from kupur.core.errors import BackendUnavailable
from kupur.core.models import Article
from kupur.index.api import SearchBackend

__all__ = ["EnrichStats", "IndexStats", "enrich_pending", "index_pending", "rebuild_index"]

#: Called after each batch with (done, total).
ProgressCallback = Callable[[int, int], None]


@dataclass
class EnrichStats:
    enriched: int = 0
    stories: int = 0


@dataclass
class IndexStats:
    indexed: int = 0
    pending: int = 0


def enrich_pending(
    settings: Settings,
    archive: Archive,
    *,
    batch_size: int = 64,
    on_progress: ProgressCallback | None = None,
) -> EnrichStats:
    """Run the NLP stage over every article not yet enriched (new ones and changed ones)."""
    from kupur.nlp.enrich import Enricher

    ids = archive.article_ids(unenriched=True)
    stats = EnrichStats()
    if not ids:
        return stats
    nlp = settings.nlp
    enricher = Enricher(
        embedding_backend=nlp.embedding_backend,
        embedding_model=nlp.embedding_model,
        ner_model=nlp.ner_model,
        projects_file=nlp.projects_file or None,
        story_threshold=nlp.story_threshold,
        story_window_days=nlp.story_window_days,
    )
    neighbours = _Neighbours(archive, timedelta(days=nlp.story_window_days))
    stories: set[str] = set()
    for start in range(0, len(ids), batch_size):
        batch = archive.get_many(ids[start : start + batch_size])
        enricher.enrich(batch, neighbours.around(batch))
        archive.save_enrichment(batch)
        stats.enriched += len(batch)
        stories.update(a.story_id for a in batch if a.story_id)
        if on_progress is not None:
            on_progress(stats.enriched, len(ids))
    stats.stories = len(stories)
    return stats


class _Neighbours:
    """Already enriched articles published near the batches: the stories new ones may join.

    Each is read from the archive once per run and handed to the Enricher, whose story index
    keeps it (with the batches it enriched) while it is within the window. Batches come in
    publication order, so the stretch of time already read only grows: a batch reads from where
    the last one stopped to its latest date plus the window. Undated articles have no stretch:
    none is read for them, and they meet what the index holds when they come.
    """

    def __init__(self, archive: Archive, window: timedelta) -> None:
        self._archive = archive
        self._window = window
        self._read_until: datetime | None = None
        self._seen: set[str] = set()

    def around(self, batch: list[Article]) -> Iterator[Article]:
        self._seen.update(a.id for a in batch)
        spans: list[tuple[datetime, datetime]] = []
        for since, until in _spans(batch, self._window):
            if self._read_until is not None:
                if until <= self._read_until:
                    continue
                since = max(since, self._read_until)
            spans.append((since, until))
            self._read_until = until
        return self._read(spans)

    def _read(self, spans: list[tuple[datetime, datetime]]) -> Iterator[Article]:
        for since, until in spans:
            for article in self._archive.iter_articles(enriched=True, since=since, until=until):
                if article.id not in self._seen:
                    self._seen.add(article.id)
                    yield article


#: The ends of the calendar, in UTC as the archive compares dates.
_EARLIEST = datetime.min.replace(tzinfo=UTC)
_LATEST = datetime.max.replace(tzinfo=UTC)


def _shift(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta`` in UTC, held at the ends of the calendar instead of overflowing.

    An imported article dated 0001-01-01 or 9999-12-31 is within days of them.
    """
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:  # less than a day from an end, in a zone ahead of or behind UTC
        utc = _EARLIEST if moment.year == datetime.min.year else _LATEST
    try:
        return utc + delta
    except OverflowError:
        return _EARLIEST if delta < timedelta(0) else _LATEST


def _spans(batch: list[Article], window: timedelta) -> list[tuple[datetime, datetime]]:
    """The stretches within ``window`` of the batch's dated articles, merged, in order."""
    spans: list[tuple[datetime, datetime]] = []
    for moment in sorted(a.published_at for a in batch if a.published_at is not None):
        since, until = _shift(moment, -window), _shift(moment, window)
        if spans and since <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], until))
        else:
            spans.append((since, until))
    return spans


def index_pending(
    archive: Archive,
    backend: SearchBackend,
    *,
    batch_size: int = 500,
    on_progress: ProgressCallback | None = None,
) -> IndexStats:
    """Send every enriched, not yet indexed article to the search backend, and repair an index
    that lost articles the archive marks as indexed.

    Each batch is marked indexed only after the backend accepted it. If the backend goes away the
    error says how many articles are still pending; they stay marked so the next run catches up.
    """
    ids = archive.article_ids(unindexed=True)
    marked_indexed = archive.count() - archive.count(unenriched=True) - len(ids)
    if backend.count() < marked_indexed:
        # The index holds fewer articles than the archive says were sent (it was deleted,
        # replaced, or lost writes): every enriched article is sent again. Upserts are by id,
        # so what the index already holds is only rewritten.
        archive.mark_all_unindexed()
        ids = archive.article_ids(unindexed=True)
    stats = IndexStats(pending=len(ids))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        try:
            backend.upsert(archive.get_many(chunk))
        except BackendUnavailable as exc:
            raise BackendUnavailable(
                f"{exc}\n{stats.indexed} article(s) indexed in this run, {stats.pending} still "
                "pending; they stay marked unindexed in the archive and the next "
                "`kupur index` (or `kupur run`) sends them."
            ) from exc
        archive.mark_indexed(chunk)
        stats.indexed += len(chunk)
        stats.pending -= len(chunk)
        if on_progress is not None:
            on_progress(stats.indexed, len(ids))
    return stats


def rebuild_index(archive: Archive, backend: SearchBackend) -> int:
    """Rebuild the whole index from the archive into a fresh copy and switch to it atomically.

    The rebuild reads the archive from its start, while other processes (an import, a scheduler
    job) may go on enriching and indexing into the old copy. After the switch, every article
    enriched or indexed since the start, or enriched but not read, is sent to the new copy, until
    a pass finds none; only then are articles marked indexed. Returns the articles indexed.
    """
    started = datetime.now(UTC)
    sent: set[str] = set()

    def reading() -> Iterator[Article]:
        for article in archive.iter_articles(enriched=True):
            sent.add(article.id)
            yield article

    count = backend.reindex(reading())
    handled: set[str] = set()
    while True:
        late = set(archive.touched_since(started)) | (
            set(archive.article_ids(enriched=True)) - sent
        )
        late -= handled
        if not late:
            break
        ordered = sorted(late)
        for start in range(0, len(ordered), 500):
            backend.upsert(archive.get_many(ordered[start : start + 500]))
        handled |= late
    archive.mark_indexed(sent | handled)
    return count + len(handled - sent)
