"""Kupür's search: the backend protocol, its tantivy and Elasticsearch/OpenSearch backends, the
search plan they share (``kupur.index.plan``), and the query language.

    backend = open_backend(kind="tantivy", url="", index_dir=Path("~/.local/share/kupur/index"),
                           index_name="kupur")
    backend.upsert(articles)
    result = backend.search(SearchRequest("proje il:Samsun", facets=True))
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from kupur.core.errors import SearchError
from kupur.index.api import (
    FACET_FIELDS,
    FacetBucket,
    HistogramBucket,
    Hit,
    SearchBackend,
    SearchRequest,
    SearchResult,
)
from kupur.index.query import parse_query

__all__ = [
    "FACET_FIELDS",
    "FacetBucket",
    "HistogramBucket",
    "Hit",
    "SearchBackend",
    "SearchRequest",
    "SearchResult",
    "open_backend",
    "parse_query",
]


def open_backend(
    *,
    kind: str,
    url: str,
    index_dir: Path,
    index_name: str,
    username: str = "",
    password: str = "",
) -> SearchBackend:
    """Open the configured backend.

    ``kind`` is "tantivy", "elasticsearch" or "opensearch". A non-empty ``url`` with kind
    "tantivy" (the default setting) means a server was configured through ``KUPUR_SEARCH_URL``
    alone: the server is asked what it is and the matching client is used. An empty ``url`` always
    means the embedded index under ``index_dir``.
    """
    if kind not in ("tantivy", "elasticsearch", "opensearch"):
        raise SearchError(
            f"unknown search backend '{kind}' (use tantivy, elasticsearch or opensearch)"
        )
    if not url:
        if kind != "tantivy":
            raise SearchError(
                f"search backend '{kind}' needs the server's URL: set KUPUR_SEARCH_URL "
                "or search_url in kupur.toml"
            )
        from kupur.index.tantivy_backend import TantivyBackend

        return TantivyBackend(index_dir)
    from kupur.index.es_backend import ServerBackend

    product: Literal["elasticsearch", "opensearch"] | None = None
    if kind == "elasticsearch":
        product = "elasticsearch"
    elif kind == "opensearch":
        product = "opensearch"
    return ServerBackend.connect(
        url,
        index_name=index_name,
        product=product,
        username=username,
        password=password,
    )
