"""Digest periods: whole local days, from the end of the last digest sent up to today.

A period is ``[start, end)`` in days of the configured timezone (Europe/Istanbul by default). A
digest composed on Monday covers up to Sunday night, so two runs on the same day compute the same
period, which the ledger then refuses to send twice. The first digest of a subscription covers one
frequency's length (7 days or 1 day); after a failed or skipped run the next digest simply covers
everything since the last one that was sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kupur.core.errors import ConfigError

__all__ = ["FREQUENCY_DAYS", "Period", "local_today", "next_period"]

FREQUENCY_DAYS = {"daily": 1, "weekly": 7}


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # exclusive

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def length(self) -> int:
        return (self.end - self.start).days

    def previous(self) -> Period:
        """The period of the same length just before this one (what counts are compared with)."""
        return Period(self.start - timedelta(days=self.length), self.start)

    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(self.length)]

    def key(self) -> str:
        return f"{self.start.isoformat()}_{self.last_day.isoformat()}"


def local_today(timezone: str, now: datetime | None = None) -> date:
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"scheduler.timezone: unknown time zone {timezone!r}") from exc
    return (now or datetime.now(zone)).astimezone(zone).date()


def next_period(frequency: str, last_sent_end: date | None, today: date) -> Period | None:
    """The period a digest composed ``today`` covers; None when nothing is left since the last."""
    start = last_sent_end or today - timedelta(days=FREQUENCY_DAYS[frequency])
    if start >= today:
        return None
    return Period(start, today)
