"""Detect the language of a free-text answer and score its sentiment with the scorer for that language."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Protocol

from analysis.cues import holds
from analysis.ratings import rating
from analysis.trained import NEUTRAL_BAND, SENTENCES_FROM, TrainedScorer, sentences_of
from surveys.reading import Feeling, Score

__all__ = ["Feeling", "Score", "detect_language", "feeling_of", "register_scorer", "score_text"]

UNDETERMINED = "und"

# Handles and links say nothing about the writer's language and are often Latin inside Russian or
# Chinese text, so they are removed before counting scripts.
_NOISE = re.compile(r"(?:https?://|www\.)\S+|@\w+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_WORD = re.compile(r"[a-zà-ÿœß']+")

# One Han character carries about as much as a short Latin word, so Han counts more per character:
# "iPhone很好用" is Chinese. Cyrillic counts double because Russian feedback often names brands,
# models and hashtags in Latin letters ("Не ловит lte на iphone 5s").
_HAN_WEIGHT = 4
_CYRILLIC_WEIGHT = 2
# Kaomoji borrow katakana ("ヽ(*з｀*)ノ") and Chinese shoppers write の for 的, so a little kana among
# Chinese characters is still Chinese; Japanese sentences are a third or more kana.
_JAPANESE_KANA_SHARE = 0.25

# Frequent function words that are not English words. A Latin-script text is called another language
# only when at least two of its words are such words and they outnumber the English function words,
# so a short English answer with a French brand name stays English.
_FUNCTION_WORDS = {
    "en": frozenset(
        "the and is are was were it this that not with for but very have has of to in on my you they "
        "would will can i at be so no just".split()
    ),
    "de": frozenset("und der das ist nicht ich sehr mit ein eine auch aber sind wir sie für".split()),
    "fr": frozenset("le la les est et pas très je un une des du avec pour mais ce que sont c'est".split()),
    "es": frozenset("el los las es y muy pero con para una del que por lo está se".split()),
    "pt": frozenset("os é não muito com para uma um da que mas está são por".split()),
    "it": frozenset("il gli è molto con una della che ma sono".split()),
    "nl": frozenset("het een niet ik zeer voor maar zijn ook wij dit dat".split()),
}


# The same lists by word: one look-up per word instead of one per word and language.
_LANGUAGES_OF_WORD: dict[str, tuple[str, ...]] = {}
for _language, _words in _FUNCTION_WORDS.items():
    for _word in _words:
        _LANGUAGES_OF_WORD[_word] = (*_LANGUAGES_OF_WORD.get(_word, ()), _language)


def detect_language(text: str) -> str:
    """Return the language of `text` judged by its script: 'en', 'ru', 'zh', ... or 'und' without letters."""
    text = _NOISE.sub(" ", text)
    if text.isascii():  # most English answers: no other script to count, and a fifth of the time of counting
        return _latin_language(text) if _LATIN.search(text) else UNDETERMINED
    han = len(_HAN.findall(text))
    kana = len(_KANA.findall(text))
    hangul = len(_HANGUL.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if not (han or kana or hangul or cyrillic or latin):
        return UNDETERMINED
    cjk = (han + kana) * _HAN_WEIGHT
    if hangul >= max(cjk, cyrillic, latin):
        return "ko"
    if cjk and cjk >= max(cyrillic * _CYRILLIC_WEIGHT, latin):
        return "ja" if kana >= _JAPANESE_KANA_SHARE * (kana + han) else "zh"
    if cyrillic * _CYRILLIC_WEIGHT >= latin:
        return _cyrillic_language(text)
    return _latin_language(text)


def _cyrillic_language(text: str) -> str:
    """Tell Ukrainian apart by its own letters; a Ukrainian hashtag in a Russian tweet stays 'ru'."""
    ukrainian = len(_UKRAINIAN_ONLY.findall(text))
    return "uk" if ukrainian >= 2 and ukrainian > len(_RUSSIAN_ONLY.findall(text)) else "ru"


def _latin_language(text: str) -> str:
    """Tell an obviously non-English Latin-script text apart by its function words; otherwise 'en'."""
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in _WORD.findall(text.lower()):
        for language in _LANGUAGES_OF_WORD.get(word, ()):
            counts[language] += 1
    english = counts.pop("en")
    language, hits = max(counts.items(), key=lambda item: item[1])
    return language if hits >= 2 and hits > english else "en"


class Scorer(Protocol):
    """Scores texts of one language: (polarity −1…1, subjectivity 0…1 or None), or None if it cannot."""

    name: str

    def score(self, text: str) -> tuple[float, float | None] | None: ...


# Each language has a three-way model trained on labelled texts (benchmarks/train_sentiment.py), loaded on
# first use; English also reads VADER's lexicon scores. Any other language stays "not scored".
SCORERS: dict[str, Scorer] = {language: TrainedScorer(language) for language in ("en", "ru", "zh")}


def register_scorer(language: str, scorer: Scorer) -> None:
    """Score texts detected as `language` with `scorer` from now on, replacing any earlier one."""
    SCORERS[language] = scorer


NO_CONTENT_SCORER = "no-content"
EMOJI_SCORER = "emoji"

# Answers that say there is nothing to say, after _plain(): lower case, ё→е, punctuation and spaces
# collapsed. Matched whole, so "no, it never came" is read, not dropped.
_NO_CONTENT = frozenset(
    phrase.strip()
    for phrase in """
    no|nope|nop|nothig|ноуп|nah|none|nothing|nothing else|nothing to add|nothing more|nothing more to add|nothing to say|
    nothing really|not really|no comment|no comments|no thanks|no thank you|n a|na|nil|nothing at all|
    all said|nothing further|no nothing|idk|dunno|i don t know|don t know|no idea|not sure|pass|skip|
    nothin|nothign|nothing too add|no coment|nothing to ad|nothing more to say|no that s all|that s all|
    none at all|that is all|
    нет|неа|не|ничего|нечего|нечего добавить|добавить нечего|ничего не добавлю|мне нечего добавить|дополнений нет|нет дополнений|
    ничего добавить|нечего сказать|без комментариев|нет комментариев|ничего нет|нет ничего|не знаю|
    пропустить|пропуск|больше нечего сказать|больше нечего добавить|больше ничего|нечиго добавить|нечего добовить|ниче|нету|все сказал|все сказала|все|
    没有|无|暂时没有|没了|没有了|没有要补充的|没有了|没什么|没什么要补充的|没有补充|无补充|暂无|暂无补充|没意见|
    没有意见|不知道|没|没有什么|没有什么要说的|没啥|没啥说的|无可补充|略|跳过|暂时没有要补充的|
    no suggestions|no feedback|nothing else to add|none thanks|nothing comes to mind|can t think of anything|
    no further comments|nothing further to add|no additional comments|not at the moment|not right now|
    nothing for now|no more|nothing else|no other comments|
    ничего не хочу добавить|пока нечего сказать|пока ничего|нет замечаний|замечаний нет|нет пожеланий|
    пожеланий нет|вопросов нет|нет вопросов|комментариев нет|ничего не могу добавить|да нет|ничего больше|
    больше ничего не нужно|нет ничего добавить|хз|
    没有了谢谢|没啥要说的|没什么好说的|无意见|没有建议|暂无意见|暂无建议|没有其他|没有别的|就这样|没什么补充的|
    没有其他要说的|没有什么要补充的|不用了|没有其他意见|没其他的|都行|
    nah i m good|no that s it|i m good|im good|nothing else thanks|that s it|nope that s it|no not really|
    вроде нет|пожалуй нет|наверное нет|нет вроде|нет наверное|нет все|все спасибо|да вроде нет|
    没了谢谢|无了|暂时没了|暂时无|目前没有|没有什么了|没有更多|无其他补充|没有其他补充|没啥补充|没事|不需要|不用|嗯没有|
    already said|all covered|all covered already|covered above|covered it all|not that i can think of|
    not that i know of|i don t have any comments|next|not at this time|nothing else for now|
    то же самое|тоже самое|аналогично|без понятия|н д|не знаю что написать|не знаю что сказать|не знаю что добавить|
    同前|见上|见上面|同上面|和上面一样|跟上面一样|说不好|不好说|无话可说|木有|米有|嗯|嗯嗯|没有其他问题|
    hmm|hmmm|hm|same as before|same as above|as before|not applicable|not today|can t think of any|cant think of any|
    not at this stage|that s everything|i think that s everything|that s all from me|that about covers it|
    that covers it|no that covers it|i m all set|all set|not that i can think of right now|not bothered|
    don t want to answer|don t want to answer this|dont want to answer|do not want to answer|don t wanna answer|
    rather not answer|don t want to say|don t want to comment|all said already|said it all|said everything|
    н а|пусто|все в оценке|все в звездах|
    that s about it|that s about it from me|that s about all|
    i ve said all i wanted to|said all i wanted|i ve said all i wanted|said all i wanted to say|
    same as i said before|as i said before|like i said before|as i said|like i said|
    i m fine|im fine|i am fine|i am good|как то так|done|thats all|thats it|не надо|не нужно|all done|i m done|nothng|н|
    hard to say|difficult to say|сложно сказать|трудно сказать|не сейчас|not now|не а|no questions|asdf|test|тест|
    потом|прочерк|лень|лень писать|nechego|nechego dobavit|net|ответ дам позже|поставлю оценку|просто поставлю оценку|
    давайте в другой раз|в другой раз|空|随便|n a for me|meiyou|mei you|meiyou le|mei you le|meiyoule|
    thats all from me|thats it from me|that s it from me|i ll let you know if something comes up|i ll let you know if anything comes up|k|kk|
    will let you know if anything comes up|можно не отвечать|можно пропустить|ne znayu|ne znaju|ничео|незнаю|
    leave it|не в курсе|давайте без этого|thats everything from me|that s everything from me|вы уже спрашивали|нит|
    """.split("|")  # noqa: SIM905 -- one phrase per |, easier to extend than a list literal
    if phrase.strip()
)
# A text this long holds more than a "nothing to add", whatever punctuation and spaces pad it: four times a long
# decline ("not that i can think of right now") and 40. Fixed, not the longest phrase's: every character more sends
# longer answers through the decline checks, which English speed cannot spare.
_NO_CONTENT_CHARS = 172
# Nor one of this many words: the longest labelled decline has 11 ("honestly can't think of a single thing to add here").
_DECLINE_MOST_WORDS = 16
# Emoji that show a feeling by themselves; any other emoji is read as neutral.
_EMOJI_POLARITY = {
    **dict.fromkeys("👍👌👏🙏❤💖💕💯🔥⭐🌟✨🎉🥰😍😊😀😃😄😁🙂☺😉🤩🥳💪✅🤗😘💗💓💚💙💜🧡", 1.0),
    **dict.fromkeys("👎😡😠🤬😤😞😟😢😭😩😫🙁☹😒😣😖💩🤮🤢😱😰😨❌🚫💔😕😔🥺", -1.0),
    **dict.fromkeys("🚀", 1.0),  # fast; and slow, eye-rolling, a clown, a facepalm (rule 144)
    **dict.fromkeys("🐢🐌🙄🤡🤦", -1.0),
}
# A shrug (with its gender signs), a zipped or missing mouth say "no idea" or "no comment": no content, where other
# emoji without a feeling read neutral.
_SHRUG = frozenset("🤷♀♂🤐😶🙅")
_TOKEN_SPLIT = re.compile(r"[\W_]+")


def _plain(text: str) -> str:
    """Lower-case `text`, drop control and punctuation characters and collapse spaces, for phrase matching."""
    text = text.replace("¯\\_(ツ)_/¯", " ")  # the shrug typed in characters: its ツ is a letter, not a word
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е").replace("'", " ").replace("’", " ")
    words = _TOKEN_SPLIT.sub(" ", text).split()
    mixed = _CYRILLIC.search(text) and _LATIN.search(text)  # most texts are in one script: skip the words then
    return " ".join(map(_one_script, words) if mixed else words)


# Latin letters typed inside a Cyrillic word look the same ("nет", "Hет" with a Latin n or H): read as Cyrillic.
_CYRILLIC_LOOKALIKES = str.maketrans("aceopxykmthbn", "асеорхукмтнвн")


def _one_script(word: str) -> str:
    """`word` with its Latin look-alikes written in Cyrillic when it mixes the two scripts, else unchanged."""
    if _CYRILLIC.search(word) and _LATIN.search(word):  # the script patterns language detection counts with
        return word.translate(_CYRILLIC_LOOKALIKES)
    return word


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So" or char in _EMOJI_POLARITY


def feeling_of(polarity: float) -> Feeling:
    """The feeling a polarity shows: neutral within NEUTRAL_BAND of 0, else its sign."""
    if abs(polarity) < NEUTRAL_BAND:
        return Feeling.NEUTRAL
    return Feeling.POSITIVE if polarity > 0 else Feeling.NEGATIVE


def _without_content(text: str, language: str, scorers: Mapping[str, Scorer]) -> Score | None:
    """A Score for a text with nothing to read (no words, a "nothing to add", only emoji), else None."""
    cleaned = _NOISE.sub(" ", text)
    if _LETTERS.search(cleaned):
        if _is_decline(cleaned) or _is_signed_decline(cleaned, scorers.get(language)):
            return _approved(cleaned, language) or Score(language, 0.0, None, NO_CONTENT_SCORER, Feeling.NONE)
        return None
    emoji = [char for char in cleaned if _is_emoji(char)]
    if emoji and all(char in _SHRUG for char in emoji):  # "🤷‍♀️": no idea, nothing to say
        return Score(language, 0.0, None, NO_CONTENT_SCORER, Feeling.NONE)
    if emoji:
        polarity = max(-1.0, min(1.0, sum(_EMOJI_POLARITY.get(char, 0.0) for char in emoji) / len(emoji)))
        return Score(language, polarity, None, EMOJI_SCORER, feeling_of(polarity))
    # Empty, whitespace, control characters, a link, an order number, "-": nothing the customer said.
    return Score(language, 0.0, None, NO_CONTENT_SCORER, Feeling.NONE)


def _is_decline(cleaned: str) -> bool:
    """Whether a text with letters (links and handles dropped) only declines to comment, however politely."""
    if len(cleaned) > _NO_CONTENT_CHARS:  # longer than any "nothing to add" however spaced: read it
        return False
    plain = _plain(cleaned)
    return _plain_declines(plain, _unthanked(plain), own_use=True)


# "ничего так" (not bad) is a verdict, however like "ничего" (nothing) it starts.
_NOT_BAD_VERDICT = re.compile(r"(?<!\S)ничего так(?!\S)")
# "(поддержка так и) не ответила" tells of an answer that never came, though "ответила" alone declines ("уже ответила").
_NO_ANSWER_CAME = re.compile(r"(?<!\S)не (?:ответ|отвеча)(?:ил|ила|или|ит|ят|ает|ают|ал|ала|али)(?!\S)")


def _plain_declines(plain: str, unthanked: str, own_use: bool = False) -> bool:
    """Whether `plain` (already _plain(); `unthanked` is _unthanked() of it) only declines, however politely; with
    `own_use`, also when it only says what the customer did not do ("возврат не делала", "didn't return anything")."""
    if plain.count(" ") >= _DECLINE_MOST_WORDS or _NOT_BAD_VERDICT.search(plain) or _NO_ANSWER_CAME.search(plain):
        return False  # too long, "ничего так", "не ответили": read it
    unframed = _unframed(unthanked)
    rest, unused = _without_the_part(unframed)
    if own_use and unused and _only_fillers(rest):
        return True
    unthanked = rest or unframed
    return (
        plain in _NO_CONTENT
        or unthanked in _NO_CONTENT
        or _HELD_LETTER.sub(r"\1", unthanked) in _NO_CONTENT_HELD
        or _ZH_PARTICLES.sub("", unthanked) in _NO_CONTENT
        or _declines(unthanked)
    )


def _unframed(unthanked: str) -> str:
    """`unthanked` without a greeting, a sign-off or an "I'm good" around it ("Dear team, nothing to add. Regards")."""
    unthanked = _SIGN_OFF.sub("", _GREETING.sub("", unthanked)) or unthanked
    return _NO_NEED.sub("", unthanked) or unthanked


def _only_fillers(rest: str) -> bool:
    """Whether what is left of an answer holds nothing but fillers ("так что", "pls", "呢"), or nothing."""
    if _HAN.search(rest):
        joined = _ZH_PARTICLES.sub("", "".join(rest.split()))
        return not joined or _ZH_FILLERS.fullmatch(joined) is not None
    return all(word in _FILLER_WORDS for word in rest.split())


def _unthanked(plain: str) -> str:
    """`plain` (already _plain()) without its thanks and wishes, "nothing bad, nothing good" read as "nothing"."""
    return _HAN_GAP.sub("", " ".join(_THANKS.sub(" ", _NEITHER.sub("nothing", plain)).split()))


# "nothing bad, nothing good", "ни плохого, ни хорошего сказать не могу": no verdict either way, so nothing.
_NEITHER = re.compile(
    r"nothing (?:bad|good) (?:and |or )?nothing (?:good|bad)|neither good nor bad|没有好的也没有(?:坏|不好)的|ни (?:плохого|хорошего) ни (?:хорошего|плохого)|"
    r"ничего (?:плохого|хорошего) (?:и |или )?ничего (?:хорошего|плохого)|没(?:啥|什么)好(?:说)?的也没(?:啥|什么)(?:坏|不好)(?:说)?的|没好也没坏|"
    r"没有?(?:什么|啥)?好的也没有?(?:什么|啥)?(?:坏|不好)的"
)
# A decline signed with a name ("Нет. Сергей", "Всё, спасибо. Анна", "no thanks - Tom"): a capitalised last word; or
# opened with one, after a hello or alone ("Анна. С поддержкой не общалась.", "Здравствуйте, Ольга. По возврату ничего").
# A name alone reads near 0, though the models know some names' letters ("Анна" −0.28); a verdict reads past this.
_A_VERDICT = 0.5
_SIGNED = re.compile(r"[.,!\-–—]\s*([A-ZА-ЯЁ][a-zа-яё]+)\s*[.!]?\s*$")
_NAMED_FIRST = re.compile(
    r"^\W*(?:(?i:здравствуйте|здрасте|здрасьте|добрый (?:день|вечер)|привет|с уважением|hello|hi|hey|dear)\W+)?"
    r"([A-ZА-ЯЁ][a-zа-яё]+)\s*[.,!:]\s*"
)


def _is_signed_decline(cleaned: str, scorer: Scorer | None) -> bool:
    """Whether `cleaned` is a decline followed or opened by a name: a word that reads as no feeling to `scorer`."""
    if len(cleaned) > _NO_CONTENT_CHARS:
        return False
    signed = _SIGNED.search(cleaned)
    if signed is not None and _is_decline(cleaned[: signed.start()]):
        name = signed.group(1)
    else:
        named = _NAMED_FIRST.match(cleaned)
        if named is None or not cleaned[named.end() :].strip() or not _is_decline(cleaned[named.end() :]):
            return False
        name = named.group(1)
    reading = scorer.score(name) if scorer is not None else None
    return reading is None or abs(reading[0]) < _A_VERDICT  # "No. Perfect": a verdict, not a name


# An answer that opens with a decline and goes on ("nothing to add, all great", "нет, только размер не тот прислали",
# "没啥说的，好用"): the opening pulls the scorers toward "nothing" or "no", though what follows is the verdict. A
# thanks or a hello before it ("没有，谢谢。退货申请提交一周了还没审核") is read past too. Chinese only: over the labelled
# answers English and Russian readings moved as often away from their labels as toward them ("nope. fine." reads
# positive, labelled neutral), Chinese ones only toward (docs/reading-log.md, seventeenth session).
_READS_PAST_A_DECLINE = frozenset({"zh"})
# Rule 168 (thirtieth session): in English and Russian the rest is read only when it reads a clear pole the whole does
# not ("nothing else, love the shoes" −0.54, its rest +0.94; "нечего добавить, обувь отличная" neutral).
_READS_PAST_A_DECLINE_TO_A_VERDICT = frozenset({"en", "ru"})
CLEAR_VERDICT = 0.5
_OPENING = re.compile(r"([^,.;:!?，。；：！？\n]{1,40})(?:[,.;:!?，。；：！？\n]|\s[-–—]\s)+\s*(?=\S)")


def _after_a_decline(text: str) -> str | None:
    """What follows a first clause of `text` that declines, thanks or greets, or None when it does none of these."""
    opening = _OPENING.match(text)
    if opening is None:
        return None
    plain = _plain(_NOISE.sub(" ", opening.group(1)))
    unthanked = _unthanked(plain)
    if _GREETING.sub("", unthanked) and not _plain_declines(plain, unthanked):  # nor only a thanks or a hello
        return None
    return text[opening.end() :]


# A thumbs-up beside a decline ("nah 👍", "没有👍", "no, all good 👌") is a verdict: the labelled answers call it
# positive (9 of 10); a smile or 🙏 beside one ("nope 🙂", "谢谢，没有了🙏") only softens it, and stays a decline.
_APPROVAL = frozenset("👍👌")


def _approved(text: str, language: str) -> Score | None:
    """A positive Score for a decline given with a thumbs-up and no sad emoji, else None."""
    if not any(char in _APPROVAL for char in text) or any(_EMOJI_POLARITY.get(char, 0) < 0 for char in text):
        return None
    return Score(language, 1.0, None, EMOJI_SCORER, Feeling.POSITIVE)


# A decline worded in a way the list above does not hold ("no, that's everything", "нет, это всё", "没有别的了"):
# every word is one of these fillers and at least one says "nothing". Any other word (a noun, a verb
# like "arrived", "works", "到") means the customer said something, and the text is read.
_DECLINE_WORDS = frozenset(
    """no nope nah none nothing nowt nil idk dunno prefer rather skip skipping pass above anything нет неа нету ничего
    нечего ниче все отвечать ответить отвечу затрудняюсь коммент пропущу пропускаю выше answer хз zilch blank zero
    воздержусь ответил ответила отвечал отвечала ничо covered answered nothign nthing nothin nada blank нечево скип
    промолчу промолчать nothng пас""".split()
)
_FILLER_WORDS = _DECLINE_WORDS | frozenset(
    """else more further other additional extra to add say mention that s it is all i m am have has got
    really not at the this moment now right comment comments suggestions suggestion feedback report rather would d
    think of anything can t don know everything ve else that's just so well um hmm this one from me ideas idea
    sorry later see same as said already springs comes come mind opinion opinions particular much time remarks
    remark any in erm umm uh er ehh tbh honestly atm rn ok okay bye today ll on previous before covers about meh lol
    improvements improvement needed changes what write here tell a lot question please input put thoughts carry
    last message rating busy sure side my end you told maybe survey cant dont im done questions share nothign nthing 88 886
    ive mo already afraid point team honest be time doesnt apply applicable id remember while ago couldnt couldn away
    leave if pls thing single want piece first thats earlier answers week x u mate guess
    это все всё больше добавить добавлять сказать пока вроде да мне не хочу могу добавлю комментариев
    замечаний пожеланий вопросов пожалуй наверное наверно особо особенно так в целом и сказал сказала
    тут здесь уже вообще такого что у меня знаю без позже потом честно с ответом буду см смотри как написать писать
    приходит голову на скажу этот вопрос сорри написал написала написано ответ ну предложений надо даже
    комментировать сказано этом мыслей дополнить то хочется я еще прошлый раз некогда занят занята писал писала хотел хотела
    предыдущем предыдущий сообщении сообщение бы опросе опрос прошлом прошлый прошлые данный момент желания может
    напишу дополнительно ответе ответах если слов отзыве сейчас щас много предпочту к сказанному понял поняла
    понятия говорить goodbye folks вспомню вот коментариев коментов комментов ничем report тоже также всем вчера такой
    неделю назад же повторяюсь оценивать оценить туда спросите у нее него сообщить внимания через извините простите курсе там поэтому потому вопросе вопросах вроди guys but non прошлой неделе раньше а ум отпишусь""".replace(
        "ё", "е"
    ).split()
)
# Chinese has no spaces: the whole text must be made of these pieces, one of them saying "nothing".
_ZH_DECLINING = (
    "没有|没|无|暂无|不需要|不用|就这样|就这些|奉告|说完了|说完|想不到|想不出|想不起|没想好|不想说|不想回答|不回答|略过|跳过"
    "|同上|如上|不清楚|说不上来|不想写|莫得|没得|不想答|就这么多|上次|刚才|不写|没想法|空着|不说|都说了|说过了|不知道写|不知道说|不答|不了"
    "|不填|不想填|下一题|无话可说|先这样|都在上面|都写了|写过了|以后再说|妹有|莫有|回答过|答过|不必|不方便说|下一个|没必要|也许以后"
    "|没又|木有|米有|写在上面|不评价"
    "|记不得|记不清|不记得|忘了|忘记了|忘得差不多了|不太方便说|不了解|不晓得|不涉及|没法评价|无法评价|不重复了|冇|没印象"
    "|一点印象都没有|有想法再说|已经说过|不参与|不想参与(?:调查)?|不方便透露|拒绝回答|不想多说|不好评价|想到再说|没有?(?:什么)?问题要问|个人隐私|就不说了|不太清楚|不太了解|不知道(?!为)|见上(?:条|面|一条|题)|不知道(?:咋|怎么)说|记不太清|(?:跟|和|与)我(?:没|无)关系|不关我的?事|印象不深|(?:刚才|上一?)(?:那)?(?:条|题)(?:消息|回复|回答)?里?(?:已经)?(?:说|回答)(?:过)?了"
)
_ZH_DECLINE = re.compile(f"(?:{_ZH_DECLINING})")
_ZH_FILLERS = re.compile(
    f"(?:{_ZH_DECLINING}|什么|啥|要|想|可|补充|说|的|了|别的|其他|其它|这些|暂时|目前|意见|建议|更多|好说|嗯|也|都|吧|呢"
    "|啊|哦|我|已经|全部|再|可说|一切|来|一时|上面|一样|和|跟|滴|想到|问题|好补充|特别要|写|想法|这个|这题|该|前面|之前|先|就行|就|问卷|太长"
    "|有的话再(?:跟|和)?(?:你们|您)?(?:联系|告诉|说|找)(?:你们|您|客服)?|还|出来|填|哈|啦|哦|呀|嘛|在|还有啥|还有什么|用(?:一段时间|几天|一阵子)再说|再说"
    "|很?忙|太忙|在忙|没时间|没空|一下子|一下|需要|内容|本人|下次|有想法|好的|评价|已经写过|亲|补冲|现在|起来|那个|疑问|晚安"
    "|有(?:事|问题|需要)(?:再|就)?(?:跟|和)?(?:你们|您)?(?:联系|找|说)(?:你们|您|客服)?|我是[小老阿][\u4e00-\u9fff]|关注"
    "|等?(?:用|穿|试)(?:了|过|用)?再说|过几天|(?:再)?(?:跟|和)(?:你们|您)说|别问|讲|关心|这个|所以|具体"
    "|都过去(?:一周|一个礼拜|好几天|很久)了?|不好意思|理解|送人的?(?:礼物)?|刚到手|祝(?:你们|您)?生意兴隆"
    "|再见|拜拜|[\u4e00-\u9fff](?:女士|先生|小姐)[:：]?|回答|为止|特别想|以后|额|选择|(?:商品|店铺)?评价里|这边|这里"
    "|(?:都)?(?:挺|很|好)久了|(?:下次)?有(?:的话)?再说|自己|反馈|[他她]说|要问的|好像|(?:想到|有想法)了?再(?:联系|找)(?:你们|您)?"
    "|没(?:这个)?必要|从来|一次都)+"
)
# "下次还来" (I'll be back) is praise, though each piece of it is a filler beside a decline ("没有啦 下次还来").
_ZH_COMING_BACK = re.compile("(?:下次|以后)(?:还|再)(?:来|买|光顾)|还会(?:再)?(?:来|买)")

# Sounds of thinking ("emmm", "hmm", "erm", "хмм"): the scorers never learnt them, and they say nothing of a feeling.
_SOUNDS = r"e+m+|h+m+|u+m+|m{2,}|e+r+m+|э+м+|хм+"
# Before a decline ("emmm 没啥想说的", "хмм нет") a sound adds nothing; a bare "er" or "э" counts there too.
_INTERJECTION = re.compile(rf"{_SOUNDS}|e+r+|э+")
# Nor before anything else: "emmm 快递太慢" is read as "快递太慢".
_THINKING = re.compile(rf"(?<![a-z\u0400-\u04ff])(?:{_SOUNDS})(?![a-z\u0400-\u04ff])[\s,.…]*", re.I)


def _declines(plain: str) -> bool:
    """Whether `plain` (already _plain()) only declines to comment, in words the phrase list lacks."""
    tokens = plain.split()
    if not _HAN.search(plain) and any(
        word not in _FILLER_WORDS and not _INTERJECTION.fullmatch(word) for word in tokens
    ):
        return False  # a word that is neither a filler nor a sound, and no Chinese to read: most answers
    words = [word for word in tokens if not _INTERJECTION.fullmatch(word)]  # "emmm 没啥想说的"
    if not words:
        return bool(plain)  # "хмм", "emmm": a sound of thinking and nothing else
    if all(word in _FILLER_WORDS for word in words):
        # "not much to add really": "much" alone says nothing ("thanks so much"), "not much" declines
        spaced = f" {' '.join(words)} "
        return any(word in _DECLINE_WORDS for word in words) or any(p in spaced for p in _DECLINING_PHRASES)
    # Chinese, alone or beside fillers in Latin letters ("ok 没了"), with a closing particle left out ("都说过了哈")
    joined = _ZH_PARTICLES.sub("", "".join(word for word in words if _HAN.match(word)))
    others = [word for word in words if not _HAN.match(word)]
    return (
        bool(joined)
        and all(word in _FILLER_WORDS for word in others)
        and bool(_ZH_FILLERS.fullmatch(joined))
        and not _ZH_COMING_BACK.search(joined)
        and bool(_ZH_DECLINE.search(joined) or any(word in _DECLINE_WORDS for word in others))
    )


# Fillers that decline only together: "not much", "that's it", "не знаю, что добавить".
_DECLINING_PHRASES = (
    " not much ",
    " not now ",
    " not sure ",
    " don t know ",
    " не знаю ",
    " not a lot ",
    " that s it ",
    " thats it ",
    " thats all ",
    " that s all ",
    " that s everything ",
    " that is all ",
    " said it all ",
    " said everything ",
    " не буду ",
    " как писал ",
    " как писала ",
    " позже напишу ",
    " напишу позже ",
    " потом напишу ",
    " n a ",
    " keep that to myself ",
    " keep it to myself ",
    " too busy ",
    " same as ",
    " не понял вопрос ",
    " не поняла вопрос ",
    " не могу сформулировать ",
    " предпочту не ",
    " maybe later ",
    " busy rn ",
    " busy now ",
    " thats about it ",
    " that s about it ",
    " thats everything ",
    " dont know ",
    " don t really know ",
    " dont really know ",
    " некогда ",
    " без понятия ",
    " don t have time ",
    " dont have time ",
    " не в курсе ",
    " трудно сказать ",
    " сложно сказать ",
    " уже отвечал ",
    " уже отвечала ",
    " already told ",
    " already said ",
    " already given ",
    " already answered ",
    " already filled ",
    " doesnt apply ",
    " doesn t apply ",
    " don t remember ",
    " dont remember ",
    " can t remember ",
    " cant remember ",
    " can t comment ",
    " cant comment ",
    " couldnt tell you ",
    " couldn t tell you ",
    " может потом ",
    " без отзыва ",
    " спешу ",
    " как в прошлый раз ",
)


# "нет, спасибо" and "没有，谢谢" decline as politely as they decline; the thanks adds no feeling.
_THANKS = re.compile(
    r"(?:^|\s)(?:(?:thanks|thank you)(?: again| so much| a lot| very much)?(?: for (?:the )?asking)?|thx|ty|ta|cheers|"
    r"(?:большое |огромное )?спасибо(?: вам| большое| огромное)?(?: за (?:заботу|вопрос|внимание|опрос|заказ|покупку)| что "
    r"(?:спросили|спрашиваете|интересуетесь))?|благодарю|спс|"
    r"thank u|thanku|thnx|tnx|thnaks|thanx|thnks|gracias|谢谢|谢了|辛苦(?:了|啦)|хорошего (?:дня|вечера)|всего доброго|"
    r"have a (?:nice|good|great|lovely) (?:day|evening|weekend|one)|spasibo)(?=\s|$)|"
    r"(?:谢谢|多谢|感谢)(?:你们|你门|您|大家|啦)?|谢了|(?:你们|您)忙|祝好|新年快乐|xiexie|xie xie|(?<!\S)merci(?!\S)"
)
# Greetings and sign-offs frame a decline as politely ("Dear team, nothing to add. Regards, Margaret", "Уважаемые
# сотрудники, мне добавить нечего. Всего доброго.", "没有什么了，你们忙吧"); like a thanks, they add nothing of their own.
_GREETING = re.compile(
    r"^(?:dear (?:team|sir|sirs|madam|all|shop|support)|(?:hello|hi|hey)(?: team| there| all)?|good (?:morning|afternoon|evening)|"
    r"здравствуйте|здрасте|здрасьте|привет|добрый (?:день|вечер)|доброе утро|доброго (?:дня|вечера|утра)|"
    r"уважаемые(?: сотрудники| коллеги| господа)?|уважаемый магазин) |^(?:您好|你好|早上好|晚上好|下午好) ?"
)
_SIGN_OFF = re.compile(
    r" (?:(?:(?:kind|best|warm|many) )?regards|best wishes|sincerely|yours sincerely|с уважением|всего хорошего|"
    r"до свидания|sent from my|(?:i ll |i will |will )?let (?:you|u) know if (?:anything|something) (?:else )?comes up)"
    r"(?: [^\W\d_]+){0,2}$"
)
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")  # where a thanks was cut out of Chinese
# "no thanks, I'm good": "I'm good" says no more is needed, no feeling. An all-is-well beside a decline ("нет, всё
# хорошо", "挺好的，没有了", since rule 174 "nope, all good") is a short verdict, read by the scorer: the labelled answers
# call it positive (13 of 16; English 18 of 19), and score_text reads past the decline to it (rule 168).
_IM_GOOD = "i m good|im good|i am good|i m fine|im fine|i am fine|ur good|you re good|youre good"
_NO_NEED = re.compile(rf"^(?:{_IM_GOOD}|no complaints) | (?:{_IM_GOOD})$")
# "noo", "nopeee", "nothinggg", "неет": a decline typed with a letter held down.
_HELD_LETTER = re.compile(r"([^\W\d_])\1+")


def _from_a_word_start(pattern: str) -> re.Pattern[str]:
    """Compile alternatives that each start at a word start ("(?:^| )…") with that start tried once, not once per
    alternative (about three times faster on short answers); `pattern` holds "(?:^| )" only where an alternative starts."""
    return re.compile("(?:^| )(?:" + pattern.replace("(?:^| )", "") + ")")


# A decline about one part of the journey ("по доставке нечего сказать", "no comment on the packaging", "物流方面没什么好说的")
# declines all the same: the part it names is dropped before the decline is looked for, and must leave one behind.
_PARTS = {
    "ru": r"(?:чат\w* )?(?:поддержк|доставк|курьер|упаковк|оплат|возврат|товар|заказ(?!ыв)|посылк|оформлени|качеств|"
    r"размер|пункт\w* выдачи|постамат|сайт|приложени|обмен|магазин|продав|менеджер|оператор)\w*(?: (?:заказа|товара))?",
    "en": r"(?:the |my |your )?(?:delivery|shipping|postage|packaging|payment|paying|checkout|support|customer service|courier|"
    r"driver|returns?|refunds?|exchange|product|item|order|parcel|package|size|sizing|fit|quality|description|site|"
    r"website|app)",
    "zh": r"(?:物流|快递|包装|付款|支付|结账|结算|客服|售后|退换货|退货|退款|换货|质量|尺码|描述|商品|产品|东西)",
}
_ABOUT_A_PART = re.compile(
    rf"(?:^| )(?:(?:по|про|о|об|с|со|на|насчет|к|касательно|относительно|на вопрос про|что касается) {_PARTS['ru']}|в (?:чат\w* )?поддержк\w*|в чат\w*|"
    rf"(?:about|on|regarding|re|for|as for|as to|with) {_PARTS['en']})(?= |$)"
)
# A part named first ("доставка — пас", "возврат не делала") may be what the sentence is about or who acted in it.
_A_PART_FIRST = re.compile(rf"^(?:{_PARTS['ru']}|{_PARTS['en']})(?= |$)")
_ABOUT_A_PART_ZH = re.compile(
    rf"(?:关于)?{_PARTS['zh']}(?:方面|这块|那块|这边|的话|的事(?:情|儿)?)|^关于{_PARTS['zh']}"
)
# A part of the service echoed before what the customer did not do ("客服？没找过", "退换货？没退过"): dropped once that
# is found. Not the goods: "东西还没拆" tells where the order stands.
_A_PART_FIRST_ZH = re.compile("^(?:跟|和|与)?(?:物流|快递|包装|付款|支付|客服|售后|退换货|退货|退款|换货)")
# What the customer did not do or see, given as the reason for having nothing to say: "не обращалась", "ещё не
# распаковала", "платила жена", "забирал в пункте выдачи", "never contacted support", "haven't opened it yet".
_NOT_USED = {
    "ru": _from_a_word_start(
        # the customer's own "не …л(а)" only: "не звонили" (they did not call) or "не получал" (never came) report; a thing
        # the customer acts on, which a part named first can only be the object of ("возврат не делала", not "курьер не звонил")
        r"(?:^| )(?:(?:посылку|коробку|заказ|товар|пакет|упаковку|деньги|ничего|еще|пока|сама?|вообще|никогда|так|и|а|я|ни разу|даже) )*не "
        r"(?:пользовал|распаковывал|распаковал|мерил|носил|"
        r"пробовал|открывал|возвращал|читал|смотрел|оформлял|примерял|делал|включал|тестил|надевал|вникал)(?:а|ся|ась)?"
        r"(?: (?:ни разу|пока|еще))?"
        r"(?: (?:туда|его|ее|их|к ним|с ними|в поддержку|посылку|коробку|заказ|товар|пакет|упаковку))?(?= |$)|(?:^| )не помню|"
        r"(?:^| )(?:мало|недолго) (?:носил|пользовал)\w*|(?:^| )(?:еще |пока )?рано (?:еще |пока )?(?:что то |что-то )?"
        r"(?:говорить|судить|оценивать)|"
        # "посылку ещё не забрал из пункта", "я сам не покупал"
        r"(?:^| )(?:посылку|заказ|товар) (?:еще |пока )?не (?:забрал|забирал)\w*(?: из (?:пункта|пвз|постамата))?|"
        r"(?:^| )(?:еще |пока )?не (?:забрал|забирал)\w* из (?:пункта|пвз|постамата)|"
        r"(?:^| )(?:я )?(?:сама? )?не покупал\w*|(?:^| )не было (?:нужды|необходимости|повода)|(?:^| )(?:нужды|необходимости) не было|"
        r"(?:^| )(?:курьера не видел\w*|(?:(?:сама?|я) )?не видел\w*(?: ни| даже)? (?:курьера|коробк\w*|упаковк\w*)(?: (?:и|ни) (?:курьера|"
        r"коробк\w*|упаковк\w*))?)|(?:^| )(?:курьера|коробк\w*|упаковк\w*) (?:я |сама? )?(?:даже )?не (?:видел|смотрел)\w*|"
        # not yet, told in the present: "до праздника не открываем", "пока не пользуюсь"
        r"(?:^| )(?:еще |пока )?не (?:открываем|открываю|распаковываем|распаковываю|пользуемся|пользуюсь|ношу|носим)|"
        # too new to say: "я только вчера открыл", "только сегодня получила"
        r"(?:^| )(?:я )?только (?:вчера|сегодня|что) (?:открыл|получил|распаковал|забрал|достал)\w*|"
        # can't answer: "не могу ответить", "ответить не смогу", "сказать пока не могу", "вопрос не ко мне"
        r"(?:^| )(?:сейчас |пока )?не (?:могу|смогу) (?:ничего )?(?:сказать|ответить|оценить|писать|говорить|комментировать)|"
        r"(?:^| )(?:сказать|ответить|оценить) (?:пока |сейчас )?не (?:могу|смогу)|(?:^| )вопрос не ко мне|"
        r"(?:^| )не (?:оценю|подскажу)|(?:^| )(?:я )?в этом не разбираюсь|(?:^| )нет времени(?: на (?:опросы|опрос|это|ответы))?|"
        r"(?:^| )повторять(?:ся)? не (?:буду|стану)|"
        # "не знаю как прошло", "без понятия, как там было"
        r"(?:^| )(?:не знаю|без понятия),? как (?:там )?(?:все )?(?:прошло|было|прошла)|"
        # "если что-то вспомню напишу", "не готов сейчас отвечать", "возвращать ничего не приходилось", "даже бирки не срезала"
        r"(?:^| )если (?:что то|что нибудь|что) (?:вспомню|придумаю|появится) (?:напишу|сообщу|отпишусь)|"
        r"(?:^| )не готов(?:а)? (?:сейчас )?(?:отвечать|ответить)|"
        r"(?:^| )(?:возвращать|обменивать|обращаться|менять) (?:ничего )?не (?:приходилось|пришлось|было нужно)|"
        r"(?:^| )(?:даже )?бирки не срезал(?:а)?|(?:^| )(?:(?:сама?|я) )?(?:даже )?(?:ничего не видел(?:а)?|не видел(?:а)? что внутри)"
    ),
    "en": _from_a_word_start(
        # "didn't open" may be the app's failing; "haven't opened it" is the customer's
        r"(?:^| )(?:i )?(?:never|haven t|have not|havent|didn t|did not|didnt|not|not been) (?:yet |even |actually |really )?"
        r"(?:used|use|needed|need|tried|try|returned|return|returning|had to (?:use|return)|asked for (?:a |the )?(?:refund|"
        r"return|exchange))(?: (?:them|it|the box|the parcel|anything|the app|the site|yet|on|the packaging|support|the chat|"
        r"the (?:return|returns|refund|exchange) process))*|"
        r"(?:^| )(?:i )?(?:never|haven t|have not|havent|didn t|did not|didnt) (?:did|do|done|make|made|need|needed) "
        r"(?:a |an |any )?(?:returns?|exchanges?|refunds?)(?: with (?:you|u|them))?|"
        # rule 284: "no exchange, so n/a", "no return made"; not "no refund" (the shop may have given none)
        r"(?:^| )no (?:exchanges?|returns?)(?: (?:made|done|needed|requested))?(?: so n a)?|"
        r"(?:^| )(?:as |because |since |cause )?i (?:kept|m keeping|am keeping) (?:it|them|everything|all of it|the lot)|"
        r"(?:^| )(?:i )?(?:only|just) (?:had|got) (?:it|them|the \w+) (?:for )?(?:\d+|a|two|three|a few|few) (?:days?|weeks?)|"
        r"(?:^| )(?:i )?(?:only|just) got (?:it|them|the \w+) (?:yesterday|today|this morning|last night)|"
        r"(?:^| )(?:(?:so )?(?:you ll have to |better )?ask (?:her|him|them|my \w+))|(?:^| )no idea how (?:it|that|the \w+) (?:went|was|works)|"
        r"(?:^| )(?:i )?(?:can t|cant|cannot) type(?: much)?(?: now| rn| right now)?|"
        r"(?:^| )(?:i ll |i will |will )let (?:you|u) know(?: (?:later|then|next week|when i have))?|"
        r"(?:^| )(?:maybe |perhaps )?(?:after|once|when) i(?: ve| have)? used (?:it|them) (?:a bit )?(?:more|longer|for a while)|"
        r"(?:^| )(?:when|once|after) i(?: ve| have|ve)? (?:actually |properly )?(?:worn|used|tried|opened) (?:it|them)|"
        r"(?:^| )(?:so )?(?:i )?(?:can t|cant|cannot|can not) (?:really )?(?:say|answer|judge|help with|comment on)"
        r"(?: (?:this|that|the|your)(?: question| one| part| \w+)?| anything)?(?: yet)?|"
        r"(?:^| )(?:i )?(?:don t|dont|do not|can t|cant|cannot) (?:really )?remember (?:who|what|how|when|which)"
        r"(?: [^\W\d_]+){1,5}|"
        r"(?:^| )(?:i )?(?:never|haven t|have not|havent) (?:yet |even |actually )?(?:opened|unboxed|worn|tried on)"
        r"(?: (?:it|them|the box|the parcel|anything|yet))*|(?:^| )(?:too early|too soon) to (?:say|tell|judge)|"
        r"(?:^| )(?:i )?(?:don t|dont|do not) know (?:the |any )?(?:details|specifics)|"
        # not answering now: "i dont really do surveys", "not answering this one", "too busy to answer surveys"
        r"(?:^| )(?:i )?(?:don t|dont|do not) (?:really )?do (?:surveys|these)|(?:^| )not answering (?:this|that|these)(?: one)?|"
        r"(?:^| )(?:too busy|no time) to answer(?: (?:surveys|this|these))?|(?:^| )(?:i )?(?:don t|dont|do not) have time for "
        r"(?:this|these|surveys)|(?:^| )in a rush|(?:^| )(?:maybe )?(?:another time|some other time)|"
        # "ask me in a month", "ask again later", "will do at the weekend"
        r"(?:^| )ask (?:me )?(?:again )?(?:in a (?:week|month|few days|couple of weeks)|next (?:week|month)|later)|"
        r"(?:^| )(?:it s |its |it is )?still (?:sitting |sat )?(?:in the box|wrapped|rolled up|sealed|boxed)|"
        # "ill get back to you if something comes up"
        r"(?:^| )(?:i ll |ill |i will |will )(?:get back to (?:you|u)|let (?:you|u) know|write back|message (?:you|u)) (?:if|when) "
        r"(?:anything|something) (?:else )?comes up"
    ),
}
# Why the customer has nothing to say, which is a plain fact alone ("забирала из пункта выдачи", "my wife paid"): dropped
# beside a decline ("оплачивал не я, без понятия", "my flatmate signed for it so no idea"), never a decline by itself.
# Who else ordered, paid or received it ("платила не я, а дочка", "получал секретарь").
_SOMEONE = (
    "(?:жена|муж|мама|папа|сестра|брат|дочь|дочка|сын|подруга|друг|коллега|свекровь|свекор|теща|тесть|бабушка|дедушка|"
    "соседка|сосед|консьерж|секретарь)"
)
_REASONS = {
    "ru": _from_a_word_start(
        r"(?:^| )(?:за меня )?(?:(?:посылку|заказ|товар|доставку) )?(?:платил|оплачивал|оформлял|заказывал|забирал|получал|"
        rf"принимал|принял|получил|забрал)(?:а)? (?:не я(?:(?: а)? {_SOMEONE})?|{_SOMEONE})(?= |$)|"
        # "пользуется дочка", "заказывал для офиса"
        rf"(?:^| )(?:пользуется|пользуются|носит) {_SOMEONE}(?= |$)|(?:^| )(?:заказывал|покупал|брал)(?:а)? (?:для|на) (?:офиса|офис|работы|"
        r"работу)(?= |$)|"
        r"(?:^| )(?:забирал|получал)(?:а)? (?:в|через|из|на) (?:пункт\w* выдачи|постамат\w*|ящик\w*|почт\w*|пвз|"
        rf"самовывоз\w*|склад\w*)|(?:^| )(?:всем )?занимал(?:ся|ась) {_SOMEONE}|"
        r"(?:^| )(?:упаковку|коробку|пакет) (?:сразу )?(?:выкинул|выбросил)(?:а)?(?: (?:сразу|не глядя))?|"
        r"(?:^| )(?:я )?(?:сейчас )?(?:за рулем|в дороге|на работе)(?= |$)|"
        # "сразу отправила посылку родственникам", "отдал брату"
        r"(?:^| )(?:я )?(?:сразу )?(?:отдал|отправил|передал|подарил)(?:а)? (?:посылку |заказ |товар |его |ее |все )?(?:родственникам|"
        r"маме|папе|брату|сестре|дочери|дочке|сыну|подруге|другу|коллеге|бабушке|дедушке)(?: в другой город)?|"
        # "с моего аккаунта", "со своего аккаунта", "с телефона"
        r"(?:^| )(?:с|со) (?:моего |своего |моей |своей )?(?:аккаунта|акка|карты|телефона)|"
        rf"(?:^| )за посылкой (?:ездил|ходил)(?:а)? {_SOMEONE}|"
        r"(?:^| )(?:погода не та|жду (?:погоды|холодов|тепла|лета|зимы)|руки не дошли)|"
        # where it waits, the thing named before or after: "посылка лежит в шкафу", "стоит коробка в коридоре"
        r"(?:^| )(?:вещь |товар |коробка |посылка )?(?:пока |еще )?(?:лежит|стоит)(?: (?:коробка|посылка|пакет))?(?: (?:на подарок|ждет|"
        r"в шкафу|в коридоре|в прихожей|на балконе|в холодильнике|в упаковке))+|(?:^| )до (?:праздника|нового года|дня рождения|др)|"
        r"(?:^| )(?:я )?уже (?:оставлял|писал)(?:а)? отзыв(?: (?:на сайте|в приложении|раньше))?|"
        r"(?:^| )(?:я )?уже (?:оставлял|писал|отвечал)(?:а)? (?:на сайте|в приложении|раньше)|"
        # "не помню уже, давно было"
        r"(?:^| )(?:это )?(?:было )?(?:уже )?давно(?: было)?(?= |$)|(?:^| )(?:это )?(?:был\w* )?(?:на )?подарок(?= |$)|"
        # "неделю всего прошло", "мне подарили"
        r"(?:^| )(?:всего |только )?(?:неделя|неделю|пару дней|несколько дней|два дня|три дня) (?:всего |только )?прошл\w*|"
        r"(?:^| )мне (?:это |его |ее )?подарили"
    ),
    "en": _from_a_word_start(
        r"(?:^| )(?:my )?(?:wife|husband|partner|mum|mom|dad|son|daughter|kid|kids|friend|flatmate|roommate|neighbour|"
        r"neighbor|(?:office )?receptionist|sister|brother|colleague|boss|assistant) (?:paid|ordered|picked it up|collected it|signed for it|"
        r"dealt with it|sorted (?:it|the \w+)|did (?:it|all of it|the \w+)|unpacked it|opened it|ripped it open|"
        r"handles? (?:all )?(?:the )?orders|places? (?:all )?(?:the )?orders|placed (?:the |an |my )?orders?)(?: (?:for it|for me))?|"
        r"(?:^| )(?:(?:it|the parcel|the package|the order|the box) )?went (?:straight )?to my (?:wife|husband|partner|mum|mom|dad|"
        r"son|daughter|friend|flatmate|roommate|neighbour|neighbor|sister|brother|colleague)|"
        r"(?:^| )(?:and )?(?:threw|chucked|binned|tossed) (?:it|the box|the packaging)(?: out| away)?(?: straight away| right away)?|"
        # where it was left or collected: "it was left in the parcel locker", "i collected it from a pickup point"
        r"(?:^| )(?:it was |it got )?(?:left|dropped off|delivered) (?:in|at) (?:the |a )?(?:parcel )?(?:locker|pickup point|post "
        r"office|reception|front desk)|(?:^| )i (?:collected|picked up|picked) (?:it )?(?:up )?(?:from|at) (?:the |a )?(?:parcel )?"
        r"(?:pickup point|locker|post office|depot)(?: myself)?|(?:^| )(?:the |my )?(?:neighbour|neighbor|husband|wife|partner|"
        r"flatmate|roommate) (?:took (?:it|the parcel|the package|the box|my parcel) in|got the door)(?: for me)?|"
        # "i just picked it up", "someone at work ordered this for the team, i just received it"
        r"(?:^| )i (?:just|only) (?:picked|collected) it up|(?:^| )i (?:just|only) (?:received|got) it(?= |$)|"
        r"(?:^| )someone (?:at work|else|in the office) (?:ordered|bought|paid for) (?:it|this|them)(?: for (?:the team|us|me|the office))?|(?:^| )i (?:wasn t|wasnt|was not) home when it came|"
        r"(?:^| )i (?:just|only) (?:get|receive|pay|collect) (?:the )?(?:parcels|packages|bills|boxes)|"
        r"(?:^| )(?:i )?paid (?:through|with|via|in|by) (?:my )?(?:company account|store credit|gift card|voucher)|"
        # a deferral beside a decline: "i havent unboxed it yet, will do at the weekend"
        r"(?:^| )will (?:do|try|open) (?:it )?(?:at|on|this|next) (?:the )?(?:weekend|week)|"
        # busy where the customer is: "at work rn cant type"
        r"(?:^| )(?:i m |im |i am )?(?:at work|driving|on the train|on the bus|in a meeting)(?: rn| right now| now)?"
    ),
}
# What only a person does with a part: "не общался", "never contacted support" (but "support never contacted me").
_NOT_SAID_OF_OTHERS = "".join(
    rf"(?<!\b{subject} )"
    for subject in "you u ya they nobody noone anyone he she guys shop store company seller team".split() + ["no one"]
)
_NOT_DEALT_WITH = {
    "ru": _from_a_word_start(
        r"(?:^| )(?:(?:еще|пока|сама?|вообще|никогда|так|я|ни разу|даже) )*не (?:обращал|заходил|общал|сталкивал|"
        r"связывал|пересекал|писал)(?:а|ся|ась)?(?: (?:ни разу|пока|еще))?(?: (?:туда|к ним|с ними|в поддержку))?(?= |$)|"
        r"(?:^| )(?:никаких )?дел(?:а)? (?:с ними )?не имел(?:а)?(?= |$)|(?:^| )не имел(?:а)? (?:никаких )?дел(?:а)?(?= |$)"
    ),
    # Rule 236 (thirty-sixth session): the customer's own only when no one else is its subject ("you never contacted me",
    # "nobody got in touch") and it was not done to the customer ("never contacted me about my refund").
    "en": _from_a_word_start(
        _NOT_SAID_OF_OTHERS + r"(?:i )?(?:never|haven t|have not|havent|didn t|did not|didnt|don t|dont|do not|not) "
        r"(?:yet |even |actually |really )?(?:contacted|contact|talked to|talk to|spoke to|speak to|spoken to|dealt with|deal with|"
        r"reached out(?: to)?|reach out(?: to)?|got in touch(?: with)?|get in touch(?: with)?|been in touch(?: with)?|"
        r"had to (?:contact|talk to|deal with|deal)|paid attention to|pay attention to|check|checked|looked at|look at|deal|"
        r"dealt)(?! (?:me|us|my|our|back)(?: |$))(?: (?:them|it|support|(?:the )?packaging|the box|anything|yet|the driver|"
        r"the courier|at all))*"
    ),
}
_NOT_USED_ZH = re.compile(
    # rule 235: "我没打过客服电话", "也没在线咨询过", "从来没联系过你们客服", "没找客服", "一次都没用到", "没有退款过" (before the
    # older words, which would stop at "没联系过")
    "没(?:有)?(?:打过(?:你们的?)?(?:客服)?电话|(?:在线)?咨询过|联系过(?:你们的?)?客服|找过(?:你们的?)?客服)|没找(?:你们的?)?客服|"
    "(?:一次)?都?没用(?:到|上)|没(?:有)?(?:退款|退货|换货|退换货)过|"
    "没(?:找过|联系过|用过|退过|换过|问过|咨询过|试过|穿过|接触过|怎么(?:用|看|穿|注意))(?:客服|货|东西|退货服务|售后)?|"
    "还没(?:开始|来得及)?(?:拆开|拆封|拆|打开|开封|用过|用|试过(?!几天|两天)|试|穿过(?!几天|两天)|穿)|用不上|没拆封|没用(?:过)?客服|"
    "还没(?:到|满)(?:一周|一个?(?:星期|礼拜)|几天)|不需要(?:退款|退货|换货|售后|客服)|"
    # "分不清是哪一单了", "现在想不起来了", "到了再说", "跟客服没打过交道", "没退没换"
    "分不清(?:是)?哪(?:一)?单|(?:现在)?想不起来|(?:等)?(?:东西)?(?:到了|到货了?|用了|穿了|用完|过几天|过两天|一周后|下周)(?:穿了|用了)?再(?:说|跟你们说)|"
    "没打过交道|没退(?:过)?没换(?:过)?|没看到|用(?:一段时间|几天|一阵子)再说|(?<!还)没(?:退|换)(?=[啊呀哦])|"
    # rule 284: "我没申请过退款", "也没要退款", "我没退" closing a clause; not "还没退" (a wait)
    "没(?:有)?(?:申请|要|提)过?(?:退款|退货|换货)|(?<!还)没退过?(?=$|[\\s，。,.!！])|没见(?:着|到|过)(?:快递小哥|快递员|配送员|快递|东西|货)?|"
    "忘了(?:当时)?(?:是)?(?:怎么|用什么|用啥|哪个)(?:付的款|付的钱|付的|付款的|买的|下的单)|"
    f"(?:外?{_PARTS['zh']}(?:那块|这块)?)?我?也?没(?:太)?(?:注意|留意|在意)|"
    # "以后有再说", "等想到了再告诉你们", "有需要会联系你们的", "这个没法回答", "用了才两天，还看不出来啥", "刚买"
    "以后有(?:再说|再讲)|(?:等)?想到了?再(?:说|告诉你们|跟你们说)|有需要(?:会|再)?联系(?:你们|您)(?:的)?|(?:这个)?没法(?:回答|评价|说)|"
    "还看不出来(?:啥|什么)?|用了才(?:一|两|三|几)天|刚买|(?:都)?在(?:前一个|上一个|前面的?)回答里(?:了)?"
)
_REASONS_ZH = re.compile(
    "(?:东西|快递|货|包裹|付款|钱)?(?:是)?我?(?:老公|老婆|妈|爸|儿子|女儿|家里人|朋友|同事|公司|门卫|保安|前台|室友|邻居|物业|保姆)(?:帮|给)?我?"
    "(?:付|收|签收|拆|买|下单|代收|拿)的(?:货)?|"
    # where it waited and why the customer was away: "快递是放驿站的", "东西还在路上", "这周出差了", "太久了"
    "(?:快递|东西)?(?:是)?(?:放|在)(?:驿站|快递柜|门卫|前台)的?|(?:东西|快递)?还在路上|这周出差了?|(?:时间)?太久了|"
    "(?:这个月|最近)?买的东西太多了?|在开会|我?是?(?:替|帮)我?(?:爸|妈|老公|老婆|家人|家里人|朋友|同事)填的|(?:东西|快递)?刚到(?:手)?|帮?(?:老公|老婆|妈|爸|儿子|女儿|家里人|朋友|同事)下的单|"
    "在上班|太早了|收货的(?:人)?不是我|(?:是)?送人的(?:礼物)?|收货的(?:人)?是我?(?:妈|爸|老公|老婆|家里人|朋友|同事|室友)|"
    "(?:拆完|拆开|拆了|我?拿到手|到手)(?:后)?(?:就)?(?:直接)?(?:拆了|扔了)"
)
# Only a text with a word that declines can be a decline once its part is dropped (_without_the_part)...
_MAY_DECLINE = _DECLINE_WORDS | frozenset("без comment comments комментариев коментариев коментов комментов".split())
# ...and only one with one of these words can tell only of what the customer did not do.
_CAN_BE_UNUSED = frozenset(
    """не never haven havent didn didnt don dont not early soon рано мало недолго платил платила оплачивал оплачивала оформлял
    оформляла заказывал заказывала забирал забирала получал получала wife husband partner mum mom dad son daughter
    friend cant cannot remember kept keeping kid kids assistant flatmate roommate neighbour neighbor threw
    могу смогу вопрос принял приняла получил получила забрал забрала дел рулем дороге работе упаковку коробку
    пакет ask rush box boxed wrapped sealed rolled another type worn""".split()
)


def _without_the_part(unthanked: str) -> tuple[str, bool]:
    """`unthanked` without the part of the journey it names and what the customer did not do, spaces collapsed (empty
    when nothing else is left), and whether it told of something the customer did not do."""
    if _HAN.search(unthanked):
        if not _ZH_DECLINE.search(unthanked) and not _NOT_USED_ZH.search(unthanked):
            return unthanked, False
        rest, unused = _NOT_USED_ZH.subn(" ", _REASONS_ZH.sub(" ", _ABOUT_A_PART_ZH.sub(" ", unthanked)))
        if unused:
            rest = _A_PART_FIRST_ZH.sub(" ", rest.lstrip())
        return " ".join(rest.split()), bool(unused)
    words = unthanked.split()
    if _MAY_DECLINE.isdisjoint(words) and _CAN_BE_UNUSED.isdisjoint(words):
        spaced = f" {unthanked} "
        if not any(p in spaced for p in _DECLINING_PHRASES):
            return unthanked, False  # no word or phrase that declines or tells of no use: nothing to find
    rest = " ".join(_ABOUT_A_PART.sub(" ", unthanked).split())  # "не обращался в поддержку ни разу": one space left
    rest, named_first = _A_PART_FIRST.subn(" ", rest)
    script = "ru" if _CYRILLIC.search(rest) else "en"
    rest, unused = _NOT_USED[script].subn(" ", _REASONS[script].sub(" ", rest))
    if not named_first:  # "курьер не звонил", "support never contacted me": the part acted
        rest, dealt = _NOT_DEALT_WITH[script].subn(" ", rest)
        unused += dealt
    return " ".join(rest.split()), bool(unused)


_NO_CONTENT_HELD = frozenset(_HELD_LETTER.sub(r"\1", phrase) for phrase in _NO_CONTENT)
_LETTERS = re.compile(r"[^\W\d_]")
# Chinese softens a short answer with a closing particle ("没有啦", "没有哦", "暂时没有呢"); it adds nothing.
_ZH_PARTICLES = re.compile(r"(?<=[\u4e00-\u9fff])[啦拉哦呢吧呀哈嘛喔噢哎诶]+$")


# The Chinese scorer reads a plain fact as praise about as often as a complaint ("第二次买了", "用微信付的").
_BOTH_WAYS = frozenset({"zh"})


def score_text(text: str, language: str | None = None, *, scorers: Mapping[str, Scorer] | None = None) -> Score:
    """Detect the language of `text` unless given, then read "no content" and emoji, else use its scorer."""
    if language is None:
        language = detect_language(text)
    scorers = SCORERS if scorers is None else scorers
    empty = _without_content(text, language, scorers)
    rest = _after_a_decline(text) if empty is None and language in _READS_PAST_A_DECLINE else None
    while (
        rest is not None
    ):  # "没啥说的，好用", "没有了，就是盒子被压坏了": the rest is the answer (a loop: "没有，" × 1,000)
        text = rest
        empty = _without_content(text, language, scorers)
        rest = _after_a_decline(text) if empty is None else None
    if empty is not None:
        return empty
    scorer = scorers.get(language)
    result = scorer.score(_THINKING.sub(" ", text).strip() or text) if scorer is not None else None
    # A NaN from a misbehaving scorer would survive clamping as ±1; it means "no score".
    if scorer is None or result is None or math.isnan(result[0]):
        return Score(language=language, polarity=None, subjectivity=None, scorer=None, feeling=None)
    polarity = max(-1.0, min(1.0, float(result[0])))
    if bare_mention(text, language) or (
        (polarity < 0 or (polarity > 0 and language in _BOTH_WAYS)) and plain_fact(text, language)
    ):  # "delivery", "Заказывал в среду", "给我爸买的"
        polarity = 0.0
    elif polarity < 0 and plain_praise(text, language):  # "客服太好了": praise, not "太慢了"
        polarity = -polarity
    score = Score(language, polarity, result[1], scorer.name, feeling_of(polarity))
    return _as_its_verdict(text, score, scorers) if language in _READS_PAST_A_DECLINE_TO_A_VERDICT else score


def _as_its_verdict(text: str, score: Score, scorers: Mapping[str, Scorer]) -> Score:
    """The score of what follows an opening decline when it reads a clear pole `score` does not, else `score`."""
    rest = _after_a_decline(text)
    while rest is not None and (further := _after_a_decline(rest)) is not None:  # "no, " × 1,000: no recursion
        rest = further
    if rest is None:
        return score
    verdict = score_text(rest, score.language, scorers=scorers)
    if verdict.polarity is None or abs(verdict.polarity) < CLEAR_VERDICT:
        return score
    return verdict if verdict.feeling is not score.feeling else score


# Rules 136-137 (twenty-seventh session): the feeling a Russian or Chinese answer that denies praise reports is at least
# this negative, one that denies a fault ("не пожалеете", "不后悔") at least this positive; since the twenty-eighth session
# also a mismatch with the listing (a match in Chinese; rules 140-141), a hedged verdict (142), a rating or clear emoji
# (as_marked, rules 144-146).
NEGATION_FLOOR = 0.3


def negation(text: str, language: str) -> int:
    """-1 when the answer denies praise ("не рекомендую", "不推荐") or a match with the listing ("not as described"), its
    instructions came in another language, it says a fault plainly ("shipping was super slow") or praises on a condition
    the shop did not meet ("would recommend if it ever actually arrived", rule 269), +1 when it denies a
    fault ("не пожалеете", "不后悔", "nothing broke") or says the item matched ("как на фото"), 0 when neither or both,
    or when the answer weighs the two evenly ("没有想象中那么好，但也没什么毛病", rule 261) (cues of the language's module)."""
    if holds("praise_on_a_condition", text, language):
        return -1  # "10/10 would buy again if it actually didnt leak": the condition unmet outweighs all (rule 269)
    if holds("balanced", text, language):
        return 0
    praise = any(holds(cue, text, language) for cue in ("negated_fault", "listing_praised", "denies_faults"))
    blame = any(
        holds(cue, text, language) for cue in ("negated_praise", "denies_listing", "foreign_manual", "says_a_fault")
    )
    return int(praise) - int(blame)


def as_negation_reads(text: str, score: Score) -> Score:
    """The score a reading reports for an answer that denies praise or a fault, turned where the feeling model missed
    the "не"/"不" ("не рекомендую этот магазин" +0.78 -> -0.78); any other score unchanged. The complaint decision reads
    the model's own score: a denied praise names nothing the shop can act on."""
    if score.language in _REVIEWS_READ_WHOLE and len(sentences_of(text)) >= SENTENCES_FROM:
        return score  # a review: one sentence's "not" turns no whole (rule 157)
    turned = negation(text, score.language) if score.feeling in _TURNABLE else 0
    if turned > 0 and _names_a_problem(text, score.language):
        return score  # "wasn't slow, arrived smashed": a fault denied beside one told (rules 171, 177)
    return turned_toward(score, turned) if turned else score


def turned_toward(score: Score, sign: float) -> Score:
    """`score` turned at least NEGATION_FLOOR toward `sign` (+1 or -1); unchanged when it already reads so or has none."""
    if score.polarity is None or sign * score.polarity >= NEGATION_FLOOR:
        return score
    polarity = sign * max(abs(score.polarity), NEGATION_FLOOR)
    return Score(score.language, polarity, score.subjectivity, score.scorer, feeling_of(polarity))


_TURNABLE = frozenset({Feeling.NEGATIVE, Feeling.NEUTRAL, Feeling.POSITIVE})


def _names_a_problem(text: str, language: str) -> bool:
    """Whether the complaint keyword rules name a problem in the answer (their denials cut first)."""
    from analysis.complaint_text import problems

    return bool(problems(text, language))


# Rule 157 (twenty-ninth session): in these languages a text of SENTENCES_FROM sentences or more (a review, which the
# feeling model reads sentence by sentence) is not turned by one sentence's negation; Russian writers' long answers
# read better turned.
_REVIEWS_READ_WHOLE = frozenset({"en", "zh"})

RATING_SCORER = "rating"
# Rule 144 (twenty-eighth session): emoji beside words whose mean polarity (by _EMOJI_POLARITY, others 0) reaches this
# show the feeling of an answer whose words read neutral ("quality 👍", "доставка 🐢").
CLEAR_EMOJI = 0.5


def as_marked(text: str, score: Score) -> Score:
    """The score reported for an answer whose rating ("5/5", "1 звезда", "五星好评") or emoji ("quality 👍") show a feeling
    its words do not: a rating alone reads as rated; a polar rating, or clear emoji beside words read neutral, turn the
    feeling at least NEGATION_FLOOR their way. Any other score unchanged; the complaint decision never sees it."""
    rated = rating(text)
    if score.feeling is Feeling.NONE:  # "5/5" has no words: no content, unless it is a rating
        if rated is None or score.scorer != NO_CONTENT_SCORER:
            return score
        return Score(score.language, _RATED_POLARITY[rated], None, RATING_SCORER, rated)
    if score.feeling not in _TURNABLE or score.polarity is None:
        return score
    if rated in _RATED_POLES:
        if holds("praise_on_a_condition", text, score.language):
            return score  # "10/10 would buy again if it actually worked" gives no rating (rule 269)
        sign = 1.0 if rated is Feeling.POSITIVE else -1.0
    elif rated is None and (score.feeling is Feeling.NEUTRAL or emoji_verdict(text, score.language)):
        mean = emoji_mean(text)  # "packaging 💩" blames, however its word alone reads (rule 145)
        if abs(mean) < CLEAR_EMOJI:
            return score
        sign = math.copysign(1.0, mean)
    else:
        return score
    return turned_toward(score, sign)


def emoji_mean(text: str) -> float:
    """The mean polarity of a text's emoji by _EMOJI_POLARITY (any other emoji 0); 0 when it has none."""
    marks = [_EMOJI_POLARITY.get(char, 0.0) for char in text if _is_emoji(char)]
    return sum(marks) / len(marks) if marks else 0.0


_RATED_POLES = frozenset({Feeling.NEGATIVE, Feeling.POSITIVE})
_RATED_POLARITY = {Feeling.POSITIVE: 0.5, Feeling.NEUTRAL: 0.0, Feeling.NEGATIVE: -0.5}


# An answer that only names a part of the journey ("delivery", "the packaging", "доставка", "快递") says what the
# customer thought of, not how they felt: to "what could be better?" and "what did you like?" alike. English
# and Russian words are stems matched at a word's start; a Chinese answer must be made of these nouns alone.
_BARE_NOUNS = {
    "en": re.compile(
        r"(?:(?:the|my|your|a|an|and|&|,)\s+)*(?:deliver|shipping|postage|courier|packag|parcel|price|pricing|cost|"
        r"support|customer service|service|checkout|payment|website|site|app|size|sizing|fit|quality|material|"
        r"fabric|colou?r|returns?|refunds?|communication|tracking|instructions)\w*"
        r"(?:\s*(?:,|and|&)\s*(?:the\s+)?(?:deliver|shipping|packag|price|support|service|quality|size|fit|colou?r)\w*)?"
    ),
    "ru": re.compile(
        r"(?:(?:и|,)\s+)*(?:доставк|упаковк|курьер|цен|поддержк|качеств|размер|оплат|сайт|приложени|возврат|"
        r"посылк|материал|цвет|сервис|обслуживани)\w*(?:\s*(?:,|и)\s*(?:доставк|упаковк|цен|качеств|размер)\w*)?"
    ),
    "zh": re.compile(
        r"(?:快递|物流|包装|价格|价钱|客服|质量|尺码|尺寸|付款|支付|网站|发货|配送|售后|颜色|服务|和|、|，)+"
    ),
}
_BARE_PUNCTUATION = re.compile(r"[\s.!?;:。！？…]+$|^\s+")


def bare_mention(text: str, language: str) -> bool:
    """Whether the answer only names a part of the journey ("delivery", "the packaging", "доставка", "快递")."""
    pattern = _BARE_NOUNS.get(language)
    if pattern is None or len(text) > 60:
        return False
    return pattern.fullmatch(_BARE_PUNCTUATION.sub("", text.casefold().replace("ё", "е"))) is not None


def emoji_verdict(text: str, language: str) -> int:
    """-1 when the answer only names a part of the journey and blames it with emoji ("packaging 💩", "курьер 🐢"), +1
    when it praises it so ("delivery 🚀"), else 0 (rule 145)."""
    mean = emoji_mean(text)
    if abs(mean) < CLEAR_EMOJI:
        return 0
    words = "".join(char for char in text if not _is_emoji(char) and char != "\ufe0f")
    return int(math.copysign(1, mean)) if words.strip() and bare_mention(words, language) else 0


def plain_fact(text: str, language: str) -> bool:
    """Whether the text only states when, how or for whom an order was made, only names a part of the journey, or gives a
    verdict neither good nor bad ("没有惊喜也没有失望", rule 261)."""
    return bare_mention(text, language) or holds("plain_fact", text, language) or holds("balanced", text, language)


def plain_praise(text: str, language: str) -> bool:
    """Whether the text only praises in a way the scorer reads backwards ("客服太好了", "this hoodie is sick")."""
    return holds("plain_praise", text, language)
