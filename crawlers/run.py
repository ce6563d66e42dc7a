"""One crawl process: ``python -m kupur.crawlers.run JOB.json``.

A Twisted reactor cannot be restarted, so every crawl runs in a process of its own; the shell
(``kupur.app.crawling.run_crawl``) writes a job file and reads this process's standard output, where
each line is a JSON event (``opened``, ``page``, ``closed`` per source, ``skipped`` for sources a
time limit or an interruption kept from starting, ``error`` for a job that cannot start). Logs go
to standard error.

The job: ``sources_file``, ``names`` (empty: every enabled source), ``refresh``, ``time_limit``
(seconds), ``parallel`` (sources crawled at once) and ``settings`` (Scrapy settings, see
``kupur.crawlers.settings``). Each source is its own spider run; one failing or slow source does not stop
the others. SIGTERM/SIGINT and the time limit stop the running spiders cleanly: every article
already fetched is in the store and each source's run is closed as ``stopped``.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from pathlib import Path
from typing import Any, TextIO

from kupur.core.errors import KupurError
from kupur.crawlers.sources import Source, load_sources, select_sources

__all__ = ["main"]


class _Events:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __call__(self, event: dict[str, Any]) -> None:
        self.stream.write(json.dumps(event, ensure_ascii=False, default=str) + "\n")
        self.stream.flush()


def _crawl(job: dict[str, Any], sources: list[Source], events: _Events) -> None:
    from scrapy.utils.log import configure_logging
    from scrapy.utils.reactor import install_reactor

    install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
    from scrapy.crawler import AsyncCrawlerRunner
    from scrapy.utils.defer import deferred_from_coro
    from twisted.internet import reactor as installed_reactor

    from kupur.crawlers.spiders import SourceSpider

    reactor: Any = installed_reactor  # the module object stands for the installed reactor
    settings = dict(job["settings"])
    configure_logging(settings)
    runner = AsyncCrawlerRunner(settings)
    queue = list(sources)
    stopping = False

    async def worker() -> None:
        while queue and not stopping:
            source = queue.pop(0)
            try:
                await runner.crawl(
                    SourceSpider, source=source, refresh=bool(job.get("refresh")), on_event=events
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
        events({"event": "stopping", "reason": reason})
        deferred_from_coro(runner.stop())

    done = deferred_from_coro(crawl_all())
    done.addBoth(lambda _: reactor.stop())
    limit = job.get("time_limit")
    if limit:
        reactor.callLater(float(limit), stop, "time limit")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
