"""The server-rendered pages, in Turkish: search, article, project, province, entity lists, and
the API documentation (rendered from the OpenAPI schema: no script, nothing from a CDN)."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, Response

from kupur.app.application import Kupur, entity_query
from kupur.core.entity_kinds import ENTITY_KINDS, entity_kind
from kupur.core.errors import QuerySyntaxError, SearchError
from kupur.web.api import ArticleId, SubscriptionsPath, Today, get_kupur, like_problem
from kupur.web.params import (
    COSTLY_DEPTH,
    MAX_PERIODS,
    MAX_QUERY_LENGTH,
    SearchParams,
    page_size,
    search_params,
)
from kupur.web.render import bar_chart, mark_entities, safe_snippet
from kupur.web.saved_searches import read_subscriptions, summary
from kupur.web.security import cost_gate
from kupur.web.templates import templates

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

KupurDep = Annotated[Kupur, Depends(get_kupur)]
Params = Annotated[SearchParams, Depends(search_params)]

#: Facets in the order the search page shows them, with their Turkish headings.
FACET_TITLES = {
    **{
        entity_kind(name).singular: entity_kind(name).label
        for name in ("provinces", "projects", "organizations", "people", "districts")
    },
    "source": "Kaynak",
}
#: Entity list pages: URL name → (entity kind, Turkish heading, column heading of the detail).
LISTS = {kind.list_slug: (kind.name, kind.plural_label, kind.detail_label) for kind in ENTITY_KINDS}
_FACET_LIMIT = 12
_LATEST = 10


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status)


def safe_link(url: str) -> str | None:
    """An article's URL as a link target only if it is http(s): a crawled page must not be able
    to plant a ``javascript:`` link."""
    return url if urlsplit(url).scheme in ("http", "https") else None


def _hit_view(hit: Any) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "source": hit.source,
        "published_at": hit.published_at,
        "snippet": safe_snippet(hit.snippet),
        "other_outlets": hit.other_outlets,
        "projects": [p.get("id") for p in hit.entities.get("projects", []) if p.get("id")],
    }


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, kupur: KupurDep, params: Params) -> Response:
    if not request.query_params:
        params = SearchParams(collapse=True)  # the first visit groups stories by default
    size = page_size(request, params)
    context: dict[str, Any] = {"params": params, "facet_titles": FACET_TITLES, "error": None}
    deep = params.reads_deep and params.offset + size > COSTLY_DEPTH
    try:
        with cost_gate(request).held() if deep else nullcontext():
            result = kupur.search(
                params.full_query,
                provinces=params.province,
                since=params.since,
                until=params.until,
                sort=params.sort if params.filtered else "date",
                limit=size,
                offset=params.offset,
                facets=True,
                histogram="month",
                collapse_stories=params.collapse,
                mode=params.mode,
                like_id=params.like,
            )
    except QuerySyntaxError as exc:
        return query_error_page(request, exc, params)
    except SearchError as exc:
        problem = like_problem(kupur, params.like, exc)
        if problem is None:
            raise
        message = (
            "Bu kimlikle bir haber yok."
            if problem[0] == 404
            else "Bu haber henüz dizinde değil ya da anlam vektörü yok: benzer haberler aranamıyor."
        )
        raise HTTPException(problem[0], message) from exc
    pages = {
        "current": params.offset // size + 1,
        "count": max(1, -(-result.total // size)),
        "previous": params.url(offset=max(params.offset - size, 0)) if params.offset else None,
        "next": params.url(offset=params.offset + size)
        if params.offset + size < result.total
        else None,
    }
    series = [(date.fromisoformat(b.key), b.count) for b in result.histogram]
    context.update(
        result=result,
        hits=[_hit_view(h) for h in result.hits],
        facets={
            name: result.facets.get(name, [])[:_FACET_LIMIT]
            for name in FACET_TITLES
            if result.facets.get(name)
        },
        chart=bar_chart(series, "month") if len(series) > 1 else None,
        pages=pages,
        export_csv="/api/export?" + urlencode([*params.pairs(), ("format", "csv")]),
        export_jsonl="/api/export?" + urlencode([*params.pairs(), ("format", "jsonl")]),
    )
    return _page(request, "search.html", context)


def query_error_page(
    request: Request, error: QuerySyntaxError, params: SearchParams | None = None
) -> Response:
    """The search page with the query kept in the box and the problem shown under it."""
    if params is None:
        params = SearchParams(q=request.query_params.get("q", "")[:MAX_QUERY_LENGTH])
    context = {"params": params, "facet_titles": FACET_TITLES, "error": str(error)}
    return _page(request, "search.html", context, status=400)


@router.get("/makale/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, kupur: KupurDep, article_id: ArticleId) -> Response:
    article = kupur.article(article_id)
    if article is None:
        raise HTTPException(404, "Bu kimlikle bir haber yok.")
    copies = (
        [a for a in kupur.story_articles(article.story_id) if a.id != article.id]
        if article.story_id
        else []
    )
    entities = article.entities
    return _page(
        request,
        "article.html",
        {
            "article": article,
            "link": safe_link(article.url),
            "body": mark_entities(article.text, entities.mentions if entities else []),
            "entities": entities,
            "copies": copies,
            "search_url": _search_url,
        },
    )


def _search_url(name: str, value: str) -> str:
    return "/?" + urlencode([(name, value), ("collapse", "true")])


def _entity_page(
    request: Request,
    kupur: KupurDep,
    *,
    heading: str,
    kind_label: str,
    query: str,
    provinces: tuple[str, ...],
    search_link: str,
    side_facet: str,
    side_title: str,
) -> Response:
    result = kupur.search(query, provinces=provinces, sort="date", limit=_LATEST, facets=True)
    if result.total == 0:
        raise HTTPException(404, f"“{heading}” hiçbir haberde geçmiyor.")
    over_time = kupur.mentions_over_time(
        query, "month", provinces=provinces, max_periods=MAX_PERIODS
    )
    series = [(p.date(), int(c)) for p, c in over_time["count"].items()]
    return _page(
        request,
        "entity.html",
        {
            "heading": heading,
            "kind_label": kind_label,
            "total": result.total,
            "hits": [_hit_view(h) for h in result.hits],
            "chart": bar_chart(series, "month") if series else None,
            "side": result.facets.get(side_facet, [])[:_FACET_LIMIT],
            "side_title": side_title,
            "side_param": side_facet,
            "search_link": search_link,
            "export_csv": "/api/export?" + urlencode(_pairs(query, provinces, "csv")),
        },
    )


def _pairs(query: str, provinces: tuple[str, ...], fmt: str) -> list[tuple[str, str]]:
    pairs = [("q", query)] if query else []
    return [*pairs, *(("province", p) for p in provinces), ("format", fmt)]


Name = Annotated[str, Path(min_length=1, max_length=200)]


@router.get("/proje/{project_id}", response_class=HTMLResponse)
def project_page(request: Request, kupur: KupurDep, project_id: Name) -> Response:
    with cost_gate(request).held():
        counts = kupur.entity_counts("projects")
    row = counts[counts["project"] == project_id]
    name = str(row["name"].iloc[0]) if len(row) else project_id
    query = entity_query("projects", project_id)
    return _entity_page(
        request,
        kupur,
        heading=name,
        kind_label="Proje",
        query=query,
        provinces=(),
        search_link="/?" + urlencode([("q", query), ("collapse", "true")]),
        side_facet="province",
        side_title="İllere göre",
    )


@router.get("/il/{province}", response_class=HTMLResponse)
def province_page(request: Request, kupur: KupurDep, province: Name) -> Response:
    return _entity_page(
        request,
        kupur,
        heading=province,
        kind_label="İl",
        query="",
        provinces=(province,),
        search_link=_search_url("province", province),
        side_facet="project",
        side_title="Bu ilde anılan projeler",
    )


@router.get("/liste/{list_name}", response_class=HTMLResponse)
def entity_list(request: Request, kupur: KupurDep, list_name: str) -> Response:
    if list_name not in LISTS:
        raise HTTPException(404, "Böyle bir liste yok.")
    kind, heading, detail_heading = LISTS[list_name]
    with cost_gate(request).held():
        frame = kupur.entity_counts(kind)
    rows = []
    for record in frame.to_dict(orient="records"):
        key = str(record[frame.columns[0]])
        if kind == "provinces":
            link = "/il/" + quote(key, safe="")
        elif kind == "projects":
            link = "/proje/" + quote(key, safe="")
        else:
            link = _search_url(
                {"districts": "district", "people": "person"}.get(kind, "organization"), key
            )
        detail = record[frame.columns[1]]
        rows.append({"name": key, "detail": detail, "articles": record["articles"], "link": link})
    return _page(
        request,
        "entities.html",
        {"heading": heading, "detail_heading": detail_heading, "rows": rows, "lists": LISTS},
    )


_FREQUENCIES = {"weekly": "Haftalık", "daily": "Günlük"}
_LANGUAGES = {"tr": "Türkçe", "en": "İngilizce"}


def _alerts_text(alerts: dict[str, Any] | None) -> str:
    if alerts is None:
        return "yok"
    kinds = []
    if alerts["new"]:
        kinds.append("yeni haber")
    if alerts["spike"]:
        factor = alerts["spike_factor"]
        kinds.append(f"ani artış (×{factor:g})" if factor else "ani artış")
    return ", ".join(kinds) or "kapalı"


@router.get("/kayitli-aramalar", response_class=HTMLResponse)
def saved_searches_page(
    request: Request, kupur: KupurDep, path: SubscriptionsPath, day: Today
) -> Response:
    """Read-only: changes go through the token-protected API (the page shows a curl example)."""
    return _page(
        request,
        "saved_searches.html",
        {
            "data": summary(read_subscriptions(path), kupur, day),
            "frequencies": _FREQUENCIES,
            "languages": _LANGUAGES,
            "alerts_text": _alerts_text,
            "token_set": bool(request.app.state.settings.api_token),
            "base": str(request.base_url).rstrip("/"),
        },
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    schema = request.app.openapi()
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [_parameter(p) for p in operation.get("parameters", [])],
                }
            )
    return _page(request, "docs.html", {"operations": operations, "info": schema["info"]})


def _parameter(parameter: dict[str, Any]) -> dict[str, Any]:
    schema = parameter.get("schema", {})
    options = schema.get("anyOf", [schema])
    kinds = []
    for option in options:
        if "enum" in option:
            kinds.append(" | ".join(map(str, option["enum"])))
        elif option.get("type") == "array":
            kinds.append(f"list of {option.get('items', {}).get('type', 'value')}")
        elif option.get("type") and option.get("type") != "null":
            kinds.append(str(option.get("format") or option["type"]))
    return {
        "name": parameter["name"],
        "where": parameter.get("in", ""),
        "required": parameter.get("required", False),
        "type": ", ".join(kinds),
        "default": schema.get("default"),
        "description": parameter.get("description") or schema.get("description", ""),
    }
