from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kupur.core.models import ISTANBUL
from kupur.crawlers.dates import find_dates, parse_date

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26 Eylül 2019, Perşembe", datetime(2019, 9, 26, tzinfo=ISTANBUL)),
        ("4 Kasım 2025", datetime(2025, 11, 4, tzinfo=ISTANBUL)),
        ("14.12.2025", datetime(2025, 12, 14, tzinfo=ISTANBUL)),
        ("20 Ocak 2026 Salı - 14:33:05", datetime(2026, 1, 20, 14, 33, 5, tzinfo=ISTANBUL)),
        ("24 MAYIS 2024", datetime(2024, 5, 24, tzinfo=ISTANBUL)),
        ("3 ŞUBAT 2026 SALI 10:15", datetime(2026, 2, 3, 10, 15, tzinfo=ISTANBUL)),
        ("5 ARALIK 2022", datetime(2022, 12, 5, tzinfo=ISTANBUL)),
        ("2025-03-04T10:20:00+03:00", datetime(2025, 3, 4, 7, 20, tzinfo=UTC)),
        ("2025-03-04T07:20:00Z", datetime(2025, 3, 4, 7, 20, tzinfo=UTC)),
        ("Tue, 04 Mar 2025 10:20:00 +0300", datetime(2025, 3, 4, 7, 20, tzinfo=UTC)),
    ],
)
def test_turkish_and_iso_dates_parse_to_the_right_moment(text: str, expected: datetime) -> None:
    assert parse_date(text, now=NOW) == expected


def test_a_date_without_zone_is_istanbul_time() -> None:
    moment = parse_date("14.12.2025 - 09:12", now=NOW)
    assert moment is not None
    assert moment.utcoffset() is not None
    assert moment.astimezone(UTC).hour == 6


def test_labels_tell_published_from_updated() -> None:
    found = find_dates("Yayınlanma: 12.01.2026 10:00 Güncelleme: 05.01.2026 - 09:12", now=NOW)
    assert [(f.kind, f.moment.day) for f in found] == [("published", 12), ("updated", 5)]
    (only,) = find_dates("Güncelleme: 05.01.2026 - 09:12", now=NOW)
    assert only.kind == "updated"
    assert (only.moment.hour, only.moment.minute) == (9, 12)


def test_dates_from_the_future_are_dropped() -> None:
    assert parse_date("12 Aralık 2030", now=NOW) is None
    assert find_dates("1 Ocak 2031 ve 4 Kasım 2025", now=NOW)[0].moment.year == 2025


def test_impossible_dates_and_plain_numbers_are_not_dates() -> None:
    assert parse_date("31.02.2025", now=NOW) is None
    assert parse_date("1.615 çocuk ve 4,2 milyon lira", now=NOW) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 20, 2025", datetime(2025, 11, 20, tzinfo=ISTANBUL)),
        ("Thursday, November 20, 2025", datetime(2025, 11, 20, tzinfo=ISTANBUL)),
        ("Nov 12, 2025 at 14:30", datetime(2025, 11, 12, 14, 30, tzinfo=ISTANBUL)),
        ("Posted on September 3rd, 2025", datetime(2025, 9, 3, tzinfo=ISTANBUL)),
        ("20 November 2025", datetime(2025, 11, 20, tzinfo=ISTANBUL)),
        ("May 5, 2025", datetime(2025, 5, 5, tzinfo=ISTANBUL)),
    ],
)
def test_english_month_names_of_an_english_locale_wordpress_parse(
    text: str, expected: datetime
) -> None:
    assert parse_date(text, now=NOW) == expected


def test_english_dates_from_the_future_are_dropped_too() -> None:
    assert parse_date("December 12, 2030", now=NOW) is None
    assert find_dates("January 1, 2031 and November 4, 2025", now=NOW)[0].moment.year == 2025
    assert parse_date("Nov 2025 bütçesi", now=NOW) is None
