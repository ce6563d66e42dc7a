"""``kupur demo``: the whole pipeline on the bundled demo sites, offline, in one command."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.table import Table

from kupur.app.config import Settings
from kupur.cli.common import App, data_dir_option, pass_app
from kupur.index.api import SearchRequest

__all__ = ["EXAMPLE_QUERIES", "demo"]

#: Searches the demo runs after indexing, each showing one feature of the query language.
EXAMPLE_QUERIES = (
    "siroma",
    'il:samsun "mobil sosyal hizmet"',
    "demirtas",
    'kisi:"sahit aydin" proje:siroma',
    "kurum:OKA",
)


def _loopback_settings(settings: Settings) -> Settings:
    """The demo sites are local: keep robots.txt and the concurrency cap, drop the delays."""
    crawl = settings.crawl.model_copy(update={"download_delay": 0.0})
    return settings.model_copy(update={"crawl": crawl})


@click.command()
@data_dir_option
@pass_app
def demo(app: App) -> None:
    """Serve the bundled demo sites on 127.0.0.1, crawl them with the real spiders, enrich,
    index, run example searches and write a sample digest."""
    from kupur.app.crawling import run_crawl
    from kupur.cli.pipeline import enrich_and_index
    from kupur.demo.server import render_sources, serve_demo_sites

    settings = app.settings
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    sources_file = settings.data_dir / "demo-sources.yaml"
    ports_file = settings.data_dir / "demo-ports.json"
    with serve_demo_sites(ports=_previous_ports(ports_file)) as urls:
        app.err.print("Demo sites: " + ", ".join(f"{name} {url}" for name, url in urls.items()))
        ports_file.write_text(
            json.dumps({name: int(url.rsplit(":", 1)[1]) for name, url in urls.items()})
        )
        sources_file.write_text(render_sources(urls), encoding="utf-8")
        summary = run_crawl(
            _loopback_settings(settings),
            sources_file=sources_file,
            show_progress=app.verbosity >= 0,
        )
    total = summary.total
    app.err.print(
        f"Crawled: {total.fetched} fetched, {total.new} new, {total.updated} updated, "
        f"{total.rejected} rejected, {total.failed} failed."
    )
    enriched, indexed = enrich_and_index(app)
    app.err.print(f"Enriched {enriched.enriched}, indexed {indexed.indexed}.")
    _show_examples(app)
    digest_files = _sample_digest(app)
    _where(app, sources_file, digest_files)


def _previous_ports(ports_file: Path) -> dict[str, int]:
    """The ports of the last demo run in this data directory: the same URLs crawl incrementally."""
    try:
        ports = json.loads(ports_file.read_text())
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in ports.items() if isinstance(k, str) and isinstance(v, int)}


def _show_examples(app: App) -> None:
    backend = app.backend()
    for query in EXAMPLE_QUERIES:
        result = backend.search(SearchRequest(query=query, limit=3, collapse_stories=True))
        table = Table(title=f"kupur search '{query}'  ({result.total} hits)", show_lines=False)
        table.add_column("date")
        table.add_column("source")
        table.add_column("title")
        for hit in result.hits:
            day = hit.published_at.date().isoformat() if hit.published_at else ""
            extra = f" (+{hit.other_outlets} other outlet(s))" if hit.other_outlets else ""
            table.add_row(day, hit.source, hit.title + extra)
        app.console.print(table)


def _sample_digest(app: App) -> list[Path]:
    from kupur.digest import write_sample_digest

    return write_sample_digest(app.settings, app.backend(), app.settings.data_dir / "sample-digest")


def _where(app: App, sources_file: Path, digest_files: list[Path]) -> None:
    settings = app.settings
    out = app.console
    out.soft_wrap = True
    out.print("\nWhere the data went:")
    out.print(f"  archive        {settings.archive_url}")
    out.print(f"  search index   {settings.index_dir}")
    out.print(f"  demo sources   {sources_file}")
    for path in digest_files:
        out.print(f"  sample digest  {path}")
    data_dir = settings.data_dir
    out.print(
        f"\nTry: kupur --data-dir {data_dir} search 'proje:siroma' --facets\n"
        f"     kupur --data-dir {data_dir} serve"
    )
