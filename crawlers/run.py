"""One crawl process: ``python -m kupur.crawlers.run JOB.json``.

A Twisted reactor cannot be restarted, so every crawl runs in a process of its own; the shell
(``kupur.app.crawling.run_crawl``) writes a job file and reads this process's standard output, where
each line is a JSON event (``opened``, ``page``, ``closed`` per source, ``skipped`` for sources a
time limit or an interruption kept from starting, ``error`` for a job that cannot start,
``store_failed`` with the reason when the archive refused a write). Logs go to standard error.

The job: ``sources_file``, ``names`` (empty: every enabled source), ``refresh``, ``time_limit``
(seconds), ``parallel`` (sources crawled at once), ``settings`` (Scrapy settings, see
``kupur.crawlers.settings``), and from the shell ``parent_pid`` and ``temporary`` (the job file is
removed once read). The job holds no secret: the store finds its database in the environment (the
shell's archive store reads ``KUPUR_DATABASE_URL``). Each source is its own spider run; one failing
or slow source does not stop the others. SIGTERM/SIGINT, the time limit and the shell's death (its
pid gone or its event pipe broken) stop the running spiders cleanly: every article already fetched
is in the store and each source's run is closed as ``stopped``. A store that refuses a write (a
read-only database, a full disk) stops every source, since nothing fetched could be kept; the
process then exits with status 1.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, TextIO

from kupur.core.errors import ArchiveError, KupurError
from kupur.crawlers.sources import Source, load_sources, select_sources

__all__ = ["main"]

logger = logging.getLogger(__name__)

#: Seconds between two checks that the shell that started this crawl is still there.
_PARENT_CHECK = 1.0


class _Events:
    """Writes the events for the shell; notices a store failure and a shell that is gone."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        #: The shell stopped reading (it died): events are dropped from then on.
        self.lost = False
        #: Why the store refused a write ("" while it accepts them).
        self.store_failure = ""
        self.on_lost: Callable[[], None] | None = None
        self.on_store_failed: Callable[[], None] | None = None

    def __call__(self, event: dict[str, Any]) -> None:
        if event.get("event") == "store_failed" and not self.store_failure:
            self.store_failure = str(event.get("message") or "the archive refused a write")
            if self.on_store_failed is not None:
                self.on_store_failed()
        if self.lost:
            return
        try:
            self.stream.write(json.dumps(event, ensure_ascii=False, default=str) + "\n")
            self.stream.flush()
        except (OSError, ValueError):  # a broken pipe: nobody reads the events any more
            self.lost = True
            _silence(self.stream)
            if self.on_lost is not None:
                self.on_lost()


def _silence(stream: TextIO) -> None:
    """Point a stream whose reader is gone at /dev/null, so what is still buffered in it (and
    Python's last flush at exit) goes nowhere instead of raising again."""
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def _crawl(job: dict[str, Any], sources: list[Source], events: _Events) -> None:
    from scrapy.utils.log import configure_logging
    from scrapy.utils.reactor import install_reactor

    install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
    from scrapy.crawler import AsyncCrawlerRunner, Crawler
    from scrapy.utils.defer import deferred_from_coro
    from twisted.internet import reactor as installed_reactor

    from kupur.crawlers.spiders import SourceSpider

    reactor: Any = installed_reactor  # the module object stands for the installed reactor
    settings = dict(job["settings"])
    configure_logging(settings)
    runner = AsyncCrawlerRunner(settings)
    queue = list(sources)
    stopping = False

    active: set[Crawler] = set()
    stopped: set[Crawler] = set()

    def stop_crawler(crawler: Crawler) -> None:
        """Stop one crawl cleanly (its spider closes as "shutdown"). Scrapy stops only an engine
        already running; one still starting up would crawl on, so it is tried again until its
        engine runs or its crawl has ended."""
        if crawler not in active or crawler in stopped:
            return
        engine = crawler._engine  # Scrapy's documented way to look before the crawl started
        if engine is not None and engine.running:
            stopped.add(crawler)
            deferred_from_coro(engine.stop_async())
        else:
            reactor.callLater(0.1, stop_crawler, crawler)

    async def worker() -> None:
        while queue and not stopping:
            source = queue.pop(0)
            crawler = runner.create_crawler(SourceSpider)
            active.add(crawler)
            try:
                await runner.crawl(
                    crawler, source=source, refresh=bool(job.get("refresh")), on_event=events
                )
            except ArchiveError as exc:  # the store could not even be opened
                events({"event": "store_failed", "source": source.name, "message": str(exc)})
                events(
                    {
                        "event": "closed",
                        "source": source.name,
                        "status": "failed",
                        "stats": {},
                        "detail": str(exc),
                    }
                )
            except Exception as exc:
                events(
                    {
                        "event": "closed",
                        "source": source.name,
                        "status": "failed",
                        "stats": {"failed": 1},
                        "detail": f"{type(exc).__name__}: {exc}",
                    }
                )
            finally:
                active.discard(crawler)

    async def crawl_all() -> None:
        workers = [worker() for _ in range(max(1, min(int(job.get("parallel", 4)), len(queue))))]
        await asyncio.gather(*workers)
        for source in queue:
            events({"event": "skipped", "source": source.name, "status": "stopped"})

    def stop(reason: str) -> None:
        nonlocal stopping
        if stopping:
            return
        stopping = True
        logger.warning("stopping the crawl: %s", reason)
        events({"event": "stopping", "reason": reason})
        for crawler in list(active):
            stop_crawler(crawler)

    # Both are noticed inside a spider's callback: stop from the reactor's next turn.
    events.on_lost = lambda: reactor.callLater(
        0, stop, "the kupur process that started this crawl is gone"
    )
    events.on_store_failed = lambda: reactor.callLater(
        0, stop, f"the archive refused a write: {events.store_failure}"
    )
    parent = job.get("parent_pid")

    def check_parent() -> None:
        if os.getppid() != parent:
            stop("the kupur process that started this crawl is gone")
        elif not stopping:
            reactor.callLater(_PARENT_CHECK, check_parent)

    done = deferred_from_coro(crawl_all())
    done.addBoth(lambda _: reactor.stop())
    limit = job.get("time_limit")
    if limit:
        reactor.callLater(float(limit), stop, "time limit")
    if parent:
        check_parent()
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(
            number,
            lambda *_: reactor.callFromThread(stop, "interrupted"),
        )
    reactor.run(installSignalHandlers=False)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    events = _Events(sys.stdout)
    if len(args) != 1:
        print("usage: python -m kupur.crawlers.run JOB.json", file=sys.stderr)
        return 2
    try:
        job = json.loads(Path(args[0]).read_text(encoding="utf-8"))
        if job.get("temporary"):
            Path(args[0]).unlink(missing_ok=True)
        sources = select_sources(
            load_sources(job["sources_file"]), job.get("names") or None, job["sources_file"]
        )
    except (OSError, ValueError, KeyError) as exc:
        events({"event": "error", "message": f"cannot read the crawl job: {exc}"})
        return 2
    except KupurError as exc:
        events({"event": "error", "message": str(exc)})
        return 2
    if sources:
        _crawl(job, sources, events)
    return 1 if events.store_failure else 0


if __name__ == "__main__":
    sys.exit(main())
