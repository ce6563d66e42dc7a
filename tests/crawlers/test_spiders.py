"""Spider callbacks fed with ``HtmlResponse`` objects (no reactor), over a real SQLite archive."""

from __future__ import annotations

from pathlib import Path

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from kupur.app.archive import Archive
from kupur.core.models import Article
from kupur.crawlers.sources import parse_sources
from kupur.crawlers.spiders import SourceSpider
from tests.crawlers.fixture_site import article_html, listing_html, make_articles

BASE = "http://ajans.example"


def _spider(tmp_path: Path) -> tuple[SourceSpider, Archive]:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    source = parse_sources(
        f'sources:\n  - name: ajans\n    kind: listing\n    start_urls: ["{BASE}/bolge/liste/"]\n'
        '    article_pattern: "/bolge/[a-z]+/haber-\\\\d+$"\n'
    )[0]
    crawler = get_crawler(
        SourceSpider,
        {"KUPUR_STORE": "kupur.app.crawling:ArchiveStore", "KUPUR_ARCHIVE_URL": url},
    )
    spider = SourceSpider.from_crawler(crawler, source=source)
    return spider, Archive(url)


def _response(url: str, body: str, **meta: object) -> HtmlResponse:
    return HtmlResponse(
        url=url, body=body.encode(), encoding="utf-8", request=Request(url, meta=dict(meta))
    )


def test_a_listing_page_yields_new_articles_once_and_the_next_page(tmp_path: Path) -> None:
    spider, archive = _spider(tmp_path)
    articles = make_articles(10)
    known = articles[0]
    archive.save(Article(url=BASE + known.path, source="ajans", title=known.title, text="x"))
    page = listing_html(articles[:5], 1, 2)
    requests = list(spider.parse_listing(_response(f"{BASE}/bolge/liste/", page, kupur_page=1)))
    urls = [r.url for r in requests]
    assert urls[-1] == f"{BASE}/bolge/liste/sayfa-2"
    article_urls = urls[:-1]
    assert BASE + known.path not in article_urls  # known: not fetched again
    assert len(article_urls) == 4
    assert all("utm_" not in u and "#" not in u for u in article_urls)
    again = list(spider.parse_listing(_response(f"{BASE}/bolge/liste/", page, kupur_page=1)))
    assert [r.url for r in again if "haber-" in r.url] == []  # seen in this run


def test_an_article_response_is_stored_with_its_canonical_url(tmp_path: Path) -> None:
    spider, archive = _spider(tmp_path)
    article = make_articles(1)[0]
    url = BASE + article.path
    spider.parse_article(_response(url, article_html(article), kupur_url=url))
    stored_id = archive.article_id_for_url(url)
    assert stored_id is not None
    stored = archive.get(stored_id)
    assert stored is not None
    assert stored.title == article.title
    assert stored.published_at == article.published
    assert spider.counts["new"] == 1
