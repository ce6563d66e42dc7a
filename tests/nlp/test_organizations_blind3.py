"""Parties, clubs, courts, international bodies and lists of bodies (the blind3 error classes),
as ``EntityExtractor.extract`` reports them. Sentences written fresh for these tests."""

from __future__ import annotations


def _orgs(entities):
    return {o.name for o in entities.organizations}


def test_parties_by_abbreviation_short_name_and_full_name(extractor):
    entities = extractor.extract(
        "MHP Konya Milletvekili Osman Kara ile DEM Parti Van Milletvekili Berfin Aslan soru "
        "önergesi verdi. Cumhuriyet Halk Partisi (CHP) grubu da destek verdi; AK Parti ve "
        "İYİ Parti sıralarından itiraz geldi."
    )
    assert _orgs(entities) == {
        "Milliyetçi Hareket Partisi",
        "Halkların Eşitlik ve Demokrasi Partisi",
        "Cumhuriyet Halk Partisi",
        "Adalet ve Kalkınma Partisi",
        "İYİ Parti",
    }


def test_clubs_name_their_province(extractor):
    entities = extractor.extract(
        "Trabzonspor'un altyapı oyuncuları Ortahisar'da fidan dikti. Kocaeli Gençlik ve Spor "
        "Kulübü'nün sporcuları da etkinliğe katıldı; Rize Belediyespor destek verdi."
    )
    assert _orgs(entities) == {
        "Trabzonspor",
        "Kocaeli Gençlik ve Spor Kulübü",
        "Rize Belediyespor",
    }
    assert {p.name for p in entities.provinces} == {"Trabzon", "Kocaeli", "Rize"}
    assert {(d.name, d.province) for d in entities.districts} == {("Ortahisar", "Trabzon")}


def test_courts_and_international_bodies_by_their_head_noun(extractor):
    entities = extractor.extract(
        "Manisa 4. Ağır Ceza Mahkemesi sanığa 12 yıl hapis verdi. Ödemiş Aile Mahkemesi ise "
        "koruma kararını uzattı. Uluslararası Kızılhaç Komitesi ile Dünya Sağlık Örgütü'nün "
        "raporu da dosyaya eklendi."
    )
    assert _orgs(entities) == {
        "Manisa 4. Ağır Ceza Mahkemesi",
        "Ödemiş Aile Mahkemesi",
        "Uluslararası Kızılhaç Komitesi",
        "Dünya Sağlık Örgütü",
    }


def test_a_registered_body_or_abbreviation_before_ve_is_its_own_name(extractor):
    entities = extractor.extract(
        "AFAD, Kızılay ve Tokat Belediyesi ekipleri bölgedeydi. UNHCR ve Göç İdaresi "
        "Başkanlığı ortak bir rapor yayımladı."
    )
    assert _orgs(entities) == {
        "Afet ve Acil Durum Yönetimi Başkanlığı",
        "Türk Kızılay",
        "Tokat Belediyesi",
        "Birleşmiş Milletler Mülteciler Yüksek Komiserliği",
        "Göç İdaresi Başkanlığı",
    }


def test_a_rectorate_of_a_university_is_the_university(extractor):
    entities = extractor.extract(
        "Prof. Dr. Ayla Demir, Kırklareli Üniversitesi Rektörlüğüne atandı."
    )
    assert _orgs(entities) == {"Kırklareli Üniversitesi"}


def test_sentence_initial_names_ending_like_a_case_suffix(extractor):
    entities = extractor.extract(
        "Toplantı yapıldı. Trakya Üniversitesi Hastanesi'nde yeni bölüm açıldı. Kütahya'da "
        "Huzurevi Yaşlı Bakım ve Rehabilitasyon Merkezi ziyaret edildi."
    )
    assert _orgs(entities) == {
        "Trakya Üniversitesi Hastanesi",
        "Huzurevi Yaşlı Bakım ve Rehabilitasyon Merkezi",
    }
    # an inflected word opening a sentence is still no part of a name
    assert _orgs(extractor.extract("Toplantıya Çorum Belediyesi katıldı.")) == {"Çorum Belediyesi"}
