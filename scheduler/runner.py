"""The scheduler itself: APScheduler 3 with its jobs persisted in the archive's database.

* Job store: ``SQLAlchemyJobStore`` on the archive's engine (table ``scheduler_jobs``), so the
  schedule survives restarts and lives wherever the archive does (SQLite or PostgreSQL).
* Every job: ``coalesce=True`` (runs missed while the scheduler was down collapse into one run at
  start), ``max_instances=1`` (a run still going makes the next one skip), and no misfire grace
  limit (a late run is still worth doing: the digest periods and alert state make it correct).
* One scheduler per job store (kupur.scheduler.lock); SIGTERM or SIGINT stops it cleanly: no new runs,
  running children asked to stop, the lock released.
"""

from __future__ import annotations

import logging
import pickle
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import FrameType
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MAX_INSTANCES,
    EVENT_JOB_MISSED,
    JobEvent,
    JobExecutionEvent,
)
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.util import ref_to_obj
from sqlalchemy import Engine, inspect, text

from kupur.app.config import Settings
from kupur.core.errors import SchedulerError
from kupur.scheduler import containment
from kupur.scheduler.lock import SchedulerLock
from kupur.scheduler.plan import JobSpec, planned_jobs

__all__ = [
    "JOBSTORE_TABLE",
    "JobInfo",
    "build_scheduler",
    "list_jobs",
    "rename_legacy_targets",
    "run_job_now",
    "run_scheduler",
    "stop_scheduler",
    "sync_jobs",
]

log = logging.getLogger(__name__)

JOBSTORE_TABLE = "scheduler_jobs"


def build_scheduler(settings: Settings, engine: Engine) -> BackgroundScheduler:
    """A scheduler (not started) with the persistent job store and Kupür's job defaults."""
    return BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=engine, tablename=JOBSTORE_TABLE)},
        executors={"default": ThreadPoolExecutor(settings.scheduler.max_parallel_jobs)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        timezone=ZoneInfo(settings.scheduler.timezone),
    )


#: Where job functions lived before every module moved under ``kupur`` (Kupür up to e5fd887).
_LEGACY_PREFIX, _PREFIX = "scheduler.", "kupur.scheduler."


def rename_legacy_targets(engine: Engine) -> int:
    """Point stored jobs saved by an older Kupür (``scheduler.jobs:crawl_source``) at today's
    module (``kupur.scheduler.jobs:crawl_source``); the number of jobs changed.

    APScheduler drops a stored job whose function it cannot import, and with it the stored next
    run time that lets a restarted scheduler see and coalesce the runs it missed; renaming keeps
    them. The job state is APScheduler's own pickle, written by APScheduler on this machine.
    """
    if not inspect(engine).has_table(JOBSTORE_TABLE):
        return 0
    renamed = 0
    with engine.begin() as conn:
        rows = conn.execute(text(f"SELECT id, job_state FROM {JOBSTORE_TABLE}")).all()
        for job_id, blob in rows:
            state = pickle.loads(blob)
            func = state.get("func")
            if isinstance(func, str) and func.startswith(_LEGACY_PREFIX):
                state["func"] = _PREFIX + func.removeprefix(_LEGACY_PREFIX)
                conn.execute(
                    text(f"UPDATE {JOBSTORE_TABLE} SET job_state = :state WHERE id = :id"),
                    {"state": pickle.dumps(state, pickle.HIGHEST_PROTOCOL), "id": job_id},
                )
                renamed += 1
    if renamed:
        log.info("%d stored job(s) renamed to the kupur.scheduler module", renamed)
    return renamed


def stop_scheduler(scheduler: BackgroundScheduler) -> None:
    """Shut down, waiting for running jobs, without losing a run that is due right now.

    APScheduler 3's scheduler thread takes one last look at the job store after ``shutdown``;
    a job due at that moment cannot be submitted any more, yet its next run time is advanced, so
    that run would be lost. Detaching the store first leaves the stored schedule as it was.
    """
    scheduler.remove_jobstore("default", shutdown=False)
    scheduler.shutdown(wait=True)


def sync_jobs(scheduler: BackgroundScheduler, specs: list[JobSpec]) -> None:
    """Make the stored jobs the planned ones: add new, replace changed, remove the unplanned.

    A stored job whose trigger did not change keeps its stored next run time, so runs missed while
    the scheduler was down are seen (and coalesced into one) instead of being forgotten.
    """
    planned = {spec.id for spec in specs}
    for job in scheduler.get_jobs():
        if job.id not in planned:
            log.info("removing job %s: no longer in the configuration", job.id)
            scheduler.remove_job(job.id)
    now = datetime.now(UTC)
    for spec in specs:
        existing = scheduler.get_job(spec.id)
        options: dict[str, Any] = {}
        if existing is not None and str(existing.trigger) == str(spec.trigger):
            options["next_run_time"] = existing.next_run_time
        elif existing is None and spec.run_at_start:
            options["next_run_time"] = now
        scheduler.add_job(
            spec.func,
            trigger=spec.trigger,
            id=spec.id,
            name=spec.description,
            kwargs=spec.kwargs,
            replace_existing=True,
            **options,
        )


