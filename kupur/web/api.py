"""The JSON API under ``/api``: search, one article, entity lists, mentions over time, export,
saved searches.

Every endpoint is read-only except ``POST /api/reindex`` and the saved-search changes, which need
the API token. Bad parameters get a 400 with ``{"error": "..."}``; a malformed query also gets
``position``. Each endpoint lists in the OpenAPI schema the error statuses it answers (``ApiError``
bodies), and what one request may cost is bounded: pages (``web.max_page_size``, paging depth),
exports (``EXPORT_LIMIT`` rows) and series over time (``MAX_PERIODS`` periods).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from kupur.app.application import Interval, Kupur
from kupur.app.export import ExportFormat, export_chunks
from kupur.core.entity_kinds import KIND_NAMES, KindName
from kupur.core.errors import ConfigError, SearchError
from kupur.web.params import (
    COSTLY_DEPTH,
    EXPORT_LIMIT,
    MAX_COUNTED,
    MAX_PERIODS,
    SearchParams,
    filter_params,
    page_size,
    paged_params,
    search_params,
)
from kupur.web.saved_searches import (
    NewSavedSearch,
    SavedSearchConflict,
    SavedSearchNotFound,
    add_saved_search,
    delete_saved_search,
    read_subscriptions,
    summary,
)
from kupur.web.security import cost_gate, require_token

__all__ = ["ApiError", "errors", "like_problem", "router"]


class ApiError(BaseModel):
    """The body of every error answer under ``/api``."""

    error: str = Field(description="What is wrong and what to do, fit for a user.")
    position: int | None = Field(
        default=None, description="For a malformed query: where it goes wrong (0-based)."
    )


_ERRORS = {
    400: "Bad parameters, or a malformed query (with its position).",
    401: "Missing or wrong API token.",
    403: "This endpoint changes state and is disabled: the server has no KUPUR_API_TOKEN.",
    404: "No such thing.",
    409: "A conflict with what is stored: a name already used, a subscriptions file with "
    "problems, an article not indexed yet or without an embedding.",
    413: "The request body is too large.",
    502: "The search server answered with an error.",
    503: "The search server cannot be reached, or this server is busy with other costly "
    "requests (then with Retry-After).",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the error statuses an endpoint answers."""
    return {status: {"model": ApiError, "description": _ERRORS[status]} for status in statuses}


#: What every search-backed endpoint may answer besides 200.
SEARCH_ERRORS = errors(400, 502, 503)
#: What every endpoint that needs the API token may answer besides 200.
TOKEN_ERRORS = errors(401, 403)

router = APIRouter(prefix="/api", tags=["api"])

ArticleId = Annotated[
    str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="The article's id (16 hex digits).")
]


def get_kupur(request: Request) -> Kupur:
    kupur: Kupur = request.app.state.kupur
    return kupur


KupurDep = Annotated[Kupur, Depends(get_kupur)]
Params = Annotated[SearchParams, Depends(search_params)]
PagedFilters = Annotated[SearchParams, Depends(paged_params)]
Filters = Annotated[SearchParams, Depends(filter_params)]


@router.get(
    "/health", summary="Article counts in the archive and the index", responses=errors(502, 503)
)
def health(kupur: KupurDep) -> dict[str, int]:
    return {"archived": kupur.archive.count(), "indexed": kupur.backend.count()}


@router.get(
    "/search",
    summary="Search with facets and an optional histogram",
    responses={**SEARCH_ERRORS, **errors(404, 409)},
)
def search(
    request: Request,
    kupur: KupurDep,
    params: Params,
    facets: Annotated[bool, Query(description="Include facet counts.")] = True,
    histogram: Annotated[
        Interval | None, Query(description="Articles per day, week or month.")
    ] = None,
) -> dict[str, Any]:
    size = page_size(request, params)
    deep = params.reads_deep and params.offset + size > COSTLY_DEPTH
    try:
        with cost_gate(request).held() if deep else nullcontext():
            result = kupur.search(
                params.full_query,
                provinces=params.province,
                since=params.since,
                until=params.until,
                sort=params.sort,
                limit=size,
                offset=params.offset,
                facets=facets,
                histogram=histogram,
                collapse_stories=params.collapse,
                mode=params.mode,
                like_id=params.like,
            )
    except SearchError as exc:
        problem = like_problem(kupur, params.like, exc)
        if problem is None:
            raise
        raise HTTPException(problem[0], f"parameter 'like': {problem[1]}") from exc
    return {"query": params.full_query, "limit": size, "offset": params.offset, **result.to_dict()}


