"""The functions the scheduler's job store names (``"kupur.scheduler.jobs:crawl_source"`` ...).

They run in the scheduler's worker threads and take only plain, picklable arguments; each hands
its work to a contained child process (kupur.scheduler.containment) with a time limit, so a crash or a
hang fails that one run and never the scheduler. A crawl is followed by enrichment and indexing;
those two never run twice at once in one scheduler (the embedded index has one writer).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from kupur.app.config import load_settings
from kupur.core.errors import JobError
from kupur.scheduler.containment import run_contained

__all__ = ["check_alerts", "crawl_source", "run_pipeline", "send_digests"]

log = logging.getLogger(__name__)

#: Seconds a crawl's process may run past its own time limit before it is killed: the crawl
#: stops itself at the limit and keeps what it fetched; this is the backstop.
CRAWL_GRACE = 120.0

_pipeline_lock = threading.Lock()


def crawl_source(source: str, config_file: str | None = None, data_dir: str | None = None) -> Any:
    """Crawl one source, then enrich and index what it brought (even when the crawl failed)."""
    settings = load_settings(config_file, data_dir=data_dir)
    kwargs = {"config_file": config_file, "data_dir": data_dir}
    try:
        summary = run_contained(
            "kupur.scheduler.work:crawl_source",
            {"source": source, **kwargs},
            time_limit=settings.scheduler.crawl_time_limit + CRAWL_GRACE,
            name=f"crawl:{source}",
        )
    except JobError:
        run_pipeline(config_file, data_dir)  # what the crawl stored before it failed is kept
        raise
    log.info("crawl of %s finished: %s", source, summary)
    run_pipeline(config_file, data_dir)
    return summary


def run_pipeline(config_file: str | None = None, data_dir: str | None = None) -> Any:
    """Enrich and index what is pending in the archive."""
    settings = load_settings(config_file, data_dir=data_dir)
    with _pipeline_lock:
        result = run_contained(
            "kupur.scheduler.work:pipeline",
            {"config_file": config_file, "data_dir": data_dir},
            time_limit=settings.scheduler.job_time_limit,
            name="pipeline",
        )
    log.info("enrichment and indexing finished: %s", result)
    return result


def send_digests(
    frequency: str, config_file: str | None = None, data_dir: str | None = None
) -> Any:
    """Send the digests of subscriptions with this frequency ("weekly" or "daily")."""
    settings = load_settings(config_file, data_dir=data_dir)
    result = run_contained(
        "kupur.scheduler.work:digests",
        {"frequency": frequency, "config_file": config_file, "data_dir": data_dir},
        time_limit=settings.scheduler.job_time_limit,
        name=f"digest:{frequency}",
    )
    log.info("%s digests: %s", frequency, result)
    return result


def check_alerts(config_file: str | None = None, data_dir: str | None = None) -> Any:
    """Check the saved searches that ask for alerts."""
    settings = load_settings(config_file, data_dir=data_dir)
    result = run_contained(
        "kupur.scheduler.work:alerts",
        {"config_file": config_file, "data_dir": data_dir},
        time_limit=settings.scheduler.job_time_limit,
        name="alerts",
    )
    log.info("alerts: %s", result)
    return result
