"""The researchers' Python API (kupur.app.application) over the real archive and index."""

from __future__ import annotations

import pandas as pd
import pytest

import kupur as kupur_package
from kupur.app.application import Kupur, entity_query, open_kupur
from kupur.app.config import Settings
from kupur.core.errors import QuerySyntaxError
from tests.web.corpus import AKBAS, ORDU, SIROMA, corpus


def test_open_kupur_reads_the_data_directory_from_the_environment(
    data_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KUPUR_DATA_DIR", str(data_settings.data_dir))
    with kupur_package.open_kupur() as opened:
        assert opened.search("proje:siroma").total == 4
    with open_kupur(data_settings.data_dir) as explicit:
        assert explicit.archive.count() == len(corpus())


def test_search_and_query_errors(kupur: Kupur) -> None:
    result = kupur.search("yaşlı", sort="date", limit=2)
    assert result.total >= 2
    assert len(result.hits) == 2
    with pytest.raises(QuerySyntaxError):
        kupur.search("(yaşlı")


def test_entity_query_quotes_values() -> None:
    assert entity_query("person", 'Selin "Akbaş"') == 'kişi:"Selin  Akbaş"'
    assert entity_query("projects", "siroma") == 'proje:"siroma"'
    with pytest.raises(ValueError, match="unknown entity kind"):
        entity_query("planets", "Mars")


def test_articles_frame(kupur: Kupur) -> None:
    frame = kupur.articles("il:Ordu")
    assert len(frame) == 4
    assert list(frame["published_at"]) == sorted(frame["published_at"], reverse=True)
    assert str(frame["published_at"].dt.tz) == "Europe/Istanbul"
    assert all("Ordu" in provinces for provinces in frame["provinces"])
    assert len(kupur.articles(max_articles=3)) == 3


def test_mentions_over_time_fills_gaps_and_takes_entities(kupur: Kupur) -> None:
    frame = kupur.mentions_over_time({"siroma": SIROMA, "Akbaş": AKBAS, "Ordu": ORDU}, "month")
    assert list(frame.columns) == ["siroma", "Akbaş", "Ordu"]
    assert frame.index.name == "period"
    assert [d.strftime("%Y-%m") for d in frame.index] == [
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
    ]
    assert frame["siroma"].tolist() == [1, 2, 1, 0]
    assert frame["Ordu"].sum() == 4
    weekly = kupur.mentions_over_time("proje:yades", "week")
    assert weekly["count"].sum() == 3
    assert all(d.weekday() == 0 for d in weekly.index)
    assert len(weekly) == 7  # 20 Oct to 1 Dec, zero weeks included
    with pytest.raises(ValueError, match="interval"):
        kupur.mentions_over_time("hibe", "year")  # type: ignore[arg-type]


def test_entity_counts_agree_with_the_index(kupur: Kupur) -> None:
    counts = kupur.entity_counts("project")
    for row in counts.itertuples():
        assert kupur.search(row.query).total == row.articles
    samsun = kupur.entity_counts("organizations", provinces=["Samsun"])
    assert set(samsun["organization"]) == {
        "Orta Karadeniz Kalkınma Ajansı",
        "Aile ve Sosyal Hizmetler Bakanlığı",
    }
    assert (
        samsun.loc[
            samsun["organization"] == "Orta Karadeniz Kalkınma Ajansı", "abbreviation"
        ].item()
        == "OKA"
    )


def test_cooccurrence(kupur: Kupur) -> None:
    pairs = kupur.cooccurrence("people", "projects")
    top = pairs.iloc[0]
    assert (top["person"], top["project"], top["articles"]) == ("Selin Akbaş", "siroma", 3)
    same = kupur.cooccurrence("people", "people")
    assert list(same.columns) == ["person_a", "person_b", "articles"]
    assert same.to_dict(orient="records") == [
        {"person_a": "Murat Karaca", "person_b": "Selin Akbaş", "articles": 1}
    ]
    empty = kupur.cooccurrence("people", "projects", "tarih:2030-01-01..2030-12-31")
    assert isinstance(empty, pd.DataFrame)
    assert empty.empty
