"""Story clustering: copies of one story on several sites share a ``story_id``.

Two articles are compared by ``story_similarity``: the embedding cosine (meaning: catches
rewording and another headline) plus half a lexical score (the larger of word-trigram containment
and the overlap of the figures they quote, years left out), capped at 1. The lexical part is what
separates "the same story" from "another story about the same project": two SİROMA stories read
alike to an embedding but quote different figures and share few word runs, while copies of one
story keep its figures. ``measure_pairs`` scores the labelled pairs in
``nlp/data/story_pairs.yaml``; bench/bench_nlp.py prints the separation.

An article joins the story of the most similar earlier article (a neighbour from the archive or
an earlier one in the same run) published within ``window_days`` when the similarity reaches the
threshold; otherwise it starts a story named by its own id. Ties go to the later article.

Scoring every pair of the window does not scale (at 2,000 articles a day each new article would
meet 12,000 others, each comparison tokenising two texts), so a ``StoryIndex`` keeps a profile of
every article it holds, computed once — word trigrams as sorted 64-bit hashes, quoted figures,
the embedding as a row of one matrix, the publication time as POSIX seconds (so an article dated
0001-01-01 compares without datetime arithmetic, and has no neighbours) — and scores an article
only against candidates found three ways:

* **nearest by embedding**: the ``_NEAREST`` window articles with the highest cosine whose cosine
  could still reach the threshold (at least threshold − ½, the most the lexical half adds).
  Reworded copies share few trigrams but keep a high cosine; this is where they are found. The
  cosines come from one matrix product per block of ``_BLOCK`` articles against the window's
  rows: that product grows with the window, but at a few microseconds an article it is not what
  bounds the rate (bench/bench_stories.py);
* **MinHash LSH** over the trigrams (``_BANDS`` bands of ``_ROWS``; a Jaccard of 0.5 collides
  with probability 0.93, 0.1 with 0.02): near-verbatim copies whatever the embeddings say, and
  the only way without embeddings (``embedding_backend = "none"``, where the score is lexical);
  of a bucket crowded by many copies of one text, the latest ``_CROWD``;
* **shared figures**: articles quoting one of its figures ("17.076"), unless more than
  ``_CROWD`` articles held quote it.

Candidates are scored exactly as every pair was before; only the search is approximate — a
match is missed when it is not among the nearest by cosine, shares too few trigrams for the bands
and no rare figure. The benchmark prints how many assignments differ from scoring every pair.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

from kupur.core.models import Article, ensure_aware
from kupur.core.turkish import search_key

__all__ = [
    "PairScore",
    "StoryIndex",
    "assign_stories",
    "lexical_similarity",
    "measure_pairs",
    "story_similarity",
]

_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Words in a shingle.
_SHINGLE = 3
#: Share of the lexical score added to the cosine.
_LEXICAL_WEIGHT = 0.5
#: Candidates taken by embedding cosine.
_NEAREST = 16
#: MinHash LSH: bands × rows hash functions; an article is a candidate when one band matches.
_BANDS = 20
_ROWS = 3
#: A figure quoted by more articles than this says nothing about which story it is; of a bucket
#: this full (many copies of one text), the latest this many are candidates.
_CROWD = 64
#: Articles assigned per matrix product.
_BLOCK = 128

Hashes = npt.NDArray[np.uint64]
Vector = npt.NDArray[np.float32]

# Fixed seeds: an article lands in the same buckets in every run.
_SEEDS = np.random.default_rng(0x4B55505552)
_MINHASH_A: Hashes = _SEEDS.integers(0, 2**64, size=_BANDS * _ROWS, dtype=np.uint64) | np.uint64(1)
_MINHASH_B: Hashes = _SEEDS.integers(0, 2**64, size=_BANDS * _ROWS, dtype=np.uint64)
_MIX = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=1 << 18)
def _token_hashes(word: str) -> tuple[int, ...]:
    """64-bit hashes of the tokens in one word of text, folded as ``search_key`` folds it.

    Remembered per word: news repeats its words, and folding is the slow part of a profile.
    """
    return tuple(
        int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")
        for token in _WORD.findall(search_key(word))
    )


def _combine_rows(rows: list[Hashes]) -> Hashes:
    """One 64-bit hash per position from equally long arrays (order matters)."""
    combined = rows[0].copy()
    for row in rows[1:]:
        combined = combined * _MIX + row
    return combined


def _shingles(text: str) -> Hashes:
    """The distinct word trigrams of ``text``, hashed, sorted."""
    tokens = np.fromiter((h for word in text.split() for h in _token_hashes(word)), dtype=np.uint64)
    count = tokens.size - _SHINGLE + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    return np.unique(_combine_rows([tokens[k : k + count] for k in range(_SHINGLE)]))


def _band_keys(shingles: Hashes) -> Hashes:
    """The MinHash signature of the trigrams, one key per band (none without trigrams)."""
    if not shingles.size:
        return np.empty(0, dtype=np.uint64)
    signature = (shingles[:, None] * _MINHASH_A + _MINHASH_B).min(axis=0)
    rows = signature.reshape(_BANDS, _ROWS)
    return _combine_rows([rows[:, r] for r in range(_ROWS)])


@dataclass(frozen=True, eq=False)
class _Profile:
    """What comparing an article needs, computed once."""

    shingles: Hashes
    figures: frozenset[str]
    vector: Vector | None
    #: POSIX seconds of publication; None when undated (an undated article meets every other).
    time: float | None


def _profile(article: Article) -> _Profile:
    text = f"{article.title} {article.text}"
    figures = frozenset(
        n
        for n in _NUMBER.findall(text)
        # single digits and years say little about the story
        if len(n) > 1 and not (len(n) == 4 and n[:2] in ("19", "20"))
    )
    vector = np.asarray(article.embedding, dtype=np.float32) if article.embedding else None
    published = ensure_aware(article.published_at)
    return _Profile(
        shingles=_shingles(text),
        figures=figures,
        vector=vector,
        time=published.timestamp() if published is not None else None,
    )


def _containment(a: Hashes, b: Hashes) -> float:
    """Shared trigrams over the smaller set (both sorted and distinct)."""
    if not a.size or not b.size:
        return 0.0
    small, large = (a, b) if a.size <= b.size else (b, a)
    at = np.minimum(np.searchsorted(large, small), large.size - 1)
    return int(np.count_nonzero(large[at] == small)) / small.size


def _lexical(a: _Profile, b: _Profile) -> float:
    """Larger of trigram containment and quoted-figure overlap (Jaccard)."""
    figures = (
        len(a.figures & b.figures) / len(a.figures | b.figures) if a.figures and b.figures else 0.0
    )
    return max(_containment(a.shingles, b.shingles), figures)


def _cosine(a: _Profile, b: _Profile) -> float | None:
    if a.vector is None or b.vector is None or a.vector.shape != b.vector.shape:
        return None
    return float(np.dot(a.vector, b.vector))


def _combine(cosine: float | None, lexical: float) -> float:
    return lexical if cosine is None else min(1.0, cosine + lexical * _LEXICAL_WEIGHT)


def lexical_similarity(a: Article, b: Article) -> float:
    """Larger of trigram containment (shared / smaller set) and quoted-number overlap."""
    return _lexical(_profile(a), _profile(b))


def story_similarity(a: Article, b: Article) -> float:
    """Cosine plus half the lexical similarity, capped at 1 (lexical alone without embeddings)."""
    pa, pb = _profile(a), _profile(b)
    return _combine(_cosine(pa, pb), _lexical(pa, pb))


class StoryIndex:
    """Articles that later ones may join, each profiled once, and the indexes over them.

    ``add`` holds already clustered articles (neighbours from the archive); ``assign`` gives
    articles their stories and then holds them too. Articles are rows in the order they arrive;
    the row of an article that is replaced (same id again) or forgotten (published more than the
    window before the articles being assigned) stays dead until the rows are compacted.
    """

    def __init__(self, threshold: float, window_days: int) -> None:
        self.threshold = threshold
        self.window = timedelta(days=window_days).total_seconds()
        self._size = 0
        self._dead = 0
        self._ids: list[str] = []
        self._stories: list[str] = []
        self._profiles: list[_Profile | None] = []
        self._bands: list[Hashes | None] = []
        self._row_of: dict[str, int] = {}
        self._times = np.empty(0, dtype=np.float64)
        self._alive = np.empty(0, dtype=bool)
        self._has_vector = np.empty(0, dtype=bool)
        self._dimension: int | None = None
        self._vectors = np.empty((0, 0), dtype=np.float32)
        self._buckets: list[dict[int, list[int]]] = [{} for _ in range(_BANDS)]
        self._figure_rows: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._row_of

    def add(self, articles: Iterable[Article]) -> None:
        """Hold already clustered articles (their ``story_id``, else their id) for later ones."""
        for article in articles:
            profile = _profile(article)
            self._append(article.id, article.story_id or article.id, profile)

    def assign(self, articles: Sequence[Article]) -> None:
        """Set ``story_id`` on each of ``articles`` in place, oldest first, then hold them.

        Held articles published more than the window before the earliest of ``articles`` are
        forgotten first, so successive calls should come in publication order (as
        ``enrich_pending`` makes them); an article older than that simply finds fewer neighbours.
        """
        ordered = sorted(
            articles, key=lambda a: (a.published_at is None, a.published_at or a.fetched_at)
        )
        for start in range(0, len(ordered), _BLOCK):
            self._assign_block(ordered[start : start + _BLOCK])

    def _assign_block(self, block: list[Article]) -> None:
        profiles = [_profile(a) for a in block]
        times = [p.time for p in profiles if p.time is not None]
        if times:
            self._forget_before(min(times) - self.window)
        held = self._size
        usable, cosines = self._cosines(profiles)
        for i, (article, profile) in enumerate(zip(block, profiles, strict=True)):
            # Row i of the cosines: the held rows, then the articles of the block before i,
            # which became rows held, held + 1, … as they were assigned.
            row_cosines = cosines[i, : held + i] if cosines is not None and usable[i] else None
            bands = _band_keys(profile.shingles)
            best = self._best(article.id, profile, bands, row_cosines)
            story = self._stories[best] if best is not None else article.id
            article.story_id = story
            self._append(article.id, story, profile, bands)

    def _cosines(
        self, profiles: list[_Profile]
    ) -> tuple[list[bool], npt.NDArray[np.float32] | None]:
        """Which articles have a comparable embedding, and the cosines of the block's articles
        with the held rows and with each other: one matrix product for the whole block."""
        usable = [self._usable(p) for p in profiles]
        if self._dimension is None:
            return usable, None
        vectors = np.zeros((len(profiles), self._dimension), dtype=np.float32)
        for i, profile in enumerate(profiles):
            if usable[i] and profile.vector is not None:
                vectors[i] = profile.vector
        held = self._vectors[: self._size]
        return usable, np.hstack((vectors @ held.T, vectors @ vectors.T))

    def _best(
        self,
        article_id: str,
        profile: _Profile,
        bands: Hashes,
        cosines: npt.NDArray[np.float32] | None,
    ) -> int | None:
        """The row whose story the article joins, if any reaches the threshold."""
        floor = self.threshold - _LEXICAL_WEIGHT
        found: set[int] = set()
        for band, key in enumerate(bands.tolist()):
            found.update(self._buckets[band].get(key, [])[-_CROWD:])
        for figure in profile.figures:
            quoted_by = self._figure_rows.get(figure, [])
            if len(quoted_by) <= _CROWD:
                found.update(quoted_by)
        own = self._row_of.get(article_id, -1)
        rows = np.fromiter(found, dtype=np.intp, count=len(found))
        rows = rows[self._eligible(rows, profile, own)]
        if cosines is not None:
            rows = rows[~self._has_vector[rows] | (cosines[rows] >= floor)]
            close = np.flatnonzero(cosines >= floor)
            close = close[self._has_vector[close] & self._eligible(close, profile, own)]
            if close.size > _NEAREST:
                close = close[np.argpartition(cosines[close], close.size - _NEAREST)[-_NEAREST:]]
            rows = np.union1d(rows, close)
        # Latest first, since it wins a tie: an earlier row must score strictly higher, and one
        # whose cosine leaves no room for that is not scored at all.
        best: int | None = None
        best_score = self.threshold
        for row in np.sort(rows)[::-1].tolist():
            other = self._profiles[row]
            if other is None:
                continue
            cosine = float(cosines[row]) if cosines is not None and self._has_vector[row] else None
            bound = 1.0 if cosine is None else min(1.0, cosine + _LEXICAL_WEIGHT)
            if bound < best_score or (best is not None and bound == best_score):
                continue
            score = _combine(cosine, _lexical(profile, other))
            if score > best_score or (best is None and score == best_score):
                best, best_score = row, score
        return best

    def _eligible(
        self, rows: npt.NDArray[np.intp], profile: _Profile, own: int
    ) -> npt.NDArray[np.bool_]:
        """Which of ``rows`` the article may join: live, not itself, within its window."""
        eligible: npt.NDArray[np.bool_] = self._alive[rows] & (rows != own)
        if profile.time is not None:
            times = self._times[rows]
            eligible &= (np.abs(times - profile.time) <= self.window) | np.isnan(times)
        return eligible

    def _usable(self, profile: _Profile) -> bool:
        """Whether the profile's embedding can be compared with the held ones (first one wins)."""
        if profile.vector is None:
            return False
        if self._dimension is None:
            self._dimension = profile.vector.shape[0]
            self._vectors = np.zeros((self._times.shape[0], self._dimension), dtype=np.float32)
        return bool(profile.vector.shape[0] == self._dimension)

    def _append(
        self, article_id: str, story: str, profile: _Profile, bands: Hashes | None = None
    ) -> None:
        if bands is None:
            bands = _band_keys(profile.shingles)
        replaced = self._row_of.pop(article_id, None)
        if replaced is not None:
            self._kill(replaced)
        row = self._size
        if row == self._times.shape[0]:
            self._reserve(max(1024, 2 * row))
        self._ids.append(article_id)
        self._stories.append(story)
        self._profiles.append(profile)
        self._bands.append(bands)
        self._times[row] = np.nan if profile.time is None else profile.time
        self._alive[row] = True
        self._has_vector[row] = self._usable(profile)
        if self._has_vector[row] and profile.vector is not None:
            self._vectors[row] = profile.vector
        self._index(row, profile, bands)
        self._row_of[article_id] = row
        self._size += 1

    def _index(self, row: int, profile: _Profile, bands: Hashes) -> None:
        for band, key in enumerate(bands.tolist()):
            self._buckets[band].setdefault(key, []).append(row)
        for figure in profile.figures:
            self._figure_rows.setdefault(figure, []).append(row)

    def _reserve(self, capacity: int) -> None:
        size = self._size
        times = np.full(capacity, np.nan)
        times[:size] = self._times[:size]
        alive = np.zeros(capacity, dtype=bool)
        alive[:size] = self._alive[:size]
        has_vector = np.zeros(capacity, dtype=bool)
        has_vector[:size] = self._has_vector[:size]
        if self._dimension is not None:
            vectors = np.zeros((capacity, self._dimension), dtype=np.float32)
            vectors[:size] = self._vectors[:size]
            self._vectors = vectors
        self._times, self._alive, self._has_vector = times, alive, has_vector

    def _kill(self, row: int) -> None:
        self._alive[row] = False
        self._profiles[row] = None
        self._bands[row] = None
        self._dead += 1

    def _forget_before(self, moment: float) -> None:
        """Drop articles published before ``moment`` (undated ones stay)."""
        size = self._size
        for row in np.flatnonzero(self._alive[:size] & (self._times[:size] < moment)).tolist():
            del self._row_of[self._ids[row]]
            self._kill(row)
        if self._dead > max(_BLOCK, size // 4):
            self._compact()

    def _compact(self) -> None:
        """Renumber the live rows from 0, in order, and rebuild the buckets over them."""
        keep = np.flatnonzero(self._alive[: self._size])
        rows = keep.tolist()
        self._ids = [self._ids[r] for r in rows]
        self._stories = [self._stories[r] for r in rows]
        self._profiles = [self._profiles[r] for r in rows]
        self._bands = [self._bands[r] for r in rows]
        count = len(rows)
        self._times[:count] = self._times[keep]
        self._alive[:count] = True
        self._has_vector[:count] = self._has_vector[keep]
        if self._dimension is not None:
            self._vectors[:count] = self._vectors[keep]
        self._size, self._dead = count, 0
        self._row_of = {article_id: row for row, article_id in enumerate(self._ids)}
        self._buckets = [{} for _ in range(_BANDS)]
        self._figure_rows = {}
        for row, (profile, bands) in enumerate(zip(self._profiles, self._bands, strict=True)):
            if profile is not None and bands is not None:
                self._index(row, profile, bands)


def assign_stories(
    articles: Sequence[Article], neighbours: Iterable[Article], threshold: float, window_days: int
) -> None:
    """Set ``story_id`` on each of ``articles`` (in place), oldest first.

    ``neighbours`` are already clustered articles they may join. One call, one index: a run that
    clusters batch after batch keeps one ``StoryIndex`` instead (as ``Enricher`` does).
    """
    index = StoryIndex(threshold, window_days)
    index.add(neighbours)
    index.assign(articles)


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
        a, b = (_profile(article) for article in pair)
        cosine, lexical = _cosine(a, b), _lexical(a, b)
        scores.append(
            PairScore(bool(item["same"]), cosine or 0.0, lexical, _combine(cosine, lexical))
        )
    return scores
