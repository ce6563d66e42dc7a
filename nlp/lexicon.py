"""Closed word lists of Turkish news about social services: titles, honorifics, head nouns.

Everything here is compared on a token's ``norm_`` (Turkish lower case, circumflex removed, see
``kupur.nlp.pipeline``), so the lists are written in lower case.
"""

from __future__ import annotations

from kupur.core.turkish import MONTH_NAMES, WEEKDAY_NAMES, turkish_lower

__all__ = [
    "CONNECTORS",
    "HONORIFICS",
    "INSTITUTION_WORDS",
    "MONTHS",
    "NON_NAME_WORDS",
    "ORG_HEADS",
    "ORG_INNER_HEADS",
    "PLACE_CUES",
    "PLACE_NOUNS",
    "PROJECT_HEADS",
    "PROJECT_PAIR_HEADS",
    "TITLES",
    "TITLE_FIRST_WORDS",
    "TITLE_RANKS",
    "head_form",
    "pair_head_form",
]

#: Title phrase (as token norms) → the bare title reported in ``Person.title``. Possessive forms
#: used after an institution ("Samsun Valisi") map to the bare title ("Vali"); multi-word titles
#: keep their own form ("İl Müdürü").
TITLES: dict[tuple[str, ...], str] = {}


def _titles(canonical: str, *forms: str) -> None:
    for form in (canonical, *forms):
        TITLES[tuple(turkish_lower(form).split())] = canonical


_titles("Bakan", "bakanı")
_titles("Bakan Yardımcısı", "bakan yardımcımız")
_titles("Cumhurbaşkanı")
_titles("Cumhurbaşkanı Yardımcısı")
_titles("Vali", "valisi", "valimiz")
_titles("Vali Yardımcısı", "vali yardımcımız")
_titles("Kaymakam", "kaymakamı", "kaymakamımız")
_titles("Belediye Başkanı", "belediye başkanımız")
_titles("Büyükşehir Belediye Başkanı")
_titles("Belediye Başkan Yardımcısı")
# The chair of a body's board is its president: "Ticaret Odası Yönetim Kurulu Başkanı" and
# "Ticaret Odası Başkanı" are the same person, reported with the same title.
_titles("Başkan", "başkanı", "başkanımız", "yönetim kurulu başkanı")
_titles("Başkan Yardımcısı")
_titles("Başkanvekili")
_titles("Genel Müdür", "genel müdürü", "genel müdürümüz")
_titles("Genel Müdür Yardımcısı")
_titles("Genel Sekreter", "genel sekreteri")
_titles("Genel Sekreter Yardımcısı")
_titles("Daire Başkanı")
_titles("Daire Başkan Yardımcısı")
_titles("İl Müdürü", "il müdürümüz")
_titles("İl Müdür Yardımcısı")
_titles("İlçe Müdürü")
_titles("Şube Müdürü")
_titles("Merkez Müdürü")
_titles("Müdür", "müdürü", "müdürümüz")
_titles("Müdür Yardımcısı")
_titles("Koordinatör", "koordinatörü")
_titles("Uzman", "uzmanı")
_titles("Sosyal Hizmet Uzmanı")
_titles("Sosyal Çalışmacı")
_titles("Psikolog", "uzman psikolog")
_titles("Muhabir", "muhabiri", "muhabirimiz")
_titles("Milletvekili", "milletvekilimiz")
_titles("Rektör", "rektörü")
_titles("Dekan", "dekanı")
_titles("Müftü", "müftüsü")
_titles("Muhtar", "muhtarı")
_titles("Öğretim Üyesi")
_titles("Öğretim Görevlisi")
_titles("Öğretmen", "öğretmeni")
_titles("Müsteşar", "müsteşarı")
_titles("Sözcü", "sözcüsü")
_titles("Bölge Müdürü")
_titles("Başhekim", "başhekimi")
_titles("Başhekim Yardımcısı")
_titles("Klinik Şefi")
_titles("Başsavcı", "başsavcısı")
_titles("Büyükelçi", "büyükelçisi")
_titles("Başkonsolos", "başkonsolosu")
_titles("Genel Başkan", "genel başkanı")
_titles("İl Başkanı")
_titles("İlçe Başkanı")
# Convention: the head of a branch is a "Şube Başkanı" (as a "Şube Müdürü" or an "İl Başkanı"),
# not the body's "Başkan"; a parliamentary group's officers keep "Grup" in their title.
_titles("Şube Başkanı")
_titles("Grup Başkanı")
_titles("Grup Başkanvekili")
_titles("Teknik Direktör", "teknik direktörü")
_titles("Komutan", "komutanı")

