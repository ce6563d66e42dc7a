"""Digests as staff receive them: sent through a real SMTP server, parsed back with the standard
library, never twice for one period, retried when the server fails, written to files in a dry run."""

from __future__ import annotations

import email
from datetime import date
from email import policy
from email.message import EmailMessage
from html import unescape
from pathlib import Path

import pytest

from kupur.app.archive import Archive
from kupur.app.config import Settings
from kupur.core.errors import ConfigError
from kupur.digest import MailLedger, send_digests, write_sample_digest
from kupur.index.api import SearchBackend
from tests.digest.conftest import SMTPServer, make_settings
from tests.digest.corpus import STORY_URLS, WEEK

MONDAY = date(2025, 11, 10)  # the weekly digest covers 3–9 November 2025


def _parts(message: EmailMessage) -> tuple[str, str, EmailMessage]:
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None
    assert html is not None
    images = [p for p in message.walk() if p.get_content_type() == "image/png"]
    assert len(images) == 1
    image = images[0]
    assert isinstance(image, EmailMessage)
    return plain.get_content(), html.get_content(), image


def test_weekly_digest_arrives_with_both_parts_chart_and_links(
    settings: Settings, archive: Archive, backend: SearchBackend, smtp_server: SMTPServer
) -> None:
    outcomes = send_digests(settings, archive, backend, names=["samsun-haftalik"], today=MONDAY)

    assert [(o.subscription, o.status) for o in outcomes] == [("samsun-haftalik", "sent")]
    [received] = smtp_server.handler.received
    message = received.message
    assert sorted(received.rcpt_tos) == [
        "ayse.yildirim@example.gov.tr",
        "iletisim@example.gov.tr",
    ]
    assert received.mail_from == "kupur@example.gov.tr"
    assert message["Subject"] == "Kupür haftalık özet: Samsun sosyal hizmetler (3–9 Kasım 2025)"
    to = message["To"].addresses
    assert [(a.display_name, a.addr_spec) for a in to] == [
        ("Ayşe Yıldırım", "ayse.yildirim@example.gov.tr"),
        ("İletişim Birimi", "iletisim@example.gov.tr"),
    ]
    assert message.get_content_type() == "multipart/alternative"

    plain, html, image = _parts(message)
    # The chart is embedded: a PNG whose Content-ID the HTML shows.
    content_id = image["Content-ID"].strip("<>")
    assert f'src="cid:{content_id}"' in html
    assert image.get_content().startswith(b"\x89PNG\r\n\x1a\n")
    # Every story links to its article, in both parts.
    for url in (*STORY_URLS[2:], WEEK[3].url, WEEK[4].url):
        assert f'href="{url}"' in html
        assert url in plain
    # The story three outlets carried is one line that says so, and comes first.
    story_lines = [line for line in plain.splitlines() if line.startswith("* ")]
    assert "3 kaynakta yer aldı" in story_lines[0]
    assert sum("Koruyucu" in line for line in story_lines) == 1
    assert "Ordu" not in plain  # the Ordu article does not match il:Samsun
    # Counts per province and project against the previous week.
    assert "Bu dönem 5 haber (önceki dönem 2)" in plain
    assert "Samsun: 5 / 2 / +3" in plain
    assert "Aile Destek Programı: 1 / 0 / yeni" in plain
    assert "SİROMA: 1 / 1 / 0" in plain
    # Names first seen this week, and not the ones known from September.
    officials = plain.split("İlk kez geçen yetkililer:")[1].split("İlk kez geçen projeler:")
    assert "Elif Demirtaş — Samsun Aile ve Sosyal Hizmetler İl Müdürü" in officials[0]
    assert "Ahmet Kaya" not in officials[0]
    assert "Aile Destek Programı" in officials[1]
    assert "SİROMA" not in officials[1].split("--")[0]


def test_digest_in_english_for_an_english_subscription(
    settings: Settings, archive: Archive, backend: SearchBackend, smtp_server: SMTPServer
) -> None:
    send_digests(settings, archive, backend, names=["ordu-gunluk"], today=date(2025, 11, 6))

    [received] = smtp_server.handler.received
    assert received.message["Subject"] == "Kupür daily digest: ordu-gunluk (5 November 2025)"
    plain, html, _ = _parts(received.message)
    assert "Articles this period: 1 (previous period: 0)" in plain
    assert "Ordu'da Yaşlı Bakım Merkezine Yeni Hizmet Binası" in unescape(html)
    assert received.message["To"].addresses[0].display_name == "Oğuz Çelik"


