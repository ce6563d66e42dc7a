"""Fills a database with Kupür's code from before schema migrations (commit e5fd887).

The fixtures beside this file were made with it; they are what ``tests/kupur/test_migrations.py``
upgrades in place. Run it with the *old* code first on the path, never today's::

    git archive e5fd887 | tar -x -C /tmp/old
    cd /tmp/old && PYTHONPATH=/tmp/old python .../make_legacy_archive.py sqlite:///archive-e5fd887.sqlite3

For PostgreSQL, point it at an empty schema and dump that schema (see ``README.md`` here).
"""

from __future__ import annotations

import sys
from datetime import date, datetime

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

import kupur.archive
from kupur.archive import Archive
from kupur.digest.ledger import MailLedger
from kupur.digest.periods import Period
from kupur.models import ISTANBUL, Article, Entities, Person, ProvinceRef


def main(url: str) -> None:
    assert kupur.archive.__file__ is not None
    if "/work/main/" in kupur.archive.__file__:
        raise SystemExit("run this with the old code (PYTHONPATH=/tmp/old), not today's")
    archive = Archive(url)
    first = Article(
        url="https://samsun.aile.gov.tr/haberler/mobil-ekipler-149-koyu-ziyaret-etti/",
        source="samsun-il",
        title="Mobil Ekipler 149 Köyü Ziyaret Etti",
        text="Samsun'da Aile ve Sosyal Hizmetler İl Müdürlüğü mobil ekipleri 149 köyü ziyaret etti.",
        published_at=datetime(2025, 11, 4, 10, 30, tzinfo=ISTANBUL),
        author="İl Müdürlüğü",
    )
    second = Article(
        url="https://www.ordugazete.example/ordu-haberleri/yasli-bakim-merkezi-acildi-4411?utm_source=x",
        canonical_url="https://www.ordugazete.example/ordu-haberleri/yasli-bakim-merkezi-acildi-4411",
        source="ordu-gazete",
        title="YAŞLI BAKIM MERKEZİ AÇILDI",
        text="Ordu'da 120 kişilik yaşlı bakım merkezi açıldı. Vali açılışta konuştu.",
        published_at=datetime(2025, 11, 12, 9, 0, tzinfo=ISTANBUL),
    )
    third = Article(
        url="https://www.aile.gov.tr/haberler/aile-destek-programi/",
        source="bakanlik",
        title="Aile Destek Programı Genişliyor",
        text="Bakan Göktaş, Aile Destek Programı'nın 81 ile yayıldığını açıkladı.",
    )
    archive.save(
        first, raw_html="<html><h1>Mobil Ekipler</h1>İçerik</html>".encode(), encoding="utf-8"
    )
    # Raw pages are kept as UTF-8, with the encoding the page was decoded from (as crawlers/ does).
    archive.save(second, raw_html="<html>Yaşlı bakım</html>".encode(), encoding="windows-1254")
    archive.save(third)
    second_changed = Article(
        url=second.url,
        canonical_url=second.canonical_url,
        source=second.source,
        title=second.title,
        text=second.text + " Merkez 1 Aralık'ta hizmete girecek.",
        published_at=second.published_at,
    )
    archive.save(second_changed)  # version 2
    first.entities = Entities(
        provinces=[ProvinceRef("Samsun", 55)], people=[Person("Ayşe Yılmaz", "İl Müdürü")]
    )
    first.embedding = [0.25, -0.5, 0.125]
    first.story_id = first.id
    archive.save_enrichment([first])
    archive.mark_indexed([first.id])
    archive.record_rejection(
        "https://www.aile.gov.tr/iletisim/", "bakanlik", "not-an-article", "no date, no body"
    )
    run = archive.start_run("samsun-il")
    archive.finish_run(run, "finished", {"fetched": 3, "new": 2})
    archive.start_run("ordu-gazete")  # still "running": a crawl that died
    archive.set_validators(first.url, '"abc123"', "Tue, 04 Nov 2025 07:30:00 GMT")

    ledger = MailLedger(archive.engine)
    week = Period(date(2025, 11, 3), date(2025, 11, 10))
    ledger.claim("samsun-haftalik", week)
    ledger.mark_sent("samsun-haftalik", week, "<1@kupur.example>")
    ledger.claim("ordu-gunluk", Period(date(2025, 11, 11), date(2025, 11, 12)))
    ledger.mark_failed(
        "ordu-gunluk", Period(date(2025, 11, 11), date(2025, 11, 12)), "451 sonra deneyin"
    )
    ledger.record_check("samsun-haftalik", "Samsun", spike_day=date(2025, 11, 12))
    ledger.mark_seen("samsun-haftalik", "Samsun", [first.id, second.id])

    # The scheduler's own job store, as `kupur scheduler start` leaves it (APScheduler's table).
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=archive.engine, tablename="scheduler_jobs")}
    )
    scheduler.start(paused=True)
    scheduler.add_job(
        "kupur.archive:_now", trigger="interval", hours=6, id="pipeline", replace_existing=True
    )
    scheduler.shutdown(wait=False)
    archive.close()


if __name__ == "__main__":
    main(sys.argv[1])
