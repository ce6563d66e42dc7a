"""The application object: one ``Kupur`` opens the archive, the configured search backend and the
embedder once, and every interface goes through it (the CLI, the web app and API, the scheduler's
jobs, the digests, and researchers' notebooks).

    >>> from kupur import open_kupur
    >>> k = open_kupur("demo-data")                       # or KUPUR_DATA_DIR / kupur.toml
    >>> k.search("proje:siroma", sort="date").total
    >>> k.mentions_over_time("proje:siroma", interval="month")   # DataFrame, one row a month
    >>> k.entity_counts("projects")                         # DataFrame, most mentioned first
    >>> k.cooccurrence("people", "projects")                # who is mentioned with which project

Queries are Kupür's query language (``il:Samsun``, ``proje:siroma``, ``kişi:"…"``, ``kurum:OKA``,
``tarih:2025-11-01..2025-11-30``, AND/OR/NOT, phrases, ``prefix*``); an empty query means every
article. Counts are numbers of *articles* (an article that names a project three times counts once).

Searches, histograms and article lists come from the search index; entity counts and
co-occurrences are computed from the entities stored in the archive for the articles a query
selects, so they cover every value (not only the top facet buckets).
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, get_args

from kupur.app.archive import Archive
from kupur.app.config import Settings, load_settings
from kupur.core.entity_kinds import KIND_NAMES, KindName, entity_kind
from kupur.core.errors import QuerySyntaxError
from kupur.core.models import (
    ISTANBUL,
    Article,
    DistrictRef,
    Entities,
    OrganizationRef,
    Person,
    ProjectRef,
    ProvinceRef,
)

if TYPE_CHECKING:
    import pandas as pd

    from kupur.index.api import Mode, SearchBackend, SearchResult
    from kupur.nlp.embeddings import Embedder

__all__ = [
    "DEEP_RESULTS",
    "Interval",
    "Kupur",
    "TooManyPeriods",
    "entity_query",
    "open_kupur",
    "quoted",
]

Interval = Literal["day", "week", "month"]
Sort = Literal["relevance", "date"]

EntityRef = ProvinceRef | DistrictRef | Person | OrganizationRef | ProjectRef
QueryOrEntity = str | EntityRef

#: Articles fetched per search call when a query's whole result set is needed.
_PAGE = 500
#: A search reaching deeper than this (offset + limit) is first bounded by the number of
#: articles in the index: an engine reserves room for every position down to the last one asked
#: for (tantivy 16 bytes each, so page 10^10 of ``kupur search`` asked for 1.6 TB and aborted
#: the process), and no hit lies deeper than the index holds.
DEEP_RESULTS = 10_000


class TooManyPeriods(ValueError):
    """A series over time would hold more periods than the caller allows (``max_periods``)."""

    def __init__(self, interval: str, first: date, last: date, count: int, limit: int) -> None:
        self.count = count
        self.limit = limit
        super().__init__(
            f"a {interval} series from {first.isoformat()} to {last.isoformat()} has {count:,} "
            f"periods, more than the {limit:,} allowed: narrow 'since'/'until' or use a longer "
            "interval (week, month)"
        )


def quoted(value: str) -> str:
    """A value as a query-language phrase (inner quotation marks become spaces)."""
    return '"' + value.replace('"', " ").strip() + '"'


def entity_query(kind: str, value: str) -> str:
    """The query-language filter for one entity: ``entity_query("projects", "siroma")`` →
    ``proje:"siroma"``. Projects are named by id, the other kinds by name."""
    return f"{entity_kind(kind).field}:{quoted(value)}"


def _ref_query(ref: EntityRef) -> str:
    if isinstance(ref, ProjectRef):
        return entity_query("projects", ref.id)
    if isinstance(ref, ProvinceRef):
        return entity_query("provinces", ref.name)
    if isinstance(ref, DistrictRef):
        return entity_query("districts", ref.name)
    if isinstance(ref, Person):
        return entity_query("people", ref.name)
    return entity_query("organizations", ref.name)


@dataclass(frozen=True)
class _EntityRecord:
    """One entity of one article, flattened: the key it is counted under and what it shows."""

    key: str
    columns: tuple[tuple[str, str | int | None], ...]


def _records(entities: Entities | None, kind: KindName) -> list[_EntityRecord]:
    """An article's distinct entities of one kind (an entity named twice counts once)."""
    if entities is None:
        return []
    records: dict[str, _EntityRecord] = {}
    if kind == "provinces":
        for p in entities.provinces:
            records.setdefault(p.name, _EntityRecord(p.name, (("plate", p.plate),)))
    elif kind == "districts":
        for d in entities.districts:
            records.setdefault(d.name, _EntityRecord(d.name, (("province_of", d.province),)))
    elif kind == "people":
        for person in entities.people:
            records.setdefault(person.name, _EntityRecord(person.name, (("title", person.title),)))
    elif kind == "organizations":
        for o in entities.organizations:
            records.setdefault(o.name, _EntityRecord(o.name, (("abbreviation", o.abbreviation),)))
    else:
        for project in entities.projects:
            records.setdefault(project.id, _EntityRecord(project.id, (("name", project.name),)))
    return list(records.values())


