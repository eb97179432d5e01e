"""Russian written in Latin letters ("zakaz ne prishel uzhe 2 nedeli"), read as the Cyrillic it stands for."""

from __future__ import annotations

import re

# Words that only Russian written in Latin letters uses, in the spellings customers type. A text is taken for
# such Russian when at least two of its words are here and they outnumber its English function words.
_RUSSIAN_WORDS = frozenset(
    """ne vse vsyo vsio ochen uzhe tolko eshche esche eshe eto chto kak zakaz zakaza zakazal zakazala spasibo
    prishel prishla prishlo prishol prishli dostavka dostavku dostavki dostavili kuryer kurier kurer tovar
    khorosho horosho plokho ploho otlichno normalno rabotaet kachestvo bystro dolgo mne menya nichego pochemu
    kogda gde nado mozhno vernut vozvrat dengi slomalsya slomalos slomalas opozdal opozdali opyat tozhe poka
    seychas sejchas segodnya vchera nedeli nedelyu dnya dney chasa chasov rubley pokupka magazin zhdu zhdal zhdala
    prislali dovolen dovolna rekomenduyu sovetuyu kruto klass norm vkluchaetsya vklyuchaetsya rabotayet sdelali
    polnyy polnoe uzhas kosyak privezli razmer podoshel podoshla net nechego dobavit spisali dvazhdy dvazhdi
    oplata oplatil oplatila oplatu podderzhka otvechaet otvechayut otvetili nikto vernite razbili razbilos
    isporchen brak""".split()
)
_ENGLISH_WORDS = frozenset(
    "the and is are was were it this that not with for but very have has of to in on my you they would will can i "
    "at be so no just".split()
)
_WORD = re.compile(r"[a-z']+")
# Longest spellings first: "shch" before "sh" and "ch", "ya" before "y".
_LETTERS = (
    ("shch", "щ"),
    ("sch", "щ"),
    ("tsya", "тся"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("yo", "е"),
    ("ye", "е"),
    ("ju", "ю"),
    ("ja", "я"),
    ("iy", "ий"),
    ("yy", "ый"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("c", "ц"),
    ("y", "ы"),
    ("w", "в"),
    ("x", "кс"),
    ("q", "к"),
    ("'", "ь"),
)
# Frequent words whose soft sign or й the Latin spelling drops ("tolko" for только), matched at a word's start.
_WORDS = {
    "tolko": "только",
    "opyat": "опять",
    "dengi": "деньги",
    "kuryer": "курьер",
    "kurer": "курьер",
    "vkluch": "включ",
    "vklyuch": "включ",
    "seychas": "сейчас",
    "sejchas": "сейчас",
    "voobshche": "вообще",
    "voobshe": "вообще",
    "pochtoy": "почтой",
    "pozhaluysta": "пожалуйста",
    "dobavit": "добавить",
    "pojaluysta": "пожалуйста",
}
_SPELLING = re.compile(r"\b(?:" + "|".join(_WORDS) + ")|" + "|".join(latin for latin, _ in _LETTERS))
_CYRILLIC_OF = dict(_LETTERS) | _WORDS


def russian_in_latin(text: str) -> bool:
    """Whether an all-ASCII text is Russian typed in Latin letters ("vse super, spasibo")."""
    if not text.isascii():
        return False
    words = _WORD.findall(text.lower())
    russian = sum(word in _RUSSIAN_WORDS for word in words)
    return russian >= 2 and russian > sum(word in _ENGLISH_WORDS for word in words)


def in_cyrillic(text: str) -> str:
    """The text with Russian typed in Latin letters written in Cyrillic; any other text unchanged."""
    if not russian_in_latin(text):
        return text
    return _SPELLING.sub(lambda match: _CYRILLIC_OF[match.group(0)], text.lower())
