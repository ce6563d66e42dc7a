"""The web application: ``create_app(settings)`` builds it; ``kupur serve`` runs it with uvicorn.

One ``Kupur`` (the researchers' API) is opened per app and shared by the JSON API and the pages.
Library errors become HTTP answers here: a malformed query 400, an unknown article 404, a search
server that is down 503 — JSON under ``/api``, a Turkish error page elsewhere.
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

from kupur.app.application import Kupur
from kupur.app.config import Settings
from kupur.core.errors import BackendUnavailable, KupurError, QuerySyntaxError, SearchError
from kupur.web import api, pages
from kupur.web.security import BodySizeLimit, SecurityHeaders
from kupur.web.templates import STATIC_DIR, templates

__all__ = ["MAX_BODY_BYTES", "create_app"]

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
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, **extra: Any) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, **extra}, status_code=status)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


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
        return response

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
