"""The subscriptions file: defaults, the shipped example, and mistakes reported with their place."""

from __future__ import annotations

from pathlib import Path

import pytest

from kupur.core.errors import ConfigError
from kupur.digest import example_subscriptions, load_subscriptions, parse_subscriptions


def test_defaults_are_turkish_weekly_without_alerts() -> None:
    [subscription] = parse_subscriptions(
        """
subscriptions:
  - name: basin
    recipient: "Basın Müşavirliği <basin@example.gov.tr>"
    searches:
      - {name: Proje, query: "proje"}
"""
    )
    assert subscription.language == "tr"
    assert subscription.frequency == "weekly"
    assert subscription.searches[0].alerts is None
    [address] = subscription.addresses()
    assert (address.display_name, address.addr_spec) == (
        "Basın Müşavirliği",
        "basin@example.gov.tr",
    )


def test_alerts_true_means_both_kinds_with_the_default_factor() -> None:
    [subscription] = parse_subscriptions(
        """
subscriptions:
  - name: a
    recipient: a@example.org
    searches:
      - {name: S, query: "il:Samsun", alerts: true}
      - {name: T, query: "il:Trabzon", alerts: {spike: false, spike_factor: 4}}
"""
    )
    first, second = (s.alerts for s in subscription.searches)
    assert first is not None
    assert (first.new, first.spike, first.spike_factor) == (True, True, None)
    assert second is not None
    assert (second.new, second.spike, second.spike_factor) == (True, False, 4)


def test_the_shipped_example_is_valid() -> None:
    subscriptions = example_subscriptions()
    assert [s.name for s in subscriptions] == ["samsun-haftalik", "engelsiz-yasam-gunluk"]
    assert {s.frequency for s in subscriptions} == {"weekly", "daily"}


def test_every_mistake_is_listed_with_where_it_is() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_subscriptions(
            """
subscriptions:
  - name: kotu
    recipients: ["adres-degil"]
    language: de
    frequency: monthly
    searches:
      - {name: Bozuk, query: 'il:Samsun AND ("aile'}
      - {name: Bilinmeyen, query: "renk:mavi"}
""",
            "subs.yaml",
        )
    message = str(caught.value)
    assert message.startswith("subs.yaml: 5 problem(s) in the subscriptions file:")
    assert "subscriptions[kotu].recipients: not a mail address: 'adres-degil'" in message
    assert "subscriptions[kotu].language" in message
    assert "subscriptions[kotu].frequency" in message
    assert "subscriptions[kotu].searches[Bozuk].query: not a valid query" in message
    assert "unknown field 'renk:'" in message


def test_duplicate_names_and_bad_yaml_are_config_errors() -> None:
    twice = """
subscriptions:
  - {name: a, recipient: a@example.org, searches: [{name: s, query: x}]}
  - {name: a, recipient: b@example.org, searches: [{name: s, query: y}]}
"""
    with pytest.raises(ConfigError, match="subscription names must be unique: a"):
        parse_subscriptions(twice)
    with pytest.raises(ConfigError, match="not valid YAML"):
        parse_subscriptions("subscriptions: [")


def test_a_missing_file_means_no_subscriptions(tmp_path: Path) -> None:
    assert load_subscriptions(tmp_path / "yok.yaml") == []
