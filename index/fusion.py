"""Reciprocal rank fusion and story collapsing: ranking arithmetic every backend shares."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

__all__ = ["RRF_K", "collapse_by_story", "first_of_each_story", "reciprocal_rank_fusion"]

#: The constant of Cormack, Clarke & Büttcher (2009); 60 is what Elasticsearch uses as well.
RRF_K = 60

Key = TypeVar("Key", bound=Hashable)
Item = TypeVar("Item")


def reciprocal_rank_fusion(*rankings: Sequence[Key], k: int = RRF_K) -> list[tuple[Key, float]]:
    """Fuse best-first rankings: each item scores Σ 1/(k + rank) over the rankings holding it."""
    scores: dict[Key, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: item[1], reverse=True)


def collapse_by_story(ranked: Iterable[tuple[str, Item]], wanted: int) -> list[Item]:
    """The first item of each story key, in rank order, until ``wanted`` stories are found."""
    seen: set[str] = set()
    kept: list[Item] = []
    for story_key, item in ranked:
        if story_key in seen:
            continue
        seen.add(story_key)
        kept.append(item)
        if len(kept) >= wanted:
            break
    return kept


def first_of_each_story(
    fetch: Callable[[int], Sequence[Item]], story_of: Callable[[Item], str], wanted: int
) -> list[Item]:
    """``collapse_by_story`` over a ranking read ``fetch(n)`` items deep, reading deeper until
    ``wanted`` stories are found or the ranking runs out (a story may fill many places)."""
    window = max(wanted * 4, 50)
    while True:
        ranked = fetch(window)
        kept = collapse_by_story(((story_of(item), item) for item in ranked), wanted)
        if len(kept) >= wanted or len(ranked) < window:
            return kept
        window *= 4
