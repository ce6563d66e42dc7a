"""One scheduler per job store: a lock held while a scheduler runs, gone when its process is.

Two schedulers on one job store would both run every job. The lock is one the operating system or
the database drops by itself when the holder dies, so a crash (even ``kill -9``) never leaves a
stale lock behind:

* SQLite: an exclusive ``flock`` on ``<database>.scheduler.lock`` beside the database file. The
  kernel releases it when the file is closed, which happens when the process ends in any way. The
  file also holds the holder's pid, host and start time, for the message a second one prints.
* PostgreSQL: a session-level advisory lock (``pg_try_advisory_lock``) held on a connection kept
  open for the scheduler's life; the server releases it when that connection closes or drops.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import zlib
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from kupur.core.errors import SchedulerError

__all__ = ["SchedulerLock"]

_ADVISORY_KEY = zlib.crc32(b"kupur-scheduler")


class SchedulerLock:
    """``with SchedulerLock(engine):`` — raises SchedulerError if another scheduler holds it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._file: IO[str] | None = None
        self._connection: Connection | None = None

    @property
    def lock_path(self) -> Path | None:
        """The lock file for a file-backed SQLite store; None for a server database."""
        if self.engine.dialect.name != "sqlite":
            return None
        database = self.engine.url.database
        if not database or database == ":memory:":
            raise SchedulerError(
                "the scheduler keeps its jobs in the archive's database, which must be a file "
                "(or PostgreSQL), not an in-memory SQLite database"
            )
        return (
            Path(database).expanduser().resolve().with_name(Path(database).name + ".scheduler.lock")
        )

    def acquire(self) -> None:
        dialect = self.engine.dialect.name
        if dialect == "sqlite":
            self._acquire_file()
        elif dialect == "postgresql":
            self._acquire_advisory()
        else:
            raise SchedulerError(
                f"the scheduler supports a SQLite or PostgreSQL archive, not {dialect}"
            )

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None
        if self._connection is not None:
            try:
                self._connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": _ADVISORY_KEY}
                )
            finally:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> SchedulerLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()

    def _acquire_file(self) -> None:
        path = self.lock_path
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = _holder(handle.read())
            handle.close()
            raise SchedulerError(
                f"another Kupür scheduler is already running on this job store{holder}; "
                f"only one may run per database (lock file {path}). Stop it first; "
                "`kupur scheduler jobs` shows its jobs."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "started": datetime.now().astimezone().isoformat(timespec="seconds"),
                }
            )
        )
        handle.flush()
        self._file = handle

    def _acquire_advisory(self) -> None:
        try:
            connection = self.engine.connect()
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": _ADVISORY_KEY}
            ).scalar()
            connection.commit()
        except SQLAlchemyError as exc:
            raise SchedulerError(f"cannot take the scheduler lock in the database: {exc}") from exc
        if not got:
            connection.close()
            raise SchedulerError(
                "another Kupür scheduler is already running on this job store (it holds the "
                "database's scheduler lock); only one may run per database. Stop it first; "
                "`kupur scheduler jobs` shows its jobs."
            )
        self._connection = connection


def _holder(content: str) -> str:
    try:
        info: Any = json.loads(content)
        return f" (pid {info['pid']} on {info['host']}, since {info['started']})"
    except (ValueError, KeyError, TypeError):
        return ""
