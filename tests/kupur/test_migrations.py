"""Schema migrations on real databases: an archive made by the code before migrations (commit
e5fd887, fixtures in data/legacy/) upgrades in place with every row kept; a fresh database ends with
exactly the tables the code declares; a database of a newer Kupür is refused untouched; openers
racing on a fresh database all succeed; ``kupur db current`` and ``kupur db upgrade``.

SQLite always; PostgreSQL when KUPUR_TEST_DATABASE_URL is set (each test in a throwaway schema).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import Engine, MetaData, Table, create_engine, inspect, select, text

from kupur.app import archive as archive_module
from kupur.app.archive import Archive
from kupur.app.migrations import (
    BASELINE,
    HEAD,
    KUPUR_TABLES,
    alembic_config,
    head_revision,
    schema_status,
)
from kupur.cli import cli
from kupur.core.errors import ArchiveError
from kupur.core.models import Article
from kupur.digest import ledger as ledger_module
from kupur.digest.ledger import MailLedger

PG_URL = os.environ.get("KUPUR_TEST_DATABASE_URL", "")
LEGACY = Path(__file__).parent / "data" / "legacy"
LEGACY_SQLITE = LEGACY / "archive-e5fd887.sqlite3"
LEGACY_POSTGRESQL = LEGACY / "archive-e5fd887.postgresql.sql"
FUTURE = "0099_from_a_newer_kupur"
#: Every table in the fixtures: Kupür's and APScheduler's job store, which must be left alone.
FIXTURE_TABLES = sorted(KUPUR_TABLES | {"scheduler_jobs"})


# -- databases -------------------------------------------------------------------------------------


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose tables land in a new, empty PostgreSQL schema (dropped afterwards)."""
    if not PG_URL:
        pytest.skip("KUPUR_TEST_DATABASE_URL is not set: PostgreSQL migration tests skipped")
    schema = f"kupur_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def legacy_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database made by Kupür before migrations, with rows, on each backend."""
    if request.param == "sqlite":
        copy = tmp_path / "archive.sqlite3"
        shutil.copyfile(LEGACY_SQLITE, copy)
        return f"sqlite:///{copy}"
    url: str = request.getfixturevalue("pg_url")
    engine = create_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql(LEGACY_POSTGRESQL.read_text(encoding="utf-8"))
        conn.commit()
    engine.dispose()
    return url


def _engine(url: str) -> Engine:
    return create_engine(url)


Rows = dict[str, list[dict[str, Any]]]


def _rows(url: str, like: Rows | None = None) -> Rows:
    """Every row of every table the fixtures hold, in a stable order.

    With ``like``, only its tables' columns are read, so a later revision may add columns and the
    rows kept are still compared with those the old code wrote.
    """
    engine = _engine(url)
    try:
        found = set(inspect(engine).get_table_names())
        rows: Rows = {}
        with engine.connect() as conn:
            for name in FIXTURE_TABLES:
                if name not in found:
                    continue
                table = Table(name, MetaData(), autoload_with=conn)
                columns = list(table.columns)
                if like is not None and like.get(name):
                    columns = [table.c[key] for key in like[name][0]]
                result = conn.execute(select(*columns))
                rows[name] = sorted((dict(row._mapping) for row in result), key=repr)
        return rows
    finally:
        engine.dispose()


def _table_identities(url: str) -> dict[str, Any]:
    """What changes when a table is dropped and made again: SQLite's root page, PostgreSQL's oid."""
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                result = conn.execute(text("SELECT name, rootpage, sql FROM sqlite_master"))
                return {row.name: (row.rootpage, row.sql) for row in result}
            return {
                name: conn.execute(text("SELECT to_regclass(:name)::oid"), {"name": name}).scalar()
                for name in FIXTURE_TABLES
            }
    finally:
        engine.dispose()


def _version(url: str) -> list[str]:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return []
            return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    finally:
        engine.dispose()


def _differences(url: str) -> list[Any]:
    """Alembic's comparison of the database with the tables the code declares (archive + ledger)."""
    declared = MetaData()
    for metadata in (archive_module.metadata, ledger_module.metadata):
        for table in metadata.tables.values():
            table.to_metadata(declared)

    def ours(name: str | None, type_: str, _parents: Any) -> bool:
        return type_ != "table" or name in declared.tables  # scheduler_jobs is APScheduler's

    engine = _engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_name": ours, "compare_type": True}
            )
            return list(compare_metadata(context, declared))
    finally:
        engine.dispose()


# -- the revisions ---------------------------------------------------------------------------------


def test_the_head_kept_in_code_is_the_newest_revision() -> None:
    """HEAD spares an up-to-date open from importing Alembic; it must follow versions/."""
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [HEAD], "set kupur.app.migrations.HEAD to the new revision"
    assert [s.revision for s in script.walk_revisions()][-1] == BASELINE


# -- upgrading a database made before migrations ---------------------------------------------------


