"""People and their bare titles, as ``EntityExtractor.extract`` reports them."""

from __future__ import annotations


def _officials(entities):
    return {(p.name, p.title) for p in entities.people}


def test_the_rank_in_the_institution_makes_the_bare_title(extractor):
    entities = extractor.extract(
        "Toplantıya Sivas İl Sağlık Müdürü Kemal Öztürk, Karayolları 5. Bölge Müdürü Ali Şen "
        "ve Fen İşleri Dairesi Başkanı Naci Er katıldı. Vakıf Müdürü Ayla Tan da geldi."
    )
    assert _officials(entities) == {
        ("Kemal Öztürk", "İl Müdürü"),
        ("Ali Şen", "Bölge Müdürü"),
        ("Naci Er", "Daire Başkanı"),
        ("Ayla Tan", "Müdür"),
    }


def test_new_titles_and_bylines(extractor):
    entities = extractor.extract(
        "Hastane Başhekimi Dr. Selin Koç ve Klinik Şefi Ahmet Bal bilgi verdi. Muhabir: Deniz Tuna"
    )
    assert _officials(entities) == {
        ("Selin Koç", "Başhekim"),
        ("Ahmet Bal", "Klinik Şefi"),
        ("Deniz Tuna", "Muhabir"),
    }


def test_common_given_names_without_a_title(extractor):
    entities = extractor.extract("Etkinliğe Mert Yalın, Umut Sarp ve Ceren Akın katıldı.")
    assert {p.name for p in entities.people} == {"Mert Yalın", "Umut Sarp", "Ceren Akın"}


def test_a_form_of_address_is_the_same_person_as_the_full_name(extractor):
    entities = extractor.extract(
        'Ayşe Hanım pazarda. "Emekli oldum" diyen Ayşe Karadeniz, kazancını anlattı.'
    )
    assert [p.name for p in entities.people] == ["Ayşe Karadeniz"]
    alone = extractor.extract("Ayşe Hanım pazarda tezgâh açıyor.")
    assert [p.name for p in alone.people] == ["Ayşe Hanım"]


def test_a_province_is_the_surname_after_a_title_and_an_unknown_given_name(extractor):
    entities = extractor.extract(
        "Çukurova Üniversitesi Öğretim Üyesi Doç. Dr. Neşide Sinop, araştırmayı anlattı. Sinop, "
        "verilerin iki yılda toplandığını söyledi."
    )
    assert _officials(entities) == {("Neşide Sinop", "Öğretim Üyesi")}
    assert [p.name for p in entities.provinces] == []


def test_a_military_rank_is_neither_a_given_name_nor_a_title(extractor):
    entities = extractor.extract(
        "Tatbikatı Jandarma Komutanı Korgeneral Ahmet Yurt izledi. Törene Albay Kerem Ünal da "
        "katıldı."
    )
    assert _officials(entities) == {("Ahmet Yurt", "Komutan"), ("Kerem Ünal", None)}
