"""``kupur db``: the archive database's schema revision (current) and upgrading it in place (upgrade)."""

from __future__ import annotations

import json

import click

from kupur.app.archive import Archive
from kupur.app.migrations import BASELINE, SchemaStatus, schema_status, upgrade_schema
from kupur.cli.common import App, data_dir_option, pass_app

__all__ = ["db"]


@click.group()
def db() -> None:
    """The archive database's schema: show its revision, upgrade it in place.

    Kupür upgrades the database by itself whenever it opens it; these commands do it on demand
    and show where a database stands (after installing a new Kupür, before a backup...).
    """


@db.command()
@data_dir_option
@pass_app
def upgrade(app: App) -> None:
    """Upgrade the archive database to this Kupür's schema, keeping every row.

    A database made before migrations (no revision yet) keeps its tables and rows and is stamped
    as the baseline revision; a database that a newer Kupür upgraded is refused and left as it is.
    """
    archive = Archive(app.settings.archive_url, migrate=False)
    try:
        result = upgrade_schema(archive.engine)
    finally:
        archive.close()
    before = result.before
    if not result.applied:
        app.console.print(
            f"{before.database}: already at revision {result.head}, up to date.",
            markup=False,
            soft_wrap=True,
        )
        return
    if before.pre_migration_tables:
        app.console.print(
            f"{before.database}: made before migrations; kept its "
            f"{len(before.pre_migration_tables)} tables and their rows as revision {BASELINE}.",
            markup=False,
            soft_wrap=True,
        )
    start = ", ".join(before.current) if before.current else "no revision"
    app.console.print(
        f"{before.database}: upgraded from {start} to {result.head} "
        f"(ran {', '.join(result.applied)}).",
        markup=False,
        soft_wrap=True,
    )


@db.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object, for scripts.")
@data_dir_option
@pass_app
def current(app: App, as_json: bool) -> None:
    """Show the database's schema revision, this Kupür's newest (head), and whether it is current.

    Looks only: nothing is upgraded. Exits with status 1 when a newer Kupür upgraded the database.
    """
    archive = Archive(app.settings.archive_url, migrate=False)
    try:
        status = schema_status(archive.engine)
    finally:
        archive.close()
    if as_json:
        app.console.print_json(
            json.dumps(
                {
                    "database": status.database,
                    "current": list(status.current),
                    "head": status.head,
                    "up_to_date": status.up_to_date,
                    "state": status.state,
                }
            )
        )
    else:
        shown = ", ".join(status.current) if status.current else "none"
        for label, value in (
            ("database", status.database),
            ("current", shown),
            ("head", status.head),
            ("status", _explain(status)),
        ):
            app.console.print(f"{label:<9} {value}", markup=False, soft_wrap=True)
    status.refuse_if_newer()


def _explain(status: SchemaStatus) -> str:
    state = status.state
    if state == "up to date":
        return "up to date"
    if state == "newer":
        return "newer than this Kupür: upgrade Kupür"
    if state == "pre-migration":
        return (
            f"made before migrations: `kupur db upgrade` keeps its "
            f"{len(status.pre_migration_tables)} tables and stamps it {BASELINE}"
        )
    if state == "empty":
        return "no Kupür tables yet: `kupur db upgrade` creates them"
    return "behind: run `kupur db upgrade` (opening the archive does it too)"