def test_the_fixtures_are_databases_made_before_migrations(legacy_url: str) -> None:
    rows = _rows(legacy_url)
    assert _version(legacy_url) == []
    assert set(rows) == set(FIXTURE_TABLES)
    assert all(rows[name] for name in FIXTURE_TABLES), "every table of the fixture has rows"
    archive = Archive(legacy_url, migrate=False)
    status = schema_status(archive.engine)
    archive.close()
    assert status.state == "pre-migration"
    assert set(status.pre_migration_tables) == KUPUR_TABLES


def test_an_archive_made_before_migrations_upgrades_in_place_keeping_every_row(
    legacy_url: str,
) -> None:
    rows_before = _rows(legacy_url)

    archive = Archive(legacy_url)

    assert _version(legacy_url) == [head_revision()]
    assert schema_status(archive.engine).up_to_date
    assert _rows(legacy_url, like=rows_before) == rows_before  # the scheduler's job store too
    assert _differences(legacy_url) == []

    # The upgraded archive and ledger work on the old rows and take new ones.
    assert archive.count() == 3
    assert archive.count(unenriched=True) == 2
    enriched = archive.get("94ef11c6964ef7a7")
    assert enriched is not None
    assert enriched.entities is not None
    assert [p.name for p in enriched.entities.provinces] == ["Samsun"]
    assert enriched.embedding == [0.25, -0.5, 0.125]
    raw = archive.raw_html("0c983470a7b71fe9")
    assert raw is not None
    assert raw[1] == "windows-1254"
    assert archive.start_run("samsun-il") == 3  # the id sequence carried on
    assert archive.save(Article(url="https://ornek.gov.tr/yeni", source="s", title="T", text="x"))
    ledger = MailLedger(archive.engine)
    assert [(r.subscription, r.status) for r in ledger.history()] == [
        ("samsun-haftalik", "sent"),
        ("ordu-gunluk", "failed"),
    ]
    assert ledger.seen("samsun-haftalik", "Samsun", ["94ef11c6964ef7a7"]) == {"94ef11c6964ef7a7"}
    archive.close()


def test_a_database_made_before_migrations_is_stamped_as_the_baseline_not_rebuilt(
    legacy_url: str,
) -> None:
    tables_before = _table_identities(legacy_url)
    engine = _engine(legacy_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), BASELINE)
    engine.dispose()

    assert _version(legacy_url) == [BASELINE]
    tables_after = _table_identities(legacy_url)
    assert {name: tables_after[name] for name in tables_before} == tables_before
    assert all("alembic_version" in name for name in set(tables_after) - set(tables_before))


def test_an_archive_without_the_digest_tables_gets_them_when_stamped(tmp_path: Path) -> None:
    """Before migrations the ledger's tables appeared only once a digest ran."""
    copy = tmp_path / "archive.sqlite3"
    shutil.copyfile(LEGACY_SQLITE, copy)
    url = f"sqlite:///{copy}"
    engine = _engine(url)
    with engine.begin() as conn:
        for name in ("digest_sends", "alert_state", "alert_seen"):
            conn.execute(text(f"DROP TABLE {name}"))
    engine.dispose()
    rows_before = _rows(url)

    archive = Archive(url)
    archive.close()

    assert _version(url) == [head_revision()]
    rows_after = _rows(url, like=rows_before)
    assert {name: rows_after[name] for name in rows_before} == rows_before
    assert rows_after["digest_sends"] == rows_after["alert_state"] == rows_after["alert_seen"] == []
    assert _differences(url) == []


def test_a_foreign_table_of_the_same_name_is_refused_and_nothing_is_kept(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    engine = _engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT)"))
    engine.dispose()

    with pytest.raises(ArchiveError, match=r"'articles'.*lacks the columns url, canonical_url"):
        Archive(url)

    # The tables created before the check failed (alert_seen, alert_state) were rolled back.
    engine = _engine(url)
    assert inspect(engine).get_table_names() == ["articles"]
    engine.dispose()


def test_db_upgrade_command_upgrades_a_pre_migration_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KUPUR_DATABASE_URL", raising=False)
    shutil.copyfile(LEGACY_SQLITE, tmp_path / "archive.sqlite3")
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    rows_before = _rows(url)
    runner = CliRunner()

    shown = runner.invoke(cli, ["db", "current", "--data-dir", str(tmp_path)])
    assert shown.exit_code == 0, shown.output
    assert "current   none" in shown.output
    assert f"head      {head_revision()}" in shown.output
    assert "made before migrations" in shown.output
    assert _version(url) == []  # only looked

    upgraded = runner.invoke(cli, ["db", "upgrade", "--data-dir", str(tmp_path)])
    assert upgraded.exit_code == 0, upgraded.output
    assert "kept its 9 tables and their rows" in upgraded.output
    assert f"upgraded from no revision to {head_revision()}" in upgraded.output
    assert _rows(url, like=rows_before) == rows_before

    again = runner.invoke(cli, ["db", "upgrade", "--data-dir", str(tmp_path)])
    assert again.exit_code == 0
    assert "up to date" in again.output

    as_json = runner.invoke(cli, ["db", "current", "--json", "--data-dir", str(tmp_path)])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output) == {
        "database": url,
        "current": [head_revision()],
        "head": head_revision(),
        "up_to_date": True,
        "state": "up to date",
    }


