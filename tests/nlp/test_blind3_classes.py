"""Places, officials, dates and figures of the blind3 error classes, through
``EntityExtractor.extract``. Sentences written fresh for these tests."""

from __future__ import annotations


def test_districts_joined_by_ile(extractor):
    entities = extractor.extract("Rize'de Pazar ile Ardeşen'i bağlayan köprü açıldı.")
    assert {(d.name, d.province) for d in entities.districts} == {
        ("Pazar", "Rize"),
        ("Ardeşen", "Rize"),
    }


def test_an_abbreviated_honorific_is_not_the_title(extractor):
    entities = extractor.extract(
        "Van İl Sağlık Müdürü Uzm. Dr. Kerem Yazıcı açıklama yaptı. Uzm. Dr. Selin Acar da katıldı."
    )
    titles = {p.name: p.title for p in entities.people}
    assert titles == {"Kerem Yazıcı": "İl Müdürü", "Selin Acar": None}


def test_a_year_compared_with_goere(extractor):
    entities = extractor.extract("Kira bedelleri 2024'e göre yüzde 60 arttı.")
    assert entities.dates == ["2024"]


def test_first_unit_words_that_look_like_verbs(extractor):
    entities = extractor.extract(
        "Sel 85 konutu etkiledi; 12 mahalleden 940 kişi tahliye edildi. 2 bin 100 göçmen "
        "kadına destek verildi. Fiyatlar yüzde 8 azaldı."
    )
    figures = {(f.value, f.unit.split()[0][:4]) for f in entities.figures}
    assert {(85, "konu"), (12, "maha"), (940, "kişi"), (2100, "göçm")} <= figures
    assert not any(f.unit.startswith("azald") for f in entities.figures)
