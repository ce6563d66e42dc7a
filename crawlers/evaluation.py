"""Scoring extraction against labelled pages: title accuracy, date accuracy, body token F1.

A title counts when it equals the expected one after whitespace normalisation; a date when it
equals the expected publication moment at the precision the page shows (``day`` compares the
Istanbul calendar day, ``second`` the exact moment); an author when it equals the labelled one
(scored only on pages whose label names an author); body F1 is over Turkish-lower-cased word
tokens (a multiset), averaged over pages. A page labelled ``expect: rejected`` (a teaser that
links to the full text, say) is not an article: it scores only whether the extraction rejected it,
and is left out of the title, date and body figures. ``load_labelled`` reads the crawler's own
labelled pages (every truth file ``crawlers/labelled/*.yaml`` and the pages next to it; the file's
stem is the page's ``group``); the shell adds the demo sites' pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kupur.core.models import ISTANBUL
from kupur.core.turkish import turkish_lower
from kupur.crawlers.extraction import Rejected, extract_article

__all__ = ["EvalReport", "LabelledPage", "body_f1", "evaluate", "load_labelled"]

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class LabelledPage:
    style: str
    url: str
    html: bytes
    content_type: str
    title: str
    published: datetime | None
    body: str
    date_precision: str = "second"
    selectors: dict[str, str] = field(default_factory=dict)
    author: str | None = None
    group: str = ""
    expect: str = "article"


@dataclass
class StyleScore:
    pages: int = 0
    titles: int = 0
    dates: int = 0
    f1_sum: float = 0.0
    authored: int = 0
    authors: int = 0
    non_articles: int = 0
    rejected: int = 0

    @property
    def title_accuracy(self) -> float:
        return self.titles / self.pages if self.pages else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates / self.pages if self.pages else 0.0

    @property
    def body_f1(self) -> float:
        return self.f1_sum / self.pages if self.pages else 0.0

    @property
    def author_accuracy(self) -> float | None:
        """Share of the pages labelled with an author where it was found; None if none are."""
        return self.authors / self.authored if self.authored else None

    @property
    def rejection_accuracy(self) -> float | None:
        """Share of the pages labelled as not articles that were rejected; None if none are."""
        return self.rejected / self.non_articles if self.non_articles else None


@dataclass
class EvalReport:
    by_style: dict[str, StyleScore]
    misses: list[str]

    @property
    def _all(self) -> StyleScore:
        total = StyleScore()
        for score in self.by_style.values():
            total.pages += score.pages
            total.titles += score.titles
            total.dates += score.dates
            total.f1_sum += score.f1_sum
            total.authored += score.authored
            total.authors += score.authors
            total.non_articles += score.non_articles
            total.rejected += score.rejected
        return total

    @property
    def pages(self) -> int:
        return self._all.pages

    @property
    def title_accuracy(self) -> float:
        return self._all.title_accuracy

    @property
    def date_accuracy(self) -> float:
        return self._all.date_accuracy

    @property
    def body_f1(self) -> float:
        return self._all.body_f1

    @property
    def author_accuracy(self) -> float | None:
        return self._all.author_accuracy

    @property
    def rejection_accuracy(self) -> float | None:
        return self._all.rejection_accuracy

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "title_accuracy": self.title_accuracy,
            "date_accuracy": self.date_accuracy,
            "body_f1": self.body_f1,
            "author_accuracy": self.author_accuracy,
            "non_articles": self._all.non_articles,
            "rejection_accuracy": self.rejection_accuracy,
            "by_style": {
                style: {
                    **asdict(score),
                    "title_accuracy": score.title_accuracy,
                    "date_accuracy": score.date_accuracy,
                    "body_f1": score.body_f1,
                    "author_accuracy": score.author_accuracy,
                    "rejection_accuracy": score.rejection_accuracy,
                }
                for style, score in self.by_style.items()
            },
            "misses": self.misses,
        }


def _tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(turkish_lower(text)))


def body_f1(found: str, expected: str) -> float:
    """Token F1 between an extracted and an expected body."""
    got, want = _tokens(found), _tokens(expected)
    overlap = sum((got & want).values())
    if not got or not want or not overlap:
        return 1.0 if not got and not want else 0.0
    precision = overlap / sum(got.values())
    recall = overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def _same_date(found: datetime | None, expected: datetime | None, precision: str) -> bool:
    if found is None or expected is None:
        return False
    if precision == "day":
        return found.astimezone(ISTANBUL).date() == expected.astimezone(ISTANBUL).date()
    if precision == "minute":
        return found.replace(second=0) == expected.replace(second=0)
    return found == expected


def evaluate(pages: Iterable[LabelledPage]) -> EvalReport:
    """Run the extraction over every labelled page and score it."""
    report = EvalReport({}, [])
    for page in pages:
        score = report.by_style.setdefault(page.style, StyleScore())
        result = extract_article(
            page.html,
            page.url,
            encoding_hint=page.content_type,
            content_type=page.content_type,
            selectors=page.selectors or None,
        )
        if page.expect == "rejected":
            score.non_articles += 1
            if isinstance(result, Rejected):
                score.rejected += 1
            else:
                report.misses.append(f"{page.url}: extracted, but it is not an article")
            continue
        score.pages += 1
        if isinstance(result, Rejected):
            report.misses.append(f"{page.url}: rejected ({result.reason}: {result.detail})")
            continue
        if " ".join(result.title.split()) == " ".join(page.title.split()):
            score.titles += 1
        else:
            report.misses.append(f"{page.url}: title {result.title!r} ≠ {page.title!r}")
        if _same_date(result.published_at, page.published, page.date_precision):
            score.dates += 1
        else:
            report.misses.append(f"{page.url}: date {result.published_at} ≠ {page.published}")
        if page.author is not None:
            score.authored += 1
            if result.author == page.author:
                score.authors += 1
            else:
                report.misses.append(f"{page.url}: author {result.author!r} ≠ {page.author!r}")
        f1 = body_f1(result.text, page.body)
        score.f1_sum += f1
        if f1 < 0.95:
            report.misses.append(f"{page.url}: body F1 {f1:.3f}")
    return report


def load_labelled(directory: Path | None = None) -> list[LabelledPage]:
    """The crawler's own labelled pages: a regional news agency style with encoding cases
    (``truth.yaml``) and the CMS families of Turkish local sites (``cms.yaml``)."""
    folder = directory or Path(str(resources.files("kupur.crawlers") / "labelled"))
    items = []
    for truth_file in sorted(folder.glob("*.yaml"), key=lambda p: (p.name != "truth.yaml", p.name)):
        for item in yaml.safe_load(truth_file.read_text(encoding="utf-8"))["pages"]:
            items.append({**item, "group": truth_file.stem})
    pages = []
    for item in items:
        published = item.get("published")
        pages.append(
            LabelledPage(
                style=str(item["style"]),
                url=str(item["url"]),
                html=(folder / item["file"]).read_bytes(),
                content_type=str(item.get("content_type", "text/html")),
                title=str(item.get("title", "")),
                published=datetime.fromisoformat(str(published)) if published else None,
                body=str(item.get("body", "")),
                date_precision=str(item.get("date_precision", "second")),
                author=str(item["author"]) if item.get("author") else None,
                group=str(item["group"]),
                expect=str(item.get("expect", "article")),
            )
        )
    return pages
