"""Detect the language of a free-text answer and score its sentiment with the scorer for that language."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from analysis.trained import TrainedScorer
from surveys.reading import Feeling, Score

__all__ = ["Feeling", "Score", "detect_language", "feeling_of", "register_scorer", "score_text"]

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

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


def detect_language(text: str) -> str:
    """Return the language of `text` judged by its script: 'en', 'ru', 'zh', ... or 'und' without letters."""
    text = _NOISE.sub(" ", text)
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
        for language, words in _FUNCTION_WORDS.items():
            if word in words:
                counts[language] += 1
    english = counts.pop("en")
    language, hits = max(counts.items(), key=lambda item: item[1])
    return language if hits >= 2 and hits > english else "en"


class Scorer(Protocol):
    """Scores texts of one language: (polarity −1…1, subjectivity 0…1 or None), or None if it cannot."""

    name: str

    def score(self, text: str) -> tuple[float, float | None] | None: ...


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    """Load VADER's lexicon once; it takes a tenth of a second, so not at import and not per call."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _cue_pattern(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")", re.IGNORECASE)


# Customer-feedback phrases that TextBlob and VADER read as neutral (or even positive) although a
# customer who writes them is unhappy or happy: "it never arrived", "piece of junk", "sent it back".
# Written as general complaint and praise vocabulary for products and services, then refined (with the
# weights below) on the tune half of uci_amazon only; see benchmarks/sentiment_quality.py.
_NEGATION = r"(?:\w*n't|not|no|never|cannot|cant|dont|doesnt|didnt|wont|wouldnt|couldnt|isnt|wasnt|nothing)"
_COMPLAINT_CUES = _cue_pattern(
    _NEGATION + r"\W+(?:\w+\W+){0,2}?(?:work|arriv|come|came|deliver|charg|turn|fit|respond|help|"
    r"connect|hold|last|stay|match|worth|recommend|happy|satisf|as (?:described|advertised|pictured)|"
    r"what i (?:wanted|ordered|expected)|buy|purchase|order|bother|waste|fooled|enough|even|repl|answer|"
    r"call(?:ed)? back|get back|got back|show|receiv|refund)",
    r"(?:stopped|stops|quit|ceased) working",
    r"(?:fell|falls|falling|came|comes|coming) (?:apart|off|out)",
    r"junk",
    r"trash",
    r"garbage",
    r"crap",
    r"rip(?:ped)?[- ]?off",
    r"scam",
    r"counterfeit",
    r"refund",
    r"return(?:ed|ing)? (?:it|them|this|the)",
    r"(?:send|sending|sent) (?:it|them) back",
    r"(?:have|had) to (?:return|replace|buy|purchase|get|send|call|contact)",
    r"waste",
    r"unreliable",
    r"unusable",
    r"useless",
    r"worthless",
    r"di(?:s|ss)ap+oint",
    r"flimsy",
    r"(?:design )?flaw",
    r"defect",
    r"faulty",
    r"broke",
    r"crack(?:ed|s)\b",
    r"overpriced",
    r"overcharg",
    r"beware",
    r"stay away",
    r"steer clear",
    r"avoid",
    r"(?:one|1|zero|0) stars?",
    r"never again",
    r"still waiting",
    r"(?:keeps?|kept) (?:dropping|crashing|freezing|falling|disconnecting|breaking)",
    r"drop(?:s|ped|ping)? (?:calls|the call|signal|connection)",
    r"(?:poor|bad|low|cheap|terrible) (?:quality|service|reception|sound|signal|battery|customer)",
    r"cheaply made",
    r"too (?:big|small|large|loud|quiet|heavy|expensive|long|slow|short|tight|loose|hot|complicated)",
    r"lack(?:s|ing|ed)?\b",
    r"mediocre",
    r"hassle",
    r"issues?\b",
    r"problems?\b",
    r"complain",
    r"unacceptable",
    r"inexcusable",
    r"(?:burn|smok|overheat)",
    r"(?:battery|it) (?:dies|died|drains|dying)",
    r"(?:late|delayed|lost|missing|wrong) (?:delivery|package|parcel|order|item|size|colou?r|part)",
    r"rude",
    r"(?:blew|blown) up",
    r"barely",
    r"hardly",
    r"impossible",
    r"(?:could|would) (?:have been|be) better",
    r"expected (?:better|more)",
    r"hoping for more",
    r"mistake",
    r"unfortunately",
    r"not (?:as|that|very|so|too) (?:good|great|nice|well)",
    r"not the best",
)
_PRAISE_CUES = _cue_pattern(
    r"work(?:s|ed|ing)? (?:great|well|perfectly|fine|flawlessly|like a charm)",
    r"work(?:s|ed|ing)? as (?:expected|described|advertised)",
    r"must[- ]have",
    r"(?:highly |would |definitely |strongly )recommend",
    r"(?:will|would|'ll) (?:definitely )?(?:buy|order|shop|come back|return to)\b.{0,20}\bagain",
    r"thumbs up",
    r"(?:five|5|ten|10) stars?",
    r"10/10",
    r"5/5",
    r"exceed(?:ed|s) (?:my |all )?expectations",
    r"just what i (?:wanted|needed|was looking for)",
    r"exactly what i",
    r"(?:does|did) (?:everything|exactly|what it)",
    r"as (?:described|advertised|promised)",
    r"sturdy",
    r"solid",
    r"reliable",
    r"durable",
    r"(?:fast|quick|speedy|timely|prompt) (?:shipping|delivery|shipment|response|service)",
    r"(?:arrived|delivered|shipped) (?:quickly|early|fast|on time|promptly)",
    r"(?:can't|cannot|can not) beat",
    r"(?:couldn't|could not|can't|cannot|can not) be (?:happier|better)",
    r"(?:no|never (?:had|have|got)(?: a| any)?|without(?: a| any)?) (?:problems?|issues?|complaints?|complain)",
    r"(?:can't|cannot|can not|couldn't) complain",
    r"nothing to (?:improve|complain)",
    r"worth (?:it|every|the)",
    r"easy to (?:use|install|set ?up|read|carry|clean|understand|navigate|pair|connect|order|find)",
    r"without (?:effort|a hitch)",
    r"fits? (?:well|perfectly|great|nicely|like a glove)",
    r"(?:keeps?|kept) working",
    r"happy with",
    r"pleased",
    r"satisfied",
    r"bargain",
    r"a (?:steal|gem|keeper)",
    r"(?:well|nicely) (?:made|built|designed|done)",
    r"(?:peachy|top[- ]notch|spot on)",
    r"flawless",
)
_HAS_NEGATION = _cue_pattern(_NEGATION + r"\b")
_CUE_WEIGHT = 0.5
# A negation that neither lexicon could attach to a sentiment word still leans negative in feedback
# ("it does not charge", "not what I wanted"); it decides only when nothing else has spoken.
_BARE_NEGATION = -0.1
_TEXTBLOB_WEIGHT = 0.5
_VADER_WEIGHT = 0.5


