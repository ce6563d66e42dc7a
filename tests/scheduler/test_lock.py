"""One scheduler per job store: a second one is refused with a clear message, and a scheduler that
dies (even by SIGKILL) leaves no stuck lock behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from kupur.core.errors import SchedulerError
from kupur.scheduler.lock import SchedulerLock

HOLD_LOCK = """
import sys, time
from sqlalchemy import create_engine
from kupur.scheduler.lock import SchedulerLock
lock = SchedulerLock(create_engine(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(600)
"""


def test_a_second_lock_on_the_same_store_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    first = SchedulerLock(create_engine(url))
    first.acquire()
    try:
        with pytest.raises(SchedulerError) as refused:
            SchedulerLock(create_engine(url)).acquire()
        message = str(refused.value)
        assert "another Kupür scheduler is already running on this job store" in message
        assert f"pid {os.getpid()}" in message
    finally:
        first.release()
    with SchedulerLock(create_engine(url)):
        pass  # free again once released


def test_the_lock_of_a_killed_scheduler_is_not_stuck(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, url], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(SchedulerError, match=f"pid {holder.pid}"):
            SchedulerLock(create_engine(url)).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with SchedulerLock(create_engine(url)):
        pass


def test_an_in_memory_database_cannot_hold_a_job_store() -> None:
    with pytest.raises(SchedulerError, match="must be a file"):
        SchedulerLock(create_engine("sqlite://")).acquire()


@pytest.mark.postgres
def test_postgres_advisory_lock_is_exclusive_and_freed_when_its_holder_dies() -> None:
    url = os.environ.get("KUPUR_TEST_DATABASE_URL", "")
    if not url:
        pytest.skip("KUPUR_TEST_DATABASE_URL is not set: PostgreSQL lock test skipped")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, url], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(SchedulerError, match="already running"):
            SchedulerLock(create_engine(url)).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # The server ends the dead holder's session (and its lock) once it sees the socket close.
    deadline = time.monotonic() + 20
    while True:
        try:
            with SchedulerLock(create_engine(url)):
                break
        except SchedulerError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
