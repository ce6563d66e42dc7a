"""Which jobs the configuration asks for: one crawl per enabled source at its interval, enrichment
and indexing, the weekly and daily digests, and the alert checks.

Ids are stable (``crawl:<source>``, ``pipeline``, ``digest:weekly``, ``digest:daily``, ``alerts``)
so a restarted scheduler replaces its stored jobs instead of adding copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from kupur.app.config import Settings
from kupur.core.errors import ConfigError

__all__ = ["JobSpec", "planned_jobs"]


@dataclass(frozen=True)
class JobSpec:
    id: str
    func: str
    trigger: BaseTrigger
    kwargs: dict[str, Any]
    description: str
    #: Run as soon as the scheduler first starts (a new crawl job), not one interval later.
    run_at_start: bool = False


def _zone(settings: Settings) -> ZoneInfo:
    try:
        return ZoneInfo(settings.scheduler.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"scheduler.timezone: unknown time zone {settings.scheduler.timezone!r}"
        ) from exc


def _cron(expression: str, setting: str, zone: ZoneInfo) -> CronTrigger:
    try:
        return CronTrigger.from_crontab(expression, timezone=zone)
    except ValueError as exc:
        raise ConfigError(
            f"scheduler.{setting}: {expression!r} is not a crontab expression "
            f'(minute hour day month weekday, e.g. "0 8 * * mon"): {exc}'
        ) from exc


def planned_jobs(
    settings: Settings, config_file: str | None = None, data_dir: str | None = None
) -> list[JobSpec]:
    """The jobs for this configuration and sources file (only enabled sources are crawled)."""
    from kupur.crawlers.sources import load_sources

    zone = _zone(settings)
    plain = {"config_file": config_file, "data_dir": data_dir}
    scheduler = settings.scheduler
    specs = [
        JobSpec(
            id=f"crawl:{source.name}",
            func="kupur.scheduler.jobs:crawl_source",
            trigger=IntervalTrigger(minutes=source.interval_minutes, timezone=zone),
            kwargs={"source": source.name, **plain},
            description=f"crawl {source.name} every {source.interval_minutes} min, then "
            "enrich and index",
            run_at_start=True,
        )
        for source in load_sources(settings.sources_path)
        if source.enabled
    ]
    specs += [
        JobSpec(
            id="pipeline",
            func="kupur.scheduler.jobs:run_pipeline",
            trigger=IntervalTrigger(
                minutes=scheduler.default_crawl_interval_minutes, timezone=zone
            ),
            kwargs=plain,
            description="enrich and index anything pending (imports, failed runs) every "
            f"{scheduler.default_crawl_interval_minutes} min",
        ),
        JobSpec(
            id="digest:weekly",
            func="kupur.scheduler.jobs:send_digests",
            trigger=_cron(scheduler.digest_cron, "digest_cron", zone),
            kwargs={"frequency": "weekly", **plain},
            description=f"weekly digests ({scheduler.digest_cron}, {scheduler.timezone})",
        ),
        JobSpec(
            id="digest:daily",
            func="kupur.scheduler.jobs:send_digests",
            trigger=_cron(scheduler.daily_digest_cron, "daily_digest_cron", zone),
            kwargs={"frequency": "daily", **plain},
            description=f"daily digests ({scheduler.daily_digest_cron}, {scheduler.timezone})",
        ),
        JobSpec(
            id="alerts",
            func="kupur.scheduler.jobs:check_alerts",
            trigger=IntervalTrigger(minutes=scheduler.alerts_interval_minutes, timezone=zone),
            kwargs=plain,
            description=f"check alerts every {scheduler.alerts_interval_minutes} min",
        ),
    ]
    return specs
