"""Kupür: Turkish news monitoring. The researchers' Python API (``kupur.app.application``):

    from kupur import open_kupur
    k = open_kupur("demo-data")
    k.mentions_over_time("proje:siroma").plot()

The names are loaded on first use, so the stages that import ``kupur.core.models`` do not pay for
pandas and the archive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kupur.app.application import Kupur, entity_query, open_kupur

__all__ = ["Kupur", "entity_query", "open_kupur"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kupur.app import application

        return getattr(application, name)
    raise AttributeError(f"module 'kupur' has no attribute {name!r}")
