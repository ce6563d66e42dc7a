"""What each scheduled job does, run inside a contained child process (kupur.scheduler.containment).

Each function takes plain arguments (the config file and data directory the scheduler was started
with), builds what it needs, and returns a JSON-ready summary. A Kupür error is the job's failure.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from kupur.app.archive import Archive
from kupur.app.backends import open_search_backend
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

    settings = _settings(config_file, data_dir)
    archive = Archive(settings.archive_url)
    try:
        enriched = enrich_pending(settings, archive)
        backend = open_search_backend(settings)
        try:
            indexed = index_pending(archive, backend)
        finally:
            backend.close()
    finally:
        archive.close()
    return {"enriched": enriched.enriched, "indexed": indexed.indexed}


def digests(frequency: str, config_file: str | None, data_dir: str | None) -> dict[str, Any]:
    """Send the due digests of subscriptions with this frequency; fails if any could not go out."""
    from kupur.digest import send_digests

    settings = _settings(config_file, data_dir)
    archive = Archive(settings.archive_url)
    backend = open_search_backend(settings)
    try:
        outcomes = send_digests(settings, archive, backend, frequency=frequency)
    finally:
        backend.close()
        archive.close()
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        raise JobError("; ".join(f"digest {o.subscription}: {o.detail}" for o in failed))
    return {o.subscription: o.status for o in outcomes}


def alerts(config_file: str | None, data_dir: str | None) -> dict[str, Any]:
    """Check every saved search that asks for alerts; fails if an alert could not be sent."""
    from kupur.digest import check_alerts

    settings = _settings(config_file, data_dir)
    archive = Archive(settings.archive_url)
    backend = open_search_backend(settings)
    try:
        outcomes = check_alerts(settings, archive, backend)
    finally:
        backend.close()
        archive.close()
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        raise JobError("; ".join(f"{o.kind} alert {o.search}: {o.detail}" for o in failed))
    return {"alerts": [f"{o.kind} {o.subscription}/{o.search}: {o.status}" for o in outcomes]}