class Kupur:
    """One archive and its search index. Open with :func:`open_kupur`; close (or use ``with``).

    Safe to share between threads (the web app does): search calls are serialised.
    """

    def __init__(self, settings: Settings, *, cache_seconds: float = 0.0) -> None:
        self.settings = settings
        self.archive = Archive(settings.archive_url)
        self._backend: SearchBackend | None = None
        self._embedder: Embedder | None = None
        self._lock = threading.Lock()
        self._cache_seconds = cache_seconds
        self._corpus: tuple[float, list[Article]] | None = None

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def backend(self) -> SearchBackend:
        """The search backend named by the settings, opened on first use."""
        if self._backend is None:
            from kupur.index import open_backend

            settings = self.settings
            self._backend = open_backend(
                kind=settings.search.backend,
                url=settings.search_url,
                index_dir=settings.index_dir,
                index_name=settings.search.index_name,
                username=settings.search.username,
                password=settings.search_password,
            )
        return self._backend

    @property
    def embedder(self) -> Embedder:
        """The configured embedding model, loaded on first use (ModelNotFoundError if missing)."""
        if self._embedder is None:
            from kupur.nlp.embeddings import get_embedder

            nlp = self.settings.nlp
            self._embedder = get_embedder(nlp.embedding_backend, nlp.embedding_model)
        return self._embedder

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()
            self._backend = None
        self.archive.close()

    @classmethod
    def open(
        cls,
        config: str | Path | None = None,
        data_dir: str | Path | None = None,
        *,
        cache_seconds: float = 0.0,
    ) -> Kupur:
        """Settings from ``config`` (or kupur.toml / KUPUR_CONFIG) and the environment, with
        ``data_dir`` over them; see :func:`open_kupur`."""
        overrides: dict[str, Any] = {"data_dir": str(data_dir)} if data_dir is not None else {}
        return cls(load_settings(config, **overrides), cache_seconds=cache_seconds)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the search lock, so no search runs meanwhile (for writes such as a reindex)."""
        with self._lock:
            yield

    def __enter__(self) -> Kupur:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- search -------------------------------------------------------------------------------

    def search(
        self,
        query: str = "",
        *,
        provinces: Sequence[str] = (),
        since: date | None = None,
        until: date | None = None,
        sort: Sort = "relevance",
        limit: int = 10,
        offset: int = 0,
        facets: bool = False,
        histogram: Interval | None = None,
        collapse_stories: bool = False,
        mode: Mode = "keyword",
        like_id: str | None = None,
    ) -> SearchResult:
        """One page of results. Raises QuerySyntaxError for a malformed query.

        ``mode`` ranks by words (``keyword``), by meaning (``semantic``: the query's free words
        are embedded; filters only filter) or by both fused (``hybrid``). ``like_id`` finds
        stories like that article (semantic unless ``hybrid`` is asked for).

        A page past the last article is empty (``total``, facets and histogram still count the
        whole result); ``limit`` and ``offset`` must not be negative (ValueError)."""
        from kupur.index.api import SearchRequest

        if limit < 0 or offset < 0:
            raise ValueError(f"limit ({limit}) and offset ({offset}) must not be negative")
        if offset + limit > DEEP_RESULTS:
            indexed = self.backend.count()
            offset = min(offset, indexed)
            limit = min(limit, indexed - offset)
        if like_id and mode == "keyword":
            mode = "semantic"
        if not query.strip() and not like_id and mode != "keyword":
            raise QuerySyntaxError("semantic search needs words to compare by meaning", query, 0)
        request = SearchRequest(
            query=query,
            provinces=list(provinces),
            since=since,
            until=until,
            sort=sort,
            limit=limit,
            offset=offset,
            facets=facets,
            histogram=histogram,
            collapse_stories=collapse_stories,
            mode=mode,
            like_id=like_id,
        )
        if mode != "keyword" and not like_id:
            request.vector = self._embed(_meaning(query))
        with self._lock:
            return self.backend.search(request)

    def _embed(self, text: str) -> list[float]:
        vectors: Any = self.embedder.embed([text])
        return [float(x) for x in vectors[0]]

    def articles_by_id(self, ids: Sequence[str]) -> Iterator[Article]:
        """The archived articles with these ids, in this order, read in batches."""
        for start in range(0, len(ids), _PAGE):
            yield from self.archive.get_many(list(ids[start : start + _PAGE]))

    def article(self, article_id: str) -> Article | None:
        """The archived article with this id (entities included), or None."""
        return self.archive.get(article_id)

    def story_articles(self, story_id: str) -> list[Article]:
        """Every archived copy of one story (the same news from several outlets), oldest first."""
        from sqlalchemy import select

        from kupur.app.archive import articles as table

        query = (
            select(table.c.id)
            .where(table.c.story_id == story_id)
            .order_by(table.c.published_at, table.c.id)
        )
        with self.archive.engine.connect() as conn:
            ids = list(conn.execute(query).scalars())
        return self.archive.get_many(ids)

    def article_ids(
        self,
        query: str = "",
        *,
        provinces: Sequence[str] = (),
        since: date | None = None,
        until: date | None = None,
        max_articles: int | None = None,
    ) -> list[str]:
        """Ids of every article a query selects, newest first (at most ``max_articles``)."""
        ids: list[str] = []
        for offset in itertools.count(0, _PAGE):
            page = _PAGE if max_articles is None else min(_PAGE, max_articles - len(ids))
            if page <= 0:
                break
            result = self.search(
                query,
                provinces=provinces,
                since=since,
                until=until,
                sort="date",
                limit=page,
                offset=offset,
            )
            ids.extend(hit.id for hit in result.hits)
            if len(result.hits) < page or offset + page >= result.total:
                break
        return ids

    def articles(
        self,
        query: str = "",
        *,
        provinces: Sequence[str] = (),
        since: date | None = None,
        until: date | None = None,
        max_articles: int | None = None,
    ) -> pd.DataFrame:
        """The articles a query selects as a DataFrame, newest first: id, published_at (Europe/
        Istanbul), source, title, url, story_id and one list column per entity kind."""
        import pandas as pd

        rows = [
            {
                "id": a.id,
                "published_at": a.published_at.astimezone(ISTANBUL) if a.published_at else None,
                "source": a.source,
                "title": a.title,
                "url": a.url,
                "story_id": a.story_id,
                **{kind: [r.key for r in _records(a.entities, kind)] for kind in KIND_NAMES},
            }
            for a in self._selected(query, provinces, since, until, max_articles)
        ]
        columns = ["id", "published_at", "source", "title", "url", "story_id", *KIND_NAMES]
        frame = pd.DataFrame(rows, columns=columns)
        frame["published_at"] = pd.to_datetime(frame["published_at"], utc=True).dt.tz_convert(
            "Europe/Istanbul"
        )
        return frame

    # -- aggregates ---------------------------------------------------------------------------

    def mentions_over_time(
        self,
        query_or_entity: QueryOrEntity | Mapping[str, QueryOrEntity],
        interval: Interval = "month",
        *,
        provinces: Sequence[str] = (),
        since: date | None = None,
        until: date | None = None,
        max_periods: int | None = None,
    ) -> pd.DataFrame:
        """Articles per day, week or month for a query or an entity (``ProjectRef``…).

        Returns a DataFrame indexed by ``period`` (the first day of each day/week/month, gaps
        filled with 0) with one column ``count``; pass a mapping ``{label: query_or_entity}`` for
        one column per label, ready for ``.plot()``. Gaps are filled from ``since`` to ``until``
        (those of the data where not given, within 1678-2261); with ``max_periods`` a longer
        series raises TooManyPeriods before it is built (and, when both bounds are given, before
        anything is searched).
        """
        import pandas as pd

        if interval not in get_args(Interval):
            raise ValueError(f"unknown interval {interval!r}; use day, week or month")
        if max_periods is not None and since is not None and until is not None:
            _check_periods(interval, since, until, max_periods)
        series = (
            dict(query_or_entity)
            if isinstance(query_or_entity, Mapping)
            else {"count": query_or_entity}
        )
        counts: dict[str, dict[date, int]] = {}
        for label, target in series.items():
            query = target if isinstance(target, str) else _ref_query(target)
            result = self.search(
                query, provinces=provinces, since=since, until=until, limit=1, histogram=interval
            )
            counts[label] = {date.fromisoformat(b.key): b.count for b in result.histogram}
        periods = _periods(
            [day for column in counts.values() for day in column],
            interval,
            since,
            until,
            max_periods,
        )
        frame = pd.DataFrame(
            {label: [column.get(p, 0) for p in periods] for label, column in counts.items()},
            index=pd.DatetimeIndex(periods, name="period"),
            columns=list(series),
        )
        return frame.astype("int64")

    def entity_counts(
        self,
        kind: str,
        query: str = "",
        *,
        provinces: Sequence[str] = (),
        since: date | None = None,
        until: date | None = None,
    ) -> pd.DataFrame:
        """How many articles mention each entity of a kind, most mentioned first.

        Columns: the entity (``province``, ``person``, ``project``…), one detail column (plate,
        province_of, title, abbreviation or name: the most frequent form), ``articles``, and
        ``query`` (the query-language filter that finds those articles).
        """
        import pandas as pd

        table = entity_kind(kind)
        counts: Counter[str] = Counter()
        details: dict[str, Counter[tuple[tuple[str, str | int | None], ...]]] = {}
        for article in self._selected(query, provinces, since, until, None):
            for record in _records(article.entities, table.name):
                counts[record.key] += 1
                details.setdefault(record.key, Counter())[record.columns] += 1
        detail_name = table.detail
        rows = []
        for key, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            detail = dict(_most_common_detail(details[key]))
            rows.append(
                {
                    table.singular: key,
                    detail_name: detail.get(detail_name),
                    "articles": n,
                    "query": entity_query(table.name, key),
                }
            )
        return pd.DataFrame(rows, columns=[table.singular, detail_name, "articles", "query"])

    def cooccurrence(
        self,
        kind_a: str,
        kind_b: str,
        query: str = "",
        *,
        provinces: Sequence[str] = (),
        since: date | None = None,
        until: date | None = None,
    ) -> pd.DataFrame:
        """Pairs of entities mentioned in the same article, with how many articles name both.

        Long format, most frequent first: columns for the two kinds and ``articles``; for
        ``cooccurrence("people", "projects")`` they are ``person``, ``project``, ``articles``.
        ``.pivot(index=…, columns=…, values="articles")`` gives a matrix. With the same kind twice
        each unordered pair appears once (``person_a``, ``person_b``).
        """
        import pandas as pd

        a, b = entity_kind(kind_a), entity_kind(kind_b)
        same = a == b
        col_a, col_b = (a.singular + "_a", b.singular + "_b") if same else (a.singular, b.singular)
        pairs: Counter[tuple[str, str]] = Counter()
        for article in self._selected(query, provinces, since, until, None):
            left = sorted(r.key for r in _records(article.entities, a.name))
            if same:
                pairs.update(itertools.combinations(left, 2))
            else:
                right = [r.key for r in _records(article.entities, b.name)]
                pairs.update(itertools.product(left, right))
        rows = [
            {col_a: x, col_b: y, "articles": n}
            for (x, y), n in sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
        ]
        return pd.DataFrame(rows, columns=[col_a, col_b, "articles"])

    # -- internals ----------------------------------------------------------------------------

    def _selected(
        self,
        query: str,
        provinces: Sequence[str],
        since: date | None,
        until: date | None,
        max_articles: int | None,
    ) -> Iterator[Article]:
        """The enriched articles a query selects: from the index when filtered, else all."""
        if not query.strip() and not provinces and since is None and until is None:
            corpus = self._whole_corpus()
            yield from corpus if max_articles is None else corpus[:max_articles]
            return
        ids = self.article_ids(
            query, provinces=provinces, since=since, until=until, max_articles=max_articles
        )
        yield from self.articles_by_id(ids)

    def _whole_corpus(self) -> list[Article]:
        """Every enriched article, newest first; kept for ``cache_seconds`` (the web app's)."""
        now = time.monotonic()
        if self._corpus is not None and now - self._corpus[0] < self._cache_seconds:
            return self._corpus[1]
        articles = list(self.archive.iter_articles(enriched=True))
        articles.reverse()
        for article in articles:
            article.embedding = None  # not needed here; frees most of the memory
        if self._cache_seconds > 0:
            self._corpus = (now, articles)
        return articles


def _meaning(query: str) -> str:
    """The words a semantic search embeds: field filters, dates and NOT parts only filter."""
    from kupur.index.query import free_text, parse_query

    text = free_text(parse_query(query))
    if not text:
        raise QuerySyntaxError(
            "semantic search needs words to compare by meaning, not only filters "
            "(or search for stories like an article)",
            query,
            0,
        )
    return text


def _most_common_detail(
    forms: Counter[tuple[tuple[str, str | int | None], ...]],
) -> tuple[tuple[str, str | int | None], ...]:
    """The detail seen most often for an entity, preferring a filled-in one (a title over none)."""
    ranked = sorted(forms.items(), key=lambda item: (all(v is None for _, v in item[0]), -item[1]))
    return ranked[0][0]


def _period_start(day: date, interval: Interval) -> date:
    """The first day of the day/week (Monday)/month that holds ``day``."""
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def _next_period(day: date, interval: Interval) -> date:
    if interval == "day":
        return day + timedelta(days=1)
    if interval == "week":
        return day + timedelta(days=7)
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


_FIRST_DAY, _LAST_DAY = date(1678, 1, 1), date(2261, 12, 31)


def _period_count(interval: Interval, first: date, last: date) -> int:
    """How many days, weeks or months from the one holding ``first`` to the one holding ``last``."""
    if first > last:
        return 0
    if interval == "day":
        return (last - first).days + 1
    if interval == "week":
        return (_period_start(last, "week") - _period_start(first, "week")).days // 7 + 1
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _check_periods(interval: Interval, since: date, until: date, max_periods: int) -> None:
    first, last = max(since, _FIRST_DAY), min(until, _LAST_DAY)
    count = _period_count(interval, first, last)
    if count > max_periods:
        raise TooManyPeriods(interval, first, last, count, max_periods)


def _periods(
    seen: Iterable[date],
    interval: Interval,
    since: date | None,
    until: date | None,
    max_periods: int | None = None,
) -> list[date]:
    """Every period from the first to the last (the bounds, if given, else the data's)."""
    days = sorted(seen)
    # Bounds beyond the years an index can hold (1678-2261) are clamped: nothing lies there,
    # and filling up to 9999-12-31 would overflow the date type.
    first = max(since, _FIRST_DAY) if since is not None else (days[0] if days else None)
    last = min(until, _LAST_DAY) if until is not None else (days[-1] if days else None)
    if first is None or last is None or first > last:
        return days
    if max_periods is not None:
        _check_periods(interval, first, last, max_periods)
    periods = []
    current = _period_start(first, interval)
    while current <= last:
        periods.append(current)
        current = _next_period(current, interval)
    return periods


def open_kupur(
    data_dir: str | Path | None = None,
    config: str | Path | None = None,
    *,
    cache_seconds: float = 0.0,
) -> Kupur:
    """Open the archive and index of a data directory.

    ``data_dir`` defaults to KUPUR_DATA_DIR, then ``data_dir`` in ``config`` (or ``kupur.toml``,
    or KUPUR_CONFIG), then ``~/.local/share/kupur``. Raises ConfigError for bad settings and
    ArchiveError when the archive cannot be opened.
    """
    return Kupur.open(config, data_dir, cache_seconds=cache_seconds)
