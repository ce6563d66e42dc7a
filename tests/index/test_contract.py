"""The contract every search backend honours, run against each one (see conftest.py)."""

from __future__ import annotations

from datetime import UTC, date

import numpy as np
import pytest

from kupur.core.errors import QuerySyntaxError, SearchError
from kupur.core.models import Article, Entities, ProvinceRef
from kupur.index.api import SearchBackend, SearchRequest
from tests.index.conftest import BackendFactory
from tests.index.corpus import (
    AI_EGITIM,
    BOL_YAGIS,
    BOLU_VANA,
    FESTIVAL,
    KOOP,
    KOOP_COPY,
    KORUYUCU,
    ORDU_DA,
    PROJE,
    PROJELER,
    VAN_DA,
    VANLI,
    YASLI,
    ZONGULDAK_TA,
    corpus,
    ids_of,
    names_corpus,
    names_ids,
)


def found(backend: SearchBackend, query: str, **options: object) -> set[str]:
    result = backend.search(SearchRequest(query, limit=50, **options))  # type: ignore[arg-type]
    assert result.total == len(result.hits)
    return {hit.id for hit in result.hits}


# -- Turkish relevance --------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["İSTANBUL", "istanbul", "Istanbul", "ISTANBUL", "İstanbul"])
def test_casing_of_i_does_not_matter(loaded: SearchBackend, query: str) -> None:
    assert found(loaded, query) == ids_of(YASLI, FESTIVAL)


@pytest.mark.parametrize("query", ["Samsun", "Samsun'da", "Samsun’dan", "SAMSUN’DAN"])
def test_apostrophe_suffixes_are_ignored(loaded: SearchBackend, query: str) -> None:
    assert found(loaded, query) == ids_of(KOOP, KOOP_COPY, PROJELER)


@pytest.mark.parametrize(
    ("plain", "turkish"),
    [("gumrukcu", "Gümrükçü"), ("yasli bakim", "yaşlı bakım"), ("kadin", "kadın")],
)
def test_typing_without_turkish_letters(loaded: SearchBackend, plain: str, turkish: str) -> None:
    assert found(loaded, plain) == found(loaded, turkish)
    assert found(loaded, plain)


def test_gumrukcu_finds_the_upper_case_spelling(loaded: SearchBackend) -> None:
    assert found(loaded, "gumrukcu") == ids_of(KOOP, KOOP_COPY)


def test_stemming_brings_plural_and_singular_together(loaded: SearchBackend) -> None:
    assert found(loaded, "projeler") == ids_of(PROJELER, PROJE)
    assert found(loaded, "proje") == ids_of(PROJELER, PROJE)
    assert found(loaded, "kooperatif") == ids_of(KOOP, KOOP_COPY)


def test_aile_is_not_stemmed_into_ai(loaded: SearchBackend) -> None:
    assert found(loaded, "aile") == ids_of(KOOP, KORUYUCU)
    assert ids_of(AI_EGITIM).isdisjoint(found(loaded, "aile"))
    assert found(loaded, "AI") == ids_of(AI_EGITIM)


def test_an_entity_name_is_not_stemmed(loaded: SearchBackend) -> None:
    # The stemmer would store "Samsun" as "sams"; a province name is protected from it.
    assert found(loaded, "sams") == set()
    assert found(loaded, "Atakum") == ids_of(KOOP, KOOP_COPY)


@pytest.mark.parametrize(
    ("typed", "apostrophe", "expected"),
    [
        ("samsunda", "Samsun'da", {KOOP, KOOP_COPY, PROJELER}),
        ("samsuna", "Samsun'a", {KOOP, KOOP_COPY, PROJELER}),
        ("ankaradaki", "Ankara'daki", {AI_EGITIM}),
        ("siromanın", "SİROMA'nın", {KOOP}),
        ("okadan", "OKA'dan", {KOOP, KOOP_COPY, PROJELER}),
        ("gumrukcunun", "Gümrükçü'nün", {KOOP, KOOP_COPY}),
        ("atakumdaki", "Atakum'daki", {KOOP, KOOP_COPY}),
        ("ordudan", "Ordu'dan", {PROJELER}),
    ],
)
def test_a_name_inflected_without_apostrophe_finds_the_name(
    loaded: SearchBackend, typed: str, apostrophe: str, expected: set[int]
) -> None:
    assert found(loaded, typed) == ids_of(*expected)
    assert found(loaded, typed) == found(loaded, apostrophe)


def test_an_inflected_name_is_highlighted_and_negatable(loaded: SearchBackend) -> None:
    hit = loaded.search(SearchRequest("siromanın")).hits[0]
    assert "<mark>SİROMA</mark>" in hit.snippet
    assert found(loaded, "proje -ordudan") == ids_of(PROJE)


