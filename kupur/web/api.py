"""The JSON API under ``/api``: search, one article, entity lists, mentions over time, export,
saved searches.

Every endpoint is read-only except ``POST /api/reindex`` and the saved-search changes, which need
the API token. Bad parameters get a 400 with ``{"error": "..."}``; a malformed query also gets
``position``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from kupur.app.application import Interval, Kupur
from kupur.app.export import ExportFormat, export_chunks
from kupur.core.entity_kinds import KIND_NAMES, KindName
from kupur.core.errors import ConfigError
from kupur.web.params import EXPORT_LIMIT, SearchParams, page_size, search_params
from kupur.web.saved_searches import (
    NewSavedSearch,
    SavedSearchConflict,
    SavedSearchNotFound,
    add_saved_search,
    delete_saved_search,
    read_subscriptions,
    summary,
)
from kupur.web.security import require_token

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

ArticleId = Annotated[
    str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="The article's id (16 hex digits).")
]


def get_kupur(request: Request) -> Kupur:
    kupur: Kupur = request.app.state.kupur
    return kupur


KupurDep = Annotated[Kupur, Depends(get_kupur)]
Params = Annotated[SearchParams, Depends(search_params)]


@router.get("/health", summary="Article counts in the archive and the index")
def health(kupur: KupurDep) -> dict[str, int]:
    return {"archived": kupur.archive.count(), "indexed": kupur.backend.count()}


@router.get("/search", summary="Search with facets and an optional histogram")
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
    return {"query": params.full_query, "limit": size, "offset": params.offset, **result.to_dict()}


@router.get("/articles/{article_id}", summary="One article with its entities")
def article(kupur: KupurDep, article_id: ArticleId) -> dict[str, Any]:
    found = kupur.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return found.to_dict()


@router.get("/entities/{kind}", summary="Provinces, districts, people, organisations or projects")
def entities(
    request: Request,
    kupur: KupurDep,
    params: Params,
    kind: Annotated[KindName, Path(description=", ".join(KIND_NAMES))],
) -> dict[str, Any]:
    """Each entity with the number of articles that mention it (among those the filters select),
    most mentioned first, and the query-language filter that finds them."""
    size = page_size(request, params, default=request.app.state.settings.web.max_page_size)
    frame = kupur.entity_counts(
        kind,
        params.full_query,
        provinces=params.province,
        since=params.since,
        until=params.until,
    )
    items = frame.iloc[params.offset : params.offset + size].to_dict(orient="records")
    return {"kind": kind, "total": len(frame), "offset": params.offset, "items": items}


@router.get("/mentions", summary="Articles over time for an entity or a query")
def mentions(
    kupur: KupurDep,
    params: Params,
    interval: Annotated[Interval, Query(description="day, week or month")] = "month",
) -> dict[str, Any]:
    """For an entity use its filter: ``q=proje:siroma``, ``q=il:Samsun``, or ``project=siroma``."""
    if not params.filtered:
        raise HTTPException(400, "give a query (q) or a filter: mentions of what?")
    frame = kupur.mentions_over_time(
        params.full_query,
        interval,
        provinces=params.province,
        since=params.since,
        until=params.until,
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
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}},
)
def export(
    kupur: KupurDep,
    params: Params,
    format: Annotated[ExportFormat, Query(description="csv or jsonl")] = "csv",
    max_rows: Annotated[int, Query(ge=1, le=EXPORT_LIMIT)] = EXPORT_LIMIT,
) -> StreamingResponse:
    """Newest first; at most ``max_rows`` articles. CSV cells are guarded against spreadsheet
    formulas (a leading ``=``, ``+``, ``-`` or ``@`` gets a ``'``)."""
    # Run the search now, so a bad query is a 400 rather than a broken download.
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


@router.get("/saved-searches", summary="The subscriptions' saved searches with their matches")
def saved_searches(kupur: KupurDep, path: SubscriptionsPath, day: Today) -> dict[str, Any]:
    """Recipients are masked (``a***@example.gov.tr``). A broken subscriptions file gives its
    problems in ``problems`` and no subscriptions; a missing one, ``exists: false``."""
    return summary(read_subscriptions(path), kupur, day)


@router.post(
    "/saved-searches",
    summary="Add a saved search, to an existing subscription or a new one (needs the API token)",
    status_code=201,
    dependencies=[Depends(require_token)],
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
