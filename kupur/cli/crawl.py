"""``kupur crawl``, ``kupur sources list|check|status`` and ``kupur eval extraction``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.table import Table

from kupur.cli.common import App, crawl_options, data_dir_option, pass_app, sources_file_option

__all__ = ["crawl", "extraction_command", "sources"]


@click.command()
@data_dir_option
@crawl_options
@click.option("--time-limit", type=float, help="Stop after this many seconds (default: config).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@pass_app
def crawl(
    app: App,
    sources_file: Path | None,
    names: tuple[str, ...],
    refresh: bool,
    time_limit: float | None,
    as_json: bool,
) -> None:
    """Crawl the sources (all enabled ones, or those named) into the archive."""
    from kupur.app.crawling import run_crawl

    summary = run_crawl(
        app.settings,
        sources_file=sources_file,
        names=list(names) or None,
        refresh=refresh,
        time_limit=time_limit,
        show_progress=app.verbosity >= 0 and not as_json,
    )
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        columns = (
            "fetched",
            "new",
            "updated",
            "unchanged",
            "rejected",
            "failed",
            "robots_refused",
            "not_modified",
        )
        table = Table(title="kupur crawl")
        table.add_column("source")
        table.add_column("status")
        for column in columns:
            table.add_column(column.replace("_", " "), justify="right")
        for result in summary.sources.values():
            table.add_row(
                result.name, result.status, *(str(getattr(result.counts, c)) for c in columns)
            )
        total = summary.total
        table.add_row("total", "", *(str(getattr(total, c)) for c in columns), style="bold")
        app.console.print(table)
        if summary.log_file:
            app.err.print(f"Crawl log: {summary.log_file}", markup=False)
    if summary.all_failed:
        sys.exit(1)


@click.group()
def sources() -> None:
    """List, check and report on the sources file."""


@sources.command("list")
@data_dir_option
@sources_file_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
@pass_app
def list_sources(app: App, sources_file: Path | None, as_json: bool) -> None:
    """List the sources: name, kind, interval, enabled, first start URL."""
    from kupur.crawlers.sources import load_sources

    loaded = load_sources(sources_file or app.settings.sources_path)
    if as_json:
        click.echo(json.dumps([s.to_dict() for s in loaded], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{len(loaded)} sources")
    for column in ("name", "kind", "every (min)", "enabled", "start URL"):
        table.add_column(column)
    for source in loaded:
        table.add_row(
            source.name,
            source.kind,
            str(source.interval_minutes),
            "yes" if source.enabled else "no",
            source.start_urls[0],
        )
    app.console.print(table)


@sources.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_app
def check_sources(app: App, file: Path) -> None:
    """Validate a sources file; every problem is listed with its line."""
    from kupur.crawlers.sources import load_sources

    loaded = load_sources(file)
    enabled = sum(1 for s in loaded if s.enabled)
    app.console.print(f"{file}: OK, {len(loaded)} sources ({enabled} enabled)", markup=False)


@sources.command("status")
@data_dir_option
@sources_file_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
@pass_app
def status_sources(app: App, sources_file: Path | None, as_json: bool) -> None:
    """Per source: the last crawl's time and status, pages fetched, new and updated articles,
    errors and robots.txt refusals."""
    from kupur.crawlers.sources import load_sources

    loaded = load_sources(sources_file or app.settings.sources_path)
    runs = app.archive().last_runs()
    names = [s.name for s in loaded] + sorted(set(runs) - {s.name for s in loaded})
    rows = []
    for name in names:
        run = runs.get(name)
        stats = run.stats if run else {}
        rows.append(
            {
                "source": name,
                "last_crawl": run.started_at.isoformat(timespec="seconds") if run else None,
                "status": run.status if run else "never crawled",
                **{
                    key: int(stats.get(key, 0))
                    for key in ("fetched", "new", "updated", "failed", "robots_refused")
                },
            }
        )
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title="sources status")
    for column in (
        "source",
        "last crawl",
        "status",
        "fetched",
        "new",
        "updated",
        "errors",
        "robots refused",
    ):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["source"]),
            str(row["last_crawl"] or "-"),
            str(row["status"]),
            *(str(row[k]) for k in ("fetched", "new", "updated", "failed", "robots_refused")),
        )
    app.console.print(table)


@click.command("extraction")
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
@click.option(
    "--show-misses", is_flag=True, help="List the pages with a wrong title, date, author or body."
)
@pass_app
def extraction_command(app: App, as_json: bool, show_misses: bool) -> None:
    """Score the extraction on the labelled pages (the demo sites and the crawler's own set):
    title accuracy, date accuracy and body token F1."""
    from kupur.crawlers.evaluation import evaluate
    from kupur.demo.labelled import labelled_pages

    report = evaluate(labelled_pages())
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    table = Table(title=f"extraction on {report.pages} labelled pages")
    columns = ("style", "pages", "title accuracy", "date accuracy", "body F1", "author accuracy")
    for column in columns:
        table.add_column(column, justify="right")
    for style, row in report.by_style.items():
        table.add_row(
            style,
            str(row.pages),
            f"{row.title_accuracy:.3f}",
            f"{row.date_accuracy:.3f}",
            f"{row.body_f1:.3f}",
            _share(row.author_accuracy),
        )
    table.add_row(
        "all",
        str(report.pages),
        f"{report.title_accuracy:.3f}",
        f"{report.date_accuracy:.3f}",
        f"{report.body_f1:.3f}",
        _share(report.author_accuracy),
        style="bold",
    )
    app.console.print(table)
    if show_misses:
        for miss in report.misses:
            app.console.print(miss, markup=False)


def _share(value: float | None) -> str:
    """An accuracy, or a dash where no labelled page could score it."""
    return "-" if value is None else f"{value:.3f}"
