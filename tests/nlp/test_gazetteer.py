from __future__ import annotations

import pytest

from kupur.core.errors import ConfigError
from kupur.nlp.gazetteer import load_gazetteer, name_key, slugify


def test_all_provinces_and_districts_are_loaded():
    gazetteer = load_gazetteer()
    assert len(gazetteer.provinces) == 81
    assert gazetteer.provinces["Iğdır"] == 76
    assert sum(len(p) for p in gazetteer.districts.values()) == 922  # 973 minus 51 "Merkez"
    assert gazetteer.districts["Atakum"] == ("Samsun",)
    assert set(gazetteer.districts["Ereğli"]) == {"Konya", "Zonguldak"}


def test_keys_are_turkish_aware():
    assert name_key("IĞDIR'DA") == "ığdır"
    assert name_key("HAKKÂRİ") == "hakkari"
    assert slugify("Güçlü Aile Projesi") == "guclu-aile-projesi"


def test_a_custom_project_registry(tmp_path):
    registry = tmp_path / "projects.yaml"
    registry.write_text(
        "- id: umut\n  name: Umut Işığı Projesi\n  aliases: [UIP]\n", encoding="utf-8"
    )
    gazetteer = load_gazetteer(str(registry))
    assert gazetteer.project_entry("umut ışığı") is not None
    assert gazetteer.project_entry("UIP projesi").id == "umut"


@pytest.mark.parametrize(
    ("content", "message"),
    [("- name: no id\n", "needs an id"), ("id: [", "not valid YAML"), ("just text", "list")],
)
def test_bad_registries_say_what_is_wrong(tmp_path, content, message):
    registry = tmp_path / "bad.yaml"
    registry.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_gazetteer(str(registry))


def test_a_missing_registry_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_gazetteer(str(tmp_path / "absent.yaml"))