def test_inflected_names_beside_ordinary_words(loaded_names: SearchBackend) -> None:
    backend = loaded_names
    assert found(backend, "vanlı") == names_ids(VANLI, VAN_DA)
    assert found(backend, "vanda") == names_ids(VANLI, VAN_DA)
    assert found(backend, "zonguldaka") == names_ids(ZONGULDAK_TA)
    assert found(backend, "zonguldakta") == names_ids(ZONGULDAK_TA)
    # "vana" is a valve in the index (in an article not about Van), so it is not read as Van.
    assert found(backend, "vana") == names_ids(BOLU_VANA)
    # A name is never cut down: "bolu" is Bolu, not "bol" + "u"; "bol" is not Bolu.
    assert found(backend, "bolu") == names_ids(BOLU_VANA)
    assert found(backend, "boluda") == names_ids(BOLU_VANA)
    assert found(backend, "bol") == names_ids(BOL_YAGIS)
    # A plural is not read on a bare name: "ordular" are armies, not Ordu.
    assert names_ids(ORDU_DA).isdisjoint(found(backend, "ordular"))


def test_the_exact_surface_form_ranks_above_the_name(loaded_names: SearchBackend) -> None:
    hits = loaded_names.search(SearchRequest("vanlı")).hits
    assert [h.id for h in hits] == [names_corpus()[i].id for i in (VANLI, VAN_DA)]
    assert hits[0].score > hits[1].score


def test_phrases_are_exact_and_cross_suffixes(loaded: SearchBackend) -> None:
    assert found(loaded, '"kadın kooperatiflerine"') == ids_of(KOOP)
    assert found(loaded, '"yasli bakim merkezi"') == ids_of(YASLI)
    assert found(loaded, '"Samsun Ordu"') == set()
    assert found(loaded, '"Samsun uzanan projeler"') == ids_of(PROJELER)


def test_a_quoted_word_is_not_stemmed(loaded: SearchBackend) -> None:
    assert found(loaded, '"projeler"') == ids_of(PROJELER)


def test_prefix(loaded: SearchBackend) -> None:
    assert found(loaded, "koopera*") == ids_of(KOOP, KOOP_COPY)
    assert found(loaded, "egit*") == ids_of(AI_EGITIM)


def test_words_split_at_every_character_that_is_not_a_letter_or_digit(
    make_backend: BackendFactory,
) -> None:
    # The same word boundaries on every engine: dots, commas, slashes and underscores split
    # words ("aile.gov.tr" is aile + gov + tr, "1.615" is 1 + 615), and an apostrophe suffix
    # is dropped after digits too ("2024'te" is 2024, never a word "te").
    backend = make_backend()
    article = Article(
        url="https://example.org/kimlik",
        source="nufus.gov.tr",
        title="T.C. kimlik kartı başvuruları",
        text=(
            "Duyuru aile.gov.tr adresinde: 2024'te 1.615 kişiye kart verildi, 5’inci dağıtım "
            "yüzde 12,5 arttı; başvuru_formu ve e-Devlet üzerinden."
        ),
    )
    backend.upsert([article])
    for query in ["gov", "aile.gov.tr", "615", "1.615", "12,5", "formu", "devlet", "T.C.", "tc"]:
        assert found(backend, query) == ({article.id} if query != "tc" else set()), query
    for query in ["te", "inci"]:
        assert found(backend, query) == set(), query
    assert found(backend, '"2024 1.615 kişiye"') == {article.id}
    assert found(backend, "kaynak:gov.tr") == {article.id}


# -- operators ----------------------------------------------------------------------------------


def test_boolean_operators_and_parentheses(loaded: SearchBackend) -> None:
    assert found(loaded, "kooperatif AND hibe") == ids_of(KOOP, KOOP_COPY)
    assert found(loaded, "yaşlı OR festival") == ids_of(YASLI, FESTIVAL)
    assert found(loaded, "Samsun NOT kooperatif") == ids_of(PROJELER)
    assert found(loaded, "Samsun -kooperatif") == ids_of(PROJELER)
    assert found(loaded, "(yaşlı OR festival) istanbul NOT konser") == ids_of(YASLI)
    assert found(loaded, "NOT aile NOT proje il:Samsun") == ids_of(KOOP_COPY)


def test_implicit_and(loaded: SearchBackend) -> None:
    assert found(loaded, "hibe girişimcilere") == ids_of(KOOP_COPY)


