"""Where a crawl writes: the protocol the shell's archive implements for the spiders.

crawlers/ may not import the shell, so the spiders see the archive only through ``ArticleStore``.
The implementation is named in the Scrapy setting ``KUPUR_STORE`` ("package.module:Class") and
built once per crawl process by ``open_store`` with ``Class.from_settings(settings)``.

A store that cannot write (a read-only database, a full disk) raises
``kupur.core.errors.ArchiveError``; the spider then stops, since nothing it fetches could be kept.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, Protocol

from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object

from kupur.core.errors import CrawlError
from kupur.core.models import Article

__all__ = ["ArticleStore", "SaveOutcome", "open_store"]

SaveOutcome = Literal["new", "updated", "unchanged"]


class ArticleStore(Protocol):
    """The archive as the crawler needs it."""

    def is_known(self, url: str) -> bool:
        """Whether ``url`` (canonical) was already stored as an article or rejected."""

    def fetched_at(self, url: str) -> datetime | None:
        """When the article stored under ``url`` (canonical) was last fetched; None when no
        article is stored there (a rejected or unknown URL)."""

    def save(self, article: Article, raw_html: bytes, encoding: str | None) -> SaveOutcome:
        """Store one article with its raw page; say whether it was new, updated or unchanged."""

    def record_rejection(self, url: str, source: str, reason: str, detail: str) -> None:
        """Remember a fetched page that is not an article, and why."""

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified ``url`` answered with last time (for conditional requests)."""

    def set_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Remember a listing, feed or sitemap page's ETag and Last-Modified."""

    def start_run(self, source: str) -> int:
        """Open the bookkeeping of one source's crawl; returns its run id."""

    def finish_run(self, run_id: int, status: str, stats: dict[str, Any]) -> None:
        """Close a run with its status and counts."""

    def last_run_complete(self, source: str) -> bool:
        """Whether the source's previous crawl walked all its pages (False if never crawled)."""


_stores: dict[str, ArticleStore] = {}


def open_store(settings: BaseSettings) -> ArticleStore:
    """The store named by ``KUPUR_STORE``, shared by every spider of this process."""
    path = settings.get("KUPUR_STORE")
    if not path:
        raise CrawlError("no KUPUR_STORE setting: the crawl has nowhere to write")
    key = f"{path}|{settings.get('KUPUR_ARCHIVE_URL', '')}"
    if key not in _stores:
        try:
            cls: Any = load_object(path.replace(":", "."))
        except (ImportError, NameError, ValueError) as exc:
            raise CrawlError(f"cannot load the article store {path!r}: {exc}") from exc
        _stores[key] = cls.from_settings(settings)
    return _stores[key]
