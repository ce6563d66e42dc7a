"""``kupur digest`` (send the due digests, or write them with --dry-run) and ``kupur alerts check``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.table import Table

from kupur.cli.common import App, data_dir_option, pass_app

__all__ = ["alerts", "digest"]

F = TypeVar("F", bound=Callable[..., Any])


def _out_dir(dry_run: bool, out: Path | None) -> Path | None:
    if out is not None and not dry_run:
        raise click.UsageError("--out goes with --dry-run (a real run sends the mails)")
    if dry_run and out is None:
        raise click.UsageError("--dry-run needs --out DIR, where the .eml and .html files go")
    return out


def mail_options(command: F) -> F:
    """``--dry-run``, ``--out`` and ``--subscription``, shared by ``digest`` and ``alerts check``."""
    command = click.option(
        "--subscription", "names", multiple=True, help="Only this subscription (repeatable)."
    )(command)
    command = click.option(
        "--out",
        type=click.Path(file_okay=False, path_type=Path),
        help="With --dry-run: the folder for the .eml and .html files.",
    )(command)
    return click.option(
        "--dry-run",
        is_flag=True,
        help="Write the mails as files instead of sending; record nothing.",
    )(command)


@click.command()
@data_dir_option
@mail_options
@pass_app
def digest(app: App, dry_run: bool, out: Path | None, names: tuple[str, ...]) -> None:
    """Send each subscription's digest for the days since its last one.

    Subscriptions are read from the subscriptions file (see
    kupur/digest/subscriptions.example.yaml). A period already sent is never sent again; a
    failed send is retried and, if it still fails, reported here and tried again next time.
    """
    from kupur.digest import send_digests

    out_dir = _out_dir(dry_run, out)
    settings = app.settings
    outcomes = send_digests(
        settings, app.archive(), app.backend(), names=list(names) or None, dry_run_dir=out_dir
    )
    if not outcomes:
        app.err.print(f"No subscriptions in {settings.subscriptions_path}.")
        return
    table = Table(title="Digests (dry run)" if dry_run else "Digests")
    for column in ("subscription", "period", "status", "detail"):
        table.add_column(column)
    for outcome in outcomes:
        period = f"{outcome.period.start} … {outcome.period.last_day}" if outcome.period else "—"
        detail = ", ".join(str(f) for f in outcome.files) if outcome.files else outcome.detail
        table.add_row(outcome.subscription, period, outcome.status, detail)
    app.err.print(table)
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)


@click.group()
def alerts() -> None:
    """Alerts on saved searches: new matching articles and unusual spikes."""


@alerts.command()
@data_dir_option
@mail_options
@pass_app
def check(app: App, dry_run: bool, out: Path | None, names: tuple[str, ...]) -> None:
    """Check every saved search that asks for alerts and mail what fired.

    The first check of a search only records what already matches; later checks mail the new
    matches. A spike alert fires when today's matches exceed the recent daily average by the
    configured factor.
    """
    from kupur.digest import check_alerts

    out_dir = _out_dir(dry_run, out)
    outcomes = check_alerts(
        app.settings, app.archive(), app.backend(), names=list(names) or None, dry_run_dir=out_dir
    )
    if not outcomes:
        app.err.print("No alert fired.")
        return
    table = Table(title="Alerts (dry run)" if dry_run else "Alerts")
    for column in ("subscription", "search", "kind", "articles", "status", "detail"):
        table.add_column(column)
    for outcome in outcomes:
        detail = ", ".join(str(f) for f in outcome.files) if outcome.files else outcome.detail
        table.add_row(
            outcome.subscription,
            outcome.search,
            outcome.kind,
            str(outcome.count),
            outcome.status,
            detail,
        )
    app.err.print(table)
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)
