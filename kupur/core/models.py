"""The records that travel the whole pipeline.

This module is the one part of the shell that the stages (crawlers/, nlp/, index/) may import: it
holds plain data and nothing else, so importing it never drags in the CLI, the archive or a stage.

``Article`` is created by the crawler (or ``kupur import``), gains ``entities``, ``embedding`` and
``story_id`` in enrichment, and is what the index stores. ``Entities`` is what ``kupur extract``
prints, key for key.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

__all__ = [
    "ISTANBUL",
    "Article",
    "DistrictRef",
    "Entities",
    "Figure",
    "Mention",
    "OrganizationRef",
    "Person",
    "ProjectRef",
    "ProvinceRef",
    "article_id",
    "content_hash",
    "ensure_aware",
]

ISTANBUL = ZoneInfo("Europe/Istanbul")


def article_id(canonical_url: str) -> str:
    """Stable id of an article: the first 16 hex digits of SHA-1 over its canonical URL."""
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:16]


def content_hash(title: str, text: str) -> str:
    """Hash of what a reader sees; a re-fetch with another hash is an update."""
    return hashlib.sha1(f"{title}\n{text}".encode()).hexdigest()


def ensure_aware(moment: datetime | None) -> datetime | None:
    """Attach Europe/Istanbul to a naive datetime; Turkish pages that give no zone mean local time."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=ISTANBUL)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ProvinceRef:
    name: str
    plate: int


@dataclass(frozen=True)
class DistrictRef:
    name: str
    province: str


@dataclass(frozen=True)
class Person:
    """A person; ``title`` is the bare title ("İl Müdürü"), ``role`` the full one with its
    institution ("Samsun Aile ve Sosyal Hizmetler İl Müdürü") when the text gives it."""

    name: str
    title: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class OrganizationRef:
    name: str
    abbreviation: str | None = None


@dataclass(frozen=True)
class ProjectRef:
    """A project or programme; ``id`` is the registry id, or a slug for unregistered ones."""

    name: str
    id: str


@dataclass(frozen=True)
class Figure:
    """A number in the text with what it counts: "17.076 çocuk" → value 17076, unit "çocuk"."""

    value: float
    unit: str
    text: str


@dataclass(frozen=True)
class Mention:
    text: str
    label: str
    start: int
    end: int


@dataclass
class Entities:
    provinces: list[ProvinceRef] = field(default_factory=list)
    districts: list[DistrictRef] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[OrganizationRef] = field(default_factory=list)
    projects: list[ProjectRef] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entities:
        return cls(
            provinces=[ProvinceRef(**p) for p in data.get("provinces", [])],
            districts=[DistrictRef(**d) for d in data.get("districts", [])],
            people=[Person(**p) for p in data.get("people", [])],
            organizations=[OrganizationRef(**o) for o in data.get("organizations", [])],
            projects=[ProjectRef(**p) for p in data.get("projects", [])],
            dates=list(data.get("dates", [])),
            figures=[Figure(**f) for f in data.get("figures", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
        )


@dataclass
class Article:
    """One news article. ``id`` and ``content_hash`` are derived when left empty."""

    url: str
    source: str
    title: str
    text: str
    canonical_url: str = ""
    published_at: datetime | None = None
    updated_at: datetime | None = None
    fetched_at: datetime = field(default_factory=_now)
    language: str = "tr"
    author: str | None = None
    entities: Entities | None = None
    embedding: list[float] | None = None
    story_id: str | None = None
    id: str = ""
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.canonical_url:
            self.canonical_url = self.url
        if not self.id:
            self.id = article_id(self.canonical_url)
        if not self.content_hash:
            self.content_hash = content_hash(self.title, self.text)
        self.published_at = ensure_aware(self.published_at)
        self.updated_at = ensure_aware(self.updated_at)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; datetimes as ISO 8601 with offset."""
        return {
            "id": self.id,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
            "fetched_at": self.fetched_at.isoformat(),
            "language": self.language,
            "author": self.author,
            "content_hash": self.content_hash,
            "entities": self.entities.to_dict() if self.entities else None,
            "story_id": self.story_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        def when(key: str) -> datetime | None:
            value = data.get(key)
            return datetime.fromisoformat(value) if value else None

        entities = data.get("entities")
        return cls(
            url=data["url"],
            canonical_url=data.get("canonical_url") or "",
            source=data["source"],
            title=data["title"],
            text=data["text"],
            published_at=when("published_at"),
            updated_at=when("updated_at"),
            fetched_at=when("fetched_at") or _now(),
            language=data.get("language") or "tr",
            author=data.get("author"),
            entities=Entities.from_dict(entities) if entities else None,
            embedding=data.get("embedding"),
            story_id=data.get("story_id"),
            id=data.get("id") or "",
            content_hash=data.get("content_hash") or "",
        )
