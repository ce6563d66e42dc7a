"""The shell's side of crawling: the archive as the spiders' store, and the crawl runner.

``run_crawl`` validates the sources and the names asked for in this process, then runs the crawl
in a child process (``python -m kupur.crawlers.run``; a Twisted reactor cannot be restarted, and a
crashed crawl must not take the caller down), shows its progress from the JSON events the child
prints, and returns a ``CrawlSummary``. The child's log goes to ``<data_dir>/logs/crawl.log``.

The job file holds no secret: the archive's URL (which may carry a password) reaches the child
through its environment (``KUPUR_DATABASE_URL``), and the child removes the file once read. When the
archive refuses the crawl's writes (a read-only database, a full disk) the child stops every source
and ``run_crawl`` raises ``CrawlStorageError`` with the reason, so a crawl that could keep nothing
never ends as a success. If this process dies, the child notices and stops cleanly.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from scrapy.settings import BaseSettings

from kupur.app.archive import Archive
from kupur.app.config import Settings
from kupur.core.errors import CrawlError, CrawlStorageError
from kupur.core.models import Article
from kupur.crawlers.settings import scrapy_settings
from kupur.crawlers.sources import load_sources, select_sources
from kupur.crawlers.store import SaveOutcome

__all__ = [
    "ArchiveStore",
    "CrawlCounts",
    "CrawlSummary",
    "SourceResult",
    "run_crawl",
]

#: Sources crawled at the same time by one crawl process.
PARALLEL_SOURCES = 4
#: Seconds a stopped crawl gets to close its spiders before it is killed.
_GRACE = 30.0


class ArchiveStore:
    """``kupur.crawlers.store.ArticleStore`` over the archive (``KUPUR_STORE`` names this class)."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._rejected: set[str] | None = None

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> ArchiveStore:
        """The archive named by the ``KUPUR_ARCHIVE_URL`` setting, else by the environment's
        ``KUPUR_DATABASE_URL`` (how ``run_crawl`` passes it, keeping it out of the job file)."""
        url = settings.get("KUPUR_ARCHIVE_URL") or os.environ.get("KUPUR_DATABASE_URL")
        if not url:
            raise CrawlError("KUPUR_DATABASE_URL is not set: the crawl has no archive")
        return cls(Archive(str(url)))

    def is_known(self, url: str) -> bool:
        if self._rejected is None:
            self._rejected = {r.url for r in self.archive.rejections()}
        return url in self._rejected or self.archive.article_id_for_url(url) is not None

    def fetched_at(self, url: str) -> datetime | None:
        article_id = self.archive.article_id_for_url(url)
        article = self.archive.get(article_id) if article_id is not None else None
        return article.fetched_at if article is not None else None

    def save(self, article: Article, raw_html: bytes, encoding: str | None) -> SaveOutcome:
        return self.archive.save(article, raw_html, encoding)

    def record_rejection(self, url: str, source: str, reason: str, detail: str) -> None:
        self.archive.record_rejection(url, source, reason, detail)
        if self._rejected is not None:
            self._rejected.add(url)

    def validators(self, url: str) -> tuple[str | None, str | None]:
        return self.archive.validators(url)

    def set_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.archive.set_validators(url, etag, last_modified)

    def start_run(self, source: str) -> int:
        return self.archive.start_run(source)

    def finish_run(self, run_id: int, status: str, stats: dict[str, Any]) -> None:
        self.archive.finish_run(run_id, status, stats)

    def last_run_complete(self, source: str) -> bool:
        run = self.archive.last_runs().get(source)
        return bool(run is not None and run.stats.get("complete"))


@dataclass
class CrawlCounts:
    fetched: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    failed: int = 0
    robots_refused: int = 0
    not_modified: int = 0

    def add(self, other: CrawlCounts) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


@dataclass
class SourceResult:
    """One source's crawl: ``status`` is ok, errors, failed, stopped or not-started."""

    name: str
    status: str = "not-started"
    counts: CrawlCounts = field(default_factory=CrawlCounts)
    detail: str = ""


@dataclass
class CrawlSummary:
    sources: dict[str, SourceResult]
    log_file: Path | None = None

    @property
    def total(self) -> CrawlCounts:
        total = CrawlCounts()
        for result in self.sources.values():
            total.add(result.counts)
        return total

    @property
    def all_failed(self) -> bool:
        """Every source that was to be crawled failed (nothing could be fetched at all)."""
        return bool(self.sources) and all(r.status == "failed" for r in self.sources.values())

    @property
    def fetched(self) -> int:
        return self.total.fetched

    @property
    def new(self) -> int:
        return self.total.new

    @property
    def updated(self) -> int:
        return self.total.updated

    @property
    def failed(self) -> int:
        return self.total.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": asdict(self.total),
            "sources": {name: asdict(result) for name, result in self.sources.items()},
        }


def _counts(stats: dict[str, Any]) -> CrawlCounts:
    known = {item.name for item in fields(CrawlCounts)}
    return CrawlCounts(**{k: int(v) for k, v in stats.items() if k in known})


def _reader(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[tuple[Progress | None, Any]]:
    if not enabled:
        yield None, None
        return
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} sources"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        yield progress, progress.add_task("crawling", total=total)


