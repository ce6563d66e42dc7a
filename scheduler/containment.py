"""Running a job's work in a child process with a time limit, so nothing it does can take the
scheduler down: a crash (an exception, a segfault, running out of memory) ends only the child, and a
hang ends when the limit is reached and the child's whole process group (a Scrapy grandchild too) is
stopped — politely first (SIGTERM, so a crawl keeps what it fetched), then with SIGKILL.

The child is ``python -m kupur.scheduler.worker``; it reads ``{"target": "module:function", "kwargs":
{...}}`` on stdin and writes one JSON line with the result (or the error's message) on stdout.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
from typing import Any

from kupur.core.errors import JobError

__all__ = ["allow_starts", "run_contained", "stop_all"]

log = logging.getLogger(__name__)

#: Seconds a child gets between SIGTERM and SIGKILL.
STOP_GRACE = 10.0

_running: set[subprocess.Popen[str]] = set()
_running_lock = threading.Lock()
_stopping = threading.Event()


def run_contained(
    target: str, kwargs: dict[str, Any], *, time_limit: float, name: str
) -> dict[str, Any]:
    """Run ``target(**kwargs)`` in a child process; its JSON-ready result, or JobError."""
    if _stopping.is_set():
        raise JobError(f"job {name} not started: the scheduler is shutting down")
    child = subprocess.Popen(
        # The child imports from the parent's own path (where an embedding application's job
        # targets live); every Kupür module is under ``kupur``, so no folder shadows it.
        [sys.executable, "-m", "kupur.scheduler.worker"],
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p)),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,  # its own process group, so a stop reaches grandchildren too
    )
    with _running_lock:
        _running.add(child)
    request = json.dumps({"target": target, "kwargs": kwargs})
    try:
        try:
            output, _ = child.communicate(request, timeout=time_limit)
        except subprocess.TimeoutExpired:
            log.error("job %s overran its time limit of %.0f s; stopping it", name, time_limit)
            _stop(child)
            child.communicate()
            raise JobError(
                f"job {name} overran its time limit of {time_limit:.0f} s and was stopped"
            ) from None
    finally:
        with _running_lock:
            _running.discard(child)
    return _result(name, child.returncode, output)


def allow_starts() -> None:
    """Let jobs start children again (a scheduler starting in a process where one stopped)."""
    _stopping.clear()


def stop_all() -> None:
    """Stop every running child (scheduler shutdown); jobs not yet started will not start."""
    _stopping.set()
    with _running_lock:
        children = list(_running)
    for child in children:
        _signal(child, signal.SIGTERM)


def _stop(child: subprocess.Popen[str]) -> None:
    _signal(child, signal.SIGTERM)
    try:
        child.wait(STOP_GRACE)
    except subprocess.TimeoutExpired:
        _signal(child, signal.SIGKILL)
        child.wait()


def _signal(child: subprocess.Popen[str], signum: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signum)


def _result(name: str, returncode: int, output: str) -> dict[str, Any]:
    lines = [line for line in output.splitlines() if line.strip()]
    answer: dict[str, Any] = {}
    if lines:
        try:
            answer = json.loads(lines[-1])
        except ValueError:
            answer = {}
    if returncode == 0 and answer.get("ok"):
        result: dict[str, Any] = answer.get("result") or {}
        return result
    if answer.get("error"):
        raise JobError(f"job {name} failed: {answer['error']}")
    if returncode < 0:
        signame = signal.Signals(-returncode).name
        if _stopping.is_set():
            raise JobError(f"job {name} was stopped by the scheduler's shutdown ({signame})")
        raise JobError(f"job {name} crashed: its process ended by {signame}")
    raise JobError(
        f"job {name} crashed: its process exited with status {returncode} "
        "(the scheduler's log has its traceback)"
    )
