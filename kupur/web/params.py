"""Search parameters shared by the JSON API, the export and the search page.

Facet filters (``province``, ``project``, ``person``, ``organization``, ``district``,
``source``) are ANDed with the typed query; except for provinces (a native filter of every
backend) they become query-language filters, so the user's text never reaches an engine's syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query, Request
from pydantic import BeforeValidator, WithJsonSchema

from kupur.app.application import entity_query, quoted
from kupur.core.entity_kinds import entity_kind
from kupur.index.api import Mode
from kupur.index.query import parse_query

__all__ = [
    "COSTLY_DEPTH",
    "EXPORT_LIMIT",
    "FILTER_KINDS",
    "MAX_COUNTED",
    "MAX_FILTER_VALUES",
    "MAX_OFFSET",
    "MAX_PERIODS",
    "MAX_QUERY_LENGTH",
    "MAX_RANKED_OFFSET",
    "SearchParams",
    "filter_params",
    "page_size",
    "paged_params",
    "search_params",
]

MAX_QUERY_LENGTH = 500
MAX_FILTER_VALUES = 20
MAX_VALUE_LENGTH = 200
#: Deepest result reachable by paging (offset + limit); exports are the way to get more.
MAX_OFFSET = 10_000
#: Deepest result of a ranking that reads far past its page (stories collapsed, by meaning,
#: hybrid, "like"): at 50k articles a hybrid collapsed page at 900 took 3.3 s of CPU, at 9,900
#: a collapsed one 3.7 s.
MAX_RANKED_OFFSET = 500
#: Such a ranking reaching deeper than this is a costly request (``security.CostGate``).
COSTLY_DEPTH = 100
#: Most articles one export from the web holds.
EXPORT_LIMIT = 10_000
#: Most articles one entity count over filters reads (each is read from the index, then from
#: the archive: at 50,000 articles a filter selecting 44,699 took 36 s of CPU; 5,000 about 3 s).
MAX_COUNTED = 5_000
#: Longest series over time one request gets (days, weeks or months, gaps filled): about 13 years
#: by day, 95 by week, 416 by month. A day series over 0001-9999 was 213,301 rows (7 MB, ~2 s of
#: CPU) for anyone who asked.
MAX_PERIODS = 5_000

#: Facet parameter → (entity kind for the query language, facet name in results).
FILTER_KINDS: dict[str, str] = {
    entity_kind(name).singular: name
    for name in ("projects", "people", "organizations", "districts")
}

Sort = Literal["relevance", "date"]
Values = Annotated[
    list[str],
    Query(max_length=MAX_FILTER_VALUES, description="Repeat the parameter for several values."),
]


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    province: tuple[str, ...] = ()
    project: tuple[str, ...] = ()
    person: tuple[str, ...] = ()
    organization: tuple[str, ...] = ()
    district: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    sort: Sort = "relevance"
    limit: int | None = None
    offset: int = 0
    collapse: bool = False
    mode: Mode = "keyword"
    like: str | None = None

    @property
    def full_query(self) -> str:
        """The typed query ANDed with the facet filters, in the query language."""
        filters = [
            entity_query(kind, value)
            for name, kind in FILTER_KINDS.items()
            for value in getattr(self, name)
        ]
        filters.extend(f"kaynak:{quoted(value)}" for value in self.source)
        if not self.q.strip():
            return " ".join(filters)
        # Parenthesised so that an OR in the typed query cannot escape the filters.
        return " ".join([f"({self.q})", *filters]) if filters else self.q

    @property
    def reads_deep(self) -> bool:
        """Whether the ranking reads far past the page (collapsed stories, by meaning, "like")."""
        return self.collapse or self.mode != "keyword" or bool(self.like)

    @property
    def filtered(self) -> bool:
        return bool(
            self.q.strip()
            or self.since
            or self.until
            or any(getattr(self, name) for name in (*FILTER_KINDS, "province", "source"))
        )

    def pairs(self, *, offset: bool = False) -> list[tuple[str, str]]:
        """The parameters as URL pairs (without the page position unless asked)."""
        items: list[tuple[str, str]] = []
        if self.q:
            items.append(("q", self.q))
        for name in ("province", *FILTER_KINDS, "source"):
            items.extend((name, value) for value in getattr(self, name))
        if self.since:
            items.append(("since", self.since.isoformat()))
        if self.until:
            items.append(("until", self.until.isoformat()))
        if self.sort != "relevance":
            items.append(("sort", self.sort))
        if self.collapse:
            items.append(("collapse", "true"))
        if self.mode != "keyword":
            items.append(("mode", self.mode))
        if self.like:
            items.append(("like", self.like))
        if offset and self.offset:
            items.append(("offset", str(self.offset)))
        return items

    def url(self, **changes: Any) -> str:
        """This search with some fields changed, as a link to the search page."""
        params = replace(self, **changes) if changes else self
        query = urlencode(params.pairs(offset=True))
        return f"/?{query}" if query else "/"

    def toggled(self, name: str, value: str) -> str:
        """Link that adds a facet value to the filters, or removes it when already there."""
        current: tuple[str, ...] = getattr(self, name)
        values = tuple(v for v in current if v != value) if value in current else (*current, value)
        return self.url(**{name: values, "offset": 0})


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(value: object) -> object:
    """A day written YYYY-MM-DD; an empty form field (``since=``) means no bound. Nothing else is
    read as a day (pydantic alone would take ``0`` for 1970-01-01, a Unix timestamp)."""
    if value == "" or value is None or isinstance(value, date):
        return value or None
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        raise ValueError("write the day as YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a day of the calendar") from None


def _day_schema(description: str) -> WithJsonSchema:
    """The schema of ``since``/``until`` as the server reads them: a day, or empty for no bound
    (what a form sends for a field left blank)."""
    return WithJsonSchema(
        {
            "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}],
            "description": description,
        }
    )


def _check_values(name: str, values: list[str]) -> tuple[str, ...]:
    for value in values:
        if len(value) > MAX_VALUE_LENGTH:
            raise HTTPException(
                400, f"parameter '{name}': a value may be at most {MAX_VALUE_LENGTH} characters"
            )
    return tuple(v for v in values if v.strip())


def filter_params(
    q: Annotated[
        str,
        Query(
            max_length=MAX_QUERY_LENGTH,
            description='Query language: words, "phrases", prefix*, AND/OR/NOT, il:, ilçe:, '
            "kişi:, kurum:, proje:, kaynak:, tarih:A..B. Empty: every article.",
        ),
    ] = "",
    province: Values = [],  # noqa: B006 - FastAPI copies defaults per request
    project: Values = [],  # noqa: B006
    person: Values = [],  # noqa: B006
    organization: Values = [],  # noqa: B006
    district: Values = [],  # noqa: B006
    source: Values = [],  # noqa: B006
    since: Annotated[
        date | None,
        BeforeValidator(_day),
        _day_schema("First publication day, YYYY-MM-DD (empty: no bound)."),
        Query(),
    ] = None,
    until: Annotated[
        date | None,
        BeforeValidator(_day),
        _day_schema("Last publication day, YYYY-MM-DD (empty: no bound)."),
        Query(),
    ] = None,
) -> SearchParams:
    """Which articles: the query and the filters (what mentions and exports take)."""
    if since and until and since > until:
        raise HTTPException(400, "parameter 'since' is after 'until'")
    # Parse the typed query alone first, so a syntax error points into what the user typed
    # (not into the query with the facet filters added).
    parse_query(q)
    return SearchParams(
        q=q,
        province=_check_values("province", province),
        project=_check_values("project", project),
        person=_check_values("person", person),
        organization=_check_values("organization", organization),
        district=_check_values("district", district),
        source=_check_values("source", source),
        since=since,
        until=until,
    )


def paged_params(
    filters: Annotated[SearchParams, Depends(filter_params)],
    limit: Annotated[
        int | None, Query(ge=1, description="Page size (default 20, at most web.max_page_size).")
    ] = None,
    offset: Annotated[
        int,
        Query(
            ge=0,
            lt=MAX_OFFSET,
            description=f"Results to skip; offset + page size may not pass {MAX_OFFSET:,} "
            f"({MAX_RANKED_OFFSET:,} with collapse, semantic or hybrid ranking, or like; "
            "/api/export gives more).",
        ),
    ] = 0,
) -> SearchParams:
    """The filters and a page of what they select (entity lists)."""
    return replace(filters, limit=limit, offset=offset)


def search_params(
    paged: Annotated[SearchParams, Depends(paged_params)],
    sort: Annotated[Sort, Query(description="relevance or date (newest first).")] = "relevance",
    collapse: Annotated[
        bool, Query(description="Group copies of one story across outlets into one hit.")
    ] = False,
    mode: Annotated[
        Mode,
        Query(
            description="keyword ranks by words; semantic by meaning (embeddings of the query's "
            "words; filters only filter); hybrid fuses both rankings."
        ),
    ] = "keyword",
    like: Annotated[
        str | None,
        Query(
            pattern=r"^[A-Za-z0-9_-]{1,64}$",
            description="An article id: find stories like this one (semantic unless hybrid).",
        ),
    ] = None,
) -> SearchParams:
    """A search: the filters, a page, and how to rank (the search API and page)."""
    return replace(paged, sort=sort, collapse=collapse, mode=mode, like=like or None)


def page_size(request: Request, params: SearchParams, default: int = 20) -> int:
    """The requested page size, checked against ``web.max_page_size`` and the paging depth."""
    cap: int = request.app.state.settings.web.max_page_size
    size = params.limit if params.limit is not None else min(default, cap)
    if size > cap:
        raise HTTPException(
            400, f"parameter 'limit': at most {cap} results a page (web.max_page_size)"
        )
    if params.offset + size > MAX_OFFSET:
        raise HTTPException(
            400,
            f"parameter 'offset': paging stops at result {MAX_OFFSET}; narrow the search or "
            "use /api/export",
        )
    if params.reads_deep and params.offset + size > MAX_RANKED_OFFSET:
        raise HTTPException(
            400,
            f"parameter 'offset': with collapse, semantic or hybrid ranking or like, paging stops "
            f"at result {MAX_RANKED_OFFSET}; narrow the search",
        )
    return size
