"""The scheduler with real APScheduler and its SQLite job store: runs missed while it was down are
coalesced into one, a job never runs twice at once, a failing or hanging job leaves the scheduler
running, the configured jobs are planned and kept in step, and it starts and stops cleanly."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MAX_INSTANCES
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine

from kupur.app.archive import Archive
from kupur.app.config import Settings, load_settings
from kupur.core.errors import SchedulerError
from kupur.scheduler import (
    build_scheduler,
    list_jobs,
    planned_jobs,
    run_job_now,
    run_scheduler,
    stop_scheduler,
    sync_jobs,
)
from kupur.scheduler.lock import SchedulerLock
from kupur.scheduler.plan import JobSpec

HERE = __name__
SOURCES = """
sources:
  - name: samsun-il
    kind: listing
    start_urls: ["http://127.0.0.1:9/haberler/"]
    article_pattern: "/haberler/[^/]+/$"
    allowed_domains: ["127.0.0.1"]
    interval_minutes: 30
  - name: karadeniz-gazete
    kind: feed
    start_urls: ["http://127.0.0.1:9/rss"]
    allowed_domains: ["127.0.0.1"]
  - name: eski-site
    kind: listing
    start_urls: ["http://127.0.0.1:9/"]
    article_pattern: "/haber/"
    allowed_domains: ["127.0.0.1"]
    enabled: false
