"""Integration: real crawls (in a subprocess, as the CLI runs them) against loopback servers."""

from __future__ import annotations

from pathlib import Path

import pytest

from kupur.app.archive import Archive
from kupur.app.config import Settings, load_settings
from kupur.app.crawling import run_crawl
from kupur.core.errors import SourceConfigError
from tests.crawlers.fixture_site import AgencySite, running


def _settings(tmp_path: Path) -> Settings:
    settings = load_settings(environ={}, data_dir=str(tmp_path / "data"))
    crawl = settings.crawl.model_copy(
        update={"download_delay": 0.0, "download_timeout": 1.0, "retry_times": 1}
    )
    return settings.model_copy(update={"crawl": crawl})


def _sources(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        f"""sources:
  - name: ajans
    kind: listing
    start_urls: ["{base}/bolge/liste/"]
    allowed_domains: ["127.0.0.1"]
    article_pattern: "/bolge/[a-z]+/haber-\\\\d+$"
  - name: olu-kaynak
    kind: feed
    start_urls: ["http://127.0.0.1:9/rss.xml"]
""",
        encoding="utf-8",
    )
    return path


def test_a_listing_crawl_handles_the_hard_cases_and_then_runs_incrementally(
    tmp_path: Path,
) -> None:
    site = AgencySite()
    settings = _settings(tmp_path)
    with running(site) as base:
        sources = _sources(tmp_path, base)
        first = run_crawl(settings, sources_file=sources, show_progress=False)
        ajans = first.sources["ajans"]
        # 30 listed articles over 6 pages, the redirected one among them, plus the ISO-8859-9
        # page and the syndicated copy; the PDF, the "not found" page and the 404 are rejected;
        # the 500 and the slow page fail; robots.txt refuses one.
        assert ajans.counts.new == 32
        assert ajans.counts.rejected == 3
        assert ajans.counts.failed == 2
        assert ajans.counts.robots_refused == 1
        assert ajans.status == "errors"
        # A source that cannot be reached fails alone.
        assert first.sources["olu-kaynak"].status == "failed"
        assert "/bolge/gizli/haber-5003" not in site.hits

        archive = Archive(settings.archive_url)
        legacy = archive.get(archive.article_id_for_url(base + "/bolge/sinop/haber-5006") or "")
        assert legacy is not None
        assert legacy.title == site.legacy.title
        assert "Müdürlüğü" in legacy.text
        copy_id = archive.article_id_for_url(base + "/bolge/ordu/haber-5007")
        assert copy_id is not None  # stored under its own URL, not the other site's
        reasons = {r.url.rsplit("/", 1)[1]: r.reason for r in archive.rejections()}
        assert reasons == {
            "haber-5004": "not-html",
            "haber-5005": "error-page",
            "haber-5008": "gone",
        }
        # The article listed with tracking parameters is stored once, under its clean URL.
        tracked = next(a for a in site.articles if a.number % 4 == 0)
        assert archive.article_id_for_url(base + tracked.path) is not None
        assert site.hits[tracked.path] == 1
        assert archive.count() == 32

        second = run_crawl(settings, sources_file=sources, names=["ajans"], show_progress=False)
        again = second.sources["ajans"]
        assert again.counts.new == 0
        assert site.conditional_hits.get("/bolge/liste/") is None  # last run was not complete
        assert site.hits["/bolge/liste/sayfa-2"] == 2  # full walk after an incomplete run
        assert site.hits[tracked.path] == 1  # known articles are not fetched again

        # The failed pages go away; the next walk completes and then a conditional request
        # answers 304 for the listing.
        for path in ("/bolge/samsun/haber-5001", "/bolge/samsun/haber-5002"):
            del site.resources[path]
        complete = run_crawl(settings, sources_file=sources, names=["ajans"], show_progress=False)
        assert complete.sources["ajans"].status == "ok"
        third = run_crawl(settings, sources_file=sources, names=["ajans"], show_progress=False)
        assert third.sources["ajans"].counts.not_modified == 1
        assert site.conditional_hits["/bolge/liste/"] == 1
        refreshed = run_crawl(
            settings, sources_file=sources, names=["ajans"], refresh=True, show_progress=False
        )
        assert refreshed.sources["ajans"].counts.unchanged >= 30
        assert archive.count() == 32


def test_paging_stops_at_a_page_of_known_articles(tmp_path: Path) -> None:
    site = AgencySite()
    for path in [p for p in site.resources if "/haber-50" in p]:
        del site.resources[path]
    settings = _settings(tmp_path)
    with running(site) as base:
        sources = _sources(tmp_path, base)
        run_crawl(settings, sources_file=sources, names=["ajans"], show_progress=False)
        hits_before = site.hits.get("/bolge/liste/sayfa-3", 0)
        # A new listing without validators: page 1 has nothing new, so page 2 is never asked for.
        site.resources["/bolge/liste/"].headers.clear()
        run_crawl(settings, sources_file=sources, names=["ajans"], show_progress=False)
        assert site.hits.get("/bolge/liste/sayfa-3", 0) == hits_before


def test_an_unknown_source_name_is_refused_before_crawling(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    sources = _sources(tmp_path, "http://127.0.0.1:9")
    with pytest.raises(SourceConfigError, match="unknown source 'yok'; known sources: ajans"):
        run_crawl(settings, sources_file=sources, names=["yok"], show_progress=False)


def test_a_crawl_stopped_by_its_time_limit_keeps_what_it_stored_and_resumes(
    tmp_path: Path,
) -> None:
    site = AgencySite()
    for path in [p for p in site.resources if "/haber-50" in p]:
        del site.resources[path]
    for path, resource in site.resources.items():
        if path.startswith("/bolge/liste/sayfa-"):
            resource.delay = 0.6  # each further listing page is slow
    settings = _settings(tmp_path)
    settings = settings.model_copy(
        update={"crawl": settings.crawl.model_copy(update={"download_timeout": 5.0})}
    )
    with running(site) as base:
        sources = _sources(tmp_path, base)
        stopped = run_crawl(
            settings, sources_file=sources, names=["ajans"], time_limit=2.0, show_progress=False
        )
        result = stopped.sources["ajans"]
        assert result.status == "stopped"
        kept = Archive(settings.archive_url).count()
        assert 0 < kept < 30
        assert result.counts.new == kept
        resumed = run_crawl(settings, sources_file=sources, names=["ajans"], show_progress=False)
        assert resumed.sources["ajans"].status == "ok"
        assert Archive(settings.archive_url).count() == 30