def run_crawl(
    settings: Settings,
    *,
    sources_file: Path | None = None,
    names: list[str] | None = None,
    refresh: bool = False,
    time_limit: float | None = None,
    show_progress: bool = True,
) -> CrawlSummary:
    """Crawl the named sources (default: every enabled one) into the archive."""
    path = Path(sources_file) if sources_file else settings.sources_path
    sources = select_sources(load_sources(path), names, str(path))
    summary = CrawlSummary({s.name: SourceResult(s.name) for s in sources})
    if not sources:
        return summary
    Archive(settings.archive_url).close()  # create the tables (and fail early, here)
    limit = time_limit if time_limit is not None else settings.crawl.time_limit
    job = {
        "sources_file": str(path),
        "names": [s.name for s in sources],
        "refresh": refresh,
        "time_limit": limit,
        "parallel": PARALLEL_SOURCES,
        "parent_pid": os.getpid(),
        "temporary": True,
        "settings": scrapy_settings(
            settings.crawl.model_dump(), KUPUR_STORE="kupur.app.crawling:ArchiveStore"
        ),
    }
    summary.log_file = settings.data_dir / "logs" / "crawl.log"
    job_path: Path | None = None
    try:
        summary.log_file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", suffix=".json", prefix="kupur-crawl-", delete=False, encoding="utf-8"
        ) as f:
            job_path = Path(f.name)
            json.dump(job, f)
    except OSError as exc:
        if job_path is not None:
            job_path.unlink(missing_ok=True)
        raise CrawlError(f"cannot prepare the crawl: {exc}") from exc
    try:
        _run_child(job_path, summary, limit, show_progress, settings.archive_url)
    finally:
        job_path.unlink(missing_ok=True)
    return summary


def _run_child(
    job_path: Path, summary: CrawlSummary, limit: float, show_progress: bool, archive_url: str
) -> None:
    assert summary.log_file is not None
    env = dict(
        os.environ,
        PYTHONUNBUFFERED="1",
        PYTHONIOENCODING="utf-8",
        KUPUR_DATABASE_URL=archive_url,
    )
    try:
        log = summary.log_file.open("a", encoding="utf-8")
        log.write(f"\n=== crawl started {time.strftime('%Y-%m-%d %H:%M:%S')} ===\n")
        log.flush()
    except OSError as exc:
        raise CrawlError(
            f"cannot write the crawl log {summary.log_file}: {exc.strerror or exc}; "
            "the data directory must be writable"
        ) from exc
    with log:
        try:
            child = subprocess.Popen(
                [sys.executable, "-m", "kupur.crawlers.run", str(job_path)],
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                encoding="utf-8",
                env=env,
            )
        except OSError as exc:
            raise CrawlError(f"cannot start the crawl process: {exc}") from exc
        assert child.stdout is not None
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_reader, args=(child.stdout, lines), daemon=True).start()
        deadline = time.monotonic() + limit + _GRACE
        outcome = _Outcome()
        with _progress(show_progress, len(summary.sources)) as (progress, task):
            try:
                _follow(child, lines, summary, deadline, progress, task, outcome)
            except KeyboardInterrupt:
                child.send_signal(signal.SIGINT)
                _follow(child, lines, summary, time.monotonic() + _GRACE, None, None, outcome)
                raise
        code = child.wait()
    if outcome.store_failure:
        raise CrawlStorageError(_storage_message(outcome.store_failure, summary))
    if outcome.error:
        raise CrawlError(outcome.error)
    if code != 0 and all(r.status == "not-started" for r in summary.sources.values()):
        raise CrawlError(f"the crawl process failed (exit code {code}); see {summary.log_file}")


@dataclass
class _Outcome:
    """What the child's events said beyond the sources' results."""

    error: str = ""
    store_failure: str = ""


def _storage_message(failure: str, summary: CrawlSummary) -> str:
    total = summary.total
    stored = total.new + total.updated
    kept = (
        f"{stored} article(s) stored before it are kept."
        if stored
        else "Nothing was stored by this crawl."
    )
    if "readonly" in failure or "read-only" in failure:
        advice = "Make the archive writable (it is read-only)"
    elif "full" in failure or "space" in failure:
        advice = "Free disk space where the archive lives"
    else:
        advice = "Free disk space or make the archive writable"
    log = f"\nCrawl log: {summary.log_file}" if summary.log_file else ""
    return (
        f"the crawl stopped because the archive refused a write: {failure}.\n"
        f"{kept} {advice}, then run the crawl again.{log}"
    )


def _follow(
    child: subprocess.Popen[str],
    lines: queue.Queue[str | None],
    summary: CrawlSummary,
    deadline: float,
    progress: Progress | None,
    task: Any,
    outcome: _Outcome,
) -> None:
    """Read the child's events until it ends; stop it once past the deadline."""
    fetched = 0
    signalled = False
    while True:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            now = time.monotonic()
            if now > deadline and not signalled:
                child.terminate()
                signalled = True
            elif now > deadline + _GRACE:
                child.kill()
            continue
        if line is None:
            break
        try:
            event = json.loads(line)
        except ValueError:
            continue
        kind = event.get("event")
        name = event.get("source", "")
        result = summary.sources.get(name)
        if kind == "error":
            outcome.error = str(event.get("message"))
        elif kind == "store_failed":
            outcome.store_failure = outcome.store_failure or str(event.get("message"))
        elif kind == "opened" and result is not None:
            result.status = "running"
        elif kind == "page":
            fetched += 1
        elif kind in ("closed", "skipped") and result is not None:
            result.status = str(event.get("status", "failed"))
            result.counts = _counts(event.get("stats") or {})
            result.detail = str(event.get("detail", ""))
            if progress is not None:
                progress.advance(task)
        if progress is not None:
            progress.update(task, description=f"crawling ({fetched} pages)")
    for result in summary.sources.values():
        if result.status == "running":
            result.status = "stopped"
