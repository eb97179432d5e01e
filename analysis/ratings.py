"""Ratings customers write in an answer ("5/5", "2 stars", "10 из 10", "ставлю тройку", "五星好评") and their feeling.

The feeling models read "5/5" as no content and "1 звезда" as mildly positive: a rating is a number on a scale, not a
word they learnt. Rule 144 (twenty-eighth session) reports the feeling a rating gives, rule 146 none for a rating
wished for, rule 150 none for one that is not the customer's own (a size, stars taken off, others' ratings); written
from the ways people write ratings, not from rows.
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
_ZH_VERDICTS = re.compile(r"(?<![无没])(?<!没有)(?:好评|中评|差评)|满分")  # not a rating denied: "无差评" (rule 261)
_ZH_VERDICT_VALUES = {"好评": 5, "中评": 3, "差评": 1, "满分": 5}
_RATINGS = (_SLASHED, _OUT_OF, _GIVEN, _STARS, _ZH_STARS, _MARKS, _ZH_VERDICTS)


def rating(text: str) -> Feeling | None:
    """The feeling the ratings written in `text` give (on 5: 1-2 negative, 3 neutral, 4-5 positive; on 10: 1-4, 5-6,
    7-10); None when it holds none, only wished ones ("would be 5 stars if…"), or they disagree."""
    lower = text.casefold().replace("ё", "е")
    plain = [found for pattern in _RATINGS for found in pattern.finditer(lower) if _said_plainly(lower, found)]
    feelings = {feeling for found in plain if (feeling := _feeling_of(found)) is not None}
    return feelings.pop() if len(feelings) == 1 else None


def _feeling_of(found: re.Match[str]) -> Feeling | None:
    """The feeling one rating found by a pattern of _RATINGS gives."""
    if found.re is _ZH_VERDICTS:
        return _on_five(_ZH_VERDICT_VALUES[found.group()], 5)
    if found.re is _MARKS:
        return _on_five(_mark(found.group(1)), 5)
    if found.re is _GIVEN:
        value = int(found.group(1))
        return _on_five(float(value), 5 if value <= 5 else 10)
    if found.re in (_SLASHED, _OUT_OF):
        return _on_five(float(found.group(1).replace(",", ".")), int(found.group(2)))
    return _on_five(float(_COUNTS.get(found.group(1), found.group(1))), 5)  # stars


# A rating wished for or nearly given is no rating (rule 146): "would be 5 stars if…", "почти 10 из 10", "要不是物流慢就五星了".
_WISHED_IN_CLAUSE = re.compile(
    r"(?<!\w)(?:would (?:be|have been|'ve been)|could (?:be|have been|'ve been)|(?:was|were) going to|almost|nearly|if|"
    r"было бы|был бы|была бы|если бы|почти|(?:хотел|собирал)\w* поставить|поставил\w* бы)(?!\w)|本来|本想|想给|差点"
)
_WISHED_IN_SENTENCE = re.compile(r"要不是|如果|要是|(?<!\w)если бы(?!\w)")
# "0 stars if I could" is no condition but the lowest rating there is
_CONDITION_AFTER = re.compile(
    r"\s*[,，]?\s*(?:(?:if|если)(?!\w)(?!\s+(?:i could|i can|possible|бы можно|можно|бы могл\w*|бы мог))|如果|要是)"
)
_CLAUSE_END = re.compile(r"[.!?;,。！？；，\n]")
_SENTENCE_END = re.compile(r"[.!?;。！？；\n]")


# Not the customer's own rating (rule 150): a size ("i'm normally an 8/10", "m (8/10)"), stars taken off ("took off one
# star", "минус звезда", "扣一星"), others' ratings ("it was given 1 star", "по отзывам 3 звезды", "看评价都是五星").
_SIZE_BEFORE = re.compile(
    r"(?<!\w)(?:size|sizes|wear|wears|normally|usually|am|i'?m|typically)(?:\s+\S+){0,2}\s*$|"
    r"(?<!\w)(?:xxs|xs|s|m|l|xl|xxl|petite|small|medium|large)\s*\($"
)
_TAKEN_OFF_BEFORE = re.compile(
    r"(?<!\w)(?:off|minus|take away|took away|taking away|lose|lost|loses|knock|knocked|knocking|deduct\w*|минус|снял\w*|"
    r"сниму|снимаю|сбавил\w*|сбавлю)(?:\s+\w+)?\s*$|(?:扣|减|少给)了?\s*$"
)
_TAKEN_OFF_AFTER = re.compile(r"\s*(?:off(?!\w)|сня\w*|долой)")
_OTHERS_IN_CLAUSE = re.compile(
    r"(?<!\w)(?:was given|were given|reviews?|reviewers?|others|other people|people|everyone|по отзывам|в отзывах|"
    r"отзыв\w*)(?!\w)|评价|评论|别人|大家|有人"
)


def _said_plainly(lower: str, found: re.Match[str]) -> bool:
    """Whether a rating is the customer's own, given, not wished for: no wish or condition before it in its clause (or
    sentence, for the conditions that open one), no "if" right after it; not a size, stars taken off or others'."""
    clause = max((end.end() for end in _CLAUSE_END.finditer(lower, 0, found.start())), default=0)
    sentence = max((end.end() for end in _SENTENCE_END.finditer(lower, 0, found.start())), default=0)
    before = lower[clause : found.start()]
    stars = found.re in (_STARS, _ZH_STARS)
    return not (
        _WISHED_IN_CLAUSE.search(lower, clause, found.start())
        or _WISHED_IN_SENTENCE.search(lower, sentence, found.start())
        or _CONDITION_AFTER.match(lower, found.end())
        or (found.re is _SLASHED and _SIZE_BEFORE.search(lower, max(0, found.start() - 40), found.start()))
        or (stars and (_TAKEN_OFF_BEFORE.search(before) or _TAKEN_OFF_AFTER.match(lower, found.end())))
        or _OTHERS_IN_CLAUSE.search(before)
    )


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