# -- field filters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("il:Samsun", {KOOP, KOOP_COPY, PROJELER}),
        ("il:SAMSUN", {KOOP, KOOP_COPY, PROJELER}),
        ("İL:samsun", {KOOP, KOOP_COPY, PROJELER}),
        ("il:istanbul", {YASLI, FESTIVAL}),
        ("ilçe:Atakum", {KOOP, KOOP_COPY}),
        ("ilce:atakum", {KOOP, KOOP_COPY}),
        ('kişi:"Kemal Gümrükçü"', {KOOP, KOOP_COPY}),
        ('kisi:"kemal gumrukcu"', {KOOP, KOOP_COPY}),
        ("kurum:OKA", {KOOP, KOOP_COPY, PROJELER}),
        ('kurum:"orta karadeniz kalkinma ajansi"', {KOOP, KOOP_COPY, PROJELER}),
        ("kurum:ASHB", {KOOP, KORUYUCU}),
        ("proje:siroma", {KOOP}),
        ("proje:SİROMA", {KOOP}),
        ("kaynak:aile.gov.tr", {KOOP, KORUYUCU}),
        ("tarih:2025-11-01..2025-11-30", {KOOP, KOOP_COPY, YASLI, FESTIVAL, PROJELER, KORUYUCU}),
        ("tarih:2025-11-06", {KOOP_COPY}),
        ("tarih:2025-12", {PROJE}),
        ("tarih:..2025-10-31", {AI_EGITIM}),
        ("tarih:2025-11-29..", {FESTIVAL, PROJE}),
        ("proje il:Samsun", {PROJELER}),
    ],
)
def test_field_filters(loaded: SearchBackend, query: str, expected: set[int]) -> None:
    assert found(loaded, query) == ids_of(*expected)


def test_request_filters_and_the_query(loaded: SearchBackend) -> None:
    assert found(loaded, "proje", provinces=["samsun"]) == ids_of(PROJELER)
    assert found(loaded, "kooperatif", since=date(2025, 11, 6)) == ids_of(KOOP_COPY)
    assert found(loaded, "proje", until=date(2025, 11, 30)) == ids_of(PROJELER)


def test_a_malformed_query_raises_with_a_position(loaded: SearchBackend) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        loaded.search(SearchRequest("(samsun OR ordu"))
    assert caught.value.position == 0


@pytest.mark.parametrize("query", ["samsun^10", "samsun~2", "samsun||ordu", "[samsun TO z]"])
def test_engine_syntax_is_just_text(loaded: SearchBackend, query: str) -> None:
    # Lucene / tantivy syntax in a user's query is read as words: "samsun^10" is the phrase
    # "samsun 10", which no article holds (as syntax it would have matched three).
    assert found(loaded, query) == set()


@pytest.mark.parametrize("query", ["title_fold:samsun", "_id:x", "/.*/"])
def test_engine_fields_and_regexes_are_rejected(loaded: SearchBackend, query: str) -> None:
    with pytest.raises(QuerySyntaxError):
        loaded.search(SearchRequest(query))


# -- results ------------------------------------------------------------------------------------


def test_empty_query_lists_everything_newest_first(loaded: SearchBackend) -> None:
    result = loaded.search(SearchRequest("", sort="date", limit=3))
    assert result.total == len(corpus())
    assert [h.id for h in result.hits] == [corpus()[i].id for i in (PROJE, FESTIVAL, KORUYUCU)]


def test_sort_by_date_and_pagination(loaded: SearchBackend) -> None:
    first = loaded.search(SearchRequest("il:Samsun", sort="date", limit=2))
    second = loaded.search(SearchRequest("il:Samsun", sort="date", limit=2, offset=2))
    assert first.total == second.total == 3
    dates = [h.published_at for h in [*first.hits, *second.hits]]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    assert {h.id for h in [*first.hits, *second.hits]} == ids_of(KOOP, KOOP_COPY, PROJELER)


def test_relevance_puts_the_title_match_first(loaded: SearchBackend) -> None:
    result = loaded.search(SearchRequest("koruyucu aile"))
    assert result.hits[0].id == corpus()[KORUYUCU].id
    assert result.hits[0].score > 0


def test_hits_carry_the_record_and_a_highlighted_snippet(loaded: SearchBackend) -> None:
    hit = loaded.search(SearchRequest("gumrukcu")).hits[0]
    article = corpus()[KOOP] if hit.id == corpus()[KOOP].id else corpus()[KOOP_COPY]
    assert (hit.url, hit.title, hit.source) == (article.url, article.title, article.source)
    assert hit.published_at == article.published_at
    assert hit.entities["people"][0]["name"] == "Kemal Gümrükçü"
    assert "<mark>" in hit.snippet
    assert "mark>Gümrükçü</mark" in hit.snippet or "mark>GÜMRÜKÇÜ</mark" in hit.snippet
    data = loaded.search(SearchRequest("gumrukcu")).to_dict()
    assert set(data["hits"][0]) >= {"id", "url", "title", "published_at", "source", "snippet"}


