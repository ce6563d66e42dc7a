"""The archive: every article Kupür fetched, its raw HTML, and the bookkeeping of crawls.

SQLite under the data directory by default, any SQLAlchemy URL (PostgreSQL) by configuration.
Writes are idempotent by article id: saving the same article twice stores it once, and a re-fetch
whose title or text changed updates the row (and clears its enrichment so it is enriched and
indexed again) instead of adding a second one. Because the raw HTML is kept, enrichment and
indexing re-run from here without crawling again.

The tables are declared here; their schema in a database is kept by ``kupur.app.migrations``,
which upgrades it in place whenever an archive is opened.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from kupur.app.migrations import upgrade_schema
from kupur.core.errors import ArchiveError
from kupur.core.models import ISTANBUL, Article, Entities

__all__ = ["Archive", "CrawlRun", "Rejection", "SaveOutcome"]

SaveOutcome = Literal["new", "updated", "unchanged"]

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
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
    Column("version", Integer, nullable=False, default=1),
)

raw_pages = Table(
    "raw_pages",
    metadata,
    Column("article_id", String(16), primary_key=True),
    Column("url", Text, nullable=False),
    Column("encoding", String(40)),
    Column("html", LargeBinary, nullable=False),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
)

url_aliases = Table(
    "url_aliases",
    metadata,
    Column("url", String(2000), primary_key=True),
    Column("article_id", String(16), nullable=False, index=True),
)

rejections = Table(
    "rejections",
    metadata,
    Column("url", String(2000), primary_key=True),
    Column("source", String(200), nullable=False, index=True),
    Column("reason", String(100), nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Column("at", DateTime(timezone=True), nullable=False),
)

crawl_runs = Table(
    "crawl_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(200), nullable=False, index=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(20), nullable=False),
    Column("stats", Text, nullable=False, default="{}"),
)

http_validators = Table(
    "http_validators",
    metadata,
    Column("url", String(2000), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", DateTime(timezone=True), nullable=False),
)


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; everything is stored in UTC, so attach it back."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _istanbul(moment: datetime | None) -> datetime | None:
    """Publication times are stored in UTC and handed back in Turkish time, as readers see them."""
    aware = _aware(moment)
    return aware.astimezone(ISTANBUL) if aware is not None else None


def _utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None


@dataclass(frozen=True)
class Rejection:
    """A fetched page that was not stored as an article, and why."""

    url: str
    source: str
    reason: str
    detail: str
    at: datetime


@dataclass(frozen=True)
class CrawlRun:
    id: int
    source: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    stats: dict[str, Any]


class Archive:
    """The article archive behind one SQLAlchemy URL.

    Opening it brings the database to this Kupür's schema (creating it in a new database,
    upgrading an older one in place; see ``kupur.app.migrations``) and refuses a database that a
    newer Kupür upgraded. ``migrate=False`` opens it as it is (``kupur db current``).
    """

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        if url.startswith("sqlite:///"):
            folder = Path(url.removeprefix("sqlite:///")).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ArchiveError(f"cannot open the archive at {url}: {exc}") from exc
        try:
            self.engine: Engine = create_engine(url, future=True, pool_pre_ping=True)
        except (ArgumentError, NoSuchModuleError) as exc:
            raise ArchiveError(
                f"not a database URL Kupür can use: {_redact(url)!r} ({exc})"
            ) from exc
        except ImportError as exc:  # a dialect whose driver is not installed (mysql://…)
            raise ArchiveError(
                f"{_redact(url)}: the database driver is not installed ({exc.name}); Kupür "
                "supports SQLite and PostgreSQL (postgresql+psycopg://…)"
            ) from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            try:
                upgrade_schema(self.engine)
            except ArchiveError:
                self.engine.dispose()
                raise

    # -- articles ---------------------------------------------------------------------------

    def save(
        self, article: Article, raw_html: bytes | None = None, encoding: str | None = None
    ) -> SaveOutcome:
        """Store an article (and its raw HTML); new, updated when its content changed, or unchanged."""
        with self._begin() as conn:
            current = conn.execute(
                select(articles.c.content_hash, articles.c.version).where(
                    articles.c.id == article.id
                )
            ).first()
            outcome: SaveOutcome
            if current is None and _insert_new(conn, articles, self._row(article)):
                outcome = "new"
            else:
                if current is None:  # another writer stored it meanwhile: compare with theirs
                    current = conn.execute(
                        select(articles.c.content_hash, articles.c.version).where(
                            articles.c.id == article.id
                        )
                    ).one()
                outcome = self._update(conn, article, current)
            if raw_html is not None:
                self._save_raw(conn, article, raw_html, encoding)
            for url in {article.url, article.canonical_url}:
                _insert_new(conn, url_aliases, {"url": url, "article_id": article.id})
        return outcome

    def _update(self, conn: Connection, article: Article, current: Row[Any]) -> SaveOutcome:
        """Update a stored article: its content when that changed (enrichment reopened), else
        only when it was seen."""
        outcome: SaveOutcome
        if current.content_hash != article.content_hash:
            values = self._row(article)
            values.update(
                entities=None,
                embedding=None,
                story_id=None,
                enriched_at=None,
                indexed_at=None,
                version=current.version + 1,
            )
            conn.execute(update(articles).where(articles.c.id == article.id).values(**values))
            outcome = "updated"
        else:
            conn.execute(
                update(articles)
                .where(articles.c.id == article.id)
                .values(fetched_at=_utc(article.fetched_at))
            )
            outcome = "unchanged"
        return outcome

    def get(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        return _article(row) if row is not None else None

    def article_id_for_url(self, url: str) -> str | None:
        """The id of the article reachable at ``url`` (any URL it was seen under), if known."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(url_aliases.c.article_id).where(url_aliases.c.url == url)
            ).scalar()

    def known_urls(self, source: str | None = None) -> set[str]:
        """Every URL an archived article was seen under (for incremental crawling)."""
        query = select(url_aliases.c.url)
        if source is not None:
            query = query.join(articles, articles.c.id == url_aliases.c.article_id).where(
                articles.c.source == source
            )
        with self.engine.connect() as conn:
            return set(conn.execute(query).scalars())

    def iter_articles(
        self,
        *,
        unenriched: bool = False,
        enriched: bool = False,
        unindexed: bool = False,
        source: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        batch_size: int = 500,
    ) -> Iterator[Article]:
        """Articles in publication order, optionally only those awaiting enrichment or indexing.

        Rows are read in pages of ``batch_size`` ids, so callers may write to the archive (for
        example store enrichment) while iterating, on SQLite as on PostgreSQL.
        """
        ids = self.article_ids(
            unenriched=unenriched,
            enriched=enriched,
            unindexed=unindexed,
            source=source,
            since=since,
            until=until,
        )
        for start in range(0, len(ids), batch_size):
            yield from self.get_many(ids[start : start + batch_size])

    def article_ids(
        self,
        *,
        unenriched: bool = False,
        enriched: bool = False,
        unindexed: bool = False,
        source: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[str]:
        """Ids of the articles that pass the filters, in publication order."""
        query = select(articles.c.id).order_by(articles.c.published_at, articles.c.id)
        if unenriched:
            query = query.where(articles.c.enriched_at.is_(None))
        if enriched:
            query = query.where(articles.c.enriched_at.is_not(None))
        if unindexed:
            query = query.where(
                articles.c.enriched_at.is_not(None), articles.c.indexed_at.is_(None)
            )
        if source is not None:
            query = query.where(articles.c.source == source)
        if since is not None:
            query = query.where(articles.c.published_at >= _utc(since))
        if until is not None:
            query = query.where(articles.c.published_at <= _utc(until))
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def touched_since(self, moment: datetime) -> list[str]:
        """Ids of enriched articles whose enrichment or indexing happened at ``moment`` or later
        (what a rebuild that started then may have missed)."""
        since = _utc(moment)
        query = select(articles.c.id).where(
            articles.c.enriched_at.is_not(None),
            (articles.c.enriched_at >= since) | (articles.c.indexed_at >= since),
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def get_many(self, ids: Sequence[str]) -> list[Article]:
        """The articles with these ids, in the order given (unknown ids are left out)."""
        with self.engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(select(articles).where(articles.c.id.in_(ids)))}
        return [_article(rows[i]) for i in ids if i in rows]

    def count(self, *, unenriched: bool = False, unindexed: bool = False) -> int:
        query = select(func.count()).select_from(articles)
        if unenriched:
            query = query.where(articles.c.enriched_at.is_(None))
        if unindexed:
            query = query.where(
                articles.c.enriched_at.is_not(None), articles.c.indexed_at.is_(None)
            )
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def save_enrichment(self, enriched: Sequence[Article]) -> None:
        """Store entities, embedding and story of enriched articles; they await indexing again."""
        now = _now()
        with self._begin() as conn:
            for article in enriched:
                conn.execute(
                    update(articles)
                    .where(articles.c.id == article.id)
                    .values(
                        entities=json.dumps(article.entities.to_dict(), ensure_ascii=False)
                        if article.entities is not None
                        else None,
                        embedding=_pack(article.embedding),
                        story_id=article.story_id,
                        enriched_at=now,
                        indexed_at=None,
                    )
                )

    def mark_indexed(self, ids: Iterable[str]) -> None:
        now = _now()
        id_list = list(ids)
        with self._begin() as conn:
            for start in range(0, len(id_list), 500):
                chunk = id_list[start : start + 500]
                conn.execute(
                    update(articles).where(articles.c.id.in_(chunk)).values(indexed_at=now)
                )

    def mark_all_unindexed(self) -> None:
        """Make every enriched article await indexing (before a full reindex)."""
        with self._begin() as conn:
            conn.execute(update(articles).values(indexed_at=None))

    def mark_all_unenriched(self) -> None:
        """Make every article await enrichment (after the NLP stage changed)."""
        with self._begin() as conn:
            conn.execute(update(articles).values(enriched_at=None, indexed_at=None))

    def raw_html(self, article_id: str) -> tuple[str, str | None] | None:
        """The article's raw HTML as fetched (decoded), and the encoding it was decoded with."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(raw_pages.c.html, raw_pages.c.encoding).where(
                    raw_pages.c.article_id == article_id
                )
            ).first()
        if row is None:
            return None
        return zlib.decompress(row.html).decode("utf-8"), row.encoding

    # -- crawl bookkeeping --------------------------------------------------------------------

    def record_rejection(self, url: str, source: str, reason: str, detail: str = "") -> None:
        """Remember a fetched page that is not an article (one row per URL, the latest reason)."""
        with self._begin() as conn:
            conn.execute(rejections.delete().where(rejections.c.url == url))
            conn.execute(
                rejections.insert().values(
                    url=url, source=source, reason=reason, detail=detail, at=_now()
                )
            )

    def rejections(self, source: str | None = None) -> list[Rejection]:
        query = select(rejections).order_by(rejections.c.at)
        if source is not None:
            query = query.where(rejections.c.source == source)
        with self.engine.connect() as conn:
            return [
                Rejection(r.url, r.source, r.reason, r.detail, _aware(r.at) or _now())
                for r in conn.execute(query)
            ]

    def start_run(self, source: str) -> int:
        with self._begin() as conn:
            result = conn.execute(
                crawl_runs.insert().values(
                    source=source, started_at=_now(), status="running", stats="{}"
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def finish_run(self, run_id: int, status: str, stats: dict[str, Any]) -> None:
        with self._begin() as conn:
            conn.execute(
                update(crawl_runs)
                .where(crawl_runs.c.id == run_id)
                .values(finished_at=_now(), status=status, stats=json.dumps(stats))
            )

    def last_runs(self) -> dict[str, CrawlRun]:
        """The latest crawl run of every source that was ever crawled."""
        latest = (
            select(crawl_runs.c.source, func.max(crawl_runs.c.id).label("id"))
            .group_by(crawl_runs.c.source)
            .subquery()
        )
        query = select(crawl_runs).join(latest, latest.c.id == crawl_runs.c.id)
        with self.engine.connect() as conn:
            return {
                r.source: CrawlRun(
                    r.id,
                    r.source,
                    _aware(r.started_at) or _now(),
                    _aware(r.finished_at),
                    r.status,
                    json.loads(r.stats),
                )
                for r in conn.execute(query)
            }

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a URL last answered with, for conditional requests."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(http_validators.c.etag, http_validators.c.last_modified).where(
                    http_validators.c.url == url
                )
            ).first()
        return (row.etag, row.last_modified) if row is not None else (None, None)

    def set_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._begin() as conn:
            conn.execute(http_validators.delete().where(http_validators.c.url == url))
            conn.execute(
                http_validators.insert().values(
                    url=url, etag=etag, last_modified=last_modified, checked_at=_now()
                )
            )

    def close(self) -> None:
        self.engine.dispose()

    # -- internals ------------------------------------------------------------------------------

    def _begin(self) -> _Transaction:
        return _Transaction(self.engine, self.url)

    @staticmethod
    def _row(article: Article) -> dict[str, Any]:
        return {
            "id": article.id,
            "url": article.url,
            "canonical_url": article.canonical_url,
            "source": article.source,
            "title": article.title,
            "text": article.text,
            "published_at": _utc(article.published_at),
            "updated_at": _utc(article.updated_at),
            "fetched_at": _utc(article.fetched_at),
            "language": article.language,
            "author": article.author,
            "content_hash": article.content_hash,
            "entities": json.dumps(article.entities.to_dict(), ensure_ascii=False)
            if article.entities is not None
            else None,
            "embedding": _pack(article.embedding),
            "story_id": article.story_id,
            "enriched_at": None,
            "indexed_at": None,
            "version": 1,
        }

    @staticmethod
    def _save_raw(conn: Connection, article: Article, html: bytes, encoding: str | None) -> None:
        conn.execute(raw_pages.delete().where(raw_pages.c.article_id == article.id))
        _insert_new(
            conn,
            raw_pages,
            {
                "article_id": article.id,
                "url": article.url,
                "encoding": encoding,
                "html": zlib.compress(html, 6),
                "fetched_at": _utc(article.fetched_at),
            },
        )


def _insert_new(conn: Connection, table: Table, values: dict[str, Any]) -> bool:
    """Insert a row unless its key exists (an upsert that keeps the stored row); whether it was
    inserted. Concurrent writers of the same article (two crawls, a crawl and an import) then
    never fail on the primary key, on SQLite as on PostgreSQL."""
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    key = next(iter(table.primary_key.columns))
    statement = insert(table).values(**values).on_conflict_do_nothing().returning(key)
    # RETURNING, not rowcount: psycopg reports -1 rows for an insert that did nothing.
    return conn.execute(statement).first() is not None


class _Transaction:
    """``engine.begin()`` that turns database failures (locked, disk full…) into ArchiveError."""

    def __init__(self, engine: Engine, url: str) -> None:
        self._context = engine.begin()
        self._url = url

    def __enter__(self) -> Connection:
        try:
            return self._context.__enter__()
        except SQLAlchemyError as exc:
            raise ArchiveError(
                f"cannot write to the archive at {_redact(self._url)}: {_reason(exc)}"
            ) from exc

    def __exit__(self, *exc_info: Any) -> None:
        try:
            self._context.__exit__(*exc_info)
        except SQLAlchemyError as exc:
            raise ArchiveError(
                f"cannot write to the archive at {_redact(self._url)}: "
                f"{_reason(exc)}; nothing of this write was kept"
            ) from exc
        if exc_info[1] is not None and isinstance(exc_info[1], SQLAlchemyError):
            raise ArchiveError(
                f"cannot write to the archive at {_redact(self._url)}: {_reason(exc_info[1])}; "
                "nothing of this write was kept"
            ) from exc_info[1]


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # The timeout first: switching a new database to WAL takes a lock that a process opening it
    # at the same moment must wait for rather than fail on ("database is locked").
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _pack(embedding: list[float] | None) -> bytes | None:
    return None if embedding is None else np.asarray(embedding, dtype=np.float32).tobytes()


def _article(row: Row[Any]) -> Article:
    return Article(
        id=row.id,
        url=row.url,
        canonical_url=row.canonical_url,
        source=row.source,
        title=row.title,
        text=row.text,
        published_at=_istanbul(row.published_at),
        updated_at=_istanbul(row.updated_at),
        fetched_at=_aware(row.fetched_at) or _now(),
        language=row.language,
        author=row.author,
        content_hash=row.content_hash,
        entities=Entities.from_dict(json.loads(row.entities)) if row.entities else None,
        embedding=np.frombuffer(row.embedding, dtype=np.float32).tolist()
        if row.embedding
        else None,
        story_id=row.story_id,
    )


def _redact(url: str) -> str:
    """Hide a password in a database URL before it is shown to anyone."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


def _reason(exc: SQLAlchemyError) -> str:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig).strip().splitlines()[0]
    return str(exc).splitlines()[0]
