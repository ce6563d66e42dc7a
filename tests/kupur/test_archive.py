"""The archive keeps every article once, updates changed ones and survives re-runs; the same
behaviour on SQLite and, when KUPUR_TEST_DATABASE_URL is set, on a real PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from kupur.app.archive import Archive
from kupur.core.errors import ArchiveError
from kupur.core.models import ISTANBUL, Article, Entities, ProvinceRef

PG_URL = os.environ.get("KUPUR_TEST_DATABASE_URL", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    if request.param == "sqlite":
        store = Archive(f"sqlite:///{tmp_path / 'archive.sqlite3'}")
        yield store
        store.close()
        return
    if not PG_URL:
        pytest.skip("KUPUR_TEST_DATABASE_URL is not set: PostgreSQL archive tests skipped")
    schema = f"kupur_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in PG_URL else "?"
    store = Archive(f"{PG_URL}{separator}options=-csearch_path%3D{schema}")
    yield store
    store.close()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def _article(
    text_: str = "Samsun'da mobil ekipler 149 köyü ziyaret etti.", **kw: object
) -> Article:
    fields: dict[str, object] = {
        "url": "https://samsun.aile.gov.tr/duyurular/mobil-ekipler-1",
        "source": "samsun-il",
        "title": "Mobil Ekipler Köylerde",
        "text": text_,
        "published_at": datetime(2025, 11, 4, 10, 30, tzinfo=ISTANBUL),
    }
    fields.update(kw)
    return Article(**fields)  # type: ignore[arg-type]


def test_saving_twice_stores_once(archive: Archive) -> None:
    assert archive.save(_article(), raw_html=b"<html>ilk</html>") == "new"
    assert archive.save(_article(), raw_html=b"<html>ilk</html>") == "unchanged"
    assert archive.count() == 1


def test_changed_text_updates_and_reopens_enrichment(archive: Archive) -> None:
    first = _article()
    archive.save(first)
    first.entities = Entities(provinces=[ProvinceRef("Samsun", 55)])
    first.embedding = [0.5, 0.25]
    first.story_id = first.id
    archive.save_enrichment([first])
    archive.mark_indexed([first.id])
    assert archive.count(unenriched=True) == 0

    changed = _article("Samsun'da mobil ekipler 152 köyü ziyaret etti.")
    assert archive.save(changed) == "updated"
    assert archive.count() == 1
    assert archive.count(unenriched=True) == 1
    stored = archive.get(changed.id)
    assert stored is not None
    assert "152" in stored.text
    assert stored.entities is None


def test_enrichment_round_trips_entities_embedding_and_dates(archive: Archive) -> None:
    article = _article()
    archive.save(article)
    article.entities = Entities(provinces=[ProvinceRef("Samsun", 55)], dates=["2025-11-04"])
    article.embedding = [0.125, -0.5, 1.0]
    article.story_id = "story-1"
    archive.save_enrichment([article])
    assert archive.article_ids(unindexed=True) == [article.id]

    stored = archive.get(article.id)
    assert stored is not None
    assert stored.entities == article.entities
    assert stored.embedding == [0.125, -0.5, 1.0]
    assert stored.published_at == article.published_at
    assert stored.published_at is not None
    assert stored.published_at.isoformat() == "2025-11-04T10:30:00+03:00"

    archive.mark_indexed([article.id])
    assert archive.article_ids(unindexed=True) == []


def test_raw_html_is_kept_compressed_and_readable(archive: Archive) -> None:
    html = "<html><body><p>Iğdır’da “Aile Yılı” etkinliği</p></body></html>" * 50
    archive.save(_article(), raw_html=html.encode("utf-8"), encoding="windows-1254")
    assert archive.raw_html(_article().id) == (html, "windows-1254")


def test_every_url_an_article_was_seen_under_is_known(archive: Archive) -> None:
    article = _article(
        url="https://samsun.aile.gov.tr/duyurular/mobil-ekipler-1?utm_source=x",
        canonical_url="https://samsun.aile.gov.tr/duyurular/mobil-ekipler-1",
    )
    archive.save(article)
    assert archive.known_urls() == {article.url, article.canonical_url}
    assert archive.article_id_for_url(article.url) == article.id


def test_filters_by_publication_window(archive: Archive) -> None:
    base = datetime(2025, 11, 1, 9, 0, tzinfo=ISTANBUL)
    for day in range(5):
        archive.save(
            _article(url=f"https://ornek.gov.tr/h/{day}", published_at=base + timedelta(days=day))
        )
    ids = archive.article_ids(since=base + timedelta(days=1), until=base + timedelta(days=3))
    assert len(ids) == 3


def test_crawl_runs_rejections_and_validators(archive: Archive) -> None:
    run = archive.start_run("samsun-il")
    archive.finish_run(run, "finished", {"fetched": 12, "new": 10})
    last = archive.last_runs()["samsun-il"]
    assert (last.status, last.stats["new"]) == ("finished", 10)
    assert last.finished_at is not None

    archive.record_rejection("https://ornek.gov.tr/kunye", "samsun-il", "not-an-article", "no body")
    archive.record_rejection("https://ornek.gov.tr/kunye", "samsun-il", "empty-body")
    assert [r.reason for r in archive.rejections()] == ["empty-body"]

    archive.set_validators("https://ornek.gov.tr/rss", '"abc"', "Tue, 04 Nov 2025 10:00:00 GMT")
    assert archive.validators("https://ornek.gov.tr/rss") == (
        '"abc"',
        "Tue, 04 Nov 2025 10:00:00 GMT",
    )


def test_unusable_database_url_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="not a database URL"):
        Archive("nosuchdb://whatever")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ArchiveError, match="cannot open the archive"):
        Archive(f"sqlite:///{blocker}/archive.sqlite3")


def test_unreachable_postgres_hides_the_password() -> None:
    with pytest.raises(ArchiveError) as caught:
        Archive("postgresql+psycopg://kupur:gizli@127.0.0.1:1/kupur?connect_timeout=2")
    assert "gizli" not in str(caught.value)
    assert "***" in str(caught.value)


def test_writers_saving_the_same_new_articles_at_once_never_fail(archive: Archive) -> None:
    """Two crawls (or a crawl and an import) storing the same article at the same moment: one
    stores it, the others find it stored; no 'duplicate key' error, nothing stored twice."""
    import threading

    articles = [_article(url=f"https://samsun.aile.gov.tr/duyurular/haber-{n}") for n in range(20)]
    barrier = threading.Barrier(4)
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def writer() -> None:
        barrier.wait()
        for article in articles:
            try:
                outcomes.append(archive.save(article, raw_html=b"<html>sayfa</html>"))
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert outcomes.count("new") == 20
    assert outcomes.count("unchanged") == 60
    assert archive.count() == 20
    assert archive.raw_html(articles[0].id) is not None
