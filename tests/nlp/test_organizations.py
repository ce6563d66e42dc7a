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


def test_a_unit_named_after_its_body_is_one_name(extractor):
    entities = extractor.extract(
        "Aydın Büyükşehir Belediyesi Meclisi'nde bütçe görüşüldü. Ege Üniversitesi Hastanesi "
        "yeni bir servis açtı; Çorlu Belediyesi Zabıta Müdürlüğü ekipleri de denetim yaptı."
    )
    assert {o.name for o in entities.organizations} == {
        "Aydın Büyükşehir Belediyesi Meclisi",
        "Ege Üniversitesi Hastanesi",
        "Çorlu Belediyesi Zabıta Müdürlüğü",
    }


def test_two_bodies_joined_by_ve_stay_two(extractor):
    entities = extractor.extract("Sinop Valiliği ve Gerze Belediyesi ortak çalışma yaptı.")
    assert {o.name for o in entities.organizations} == {"Sinop Valiliği", "Gerze Belediyesi"}


def test_an_administration_named_idaresi(extractor):
    entities = extractor.extract(
        "Antalya Su ve Atıksu İdaresi'nin çalışması sürerken Toplu Konut İdaresi Başkanlığı "
        "yeni konutların ihalesini yaptı."
    )
    assert {o.name for o in entities.organizations} == {
        "Antalya Su ve Atıksu İdaresi",
        "Toplu Konut İdaresi Başkanlığı",
    }


def test_a_university_keeps_its_province_a_municipality_does_not(extractor):
    entities = extractor.extract(
        "Kocaeli Gebze Teknik Üniversitesi ile Denizli Pamukkale Belediyesi protokol imzaladı."
    )
    assert {o.name for o in entities.organizations} == {
        "Kocaeli Gebze Teknik Üniversitesi",
        "Pamukkale Belediyesi",
    }


def test_well_known_bodies_named_by_their_abbreviation_alone(extractor):
    entities = extractor.extract(
        "Kale, UNESCO listesine girdi. Projeye TÜBİTAK destek verirken AFAD ve SGK da katkı sundu."
    )
    assert {o.name for o in entities.organizations} == {
        "UNESCO",
        "Türkiye Bilimsel ve Teknolojik Araştırma Kurumu",
        "Afet ve Acil Durum Yönetimi Başkanlığı",
        "Sosyal Güvenlik Kurumu",
    }
