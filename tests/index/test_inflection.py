"""The suffix splitter that reads "samsunda" as Samsun + "da" (kupur.index.inflection)."""

from __future__ import annotations

import pytest

from kupur.index.inflection import inflected_name, name_splits


def bases(word: str) -> set[str]:
    return {base for base, _ in name_splits(word)}


@pytest.mark.parametrize(
    ("word", "base", "suffix"),
    [
        ("samsunda", "samsun", "da"),  # locative
        ("samsundan", "samsun", "dan"),  # ablative
        ("samsuna", "samsun", "a"),  # dative after a consonant
        ("ankaraya", "ankara", "ya"),  # dative with its buffer y after a vowel
        ("ankarayi", "ankara", "yi"),  # accusative
        ("siromanin", "siroma", "nin"),  # genitive with its buffer n
        ("gumrukcunun", "gumrukcu", "nun"),  # rounded harmony (ü)
        ("ordudan", "ordu", "dan"),
        ("izmirle", "izmir", "le"),  # instrumental, front harmony
        ("ankarayla", "ankara", "yla"),
        ("ankaradaki", "ankara", "daki"),  # relative -ki
        ("vanli", "van", "li"),  # -lı
        ("samsunlu", "samsun", "lu"),
        ("vanlilara", "van", "lilara"),  # -lı + plural + dative
        ("ankaradakilere", "ankara", "dakilere"),  # -daki + plural: front harmony after "ki"
        ("siromasinda", "siroma", "sinda"),  # possessive + locative
        ("zonguldaka", "zonguldak", "a"),  # names keep their k
        ("zonguldakta", "zonguldak", "ta"),  # t after a voiceless consonant
        ("zonguldakda", "zonguldak", "da"),  # the common misspelling is accepted
        ("ashbye", "ashb", "ye"),  # an abbreviation read letter by letter ("be")
        ("trtnin", "trt", "nin"),
    ],
)
def test_suffix_chains_are_split_off(word: str, base: str, suffix: str) -> None:
    assert (base, suffix) in name_splits(word)


@pytest.mark.parametrize(
    ("word", "not_base"),
    [
        ("vande", "van"),  # wrong harmony: a back vowel takes -da
        ("ankarade", "ankara"),
        ("okaye", "oka"),
        ("samsunya", "samsun"),  # no buffer after a consonant
        ("ankaraa", "ankara"),  # buffer missing after a vowel
        ("samsunta", "samsun"),  # t only after a voiceless consonant
        ("zonguldaga", "zonguldak"),  # a name is not softened
        ("ordular", "ordu"),  # no plural straight on a name
        ("aile", "ai"),  # the base has at least three letters
        ("ofta", "of"),
    ],
)
def test_ill_formed_readings_are_refused(word: str, not_base: str) -> None:
    assert not_base not in bases(word)


def test_longest_base_first() -> None:
    assert name_splits("samsunda")[-1] == ("samsun", "da")
    assert name_splits("siromasinda")[0][0] == "siromasind"


NAMES = {"samsun", "van", "bolu", "oka"}


def never(word: str, name: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("samsunda", "samsun"),
        ("okadan", "oka"),
        ("bolu", None),  # itself a name: never split
        ("bolda", None),  # "bol" is not a name
        ("ankarada", None),  # not a name this index knows
        ("vana", "van"),  # read as Van unless the index uses "vana" plainly
    ],
)
def test_inflected_name_needs_a_known_base(word: str, expected: str | None) -> None:
    assert inflected_name(word, NAMES.__contains__, never) == expected


def test_a_word_used_plainly_is_not_read_as_a_name() -> None:
    asked: list[tuple[str, str]] = []

    def used_plainly(word: str, name: str) -> bool:
        asked.append((word, name))
        return word == "vana"

    assert inflected_name("vana", NAMES.__contains__, used_plainly) is None
    assert inflected_name("vanda", NAMES.__contains__, used_plainly) == "van"
    assert asked == [("vana", "van"), ("vanda", "van")]
