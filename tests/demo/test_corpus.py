"""The hand-written demo corpus: size, lengths, cross-site copies and the traps it must carry."""

from __future__ import annotations

import re
from collections import defaultdict

from kupur.core.turkish import turkish_upper
from kupur.demo.corpus import SITES, load_corpus

CORPUS = load_corpus()


def test_corpus_has_at_least_42_articles_on_the_three_sites() -> None:
    assert len(CORPUS) >= 42
    counts = {site: sum(1 for a in CORPUS if a.site == site) for site in SITES}
    assert counts["bakanlik"] >= 15
    assert counts["ilmudurlugu"] >= 11
    assert counts["gazete"] >= 13


def test_every_article_has_title_aware_date_and_a_body_of_80_words() -> None:
    for article in CORPUS:
        assert article.title.strip(), article.id
        assert article.published.utcoffset() is not None, article.id
        if article.updated is not None:
            assert article.updated > article.published, article.id
        assert article.word_count >= 80, (article.id, article.word_count)
        assert all(p.strip() for p in article.paragraphs), article.id


def test_lengths_average_news_size_with_short_and_long_pieces() -> None:
    counts = [a.word_count for a in CORPUS]
    assert 250 <= sum(counts) / len(counts) <= 450
    assert any(c <= 130 for c in counts)
    assert any(c >= 500 for c in counts)


def test_ids_and_urls_are_unique() -> None:
    assert len({a.id for a in CORPUS}) == len(CORPUS)
    assert len({(a.site, a.slug, a.number) for a in CORPUS}) == len(CORPUS)


def _figures(text: str) -> set[str]:
    return set(re.findall(r"\d[\d.,]*\d|\d", text))


def test_at_least_five_stories_are_copied_across_sites_with_the_same_facts() -> None:
    by_story = defaultdict(list)
    for article in CORPUS:
        by_story[article.story].append(article)
    shared = {k: v for k, v in by_story.items() if len({a.site for a in v}) >= 2}
    assert len(shared) >= 5
    for story, copies in shared.items():
        first, second = copies[0], copies[1]
        assert first.title != second.title, story
        assert first.body != second.body, story
        a, b = _figures(first.body), _figures(second.body)
        overlap = len(a & b) / min(len(a), len(b))
        assert overlap >= 0.6, (story, overlap)
        gap = abs((first.published - second.published).total_seconds())
        assert gap < 2 * 86400, story


def test_a_story_key_is_never_used_twice_on_one_site() -> None:
    seen = set()
    for article in CORPUS:
        assert (article.site, article.story) not in seen, article.story
        seen.add((article.site, article.story))


def test_traps_for_the_nlp_are_present() -> None:
    text = "\n".join(f"{a.title}\n{a.body}" for a in CORPUS)
    assert "SİROMA" in text
    assert "Siroma projesi" in text
    assert "Samsun'da" in text
    assert "OKA’nın" in text
    for name in ("Sahit Aydın", "Elif Dicle", "Murat Yıldırım"):
        assert name in text
    for abbreviation in ("Sosyal Yardımlaşma ve Dayanışma Vakfı (SYDV)", "İŞKUR", "SHM"):
        assert abbreviation in text
    for figure in ("17.076 çocuk", "4,2 milyon lira", "149 mobil ekip"):
        assert figure in text
    for project in ("Mobil Sosyal Hizmet Uygulaması", "Aile Yılı", "Koruyucu Aile",
                    "Engelsiz Yaşam Merkezi", "100 Günlük İcraat Programı"):  # fmt: skip
        assert project in text
    upper_titles = [a.title for a in CORPUS if a.title == turkish_upper(a.title)]
    assert any("İ" in t for t in upper_titles)
    assert any("I" in t.replace("İ", "") for t in upper_titles)


def test_articles_are_spread_over_many_provinces() -> None:
    text = "\n".join(a.body for a in CORPUS)
    provinces = ["Samsun", "Ankara", "İzmir", "Van", "Şanlıurfa", "Erzurum", "Trabzon", "Hatay",
                 "Diyarbakır", "Muğla", "Iğdır"]  # fmt: skip
    districts = ["Atakum", "İlkadım", "Bafra", "Çankaya", "Karşıyaka", "Siverek"]
    for place in provinces + districts:
        assert place in text, place
