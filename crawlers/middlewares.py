"""Downloader middleware: retries that back off.

Scrapy's RetryMiddleware retries 5xx answers and timeouts at once; a server that is struggling
deserves a pause. ``BackoffRetryMiddleware`` waits ``KUPUR_RETRY_BACKOFF`` seconds before the
first retry and doubles the wait for each further one (capped at a minute), without blocking other
requests.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.defer import deferred_to_future
from twisted.internet import task

__all__ = ["BackoffRetryMiddleware"]

_MAX_WAIT = 60.0


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware with an exponential pause before each retry."""

    backoff: float = 0.25

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        middleware = super().from_crawler(crawler)
        middleware.backoff = crawler.settings.getfloat("KUPUR_RETRY_BACKOFF", 0.25)
        return middleware

    async def _pause(self, retry: Request) -> None:
        attempt = int(retry.meta.get("retry_times", 1))
        wait = min(self.backoff * 2 ** (attempt - 1), _MAX_WAIT)
        if wait > 0:
            from twisted.internet import reactor

            await deferred_to_future(task.deferLater(reactor, wait, lambda: None))

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Any = None
    ) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._pause(result)
        return result

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Any = None
    ) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self._pause(result)
        return result
