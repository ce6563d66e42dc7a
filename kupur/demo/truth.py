"""Ground truth of the demo sites: what a perfect crawler extracts from each article page.

Plain data access for the crawler's extraction evaluation and the story-clustering tests; it
knows nothing about how pages are fetched or parsed.

Dates are the moments written in the corpus. How precisely a page shows them differs by site,
as ``date_precision`` says: the ministry's date line names only the day ("26 Eylül 2025, Cuma",
with the full moment in ``<time datetime>``), the directorate's page shows the day
("14.12.2025") and its update to the minute ("Güncelleme: 05.01.2026 - 09:12", while its feed's
pubDate has the full moment), and the newspaper prints seconds ("20 Ocak 2026 Salı - 14:33:05").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kupur.demo.corpus import load_corpus
from kupur.demo.render.common import NON_ARTICLE_PAGES, ROBOTS_DISALLOWED, article_path

__all__ = ["RejectedPage", "TruthPage", "load_truth", "rejected_pages"]

_DATE_PRECISION = {"bakanlik": "day", "ilmudurlugu": "day", "gazete": "second"}


@dataclass(frozen=True)
class TruthPage:
    """The expected extraction of one demo article page.

    ``path`` is the URL path on its site (join it to the served base URL); ``body`` is the article
    text, paragraphs joined by "\\n", without title, date line, captions, ads or related links.
    ``story`` is shared by the copies of one story on different sites and by nothing else.
    """

    site: str
    path: str
    title: str
    published: datetime
    updated: datetime | None
    body: str
    story: str
    author: str | None
    date_precision: str
    encoding: str


@dataclass(frozen=True)
class RejectedPage:
    """A page a crawler of the demo sources meets but must not keep.

    ``reason`` is ``robots`` (robots.txt forbids fetching it) or ``not-article`` (reached through
    the source, e.g. listed in the sitemap, but not a news article).
    """

    site: str
    path: str
    reason: str


def load_truth() -> list[TruthPage]:
    """One entry per demo article page, site by site, newest first within a site."""
    return [
        TruthPage(
            site=a.site,
            path=article_path(a),
            title=a.title,
            published=a.published,
            updated=a.updated,
            body=a.body,
            story=a.story,
            author=a.author,
            date_precision=_DATE_PRECISION[a.site],
            encoding="windows-1254" if a.legacy_encoding else "utf-8",
        )
        for a in load_corpus()
    ]


def rejected_pages() -> list[RejectedPage]:
    """Every page on the demo sites that a correct crawl of the demo sources leaves out."""
    pages = [RejectedPage(site, path, "robots") for site, path in ROBOTS_DISALLOWED.items()]
    pages.extend(
        RejectedPage(site, path, "not-article")
        for site, paths in NON_ARTICLE_PAGES.items()
        for path in paths
    )
    return pages
