"""Organisations, officials, people and dates of the blind4 error classes, through
``EntityExtractor.extract``. Sentences written fresh for these tests."""

from __future__ import annotations


def _orgs(extractor, text: str) -> set[str]:
    return {o.name for o in extractor.extract(text).organizations}


def test_an_inflected_first_word_before_a_place_stays_out_of_the_name(extractor):
    orgs = _orgs(
        extractor,
        "Sergiye Keçiören Belediyesi ve Ankara Kent Konseyi katkı verdi. Paneli Uluslararası "
        "Göç Örgütü temsilcileri izledi.",
    )
    assert "Keçiören Belediyesi" in orgs
    assert "Uluslararası Göç Örgütü" in orgs
    assert not any(name.startswith(("Sergiye", "Paneli")) for name in orgs)


def test_a_sentence_initial_name_before_a_plain_word_still_opens_it(extractor):
    orgs = _orgs(extractor, "Karşıyaka Spor Kulübü yeni sezon kampını Bolu'da yapacak.")
    assert "Karşıyaka Spor Kulübü" in orgs


def test_a_unit_named_after_its_bar_or_confederation_is_one_name(extractor):
    orgs = _orgs(
        extractor,
        "Mersin Barosu Çocuk Hakları Merkezi ile Türk-İş Konfederasyonu Gençlik Komitesi ortak "
        "bir çalıştay düzenledi.",
    )
    assert orgs == {
        "Mersin Barosu Çocuk Hakları Merkezi",
        "Türk-İş Konfederasyonu Gençlik Komitesi",
    }


def test_a_union_with_two_hyphens_keeps_its_whole_name(extractor):
    orgs = _orgs(extractor, "Toplu sözleşmeyi Tez-Koop-İş Sendikası ile mağaza zinciri imzaladı.")
    assert orgs == {"Tez-Koop-İş Sendikası"}


def test_a_one_word_body_before_ve_and_a_place_is_its_own_name(extractor):
    orgs = _orgs(
        extractor,
        "Patidost ve Bodrum Sokak Hayvanlarını Koruma Derneği mama dağıtımı yaptı.",
    )
    assert orgs == {"Patidost", "Bodrum Sokak Hayvanlarını Koruma Derneği"}


def test_a_club_keeps_its_legal_form(extractor):
    orgs = _orgs(extractor, "Sivasspor FK, lösemili çocuklar için maç düzenledi.")
    assert orgs == {"Sivasspor FK"}


def test_the_board_in_a_chairs_title_is_no_organisation(extractor):
    entities = extractor.extract(
        "Konya Ticaret Borsası Yönetim Kurulu Başkanı Hüseyin Çevik, hasadı değerlendirdi."
    )
    assert {o.name for o in entities.organizations} == {"Konya Ticaret Borsası"}
    assert {(p.name, p.title) for p in entities.people} == {("Hüseyin Çevik", "Başkan")}


def test_branch_and_group_officers_keep_their_rank(extractor):
    entities = extractor.extract(
        "Eğitim-Bir-Sen Trabzon Şube Başkanı Osman Yazar ile CHP Grup Başkanvekili Gökhan "
        "Er meclis gündemini değerlendirdi."
    )
    titles = {p.name: p.title for p in entities.people}
    assert titles == {"Osman Yazar": "Şube Başkanı", "Gökhan Er": "Grup Başkanvekili"}


def test_a_foreign_given_name_without_a_title(extractor):
    entities = extractor.extract("Toplantıda Maria Schmidt de bir konuşma yaptı.")
    assert [p.name for p in entities.people] == ["Maria Schmidt"]


def test_a_year_before_its_month(extractor):
    entities = extractor.extract(
        "Başvurular 2026 Nisan ayında başlayacak; ödemeler 2027 Ocak'ında yapılacak."
    )
    assert set(entities.dates) == {"2026-04", "2027-01"}
