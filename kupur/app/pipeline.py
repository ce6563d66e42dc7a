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
    window = timedelta(days=nlp.story_window_days)
    stories: set[str] = set()
    for start in range(0, len(ids), batch_size):
        batch = archive.get_many(ids[start : start + batch_size])
        enricher.enrich(batch, _neighbours(archive, batch, window))
        archive.save_enrichment(batch)
        stats.enriched += len(batch)
        stories.update(a.story_id for a in batch if a.story_id)
        if on_progress is not None:
            on_progress(stats.enriched, len(ids))
    stats.stories = len(stories)
    return stats


def _neighbours(archive: Archive, batch: list[Article], window: timedelta) -> list[Article]:
    """Already enriched articles published near the batch: the candidates for its stories."""
    dates = [a.published_at for a in batch if a.published_at is not None]
    if not dates:
        return list(archive.iter_articles(enriched=True))
    return list(
        archive.iter_articles(enriched=True, since=min(dates) - window, until=max(dates) + window)
    )


def index_pending(
    archive: Archive,
    backend: SearchBackend,
    *,
    batch_size: int = 500,
    on_progress: ProgressCallback | None = None,
) -> IndexStats:
    """Send every enriched, not yet indexed article to the search backend.

    Each batch is marked indexed only after the backend accepted it. If the backend goes away the
    error says how many articles are still pending; they stay marked so the next run catches up.
    """
    ids = archive.article_ids(unindexed=True)
    if backend.count() == 0 and archive.count() > archive.count(unenriched=True) + len(ids):
        # The index was deleted or replaced by an empty one: what it held is sent again.
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
