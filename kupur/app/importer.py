"""Reading articles from JSON lines for ``kupur import`` (the export is ``kupur.app.export``).

Import reads one JSON object per line (``url``, ``title``, ``text``, ``published_at`` in ISO 8601,
``source``; unknown keys are ignored). A line that cannot become an article is reported with its
line number and skipped; the others are stored. An export's JSON lines read back unchanged,
entities included.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime

from kupur.core.errors import ImportFormatError
from kupur.core.models import Article

__all__ = ["read_jsonl"]

_REQUIRED = ("url", "title", "text", "source")


def read_jsonl(lines: Iterable[str | bytes]) -> Iterator[Article | ImportFormatError]:
    """Parse JSON lines into Articles; bad lines come out as ImportFormatError values, in order.

    Lines read as bytes must be UTF-8 (a line that is not, e.g. windows-1254, is reported, not
    guessed at); a byte order mark before the first line is ignored."""
    from kupur.crawlers.urls import canonicalize

    for number, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError:
            yield ImportFormatError(
                number,
                "not UTF-8 text; convert the file first "
                "(e.g. `iconv -f windows-1254 -t utf-8 in.jsonl > out.jsonl`)",
            )
            continue
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ImportFormatError(number, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield ImportFormatError(number, "expected a JSON object")
            continue
        missing = [
            key
            for key in _REQUIRED
            if not isinstance(record.get(key), str) or not record[key].strip()
        ]
        if missing:
            yield ImportFormatError(number, f"missing or empty: {', '.join(missing)}")
            continue
        published = record.get("published_at")
        try:
            published_at = datetime.fromisoformat(published) if published else None
        except (TypeError, ValueError):
            yield ImportFormatError(number, f"published_at is not ISO 8601: {published!r}")
            continue
        url = record["url"].strip()
        yield Article(
            url=url,
            canonical_url=canonicalize(url),
            source=record["source"].strip(),
            title=record["title"].strip(),
            text=record["text"].strip(),
            published_at=published_at,
            author=record.get("author") if isinstance(record.get("author"), str) else None,
        )