def test_snippets_are_html_safe(make_backend: BackendFactory) -> None:
    backend = make_backend()
    article = Article(
        url="https://example.org/a",
        source="example.org",
        title="Deneme <b>başlık</b>",
        text="Açıklamada <script>alert(1)</script> ifadesi ve kooperatif sözcüğü geçti.",
    )
    backend.upsert([article])
    snippet = backend.search(SearchRequest("kooperatif")).hits[0].snippet
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "<mark>kooperatif</mark>" in snippet


def test_facets_count_every_match(loaded: SearchBackend) -> None:
    result = loaded.search(SearchRequest("il:Samsun", facets=True, limit=1))
    facets = {name: {b.value: b.count for b in buckets} for name, buckets in result.facets.items()}
    assert facets["province"] == {"Samsun": 3, "Ordu": 1}
    assert facets["district"] == {"Atakum": 2}
    assert facets["person"] == {"Kemal Gümrükçü": 2}
    assert facets["organization"] == {
        "Orta Karadeniz Kalkınma Ajansı": 3,
        "Aile ve Sosyal Hizmetler Bakanlığı": 1,
    }
    assert facets["project"] == {"SİROMA": 1}
    assert facets["source"] == {
        "aile.gov.tr": 1,
        "karadenizgazetesi.example": 1,
        "ordu.bel.tr": 1,
    }
    assert result.to_dict()["facets"]["province"][0] == {"value": "Samsun", "count": 3}


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        ("day", {"2025-11-05": 1, "2025-11-06": 1, "2025-11-20": 1}),
        ("week", {"2025-11-03": 2, "2025-11-17": 1}),
        ("month", {"2025-11-01": 3}),
    ],
)
def test_date_histogram(loaded: SearchBackend, interval: str, expected: dict[str, int]) -> None:
    result = loaded.search(SearchRequest("il:Samsun", histogram=interval))  # type: ignore[arg-type]
    assert {b.key: b.count for b in result.histogram} == expected
    assert [b.key for b in result.histogram] == sorted(expected)


def test_histogram_buckets_use_istanbul_days(make_backend: BackendFactory) -> None:
    from datetime import datetime

    backend = make_backend()
    # 22:30 UTC on 30 November is already 1 December in Istanbul.
    late = Article(
        url="https://example.org/gece",
        source="example.org",
        title="Gece yarısı duyurusu",
        text="Kooperatif duyurusu gece yayımlandı.",
        published_at=datetime(2025, 11, 30, 22, 30, tzinfo=UTC),
    )
    backend.upsert([late])
    result = backend.search(SearchRequest("kooperatif", histogram="month"))
    assert [(b.key, b.count) for b in result.histogram] == [("2025-12-01", 1)]
    assert found(backend, "tarih:2025-12-01") == {late.id}


def test_collapsing_by_story(loaded: SearchBackend) -> None:
    result = loaded.search(SearchRequest("kooperatif OR proje", collapse_stories=True))
    story_hits = [h for h in result.hits if h.story_id == "story-kooperatif"]
    assert len(story_hits) == 1
    assert story_hits[0].other_outlets == 1
    assert {h.id for h in result.hits} >= ids_of(PROJELER, PROJE)
    assert all(h.other_outlets == 0 for h in result.hits if h.story_id is None)


def test_collapsing_pages_by_story(loaded: SearchBackend) -> None:
    pages = [
        loaded.search(
            SearchRequest("il:Samsun", sort="date", collapse_stories=True, limit=1, offset=offset)
        ).hits
        for offset in (0, 1, 2)
    ]
    assert [len(p) for p in pages] == [1, 1, 0]
    assert {pages[0][0].id, pages[1][0].id} <= ids_of(KOOP, KOOP_COPY, PROJELER)


# -- semantic and hybrid ------------------------------------------------------------------------


def test_semantic_search_ranks_by_embedding(loaded: SearchBackend) -> None:
    result = loaded.search(SearchRequest("", mode="semantic", vector=[0.0, 1.0, 0.0, 0.0]))
    assert result.hits[0].id == corpus()[YASLI].id
    assert result.total == len(corpus())
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_semantic_scores_are_cosine_similarities(loaded: SearchBackend) -> None:
    query = [0.0, 1.0, 0.0, 0.0]
    hit = loaded.search(SearchRequest("", mode="semantic", vector=query, limit=1)).hits[0]
    stored = np.array(corpus()[YASLI].embedding)
    assert hit.score == pytest.approx(stored[1] / np.linalg.norm(stored), abs=1e-4)


