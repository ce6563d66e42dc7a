"""The demo sources template, rendered for live URLs, follows the sources-file schema."""

from __future__ import annotations

import re

import pytest
import yaml

from kupur.demo.server import render_sources
from kupur.demo.truth import load_truth, rejected_pages

URLS = {
    "bakanlik": "http://127.0.0.1:8101",
    "ilmudurlugu": "http://127.0.0.1:8102",
    "gazete": "http://127.0.0.1:8103/",
}
KINDS = {"bakanlik": "listing", "ilmudurlugu": "feed", "gazete": "sitemap"}


def _sources() -> dict[str, dict]:
    data = yaml.safe_load(render_sources(URLS))
    return {source["name"]: source for source in data["sources"]}


def test_rendered_file_names_one_source_per_site_with_its_start_url() -> None:
    text = render_sources(URLS)
    assert text.lstrip().startswith("#")
    assert not re.search(r"\{(bakanlik|ilmudurlugu|gazete)\}", text)
    sources = _sources()
    assert set(sources) == {"bakanlik-demo", "ilmudurlugu-demo", "gazete-demo"}
    assert sources["bakanlik-demo"]["start_urls"] == ["http://127.0.0.1:8101/haberler/"]
    assert sources["ilmudurlugu-demo"]["start_urls"] == ["http://127.0.0.1:8102/rss.xml"]
    assert sources["gazete-demo"]["start_urls"] == ["http://127.0.0.1:8103/sitemap.xml"]


def test_every_source_follows_the_schema() -> None:
    for name, source in _sources().items():
        assert re.fullmatch(r"[a-z0-9-]+", name)
        site = name.removesuffix("-demo")
        assert source["kind"] == KINDS[site]
        assert source["allowed_domains"] == ["127.0.0.1"]
        assert isinstance(source["interval_minutes"], int)
        assert source["enabled"] is True
        re.compile(source["article_pattern"])
        assert set(source.get("selectors", {})) <= {"title", "date", "body"}
    assert _sources()["bakanlik-demo"]["next_page"] == "a.next::attr(href)"


def test_article_patterns_match_articles_and_nothing_else() -> None:
    sources = _sources()
    for page in load_truth():
        source = sources[f"{page.site}-demo"]
        url = URLS[page.site].rstrip("/") + page.path
        assert re.search(source["article_pattern"], url), url
    listing = sources["bakanlik-demo"]["article_pattern"]
    assert not re.search(listing, "http://127.0.0.1:8101/haberler/sayfa/2/")
    assert not re.search(listing, "http://127.0.0.1:8101/haberler/")
    for page in rejected_pages():
        if page.reason == "not-article":
            pattern = sources[f"{page.site}-demo"]["article_pattern"]
            assert not re.search(pattern, URLS[page.site].rstrip("/") + page.path), page.path


def test_missing_site_url_is_refused() -> None:
    with pytest.raises(ValueError, match="gazete"):
        render_sources({"bakanlik": "http://127.0.0.1:1", "ilmudurlugu": "http://127.0.0.1:2"})
