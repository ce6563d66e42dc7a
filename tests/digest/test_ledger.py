"""The send record: one claim per period, failed sends claimable again, a dead sender's claim
taken over after an hour; the same on SQLite and, when KUPUR_TEST_DATABASE_URL is set, PostgreSQL."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text, update

from kupur.digest import MailLedger, Period
from kupur.digest.ledger import digest_sends

PG_URL = os.environ.get("KUPUR_TEST_DATABASE_URL", "")
WEEK = Period(date(2025, 11, 3), date(2025, 11, 10))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        sqlite = create_engine(f"sqlite:///{tmp_path / 'archive.sqlite3'}")
        yield sqlite
        sqlite.dispose()
        return
    if not PG_URL:
        pytest.skip("KUPUR_TEST_DATABASE_URL is not set: PostgreSQL ledger tests skipped")
    schema = f"kupur_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in PG_URL else "?"
    postgres = create_engine(f"{PG_URL}{separator}options=-csearch_path%3D{schema}")
    yield postgres
    postgres.dispose()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def test_a_sent_period_cannot_be_claimed_again(engine: Engine) -> None:
    ledger = MailLedger(engine)

    assert ledger.claim("samsun", WEEK)
    assert not ledger.claim("samsun", WEEK)  # being sent
    ledger.mark_sent("samsun", WEEK, "<1@kupur>")
    assert not ledger.claim("samsun", WEEK)
    assert ledger.last_sent_end("samsun") == WEEK.end
    assert ledger.claim("ordu", WEEK)  # periods are per subscription


def test_a_failed_period_is_claimed_again_and_counts_attempts(engine: Engine) -> None:
    ledger = MailLedger(engine)
    ledger.claim("samsun", WEEK)
    ledger.mark_failed("samsun", WEEK, "451 sonra deneyin")

    assert ledger.last_sent_end("samsun") is None
    assert ledger.claim("samsun", WEEK)
    [record] = ledger.history("samsun")
    assert (record.status, record.attempts) == ("sending", 2)


def test_a_claim_left_by_a_dead_sender_is_taken_over_after_an_hour(engine: Engine) -> None:
    ledger = MailLedger(engine)
    ledger.claim("samsun", WEEK)
    with engine.begin() as conn:
        conn.execute(update(digest_sends).values(updated_at=datetime.now(UTC) - timedelta(hours=2)))

    assert ledger.claim("samsun", WEEK)


def test_concurrent_claims_let_exactly_one_sender_through(engine: Engine) -> None:
    MailLedger(engine)  # tables first, so the racers only race for the claim
    results: list[bool] = []
    barrier = threading.Barrier(4)

    def claim() -> None:
        ledger = MailLedger(engine)
        barrier.wait()
        results.append(ledger.claim("samsun", WEEK))

    threads = [threading.Thread(target=claim) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(results) == [False, False, False, True]


def test_alert_state_and_seen_articles(engine: Engine) -> None:
    ledger = MailLedger(engine)
    assert ledger.alert_checked_at("samsun", "Samsun") is None

    ledger.mark_seen("samsun", "Samsun", ["a1", "a2"])
    ledger.mark_seen("samsun", "Samsun", ["a2", "a3"])  # a2 again: no duplicate row
    ledger.record_check("samsun", "Samsun", spike_day=date(2025, 11, 12))
    ledger.record_check("samsun", "Samsun")

    assert ledger.seen("samsun", "Samsun", ["a1", "a3", "a4"]) == {"a1", "a3"}
    assert ledger.seen("ordu", "Samsun", ["a1"]) == set()
    assert ledger.last_spike_day("samsun", "Samsun") == date(2025, 11, 12)
    checked = ledger.alert_checked_at("samsun", "Samsun")
    assert checked is not None
    assert datetime.now(UTC) - checked < timedelta(minutes=5)