"""

# -- job functions the store names by text reference (they run in the scheduler's threads) --------

_runs: list[tuple[str, float]] = []
_release = threading.Event()


def record(label: str) -> None:
    _runs.append((label, time.monotonic()))


def block_until_released() -> None:
    _runs.append(("blocked", time.monotonic()))
    _release.wait(30)


def fail() -> None:
    raise RuntimeError("bir hata")


@pytest.fixture(autouse=True)
def _fresh_state() -> Iterator[None]:
    _runs.clear()
    _release.clear()
    yield
    _release.set()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    sources = tmp_path / "sources.yaml"
    sources.write_text(SOURCES, encoding="utf-8")
    return load_settings(None, data_dir=str(tmp_path / "data"), sources_file=str(sources))


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    archive = Archive(settings.archive_url)
    yield archive.engine
    archive.close()


def _wait_for(condition: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def _events(scheduler: BackgroundScheduler, mask: int) -> list[Any]:
    seen: list[Any] = []
    scheduler.add_listener(seen.append, mask)
    return seen


def test_runs_missed_while_down_are_coalesced_into_one(settings: Settings, engine: Engine) -> None:
    # A job every minute whose last run was ten minutes ago: the scheduler was down for ten runs.
    down = build_scheduler(settings, engine)
    down.start(paused=True)
    ten_minutes_ago = datetime.now(UTC) - timedelta(minutes=10)
    down.add_job(
        f"{HERE}:record",
        trigger=IntervalTrigger(minutes=1, start_date=ten_minutes_ago),
        id="every-minute",
        kwargs={"label": "late"},
        next_run_time=ten_minutes_ago,
        replace_existing=True,
    )
    stop_scheduler(down)  # (a plain shutdown would advance the due job: see stop_scheduler)

    back = build_scheduler(settings, engine)
    executed = _events(back, EVENT_JOB_EXECUTED)
    back.start()
    try:
        _wait_for(lambda: len(executed) == 1)
        job = back.get_job("every-minute")
        assert job is not None
        next_run = job.next_run_time
    finally:
        back.shutdown()

    assert [label for label, _ in _runs] == ["late"]  # once, not ten times, and not dropped
    assert next_run > datetime.now(UTC)


def test_a_job_still_running_is_not_started_again(settings: Settings, engine: Engine) -> None:
    scheduler = build_scheduler(settings, engine)
    skipped = _events(scheduler, EVENT_JOB_MAX_INSTANCES)
    scheduler.start()
    try:
        job = scheduler.add_job(
            f"{HERE}:block_until_released",
            trigger=IntervalTrigger(hours=1),
            id="slow",
            next_run_time=datetime.now(UTC),
            replace_existing=True,
        )
        _wait_for(lambda: len(_runs) == 1)
        job.modify(next_run_time=datetime.now(UTC))  # due again while the first run goes on
        _wait_for(lambda: len(skipped) == 1)
    finally:
        _release.set()
        scheduler.shutdown()

    assert [label for label, _ in _runs] == ["blocked"]


def test_a_failing_job_does_not_stop_the_others(settings: Settings, engine: Engine) -> None:
    scheduler = build_scheduler(settings, engine)
    errors = _events(scheduler, EVENT_JOB_ERROR)
    scheduler.start()
    try:
        now = datetime.now(UTC)
        scheduler.add_job(
            f"{HERE}:fail", trigger=IntervalTrigger(hours=1), id="bad", next_run_time=now
        )
        scheduler.add_job(
            "kupur.scheduler.containment:run_contained",
            trigger=IntervalTrigger(hours=1),
            id="hangs",
            kwargs={
                "target": "tests.scheduler.targets:hang",
                "kwargs": {"pid_file": str(Path(settings.data_dir) / "pids")},
                "time_limit": 1,
                "name": "hangs",
            },
            next_run_time=now,
        )
        _wait_for(lambda: len(errors) == 2)
        scheduler.add_job(
            f"{HERE}:record",
            trigger=IntervalTrigger(hours=1),
            id="good",
            kwargs={"label": "after"},
            next_run_time=datetime.now(UTC),
        )
        _wait_for(lambda: len(_runs) == 1)
        assert scheduler.running
    finally:
        scheduler.shutdown()

    messages = sorted(str(e.exception) for e in errors)
    assert messages == ["bir hata", "job hangs overran its time limit of 1 s and was stopped"]


def test_planned_jobs_follow_the_configuration(settings: Settings) -> None:
    specs = {spec.id: spec for spec in planned_jobs(settings, "/etc/kupur.toml", "/veri")}

    assert sorted(specs) == [
        "alerts",
        "crawl:karadeniz-gazete",
        "crawl:samsun-il",
        "digest:daily",
        "digest:weekly",
        "pipeline",
    ]  # the disabled source is not crawled
    crawl = specs["crawl:samsun-il"]
    assert crawl.func == "kupur.scheduler.jobs:crawl_source"
    assert crawl.kwargs == {
        "source": "samsun-il",
        "config_file": "/etc/kupur.toml",
        "data_dir": "/veri",
    }
    assert isinstance(crawl.trigger, IntervalTrigger)
    assert crawl.trigger.interval == timedelta(minutes=30)
    assert specs["crawl:karadeniz-gazete"].trigger.interval == timedelta(hours=1)  # type: ignore[attr-defined]
    # The weekly digest: Monday 08:00 in Istanbul.
    sunday = datetime(2025, 11, 9, 12, 0, tzinfo=UTC)
    fire = specs["digest:weekly"].trigger.get_next_fire_time(None, sunday)
    assert fire is not None
    assert fire.isoformat() == "2025-11-10T08:00:00+03:00"


def test_a_bad_cron_expression_is_a_config_error(tmp_path: Path) -> None:
    from kupur.core.errors import ConfigError

    settings = load_settings(
        None, data_dir=str(tmp_path), scheduler={"digest_cron": "pazartesi sabah"}
    )
    with pytest.raises(ConfigError, match=r"scheduler.digest_cron: 'pazartesi sabah' is not a"):
        planned_jobs(settings)


def _spec(job_id: str, minutes: int, label: str) -> JobSpec:
    return JobSpec(
        id=job_id,
        func=f"{HERE}:record",
        trigger=IntervalTrigger(minutes=minutes),
        kwargs={"label": label},
        description=label,
    )


def test_sync_keeps_stored_run_times_replaces_changed_and_removes_unplanned(
    settings: Settings, engine: Engine
) -> None:
    scheduler = build_scheduler(settings, engine)
    scheduler.start(paused=True)
    try:
        sync_jobs(scheduler, [_spec("a", 5, "a"), _spec("b", 5, "b"), _spec("gone", 5, "g")])
        past = datetime.now(UTC) - timedelta(hours=3)
        scheduler.modify_job("a", next_run_time=past)  # as if the scheduler had been down

        sync_jobs(scheduler, [_spec("a", 5, "a"), _spec("b", 10, "b")])

        a, b = scheduler.get_job("a"), scheduler.get_job("b")
        assert a is not None
        assert b is not None
        assert a.next_run_time == past  # kept: the missed run will be seen and run once
        assert b.trigger.interval == timedelta(minutes=10)
        assert b.next_run_time > datetime.now(UTC)
        assert scheduler.get_job("gone") is None
    finally:
        scheduler.shutdown()


def test_start_lists_and_stops_cleanly(tmp_path: Path) -> None:
    # Only a disabled source: nothing is due at start, so the test is about the wiring.
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - name: eski-site" + SOURCES.split("- name: eski-site")[1])
    settings = load_settings(None, data_dir=str(tmp_path / "data"), sources_file=str(sources))
    archive = Archive(settings.archive_url)
    engine = archive.engine
    assert not any(info.stored for info in list_jobs(settings, engine))

    stop = threading.Event()
    started: list[list[str]] = []
    failures: list[BaseException] = []

    def on_started(scheduler: BackgroundScheduler) -> None:
        started.append(sorted(job.id for job in scheduler.get_jobs()))
        with pytest.raises(SchedulerError, match="already running"):
            SchedulerLock(engine).acquire()
        stop.set()

    def run() -> None:
        try:
            run_scheduler(settings, engine, on_started=on_started, stop=stop)
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)

    assert not thread.is_alive()
    assert failures == []
    assert started == [["alerts", "digest:daily", "digest:weekly", "pipeline"]]
    stored = list_jobs(settings, engine)
    assert all(info.stored and info.next_run_time is not None for info in stored)
    with SchedulerLock(engine):
        pass  # released on the way out
    archive.close()


def test_running_an_unknown_job_names_the_known_ones(settings: Settings) -> None:
    with pytest.raises(SchedulerError, match="no job 'yok'; the jobs are: crawl:samsun-il"):
        run_job_now(settings, "yok")


def test_jobs_stored_by_an_older_kupur_keep_their_run_times(
    settings: Settings, engine: Engine
) -> None:
    """A job store written before every module moved under ``kupur`` names its functions
    ``scheduler.jobs:…``; the scheduler renames them instead of letting APScheduler drop them."""
    import pickle

    from sqlalchemy import text

    from kupur.scheduler.runner import JOBSTORE_TABLE, rename_legacy_targets

    scheduler = build_scheduler(settings, engine)
    scheduler.start(paused=True)
    past = datetime.now(UTC) - timedelta(hours=3)
    try:
        scheduler.add_job(
            "kupur.scheduler.jobs:run_pipeline", IntervalTrigger(minutes=5), id="pipeline"
        )
        scheduler.modify_job("pipeline", next_run_time=past)
    finally:
        stop_scheduler(scheduler)
    with engine.begin() as conn:  # what the older Kupür wrote
        (blob,) = conn.execute(text(f"SELECT job_state FROM {JOBSTORE_TABLE}")).one()
        state = pickle.loads(blob)
        state["func"] = "scheduler.jobs:run_pipeline"
        conn.execute(
            text(f"UPDATE {JOBSTORE_TABLE} SET job_state = :s"), {"s": pickle.dumps(state)}
        )

    assert rename_legacy_targets(engine) == 1
    assert rename_legacy_targets(engine) == 0

    restarted = build_scheduler(settings, engine)
    restarted.start(paused=True)
    try:
        job = restarted.get_job("pipeline")
        assert job is not None
        assert job.func_ref == "kupur.scheduler.jobs:run_pipeline"
        assert job.next_run_time == past
    finally:
        restarted.shutdown()
