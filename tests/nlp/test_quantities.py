from __future__ import annotations

import pytest

from kupur.nlp.quantities import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("17.076", 17076),
        ("4,2", 4.2),
        ("1,5 milyon", 1_500_000),
        ("5 bin 200", 5200),
        ("2 milyar", 2_000_000_000),
        ("1.615", 1615),
    ],
)
def test_turkish_numbers(text, value):
    assert parse_number(text) == value


def test_dates_in_every_form(extractor):
    dates = extractor.extract(
        "Toplantı 12.03.2025 tarihinde, tören 3 Ekim 2024 Perşembe günü, kurs Mart 2026'da, "
        "kayıtlar 30 Haziran'a kadar, eğitim 12-14 Nisan tarihlerinde ve hedef 2027 yılında. "
        "24 MAYIS 2024"
    ).dates
    assert sorted(dates) == sorted(
        [
            "2025-03-12",
            "2024-10-03",
            "--04-12",
            "--04-14",
            "--06-30",
            "2026-03",
            "2027",
            "2024-05-24",
        ]
    )


def test_figures_with_what_they_count(extractor):
    figures = extractor.extract(
        "149 mobil sosyal hizmet ekibi ile 17.076 çocuğa ulaşıldı, 2 bin 300 genç katıldı, "
        "başvurular yüzde 18 arttı. 2024 yılında 1.105'e ulaştı."
    ).figures
    assert [(f.value, f.unit) for f in figures] == [
        (149, "mobil sosyal hizmet ekibi"),
        (17076, "çocuğa"),
        (2300, "genç"),
        (18, "%"),
    ]


def test_numbers_inside_names_are_not_figures(extractor):
    entities = extractor.extract(
        "100 Günlük Cumhurbaşkanlığı İcraat Programı 19 Mayıs ilçesinde anlatıldı."
    )
    assert entities.figures == []
    assert entities.dates == []


def test_years_with_case_suffixes_and_ranges(extractor):
    entities = extractor.extract(
        "Dernek 2017'de kuruldu, 2023'ten beri büyüyor ve 2030'a kadar hedefini açıkladı. "
        "2024-2025 sezonunda 1.200 üye oldu. 3000'den fazla kişi başvurdu."
    )
    assert sorted(entities.dates) == ["2017", "2023", "2024", "2025", "2030"]
    assert [(f.value, f.unit) for f in entities.figures] == [(1200, "üye")]


def test_a_year_written_once_for_a_range_of_days_across_months(extractor):
    entities = extractor.extract("Başvurular 28 Ekim - 4 Kasım 2025 tarihleri arasında alınacak.")
    assert entities.dates == ["2025-10-28", "2025-11-04"]


def test_headline_capitals_and_durations(extractor):
    figures = extractor.extract(
        "RİZE'DE 2 BİN 400 FİDAN TOPRAKLA BULUŞTU. Gönüllüler 8 yıldır bu işi yapıyor."
    ).figures
    assert [(f.value, f.unit.split()[0]) for f in figures] == [(2400, "fidan"), (8, "yıldır")]


def test_years_in_the_accusative_and_before_a_planning_word(extractor):
    entities = extractor.extract(
        "İhracat 2023'ü rekorla kapattı. Kooperatifin 2026 hedefi 40 ton. Üye sayısı 2000'i aştı."
    )
    assert entities.dates == ["2023", "2026"]
    assert [(f.value, f.unit) for f in entities.figures] == [(40.0, "ton")]


def test_prices_with_a_case_ending_and_bare_numbers(extractor):
    entities = extractor.extract(
        "Zeytinyağının litresi 320 liradan satılırken 5 bin dolarlık ihracat yapıldı. "
        "Kayıtlı araç sayısının 48 bin 120 olduğu açıklandı."
    )
    assert [(f.value, f.unit) for f in entities.figures] == [(320.0, "lira"), (5000.0, "dolar")]
