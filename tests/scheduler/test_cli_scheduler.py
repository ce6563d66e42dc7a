"""``kupur scheduler start|jobs|run`` as real processes: a second scheduler is refused, SIGTERM stops
one cleanly, a killed one leaves no stuck lock, and one job can be run by hand."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.digest.conftest import RecordingHandler, free_port

SOURCES = """
sources:
  - name: eski-site
    kind: feed
    start_urls: ["http://127.0.0.1:9/rss"]
    allowed_domains: ["127.0.0.1"]
    enabled: false
"""

SUBSCRIPTIONS = """
subscriptions:
  - name: samsun
    recipient: "Ayşe Yıldırım <ayse@example.gov.tr>"
    searches:
      - {name: Samsun, query: "il:Samsun", alerts: true}
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    sources = tmp_path / "sources.yaml"
    sources.write_text(SOURCES, encoding="utf-8")
    subscriptions = tmp_path / "subscriptions.yaml"
    subscriptions.write_text(SUBSCRIPTIONS, encoding="utf-8")
    return {
        **os.environ,
        "KUPUR_DATA_DIR": str(tmp_path / "data"),
        "KUPUR_SOURCES_FILE": str(sources),
        "KUPUR_SUBSCRIPTIONS_FILE": str(subscriptions),
    }


class Running:
    """A ``kupur scheduler start`` process whose stderr lines are collected as they come."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kupur", "scheduler", "start"],
            env=env,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)

    def wait_for(self, text: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not any(text in line for line in self.seen):
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no {text!r} in: {''.join(self.seen)}"
            try:
                self.seen.append(self.lines.get(timeout=remaining))
            except queue.Empty:
                continue


@pytest.fixture
def scheduler(env: dict[str, str]) -> Iterator[Running]:
    running = Running(env)
    try:
        running.wait_for("Scheduler started")
        yield running
    finally:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait()


def _kupur(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kupur", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_second_scheduler_refused_then_sigterm_stops_cleanly(
    env: dict[str, str], scheduler: Running
) -> None:
    second = _kupur(env, "scheduler", "start")

    assert second.returncode == 1
    assert "another Kupür scheduler is already running on this job store" in second.stderr
    assert f"pid {scheduler.process.pid}" in second.stderr

    listed = _kupur(env, "scheduler", "jobs", "--json")
    assert listed.returncode == 0, listed.stderr
    jobs = {job["id"]: job for job in json.loads(listed.stdout)}
    assert sorted(jobs) == ["alerts", "digest:daily", "digest:weekly", "pipeline"]
    assert all(job["stored"] and job["next_run_time"] for job in jobs.values())

    scheduler.process.send_signal(signal.SIGTERM)
    assert scheduler.process.wait(60) == 0
    scheduler.wait_for("Scheduler stopped.")
    # Its lock went with it: the next one starts.
    after = Running(env)
    try:
        after.wait_for("Scheduler started")
    finally:
        after.process.send_signal(signal.SIGINT)
        assert after.process.wait(60) == 0


def test_a_killed_scheduler_leaves_no_stuck_lock(env: dict[str, str], scheduler: Running) -> None:
    scheduler.process.send_signal(signal.SIGKILL)
    scheduler.process.wait()

    after = Running(env)
    try:
        after.wait_for("Scheduler started")
    finally:
        after.process.send_signal(signal.SIGTERM)
        assert after.process.wait(60) == 0


def test_jobs_before_the_first_start_and_running_one_by_hand(env: dict[str, str]) -> None:
    listed = _kupur(env, "scheduler", "jobs")
    assert listed.returncode == 0, listed.stderr
    assert "digest:weekly" in listed.stdout
    assert "has not run yet" in listed.stderr

    ran = _kupur(env, "scheduler", "run", "alerts")
    assert ran.returncode == 0, ran.stderr
    assert "baseline samsun/Samsun: recorded" in ran.stdout

    unknown = _kupur(env, "scheduler", "run", "yok")
    assert unknown.returncode == 1
    assert "no job 'yok'" in unknown.stderr


def test_the_weekly_digest_job_mails_through_the_configured_server(env: dict[str, str]) -> None:
    handler = RecordingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        env = {**env, "KUPUR_SMTP_HOST": "127.0.0.1", "KUPUR_SMTP_PORT": str(port)}
        first = _kupur(env, "scheduler", "run", "digest:weekly")
        again = _kupur(env, "scheduler", "run", "digest:weekly")
    finally:
        controller.stop()

    assert first.returncode == 0, first.stderr
    assert '"samsun": "sent"' in first.stdout
    assert '"samsun": "skipped"' in again.stdout
    [received] = handler.received
    assert received.rcpt_tos == ["ayse@example.gov.tr"]
    assert str(received.message["Subject"]).startswith("Kupür haftalık özet: samsun (")
