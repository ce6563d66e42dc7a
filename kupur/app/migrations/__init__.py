"""Schema migrations for Kupür's one database: the archive, the digest ledger, and what comes next.

Alembic runs them, in code: the configuration is built here with ``script_location`` pointing at
this package, so no ``alembic.ini`` is needed. :func:`upgrade_schema` runs whenever the archive
(or the mail ledger) opens a database, and ``kupur db upgrade`` / ``kupur db current`` call it and
:func:`schema_status` on demand. One history covers every table Kupür owns; APScheduler's job
store (``scheduler_jobs``) is APScheduler's own and is left alone.

* A fresh database is built by running the revisions from the start.
* A database made before migrations (Kupür up to commit e5fd887: Kupür's tables present, no
  ``alembic_version`` table) is the baseline revision: the baseline keeps the tables it finds,
  with their rows, creates only the missing ones (the ledger's appear only once a digest ran) and
  stamps the database; later revisions then run as usual.
* A database whose revision this code does not know (a newer Kupür upgraded it) is refused with
  :class:`~kupur.core.errors.ArchiveError` before anything is written.
* Openers race safely: the upgrade runs in one transaction that first takes a lock (``BEGIN
  IMMEDIATE`` on SQLite, whose DDL is transactional; a transaction-level advisory lock on
  PostgreSQL) and then reads the revision again, so the second opener finds the work done.

Adding a revision, after changing the tables in ``kupur/app/archive.py`` or
``kupur/digest/ledger.py`` (a database at the current head at hand)::

    from alembic import command
    from kupur.app import archive
    from kupur.app.migrations import alembic_config
    from kupur.digest import ledger

    with engine.begin() as connection:
        config = alembic_config(connection, [archive.metadata, ledger.metadata])
        command.revision(config, "what changed", autogenerate=True, rev_id="0002_what_changed")

then read the generated ``versions/v0002_what_changed.py``, make it work on existing rows, and
set :data:`HEAD` to the new revision.
``tests/kupur/test_migrations.py`` fails until a fresh database built by the revisions matches
the tables the code declares.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    MetaData,
    String,
    column,
    create_engine,
    event,
    inspect,
    select,
    table,
    text,
)
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from kupur.core.errors import ArchiveError

# Alembic is imported only when there is something to migrate: importing it costs a few tenths
# of a second, which every command and job would pay on opening an up-to-date archive.
if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

__all__ = [
    "BASELINE",
    "HEAD",
    "KUPUR_TABLES",
    "SchemaStatus",
    "SchemaUpgrade",
    "alembic_config",
    "head_revision",
    "schema_status",
    "upgrade_schema",
]

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent

#: The first revision: exactly the tables Kupür made with ``create_all`` up to commit e5fd887.
BASELINE = "0001_baseline"

#: The newest revision in ``versions/``. Kept here so that opening an up-to-date database reads
#: one row and imports nothing of Alembic; tests/kupur/test_migrations.py checks it is the head.
HEAD = "0001_baseline"

#: The tables of the baseline; finding any of them without a revision means a pre-migration
#: database made by Kupür.
KUPUR_TABLES = frozenset(
    {
        "articles",
        "raw_pages",
        "url_aliases",
        "rejections",
        "crawl_runs",
        "http_validators",
        "digest_sends",
        "alert_state",
        "alert_seen",
    }
)

#: Where Alembic keeps a database's revision (its default name).
VERSION_TABLE = "alembic_version"

_ADVISORY_KEY = zlib.crc32(b"kupur-schema-migrations")


def alembic_config(
    connection: Connection | None = None,
    target_metadata: MetaData | Sequence[MetaData] | None = None,
) -> Config:
    """Alembic's configuration for Kupür, built in code (no ``alembic.ini``).

    ``env.py`` migrates on ``connection`` (Kupür never lets Alembic open its own), and compares
    against ``target_metadata`` when autogenerating a revision.
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.set_main_option("file_template", "v%%(rev)s")
    # New revision files come out lint-clean and formatted (ruff is a development dependency).
    hooks = {
        "ruff_fix": "check --fix REVISION_SCRIPT_FILENAME",
        "ruff_format": "format REVISION_SCRIPT_FILENAME",
    }
    config.set_section_option("post_write_hooks", "hooks", " ".join(hooks))
    for name, options in hooks.items():
        config.set_section_option("post_write_hooks", f"{name}.type", "module")
        config.set_section_option("post_write_hooks", f"{name}.module", "ruff")
        config.set_section_option("post_write_hooks", f"{name}.options", options)
    config.attributes["connection"] = connection
    config.attributes["target_metadata"] = target_metadata
    return config


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    script.get_current_head()  # read every revision now, once, not lazily in several threads
    return script


def head_revision() -> str:
    """The newest revision this Kupür knows."""
    return HEAD


def _known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _script().walk_revisions())


