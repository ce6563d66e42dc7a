"""Baseline: the tables Kupür made with ``create_all`` up to commit e5fd887.

The archive (articles, raw_pages, url_aliases, rejections, crawl_runs, http_validators) and the
digest ledger (digest_sends, alert_state, alert_seen), copied here as they were so this revision
never changes when the code's tables do (their Python-side defaults stay with the code: they are
not in the DDL). Created with SQLAlchemy's own DDL for them, so a new database gets the very
statements ``create_all`` ran.

A database made before migrations already holds some or all of these tables (the ledger's appear
only once a digest or alert ran). Each one found is kept as it is, with its rows, after checking it
has the columns listed here; only the missing ones are created. That is how such a database is
recognised as this revision and stamped.

Revision ID: 0001_baseline
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from kupur.core.errors import ArchiveError

revision: str = "0001_baseline"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

schema = MetaData()

Table(
    "articles",
    schema,
    Column("id", String(16), primary_key=True),
    Column("url", Text, nullable=False),
    Column("canonical_url", Text, nullable=False, unique=True),
    Column("source", String(200), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), index=True),
    Column("updated_at", DateTime(timezone=True)),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    Column("language", String(8), nullable=False),
    Column("author", Text),
    Column("content_hash", String(40), nullable=False),
    Column("entities", Text),
    Column("embedding", LargeBinary),
    Column("story_id", String(64), index=True),
    Column("enriched_at", DateTime(timezone=True), index=True),
    Column("indexed_at", DateTime(timezone=True), index=True),
    Column("version", Integer, nullable=False),
)

Table(
    "raw_pages",
    schema,
    Column("article_id", String(16), primary_key=True),
    Column("url", Text, nullable=False),
    Column("encoding", String(40)),
    Column("html", LargeBinary, nullable=False),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
)

Table(
    "url_aliases",
    schema,
    Column("url", String(2000), primary_key=True),
    Column("article_id", String(16), nullable=False, index=True),
)

Table(
    "rejections",
    schema,
    Column("url", String(2000), primary_key=True),
    Column("source", String(200), nullable=False, index=True),
    Column("reason", String(100), nullable=False),
    Column("detail", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

Table(
    "crawl_runs",
    schema,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(200), nullable=False, index=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(20), nullable=False),
    Column("stats", Text, nullable=False),
)

Table(
    "http_validators",
    schema,
    Column("url", String(2000), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", DateTime(timezone=True), nullable=False),
)

Table(
    "digest_sends",
    schema,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subscription", String(200), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("message_id", Text),
    Column("error", Text, nullable=False),
    UniqueConstraint("subscription", "period_end", name="uq_digest_sends_period"),
)

Table(
    "alert_state",
    schema,
    Column("subscription", String(200), primary_key=True),
    Column("search", String(200), primary_key=True),
    Column("checked_at", DateTime(timezone=True), nullable=False),
    Column("last_spike_day", Date),
)

Table(
    "alert_seen",
    schema,
    Column("subscription", String(200), primary_key=True),
    Column("search", String(200), primary_key=True),
    Column("article_id", String(16), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    for table in schema.sorted_tables:
        if inspector.has_table(table.name):
            _check_kept(inspector, table)
        else:
            table.create(bind)  # with its indexes and constraints, as create_all made it


def downgrade() -> None:
    raise NotImplementedError(
        "the baseline is not undone: that would drop the archive and everything in it"
    )


def _check_kept(inspector: sa.Inspector, table: Table) -> None:
    """A table kept from before migrations must be Kupür's: every baseline column present."""
    found = {column["name"] for column in inspector.get_columns(table.name)}
    missing = [column.name for column in table.columns if column.name not in found]
    if missing:
        raise ArchiveError(
            f"the database already has a table {table.name!r}, but not the one Kupür made: it "
            f"lacks the columns {', '.join(missing)}. Use a database of its own for Kupür"
        )