#: A word in the institution before "Müdürü"/"Başkanı" that ranks the bare title: "Samsun İl
#: Milli Eğitim Müdürü" is an "İl Müdürü", "DSİ 7. Bölge Müdürü" a "Bölge Müdürü", "Çevre
#: Koruma Dairesi Başkanı" a "Daire Başkanı". The nearest such word to the title counts.
TITLE_RANKS: dict[tuple[str, str], str] = {
    ("Müdür", "il"): "İl Müdürü",
    ("Müdür", "ilçe"): "İlçe Müdürü",
    ("Müdür", "bölge"): "Bölge Müdürü",
    ("Başkan", "dairesi"): "Daire Başkanı",
}

#: First words of titles, for a quick check before trying the full phrases.
TITLE_FIRST_WORDS = frozenset(key[0] for key in TITLES)

#: Honorifics dropped from a person's name, as token norms without their dot (spaCy's Turkish
#: tokenizer exceptions give "Dr." the norm "doktor" and split "Öğr." into "Öğr" and ".").
HONORIFICS = frozenset(
    {
        "dr",
        "prof",
        "doç",
        "av",
        "uzm",
        "op",
        "yrd",
        "öğr",
        "gör",
        "arş",
        "sayın",
        "dt",
        "ecz",
        "doktor",
        "profesör",
        "doçent",
        "avukat",
        "operatör",
        "hafız",
        # Military and police ranks come before a name like an honorific ("Kara Kuvvetleri
        # Komutanı Orgeneral Selçuk Bayraktar"): a rank is not a given name, nor a title.
        "mareşal",
        "orgeneral",
        "korgeneral",
        "tümgeneral",
        "tuğgeneral",
        "oramiral",
        "koramiral",
        "tümamiral",
        "tuğamiral",
        "albay",
        "yarbay",
        "binbaşı",
        "yüzbaşı",
        "üsteğmen",
        "teğmen",
        "asteğmen",
        "astsubay",
        "başçavuş",
    }
)

#: Organisation head nouns: the stem a token's norm starts with → the nominative form used in the
#: canonical name. A possessive vowel must follow the stem, so "Bakanlığına", "Müdürlüğünce" and
#: "Belediyesinin" all resolve while the bare "Bakanlık" (a generic reference) does not.
ORG_HEADS: dict[str, str] = {
    "bakanlığ": "Bakanlığı",
    "müdürlüğ": "Müdürlüğü",
    "valiliğ": "Valiliği",
    "kaymakamlığ": "Kaymakamlığı",
    "belediyes": "Belediyesi",
    "başkanlığ": "Başkanlığı",
    "vakf": "Vakfı",
    "derneğ": "Derneği",
    "ajans": "Ajansı",
    "üniversites": "Üniversitesi",
    "kurul": "Kurulu",
    "kurum": "Kurumu",
    "merkez": "Merkezi",
    "federasyon": "Federasyonu",
    "konfederasyon": "Konfederasyonu",
    "birliğ": "Birliği",
    "odas": "Odası",
    "fakültes": "Fakültesi",
    "hastanes": "Hastanesi",
    "kooperatif": "Kooperatifi",
    "enstitüs": "Enstitüsü",
    "komisyon": "Komisyonu",
    "meclis": "Meclisi",
    "sendikas": "Sendikası",
    "platform": "Platformu",
    "akademis": "Akademisi",
    "konsey": "Konseyi",
    "huzurev": "Huzurevi",
    "konukev": "Konukevi",
    "borsas": "Borsası",
    "itfaiyes": "İtfaiyesi",
    "cemiyet": "Cemiyeti",
    "müftülüğ": "Müftülüğü",
    "rektörlüğ": "Rektörlüğü",
    "komutanlığ": "Komutanlığı",
    "bankas": "Bankası",
    "teşkilat": "Teşkilatı",
    "idares": "İdaresi",
    # Parties, clubs, courts, international bodies, bars and prosecutors' offices.
    "partis": "Partisi",
    "kulüb": "Kulübü",
    "mahkemes": "Mahkemesi",
    "örgüt": "Örgütü",
    "başsavcılığ": "Başsavcılığı",
    "savcılığ": "Savcılığı",
    "baros": "Barosu",
    "komites": "Komitesi",
    "delegasyon": "Delegasyonu",
    "fon": "Fonu",
}