@dataclass(frozen=True)
class SchemaStatus:
    """Where one database stands against this Kupür's migrations."""

    database: str
    """The database URL, password hidden."""
    current: tuple[str, ...]
    """The revision(s) stamped in the database; empty when it has none (new or pre-migration)."""
    head: str
    """The newest revision this Kupür knows."""
    pre_migration_tables: tuple[str, ...]
    """Kupür's tables found in a database without a revision (made before migrations)."""

    @property
    def unknown(self) -> tuple[str, ...]:
        """Revisions in the database that this Kupür does not know: a newer Kupür made them."""
        if self.up_to_date or not self.current:
            return ()
        known = _known_revisions()
        return tuple(revision for revision in self.current if revision not in known)

    @property
    def up_to_date(self) -> bool:
        return self.current == (self.head,)

    @property
    def state(self) -> str:
        """``up to date``, ``newer``, ``behind``, ``pre-migration`` or ``empty``."""
        if self.unknown:
            return "newer"
        if self.up_to_date:
            return "up to date"
        if self.current:
            return "behind"
        return "pre-migration" if self.pre_migration_tables else "empty"

    def refuse_if_newer(self) -> None:
        """Raise ArchiveError when a newer Kupür upgraded this database."""
        if self.unknown:
            raise ArchiveError(_newer_message(self.database, self.unknown))


@dataclass(frozen=True)
class SchemaUpgrade:
    """What :func:`upgrade_schema` found and did."""

    before: SchemaStatus
    applied: tuple[str, ...]
    """The revisions run, oldest first (the baseline for a pre-migration database)."""

    @property
    def head(self) -> str:
        return self.before.head


def schema_status(engine: Engine) -> SchemaStatus:
    """Read the database's revision; writes nothing."""
    database = _shown(engine)
    try:
        with engine.connect() as connection:
            return _status(connection, database)
    except SQLAlchemyError as exc:
        raise ArchiveError(f"cannot open the archive at {database}: {_reason(exc)}") from exc


def upgrade_schema(engine: Engine) -> SchemaUpgrade:
    """Bring the database to the newest revision, keeping every row.

    Cheap when the database is already there (one read, no lock). Raises ArchiveError, with
    nothing written, for a database of a newer Kupür or when the upgrade fails.
    """
    status = schema_status(engine)
    status.refuse_if_newer()
    if status.up_to_date:
        return SchemaUpgrade(status, ())
    from alembic import command
    from alembic.util import CommandError

    database = status.database
    try:
        with _locked(engine) as connection:
            status = _status(connection, database)  # again: another opener may have done it
            status.refuse_if_newer()
            if status.up_to_date:
                return SchemaUpgrade(status, ())
            applied = _pending(status)
            if status.pre_migration_tables:
                log.info(
                    "%s: Kupür tables without a schema revision (%s); keeping them as revision %s",
                    database,
                    ", ".join(status.pre_migration_tables),
                    BASELINE,
                )
            log.info("%s: upgrading the schema: %s", database, " → ".join(applied))
            command.upgrade(alembic_config(connection), "head")
    except (SQLAlchemyError, CommandError) as exc:
        reason = _reason(exc) if isinstance(exc, SQLAlchemyError) else str(exc)
        raise ArchiveError(
            f"cannot upgrade the archive at {database} to schema revision {status.head}: "
            f"{reason}; nothing was changed"
        ) from exc
    return SchemaUpgrade(status, applied)


def _status(connection: Connection, database: str) -> SchemaStatus:
    # Alembic's own reading (MigrationContext.get_current_heads) logs at INFO on every call;
    # this runs whenever an archive opens, so read its table directly.
    tables = set(inspect(connection).get_table_names())
    current: tuple[str, ...] = ()
    if VERSION_TABLE in tables:
        version_num = column("version_num", String)
        rows = connection.execute(select(version_num).select_from(table(VERSION_TABLE)))
        current = tuple(sorted(rows.scalars()))
    found = () if current else tuple(sorted(KUPUR_TABLES & tables))
    return SchemaStatus(database, current, head_revision(), found)


def _pending(status: SchemaStatus) -> tuple[str, ...]:
    """The revisions an upgrade from ``status`` runs, oldest first."""
    lower = status.current[0] if len(status.current) == 1 else "base"
    scripts = _script().iterate_revisions(status.head, lower)
    return tuple(reversed([script.revision for script in scripts]))


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """A transaction that only one migrating process (or thread) holds at a time."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_KEY})
            yield connection
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        with engine.begin() as connection:  # nobody else can see this database
            yield connection
        return
    # pysqlite neither begins a transaction before DDL nor lets one choose the kind: take over
    # (SQLAlchemy's recipe) on a private connection, and take the write lock from the start.
    private = create_engine(engine.url, poolclass=NullPool)
    event.listen(private, "connect", _sqlite_manual_transactions)
    event.listen(private, "begin", _sqlite_begin_immediate)
    try:
        with private.begin() as connection:
            yield connection
    finally:
        private.dispose()


def _sqlite_manual_transactions(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.close()


def _sqlite_begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _newer_message(database: str, unknown: Sequence[str]) -> str:
    revisions = ", ".join(repr(revision) for revision in unknown)
    return (
        f"the archive at {database} has schema revision {revisions}, which this Kupür "
        f"({_kupur_version()}, newest revision {head_revision()!r}) does not know: a newer Kupür "
        "upgraded it. Upgrade Kupür to use this database (pip install --upgrade kupur); "
        "nothing was changed."
    )


def _kupur_version() -> str:
    try:
        return version("kupur")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "not installed"


def _shown(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _reason(exc: SQLAlchemyError) -> str:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig).strip().splitlines()[0]
    return str(exc).splitlines()[0]
