"""Organisations without a registry entry, as ``EntityExtractor.extract`` reports them."""

from __future__ import annotations


def _orgs(entities):
    return {o.name for o in entities.organizations}


def test_more_head_nouns(extractor):
    entities = extractor.extract(
        "Trabzon Ticaret Borsası ile Bursa İtfaiyesi ortak tatbikat yaptı."
    )
    assert _orgs(entities) == {"Trabzon Ticaret Borsası", "Bursa İtfaiyesi"}


def test_a_name_spelled_by_the_abbreviation_after_it(extractor):
    entities = extractor.extract(
        "Karayolları Genel Müdürlüğü ile Devlet Meteoroloji İşleri (DMİ) uyardı. DMİ'ye göre "
        "kar sürecek."
    )
    names = {o.name: o.abbreviation for o in entities.organizations}
    assert names["Devlet Meteoroloji İşleri"] == "DMİ"
    # letters that do not spell the words before them introduce nothing
    assert not _orgs(extractor.extract("Yeni Dönem Yaklaşıyor (ABC) başlıklı yazı yayımlandı."))


def test_hyphenated_union_names(extractor):
    entities = extractor.extract("Eğitim-Sen ve Türk-İş temsilcileri açıklama yaptı.")
    assert _orgs(entities) == {"Eğitim-Sen", "Türk-İş"}


def test_a_plural_word_opening_a_sentence_is_not_part_of_the_name(extractor):
    entities = extractor.extract("Kaza oldu. Yaralılar Çorum Devlet Hastanesi'ne götürüldü.")
    assert _orgs(entities) == {"Çorum Devlet Hastanesi"}