#: Heads after which a name may go on to a unit of that body ("Tekirdağ Büyükşehir Belediyesi
#: Meclisi", "Eskişehir Osmangazi Üniversitesi Hastanesi", "Toplu Konut İdaresi Başkanlığı"):
#: written bare and followed by more capitalised words ending in a head, they are one name.
ORG_INNER_HEADS = frozenset(
    {
        "Belediyesi",
        "Üniversitesi",
        "İdaresi",
        "Huzurevi",
        # Bodies whose centres, committees and delegations are named after them: "Diyarbakır
        # Barosu Kadın Hakları Merkezi", "Hak-İş Konfederasyonu Kadın Komitesi", "Avrupa
        # Birliği Türkiye Delegasyonu".
        "Barosu",
        "Konfederasyonu",
        "Federasyonu",
        "Birliği",
        "Sendikası",
        "Odası",
    }
)

#: Project head nouns, same convention as ``ORG_HEADS``; these may be written in lower case
#: after the name ("Siroma projesi").
PROJECT_HEADS: dict[str, str] = {
    "projes": "Projesi",
    "program": "Programı",
    "uygulamas": "Uygulaması",
    "model": "Modeli",
    "kampanyas": "Kampanyası",
    "seferberliğ": "Seferberliği",
    "hamles": "Hamlesi",
}

#: Two-word project heads: the word before the head noun → the canonical pair.
PROJECT_PAIR_HEADS: dict[tuple[str, str], str] = {
    ("eylem", "plan"): "Eylem Planı",
    ("strateji", "belges"): "Strateji Belgesi",
    ("destek", "paket"): "Destek Paketi",
}

_POSSESSIVE_VOWELS = frozenset("ıiuü")
#: Answers of ``head_form`` per head table: the same words recur in every article.
_HEAD_CACHE: dict[int, dict[str, str | None]] = {}


def pair_head_form(previous: str, norm: str) -> str | None:
    """The canonical two-word head if ``previous`` + ``norm`` is one ("Eylem Planı'nın")."""
    for (first, stem), canonical in PROJECT_PAIR_HEADS.items():
        if previous == first and head_form(norm, {stem: canonical}):
            return canonical
    return None


def head_form(norm: str, heads: dict[str, str]) -> str | None:
    """The canonical head noun if ``norm`` is an inflected form of one of ``heads``.

    "müdürlüğünce" → "Müdürlüğü"; "bakanlık" → None (no possessive vowel); "merkezde" → None.
    """
    cache = _HEAD_CACHE.setdefault(id(heads), {})
    if norm in cache:
        return cache[norm]
    found = None
    for stem, canonical in heads.items():
        if not norm.startswith(stem) or len(norm) == len(stem):
            continue
        rest = norm[len(stem) :]
        if rest[0] in _POSSESSIVE_VOWELS and len(rest) <= 9:
            found = canonical
            break
    if len(cache) < 100_000:
        cache[norm] = found
    return found


#: Words that join the parts of an organisation or project name.
CONNECTORS = frozenset({"ve", "ile", "için", "&", "-"})

