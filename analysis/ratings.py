"""Ratings customers write in an answer ("5/5", "2 stars", "10 из 10", "ставлю тройку", "五星好评") and their feeling.

The feeling models read "5/5" as no content and "1 звезда" as mildly positive: a rating is a number on a scale, not a
word they learnt. Rule 144 (twenty-eighth session) reports the feeling a rating gives; written from the ways people
write ratings, not from rows.
"""

from __future__ import annotations

import re

from surveys.reading import Feeling

_COUNTS = {
    **dict.fromkeys(("zero",), 0),
    **dict.fromkeys(("one", "один", "одна", "одну", "一"), 1),
    **dict.fromkeys(("two", "две", "два", "二", "两"), 2),
    **dict.fromkeys(("three", "три", "三"), 3),
    **dict.fromkeys(("four", "четыре", "四"), 4),
    **dict.fromkeys(("five", "пять", "五"), 5),
}
# What may follow a rating: the end, punctuation, "stars", "would…", "from me", "for the quality", "за качество", not a
# thing counted ("4 out of 5 plates arrived broken" counts plates).
_AFTER = r"(?=\s*(?:$|[.,!;:)\-–—/+]|\s(?:stars?|would|overall|from|for|again|зв\w*|за|от|балл\w*|и|and|but|но)(?!\w))|\s*[^\w\s])"
# "5/5" (not a date: "5/10/2024"); "4 out of 5", "4 из 5" only where no counted thing follows
_SLASHED = re.compile(r"(?<![\w./#№-])(\d{1,2}(?:[.,]5)?)\s*/\s*(5|10)(?![\w/]|[.,]\d)")
_OUT_OF = re.compile(r"(?<![\w./#№-])(\d{1,2}(?:[.,]5)?)\s*(?:out of|из)\s*(5|10)(?!\w|[.,]\d)" + _AFTER)
# "ставлю 5", "rate it 8": out of 5 up to 5, else out of 10
_GIVEN = re.compile(
    r"(?<!\w)(?:ставлю|поставлю|ставим|оценка|оцениваю на|rate it|rated it|rating|i'?d give it|give it|gave it)\s*:?\s*"
    r"(\d{1,2})(?!\s*(?:/|из|out of)|\w|[.,]\d)" + _AFTER
)
_STARS = re.compile(
    r"(?<![\w.#№])([0-5]|zero|one|two|three|four|five|один|одна|одну|две|два|три|четыре|пять)\s*(?:stars?|зв[её]зд\w*)(?!\w)"
)
_ZH_STARS = re.compile(r"([一二两三四五1-5])\s*颗?星(?!期)")
_MARKS = re.compile(r"(?<!\w)(единиц|двойк|тройк|троечк|четв[её]рк|четв[её]рочк|пят[её]рк|пят[её]рочк)\w*")
_MARK_VALUES = {"единиц": 1, "двойк": 2, "тройк": 3, "троечк": 3}
_ZH_VERDICTS = re.compile(r"好评|中评|差评|满分")
_ZH_VERDICT_VALUES = {"好评": 5, "中评": 3, "差评": 1, "满分": 5}


def rating(text: str) -> Feeling | None:
    """The feeling the ratings written in `text` give (on 5: 1-2 negative, 3 neutral, 4-5 positive; on 10: 1-4, 5-6,
    7-10); None when it holds none or they disagree."""
    lower = text.casefold()
    pairs = _SLASHED.findall(lower) + _OUT_OF.findall(lower)
    found = [_on_five(float(value.replace(",", ".")), int(scale)) for value, scale in pairs]
    found += [_on_five(float(value), 5 if int(value) <= 5 else 10) for value in _GIVEN.findall(lower)]
    found += [_on_five(float(_COUNTS.get(count, count)), 5) for count in _STARS.findall(lower)]
    found += [_on_five(float(_COUNTS.get(count, count)), 5) for count in _ZH_STARS.findall(lower)]
    found += [_on_five(_mark(mark), 5) for mark in _MARKS.findall(lower.replace("ё", "е"))]
    found += [_on_five(_ZH_VERDICT_VALUES[verdict], 5) for verdict in _ZH_VERDICTS.findall(lower)]
    feelings = {feeling for feeling in found if feeling is not None}
    return feelings.pop() if len(feelings) == 1 else None


def _mark(mark: str) -> float:
    """The school mark a Russian word names: единица 1 … пятёрка 5."""
    return float(_MARK_VALUES.get(mark, 4 if mark.startswith("четв") else 5))


def _on_five(value: float, scale: int) -> Feeling | None:
    """The feeling of `value` out of `scale` (5 or 10); None for a value off the scale ("12/10" is a date or a joke)."""
    if value > scale:
        return None
    low, high = (2, 4) if scale == 5 else (4, 7)
    if value <= low:
        return Feeling.NEGATIVE
    return Feeling.POSITIVE if value >= high else Feeling.NEUTRAL