def like_problem(
    kupur: Kupur, article_id: str | None, error: SearchError
) -> tuple[int, str] | None:
    """When a search for stories like ``article_id`` failed because of that article (the search
    plan names it), the status and reason to answer with; None for any other failure."""
    if not article_id or type(error) is not SearchError or article_id not in str(error):
        return None
    if kupur.article(article_id) is None:
        return 404, f"no article with id {article_id!r}"
    # Archived but not usable: not indexed yet, or without an embedding.
    return 409, str(error)


@router.get(
    "/articles/{article_id}", summary="One article with its entities", responses=errors(400, 404)
)
def article(kupur: KupurDep, article_id: ArticleId) -> dict[str, Any]:
    found = kupur.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return found.to_dict()


@router.get(
    "/entities/{kind}",
    summary="Provinces, districts, people, organisations or projects",
    responses=SEARCH_ERRORS,
)
def entities(
    request: Request,
    kupur: KupurDep,
    params: PagedFilters,
    kind: Annotated[KindName, Path(description=", ".join(KIND_NAMES))],
) -> dict[str, Any]:
    """Each entity with the number of articles that mention it (among those the filters select),
    most mentioned first, and the query-language filter that finds them. With filters, at most
    5,000 selected articles (``MAX_COUNTED``) are counted: a filter that selects more is refused
    (400); without filters every article counts."""
    size = page_size(request, params, default=request.app.state.settings.web.max_page_size)
    if params.filtered:
        selected = kupur.search(
            params.full_query,
            provinces=params.province,
            since=params.since,
            until=params.until,
            limit=0,
        ).total
        if selected > MAX_COUNTED:
            raise HTTPException(
                400,
                f"the filters select {selected:,} articles; entity counts over filters take at "
                f"most {MAX_COUNTED:,}: narrow them (since/until, a province) or count "
                "everything (no filters)",
            )
    with cost_gate(request).held():
        frame = kupur.entity_counts(
            kind,
            params.full_query,
            provinces=params.province,
            since=params.since,
            until=params.until,
        )
    items = frame.iloc[params.offset : params.offset + size].to_dict(orient="records")
    return {"kind": kind, "total": len(frame), "offset": params.offset, "items": items}


@router.get(
    "/mentions", summary="Articles over time for an entity or a query", responses=SEARCH_ERRORS
)
def mentions(
    kupur: KupurDep,
    params: Filters,
    interval: Annotated[Interval, Query(description="day, week or month")] = "month",
) -> dict[str, Any]:
    """For an entity use its filter: ``q=proje:siroma``, ``q=il:Samsun``, or ``project=siroma``.

    Periods without articles count 0, from ``since`` to ``until`` (or the first and last article
    found); a series longer than 5,000 periods (``MAX_PERIODS``) is refused (400): narrow the dates or
    take a longer interval."""
    if not params.filtered:
        raise HTTPException(400, "give a query (q) or a filter: mentions of what?")
    frame = kupur.mentions_over_time(
        params.full_query,
        interval,
        provinces=params.province,
        since=params.since,
        until=params.until,
        max_periods=MAX_PERIODS,
    )
    series = [
        {"period": period.date().isoformat(), "count": int(count)}
        for period, count in frame["count"].items()
    ]
    return {
        "query": params.full_query,
        "interval": interval,
        "total": sum(point["count"] for point in series),
        "series": series,
    }


