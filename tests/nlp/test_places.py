"""Place filtering as a user sees it through ``EntityExtractor.extract``: homonyms and lists."""

from __future__ import annotations


def _provinces(entities):
    return {p.name for p in entities.provinces}


def _districts(entities):
    return {f"{d.name}/{d.province}" for d in entities.districts}


def test_a_surname_used_alone_is_the_person_not_the_province(extractor):
    entities = extractor.extract(
        "Ziraat Odası Başkanı Kemal Tokat toplantıda konuştu. Tokat, üreticilerin zor durumda "
        "olduğunu söyledi."
    )
    assert "Tokat" not in _provinces(entities)
    assert [p.name for p in entities.people] == ["Kemal Tokat"]
    # the same province with a place suffix still counts
    assert "Tokat" in _provinces(extractor.extract("Ahmet Tokat, Tokat'ta yaşıyor."))


def test_a_surname_before_a_comma_does_not_borrow_the_next_places_suffix(extractor):
    entities = extractor.extract(
        "İl Müdürü Sahit Aydın programa katıldı. Aydın, Bafra’da yapılan yarışmayı izledi."
    )
    assert "Aydın" not in _provinces(entities)
    # a list closed by "ve" still carries the suffix to every place in it
    listed = extractor.extract("Vali Yardımcısı Okan Aydın, Aydın, Muğla ve Denizli'de konuştu.")
    assert {"Aydın", "Muğla", "Denizli"} <= _provinces(listed)


def test_a_province_that_is_a_word_opening_a_sentence(extractor):
    assert not _provinces(extractor.extract("Ağrı kesici ilaçlar dikkatli kullanılmalı."))
    assert not _provinces(extractor.extract("Aydın kesim bu konuda sessiz kaldı."))
    assert _provinces(extractor.extract("Ağrı genelinde kar yağışı etkili oldu.")) == {"Ağrı"}
    assert _provinces(extractor.extract("Yolcular Samsun-Ordu karayolunda kaldı.")) == {
        "Samsun",
        "Ordu",
    }


def test_doubtful_districts_listed_with_a_sure_one(extractor):
    entities = extractor.extract("Rize'de yağış Pazar ve Çayeli'ndeki çay bahçelerini vurdu.")
    assert _districts(entities) == {"Pazar/Rize", "Çayeli/Rize"}
    entities = extractor.extract("Van'da ekipler Edremit ve Gevaş'ta denetim yaptı.")
    assert _districts(entities) == {"Edremit/Van", "Gevaş/Van"}
    # a weekday before an ordinary word is still a weekday
    assert not _districts(extractor.extract("Rize'de Pazar ve Cumartesi günleri pazar kurulur."))


def test_a_word_like_district_with_a_suffix_when_its_province_is_named(extractor):
    entities = extractor.extract("İzmir'de yeni kütüphane Konak'ta açıldı.")
    assert _districts(entities) == {"Konak/İzmir"}
    assert not _districts(extractor.extract("Yeni kütüphane Konak'ta açıldı."))


def test_a_village_like_district_in_a_text_about_another_province(extractor):
    elsewhere = extractor.extract("Kütahya Belediyesi, Akpınar'da yeni bir park açtı.")
    assert [p.name for p in elsewhere.provinces] == ["Kütahya"]
    assert elsewhere.districts == []
    own = extractor.extract("Ordu'nun Gölköy ilçesinde fındık hasadı başladı.")
    assert [(d.name, d.province) for d in own.districts] == [("Gölköy", "Ordu")]
