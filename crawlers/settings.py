"""Scrapy settings for a Kupür crawl, built from the ``[crawl]`` section of the configuration.

The shell passes that section as a plain mapping (crawlers/ does not import kupur.app.config). A fast
crawl on loopback is a matter of settings, not code: ``download_delay = 0`` with AutoThrottle on
gives no delay against a server that answers at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kupur.core.errors import CrawlError

__all__ = ["CRAWL_KEYS", "scrapy_settings"]

CRAWL_KEYS = (
    "user_agent", "contact_url", "obey_robots", "concurrent_per_domain", "autothrottle",
    "download_delay", "download_timeout", "retry_times", "max_page_bytes",
)  # fmt: skip


def user_agent(agent: str, contact_url: str) -> str:
    """The User-Agent with the contact URL in it, added when the configured one lacks it."""
    if not contact_url or contact_url in agent:
        return agent
    return f"{agent} (+{contact_url})"


def scrapy_settings(crawl: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    """Scrapy settings for the crawl options; ``extra`` (e.g. ``KUPUR_STORE``) is added as is."""
    missing = [key for key in CRAWL_KEYS if key not in crawl]
    if missing:
        raise CrawlError(f"crawl settings lack {', '.join(missing)}")
    delay = float(crawl["download_delay"])
    per_domain = int(crawl["concurrent_per_domain"])
    settings: dict[str, Any] = {
        "BOT_NAME": "kupur",
        "USER_AGENT": user_agent(str(crawl["user_agent"]), str(crawl["contact_url"])),
        "ROBOTSTXT_OBEY": bool(crawl["obey_robots"]),
        "CONCURRENT_REQUESTS": max(16, per_domain * 4),
        "CONCURRENT_REQUESTS_PER_DOMAIN": per_domain,
        "DOWNLOAD_DELAY": delay,
        "DOWNLOAD_DELAY_JITTER": 0.5 if delay > 0 else 0,
        "AUTOTHROTTLE_ENABLED": bool(crawl["autothrottle"]),
        "AUTOTHROTTLE_START_DELAY": max(delay, 0.0) or 0.0,
        "AUTOTHROTTLE_MAX_DELAY": max(30.0, delay * 10),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(per_domain),
        "DOWNLOAD_TIMEOUT": float(crawl["download_timeout"]),
        "DOWNLOAD_MAXSIZE": int(crawl["max_page_bytes"]),
        "DOWNLOAD_WARNSIZE": int(crawl["max_page_bytes"]) // 2,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": int(crawl["retry_times"]),
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "KUPUR_RETRY_BACKOFF": max(delay, 0.25),
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "kupur.crawlers.middlewares.BackoffRetryMiddleware": 550,
        },
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "DEFAULT_REQUEST_HEADERS": {
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "tr,en;q=0.5",
        },
    }
    settings.update(extra)
    return settings