class EnglishScorer:
    """TextBlob's polarity and subjectivity, combined with VADER's compound score and feedback cues."""

    name = "textblob+vader"

    def score(self, text: str) -> tuple[float, float | None] | None:
        from textblob import TextBlob

        blob = TextBlob(text).sentiment
        compound = _vader().polarity_scores(text)["compound"]
        # Praise is matched first and cut out, so "no problems" does not also count as "problems".
        without_praise, praise = _PRAISE_CUES.subn(" ", text)
        cues = _CUE_WEIGHT * (praise - len(_COMPLAINT_CUES.findall(without_praise)))
        polarity = _TEXTBLOB_WEIGHT * blob.polarity + _VADER_WEIGHT * compound + cues
        if polarity == 0.0 and _HAS_NEGATION.search(text):
            polarity = _BARE_NEGATION
        return max(-1.0, min(1.0, polarity)), blob.subjectivity


# Russian and Chinese use models trained on labelled reviews (benchmarks/train_sentiment.py), loaded on
# first use; any other language stays "not scored".
SCORERS: dict[str, Scorer] = {"en": EnglishScorer(), "ru": TrainedScorer("ru"), "zh": TrainedScorer("zh")}


def register_scorer(language: str, scorer: Scorer) -> None:
    """Score texts detected as `language` with `scorer` from now on, replacing any earlier one."""
    SCORERS[language] = scorer


# A polarity this close to 0 is a text that leans neither way: neutral, not a weak complaint or praise.
NEUTRAL_BAND = 0.05
NO_CONTENT_SCORER = "no-content"
EMOJI_SCORER = "emoji"