def test_a_period_is_never_sent_twice(
    settings: Settings, archive: Archive, backend: SearchBackend, smtp_server: SMTPServer
) -> None:
    first = send_digests(settings, archive, backend, names=["samsun-haftalik"], today=MONDAY)
    again = send_digests(settings, archive, backend, names=["samsun-haftalik"], today=MONDAY)

    assert first[0].status == "sent"
    assert again[0].status == "skipped"
    assert len(smtp_server.handler.received) == 1
    # The next digest starts where the last one ended.
    later = send_digests(
        settings, archive, backend, names=["samsun-haftalik"], today=date(2025, 11, 17)
    )
    assert later[0].status == "sent"
    assert later[0].period is not None
    assert (later[0].period.start, later[0].period.last_day) == (MONDAY, date(2025, 11, 16))
    assert len(smtp_server.handler.received) == 2


def test_a_temporary_refusal_is_retried(
    settings: Settings, archive: Archive, backend: SearchBackend, smtp_server: SMTPServer
) -> None:
    smtp_server.handler.fail_first = 2  # two 451 answers, then the server accepts

    outcomes = send_digests(settings, archive, backend, names=["samsun-haftalik"], today=MONDAY)

    assert outcomes[0].status == "sent"
    assert smtp_server.handler.attempts == 3
    assert len(smtp_server.handler.received) == 1
    [record] = MailLedger(archive.engine).history("samsun-haftalik")
    assert record.status == "sent"


def test_a_failed_send_is_recorded_and_tried_again_next_run(
    settings: Settings,
    archive: Archive,
    backend: SearchBackend,
    smtp_server: SMTPServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    smtp_server.handler.refuse_with = "554 5.7.1 Reddedildi"

    failed = send_digests(settings, archive, backend, names=["samsun-haftalik"], today=MONDAY)

    assert failed[0].status == "failed"
    assert "554" in failed[0].detail
    assert smtp_server.handler.attempts == 1  # a permanent refusal is not retried at once
    assert "not sent" in caplog.text
    [record] = MailLedger(archive.engine).history("samsun-haftalik")
    assert (record.status, record.attempts) == ("failed", 1)

    smtp_server.handler.refuse_with = ""
    retried = send_digests(settings, archive, backend, names=["samsun-haftalik"], today=MONDAY)

    assert retried[0].status == "sent"
    assert len(smtp_server.handler.received) == 1
    [record] = MailLedger(archive.engine).history("samsun-haftalik")
    assert (record.status, record.attempts) == ("sent", 2)


def test_an_unreachable_server_fails_with_a_clear_reason(
    data_dir: Path, archive: Archive, backend: SearchBackend
) -> None:
    from tests.digest.conftest import free_port

    settings = make_settings(data_dir, free_port(), retries=1)

    outcomes = send_digests(settings, archive, backend, names=["samsun-haftalik"], today=MONDAY)

    assert outcomes[0].status == "failed"
    assert "tried 2 time(s)" in outcomes[0].detail
    assert "check [smtp] host, port and security" in outcomes[0].detail


def test_dry_run_writes_eml_and_html_and_records_nothing(
    settings: Settings,
    archive: Archive,
    backend: SearchBackend,
    smtp_server: SMTPServer,
    tmp_path: Path,
) -> None:
    out = tmp_path / "outbox"

    outcomes = send_digests(
        settings, archive, backend, names=["samsun-haftalik"], dry_run_dir=out, today=MONDAY
    )

    assert outcomes[0].status == "written"
    eml, html = outcomes[0].files
    assert eml.name == "samsun-haftalik_2025-11-03_2025-11-09.eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["Subject"] == "Kupür haftalık özet: Samsun sosyal hizmetler (3–9 Kasım 2025)"
    page = html.read_text(encoding="utf-8")
    assert 'src="data:image/png;base64,' in page  # opens in a browser with its chart
    assert f'href="{STORY_URLS[2]}"' in page
    assert smtp_server.handler.received == []
    assert MailLedger(archive.engine).history() == []


def test_unknown_subscription_is_a_config_error(
    settings: Settings, archive: Archive, backend: SearchBackend
) -> None:
    with pytest.raises(ConfigError, match="no subscription named nope"):
        send_digests(settings, archive, backend, names=["nope"], today=MONDAY)


def test_sample_digest_covers_the_busiest_week(
    settings: Settings, backend: SearchBackend, tmp_path: Path
) -> None:
    files = write_sample_digest(settings, backend, tmp_path / "sample")

    assert [f.suffix for f in files] == [".eml", ".html"]
    message = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    # The example subscription's first search is il:Samsun: its busiest week ends on 7 November.
    assert "1–7 Kasım 2025" in message["Subject"]
    page = unescape(files[1].read_text("utf-8"))
    assert "Bafra'da Aile Destek Programı Başvuruları Başladı" in page
