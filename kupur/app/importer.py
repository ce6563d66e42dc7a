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
from typing import Any
from urllib.parse import urlsplit

from kupur.core.errors import ImportFormatError
from kupur.core.models import Article

__all__ = ["read_jsonl"]

_REQUIRED = ("url", "title", "text", "source")
#: Publication years an imported article may have: dates far outside them are typing or
#: conversion mistakes, and years like 1 or 9999 overflow date arithmetic and search engines.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _unstorable_text(record: dict[str, Any]) -> str | None:
    """Why a record's text cannot be stored as it is (a NUL, which PostgreSQL refuses, or a lone
    surrogate such as ``"\\ud800"``, which is no character in UTF-8), or None."""
    for key, value in record.items():
        if not isinstance(value, str):
            continue
        if "\x00" in value:
            return f"{key} contains a NUL character (\\u0000); remove it and import again"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            code = f"\\u{ord(value[exc.start]):04x}"
            return f"{key} contains an unpaired surrogate ({code}), which is not text"
    return None


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
        problem = _unstorable_text(record)
        if problem:
            yield ImportFormatError(number, problem)
            continue
        published = record.get("published_at")
        try:
            published_at = datetime.fromisoformat(published) if published else None
        except (TypeError, ValueError):
            yield ImportFormatError(number, f"published_at is not ISO 8601: {published!r}")
            continue
        if published_at is not None and not FIRST_YEAR <= published_at.year <= LAST_YEAR:
            yield ImportFormatError(
                number,
                f"published_at {published!r} is outside the years Kupür keeps "
                f"({FIRST_YEAR}–{LAST_YEAR}); correct the date or leave it out",
            )
            continue
        url = record["url"].strip()
        if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc:
            yield ImportFormatError(number, f"url must be an http(s) address: {url[:80]!r}")
            continue
        yield Article(
            url=url,
            canonical_url=canonicalize(url),
            source=record["source"].strip(),
            title=record["title"].strip(),
            text=record["text"].strip(),
            published_at=published_at,
            author=record.get("author") if isinstance(record.get("author"), str) else None,
        )
