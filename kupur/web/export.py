"""Writing a result set as CSV or JSON lines, page by page (the whole set is never in memory)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Literal

from kupur.app.application import Kupur
from kupur.core.models import Article

__all__ = ["EXPORT_COLUMNS", "EXPORT_LIMIT", "export_rows"]

#: Most articles one export holds.
EXPORT_LIMIT = 10_000
EXPORT_COLUMNS = (
    "id",
    "published_at",
    "source",
    "title",
    "url",
    "provinces",
    "districts",
    "people",
    "organizations",
    "projects",
    "story_id",
)
_BATCH = 200
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _record(article: Article) -> dict[str, object]:
    e = article.entities
    return {
        "id": article.id,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "provinces": [p.name for p in e.provinces] if e else [],
        "districts": [d.name for d in e.districts] if e else [],
        "people": [p.name for p in e.people] if e else [],
        "organizations": [o.name for o in e.organizations] if e else [],
        "projects": [p.id for p in e.projects] if e else [],
        "story_id": article.story_id,
    }


def _cell(value: object) -> str:
    """A CSV cell; lists joined with "; ", and text that a spreadsheet would run as a formula
    prefixed with an apostrophe."""
    if value is None:
        return ""
    text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_rows(kupur: Kupur, ids: list[str], fmt: Literal["csv", "jsonl"]) -> Iterator[str]:
    """The articles with these ids in this order, as CSV (with a header row) or JSON lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if fmt == "csv":
        writer.writerow(EXPORT_COLUMNS)
    for start in range(0, len(ids), _BATCH):
        for article in kupur.archive.get_many(ids[start : start + _BATCH]):
            record = _record(article)
            if fmt == "csv":
                writer.writerow([_cell(record[c]) for c in EXPORT_COLUMNS])
            else:
                buffer.write(json.dumps(record, ensure_ascii=False) + "\n")
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()
