"""Loading the demo corpus: hand-written Turkish articles, one YAML file per demo site.

Each file holds ``site:`` and a list of ``articles:``. A body is a YAML block whose paragraphs are
separated by blank lines; lines inside a paragraph are joined with a space, so the files stay
readable while the text a reader sees is one line per paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["CORPUS_DIR", "SITES", "DemoArticle", "load_corpus"]

CORPUS_DIR = Path(__file__).with_name("corpus")

#: The demo sites, in the order they are served and listed.
SITES = ("bakanlik", "ilmudurlugu", "gazete")

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LEGACY_MODES = ("header", "meta-only")


@dataclass(frozen=True)
class DemoArticle:
    """One demo article as written in the corpus.

    ``number`` is the numeric id in the ``ilmudurlugu`` and ``gazete`` URLs; ``section`` the
    ``gazete`` province section (``samsun`` → ``/samsun-haberleri/``). ``legacy_encoding`` makes the
    ``ilmudurlugu`` page windows-1254: ``header`` also names the charset in the HTTP header,
    ``meta-only`` leaves it to the ``<meta charset>``. ``date_style: upper`` prints the ``gazete``
    date line in capitals ("24 MAYIS 2024 CUMA"); ``jsonld`` and ``opengraph`` add that metadata.
    """

    id: str
    site: str
    slug: str
    story: str
    title: str
    published: datetime
    updated: datetime | None
    author: str | None
    paragraphs: tuple[str, ...]
    number: int | None = None
    section: str | None = None
    legacy_encoding: str | None = None
    date_style: str = "normal"
    jsonld: bool = False
    opengraph: bool = False

    @property
    def body(self) -> str:
        """The body as the ground truth states it: paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    @property
    def last_modified(self) -> datetime:
        return self.updated or self.published


def _paragraphs(block: str) -> tuple[str, ...]:
    chunks = re.split(r"\n\s*\n", block.strip())
    return tuple(" ".join(line.strip() for line in chunk.splitlines()) for chunk in chunks)


def _moment(value: Any, where: str) -> datetime:
    if not isinstance(value, str):
        raise ValueError(f"{where}: dates must be quoted ISO 8601 strings, got {value!r}")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"{where}: date {value!r} has no UTC offset")
    return moment


def _article(site: str, raw: dict[str, Any]) -> DemoArticle:
    where = f"{site}/{raw.get('id', '?')}"
    slug = str(raw["slug"])
    if not _SLUG_RE.match(slug):
        raise ValueError(f"{where}: slug {slug!r} is not lower-case ASCII words joined by '-'")
    legacy = raw.get("legacy_encoding")
    if legacy is not None and legacy not in _LEGACY_MODES:
        raise ValueError(f"{where}: legacy_encoding must be one of {_LEGACY_MODES}")
    if site in ("ilmudurlugu", "gazete") and not isinstance(raw.get("number"), int):
        raise ValueError(f"{where}: articles of {site} need an integer 'number'")
    if site == "gazete" and not raw.get("section"):
        raise ValueError(f"{where}: gazete articles need a 'section' (province slug)")
    updated = raw.get("updated")
    return DemoArticle(
        id=str(raw["id"]),
        site=site,
        slug=slug,
        story=str(raw["story"]),
        title=str(raw["title"]).strip(),
        published=_moment(raw["published"], where),
        updated=_moment(updated, where) if updated is not None else None,
        author=raw.get("author"),
        paragraphs=_paragraphs(str(raw["body"])),
        number=raw.get("number"),
        section=raw.get("section"),
        legacy_encoding=legacy,
        date_style=str(raw.get("date_style", "normal")),
        jsonld=bool(raw.get("jsonld", False)),
        opengraph=bool(raw.get("opengraph", False)),
    )


@cache
def load_corpus(directory: Path = CORPUS_DIR) -> tuple[DemoArticle, ...]:
    """Every demo article, site by site in ``SITES`` order, newest first within a site."""
    articles: list[DemoArticle] = []
    for site in SITES:
        path = directory / f"{site}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("site") != site:
            raise ValueError(f"{path}: 'site' must be {site!r}")
        items = [_article(site, raw) for raw in data["articles"]]
        items.sort(key=lambda a: a.published, reverse=True)
        articles.extend(items)
    ids = [a.id for a in articles]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate article ids in the demo corpus: {duplicates}")
    return tuple(articles)
