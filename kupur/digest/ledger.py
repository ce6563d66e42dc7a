"""The record of what was mailed: digests sent per period, and what each alert has already told.

The tables live in the archive's database, beside the articles, under their own ``MetaData``;
their schema is part of the archive's one migration history (``kupur.app.migrations``).
``digest_sends`` has one row per (subscription, period end): a digest is *claimed* by inserting or
updating that row to ``sending`` before the mail goes out, and set to ``sent`` after the server
accepted it, so a second run for the same period (another process, or the same command again)
finds the row and does not send. A failed send leaves the row ``failed`` and the next run tries
again. A row stuck in ``sending`` for over an hour (the process died mid-send) is taken as failed:
in that rare case the mail may arrive twice rather than never.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    func,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError

from kupur.app.migrations import upgrade_schema
from kupur.digest.periods import Period

__all__ = ["MailLedger", "SendRecord"]

STALE_SENDING = timedelta(hours=1)

metadata = MetaData()

digest_sends = Table(
    "digest_sends",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subscription", String(200), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("message_id", Text),
    Column("error", Text, nullable=False, default=""),
    UniqueConstraint("subscription", "period_end", name="uq_digest_sends_period"),
)

alert_state = Table(
    "alert_state",
    metadata,
    Column("subscription", String(200), primary_key=True),
    Column("search", String(200), primary_key=True),
    Column("checked_at", DateTime(timezone=True), nullable=False),
    Column("last_spike_day", Date),
)

alert_seen = Table(
    "alert_seen",
    metadata,
    Column("subscription", String(200), primary_key=True),
    Column("search", String(200), primary_key=True),
    Column("article_id", String(16), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class SendRecord:
    subscription: str
    period: Period
    status: str
    attempts: int
    updated_at: datetime
    error: str


class MailLedger:
    """Digest and alert bookkeeping on an SQLAlchemy engine (normally ``Archive.engine``).

    Brings the database to the current schema first, as opening the archive does (a no-op when
    the archive was opened on it); raises ArchiveError when that is not possible.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        upgrade_schema(engine)

    # -- digests ------------------------------------------------------------------------------

    def last_sent_end(self, subscription: str) -> date | None:
        query = select(func.max(digest_sends.c.period_end)).where(
            digest_sends.c.subscription == subscription, digest_sends.c.status == "sent"
        )
        with self.engine.connect() as conn:
            value = conn.execute(query).scalar()
        return value if isinstance(value, date) else None

    def claim(self, subscription: str, period: Period) -> bool:
        """Reserve the right to send this period's digest; False if it is sent or being sent."""
        where = and_(
            digest_sends.c.subscription == subscription, digest_sends.c.period_end == period.end
        )
        now = _now()
        try:
            with self.engine.begin() as conn:
                row = conn.execute(select(digest_sends).where(where)).first()
                if row is None:
                    conn.execute(
                        digest_sends.insert().values(
                            subscription=subscription,
                            period_start=period.start,
                            period_end=period.end,
                            status="sending",
                            attempts=1,
                            updated_at=now,
                            error="",
                        )
                    )
                    return True
                stale = row.status == "sending" and now - _aware(row.updated_at) > STALE_SENDING
                if row.status == "sent" or (row.status == "sending" and not stale):
                    return False
                claimed = conn.execute(
                    update(digest_sends)
                    .where(where, digest_sends.c.status == row.status)
                    .values(
                        status="sending",
                        attempts=row.attempts + 1,
                        period_start=period.start,
                        updated_at=now,
                    )
                )
                return claimed.rowcount == 1
        except IntegrityError:
            return False  # another process inserted the same period first
        except OperationalError as exc:
            # SQLite refuses a write at once (no waiting) when another connection wrote since this
            # transaction read: that other connection is claiming the same period.
            if "database is locked" in str(exc.orig):
                return False
            raise

    def mark_sent(self, subscription: str, period: Period, message_id: str) -> None:
        self._finish(subscription, period, status="sent", message_id=message_id, error="")

    def mark_failed(self, subscription: str, period: Period, error: str) -> None:
        self._finish(subscription, period, status="failed", error=error)

    def history(self, subscription: str | None = None) -> list[SendRecord]:
        query = select(digest_sends).order_by(digest_sends.c.period_end, digest_sends.c.id)
        if subscription is not None:
            query = query.where(digest_sends.c.subscription == subscription)
        with self.engine.connect() as conn:
            return [
                SendRecord(
                    row.subscription,
                    Period(row.period_start, row.period_end),
                    row.status,
                    row.attempts,
                    _aware(row.updated_at),
                    row.error,
                )
                for row in conn.execute(query)
            ]

    def _finish(self, subscription: str, period: Period, **values: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(digest_sends)
                .where(
                    digest_sends.c.subscription == subscription,
                    digest_sends.c.period_end == period.end,
                )
                .values(updated_at=_now(), **values)
            )

    # -- alerts -------------------------------------------------------------------------------

    def alert_checked_at(self, subscription: str, search: str) -> datetime | None:
        """When this saved search was last checked; None before its first check."""
        with self.engine.connect() as conn:
            value = conn.execute(
                select(alert_state.c.checked_at).where(
                    alert_state.c.subscription == subscription, alert_state.c.search == search
                )
            ).scalar()
        return _aware(value) if isinstance(value, datetime) else None

    def last_spike_day(self, subscription: str, search: str) -> date | None:
        with self.engine.connect() as conn:
            value = conn.execute(
                select(alert_state.c.last_spike_day).where(
                    alert_state.c.subscription == subscription, alert_state.c.search == search
                )
            ).scalar()
        return value if isinstance(value, date) else None

    def record_check(
        self, subscription: str, search: str, *, spike_day: date | None = None
    ) -> None:
        where = and_(alert_state.c.subscription == subscription, alert_state.c.search == search)
        with self.engine.begin() as conn:
            exists = conn.execute(select(alert_state.c.search).where(where)).first() is not None
            values: dict[str, object] = {"checked_at": _now()}
            if spike_day is not None:
                values["last_spike_day"] = spike_day
            if exists:
                conn.execute(update(alert_state).where(where).values(**values))
            else:
                conn.execute(
                    alert_state.insert().values(subscription=subscription, search=search, **values)
                )

    def seen(self, subscription: str, search: str, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` this saved search has already reported (or taken as its baseline)."""
        wanted = list(ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                found.update(
                    conn.execute(
                        select(alert_seen.c.article_id).where(
                            alert_seen.c.subscription == subscription,
                            alert_seen.c.search == search,
                            alert_seen.c.article_id.in_(wanted[start : start + 500]),
                        )
                    ).scalars()
                )
        return found

    def mark_seen(self, subscription: str, search: str, ids: Iterable[str]) -> None:
        wanted = list(ids)
        fresh = set(wanted) - self.seen(subscription, search, wanted)
        if not fresh:
            return
        now = _now()
        with self.engine.begin() as conn:
            conn.execute(
                alert_seen.insert(),
                [
                    {
                        "subscription": subscription,
                        "search": search,
                        "article_id": i,
                        "seen_at": now,
                    }
                    for i in sorted(fresh)
                ],
            )
