"""What every demo site renderer shares: the page record, URL paths, Turkish dates, escaping."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from kupur.core.turkish import MONTH_NAMES, WEEKDAY_NAMES
from kupur.demo.corpus import DemoArticle

__all__ = [
    "BASE_URL",
    "MONTHS",
    "NON_ARTICLE_PAGES",
    "ROBOTS_DISALLOWED",
    "WEEKDAYS",
    "SiteFile",
    "article_path",
    "attr",
    "esc",
    "http_date",
    "newest",
    "rfc822",
    "summary",
    "turkish_date",
]

MONTHS = MONTH_NAMES
WEEKDAYS = WEEKDAY_NAMES

#: Stands for "http://host:port" in the committed files; the demo server puts its own address in
#: its place when serving, so feeds, sitemaps and canonical links can be absolute as they must be.
BASE_URL = "%BASE_URL%"

#: Per site: a page that exists and is linked, but that robots.txt forbids (besides /admin/).
ROBOTS_DISALLOWED = {
    "bakanlik": "/haberler/taslak-onizleme-personel-duyurusu/",
    "ilmudurlugu": "/duyurular/personel-ic-yazisma-taslagi-1000.html",
    "gazete": "/samsun-haberleri/editor-onizleme-deneme-haberi-9001",
}

#: Per site: pages a crawler reaches through its source but must reject as not being articles.
NON_ARTICLE_PAGES: dict[str, tuple[str, ...]] = {
    "bakanlik": (),
    "ilmudurlugu": (),
    "gazete": ("/kunye", "/etiket/siroma"),
}


@dataclass(frozen=True)
class SiteFile:
    """One served resource: its bytes, the Content-Type header and the Last-Modified moment."""

    body: bytes
    content_type: str
    last_modified: datetime


def article_path(article: DemoArticle) -> str:
    """The URL path at which a demo article is served on its site."""
    if article.site == "bakanlik":
        return f"/haberler/{article.slug}/"
    if article.site == "ilmudurlugu":
        return f"/duyurular/{article.slug}-{article.number}.html"
    return f"/{article.section}-haberleri/{article.slug}-{article.number}"


def esc(text: str) -> str:
    """Escape text content; quotes and apostrophes stay as written, as most sites leave them."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Escape a value for a double-quoted attribute."""
    return html.escape(text, quote=True)


def turkish_date(moment: datetime, *, weekday: bool = False) -> str:
    """ "26 Eylül 2025", or with ``weekday`` "26 Eylül 2025 Cuma"."""
    text = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    return f"{text} {WEEKDAYS[moment.weekday()]}" if weekday else text


def rfc822(moment: datetime) -> str:
    """RSS pubDate: "Fri, 26 Sep 2025 14:20:00 +0300" (the page's own offset kept)."""
    return format_datetime(moment)


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def newest(articles: Iterable[DemoArticle]) -> datetime:
    return max(a.last_modified for a in articles)


def summary(article: DemoArticle, words: int = 28) -> str:
    """The first words of the first paragraph, as listings and feeds show them."""
    first = article.paragraphs[0].split()
    return " ".join(first) if len(first) <= words else " ".join(first[:words]) + "…"
