"""Commands that move articles through the pipeline: enrich, index, run, import, export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, TextIO

import click
from rich.table import Table

from kupur.app.export import write_export
from kupur.app.importer import read_jsonl
from kupur.app.pipeline import EnrichStats, IndexStats, enrich_pending, index_pending, rebuild_index
from kupur.cli.common import App, crawl_options, data_dir_option, pass_app, progress_bar
from kupur.core.errors import ImportFormatError

__all__ = ["enrich", "export", "import_", "index", "run"]


def _enrich(app: App) -> EnrichStats:
    with progress_bar(app, "Enriching") as update:
        return enrich_pending(app.settings, app.archive(), on_progress=update)


def _index(app: App) -> IndexStats:
    with progress_bar(app, "Indexing") as update:
        return index_pending(app.archive(), app.backend(), on_progress=update)


def enrich_and_index(app: App) -> tuple[EnrichStats, IndexStats]:
    """The stages after a crawl, with progress bars."""
    return _enrich(app), _index(app)


@click.command()
@data_dir_option
@click.option(
    "--all", "everything", is_flag=True, help="Enrich every article again, not only new ones."
)
@pass_app
def enrich(app: App, everything: bool) -> None:
    """Run the NLP stage over archived articles not yet enriched."""
    if everything:
        app.archive().mark_all_unenriched()
    stats = _enrich(app)
    app.err.print(f"Enriched {stats.enriched} article(s) into {stats.stories} story/stories.")


@click.command()
@data_dir_option
@click.option(
    "--rebuild", is_flag=True, help="Build a fresh index from the archive and switch to it."
)
@pass_app
def index(app: App, rebuild: bool) -> None:
    """Send enriched articles to the search index (the embedded one by default)."""
    if rebuild:
        count = rebuild_index(app.archive(), app.backend())
        app.err.print(f"Rebuilt the index with {count} article(s).")
        return
    stats = _index(app)
    app.err.print(f"Indexed {stats.indexed} article(s); {app.backend().count()} in the index.")


@click.command()
@data_dir_option
@crawl_options
@pass_app
def run(app: App, sources_file: Path | None, names: tuple[str, ...], refresh: bool) -> None:
    """Crawl, enrich and index in one go, then print a summary."""
    from kupur.app.crawling import run_crawl

    summary = run_crawl(
        app.settings,
        sources_file=sources_file,
        names=list(names) or None,
        refresh=refresh,
        show_progress=app.verbosity >= 0,
    )
    enriched, indexed = enrich_and_index(app)
    table = Table(title="kupur run")
    for column in ("fetched", "new", "updated", "failed", "enriched", "indexed"):
        table.add_column(column, justify="right")
    total = summary.total
    table.add_row(
        str(total.fetched),
        str(total.new),
        str(total.updated),
        str(total.failed),
        str(enriched.enriched),
        str(indexed.indexed),
    )
    app.err.print(table)
    if summary.all_failed:
        app.err.print(
            "Every source failed; see the crawl log. Articles already stored were enriched and indexed."
        )
        sys.exit(1)


@click.command("import")
@data_dir_option
@click.argument("file", type=click.File("rb"))
@click.option("--no-index", is_flag=True, help="Only store; do not enrich and index.")
@pass_app
def import_(app: App, file: BinaryIO, no_index: bool) -> None:
    """Load articles from JSON lines (url, title, text, published_at, source), then enrich and
    index them. Bad lines are reported with their line number and skipped."""
    archive = app.archive()
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    bad: list[ImportFormatError] = []
    for item in read_jsonl(file):
        if isinstance(item, ImportFormatError):
            bad.append(item)
            app.err.print(f"skipped {file.name}: {item}", markup=False)
            continue
        counts[archive.save(item)] += 1
    app.err.print(
        f"Imported {counts['new']} new, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged; {len(bad)} bad line(s) skipped."
    )
    if not no_index:
        enrich_and_index(app)
    if bad:
        sys.exit(1)


@click.command()
@data_dir_option
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--out",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Output file (default: standard output).",
)
@pass_app
def export(app: App, fmt: str, out: TextIO) -> None:
    """Write every archived article with its entities as JSON lines (which ``kupur import`` reads
    back) or CSV; the columns are those of the web export."""
    count = write_export(app.archive().iter_articles(), fmt, out)  # type: ignore[arg-type]
    app.err.print(f"Exported {count} article(s).")
