"""The web application: ``create_app(settings)`` builds it; ``kupur serve`` runs it with uvicorn,
in one process or, with ``--workers N``, in N processes that each build their own app with
``app_from_environment`` (uvicorn's factory).

One ``Kupur`` (the researchers' API) is opened per app and shared by the JSON API and the pages.
Library errors become HTTP answers here: a malformed query 400, an unknown article 404, a search
server that is down 503 — JSON under ``/api``, a Turkish error page elsewhere. The OpenAPI
schema says the same: each operation lists the statuses it answers, and no 422 (a request that
fails validation gets 400 here).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from kupur.app.application import Kupur, TooManyPeriods
from kupur.app.config import Settings, load_settings
from kupur.core.errors import BackendUnavailable, KupurError, QuerySyntaxError, SearchError
from kupur.web import api, pages
from kupur.web.security import BodySizeLimit, CostGate, SecurityHeaders, ServerBusy
from kupur.web.templates import STATIC_DIR, templates

__all__ = ["MAX_BODY_BYTES", "app_from_environment", "create_app"]

#: Largest request body accepted (no endpoint takes more than a few bytes today).
MAX_BODY_BYTES = 64 * 1024
#: Seconds the web app reuses its in-memory list of enriched articles for entity counts.
ENTITY_CACHE_SECONDS = 30.0


def create_app(settings: Settings, kupur: Kupur | None = None) -> FastAPI:
    """The FastAPI app over the data directory in ``settings`` (or over ``kupur`` if given; the
    app then leaves closing it to the caller)."""
    owned = kupur is None
    shared = kupur if kupur is not None else Kupur(settings, cache_seconds=ENTITY_CACHE_SECONDS)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            shared.close()

    app = FastAPI(
        title="Kupür",
        summary="Türkçe haber izleme: arama, varlıklar, zaman içinde anılma, dışa aktarma.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.kupur = shared
    app.state.cost_gate = CostGate()
    zone = ZoneInfo(settings.scheduler.timezone)

    def today() -> date:
        """Today where the digests are read: the saved-search page's "last 7 days" ends here."""
        return datetime.now(zone).date()

    app.state.today = today
    app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _install_error_handlers(app)
    _install_schema(app, settings)
    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``kupur serve --workers N`` (or of ``uvicorn --factory
    kupur.web.app:app_from_environment``): settings from KUPUR_CONFIG (or ./kupur.toml) and the
    ``KUPUR_*`` variables, which ``kupur serve`` sets for its workers from its own options."""
    return create_app(load_settings())


def _install_schema(app: FastAPI, settings: Settings) -> None:
    """The OpenAPI schema as the server behaves: validation errors are 400 (documented per
    operation in ``api``), not FastAPI's 422, and ``limit`` stops at ``web.max_page_size``."""
    generate = app.openapi

    def schema() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        built = generate()
        for operations in built.get("paths", {}).values():
            for operation in operations.values():
                operation.get("responses", {}).pop("422", None)
                for parameter in operation.get("parameters", []):
                    if parameter["name"] == "limit" and parameter["in"] == "query":
                        for option in parameter["schema"].get("anyOf", [parameter["schema"]]):
                            if option.get("type") == "integer":
                                option["maximum"] = settings.web.max_page_size
        components = built.get("components", {}).get("schemas", {})
        for unused in ("HTTPValidationError", "ValidationError"):
            components.pop(unused, None)
        app.openapi_schema = built
        return built

    app.openapi = schema  # type: ignore[method-assign]


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, **extra: Any) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, **extra}, status_code=status)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def _allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """The methods some route answers on this request's path."""
    return [
        method
        for method in _METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL
            for route in app.router.routes
        )
    ]


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for item in exc.errors():
            loc = tuple(item.get("loc", ()))
            if loc and loc[0] in ("query", "path", "body"):
                loc = loc[1:]  # where it came from; a body field may itself be called "query"
            where = [str(part) for part in loc]
            name = ".".join(where) or "request"
            problems.append(f"parameter '{name}': {item.get('msg', 'invalid')}")
        return _error(request, 400, "; ".join(problems) or "bad request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        allowed = _allowed_methods(app, request) if exc.status_code == 405 else []
        if allowed:
            # Starlette names only the first route on this path; list every route's methods.
            response.headers["Allow"] = ", ".join(allowed)
        return response

    @app.exception_handler(ServerBusy)
    async def busy(request: Request, exc: ServerBusy) -> Response:
        if _wants_json(request):
            response = _error(request, 503, str(exc))
        else:
            message = (
                "Sunucu şu anda başka ağır isteklerle meşgul; "
                f"{exc.retry_after} saniye sonra yeniden deneyin."
            )
            response = _error(request, 503, message)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(TooManyPeriods)
    async def too_many_periods(request: Request, exc: TooManyPeriods) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(QuerySyntaxError)
    async def bad_query(request: Request, exc: QuerySyntaxError) -> Response:
        if not _wants_json(request):
            return pages.query_error_page(request, exc)
        return _error(request, 400, str(exc), position=exc.position)

    @app.exception_handler(BackendUnavailable)
    async def backend_down(request: Request, exc: BackendUnavailable) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(SearchError)
    async def search_failed(request: Request, exc: SearchError) -> Response:
        return _error(request, 502, str(exc))

    @app.exception_handler(KupurError)
    async def failed(request: Request, exc: KupurError) -> Response:
        return _error(request, 500, str(exc))