def test_nearest_neighbours_are_the_exact_ones(make_backend: BackendFactory) -> None:
    # Servers search an approximate graph (HNSW); on a few hundred articles it must still
    # return exactly what brute force does, with and without a filter.
    rng = np.random.default_rng(5)
    vectors = rng.standard_normal((400, 16))
    articles = [
        Article(
            url=f"https://example.org/v/{n}",
            source="example.org",
            title=f"Haber {n}",
            text="Duyuru metni.",
            embedding=vectors[n].tolist(),
            entities=Entities(provinces=[ProvinceRef("Samsun", 55)]) if n % 3 == 0 else Entities(),
        )
        for n in range(len(vectors))
    ]
    backend = make_backend()
    backend.upsert(articles)
    units = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    for _ in range(5):
        query = rng.standard_normal(16)
        order = np.argsort(-(units @ query))
        for text, allowed in [("", range(400)), ("il:Samsun", range(0, 400, 3))]:
            exact = [articles[i].id for i in order if i in allowed][:10]
            hits = backend.search(SearchRequest(text, mode="semantic", vector=query.tolist()))
            assert [h.id for h in hits.hits] == exact


def test_semantic_search_respects_field_filters(loaded: SearchBackend) -> None:
    result = loaded.search(
        SearchRequest("il:Trabzon", mode="semantic", vector=[1.0, 0.0, 0.0, 0.0])
    )
    assert [h.id for h in result.hits] == [corpus()[i].id for i in (KORUYUCU, PROJE)]


def test_like_this_article(loaded: SearchBackend) -> None:
    article = corpus()[KOOP]
    result = loaded.search(SearchRequest("", mode="semantic", like_id=article.id, limit=2))
    assert article.id not in {h.id for h in result.hits}
    assert result.hits[0].id == corpus()[KOOP_COPY].id


def test_hybrid_fuses_keyword_and_semantic(loaded: SearchBackend) -> None:
    # "festival" matches one article by words; the vector points at elderly care.
    result = loaded.search(
        SearchRequest("festival", mode="hybrid", vector=[0.0, 1.0, 0.0, 0.0], limit=3)
    )
    top = {h.id for h in result.hits[:2]}
    assert top == ids_of(FESTIVAL, YASLI)
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_hybrid_like_without_text(loaded: SearchBackend) -> None:
    article = corpus()[KOOP]
    result = loaded.search(SearchRequest("", mode="hybrid", like_id=article.id, limit=3))
    assert result.hits[0].id == corpus()[KOOP_COPY].id
    assert article.id not in {h.id for h in result.hits}


def test_semantic_needs_a_vector(loaded: SearchBackend) -> None:
    with pytest.raises(SearchError, match="embedding"):
        loaded.search(SearchRequest("kooperatif", mode="semantic"))
    with pytest.raises(SearchError, match="not in the index"):
        loaded.search(SearchRequest("", mode="semantic", like_id="0000000000000000"))


# -- writes -------------------------------------------------------------------------------------


def test_upsert_is_idempotent_and_replaces(make_backend: BackendFactory) -> None:
    backend = make_backend()
    articles = corpus()
    assert backend.upsert(articles) == len(articles)
    backend.upsert(articles)
    assert backend.count() == len(articles)
    changed = corpus()[YASLI]
    changed.title = "Huzurevi yenilendi"
    backend.upsert([changed])
    assert backend.count() == len(articles)
    assert found(backend, "huzurevi") == {changed.id}
    assert found(backend, "merkezi hizmete") == set()


def test_delete(make_backend: BackendFactory) -> None:
    backend = make_backend()
    backend.upsert(corpus())
    gone = corpus()[KOOP].id
    backend.delete([gone])
    assert backend.count() == len(corpus()) - 1
    assert gone not in found(backend, "kooperatif")
    semantic = backend.search(SearchRequest("", mode="semantic", vector=[1.0, 0, 0, 0]))
    assert gone not in {h.id for h in semantic.hits}


def test_reindex_switches_atomically(make_backend: BackendFactory) -> None:
    backend = make_backend()
    backend.upsert(corpus())
    reader = make_backend()  # another process's view of the same index
    assert reader.count() == len(corpus())
    fresh = corpus()[:3]
    assert backend.reindex(fresh) == 3
    assert backend.count() == 3
    assert reader.count() == 3
    assert found(reader, "kooperatif") == ids_of(KOOP, KOOP_COPY)
