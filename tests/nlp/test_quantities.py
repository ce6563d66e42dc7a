from __future__ import annotations

import pytest

from nlp.quantities import parse_number


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
