"""The one exporter: articles as CSV or JSON lines, for ``kupur export`` and ``/api/export`` alike.

Both formats carry the same columns (``EXPORT_COLUMNS``): entities as lists of names (projects by
id). A JSON line also carries the whole record (``Article.to_dict``: entities with titles, plates,
mentions and figures), so ``kupur import`` reads an export back unchanged. Articles are written in
batches, never held in memory all at once.

A CSV cell that a spreadsheet would run as a formula (``=HYPERLINK(…)``, ``+``, ``-``, ``@``) gets a
leading apostrophe: exports are opened in Excel, and article titles come from the open web.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TextIO, get_args

from kupur.core.models import Article

__all__ = ["EXPORT_COLUMNS", "ExportFormat", "export_chunks", "export_record", "write_export"]

ExportFormat = Literal["csv", "jsonl"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)

EXPORT_COLUMNS = (
    "id",
    "published_at",
    "source",
    "title",
    "url",
    "story_id",
    "provinces",
    "districts",
    "people",
    "organizations",
    "projects",
    "text",
)
_BATCH = 200
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_record(article: Article) -> dict[str, Any]:
    """The export columns of one article (entity kinds as lists of names)."""
    e = article.entities
    return {
        "id": article.id,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "story_id": article.story_id,
        "provinces": [p.name for p in e.provinces] if e else [],
        "districts": [d.name for d in e.districts] if e else [],
        "people": [p.name for p in e.people] if e else [],
        "organizations": [o.name for o in e.organizations] if e else [],
        "projects": [p.id for p in e.projects] if e else [],
        "text": article.text,
    }


def _cell(value: object) -> str:
    """A CSV cell: lists joined with "; ", formula-like text made inert with an apostrophe."""
    if value is None:
        return ""
    text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_chunks(articles: Iterable[Article], fmt: ExportFormat) -> Iterator[str]:
    """The export as text chunks of up to 200 articles (CSV starts with its header row)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if fmt == "csv":
        writer.writerow(EXPORT_COLUMNS)
    pending = 0
    for article in articles:
        record = export_record(article)
        if fmt == "csv":
            writer.writerow([_cell(record[column]) for column in EXPORT_COLUMNS])
        else:
            full = {**article.to_dict(), **record}
            buffer.write(json.dumps(full, ensure_ascii=False) + "\n")
        pending += 1
        if pending == _BATCH:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    if buffer.tell():
        yield buffer.getvalue()


def write_export(articles: Iterable[Article], fmt: ExportFormat, out: TextIO) -> int:
    """Write the export to ``out``; the number of articles written."""
    count = 0

    def counted() -> Iterator[Article]:
        nonlocal count
        for article in articles:
            count += 1
            yield article

    for chunk in export_chunks(counted(), fmt):
        out.write(chunk)
    return count
