"""Work for contained child processes in the scheduler tests: each behaves like a job gone wrong
(or right) in one specific way. They run in a real child (``python -m kupur.scheduler.worker``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kupur.core.errors import CrawlError


def succeed(words: list[str]) -> dict[str, object]:
    print("this line goes to stderr, not into the answer")
    return {"joined": " ".join(words), "pid": os.getpid()}


def fail_cleanly() -> None:
    raise CrawlError("kaynak sitesi 503 döndü")


def raise_unexpected() -> None:
    raise ZeroDivisionError("a bug")


def segfault() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def hang(pid_file: str) -> None:
    """Start a grandchild (as Scrapy would be) and hang; both must be stopped at the time limit."""
    grandchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    Path(pid_file).write_text(f"{os.getpid()} {grandchild.pid}", encoding="utf-8")
    time.sleep(600)
