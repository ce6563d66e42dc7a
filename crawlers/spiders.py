"""The one spider class that crawls any source: listing pages, RSS/Atom feeds or sitemaps.

A source is data (``kupur.crawlers.sources.Source``); ``SourceSpider`` reads its kind and follows it:

* listing: article links matching the source's pattern, then the next page (the source's
  ``next_page`` selector, else ``rel=next`` or a "Sonraki"/"»" link) until a page holds only known
  articles (unless the last crawl of the source did not finish, or ``refresh`` is set);
* feed: every entry's link, with the entry's date as a fallback for the page's;
* sitemap: every ``<loc>`` of the url set (sub-sitemaps of an index are followed).

Known article URLs are not fetched again unless ``refresh``, or unless a feed entry's
``<updated>``/``<pubDate>`` or a sitemap entry's ``<lastmod>`` is later than when the article was
last fetched: then it is fetched again and the store updates it if its text changed. Listing,
feed and sitemap pages are
fetched with ``If-None-Match``/``If-Modified-Since`` and their validators are kept only when the
crawl finished, so an interrupted crawl resumes where it stopped. Articles are written to the
store as they arrive: nothing fetched is lost if the crawl is stopped. A store that refuses a
write (``ArchiveError``: a read-only database, a full disk) stops the spider at once with the reason
(a ``store_failed`` event, the run closed as failed): nothing more it fetched could be kept.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import datetime
from typing import Any

import feedparser
import scrapy
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from kupur.core.errors import ArchiveError
from kupur.core.models import Article
from kupur.crawlers.dates import parse_date
from kupur.crawlers.extraction import Rejected, extract_article
from kupur.crawlers.sources import Source
from kupur.crawlers.store import ArticleStore, open_store
from kupur.crawlers.urls import canonicalize, registered_host, same_site

__all__ = ["COUNTERS", "STORE_FAILED", "SourceSpider"]

logger = logging.getLogger(__name__)

#: The counts every source run reports.
COUNTERS = (
    "fetched", "new", "updated", "unchanged", "rejected", "failed", "robots_refused",
    "not_modified", "skipped_known", "revisited",
)  # fmt: skip
_NEXT_TEXT = re.compile(
    r"^\s*(?:(?:sonraki|ileri|next)\b[^\w]*(?:sayfa)?[\s»›>]*|[»›>]+)\s*$", re.I
)

EventSink = Callable[[dict[str, Any]], None]

#: The reason a spider closes with when its store refused a write.
STORE_FAILED = "store_failed"


class SourceSpider(scrapy.Spider):
    """Crawls one source into the store."""

    name = "kupur-source"
    store: ArticleStore

    def __init__(
        self,
        source: Source,
        refresh: bool = False,
        on_event: EventSink | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=source.name, **kwargs)
        self.source = source
        self.allowed_domains = list(source.allowed_domains)
        self.refresh = refresh
        self.on_event = on_event
        self.counts: Counter[str] = Counter()
        self.seen: set[str] = set()
        self.pending_validators: dict[str, tuple[str | None, str | None]] = {}
        self.index_pages_failed = 0
        self.full_walk = refresh
        self.run_id = 0
        self.max_listing_pages = 100
        #: Why the store refused a write ("" while it accepts them).
        self.store_failure = ""

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SourceSpider:
        spider: SourceSpider = super().from_crawler(crawler, *args, **kwargs)
        spider.store = open_store(crawler.settings)
        spider.max_listing_pages = crawler.settings.getint("KUPUR_MAX_LISTING_PAGES", 100)
        crawler.signals.connect(spider.on_opened, signal=signals.spider_opened)
        crawler.signals.connect(spider.on_closed, signal=signals.spider_closed)
        crawler.signals.connect(spider.on_error, signal=signals.spider_error)
        return spider

    # -- lifecycle ------------------------------------------------------------------------------

    def emit(self, event: str, **fields: Any) -> None:
        if self.on_event is not None:
            self.on_event({"event": event, "source": self.source.name, **fields})

    def on_opened(self, spider: scrapy.Spider) -> None:
        self.full_walk = self.refresh or not self.store.last_run_complete(self.source.name)
        try:
            self.run_id = self.store.start_run(self.source.name)
        except ArchiveError as exc:
            raise self.store_failed(exc) from exc
        self.emit("opened", kind=self.source.kind, full_walk=self.full_walk)

    def store_failed(self, exc: ArchiveError) -> CloseSpider:
        """The store refused a write (a read-only database, a full disk): say why, once, and
        return the ``CloseSpider`` to raise, since nothing more this spider fetches can be kept."""
        if not self.store_failure:
            self.store_failure = str(exc)
            logger.error("%s: the archive refused a write; stopping: %s", self.name, exc)
            self.emit("store_failed", message=self.store_failure)
        return CloseSpider(STORE_FAILED)

    def on_error(self, failure: Failure, response: Response, spider: scrapy.Spider) -> None:
        self.counts["failed"] += 1
        self.emit("page", outcome="failed", url=response.url, detail=str(failure.value))

    def on_closed(self, spider: scrapy.Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        self.counts["robots_refused"] = int(
            self.crawler.stats.get_value("robotstxt/forbidden", 0) or 0
        )
        finished = reason == "finished"
        complete = finished and self.index_pages_failed == 0 and self.counts["failed"] == 0
        try:
            if complete:
                for url, (etag, modified) in self.pending_validators.items():
                    self.store.set_validators(url, etag, modified)
        except ArchiveError as exc:
            self.store_failed(exc)
            complete = False
        stats = {key: self.counts[key] for key in COUNTERS}
        if self.store_failure:
            status = "failed"
        elif not finished:
            status = "stopped"
        elif self.counts["fetched"] == 0 and self.counts["failed"] + self.index_pages_failed:
            status = "failed"
        elif self.counts["failed"] or self.index_pages_failed:
            status = "errors"
        else:
            status = "ok"
        stats_out: dict[str, Any] = {**stats, "complete": complete, "reason": reason}
        if self.run_id:
            try:
                self.store.finish_run(self.run_id, status, stats_out)
            except ArchiveError as exc:
                self.store_failed(exc)
                status = "failed"
        self.emit("closed", status=status, stats=stats_out, detail=self.store_failure)

    # -- requests -------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        callback = {
            "listing": self.parse_listing,
            "feed": self.parse_feed,
            "sitemap": self.parse_sitemap,
        }[self.source.kind]
        for url in self.source.start_urls:
            yield self.index_request(url, callback, page=1)

    def index_request(self, url: str, callback: Callable[..., Any], page: int) -> Request:
        """A listing, feed or sitemap page: conditional unless refreshing."""
        headers: dict[str, str] = {}
        if not self.refresh:
            etag, modified = self.store.validators(url)
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        return Request(
            url,
            callback=callback,
            errback=self.index_failed,
            headers=headers,
            dont_filter=True,
            meta={"handle_httpstatus_list": [304], "kupur_page": page, "validators_url": url},
        )

    def article_request(
        self, url: str, listed: datetime | None = None, changed: datetime | None = None
    ) -> Request | None:
        """A request for an article URL, or None when it is seen, not an article, or known and
        not ``changed`` (the feed's or sitemap's modification date) since it was fetched."""
        canonical = canonicalize(url)
        if canonical in self.seen or not self.source.matches(canonical):
            return None
        if not self._allowed(canonical):
            return None
        self.seen.add(canonical)
        if not self.refresh and self.store.is_known(canonical):
            fetched = self.store.fetched_at(canonical) if changed is not None else None
            if fetched is None or changed is None or changed <= fetched:
                self.counts["skipped_known"] += 1
                return None
            self.counts["revisited"] += 1
        meta = {"kupur_listed": listed.isoformat() if listed else None, "kupur_url": canonical}
        return Request(
            canonical, callback=self.parse_article, errback=self.article_failed, meta=meta
        )

    def _allowed(self, url: str) -> bool:
        host = registered_host(url)
        return any(
            host == d.removeprefix("www.") or host.endswith("." + d.removeprefix("www."))
            for d in self.source.allowed_domains
        )

    def _index_page(self, response: Response) -> bool:
        """Count an index page; False when it answered 304 Not Modified."""
        if response.status == 304:
            self.counts["not_modified"] += 1
            self.emit("page", outcome="not_modified", url=response.url)
            return False
        self.counts["fetched"] += 1
        etag = response.headers.get("ETag")
        modified = response.headers.get("Last-Modified")
        if etag or modified:
            self.pending_validators[response.meta.get("validators_url", response.url)] = (
                etag.decode("latin-1") if etag else None,
                modified.decode("latin-1") if modified else None,
            )
        return True

    # -- listing --------------------------------------------------------------------------------

    def parse_listing(self, response: Response) -> Iterable[Request]:
        if not self._index_page(response):
            return
        page = int(response.meta.get("kupur_page", 1))
        links = [response.urljoin(href) for href in response.css("a::attr(href)").getall()]
        matching = {canonicalize(u) for u in links if self.source.matches(canonicalize(u))}
        matching = {u for u in matching if self._allowed(u)}
        before = self.counts["skipped_known"]
        requests = [r for r in (self.article_request(u) for u in sorted(matching)) if r]
        yield from requests
        only_known = bool(matching) and not requests and self.counts["skipped_known"] > before
        if only_known and not self.full_walk:
            logger.info("%s: page %d holds only known articles; stopping", self.name, page)
            return
        next_url = self._next_page(response)
        if next_url and page < self.max_listing_pages:
            yield self.index_request(next_url, self.parse_listing, page=page + 1)

    def _next_page(self, response: Response) -> str | None:
        candidates: list[str | None] = []
        if self.source.next_page:
            candidates.append(response.css(self.source.next_page).get())
        else:
            candidates.append(response.css("link[rel=next]::attr(href)").get())
            candidates.append(response.css("a[rel~=next]::attr(href)").get())
            for anchor in response.css("a"):
                text = " ".join(anchor.css("::text").getall())
                if _NEXT_TEXT.match(text):
                    candidates.append(anchor.attrib.get("href"))
                    break
        for href in candidates:
            if href and not href.startswith(("#", "javascript:")):
                url = response.urljoin(href.strip())
                if canonicalize(url) != canonicalize(response.url):
                    return url
        return None

    # -- feed -----------------------------------------------------------------------------------

    def parse_feed(self, response: Response) -> Iterable[Request]:
        if not self._index_page(response):
            return
        parsed = feedparser.parse(response.body)
        if not parsed.entries:
            if parsed.bozo:
                self.index_pages_failed += 1
                self.emit("page", outcome="failed", url=response.url, detail="not a feed")
                logger.warning("%s: %s is not a readable feed", self.name, response.url)
            return
        for entry in parsed.entries:
            link = entry.get("link")
            if not link:
                continue
            published = parse_date(entry.get("published"))
            updated = parse_date(entry.get("updated"))
            changed = max((d for d in (published, updated) if d is not None), default=None)
            request = self.article_request(
                response.urljoin(link), published or updated, changed=changed
            )
            if request is not None:
                yield request

    # -- sitemap --------------------------------------------------------------------------------

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        if not self._index_page(response):
            return
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gzip.decompress(body)
            except OSError:
                body = b""
        try:
            sitemap = Sitemap(body)
        except Exception:
            self.index_pages_failed += 1
            self.emit("page", outcome="failed", url=response.url, detail="not a sitemap")
            return
        page = int(response.meta.get("kupur_page", 1))
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield self.index_request(response.urljoin(loc), self.parse_sitemap, page + 1)
                continue
            lastmod = parse_date(entry.get("lastmod"))
            request = self.article_request(response.urljoin(loc), lastmod, changed=lastmod)
            if request is not None:
                yield request

    # -- articles -------------------------------------------------------------------------------

    def parse_article(self, response: Response) -> None:
        self.counts["fetched"] += 1
        requested = str(response.meta.get("kupur_url") or canonicalize(response.url))
        listed = response.meta.get("kupur_listed")
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        result = extract_article(
            response.body,
            response.url,
            encoding_hint=content_type or None,
            content_type=content_type or "text/html",
            selectors=self.source.selectors,
            listed_date=datetime.fromisoformat(listed) if listed else None,
        )
        if isinstance(result, Rejected):
            try:
                self.store.record_rejection(
                    requested, self.source.name, result.reason, result.detail
                )
            except ArchiveError as exc:
                self.counts["failed"] += 1
                raise self.store_failed(exc) from exc
            self.counts["rejected"] += 1
            self.emit("page", outcome="rejected", url=requested, detail=result.reason)
            return
        final = canonicalize(response.url)
        claimed = canonicalize(result.canonical_url) if result.canonical_url else None
        canonical = claimed if claimed and same_site(claimed, final) else final
        article = Article(
            url=requested,
            canonical_url=canonical,
            source=self.source.name,
            title=result.title,
            text=result.text,
            published_at=result.published_at,
            updated_at=result.updated_at,
            author=result.author,
        )
        try:
            outcome = self.store.save(article, response.body, result.encoding)
        except ArchiveError as exc:
            self.counts["failed"] += 1  # fetched, but not kept
            raise self.store_failed(exc) from exc
        self.seen.add(canonical)
        self.counts[outcome] += 1
        self.emit("page", outcome=outcome, url=requested)

    def article_failed(self, failure: Failure) -> None:
        if _ignored(failure):
            return  # robots.txt or offsite: counted from Scrapy's stats
        value: Any = failure.value
        if isinstance(value, HttpError) and value.response.status in (404, 410):
            url = str(value.response.meta.get("kupur_url") or canonicalize(value.response.url))
            detail = f"HTTP {value.response.status}"
            try:
                self.store.record_rejection(url, self.source.name, "gone", detail)
            except ArchiveError as exc:
                raise self.store_failed(exc) from exc
            self.counts["rejected"] += 1
            self.emit("page", outcome="rejected", url=url, detail=detail)
            return
        self.counts["failed"] += 1
        url = failure.request.url if hasattr(failure, "request") else "?"
        self.emit("page", outcome="failed", url=url, detail=_describe(failure))

    def index_failed(self, failure: Failure) -> None:
        if _ignored(failure):
            return
        self.index_pages_failed += 1
        url = failure.request.url if hasattr(failure, "request") else "?"
        self.emit("page", outcome="failed", url=url, detail=_describe(failure))
        logger.warning("%s: cannot fetch %s: %s", self.name, url, _describe(failure))


def _ignored(failure: Failure) -> bool:
    """A request dropped on purpose (robots.txt, offsite), not a failure."""
    value = failure.value
    return isinstance(value, IgnoreRequest) and not isinstance(value, HttpError)


def _describe(failure: Failure) -> str:
    value: Any = failure.value
    if isinstance(value, HttpError):
        return f"HTTP {value.response.status}"
    return f"{type(failure.value).__name__}: {failure.value}".strip()