# Answers that say there is nothing to say, after _plain(): lower case, ё→е, punctuation and spaces
# collapsed. Matched whole, so "no, it never came" is read, not dropped.
_NO_CONTENT = frozenset(
    phrase.strip()
    for phrase in """
    no|nope|nah|none|nothing|nothing else|nothing to add|nothing more|nothing more to add|nothing to say|
    nothing really|not really|no comment|no comments|no thanks|no thank you|n a|na|nil|nothing at all|
    all said|nothing further|no nothing|idk|dunno|i don t know|don t know|no idea|not sure|pass|skip|
    nothin|nothign|nothing too add|no coment|nothing to ad|nothing more to say|no that s all|that s all|
    none at all|that is all|all good nothing to add|
    нет|неа|не|ничего|нечего|нечего добавить|добавить нечего|ничего не добавлю|мне нечего добавить|
    ничего добавить|нечего сказать|без комментариев|нет комментариев|ничего нет|нет ничего|не знаю|
    пропустить|пропуск|больше нечего сказать|больше нечего добавить|больше ничего|нечиго добавить|нечего добовить|ниче|нету|все сказал|все сказала|все|
    没有|无|暂时没有|没了|没有了|没有要补充的|没有了|没什么|没什么要补充的|没有补充|无补充|暂无|暂无补充|没意见|
    没有意见|不知道|没|没有什么|没有什么要说的|没啥|没啥说的|无可补充|略|跳过|暂时没有要补充的
    """.split("|")  # noqa: SIM905 -- one phrase per |, easier to extend than a list literal
    if phrase.strip()
)
# Emoji that show a feeling by themselves; any other emoji is read as neutral.
_EMOJI_POLARITY = {
    **dict.fromkeys("👍👌👏🙏❤💖💕💯🔥⭐🌟✨🎉🥰😍😊😀😃😄😁🙂☺😉🤩🥳💪✅🤗😘💗💓💚💙💜🧡", 1.0),
    **dict.fromkeys("👎😡😠🤬😤😞😟😢😭😩😫🙁☹😒😣😖💩🤮🤢😱😰😨❌🚫💔😕😔🥺", -1.0),
}
_TOKEN_SPLIT = re.compile(r"[\W_]+")


def _plain(text: str) -> str:
    """Lower-case `text`, drop control and punctuation characters and collapse spaces, for phrase matching."""
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е").replace("'", " ").replace("’", " ")
    return " ".join(_TOKEN_SPLIT.sub(" ", text).split())


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So" or char in _EMOJI_POLARITY


def feeling_of(polarity: float) -> Feeling:
    """The feeling a polarity shows: neutral within NEUTRAL_BAND of 0, else its sign."""
    if abs(polarity) < NEUTRAL_BAND:
        return Feeling.NEUTRAL
    return Feeling.POSITIVE if polarity > 0 else Feeling.NEGATIVE


def _without_content(text: str, language: str) -> Score | None:
    """A Score for a text with nothing to read (no words, a "nothing to add", only emoji), else None."""
    cleaned = _NOISE.sub(" ", text)
    plain = _plain(cleaned)
    if plain in _NO_CONTENT or _THANKS.sub("", plain).strip() in _NO_CONTENT:
        return Score(language, 0.0, None, NO_CONTENT_SCORER, Feeling.NONE)
    emoji = [char for char in cleaned if _is_emoji(char)]
    words = [token for token in plain.split() if not token.isdigit()]
    if emoji and not _LETTERS.search(cleaned):
        polarity = max(-1.0, min(1.0, sum(_EMOJI_POLARITY.get(char, 0.0) for char in emoji) / len(emoji)))
        return Score(language, polarity, None, EMOJI_SCORER, feeling_of(polarity))
    if not words or not _LETTERS.search(cleaned):
        # Empty, whitespace, control characters, a link, an order number, "-": nothing the customer said.
        return Score(language, 0.0, None, NO_CONTENT_SCORER, Feeling.NONE)
    return None


# "нет, спасибо" and "没有，谢谢" decline as politely as they decline; the thanks adds no feeling.
_THANKS = re.compile(r"(?:^|\s)(?:thanks|thank you|thx|спасибо|благодарю|谢谢|谢了)(?:\s|$)|谢谢|谢了")
_LETTERS = re.compile(r"[^\W\d_]")


def score_text(
    text: str, language: str | None = None, *, scorers: Mapping[str, Scorer] | None = None
) -> Score:
    """Detect the language of `text` unless given, then read "no content" and emoji, else use its scorer."""
    if language is None:
        language = detect_language(text)
    empty = _without_content(text, language)
    if empty is not None:
        return empty
    scorer = (SCORERS if scorers is None else scorers).get(language)
    result = scorer.score(text) if scorer is not None else None
    # A NaN from a misbehaving scorer would survive clamping as ±1; it means "no score".
    if scorer is None or result is None or math.isnan(result[0]):
        return Score(language=language, polarity=None, subjectivity=None, scorer=None, feeling=None)
    polarity = max(-1.0, min(1.0, float(result[0])))
    return Score(language, polarity, result[1], scorer.name, feeling_of(polarity))
