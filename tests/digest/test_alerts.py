"""Alerts as staff receive them: a mail for new matching articles (not for what matched before
alerts were turned on), and a spike alert when today's matches far exceed the past two weeks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kupur.app.archive import Archive
from kupur.app.config import Settings, load_settings
from kupur.digest import check_alerts
from kupur.index.api import SearchBackend
from tests.digest.conftest import SMTPServer, make_settings
from tests.digest.corpus import samsun_news

MONDAY = date(2025, 11, 10)


def test_first_check_takes_a_baseline_then_new_articles_are_mailed_once(
    settings: Settings, archive: Archive, backend: SearchBackend, smtp_server: SMTPServer
) -> None:
    first = check_alerts(settings, archive, backend, today=MONDAY)

    assert [(o.search, o.kind, o.status) for o in first] == [("Samsun", "baseline", "recorded")]
    assert smtp_server.handler.received == []

    fresh = [samsun_news(10, 1), samsun_news(10, 2)]
    backend.upsert(fresh)
    second = check_alerts(settings, archive, backend, today=MONDAY)

    new = [o for o in second if o.kind == "new"]
    assert [(o.count, o.status) for o in new] == [(2, "sent")]
    [received] = smtp_server.handler.received
    message = received.message
    assert message["Subject"] == "Kupür uyarısı: Samsun için 2 yeni haber"
    html = message.get_body(("html",)).get_content()
    plain = message.get_body(("plain",)).get_content()
    for article in fresh:
        assert f'href="{article.url}"' in html
        assert article.url in plain
    assert "Bafra" not in plain  # matched before the baseline: not news

    third = check_alerts(settings, archive, backend, today=MONDAY)

    assert [o for o in third if o.kind == "new"] == []
    assert len(smtp_server.handler.received) == 1


def test_a_new_article_alert_that_fails_is_sent_at_the_next_check(
    settings: Settings, archive: Archive, backend: SearchBackend, smtp_server: SMTPServer
) -> None:
    check_alerts(settings, archive, backend, today=MONDAY)
    backend.upsert([samsun_news(10, 1)])
    smtp_server.handler.refuse_with = "550 5.1.1 Posta kutusu yok"

    failed = check_alerts(settings, archive, backend, today=MONDAY)

    assert [(o.kind, o.status) for o in failed] == [("new", "failed")]
    smtp_server.handler.refuse_with = ""
    retried = check_alerts(settings, archive, backend, today=MONDAY)
    assert [(o.kind, o.count, o.status) for o in retried] == [("new", 1, "sent")]


def test_spike_alert_when_today_exceeds_the_baseline_by_the_factor(
    settings: Settings, archive: Archive, backend: SearchBackend, smtp_server: SMTPServer
) -> None:
    # Past 14 days (29 Oct – 11 Nov): 7 Samsun articles, 0.5 a day. Today: 6.
    today = date(2025, 11, 12)
    backend.upsert([samsun_news(12, n) for n in range(6)])

    outcomes = check_alerts(settings, archive, backend, today=today)

    spikes = [o for o in outcomes if o.kind == "spike"]
    assert [(o.count, o.status) for o in spikes] == [(6, "sent")]
    [received] = smtp_server.handler.received
    assert received.message["Subject"] == (
        "Kupür uyarısı: Samsun bugün olağan dışı yoğun (6 haber)"
    )
    plain = received.message.get_body(("plain",)).get_content()
    assert "son 14 günün günlük ortalaması 0,5 idi" in plain
    assert plain.count("https://karadenizhaber.example.com/samsun-haberleri/gunun-haberi") == 6

    # One spike alert a day, however often the check runs.
    again = check_alerts(settings, archive, backend, today=today)
    assert [o for o in again if o.kind == "spike"] == []
    assert len(smtp_server.handler.received) == 1


def test_no_spike_below_the_factor_or_the_minimum(
    data_dir: Path, archive: Archive, backend: SearchBackend, smtp_server: SMTPServer
) -> None:
    backend.upsert([samsun_news(12, n) for n in range(4)])
    settings = make_settings(data_dir, smtp_server.port)

    four = check_alerts(settings, archive, backend, today=date(2025, 11, 12))
    assert [o for o in four if o.kind == "spike"] == []  # fewer than spike_min_count (5)

    backend.upsert([samsun_news(12, 4)])
    strict = load_with_factor(data_dir, smtp_server.port, factor=20)
    five = check_alerts(strict, archive, backend, today=date(2025, 11, 12))
    assert [o for o in five if o.kind == "spike"] == []  # 5 is not over 20 × 0.5


def load_with_factor(data_dir: Path, port: int, factor: float) -> Settings:
    return load_settings(
        None,
        data_dir=str(data_dir),
        smtp={"host": "127.0.0.1", "port": port, "retry_delay": 0},
        alerts={"spike_factor": factor},
    )


def test_dry_run_writes_alert_mails_and_records_nothing(
    settings: Settings,
    archive: Archive,
    backend: SearchBackend,
    smtp_server: SMTPServer,
    tmp_path: Path,
) -> None:
    check_alerts(settings, archive, backend, today=MONDAY)
    backend.upsert([samsun_news(10, 1)])

    dry = check_alerts(settings, archive, backend, today=MONDAY, dry_run_dir=tmp_path / "out")

    [outcome] = [o for o in dry if o.kind == "new"]
    assert outcome.status == "written"
    assert sorted(p.suffix for p in outcome.files) == [".eml", ".html"]
    assert smtp_server.handler.received == []
    real = check_alerts(settings, archive, backend, today=MONDAY)
    assert [(o.kind, o.status) for o in real] == [("new", "sent")]
