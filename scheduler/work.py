"""What each scheduled job does, run inside a contained child process (kupur.scheduler.containment).

Each function takes plain arguments (the config file and data directory the scheduler was started
with), builds what it needs, and returns a JSON-ready summary. A Kupür error is the job's failure.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from kupur.app.application import Kupur
from kupur.app.config import Settings, load_settings
from kupur.core.errors import JobError

__all__ = ["alerts", "crawl_source", "digests", "pipeline"]


def _settings(config_file: str | None, data_dir: str | None) -> Settings:
    return load_settings(config_file, data_dir=data_dir)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def crawl_source(source: str, config_file: str | None, data_dir: str | None) -> Any:
    """Crawl one source, stopping it at ``[scheduler] crawl_time_limit`` (what it fetched is kept)."""
    from kupur.app.crawling import run_crawl

    settings = _settings(config_file, data_dir)
    summary = run_crawl(
        settings,
        names=[source],
        time_limit=settings.scheduler.crawl_time_limit,
        show_progress=False,
    )
    return _plain(summary)


def pipeline(config_file: str | None, data_dir: str | None) -> dict[str, int]:
    """Enrich what is pending in the archive, then index what is enriched and not yet indexed."""
    from kupur.app.pipeline import enrich_pending, index_pending

    with Kupur.open(config_file, data_dir) as kupur:
        enriched = enrich_pending(kupur.settings, kupur.archive)
        indexed = index_pending(kupur.archive, kupur.backend)
    return {"enriched": enriched.enriched, "indexed": indexed.indexed}


def digests(frequency: str, config_file: str | None, data_dir: str | None) -> dict[str, Any]:
    """Send the due digests of subscriptions with this frequency; fails if any could not go out."""
    from kupur.digest import send_digests

    with Kupur.open(config_file, data_dir) as kupur:
        outcomes = send_digests(kupur.settings, kupur.archive, kupur.backend, frequency=frequency)
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        raise JobError("; ".join(f"digest {o.subscription}: {o.detail}" for o in failed))
    return {o.subscription: o.status for o in outcomes}


def alerts(config_file: str | None, data_dir: str | None) -> dict[str, Any]:
    """Check every saved search that asks for alerts; fails if an alert could not be sent."""
    from kupur.digest import check_alerts

    with Kupur.open(config_file, data_dir) as kupur:
        outcomes = check_alerts(kupur.settings, kupur.archive, kupur.backend)
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        raise JobError("; ".join(f"{o.kind} alert {o.search}: {o.detail}" for o in failed))
    return {"alerts": [f"{o.kind} {o.subscription}/{o.search}: {o.status}" for o in outcomes]}
