"""Reading a query word typed without an apostrophe as a name plus Turkish suffixes.

Staff type "samsunda", "okadan", "gumrukcunun" for "Samsun'da", "OKA'dan", "Gümrükçü'nün". The
stemmer must not touch names ("Samsun" → ``sams``), so such a word would only match its own
surface form. ``name_splits`` proposes the ways a folded word can be a base plus a well-formed
suffix chain; ``inflected_name`` keeps the reading whose base is a name the index knows.

The suffixes (archiphonemes: ``A`` = a/e, ``I`` = ı/i/u/ü by vowel harmony, ``D`` = d/t, a
buffer in parentheses only after a vowel):

* cases: dative ``(y)A``, accusative ``(y)I``, locative ``DA``, ablative ``DAn``, genitive
  ``(n)In``, instrumental ``(y)lA``, relative ``DA-ki`` and ``(n)In-ki``;
* ``lI`` ("Vanlı", "Samsunlu"), optionally plural, optionally a case ("Vanlılara");
* ``DA-ki`` + plural, optionally a case ("Ankaradakiler", "Ankaradakilere");
* third-person possessive ``(s)I``, optionally a case with its pronominal ``n`` ("SİROMA'sında").

Choices, each made so a name reading never takes over a word staff mean as an ordinary word:

* A name keeps its last consonant: Turkish writes "Zonguldak'a", never "Zonguldağa", so a
  softened form is not read as the name (common nouns soften, and the stemmer handles those).
* ``D`` is "t" after a voiceless consonant ("Zonguldak'ta"); "d" is accepted there too, because
  "Zonguldak'da" is a common misspelling. After a vowel or voiced consonant only "d".
* A plural straight on a name is not read ("ordular" are armies, "vanlar" vans): names take the
  plural almost only after ``lI`` or ``DA-ki``.
* The base has at least three letters ("of" + "ta" is too easily something else).
* Folded text has lost ı/i, o/ö and u/ü, so harmony is checked for every vowel the folded one
  could have been; a base ending in two consonants or holding no vowel may be an abbreviation
  read letter by letter ("ASHB'ye", "TRT'ye"), so front harmony is allowed for it as well.
* A word that is itself a known name is never split ("bolu" stays Bolu, never "bol" + "u"), and
  a word the index shows in use as an ordinary word — in an article that does not mention the
  name — is not read as the name ("vana" is a valve wherever valves are written about, not Van).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from itertools import product

from kupur.core.turkish import fold

__all__ = ["MIN_NAME_LETTERS", "inflected_name", "name_splits", "suffixes_after"]

MIN_NAME_LETTERS = 3

_VOWELS = "aeıioöuü"
_BACK = set("aıou")
_ROUNDED = set("oöuü")
_VOICELESS = set("fstkçşhp")
#: What a folded vowel may have been before folding.
_UNFOLDED_VOWELS = {"a": "a", "e": "e", "i": "ıi", "o": "oö", "u": "uü"}
#: What a folded last letter may have been, for the d/t choice.
_UNFOLDED_CONSONANTS = {"c": "cç", "s": "sş", "g": "gğ"}

_CASES = ("(y)A", "(y)I", "DA", "DAn", "(n)In", "(y)lA", "DA ki", "(n)In ki")
_CASES_AFTER_POSSESSIVE = ("nA", "nI", "nDA", "nDAn", "nIn", "ylA")


def _chains() -> tuple[tuple[str, ...], ...]:
    chains: list[str] = list(_CASES)
    for case in ("", *_CASES):
        chains += [f"lI {case}", f"lI lAr {case}"]
    chains += [f"DA ki lAr {case}" for case in ("", *_CASES)]
    chains += ["(s)I", *(f"(s)I {case}" for case in _CASES_AFTER_POSSESSIVE)]
    return tuple(tuple(chain.split()) for chain in chains)


_CHAINS = _chains()


def _realise(morphemes: tuple[str, ...], last_vowel: str, last_letter: str) -> set[str]:
    """Every spelling of ``morphemes`` after a base ending in ``last_letter`` whose last vowel is
    ``last_vowel`` (Turkish letters, unfolded)."""
    spellings = {("", last_vowel, last_letter)}
    for morpheme in morphemes:
        buffer, letters = "", morpheme
        if morpheme.startswith("("):
            buffer, letters = morpheme[1], morpheme[3:]
        grown = set()
        for text, vowel, letter in spellings:
            options = [text + buffer if letter in _VOWELS else text]
            for archiphoneme in letters:
                options = [
                    option + choice
                    for option in options
                    for choice in _choices(archiphoneme, vowel, option[-1:] or letter)
                ]
                vowel = next((c for c in reversed(options[0]) if c in _VOWELS), vowel)
            grown |= {(option, vowel, option[-1]) for option in options}
        spellings = grown
    return {text for text, _, _ in spellings}


def _choices(archiphoneme: str, vowel: str, before: str) -> str | list[str]:
    if archiphoneme == "A":
        return "a" if vowel in _BACK else "e"
    if archiphoneme == "I":
        if vowel in _ROUNDED:
            return "u" if vowel in _BACK else "ü"
        return "ı" if vowel in _BACK else "i"
    if archiphoneme == "D":
        return ["d", "t"] if before in _VOICELESS else "d"
    return archiphoneme


@cache
def suffixes_after(base: str) -> frozenset[str]:
    """The folded suffix chains a folded ``base`` can take (a small set, cached per ending)."""
    vowels = [c for c in base if c in "aeiou"]
    last = base[-1]
    endings = set()
    if vowels:
        letters = _UNFOLDED_CONSONANTS.get(last, _UNFOLDED_VOWELS.get(last, last))
        endings = set(product(_UNFOLDED_VOWELS[vowels[-1]], letters))
    if not vowels or not set(base[-2:]) & set("aeiou"):
        endings.add(("e", "e"))  # read letter by letter: "be", "ce", "te" end in a vowel
    return _suffixes(frozenset(endings))


@cache
def _suffixes(endings: frozenset[tuple[str, str]]) -> frozenset[str]:
    found: set[str] = set()
    for (vowel, letter), chain in product(sorted(endings), _CHAINS):
        found |= {fold(spelling) for spelling in _realise(chain, vowel, letter)}
    return frozenset(found)


def name_splits(word: str) -> list[tuple[str, str]]:
    """The (base, suffix) readings of a folded word, longest base first: ``samsunda`` →
    ``[("samsun", "da")]`` (and any other base the grammar allows; whether a base is a name is
    for the caller to say)."""
    return [
        (word[:cut], word[cut:])
        for cut in range(len(word) - 1, MIN_NAME_LETTERS - 1, -1)
        if word[cut:] in suffixes_after(word[:cut])
    ]


def inflected_name(
    word: str,
    is_name: Callable[[str], bool],
    is_plain_word: Callable[[str, str], bool],
) -> str | None:
    """The name a folded query word inflects, or None. ``is_name`` says whether a folded word is
    an entity name in the index; ``is_plain_word(word, name)`` whether the index holds ``word``
    in an article that does not mention ``name`` (then it is an ordinary word: "vana")."""
    if is_name(word):
        return None
    for base, _ in name_splits(word):
        if is_name(base):
            return None if is_plain_word(word, base) else base
    return None
