"""A job's work runs in a real child process: its result comes back, and a failure, a crash or a
hang (with a grandchild, as a crawl has) ends as a JobError instead of taking the caller down."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kupur.core.errors import JobError
from kupur.scheduler.containment import run_contained

TARGETS = "tests.scheduler.targets"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A killed child of an exited parent is reaped by init; until then it is a zombie.
    with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
        return stat.read().split()[2] != "Z"


def test_result_of_a_job_comes_back() -> None:
    result = run_contained(
        f"{TARGETS}:succeed", {"words": ["Kupür", "çalışıyor"]}, time_limit=60, name="ok"
    )

    assert result["joined"] == "Kupür çalışıyor"
    assert result["pid"] != os.getpid()


def test_a_kupur_error_is_the_jobs_failure_message() -> None:
    with pytest.raises(JobError, match="job crawl:x failed: kaynak sitesi 503 döndü"):
        run_contained(f"{TARGETS}:fail_cleanly", {}, time_limit=60, name="crawl:x")


def test_an_unexpected_exception_is_a_crash() -> None:
    with pytest.raises(JobError, match=r"job bug crashed: its process exited with status 2"):
        run_contained(f"{TARGETS}:raise_unexpected", {}, time_limit=60, name="bug")


def test_a_segfault_is_a_crash() -> None:
    with pytest.raises(JobError, match="job native crashed: its process ended by SIGSEGV"):
        run_contained(f"{TARGETS}:segfault", {}, time_limit=60, name="native")


def test_a_hang_is_stopped_at_the_time_limit_with_its_grandchild(tmp_path: Path) -> None:
    pid_file = tmp_path / "pids"
    started = time.monotonic()

    with pytest.raises(JobError, match="job crawl:yavas overran its time limit of 2 s"):
        run_contained(
            f"{TARGETS}:hang", {"pid_file": str(pid_file)}, time_limit=2, name="crawl:yavas"
        )

    assert time.monotonic() - started < 60  # not the 600 s the job would have hung for
    child, grandchild = (int(p) for p in pid_file.read_text().split())
    deadline = time.monotonic() + 10
    while (_alive(child) or _alive(grandchild)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)
    assert not _alive(grandchild)
