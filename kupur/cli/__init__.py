"""The ``kupur`` command line. Library code raises ``kupur.core.errors``; only this layer turns those
errors into messages and exit codes (1 for a failed operation, 2 for a bad query or usage)."""

from __future__ import annotations

import errno
import sys
from typing import Any

import click

from kupur.cli.common import App, configure_logging
from kupur.core.errors import KupurError, QuerySyntaxError

__all__ = ["cli", "main"]


class UserError(click.ClickException):
    """A KupurError shown to the user as ``Error: <message>``; exit status 1."""


class BadQueryError(UserError):
    """A malformed query; exit status 2, like other usage errors."""

    exit_code = 2


#: File-system refusals that no library layer turned into a KupurError still end in a message.
_LOCAL_WRITE_FAULTS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS)


class KupurGroup(click.Group):
    """Turns library errors into clean messages instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QuerySyntaxError as exc:
            raise BadQueryError(str(exc)) from exc
        except KupurError as exc:
            raise UserError(str(exc)) from exc
        except OSError as exc:
            if exc.errno not in _LOCAL_WRITE_FAULTS:
                raise
            where = f" {exc.filename}" if exc.filename else ""
            raise UserError(
                f"cannot write{where}: {exc.strerror}. Free disk space (or make it writable), "
                "then run the command again"
            ) from exc
        except KeyboardInterrupt:
            click.echo("Interrupted; everything stored so far is kept.", err=True)
            sys.exit(130)


@click.group(cls=KupurGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    envvar="KUPUR_CONFIG",
    help="A kupur.toml to read (default: ./kupur.toml if present).",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    help="Where the archive and index live (default: KUPUR_DATA_DIR or the config file).",
)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.version_option(package_name="kupur")
@click.pass_context
def cli(
    ctx: click.Context, config_file: str | None, data_dir: str | None, verbose: int, quiet: bool
) -> None:
    """Kupür: crawl, enrich, index and search Turkish news about social services."""
    verbosity = -1 if quiet else verbose
    configure_logging(verbosity)
    app = App(config_file, data_dir, verbosity)
    ctx.obj = app
    ctx.call_on_close(app.close)


def main() -> None:
    cli(prog_name="kupur")


def _register() -> None:
    """Attach every command module to the root group (kept in one place for the README test)."""
    from kupur.cli import crawl, db, demo, digest, nlp_commands, pipeline, scheduler, search, serve

    nlp_commands.eval_group.add_command(crawl.extraction_command)
    for command in (
        crawl.crawl,
        crawl.sources,
        pipeline.enrich,
        pipeline.index,
        pipeline.run,
        search.search,
        pipeline.import_,
        pipeline.export,
        nlp_commands.extract,
        nlp_commands.projects,
        nlp_commands.eval_group,
        scheduler.scheduler,
        digest.digest,
        digest.alerts,
        serve.serve,
        demo.demo,
        db.db,
    ):
        cli.add_command(command)


_register()
