"""The demo server, exercised over real HTTP: listings, feed, sitemap, encodings, caching, robots."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import urllib.robotparser
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from kupur.demo.render.common import ROBOTS_DISALLOWED
from kupur.demo.truth import load_truth
from tests.demo.conftest import fetch

TRUTH = load_truth()
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _paths(site: str) -> set[str]:
    return {page.path for page in TRUTH if page.site == site}


def test_each_site_serves_a_home_page_and_404s_unknown_paths(demo_urls: dict[str, str]) -> None:
    assert set(demo_urls) == {"bakanlik", "ilmudurlugu", "gazete"}
    for url in demo_urls.values():
        assert url.startswith("http://127.0.0.1:")
        home = fetch(url + "/")
        assert home.status == 200
        assert home.headers["Content-Type"] == "text/html; charset=utf-8"
        assert fetch(url + "/yok-boyle-bir-sayfa/").status == 404
        assert fetch(url + "/_headers.json").status == 404


def test_listing_pagination_reaches_every_ministry_article(demo_urls: dict[str, str]) -> None:
    base = demo_urls["bakanlik"]
    url: str | None = base + "/haberler/"
    pages, found = [], set()
    while url is not None:
        page = fetch(url)
        assert page.status == 200, url
        html = page.body.decode("utf-8")
        pages.append(urlsplit(url).path)
        found.update(re.findall(r'<a href="(/haberler/(?!sayfa/)[^"/]+/)"><h3>', html))
        match = re.search(r'<a class="next" href="([^"]+)">Sonraki</a>', html)
        url = urljoin(url, match.group(1)) if match else None
    assert len(pages) >= 5
    assert pages[1] == "/haberler/sayfa/2/"
    assert found == _paths("bakanlik")


def test_feed_is_rss_with_one_item_per_directorate_article_and_the_forbidden_draft(
    demo_urls: dict[str, str],
) -> None:
    base = demo_urls["ilmudurlugu"]
    feed = fetch(base + "/rss.xml")
    assert feed.status == 200
    assert feed.headers["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(feed.body)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert len(items) == len(_paths("ilmudurlugu")) + 1
    links = set()
    for item in items:
        for tag in ("title", "link", "pubDate", "description"):
            assert (item.findtext(tag) or "").strip(), tag
        assert item.findtext("pubDate", "").endswith("+0300")
        link = item.findtext("link", "")
        assert link.startswith(base + "/duyurular/")
        links.add(urlsplit(link).path)
    assert links == _paths("ilmudurlugu") | {ROBOTS_DISALLOWED["ilmudurlugu"]}


def test_sitemap_lists_every_newspaper_article_with_lastmod(demo_urls: dict[str, str]) -> None:
    base = demo_urls["gazete"]
    sitemap = fetch(base + "/sitemap.xml")
    assert sitemap.headers["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(sitemap.body)
    entries = root.findall(f"{SITEMAP_NS}url")
    locs = {e.findtext(f"{SITEMAP_NS}loc", "") for e in entries}
    assert all(loc.startswith(base + "/") for loc in locs)
    assert _paths("gazete") <= {urlsplit(loc).path for loc in locs}
    assert base + "/kunye" in locs
    assert all(e.findtext(f"{SITEMAP_NS}lastmod") for e in entries)
    for loc in locs:
        assert fetch(loc).status == 200, loc


def test_windows_1254_pages_decode_only_as_cp1254(demo_urls: dict[str, str]) -> None:
    legacy = [page for page in TRUTH if page.encoding == "windows-1254"]
    assert len(legacy) >= 2
    header_charsets = set()
    for page in legacy:
        fetched = fetch(demo_urls[page.site] + page.path)
        content_type = fetched.headers["Content-Type"]
        header_charsets.add("charset=windows-1254" in content_type)
        assert "utf-8" not in content_type
        assert b'<meta charset="windows-1254">' in fetched.body
        text = fetched.body.decode("cp1254")
        for letter in "ğşıİ":
            assert letter in text, letter
        assert page.title in unescape(text)
        with pytest.raises(UnicodeDecodeError):
            fetched.body.decode("utf-8")
    assert header_charsets == {True, False}


def test_conditional_requests_get_304(demo_urls: dict[str, str]) -> None:
    page = next(p for p in TRUTH if p.site == "gazete")
    url = demo_urls["gazete"] + page.path
    first = fetch(url)
    etag, last_modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag
    assert parsedate_to_datetime(last_modified) == (page.updated or page.published)
    assert fetch(url, {"If-None-Match": etag}).status == 304
    assert fetch(url, {"If-None-Match": '"baska"'}).status == 200
    assert fetch(url, {"If-Modified-Since": last_modified}).status == 304
    earlier = format_datetime(parsedate_to_datetime(last_modified) - timedelta(days=1), True)
    assert fetch(url, {"If-Modified-Since": earlier}).status == 200
    not_modified = fetch(url, {"If-None-Match": etag})
    assert not_modified.body == b""
    assert not_modified.headers["ETag"] == etag


def test_head_gives_headers_without_body(demo_urls: dict[str, str]) -> None:
    head = fetch(demo_urls["ilmudurlugu"] + "/rss.xml", method="HEAD")
    assert head.status == 200
    assert int(head.headers["Content-Length"]) > 1000
    assert head.body == b""


def test_robots_txt_forbids_admin_and_one_linked_page(demo_urls: dict[str, str]) -> None:
    for site, base in demo_urls.items():
        robots = fetch(base + "/robots.txt")
        assert robots.status == 200
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(robots.body.decode("utf-8").splitlines())
        assert not parser.can_fetch("KupurBot", base + "/admin/")
        assert not parser.can_fetch("KupurBot", base + ROBOTS_DISALLOWED[site])
        article = next(p for p in TRUTH if p.site == site)
        assert parser.can_fetch("KupurBot", base + article.path)
        assert fetch(base + ROBOTS_DISALLOWED[site]).status == 200


def test_absolute_links_name_the_address_the_client_used(demo_urls: dict[str, str]) -> None:
    base = demo_urls["gazete"]
    page = fetch(base + "/kunye").body.decode("utf-8")
    assert f'<link rel="canonical" href="{base}/kunye">' in page
    assert "%BASE_URL%" not in page


def test_server_module_prints_urls_writes_sources_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    sources = tmp_path / "demo-sources.yaml"
    process = subprocess.Popen(
        [sys.executable, "-m", "kupur.demo.server", "--sources", str(sources)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(5)]
        urls = dict(line.split() for line in lines[:3])
        assert set(urls) == {"bakanlik", "ilmudurlugu", "gazete"}
        assert fetch(urls["bakanlik"] + "haberler/").status == 200
        assert f'start_urls: ["{urls["gazete"]}sitemap.xml"]' in sources.read_text()
        assert "Ctrl-C" in lines[4]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
