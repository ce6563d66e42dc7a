"""The labelled extraction set of ``kupur eval extraction``: the demo sites' article pages, served
by the demo server, plus the crawler's own labelled pages."""

from __future__ import annotations

from pathlib import Path

from kupur.crawlers.evaluation import LabelledPage, load_labelled
from kupur.crawlers.sources import parse_sources

__all__ = ["labelled_pages"]


def labelled_pages(sites_dir: Path | None = None) -> list[LabelledPage]:
    """The labelled extraction set: every demo site article page, fetched from the demo server
    (serving ``sites_dir``, default the committed demo sites) with the selectors its demo source
    gives, plus the crawler's own labelled pages."""
    from urllib.request import urlopen

    from kupur.demo.build import SITES_DIR
    from kupur.demo.server import render_sources, serve_demo_sites
    from kupur.demo.truth import load_truth

    pages: list[LabelledPage] = []
    with serve_demo_sites(sites_dir or SITES_DIR) as urls:
        demo_sources = parse_sources(render_sources(urls), "demo sources")
        selectors = {s.start_urls[0]: dict(s.selectors) for s in demo_sources}
        for truth in load_truth():
            base = urls[truth.site]
            url = base + truth.path
            with urlopen(url, timeout=10) as response:
                body = response.read()
                content_type = response.headers.get("Content-Type", "text/html")
            site_selectors = next((v for k, v in selectors.items() if k.startswith(base)), {})
            pages.append(
                LabelledPage(
                    style=truth.site,
                    url=url,
                    html=body,
                    content_type=content_type,
                    title=truth.title,
                    published=truth.published,
                    body=truth.body,
                    date_precision=truth.date_precision,
                    selectors=site_selectors,
                )
            )
    return pages + load_labelled()
