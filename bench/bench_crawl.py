"""Crawl-and-extract throughput against a local server, and extraction alone.

    .venv/bin/python bench/bench_crawl.py [--pages 300]

1. crawl: a loopback agency site with N article pages behind a paginated listing, crawled by the
   real runner (subprocess, archive writes included) with politeness off (no robots.txt, no
   AutoThrottle, no delay, 16 concurrent requests per domain): pages per second.
2. extraction alone: ``kupur.crawlers.extraction.extract_article`` over the labelled pages (demo sites
   rendered from the corpus plus the crawler's own), pages per second, next to
   ``trafilatura.extract`` alone on the same pages.
Prints figures; passes or fails nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura

from kupur.app.config import load_settings
from kupur.app.crawling import labelled_pages, run_crawl
from kupur.crawlers.extraction import extract_article
from kupur.demo import build
from tests.crawlers.fixture_site import AgencySite, running


def bench_crawl(pages: int, workdir: Path) -> None:
    site = AgencySite(per_page=20, pages=max(1, pages // 20))
    settings = load_settings(environ={}, data_dir=str(workdir / "data"))
    crawl = settings.crawl.model_copy(
        update={
            "obey_robots": False,
            "autothrottle": False,
            "download_delay": 0.0,
            "concurrent_per_domain": 16,
        }
    )
    settings = settings.model_copy(update={"crawl": crawl})
    for path in [p for p in site.resources if "/haber-50" in p]:
        del site.resources[path]
    with running(site) as base:
        sources = workdir / "sources.yaml"
        sources.write_text(
            f'sources:\n  - name: bench\n    kind: listing\n    start_urls: ["{base}/bolge/liste/"]\n'
            f'    article_pattern: "/bolge/[a-z]+/haber-\\\\d+$"\n',
            encoding="utf-8",
        )
        started = time.perf_counter()
        summary = run_crawl(settings, sources_file=sources, show_progress=False)
        elapsed = time.perf_counter() - started
    total = summary.total
    print(
        f"crawl+extract+store: {total.fetched} pages ({total.new} articles) in {elapsed:.2f} s "
        f"= {total.fetched / elapsed:.1f} pages/s (politeness off, process start included)"
    )


def bench_extraction(workdir: Path, rounds: int) -> None:
    build.write_sites(workdir / "sites")
    pages = labelled_pages(workdir / "sites")
    extract_article(pages[0].html, pages[0].url)  # warm-up: trafilatura's first call is slow
    trafilatura.extract(pages[0].html.decode("utf-8", "replace"))
    started = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            extract_article(
                page.html, page.url, encoding_hint=page.content_type, content_type=page.content_type
            )
    ours = len(pages) * rounds / (time.perf_counter() - started)
    texts = [page.html for page in pages]
    started = time.perf_counter()
    for _ in range(rounds):
        for html, page in zip(texts, pages, strict=True):
            trafilatura.extract(html, url=page.url)
    alone = len(pages) * rounds / (time.perf_counter() - started)
    print(f"extraction alone: {ours:.0f} pages/s (kupur: metadata, dates, furniture, trafilatura)")
    print(f"trafilatura.extract alone: {alone:.0f} pages/s on the same {len(pages)} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_crawl(args.pages, Path(tmp))
        bench_extraction(Path(tmp), args.rounds)


if __name__ == "__main__":
    main()
