"""What `kupur extract` reports for the traps of Turkish social-services news."""

from __future__ import annotations

from kupur.core.models import Entities


def names(items) -> list[str]:
    return [item.name for item in items]


def test_every_key_of_the_schema_is_filled(extractor):
    text = (
        "Samsun Aile ve Sosyal Hizmetler İl Müdürü Kemal Gümrükçü, SİROMA Projesi kapsamında "
        "Atakum'da 12 Mart 2025 tarihinde 17.076 çocuğa ulaşıldığını, Orta Karadeniz Kalkınma "
        "Ajansı (OKA) desteğinin sürdüğünü söyledi."
    )
    data = extractor.extract(text).to_dict()
    assert set(data) == set(Entities().to_dict())
    assert all(data[key] for key in data), data
    assert data["provinces"] == [{"name": "Samsun", "plate": 55}]
    assert data["districts"] == [{"name": "Atakum", "province": "Samsun"}]
    assert data["people"] == [
        {
            "name": "Kemal Gümrükçü",
            "title": "İl Müdürü",
            "role": "Samsun Aile ve Sosyal Hizmetler İl Müdürü",
        }
    ]
    assert data["organizations"] == [
        {"name": "Orta Karadeniz Kalkınma Ajansı", "abbreviation": "OKA"}
    ]
    assert data["projects"] == [{"name": "SİROMA Projesi", "id": "siroma"}]
    assert data["dates"] == ["2025-03-12"]
    assert data["figures"] == [{"value": 17076.0, "unit": "çocuğa", "text": "17.076 çocuğa"}]
    mention = next(m for m in data["mentions"] if m["label"] == "DISTRICT")
    assert text[mention["start"] : mention["end"]] == "Atakum"


def test_suffixes_capitals_and_old_names(extractor):
    entities = extractor.extract(
        "IĞDIR’DA toplantı yapıldı. Afyon'dan, Maraş’tan, Antep'ten, Urfa'dan ve İçel'den gelen "
        "ekipler SAMSUN ve Hakkâri'de çalıştı; Ondokuzmayıs'ta da bir merkez açıldı."
    )
    assert set(names(entities.provinces)) == {
        "Iğdır",
        "Afyonkarahisar",
        "Kahramanmaraş",
        "Gaziantep",
        "Şanlıurfa",
        "Mersin",
        "Samsun",
        "Hakkari",
    }
    assert [(d.name, d.province) for d in entities.districts] == [("19 Mayıs", "Samsun")]


def test_a_district_implies_its_province(extractor):
    entities = extractor.extract("Bafra'da yaşlılara ziyaret yapıldı.")
    assert names(entities.provinces) == ["Samsun"]


def test_place_names_that_are_person_names(extractor):
    entities = extractor.extract(
        "Sahit Aydın, Fatih Kaya ve Selim Doğan ile görüştü. Dicle Yıldırım da toplantıya katıldı."
    )
    assert names(entities.people) == ["Sahit Aydın", "Fatih Kaya", "Selim Doğan", "Dicle Yıldırım"]
    assert entities.provinces == []
    assert entities.districts == []


def test_weekday_and_region_homonyms_need_a_cue(extractor):
    assert extractor.extract("Çarşamba günü Akdeniz Bölgesi'nde toplantı yapıldı.").districts == []
    entities = extractor.extract("Samsun'un Çarşamba ilçesinde yaşlılar ziyaret edildi.")
    assert [(d.name, d.province) for d in entities.districts] == [("Çarşamba", "Samsun")]


def test_shared_district_names_need_their_province(extractor):
    assert extractor.extract("Ereğli ilçesinde kurs açıldı.").districts == []
    entities = extractor.extract("Zonguldak'ın Ereğli ilçesinde kurs açıldı.")
    assert [(d.name, d.province) for d in entities.districts] == [("Ereğli", "Zonguldak")]


def test_titles_honorifics_and_possessives(extractor):
    entities = extractor.extract(
        "Bakan Yardımcısı Prof. Dr. Ayşe Kaya ve Cumhurbaşkanı Recep Tayyip Erdoğan'ın mesajı "
        "okundu. Erdoğan'ın sözleri alkışlandı. Vali Yardımcısı Sayın Ali Veli de katıldı."
    )
    people = {p.name: p.title for p in entities.people}
    assert people == {
        "Ayşe Kaya": "Bakan Yardımcısı",
        "Recep Tayyip Erdoğan": "Cumhurbaşkanı",
        "Ali Veli": "Vali Yardımcısı",
    }


def test_title_after_the_name(extractor):
    person = extractor.extract(
        "Zeynep Arslan, Iğdır Sosyal Yardımlaşma ve Dayanışma Vakfı Müdürü, açıklama yaptı."
    ).people[0]
    assert (person.name, person.title) == ("Zeynep Arslan", "Müdür")
    assert person.role == "Iğdır Sosyal Yardımlaşma ve Dayanışma Vakfı Müdürü"


def test_organisations_are_linked_to_one_name(extractor):
    entities = extractor.extract(
        "Samsun Aile ve Sosyal Hizmetler İl Müdürlüğü'nün çalışması, Samsun Aile ve Sosyal "
        "Hizmetler İl Müdürlüğünce duyuruldu. İŞKUR ve Atakum SHM de destek verdi."
    )
    assert names(entities.organizations) == [
        "Samsun Aile ve Sosyal Hizmetler İl Müdürlüğü",
        "Türkiye İş Kurumu",
        "Atakum Sosyal Hizmet Merkezi",
    ]


def test_project_spellings_are_one_project(extractor):
    entities = extractor.extract(
        "SİROMA kapsamında, Siroma projesi ve SİROMA Projesi'nin etkinliği yapıldı."
    )
    assert [(p.id, p.name) for p in entities.projects] == [("siroma", "SİROMA Projesi")]


def test_unregistered_quoted_and_numbered_projects(extractor):
    entities = extractor.extract(
        "“Güçlü Aile” projesi ile 100 Günlük Cumhurbaşkanlığı İcraat Programı ve “Mahalle "
        "Buluşmaları” birlikte tanıtıldı."
    )
    assert [p.id for p in entities.projects] == [
        "guclu-aile-projesi",
        "100-gunluk-cumhurbaskanligi-icraat-programi",
        "mahalle-bulusmalari",
    ]


def test_extract_many_matches_extract(extractor):
    texts = ["Urfa'da 1.615 aileye 4,2 milyon lira verildi.", "Vali Orhan Tavlı konuştu."]
    assert extractor.extract_many(texts, batch_size=1) == [extractor.extract(t) for t in texts]


def test_users_can_add_their_own_component(extractor):
    from kupur.nlp.extract import EntityExtractor

    custom = EntityExtractor()
    assert "kupur_places" in custom.nlp.pipe_names

    def tag_kizilay(doc):
        from spacy.tokens import Span

        group = list(doc.spans.get("organizations", []))
        for token in doc:
            if token.text == "Hilal":
                span = Span(doc, token.i, token.i + 1, label="ORG")
                span._.canonical = "Hilal Derneği"
                group.append(span)
        doc.spans["organizations"] = group
        return doc

    from spacy.language import Language

    Language.component("test_hilal", func=tag_kizilay)
    custom.nlp.add_pipe("test_hilal", before="kupur_places")
    assert names(custom.extract("Hilal yardım dağıttı.").organizations) == ["Hilal Derneği"]


def test_streets_named_after_places_are_not_places(extractor):
    entities = extractor.extract(
        "Ankara Caddesi üzerindeki merkezde Bafra Mahallesi sakinleri buluştu."
    )
    assert entities.provinces == []
    assert entities.districts == []
