"""``kupur scheduler``: run Kupür on its own (start), see what it will do (jobs), do one job now (run)."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click
from apscheduler.schedulers.background import BackgroundScheduler
from rich.table import Table

from kupur.cli.common import App, data_dir_option, pass_app

__all__ = ["scheduler"]


def _paths(app: App) -> tuple[str | None, str | None]:
    """The config file and data directory as absolute paths, as the jobs will be given them."""
    config = str(Path(app.config_file).resolve()) if app.config_file else None
    data_dir = str(Path(app.data_dir).expanduser().resolve()) if app.data_dir else None
    return config, data_dir


def _when(moment: datetime | None, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z") if moment else "paused"


@click.group()
def scheduler() -> None:
    """Crawl, enrich, index, send digests and check alerts on a schedule."""


@scheduler.command()
@data_dir_option
@pass_app
def start(app: App) -> None:
    """Run the scheduler in the foreground until SIGTERM or Ctrl-C.

    One crawl job per enabled source (each followed by enrichment and indexing), the weekly and
    daily digests and the alert checks. Jobs are kept in the archive's database; only one
    scheduler may run per database.
    """
    from kupur.scheduler import run_scheduler

    config, data_dir = _paths(app)
    settings = app.settings
    zone = ZoneInfo(settings.scheduler.timezone)
    if app.verbosity == 0:
        # Job starts, ends and failures are the point of a scheduler's output.
        for name in ("scheduler", "apscheduler.scheduler"):
            logging.getLogger(name).setLevel(logging.INFO)

    def started(running: BackgroundScheduler) -> None:
        jobs = sorted(running.get_jobs(), key=lambda j: (j.next_run_time is None, j.next_run_time))
        app.err.print(f"Scheduler started with {len(jobs)} job(s); Ctrl-C or SIGTERM stops it.")
        for job in jobs:
            app.err.print(f"  {job.id:<24} next {_when(job.next_run_time, zone)}", markup=False)

    run_scheduler(
        settings, app.archive().engine, config_file=config, data_dir=data_dir, on_started=started
    )
    app.err.print("Scheduler stopped.")


@scheduler.command()
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print the jobs as JSON.")
@pass_app
def jobs(app: App, as_json: bool) -> None:
    """List the scheduled jobs with their next run times."""
    from kupur.scheduler import list_jobs

    config, data_dir = _paths(app)
    zone = ZoneInfo(app.settings.scheduler.timezone)
    infos = list_jobs(app.settings, app.archive().engine, config, data_dir)
    if as_json:
        records = [
            {
                "id": i.id,
                "description": i.description,
                "next_run_time": i.next_run_time.isoformat() if i.next_run_time else None,
                "stored": i.stored,
                "planned": i.planned,
            }
            for i in infos
        ]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    table = Table(title="Scheduled jobs")
    table.add_column("job")
    table.add_column("next run")
    table.add_column("what")
    for info in infos:
        table.add_row(info.id, _when(info.next_run_time, zone), info.description)
    app.console.print(table)
    if not any(i.stored for i in infos):
        app.err.print("The scheduler has not run yet; `kupur scheduler start` starts it.")


@scheduler.command("run")
@data_dir_option
@click.argument("job")
@pass_app
def run_job(app: App, job: str) -> None:
    """Run one job (e.g. crawl:SOURCE, pipeline, digest:weekly, alerts) now, in the foreground."""
    from kupur.scheduler import run_job_now

    config, data_dir = _paths(app)
    result = run_job_now(app.settings, job, config, data_dir)
    app.err.print(f"Job {job} finished.")
    click.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))