@router.get(
    "/export",
    summary="A result set as CSV or JSON lines",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {}, "application/x-ndjson": {}}},
        **SEARCH_ERRORS,
    },
)
def export(
    request: Request,
    kupur: KupurDep,
    params: Filters,
    format: Annotated[ExportFormat, Query(description="csv or jsonl")] = "csv",
    max_rows: Annotated[int, Query(ge=1, le=EXPORT_LIMIT)] = EXPORT_LIMIT,
) -> StreamingResponse:
    """Newest first; at most ``max_rows`` articles. CSV cells are guarded against spreadsheet
    formulas (a leading ``=``, ``+``, ``-`` or ``@`` gets a ``'``)."""
    # Run the search now, so a bad query is a 400 rather than a broken download.
    with cost_gate(request).held():
        ids = kupur.article_ids(
            params.full_query,
            provinces=params.province,
            since=params.since,
            until=params.until,
            max_articles=max_rows,
        )
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    return StreamingResponse(
        export_chunks(kupur.articles_by_id(ids), format),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="kupur-export.{format}"'},
    )


@router.post(
    "/reindex",
    summary="Rebuild the search index from the archive (needs the API token)",
    dependencies=[Depends(require_token)],
    responses={**TOKEN_ERRORS, **errors(502, 503)},
)
def reindex(kupur: KupurDep) -> dict[str, int]:
    from kupur.app.pipeline import rebuild_index

    with kupur.exclusive():
        return {"indexed": rebuild_index(kupur.archive, kupur.backend)}


def subscriptions_path(request: Request) -> FilePath:
    path: FilePath = request.app.state.settings.subscriptions_path
    return path


def today(request: Request) -> date:
    """Today in the scheduler's time zone (``app.state.today``, replaceable in tests)."""
    clock: Callable[[], date] = request.app.state.today
    return clock()


SubscriptionsPath = Annotated[FilePath, Depends(subscriptions_path)]
Today = Annotated[date, Depends(today)]
SubscriptionName = Annotated[
    str, Path(pattern=r"^[\w.-]{1,200}$", description="The subscription's name.")
]
SearchName = Annotated[str, Path(min_length=1, max_length=200, description="The search's name.")]


@router.get(
    "/saved-searches",
    summary="The subscriptions' saved searches with their matches",
    responses=errors(502, 503),
)
def saved_searches(kupur: KupurDep, path: SubscriptionsPath, day: Today) -> dict[str, Any]:
    """Recipients are masked (``a***@example.gov.tr``). A broken subscriptions file gives its
    problems in ``problems`` and no subscriptions; a missing one, ``exists: false``."""
    return summary(read_subscriptions(path), kupur, day)


@router.post(
    "/saved-searches",
    summary="Add a saved search, to an existing subscription or a new one (needs the API token)",
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={**TOKEN_ERRORS, **errors(400, 404, 409, 413)},
)
def add_search(body: NewSavedSearch, path: SubscriptionsPath) -> dict[str, Any]:
    """To create a subscription give ``recipients`` (and optionally ``title``, ``language``,
    ``frequency``). A malformed query is a 400 with ``position``; a name already taken a 409."""
    try:
        stored = add_saved_search(path, body)
    except SavedSearchNotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    except SavedSearchConflict as exc:
        raise HTTPException(409, str(exc)) from exc
    except ConfigError as exc:
        raise HTTPException(400, str(exc)) from exc
    return {"subscription": stored.model_dump(mode="json")}


@router.delete(
    "/saved-searches/{subscription}/{search:path}",
    summary="Remove a saved search (needs the API token)",
    dependencies=[Depends(require_token)],
    responses={**TOKEN_ERRORS, **errors(400, 404, 409)},
)
def remove_search(
    subscription: SubscriptionName, search: SearchName, path: SubscriptionsPath
) -> dict[str, Any]:
    """Removing a subscription's last saved search removes the subscription
    (``subscription_removed: true``): a subscription needs at least one search."""
    try:
        removed = delete_saved_search(path, subscription, search)
    except SavedSearchNotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    except SavedSearchConflict as exc:
        raise HTTPException(409, str(exc)) from exc
    except ConfigError as exc:
        raise HTTPException(400, str(exc)) from exc
    return {"deleted": search, "subscription": subscription, "subscription_removed": removed}