# -- a fresh database ------------------------------------------------------------------------------


def test_a_fresh_database_has_exactly_the_declared_tables(empty_url: str) -> None:
    archive = Archive(empty_url)
    tables = set(inspect(archive.engine).get_table_names())
    archive.close()

    declared = set(archive_module.metadata.tables) | set(ledger_module.metadata.tables)
    assert declared == KUPUR_TABLES
    assert tables == declared | {"alembic_version"}
    assert _version(empty_url) == [head_revision()]
    assert _differences(empty_url) == []


def test_the_ledger_alone_migrates_the_whole_database(empty_url: str) -> None:
    """One history for the one database, whichever part opens it first."""
    engine = _engine(empty_url)
    MailLedger(engine)
    engine.dispose()
    assert _version(empty_url) == [head_revision()]
    assert _differences(empty_url) == []


def test_opening_an_up_to_date_database_writes_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    Archive(url).close()
    before = hashlib.sha256((tmp_path / "archive.sqlite3").read_bytes()).hexdigest()
    Archive(url).close()
    MailLedger(_engine(url)).engine.dispose()
    assert hashlib.sha256((tmp_path / "archive.sqlite3").read_bytes()).hexdigest() == before


# -- a database from a newer Kupür -----------------------------------------------------------------


def _made_by_a_newer_kupur(url: str) -> None:
    Archive(url).close()
    engine = _engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE})
    engine.dispose()


def test_a_database_of_a_newer_kupur_is_refused_and_left_untouched(empty_url: str) -> None:
    _made_by_a_newer_kupur(empty_url)
    tables_before = _table_identities(empty_url)
    rows_before = _rows(empty_url)

    with pytest.raises(ArchiveError) as caught:
        Archive(empty_url)
    message = str(caught.value)
    assert FUTURE in message
    assert "newer Kupür" in message
    assert "Upgrade Kupür" in message
    engine = _engine(empty_url)
    with pytest.raises(ArchiveError, match=FUTURE):
        MailLedger(engine)
    engine.dispose()

    assert _version(empty_url) == [FUTURE]
    assert _table_identities(empty_url) == tables_before
    assert _rows(empty_url) == rows_before


def test_a_newer_sqlite_database_file_is_not_written_at_all(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    _made_by_a_newer_kupur(f"sqlite:///{path}")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(ArchiveError, match=FUTURE):
        Archive(f"sqlite:///{path}")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_db_commands_refuse_a_newer_database_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KUPUR_DATABASE_URL", raising=False)
    _made_by_a_newer_kupur(f"sqlite:///{tmp_path / 'archive.sqlite3'}")
    runner = CliRunner()

    shown = runner.invoke(cli, ["db", "current", "--data-dir", str(tmp_path)])
    assert shown.exit_code == 1
    assert f"current   {FUTURE}" in shown.output
    assert "Upgrade Kupür" in shown.output

    for args in (["db", "upgrade"], ["export"]):
        result = runner.invoke(cli, [*args, "--data-dir", str(tmp_path)])
        assert result.exit_code == 1, args
        assert FUTURE in result.output
        assert "Traceback" not in result.output
    assert _version(f"sqlite:///{tmp_path / 'archive.sqlite3'}") == [FUTURE]


# -- openers racing on a fresh database ------------------------------------------------------------

_OPENER = """
import sys, time
from pathlib import Path
from kupur.app.archive import Archive
from kupur.digest.ledger import MailLedger

url, ready, go = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
ready.touch()
while not go.exists():
    time.sleep(0.001)
archive = Archive(url)
MailLedger(archive.engine)
print(archive.count())
archive.close()
"""


def test_processes_opening_a_fresh_sqlite_archive_at_once_all_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 'archive.sqlite3'}"
    go = tmp_path / "go"
    readies = [tmp_path / f"ready-{n}" for n in range(4)]
    openers = [
        subprocess.Popen(
            [sys.executable, "-c", _OPENER, url, str(ready), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for ready in readies
    ]
    deadline = time.monotonic() + 120
    while not all(ready.exists() for ready in readies) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    results = [opener.communicate(timeout=120) for opener in openers]

    for opener, (out, err) in zip(openers, results, strict=True):
        assert opener.returncode == 0, err
        assert out.strip() == "0"
    assert _version(url) == [head_revision()]
    assert _differences(url) == []


def test_threads_opening_a_fresh_archive_at_once_all_succeed(empty_url: str) -> None:
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_archive() -> None:
        barrier.wait()
        try:
            Archive(empty_url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_archive, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    assert errors == []
    assert _version(empty_url) == [head_revision()]
    assert _differences(empty_url) == []