def _log_event(event: JobEvent) -> None:
    if event.code == EVENT_JOB_EXECUTED:
        log.info("job %s finished", event.job_id)
    elif event.code == EVENT_JOB_ERROR and isinstance(event, JobExecutionEvent):
        log.error("job %s failed: %s", event.job_id, event.exception)
    elif event.code == EVENT_JOB_MISSED:
        log.warning("job %s missed its run time", event.job_id)
    elif event.code == EVENT_JOB_MAX_INSTANCES:
        log.warning("job %s is still running; this run is skipped", event.job_id)


def run_scheduler(
    settings: Settings,
    engine: Engine,
    *,
    config_file: str | None = None,
    data_dir: str | None = None,
    on_started: Callable[[BackgroundScheduler], None] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Run until SIGTERM/SIGINT (or ``stop`` is set); raises SchedulerError if one already runs."""
    stop = stop or threading.Event()
    specs = planned_jobs(settings, config_file, data_dir)
    with SchedulerLock(engine):
        rename_legacy_targets(engine)
        scheduler = build_scheduler(settings, engine)
        scheduler.add_listener(
            _log_event,
            EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED | EVENT_JOB_MAX_INSTANCES,
        )
        containment.allow_starts()
        restore = _on_signals(stop)
        try:
            scheduler.start(paused=True)
            sync_jobs(scheduler, specs)
            scheduler.resume()
            if on_started is not None:
                on_started(scheduler)
            while not stop.wait(0.5):
                pass
            log.info("stopping the scheduler: no new runs; asking running jobs to stop")
        finally:
            containment.stop_all()
            if scheduler.running:
                stop_scheduler(scheduler)
            restore()


def _on_signals(stop: threading.Event) -> Callable[[], None]:
    """Set ``stop`` on SIGTERM and SIGINT (main thread only); returns what restores the old ones."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, _frame: FrameType | None) -> None:
        log.info("received %s", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore


@dataclass(frozen=True)
class JobInfo:
    id: str
    description: str
    next_run_time: datetime | None
    #: False for a planned job the scheduler has not stored yet (it was never started with it).
    stored: bool
    planned: bool = True


def list_jobs(
    settings: Settings,
    engine: Engine,
    config_file: str | None = None,
    data_dir: str | None = None,
) -> list[JobInfo]:
    """The planned jobs with their next run times: the stored ones when a scheduler has run,
    otherwise the ones the triggers give (read only; a running scheduler is not disturbed)."""
    stored = _stored_run_times(engine)
    now = datetime.now(UTC)
    infos = []
    for spec in planned_jobs(settings, config_file, data_dir):
        if spec.id in stored:
            next_run = stored[spec.id]
        elif spec.run_at_start:
            next_run = now
        else:
            next_run = spec.trigger.get_next_fire_time(None, now)
        infos.append(JobInfo(spec.id, spec.description, next_run, spec.id in stored))
    planned = {info.id for info in infos}
    for job_id, next_run in stored.items():
        if job_id not in planned:
            infos.append(
                JobInfo(
                    job_id,
                    "no longer configured; removed at the next start",
                    next_run,
                    stored=True,
                    planned=False,
                )
            )
    return infos


def _stored_run_times(engine: Engine) -> dict[str, datetime | None]:
    if not inspect(engine).has_table(JOBSTORE_TABLE):
        return {}
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT id, next_run_time FROM {JOBSTORE_TABLE}"))
        return {
            row.id: datetime.fromtimestamp(row.next_run_time, UTC)
            if row.next_run_time is not None
            else None
            for row in rows
        }


def run_job_now(
    settings: Settings, job_id: str, config_file: str | None = None, data_dir: str | None = None
) -> Any:
    """Run one planned job in the foreground, now, exactly as the scheduler would."""
    specs = {spec.id: spec for spec in planned_jobs(settings, config_file, data_dir)}
    spec = specs.get(job_id)
    if spec is None:
        raise SchedulerError(f"no job {job_id!r}; the jobs are: {', '.join(specs)}")
    containment.allow_starts()
    return ref_to_obj(spec.func)(**spec.kwargs)
