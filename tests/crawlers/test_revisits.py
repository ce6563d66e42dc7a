"""Integration: a sitemap's <lastmod> or a feed's <pubDate>/<updated> later than our last fetch of
a known article makes the crawl fetch it again (a real crawl subprocess, a loopback server)."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime
from pathlib import Path

from kupur.app.archive import Archive
from kupur.app.config import Settings, load_settings
from kupur.app.crawling import run_crawl
from tests.crawlers.fixture_site import AgencyArticle, AgencySite, article_html, running


def _settings(tmp_path: Path) -> Settings:
    settings = load_settings(environ={}, data_dir=str(tmp_path / "data"))
    crawl = settings.crawl.model_copy(
        update={"download_delay": 0.0, "download_timeout": 2.0, "retry_times": 1}
    )
    return settings.model_copy(update={"crawl": crawl})


def _sitemap(base: str, entries: list[tuple[AgencyArticle, dt.datetime]]) -> str:
    urls = "".join(
        f"<url><loc>{base}{a.path}</loc><lastmod>{when.isoformat(timespec='seconds')}</lastmod></url>"
        for a, when in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )


def _rss(base: str, entries: list[tuple[AgencyArticle, dt.datetime]]) -> str:
    items = "".join(
        f"<item><title>{a.title}</title><link>{base}{a.path}</link>"
        f"<pubDate>{format_datetime(when.astimezone(dt.UTC), usegmt=True)}</pubDate></item>"
        for a, when in entries
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bölge</title>{items}</channel></rss>'


def _atom(base: str, entries: list[tuple[AgencyArticle, dt.datetime]]) -> str:
    items = "".join(
        f'<entry><title>{a.title}</title><link href="{base}{a.path}"/><id>{a.path}</id>'
        f"<published>{a.published.isoformat()}</published>"
        f"<updated>{when.isoformat(timespec='seconds')}</updated></entry>"
        for a, when in entries
    )
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Bölge</title>{items}</feed>'


def _sources(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        f"""sources:
  - name: harita
    kind: sitemap
    start_urls: ["{base}/sitemap.xml"]
    allowed_domains: ["127.0.0.1"]
    article_pattern: "/bolge/[a-z]+/haber-\\\\d+$"
  - name: akis
    kind: feed
    start_urls: ["{base}/rss.xml", "{base}/atom.xml"]
    allowed_domains: ["127.0.0.1"]
    article_pattern: "/bolge/[a-z]+/haber-\\\\d+$"
""",
        encoding="utf-8",
    )
    return path


def _rewrite(site: AgencySite, article: AgencyArticle, addition: str) -> None:
    """The site edits an article: one more sentence in its last paragraph."""
    edited = AgencyArticle(
        article.number,
        article.province,
        article.district,
        article.title,
        article.published,
        (*article.paragraphs[:-1], article.paragraphs[-1] + " " + addition),
    )
    site.add(article.path, article_html(edited))


def test_a_newer_lastmod_or_feed_date_fetches_a_known_article_again(tmp_path: Path) -> None:
    site = AgencySite(per_page=3, pages=3)
    mapped, fed_rss, fed_atom = site.articles[:3], site.articles[3:6], site.articles[6:9]
    settings = _settings(tmp_path)
    with running(site) as base:

        def publish(changes: dict[str, dt.datetime]) -> None:
            def when(a: AgencyArticle) -> dt.datetime:
                return changes.get(a.path, a.published)

            site.add("/sitemap.xml", _sitemap(base, [(a, when(a)) for a in mapped]), "text/xml")
            site.add("/rss.xml", _rss(base, [(a, when(a)) for a in fed_rss]), "text/xml")
            site.add("/atom.xml", _atom(base, [(a, when(a)) for a in fed_atom]), "text/xml")

        publish({})
        sources = _sources(tmp_path, base)
        first = run_crawl(settings, sources_file=sources, show_progress=False)
        assert first.sources["harita"].counts.new == 3
        assert first.sources["akis"].counts.new == 6

        # Nothing changed: no article is fetched again.
        run_crawl(settings, sources_file=sources, show_progress=False)
        assert all(site.hits[a.path] == 1 for a in [*mapped, *fed_rss, *fed_atom])

        # The site edits three articles and says so in the sitemap and both feeds; a fourth
        # gets a newer <lastmod> with its text unchanged.
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        edited = {mapped[0].path: now, fed_rss[1].path: now, fed_atom[2].path: now}
        for article in (mapped[0], fed_rss[1], fed_atom[2]):
            _rewrite(site, article, "Çalışmaların takvimi il müdürlüğünce güncellendi.")
        publish({**edited, mapped[1].path: now})
        third = run_crawl(settings, sources_file=sources, show_progress=False)

        assert third.sources["harita"].counts.updated == 1
        assert third.sources["harita"].counts.unchanged == 1
        assert third.sources["akis"].counts.updated == 2
        refetched = {*edited, mapped[1].path}
        for article in [*mapped, *fed_rss, *fed_atom]:
            assert site.hits[article.path] == (2 if article.path in refetched else 1), article.path
        archive = Archive(settings.archive_url)
        for path in edited:
            stored = archive.get(archive.article_id_for_url(base + path) or "")
            assert stored is not None
            assert stored.text.endswith("takvimi il müdürlüğünce güncellendi.")
        assert archive.count() == 9

        # Once fetched after its last change, an article is left alone again.
        run_crawl(settings, sources_file=sources, show_progress=False)
        for article in [*mapped, *fed_rss, *fed_atom]:
            assert site.hits[article.path] == (2 if article.path in refetched else 1)
