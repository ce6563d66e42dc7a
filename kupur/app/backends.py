"""The configured search backend, opened in one place for the CLI, the web app, the scheduler and
the researchers' API."""

from __future__ import annotations

from kupur.app.config import Settings
from kupur.index import open_backend
from kupur.index.api import SearchBackend

__all__ = ["open_search_backend"]


def open_search_backend(settings: Settings) -> SearchBackend:
    """The embedded index under the data directory, or the server at ``search_url``."""
    return open_backend(
        kind=settings.search.backend,
        url=settings.search_url,
        index_dir=settings.index_dir,
        index_name=settings.search.index_name,
        username=settings.search.username,
        password=settings.search_password,
    )
