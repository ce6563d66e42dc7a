"""A rebuild of the index while another process imports, enriches and indexes articles loses
none of them (issue: `kupur index --rebuild` marked articles indexed that the new index never
received). Real archive, real tantivy index; the second process is a second backend on the same
index folder, as another process would open it, writing while the rebuild reads the archive."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kupur.app.archive import Archive
from kupur.app.pipeline import index_pending, rebuild_index
from kupur.core.models import Article, Entities, ProvinceRef
from kupur.index import open_backend
from kupur.index.api import SearchBackend, SearchRequest


def _article(n: int) -> Article:
    return Article(
        url=f"https://samsun.aile.gov.tr/haberler/haber-{n}/",
        source="samsun-il",
        title=f"Sosyal hizmet haberi {n}",
        text=f"Samsun'da {n}. sosyal hizmet buluşması yapıldı.",
        published_at=datetime(2025, 11, 1, tzinfo=UTC) + timedelta(hours=n),
        entities=Entities(provinces=[ProvinceRef("Samsun", 55)]),
    )


def _enriched(archive: Archive, articles: list[Article]) -> None:
    for article in articles:
        archive.save(article)
    archive.save_enrichment(articles)


class _ArchiveWithAConcurrentImport(Archive):
    """The archive the rebuild reads; halfway through its read another process imports,
    enriches and indexes new articles through its own backend."""

    def __init__(self, url: str, other: SearchBackend, late: list[Article]) -> None:
        super().__init__(url)
        self.other, self.late = other, late

    def iter_articles(self, **filters: object) -> Iterator[Article]:  # type: ignore[override]
        for number, article in enumerate(super().iter_articles(**filters)):  # type: ignore[arg-type]
            if number == 5 and self.late:
                _enriched(self, self.late)
                index_pending(self, self.other)
                self.late = []
            yield article


def _index_ids(backend: SearchBackend) -> set[str]:
    result = backend.search(SearchRequest(query="", limit=1000, sort="date"))
    return {hit.id for hit in result.hits}


def test_a_rebuild_during_an_import_loses_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite'}"
    index_dir = tmp_path / "index"
    first = [_article(n) for n in range(20)]
    late = [_article(n) for n in range(100, 110)]
    setup = Archive(url)
    _enriched(setup, first)
    backend = open_backend(kind="tantivy", url="", index_dir=index_dir, index_name="k")
    index_pending(setup, backend)
    setup.close()

    other = open_backend(kind="tantivy", url="", index_dir=index_dir, index_name="k")
    archive = _ArchiveWithAConcurrentImport(url, other, late)
    try:
        rebuild_index(archive, backend)
        wanted = {a.id for a in first + late}
        assert archive.count() == 30
        assert _index_ids(backend) == wanted
        assert archive.count(unindexed=True) == 0
        # and a plain `kupur index` afterwards finds nothing to repair
        assert index_pending(archive, backend).indexed == 0
        assert _index_ids(backend) == wanted
    finally:
        other.close()
        backend.close()
        archive.close()


def test_kupur_index_repairs_an_index_that_lost_articles(tmp_path: Path) -> None:
    """Articles marked indexed in the archive but missing from the index (lost by a crash or a
    rebuild elsewhere) are sent again by the next plain `kupur index`."""
    archive = Archive(f"sqlite:///{tmp_path / 'archive.sqlite'}")
    backend = open_backend(kind="tantivy", url="", index_dir=tmp_path / "index", index_name="k")
    try:
        articles = [_article(n) for n in range(12)]
        _enriched(archive, articles)
        index_pending(archive, backend)
        backend.delete([a.id for a in articles[:3]])
        assert len(_index_ids(backend)) == 9

        repaired = index_pending(archive, backend)

        assert repaired.indexed == 12
        assert _index_ids(backend) == {a.id for a in articles}
        assert index_pending(archive, backend).indexed == 0
    finally:
        backend.close()
        archive.close()
