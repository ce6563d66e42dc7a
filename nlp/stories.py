"""Story clustering: copies of one story on several sites share a ``story_id``.

Two articles are compared by ``story_similarity``: the embedding cosine (meaning: catches
rewording and another headline) plus half a lexical score (the larger of word-trigram containment
and the overlap of the figures they quote, years left out), capped at 1. The lexical part is what
separates "the same story" from "another story about the same project": two SİROMA stories read
alike to an embedding but quote different figures and share few word runs, while copies of one
story keep its figures. ``measure_pairs`` scores the labelled pairs in
``nlp/data/story_pairs.yaml``; bench/bench_nlp.py prints the separation.

An article joins the story of the most similar earlier article (a neighbour from the archive or
an earlier one in the same batch) published within ``window_days`` when the similarity reaches
the threshold; otherwise it starts a story named by its own id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from kupur.core.models import Article
from kupur.core.turkish import search_key

__all__ = [
    "PairScore",
    "assign_stories",
    "lexical_similarity",
    "measure_pairs",
    "story_similarity",
]

_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _words(article: Article) -> list[str]:
    return _WORD.findall(search_key(f"{article.title} {article.text}"))


def _shingles(words: list[str], size: int = 3) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


def _numbers(article: Article) -> set[str]:
    """Figures quoted in the article; single digits and years say little about the story."""
    found = _NUMBER.findall(f"{article.title} {article.text}")
    return {n for n in found if len(n) > 1 and not (len(n) == 4 and n[:2] in ("19", "20"))}


def lexical_similarity(a: Article, b: Article) -> float:
    """Larger of trigram containment (shared / smaller set) and quoted-number overlap."""
    sa, sb = _shingles(_words(a)), _shingles(_words(b))
    containment = len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0
    na, nb = _numbers(a), _numbers(b)
    numbers = len(na & nb) / len(na | nb) if na and nb else 0.0
    return max(containment, numbers)


def _cosine(a: Article, b: Article) -> float | None:
    if not a.embedding or not b.embedding or len(a.embedding) != len(b.embedding):
        return None
    return float(np.dot(np.asarray(a.embedding), np.asarray(b.embedding)))


def story_similarity(a: Article, b: Article) -> float:
    """Cosine plus half the lexical similarity, capped at 1 (lexical alone without embeddings)."""
    lexical = lexical_similarity(a, b)
    cosine = _cosine(a, b)
    return lexical if cosine is None else min(1.0, cosine + lexical / 2)


def _within(a: Article, b: Article, window: timedelta) -> bool:
    if a.published_at is None or b.published_at is None:
        return True
    return abs(a.published_at - b.published_at) <= window


def assign_stories(
    articles: list[Article], neighbours: list[Article], threshold: float, window_days: int
) -> None:
    """Set ``story_id`` on each of ``articles`` (in place), oldest first."""
    window = timedelta(days=window_days)
    pool: list[Article] = [n for n in neighbours if n.story_id or n.id]
    ordered = sorted(
        articles, key=lambda a: (a.published_at is None, a.published_at or a.fetched_at)
    )
    for article in ordered:
        best: Article | None = None
        best_score = threshold
        for other in pool:
            if other.id == article.id or not _within(article, other, window):
                continue
            score = story_similarity(article, other)
            if score >= best_score:
                best, best_score = other, score
        article.story_id = (best.story_id or best.id) if best is not None else article.id
        pool.append(article)


@dataclass(frozen=True)
class PairScore:
    same: bool
    cosine: float
    lexical: float
    combined: float


def measure_pairs(path: Path, embed: Any) -> list[PairScore]:
    """Score the labelled pairs; ``embed`` is an ``Embedder.embed``-like callable."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    scores: list[PairScore] = []
    for item in raw:
        pair: Sequence[Article] = [
            Article(url=f"pair:{side}:{len(scores)}", source="pairs", **item[side])
            for side in ("a", "b")
        ]
        vectors = embed([f"{a.title}\n{a.text}" for a in pair])
        for article, vector in zip(pair, vectors, strict=True):
            article.embedding = [float(x) for x in vector] or None
        cosine = _cosine(*pair)
        lexical = lexical_similarity(*pair)
        scores.append(
            PairScore(bool(item["same"]), cosine or 0.0, lexical, story_similarity(*pair))
        )
    return scores