#: Capitalised words that may open a sentence and still belong to an institution's name; other
#: sentence-initial capitalised words ("Toplantıya", "Bu") are not taken into a name.
INSTITUTION_WORDS = frozenset(
    [
        "aile",
        "sosyal",
        "hizmet",
        "hizmetler",
        "hizmetleri",
        "çocuk",
        "çocuklar",
        "kadın",
        "kadının",
        "engelli",
        "yaşlı",
        "gençlik",
        "spor",
        "sağlık",
        "eğitim",
        "millî",
        "milli",
        "iç",
        "içişleri",
        "çalışma",
        "türkiye",
        "türk",
        "cumhurbaşkanlığı",
        "büyükşehir",
        "il",
        "ilçe",
        "genel",
        "bölge",
        "orta",
        "doğu",
        "batı",
        "kuzey",
        "güney",
        "karadeniz",
        "akdeniz",
        "ege",
        "marmara",
        "anadolu",
        "iş",
        "kalkınma",
        "yardımlaşma",
        "dayanışma",
        "vakıf",
        "üniversite",
        "devlet",
        "halk",
        "gençlik",
        "yardım",
        "koruma",
        "destek",
        "rehabilitasyon",
        "bakım",
        "sevgi",
        "evleri",
        "şehit",
        "gaziler",
        "ulusal",
        "uluslararası",
        "birleşmiş",
        "milletler",
        "avrupa",
        "kızılay",
        "afet",
        "acil",
        "istihdam",
        "sivil",
        "toplum",
        "sanayi",
        "ticaret",
        "tarım",
        "muhtarlar",
        "esnaf",
        "sanatkarlar",
        "özel",
        "idare",
        "yatırım",
        "izleme",
        "koordinasyon",
        "diyanet",
        "işleri",
        "yönetim",
        "dünya",
        "ağır",
        "ceza",
        "asliye",
        "anayasa",
        "cumhuriyet",
    ]
)

#: Turkish month names (lower case) and their numbers.
MONTHS = {turkish_lower(name): number for number, name in enumerate(MONTH_NAMES, start=1)}

#: Capitalised words that are never part of a person's name even when capitalised.
NON_NAME_WORDS = frozenset(
    [
        "bu",
        "şu",
        "o",
        "bir",
        "ve",
        "ile",
        "için",
        "da",
        "de",
        "ki",
        "ama",
        "fakat",
        "ayrıca",
        "ancak",
        "her",
        "tüm",
        "bütün",
        "bakanlık",
        "müdürlük",
        "valilik",
        "kaymakamlık",
        "belediye",
        "vakıf",
        "dernek",
        "proje",
        "projesi",
        "program",
        "programı",
        "türkiye",
        "cumhuriyeti",
        *MONTHS,
        *(turkish_lower(day) for day in WEEKDAY_NAMES),
        "il",
        "ilçe",
        "genel",
        "sosyal",
        "aile",
        "hizmet",
        "hizmetler",
        "merkez",
        "merkezi",
        "daire",
        "başkanlığı",
        "kurum",
        "kurulu",
        "yılı",
        "haber",
        "foto",
        "video",
        "kaynak",
    ]
)

#: Nouns that make a preceding name a street, neighbourhood or building named after a person
#: ("Yıldırım Beyazıt Mahallesi", "Fatih Sultan Mehmet Bulvarı").
PLACE_NOUNS = frozenset(
    [
        "mahallesi",
        "caddesi",
        "sokağı",
        "sokak",
        "bulvarı",
        "köyü",
        "parkı",
        "camii",
        "okulu",
        "lisesi",
        "ortaokulu",
        "ilkokulu",
        "hastanesi",
        "köprüsü",
        "meydanı",
        "stadyumu",
        "kütüphanesi",
        "salonu",
        "yurdu",
        "sitesi",
    ]
)

#: Words right after a district that show the district (not a homonym) is meant.
PLACE_CUES = frozenset(
    {
        "ilçesi",
        "ilçesinde",
        "ilçesinin",
        "ilçesine",
        "ilçesindeki",
        "ilçemiz",
        "ilçemizde",
        "ilçe",
        "kaymakamı",
        "kaymakamlığı",
        "belediyesi",
        "belediye",
        "kaymakamlığınca",
        "belediyesinin",
        "belediyesince",
        "sosyal",
        "sydv",
        "shm",
        "devlet",
        "ilçeleri",
        "ilçelerinde",
        "ilçelerindeki",
        "ilçelerine",
        "ilçelerinin",
    }
)
