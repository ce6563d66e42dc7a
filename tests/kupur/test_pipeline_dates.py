"""Enrichment under real volume: one absurd date does not stop it for good, and the neighbours a
new article may join are read from the archive once per run, not once per batch."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kupur.app.archive import Archive
from kupur.app.config import Settings, load_settings
from kupur.app.pipeline import enrich_pending
from kupur.core.models import ISTANBUL, Article

TEXT = (
    "Samsun Aile ve Sosyal Hizmetler İl Müdürü Kemal Gümrükçü, SİROMA Projesi kapsamında "
    "Atakum'da 1.240 haneye ulaşıldığını söyledi. Çalışmaların yıl sonuna kadar süreceği "
    "bildirildi."
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # Without embeddings, copies are told by their words: quick, and enough for the stories here.
    return load_settings(
        environ={"KUPUR_NLP_EMBEDDING_BACKEND": "none"}, data_dir=str(tmp_path / "data")
    )


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(f"sqlite:///{tmp_path / 'archive.sqlite3'}")


def _save(archive: Archive, *dated: tuple[int, datetime]) -> list[Article]:
    articles = [
        Article(
            url=f"https://haber{n}.example/siroma",
            source=f"haber{n}.example",
            title="SİROMA ile 1.240 haneye ulaşıldı",
            text=TEXT,
            published_at=published_at,
        )
        for n, published_at in dated
    ]
    for article in articles:
        archive.save(article)
    return articles


def test_articles_dated_at_the_ends_of_the_calendar_do_not_stop_enrichment(settings, archive):
    # `kupur import` now refuses such dates, but an archive may hold them from an older import
    # or another writer.
    ancient, normal, far = _save(
        archive,
        (1, datetime(1, 1, 1, tzinfo=UTC)),
        (2, datetime(2025, 3, 1, 10, tzinfo=ISTANBUL)),
        (3, datetime(9999, 12, 31)),
    )
    assert enrich_pending(settings, archive).enriched == 3
    # The same text, but nothing is published within days of them: no neighbours, no story.
    stories = {a.id: a.story_id for a in archive.get_many([ancient.id, normal.id, far.id])}
    assert stories == {ancient.id: ancient.id, normal.id: normal.id, far.id: far.id}

    (later,) = _save(archive, (4, datetime(2025, 3, 2, 9, tzinfo=ISTANBUL)))
    assert enrich_pending(settings, archive).enriched == 1
    assert archive.count(unenriched=True) == 0
    assert [a.story_id for a in archive.get_many([later.id])] == [normal.id]


def test_neighbours_are_read_once_per_run(settings, archive, monkeypatch):
    start = datetime(2025, 3, 1, 8, tzinfo=ISTANBUL)
    archived = [
        Article(
            url=f"https://arsiv.example/{n}",
            source="arsiv.example",
            title=f"Haber {n}",
            text=f"{TEXT} Bu haberin numarası {n}00 olarak kaydedildi ve {n}. sırada yer aldı.",
            published_at=start + timedelta(hours=3 * n),
            story_id=f"story-{n}",
        )
        for n in range(12)
    ]
    for article in archived:
        archive.save(article)
    archive.save_enrichment(archived)
    originals = archived[::2]
    copies = [
        Article(
            url=f"https://kopya.example/{n}",
            source="kopya.example",
            title=original.title,
            text=original.text,
            published_at=start + timedelta(hours=3 * 2 * n, minutes=30),
        )
        for n, original in enumerate(originals)
    ]
    for article in copies:
        archive.save(article)
    reads: Counter[str] = Counter()
    get_many = archive.get_many

    def counting(ids):
        reads.update(ids)
        return get_many(ids)

    monkeypatch.setattr(archive, "get_many", counting)
    assert enrich_pending(settings, archive, batch_size=2).enriched == len(copies)
    assert max(reads[a.id] for a in archived) == 1
    stored = archive.get_many([a.id for a in copies])
    assert [a.story_id for a in stored] == [a.story_id for a in originals]
