"""English feedback cues: phrases that customers use to complain or praise which general lexicons miss."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

from analysis.cues import FaultsSaid, Listing, Negations


def _cue_pattern(*phrases: str) -> re.Pattern[str]:
    # Matched against lower-cased text: without IGNORECASE the regex engine runs several times faster.
    return re.compile(r"\b(?:" + "|".join(phrases) + r")")


# Customer-feedback phrases that VADER reads as neutral (or even positive) although a customer who
# writes them is unhappy or happy: "it never arrived", "piece of junk", "sent it back". Written as general
# complaint and praise vocabulary for products and services; the English model learns how much they weigh.
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
    r"another (?:week|day|month|delay)",
    r"delay",
    r"(?:took|takes|taking) (?:forever|ages|weeks)",
    r"soaked",
    r"in the rain",
    r"(?:nobody|no one|noone) (?:answer|repl|respond|pick|call|help|care)",
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


def _lower(text: str) -> str:
    return text.lower().replace("’", "'")


def cue_counts(text: str) -> tuple[int, int]:
    """(praise cues, complaint cues) in `text`; praise is cut out first so "no problems" is not also "problems"."""
    without_praise, praise = _PRAISE_CUES.subn(" ", _lower(text))
    return praise, len(_COMPLAINT_CUES.findall(without_praise))


# Praise that means its opposite. Sarcasm: a praise word opening a report of a problem ("great, another week
# of waiting", "perfect, still no reply"), liking what nobody likes ("love waiting 3 weeks for a t-shirt"),
# "thanks for nothing", "so much for fast shipping". Hedges and negated praise: "could be better", "left a
# lot to be desired", "not my favourite" say politely that something was not good. VADER and the n-grams read the praise word; the scorer turns the
# praise of a sentence holding one of these into blame (analysis.trained.Model).
_PROBLEM_AFTER_PRAISE = (
    r"another (?:\w+ )?(?:week|day|month|hour|delay|excuse|wait|email|call)s?\b|"
    r"(?:still|yet) (?:waiting|no\b|nothing|not\b|broken)|(?<!no )(?:more|longer) wait|(?<!no more )(?<!without )(?<!no )waiting|"
    r"no (?:reply|answer|response|refund|parcel|package|order|delivery|update|tracking|one|news|word|money|sign)\b|"
    r"(?:broke|broken|late|delayed|wrong|lost|crashed|failed|cancell?ed|charged|sent nothing)\b"
)
_SARCASM = _cue_pattern(
    r"(?<![\w ])\s*(?:oh|well|yeah|wow|just)?\W*(?:great|perfect|wonderful|fantastic|awesome|brilliant|lovely|nice|"
    r"super|amazing|excellent|terrific|splendid|cool|top|fab|lovely)(?: (?:job|work|service))?\s*[,.!…-]+\s*(?:\w+\W+){0,4}?"
    r"(?:" + _PROBLEM_AFTER_PRAISE + r")",
    r"(?:love|adore|enjoy|like)(?:s|d)? (?:waiting|paying (?:twice|extra|again)|being (?:ignored|charged|lied to|"
    r"put on hold|kept waiting|overcharged)|chasing|spending (?:hours|days|weeks)|getting (?:charged|ignored)|"
    r"wasting|having to (?:wait|chase|call|ask|pay))",
    r"(?:love|adore|enjoy|like)(?:s|d)? (?:that|how|it when) (?:i|we|you|one) (?:have|had|has|must|need|get) to "
    r"(?:pay|wait|chase|call|ask|email|return|send|phone)",
    r"thanks? (?:you )?(?:a lot |so much |very much )?for (?:nothing|wasting|ruining|losing|breaking|the runaround)",
    r"so much for (?:the |your )?(?:fast|quick|next|express|free|speedy|premium|guaranteed|tracked)",
    # Praise taken back by what was never wanted: "exactly what I wanted... if I had wanted the 2018 edition".
    r"(?:exactly|just|precisely) what (?:i|we) (?:wanted|needed|ordered|asked for)\W+(?:\w+\W+){0,2}?if (?:i|we)"
    r"(?:'d| had| did)? (?:wanted|needed|ordered|asked for)",
)
# Polite verdicts of taste or degree: negative, but opinions that report nothing for the shop to act on.
_HEDGES = _cue_pattern(
    r"wouldn'?t have (?:bought (?:it|one|them) |paid for (?:it|one|them) |got (?:it|one|them) )?at full price",  # a bargain, no fault
    r"(?:could|might) (?:have been|be|'ve been|use some) (?:a (?:lot|bit|little) |much |way )?better",
    r"(?:has|had|there'?s|there is) (?:some |a lot of |plenty of )?room for improvement",
    r"(?:not|never|wasn'?t|isn'?t|aren'?t|weren'?t) (?:really |exactly |quite |particularly )?(?:my |a |the |that |so |"
    r"very |too |all that )?(?:favou?rite|fan|impressed|keen|cup of tea)\b",
    r"(?:not|wasn'?t|isn'?t) (?:really |exactly |quite )?my (?:thing|style|taste|type)\b",
)
# Praise denied: the feeling is the opposite of the praise word's, and it may well be a complaint.
_NEGATED_PRAISE = _cue_pattern(
    r"(?:left|leaves|leaving) (?:a lot|much|something|plenty) to be desired",
    r"(?:not|never|wasn'?t|isn'?t|aren'?t|weren'?t) (?:really |exactly |quite |particularly )?(?:a |the |that |so |"
    r"very |too |all that )?(?:best|great|good|nice|happy|pleased|thrilled)\b",
)


def inverts_praise(text: str) -> bool:
    """Whether a sentence's praise means blame: sarcasm over a problem, or a hedge such as "could be better"."""
    lower = _lower(text)
    return _ironic(lower) or any(pattern.search(lower) is not None for pattern in (_SARCASM, _HEDGES, _NEGATED_PRAISE))


# Praise beside an upside-down or eye-rolling face: "Love the new app update 🙃 can't find my orders anymore".
_IRONY_EMOJI = re.compile("[\U0001f643\U0001f644]")
_PLAIN_PRAISE = _cue_pattern(
    r"(?:love|loved|loving|great|perfect|wonderful|fantastic|awesome|brilliant|lovely|nice|super|amazing|excellent|"
    r"terrific|fab|stellar|thanks|thank you|appreciate|glad|so happy|best)\b"
)


def _ironic(lower: str) -> bool:
    """Whether lower-cased praise comes with an ironic face (🙃, 🙄)."""
    return _IRONY_EMOJI.search(lower) is not None and _PLAIN_PRAISE.search(lower) is not None


# Wishes and suggestions: "I'd prefer paper packaging", "wish it came in blue", "maybe add gift wrap".
_SUGGESTIONS = _cue_pattern(
    r"(?:i'?d|i would|we'?d|would) (?:prefer|rather|like|love)\b",
    r"wish\b",
    r"would be (?:nice|great|good|better|lovely|handy|helpful)",
    r"(?:maybe|perhaps|please|could you|you could|you should) (?:add|offer|consider|include|have|make|bring)",
    r"bring back the\b|more (?:colou?rs|sizes|options|choice|styles|patterns|flavou?rs)\b",
)


def sarcastic(text: str) -> bool:
    """Whether a text praises a problem ("perfect, still no reply", "love paying twice"): a complaint, however
    it scores."""
    lower = _lower(text)
    # An ironic face turns a one-word "thanks 🙃" negative, but only a text that says more reports something.
    return _SARCASM.search(lower) is not None or (_ironic(lower) and len(lower.split()) >= 4)


# The shop's own words quoted back: a delivery promise or status, or a claim about the product, in quotes in a
# short answer ("19 days for 'express'", "the 'waterproof' jacket let the rain in", "the 'in stock' label is
# decorative"). Every dev answer that does so is a complaint, whatever it scores, and few comments elsewhere do.
_CLAIM = re.compile(
    r"(?<!\w)(?:express|next[- ]day|same[- ]day|\d+\s*(?:-|to)\s*\d+\s*(?:working |business )?days?|out for delivery|"
    r"on (?:its|the|their) way|delivered|dispatched|shipped|signed for|handed to|left (?:with|in|at)|"
    r"customer (?:not home|unavailable|refused)|refused|delayed|window|in stock|available|backorder|not found|"
    r"invalid|waterproof|water[- ]?(?:resistant|proof)|fresh|oak|solid|genuine|leather|wool|silk|cotton|premium|"
    r"luxury|large|small|medium|x+l|one size|gift[- ]?wrap\w*|pack of \d+|set of \d+|handling|free|tracked|"
    r"insured|guaranteed|priority|eco|organic|hand[- ]?made|100 ?%|quality|durable|unbreakable|non[- ]?stick|"
    r"easy (?:to )?\w+|quick|fast|instant|24/7|live chat|customer (?:service|care|support)|support|brand new|sale|"
    r"discount|bargain|deal|refund(?:ed)?|resolved|closed|processed|in progress|pending)(?!\w)"
)
_QUOTED = re.compile(r"""(?:^|[\s(:])['"‘“]([^'"‘’“”]{2,30})['"’”](?=[\s.,!?;:)]|$)""")
_SHORT_ANSWER = 300


def quotes_a_claim(text: str) -> bool:
    """Whether a short answer quotes the shop's promise, status or product claim back ("'express'", "'in
    stock'"): a complaint, however it scores."""
    if len(text) > _SHORT_ANSWER:
        return False
    return any(_CLAIM.search(quoted.group(1).lower()) for quoted in _QUOTED.finditer(text.replace("’", "'")))


# Praise or a recommendation on a condition the shop did not meet (rule 268): "10/10 would buy again if the coffee table
# actually came with the legs", "would recommend if the blanket ever actually arrived". Every spent answer of the shape
# (15) is a complaint, whatever it scores; a condition meant names no "actually" or "ever" ("would recommend if you
# like spicy food"), or only the reader's "if you ever need one". The "actually" or "ever" sits in the condition's own clause
# (rule 270): "recommend if you have a big dog, the XL is actually XL" is a condition meant.
_PRAISE_ON_A_CONDITION = re.compile(
    r"(?<!\w)(?:(?:(?:i'?d|i would|would|id) )?recommend(?: you| you guys| it| this| them)?|would buy again|"
    r"(?:i'?d|id|i would) give (?:it |you |them )?(?:\d|five|four) stars?|10/10|5/5|great (?:shop|store))"
    r"[^.!?]{0,20}?(?:\.\.\.|…)?,?\s*\bif(?: only)? (?:(?! - )[^.!?,;:—–]){0,50}?\b(?:actually|(?<!you )(?<!u )ever)\b"
)


# ... or on a sarcastic condition put to the reader (rule 272): "great game if you dont need the dice", "great cream if you
# enjoy a rash", "kettle's lovely if you dont mind it leaking". A condition meant names none of these ("if you like spicy
# food", "if you dont mind waiting a week", "if you want a cheap speaker").
_SARCASTIC_CONDITION = re.compile(
    r"(?<!\w)(?:great|perfect|amazing|awesome|fantastic|brilliant|lovely|excellent|superb|ideal|good|nice|recommend\w*|"
    r"10/10|(?:5|five) stars?)(?!\w)[^.!?]{0,40}?\bif (?:you|your \w+)(?:'re|'ve| are| have)? (?:"
    r"enjoys?|"
    r"likes? (?:getting|waiting|paying|talking|chasing|being (?:told|charged|ignored|billed|kept|sent|passed)|"
    r"(?:it|them) \w+ing)|"
    r"(?:don'?t|do not) need (?:the|all|any)|"
    r"only need (?:one|the left|the right|half|\d)|"
    r"(?:don'?t|do not) mind (?:it|the|them|your)\b[^.!?,]{0,30}?\w+ing|ok with it being"
    r")\b"
)


def praise_on_a_condition(text: str) -> bool:
    """Whether an answer praises or recommends on a condition the shop did not meet ("would recommend if it ever actually
    arrived") or on a sarcastic one ("great game if you dont need the dice"): a complaint, however it scores."""
    lower = _lower(text)
    return _PRAISE_ON_A_CONDITION.search(lower) is not None or _SARCASTIC_CONDITION.search(lower) is not None


def hedged(text: str) -> bool:
    """Whether a text gives a polite verdict ("could be better", "not my favourite", "not impressed") or a
    wish ("I'd prefer paper packaging"): an opinion, which reports nothing for the shop to act on by itself."""
    lower = _lower(text)
    return _HEDGES.search(lower) is not None or _SUGGESTIONS.search(lower) is not None


# VADER's word list (MIT, shipped in the vaderSentiment package) read in plain Python: the same lexicon and
# its main rules (negation flips and dampens, "but" shifts weight to what follows), without VADER's
# per-character passes, which made it most of the time spent on a paragraph-long review.
_LEXICON_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[:;=][-']?[()\]\[dp/\\|*]")
_NEGATIONS = frozenset(
    "aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't dont "
    "hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't neednt "
    "needn't never none nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't "
    "shouldn't wasn't weren't without wont wouldnt won't wouldn't rarely seldom despite no".split()
)
_NEGATION_SCALAR = -0.74
_BUT_BEFORE, _BUT_AFTER = 0.5, 1.5
# VADER's normalisation of a summed valence into −1…1.
_ALPHA = 15.0


@lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    """VADER's lexicon: token → mean valence (−4…4); emoticons kept as written, words lower-cased."""
    source = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    valences: dict[str, float] = {}
    for line in source.splitlines():
        token, valence, *_ = line.split("\t")
        valences.setdefault(token.lower(), float(valence))
    return valences


def valence_scores(text: str) -> tuple[float, float, float]:
    """(compound −1…1, positive share, negative share) of `text` by VADER's lexicon, negation and "but" rules."""
    tokens = _LEXICON_WORD.findall(_lower(text))
    valences = _valences()
    found: list[float] = []
    neutral = 0
    but = -1
    for i, token in enumerate(tokens):
        if token == "but":
            but = len(found)
        valence = valences.get(token)
        if valence is None:
            neutral += 1
            continue
        if any(previous in _NEGATIONS for previous in tokens[max(0, i - 3) : i]):
            valence *= _NEGATION_SCALAR
        found.append(valence)
    if not found:
        return 0.0, 0.0, 0.0
    if but >= 0:
        found = [v * (_BUT_BEFORE if k < but else _BUT_AFTER) for k, v in enumerate(found)]
    total = sum(found)
    # As VADER counts them: each sentiment word adds one to its side on top of its valence.
    positive = sum(v + 1.0 for v in found if v > 0)
    negative = -sum(v - 1.0 for v in found if v < 0)
    neutral += sum(1 for v in found if v == 0)
    mass = positive + negative + neutral
    return total / math.sqrt(total * total + _ALPHA), positive / mass, negative / mass


# A plain fact ("I received the order yesterday", "Ordered on Monday through the app") says when, how or for
# whom an order was made and carries no feeling; the trained scorer often reads it as negative, since so many
# complaints open the same way. A text is a plain fact when every word is from this closed list and one of them
# orders, buys, pays or receives. Any other word ("still", "only", "late", "but", "not") means the customer said
# more, and the scorer's reading stands; so does "ago" ("Ordered 4 weeks ago" says it has not come). Written
# from general knowledge of how orders are described, as the Russian list (analysis.russian_cues) was; the dev
# rows only checked that no labelled feeling is overruled.
_FACT_VERBS = frozenset(
    """order ordered ordering buy bought buying purchase purchased paid pay receive received got get collected
    collect picked delivered came arrived used use saw seen found heard""".split()
)
_FACT_WORDS = _FACT_VERBS | frozenset(
    """i we my our me us it them this that these the a an one two three four five six seven first second on in at
    for from via through with by up of to as was were is are had have has just and
    order parcel package item items box delivery gift present
    today yesterday tonight morning afternoon evening night week weeks month months day days year years last
    monday tuesday wednesday thursday friday saturday sunday weekend
    january february march april may june july august september october november december
    online app website site phone laptop store shop post office locker counter pickup point card cash paypal
    mum mom dad husband wife son daughter sister brother friend friends partner kids boss colleague myself
    birthday christmas sale
    you your code voucher coupon discount promo email newsletter link ad ads advert instagram insta ig tiktok
    facebook fb google youtube search podcast
    inside paper cardboard plastic bag envelope wrapped wrapping tissue""".split()
)
_FACT_TOKEN = re.compile(r"[a-z]+|\d+(?:st|nd|rd|th)?")


def plain_fact(text: str) -> bool:
    """Whether an English answer only states when, how or for whom an order was made: a fact with no feeling."""
    words = _FACT_TOKEN.findall(_lower(text))
    if not words or len(words) > 12:
        return False
    return all(word[0].isdigit() or word in _FACT_WORDS for word in words) and any(w in _FACT_VERBS for w in words)


# Slang praise the scorer reads backwards ("absolute banger of a kettle", "this hoodie is sick", "lowkey obsessed",
# "dangerously comfy"): its words are negative in VADER and in most training texts. A text is read positive when it
# holds such praise and nothing that turns, denies or reports (no "but", "not", "never", "broken", "late", ...).
_SLANG_PRAISE = _cue_pattern(
    r"obsessed|(?:absolute |total |a )?banger|(?:is|so|proper|absolutely|pretty) sick\b|sick (?:\w+ )?(?:service|delivery|"
    r"hoodie|speed|deal|price|fit|quality|trainers|jacket|kettle|lamp)|wicked (?:\w+ )?(?:service|good|warm|sharp|fast|"
    r"quick|deal|price|comfy|soft)|wicked\W*$|killer (?:price|deal|service|quality|value)|(?:absolute|total|a|an) "
    r"(?:legend|beast|menace)|no cap|(?:is|was|so) fire\b|unreal|ate and left no crumbs|slaps|goated|bussin|"
    r"hits different|chef'?s kiss|nailed it|earns? (?:its|their) keep|(?:battery |charge )?lasts? (?:forever|for ages|ages)\b|(?:ridiculously|insanely|dangerously|scary|scarily|"
    r"criminally|obscenely|stupidly|crazy|silly|disgustingly|absurdly|sinfully|freakishly|wickedly|stupid|mad|hella|wildly) "
    r"(?:good|fast|quick|comfy|comfortable|soft|cheap|low|pretty|warm|sharp|cute|addictive|tasty|delicious|smooth|cosy|"
    r"cozy|sturdy|beautiful|gorgeous|nice|light|bright|easy|strong|fresh|juicy|moreish|useful|handy)|"
    # a short wait praised: "only 2 days to arrive, great", "just took one day"
    r"(?:only|just) (?:took )?(?:[123]|one|two|three|a couple of|24|48) (?:working )?(?:days?|hours?|hrs)"
    r"(?: to (?:arrive|come|get here|be delivered|deliver|ship))?(?!\w)"
)
_NOT_PLAIN = _cue_pattern(
    r"but|except|however|though|although|only (?:thing|issue|problem|complaint)|shame|unfortunately|not|n't|never|"
    r"nothing|no (?!cap)|broken|broke|late|missing|wrong|damaged|refund|return|still|waiting|cracked|leak\w*|ripped"
)


_GLAD_NOT = re.compile(
    r"(?:can't|cannot) (?:stop|wait)|couldn't be happier|haven't (?:taken|stopped)|never (?:taking|take|took) (?:it|them) off"
)


def plain_praise(text: str) -> bool:
    """Whether an English answer only praises in slang the scorer reads as blame ("this hoodie is sick")."""
    lower = _lower(text)
    # "doesn't", "wasn't" turn the praise; "can't stop wearing it", "never taking it off" only add to it (rule 264)
    glad = _GLAD_NOT.sub(" ", lower)
    return _SLANG_PRAISE.search(lower) is not None and _NOT_PLAIN.search(glad) is None and "n't" not in glad


# An item that matched its listing ("exactly as described", "looks just like the photos") or did not ("not as pictured",
# "nothing like the photos"): the models read "matches the description" as neutral and a reader flagged it (rule 139).
_LISTED = r"(?:the |its |your |in the |on the |on your )?(?:description|photos?|pictures?|pics?|images?|listing|website|site|advert|ad|product page)s?(?!\w)"
# A comparison with the listing (rule 153): "way darker than on the site", "smaller than they look in the pics", "not
# nearly as grippy as the description makes out", "not the same colour as on your site"; not a praise comparative.
_LISTING_TAIL = (
    r"(?:described|advertised|pictured|shown|listed|stated|(?:(?:it|they|he|she) (?:looks?|looked|seems?|seemed|appears?|"
    r"appeared) )?(?:online|(?:in|on) " + _LISTED + r")|" + _LISTED + r" (?:suggests?|shows?|showed|makes? (?:it|them) "
    r"(?:look|out)|says?|said|looks?|looked))"
)
_COMPARED_TO_LISTING = (
    r"(?<!\w)(?!(?:better|nicer|softer|sturdier|stronger|brighter|prettier|comfier|cuter|lovelier|cosier|cozier|warmer|"
    r"thicker|bigger|higher|richer|fuller|quieter|faster|quicker|sooner|smoother|tastier|roomier|cheaper|other|rather|ever|"
    r"never|over|after|under|either|whether|later|earlier)\b)(?<!not )(?<!no )(?<!n't )(?:\w+er|more \w+|less \w+) (?:than|then) "
    + _LISTING_TAIL
    + "|"
    r"(?<!\w)(?:not|isn'?t|wasn'?t|aren'?t|weren'?t) (?:nearly |quite |at all |anywhere near |even )?as \w+ as "
    + _LISTING_TAIL
    + r"|(?<!\w)(?:not|isn'?t|wasn'?t|aren'?t|weren'?t) the same (?:\w+ )?as (?:"
    + _LISTING_TAIL
    + ")"
)
_LISTING = Listing(
    matched=re.compile(
        r"(?<!\w)(?:match(?:es|ed)?|true to|same as|just like|exactly like|identical to|looks? (?:just |exactly )?like|"
        r"looked (?:just |exactly )?like) " + _LISTED + r"|(?<!\w)as (?:described|pictured|advertised|shown|listed|"
        r"in the (?:photos?|pictures?|pics?|description|listing)|on the (?:photos?|pictures?|website|site|listing))(?!\w)|"
        r"(?<!\w)(?:description|photos?|pictures?|listing)s? (?:match(?:es|ed)?|(?:was|is|were|are) (?:accurate|spot on|exact))(?!\w)"
    ),
    unmatched=re.compile(
        r"(?<!\w)nothing like "
        + _LISTED
        + r"|(?<!\w)different (?:from|than|to) "
        + _LISTED
        + "|"
        + _COMPARED_TO_LISTING
    ),
    denial_before=re.compile(
        r"(?<!\w)(?:not|\w+n'?t|never|nothing|hardly|barely|no longer|wish|should|supposed to|meant to|if)(?: \w+){0,2} $"
    ),
    expected_before=re.compile(r"(?<!\w)(?:expect\w*|thought|hoped|supposed|assumed|imagined)(?!\w)"),
    turns=re.compile(
        r"(?<!\w)(?:but|though|tho|although|however|except|apart from|other than|only|otherwise|unfortunately|sadly|shame|"
        r"pity)(?!\w)"
    ),
    better_after=re.compile(
        r"(?<!\w)(?:better|nicer|prettier|prefer|love it|love them|like it (?:even |much |a lot )?more|"
        r"like them (?:even |much |a lot )?more)(?!\w)"
    ),
    clause_end=re.compile(r"[.!?;,\n]"),
)
affirms_listing = _LISTING.affirms  # opens no learnt complaint; English writers call a plain match neutral, so no
denies_listing = _LISTING.denies  # listing_praised here (rule 140): the reported feeling stays the models'
# An English mismatch with the listing is a complaint (rule 153; Russian and Chinese writers accept or like a comparison
# with the listing too often: there it opened more false flags than it caught).
misled_by_listing = _LISTING.denies


# Hedged and comparative verdicts the English model reads the wrong way round ("I've had better" +0.52, "could have
# been worse" −0.70): the reported feeling turns as for the Russian and Chinese denials (rule 142, twenty-eighth session;
# written from general knowledge of the language, not from rows). English reads plain "not" itself.
# The "not" of a softened verdict (rule 151): "not very fast", "wasn't very polite", "didn't feel sturdy".
_NOT = (
    r"(?:not|never|isn'?t|wasn'?t|aren'?t|weren'?t|don'?t|doesn'?t|didn'?t|ain'?t|won'?t|wouldn'?t|hasn'?t|haven'?t)\s+"
)
# A fault denied (rule 159; the complaint rules cut it before they read, rule 163): "nothing broke", "nothing leaked, nothing broke", "nothing came off in the wash", "none of
# the glasses were broken", "not a single scratch", "no dents".
FAULT_DENIED = (
    r"(?<!\w)(?:nothing|none of (?:it|them|the \w+)|not one of (?:it|them|the \w+)|not a single one)(?: \w+)?"
    r"(?: was| were| got| has| had)? (?:broke|broken|leaked|leaking|came off|fell off|faded|shrank|shrunk|tore|torn|ripped|"
    r"cracked|peeled|scratched|dented|bent|missing|damaged|smashed|spilled|spilt|chipped|loose|crushed|squashed|soaked|wet|"
    r"stained|frayed|lost)(?!\w)|(?<!\w)(?:not a single|not one|no) (?:scratch|scratches|dent|dents|leak|leaks|"
    r"damage|crack|cracks|chip|chips|missing (?:parts|pieces|screws)|loose threads)(?!\w)|"
    # a fault participle before a noun, and wear (rule 206): "no broken pieces", "without a single crack", "barely a mark"
    r"(?<!\w)(?:no|not a single|not one|without(?: a single| any)?) (?:broken|missing|damaged|cracked|chipped|bent|dented|"
    r"scratched|crushed|smashed|leaking) \w+|(?<!\w)(?:no|not a|not a single|not one|without(?: a single| any)?|barely a|"
    r"hardly a|not even a) (?:fraying|pilling|bobbles?|fading|rips?|tears|holes?|stains?|rust|marks?|scuffs?|hiccups?|"
    r"cracks?|wobbles?|scratch(?:es)?|dents?|chips?)(?!\w)|"
    # an item that held up (rule 212): "been wearing the boots in snow and mud, still waterproof"; a use told before
    # the verdict, and no fault or turn between
    r"(?<!\w)(?:used|using|wear\w*|wore|worn|washed|washes|wash|dropped|drop|fell|rain|snow|mud|months?|weeks?|year|"
    r"daily|every day)(?!\w)(?:(?!(?<!\w)(?:but|though|tho|however|except|broke|broken|split|tore|torn|ripped|cracked|"
    r"faded|leak\w*|stopped|died|dead|came off|fell apart|peel\w*|fray\w*|snapped|bent)(?!\w))[^.!?]){0,80}?"
    r"(?<!\w)still (?:works|working|waterproof|soft|the same colou?r|the same shape|going strong|in one piece|like new|"
    r"looks? (?:brand )?new|holding up|intact|perfect|fine|good as new|comfy|comfortable|sharp|bright|white|tight)(?!\w)|"
    # with a verb (rule 172): "didnt crash", "the tablet didn't overheat", "cord not frayed", "zero crashes"
    r"(?<!\w)(?:didn'?t|did not|doesn'?t|does not|don'?t|do not|never|wasn'?t|was not|weren'?t|were not|isn'?t|is not|"
    r"aren'?t|not|hasn'?t|has not|haven'?t|have not|hadn'?t)(?: \w+)?? (?:crash(?:ed)?|freeze|froze|frozen|"
    r"overheat(?:ed)?|break|broke|broken|leak(?:ed)?|"
    r"crack(?:ed)?|chip(?:ped)?|snap(?:ped)?|dent(?:ed)?|fray(?:ed)?|rust(?:y|ed)?|fail(?:ed)?|glitch(?:ed)?|lag(?:ged)?|"
    r"crackle|buzz|delayed|damaged|late|rude|misleading|"
    # rule 206: "box wasnt crushed", "colours haven't faded", "wasnt charged twice"
    r"crushed|squashed|soaked|wet|torn|ripped|scratched|smashed|faded|fade|shrunk|shrank|pilled|stained|peeled|"
    r"charged twice|double charged|warp(?:ed)?|(?:lose|lost) (?:its|their|any) (?:shape|colou?r))(?!\w)|"
    r"(?<!\w)(?:wasn'?t|weren'?t|isn'?t|aren'?t|was not|were not|is not|are not) missing(?!\w)|"
    r"(?<!\w)(?:(?:didn'?t|did not|never) get|wasn'?t|was not) lost(?!\w)|"
    r"(?<!\w)(?:no|zero|without|not a single|not one|never any) (?:\w+ )?(?:crash(?:es)?|double charges?|water damage|"
    r"dead pixels?|buzzing)(?!\w)|"
    # rules 222-223: "not even a tiny scratch", "zero leaks", "none broke", "not a single jar broken", "wasn't the wrong
    # colour", "the parcel wasn't left in the rain", "no one was rude", "no hidden fees", "never logged me out"; not when
    # taken back in the sentence ("nobody was rude exactly, they just never answered")
    r"(?:(?<!\w)(?:not even a|not a single|not one)(?: (?:tiny|small|little|single))? (?:scratch|dent|chip|crack|mark|scuff|"
    r"leak|drop|blister|leaf)(?:es|s)?(?!\w)|(?<!\w)(?:zero|no) (?:leaks|leaking|leakage|scratches|dents|chips|cracks|"
    r"blisters|flicker(?:ing)?|rust|clumps|smell|sharp edges|hidden (?:fees|costs|charges)|squashed \w+|baggy knees)(?!\w)|"
    r"(?<!\w)(?:not a single|not one|none of the|none)(?: \w+)?(?: was| were| got)? (?:broken|cracked|chipped|snapped|"
    r"smashed|spilled|spilt|leaked|fell off|came loose)(?!\w)|(?<!\w)none (?:broke|snapped|cracked|leaked)(?!\w)|"
    r"(?<!\w)no part(?: of the \w+)? (?:came loose|fell off)(?!\w)|"
    r"(?<!\w)(?:wasn'?t|weren'?t|isn'?t|aren'?t|was not|were not|not) (?:the )?wrong (?:colou?r|size|item|one|shade)(?!\w)|"
    r"(?<!\w)(?:wasn'?t|weren'?t|was not|were not) (?:mixed up|left (?:out )?in the rain|left outside)(?!\w)|"
    r"(?<!\w)(?:wasn'?t|weren'?t|was not|were not) (?:flat|squashed|wet|torn|loose|shattered|dismissive|a hassle)"
    r"(?: or (?:flat|squashed|wet|torn|loose|shattered))?(?!\w)|(?<!\w)(?:size|fit) (?:was not|wasn'?t) off(?!\w)|"
    r"(?<!\w)(?:no one|nobody) (?:was rude|made me wait)(?!\w)|(?<!\w)no rude \w+|"
    r"(?<!\w)(?:didn'?t|did not|never) (?:arrive|come) with a flat battery|(?<!\w)never logged me out|"
    r"(?<!\w)(?:didn'?t|did not) (?:just )?(?:throw|chuck) (?:it|the parcel|the box)(?: over the (?:fence|gate|wall))?(?!\w)|"
    r"(?<!\w)didn'?t spot a single defect|(?<!\w)didn'?t have to chase(?: anyone| anybody)?|(?<!\w)rude\? no(?!\w))"
    r"(?![^.!?\n]*(?<!\w)(?:but|though|tho|however|except|exactly|just|instead|it was|they just)(?!\w))"
)
# Instructions only in another language (rule 159): "instructions were only in german", "manual only in french".
_FOREIGN_MANUAL = (
    r"(?<!\w)(?:instructions?|manuals?|user guides?|guides?|leaflets?|booklets?)(?: \w+){0,2}? (?:only|just|all) in "
    r"(?:german|french|chinese|japanese|korean|italian|spanish|polish|russian|dutch|swedish|portuguese|turkish|another language|"
    r"a language)(?!\w)"
)


def denies_faults(text: str) -> bool:
    """Whether an English answer only denies faults ("nothing broke", "no scratches"), with no turn and no question."""
    lower = _lower(text)
    return "?" not in lower and _FAULT_DENIED_PATTERN.search(lower) is not None and _LISTING.turns.search(lower) is None


# A fault said plainly or intensified (rule 164): "shipping was super slow", "delivery was slow", "super flimsy" — the
# model reads "super" and "really" as praise. Not negated just before ("wasn't slow", "not slow at all"). Rule 165 added
# words ("the app is super buggy" +0.89, "the lid was so cracked" neutral) and the milder intensifiers; the actionable
# ones are a complaint as well (a late or rude service, a defect, a bug).
_ACTIONABLE_FAULTS = (
    r"slow|rude|late|unhelpful|faulty|damaged|broken|buggy|glitchy|laggy|unresponsive|cracked|chipped|torn|ripped|"
    r"stained|dented|bent|scratched|leaky|leaking|dirty|unprofessional|careless"
)
_FAULTS = (
    rf"{_ACTIONABLE_FAULTS}|flimsy|fragile|blurry|scratchy|itchy|wobbly|useless|noisy|confusing|clunky|unreliable|smelly|"
    r"uncomfortable|complicated|frustrating|disappointing|annoying"
)
_FAULT_BEFORE = (
    r"(?<!\w)(?<!not )(?<!n't )(?:was|were|is|are|feels?|felt|seems?|seemed|so|super|really|very|too|way too|extremely|"
    r"incredibly|ridiculously|painfully|soo+|quite|pretty|rather|kinda|kind of)\s+"
)
_FAULT_SAID = re.compile(rf"{_FAULT_BEFORE}(?:{_FAULTS})(?!\w)")
# A fault word denied plainly, with no turn after it (rule 165; the complaint rules cut it before they read, rule 170).
FAULT_WORD_DENIED = (
    rf"(?<!\w){_NOT}(?:(?:be|been|feel|seem|look)s?\s+)?(?:at all\s+)?(?:{_FAULTS})(?!\w)"
    r"(?!.*(?<!\w)(?:but|though|tho|although|however|except|apart from|only|unfortunately|sadly|shame|pity)(?!\w))"
)
_ACTIONABLE_FAULT_SAID = re.compile(rf"{_FAULT_BEFORE}(?:{_ACTIONABLE_FAULTS})(?!\w)")


def says_a_fault(text: str) -> bool:
    """Whether an English answer calls something slow, flimsy, rude… plainly, with no negation, turn or question."""
    return _FAULTS_SAID.says(_lower(text))


def says_an_actionable_fault(text: str) -> bool:
    """Whether an English answer calls a service or the item slow, rude, broken, buggy… plainly (rule 165)."""
    return _FAULTS_SAID.says_actionable(_lower(text))


def foreign_manual(text: str) -> bool:
    """Whether an English answer says the instructions came only in another language (rule 159)."""
    return _FOREIGN_MANUAL_RE.search(_lower(text)) is not None


_FAULT_DENIED_PATTERN = re.compile(FAULT_DENIED)
# "nothing was broken", "but", "?": what keeps a fault from being said plainly
_FAULTS_SAID = FaultsSaid(
    _FAULT_SAID, _ACTIONABLE_FAULT_SAID, re.compile(rf"\?|{FAULT_DENIED}|{_LISTING.turns.pattern}")
)
_FOREIGN_MANUAL_RE = re.compile(_FOREIGN_MANUAL)
# Praise said through a negation (rules 181-182): "can't recommend them enough", "words can't describe how happy i am",
# "no words, just wow", "nothing but praise for the courier", "couldn't fault the delivery", "can't thank you enough";
# not before an ironic face ("Can't thank you enough for charging me twice 🙃").
PRAISED_BEYOND_WORDS = (
    r"(?![^\n]*[\U0001f643\U0001f644])"
    r"(?:(?<!\w)(?:can'?t|cant|cannot|can not|couldn'?t|could not) (?:\w+ ){0,3}?(?:recommend|praise|thank|rate|rave about|"
    r"speak highly of|say|speak)\w*(?: \w+){0,4}? (?:highly )?enough(?!\w)|"
    r"(?<!\w)words? (?:can'?t|cannot|can not|couldn'?t) (?:\w+ )?(?:describe|express)(?! how (?:disappoint|angry|upset|bad|"
    r"awful|terrible|frustrat|annoy|fed up))|(?<!\w)no words,? (?:just |simply |only )?(?:wow|amazing|love|perfect|brilliant|"
    r"stunning|beautiful|gorgeous|incredible|fab|fantastic)|(?<!\w)(?:nothing|none) but (?:praise|love|good things|"
    r"compliments|positives?|good words)(?!\w)|(?<!\w)(?:couldn'?t|could not|can'?t|cant|cannot) fault (?:it|them|this|"
    r"these|anything|a thing|the \w+)(?!\w))"
)
_DENIALS = Negations(
    praise=re.compile(
        r"(?<!\w)(?:i'?ve|i have|we'?ve|we have|have) (?:definitely |certainly )?(?:had|seen|bought|used|owned|tried) "
        r"(?:much |far |way |a lot )?better(?!\w)|(?<!\w)seen better(?!\w)|"
        r"(?<!\w)not (?:quite |exactly |really )?what i (?:hoped|wanted|expected|was hoping|was expecting)|"
        r"(?<!\w)(?:fall|falls|falling|fell) short(?!\w)|(?<!\w)underwhelm\w*|"
        r"(?<!\w)(?:left|leaves|leave) (?:a lot|much|something|plenty) to be desired|"
        r"(?<!\w)could(?:'ve| have)? (?:been|be) (?:a lot |much |way |a bit )?better(?!\w)|"
        r"(?<!\w)expected (?:a lot |much |a bit )?(?:more|better)(?!\w)|(?<!\w)(?:didn'?t|did not|doesn'?t|does not) live up to|"
        # praise softened by a "not" (rule 151): "delivery wasn't very fast", "not the best packaging"
        rf"(?<!\w){_NOT}(?:(?:feel|seem|look|be|been|get|got|arrive|come)s?\s+)?(?:(?:very|too|that|so|particularly|"
        r"especially|overly|exactly|really|super|all that|the most|the)\s+)?(?:fast|quick|speedy|comfortable|comfy|polite|"
        r"friendly|helpful|sturdy|good|great|nice|happy|pleased|satisfied|impressed|durable|reliable|soft|clear|responsive|"
        r"accurate|smooth|well made|worth it|worth the money|best|fastest|quickest|sturdiest|nicest|greatest|softest)(?!\w)|"
        # rule 158: "isn't as soft as I hoped", "not as good as the one my friend got", "a bit less sturdy than my last"
        r"(?<!\w)(?:not|isn'?t|wasn'?t|aren'?t|weren'?t) (?:nearly |quite |really |even )?as (?:good|soft|sturdy|comfortable|"
        r"comfy|nice|strong|warm|thick|bright|fast|powerful|well made|durable|pretty|solid|sharp|loud|clear) as(?!\w)|"
        r"(?<!\w)less (?:sturdy|comfortable|comfy|soft|durable|reliable|solid|good|powerful|warm) than(?!\w)"
    ),
    fault=re.compile(
        r"(?<!\w)could(?:'ve| have)? (?:been|be) (?:a lot |much |far )?worse(?!\w)|"
        r"(?<!\w)better than (?:i )?(?:expected|thought|hoped|imagined)|(?<!\w)exceeded (?:my |all |all my )?expectations|"
        r"(?<!\w)pleasantly surprised|(?<!\w)(?:can'?t|cannot) complain|"
        # nothing better (rule 151): "never seen a better kettle", "you won't find better", "couldn't be happier"
        r"(?<!\w)(?:never|not|haven'?t|have not|hasn'?t|can'?t|cannot|couldn'?t|could not|won'?t|will not|wouldn'?t)\s+"
        r"(?:ever\s+)?(?:have\s+)?(?:seen|had|found|used|owned|tried|bought|imagine|imagined|asked for|ask for|wish for|"
        r"wished for|find)\s+(?:a |an |any |anything |one |something )?(?:much |any )?better(?!\w)|"
        r"(?<!\w)(?:couldn'?t|could not|can'?t|cannot) (?:be|have been) (?:any )?(?:happier|more (?:happy|pleased|satisfied))|"
        r"(?<!\w)never been happier|(?<!\w)(?:couldn'?t|could not|can'?t|cannot) (?:have )?ask(?:ed)? for (?:anything )?more|"
        r"(?<!\w)(?:doesn'?t|does not|can'?t|cannot) get (?:any |much )?better than|(?<!\w)(?:can'?t|cannot) go wrong|"
        # a fault softened by a "not" (rule 151): "not too expensive", "didn't take very long"
        rf"(?<!\w){_NOT}(?:very|too|that|so|overly|particularly|really|all that)\s+(?:expensive|pricey|costly|long|slow|"
        r"hard|difficult|complicated|loud|noisy|heavy)(?!\w)(?!\s+(?:after|before|ago|enough|to break))|"
        r"(?<!\w)(?:didn'?t|did not) (?:take|have to wait) (?:too |very |that |so )?long(?!\w)(?! (?:to break|before))|"
        # rule 158: "nothing to improve", "you can't get better value", "none better", "wasn't disappointed", "not bad at
        # all", "wasnt expecting much … got a lot more", "didn't take more than a minute"
        r"(?<!\w)nothing to improve(?!\w)|(?<!\w)(?:can'?t|cannot|couldn'?t) get (?:a |any )?better(?!\w)|(?<!\w)none better(?!\w)|"
        r"(?<!\w)(?:wasn'?t|was not|weren'?t|not|never) (?:at all |one bit )?disappointed(?!\w)|(?<!\w)not bad at all(?!\w)|"
        r"(?<!\w)(?:wasn'?t|was not|didn'?t|did not) expect(?:ing)? (?:much|a lot|anything)(?!\w)(?=[^.!?]*(?:but|got|and))|"
        r"(?<!\w)(?:didn'?t|did not) take more than(?!\w)|" + PRAISED_BEYOND_WORDS + "|" + FAULT_WORD_DENIED
        # a fault word denied plainly, with no turn after it (rule 165): "wasn't slow at all", "not buggy", "never late"
    ),
    sentence_end=re.compile(r"[.!?;\n]"),
    negation_before=re.compile(r"(?<!\w)(?:not|never|\w+n'?t)\s*$"),
    condition=re.compile(r"(?<!\w)(?:if|unless|in case)(?!\w)"),
    one_detail=re.compile(r"(?<!\w)(?:only|just|except|apart from)(?!\w)"),
    sizes=re.compile(r"(?<!\w)(?:size|sizes|sizing)(?!\w)"),
)
negated_praise = _DENIALS.negated_praise
negated_fault = _DENIALS.negated_fault


# A fault told as a condition on praise (rule 147): "would be perfect if the lid fit properly", "if only the zip didn't
# stick" — the condition says the thing works as it should, so it did not. Wishes ("would be nice if you had more
# colours") name no such thing.
# Rule 273 (thirty-ninth session): more heads ("would order again if…", "would rate higher if…") and more conditions that
# should already hold ("if it looked anything like the photos", "if the checkout didnt crash", "if support ever replied").
_COUNTERFACTUAL = re.compile(
    r"(?<!\w)(?:would(?:'ve| have)? (?:be|been)|'d (?:be|have been)|would (?:buy|order|shop) (?:\w+ )?again|"
    r"would rate (?:it |them |you )?higher|would love (?:it|them) more|would give (?:it |you |them )?(?:\d|five|four) stars?)"
    r"(?!\w)[^.!?]{0,40}?(?<!\w)if(?!\w)([^.!?]{0,80})|"
    r"(?<!\w)if only(?!\w)([^.!?]{0,80})"
)
_AS_IT_SHOULD = re.compile(
    r"(?<!\w)(?:properly|on time|in time|worked|works|work|fit|fits|fitted|closed|closes|shut|stayed|stays|held|holds|"
    r"charged|charges|included|came with|matched|as described|wasn'?t broken|didn'?t leak|wasn'?t late|"
    r"anything like|looked like the (?:photos?|pictures?|pics?)|(?:i|we) (?:paid|ordered) for|"
    r"ever (?:replied|answered|arrived|came|showed up|turned up)|only charged (?:me )?once|"
    r"didn'?t (?:crash|break|snap|leak|hang up|freeze)|"
    r"hadn'?t (?:snapped|broken|cracked|leaked|been (?:dented|damaged|crushed|smashed|opened))|"
    r"wasn'?t (?:delivered to|sent to|broken|damaged|late|missing))(?!\w)"
)


def counterfactual_fault(text: str) -> bool:
    """Whether an English answer makes praise hang on what should already be so ("would be great if it arrived on time")."""
    return any(_AS_IT_SHOULD.search(a or b) for a, b in _COUNTERFACTUAL.findall(_lower(text)))


# A reason not to answer (rule 180): cannot answer or rate, no idea, too early, later, someone else did it, not used yet,
# the wrong person. Not "no idea where my parcel is" (a question about the order), nor "can't say enough".
SOMEONE = (
    r"(?:mum|mom|mam|dad|wife|husband|hubby|partner|son|daughter|kid|kids|sister|brother|flatmate|roommate|assistant|"
    r"neighbou?r|grandma|nan|colleague|boss|friend|teenager|girlfriend|boyfriend|missus|fiance|fiancee|reception)"
)
_CANNOT_ANSWER = re.compile(
    r"(?<!\w)(?:(?:can'?t|cant|cannot|can not|unable to|not able to|couldn'?t|won'?t be able to) (?:really |properly |honestly |"
    r"yet )?(?:answer|comment|rate|judge|review|evaluate|score|help)\b|"
    r"(?:can'?t|cant|cannot) (?:really )?(?:say|tell)(?= *(?:$|[,.!?;]|yet\b|sorry\b|for sure\b|much\b|anything\b|about\b))|"
    r"no (?:idea|clue)(?! (?:where|when|why|how|what|if|whether|who)\b)|"
    r"(?:don'?t|dont|do not|can'?t|cant|cannot) (?:really )?(?:remember|recall)\b|too (?:early|soon) to (?:tell|say|judge|rate)|"
    r"ask (?:me|him|her|them)\b|(?:will|i'?ll|ill) (?:tell|let) you\b|get back to you|"
    r"(?:will|i'?ll|ill) (?:check|see|try|open|test|use) [^.!?]{0,30}\b(?:when|once|after|later|next|at the weekend|on the weekend)\b|"
    r"(?:wasn'?t|was not|not) involved|(?<!\w)skip\b|nothing to (?:say|rate|report|review|comment)\b|"
    r"(?:wrong|not the right) (?:person|number)\b|"
    rf"my {SOMEONE} (?:\w+ ){{0,2}}?(?:signed|ordered|paid|received|collected|picked|opened|unpacked|booked|handled|sorted|"
    r"dealt|did|took)\b|"
    r"(?:haven'?t|havent|have not|not|didn'?t|didnt) (?:\w+ )?(?:opened|open|used|tried|worn|planted|unpacked|unboxed|"
    r"started|installed|set up|switched on|turned on|charged|plugged|tested|given)\b[^.!?]{0,40}\byet\b|"
    r"still (?:in (?:the|its|my|a) (?:\w+ )?(?:box|packaging|bag|wrapper|cupboard|wardrobe|shed|drawer)|sealed|unopened|"
    r"unused|wrapped|hidden))"
)


# What the shop did not do is no customer's own (rule 186): "they never exchanged it", "support didn't refund".
NOT_THE_SHOPS = r"(?<!they )(?<!you )(?<!he )(?<!she )(?<!seller )(?<!shop )(?<!store )(?<!support )(?<!company )"
# Rule 220's parts: a return, exchange or refund named, and the customer's word that none was made.
_RETURNS = r"(?:refunds?|returns?|exchanges?)(?: (?:part|process|bit|side))?"
_NONE_MADE = (
    r"(?:didn'?t|didnt|did not|never) (?:ask(?:ed)? for|make|made|need(?:ed)?|do|did|want(?:ed)?) (?:one|any|it)|"
    r"(?:didn'?t|didnt|did not|never|haven'?t|havent) (?:exchange|return)(?:d|ed)? (?:it|anything)|kept it|"
    r"no (?:exchange|return|refund)s?"
)
# Not the customer's to answer (rules 214, 216, 217 and 220): the survey reached the wrong person, a return, exchange, refund or
# payment never made or made by someone else, a gift not heard of ("this isn't my order", "I haven't returned or
# exchanged anything so I can't really answer this one", "can't comment on the refund part, didn't ask for one", "i
# didnt handle the exchange, my brother took it back to the store").
NOT_MINE = (
    # rule 220 first, or rule 217's "didnt exchange it" would match at its start and leave "so cant comment on exchanges"
    rf"(?<!\w)(?:{_NONE_MADE})[^.!?]{{0,12}}?(?:,|so)? ?(?:i )?(?:can'?t|cant|cannot) (?:comment|rate|say|judge)(?: on)? "
    rf"(?:the )?{_RETURNS}(?!\w)|(?<!\w)(?:didn'?t|didnt|did not) (?:exchange|return) anything so no answer|"
    r"(?<!\w)(?:(?:this|it) (?:isn'?t|is not|wasn'?t|was not) my order|not my order|wrong person|meant for someone else|"
    r"(?:haven'?t|havent|have not|never) (?:shopped|ordered|bought)(?: anything)? (?:with|from) you|"
    r"mix-?up with the (?:phone )?number|my number must be on|"
    + NOT_THE_SHOPS
    + r"(?:haven'?t|havent|have not|didn'?t|didnt|did not|never)(?: \w+)? (?:returned(?: or exchanged)?|"
    r"exchanged(?: or returned)?|sen[dt] (?:anything|it|them) back|needed (?:a |an |to )?(?:return|exchange|refund)\w*|"
    r"did an? (?:return|exchange)|wanted a refund|want a refund)|"
    r"no returns?,? no exchanges?|no reason to return|no exchange,? didn'?t need one|"
    rf"my {SOMEONE} (?:\w+ ){{0,2}}?(?:returned|exchanged|sent it back|dealt with|handled|sorted|took it back)|"
    r"(?:gift|present)[^.!?]{0,40}(?:haven'?t|havent|have not|not) heard back|"
    r"(?:can'?t|cannot|can not|unable to) (?:comment|rate|say|speak|judge)(?: \w+){0,4}? (?:the )?(?:refund|return|exchange|"
    r"payment)s?(?: (?:part|process|bit|side))?(?=[^.!?]*(?:didn'?t|didnt|did not|never) (?:ask(?:ed)? for|make|made|"
    r"need(?:ed)?|do|did|want(?:ed)?) (?:one|any|it))|no (?:refund|return|exchange)s? so (?:i )?(?:can'?t|cannot) "
    r"(?:comment|say|rate)|(?:i )?(?:didn'?t|didnt|did not|never) (?:handle|handled|do|did|deal with|dealt with|sort|sorted) "
    r"the (?:exchange|return|refund|payment|paying)|"
    rf"(?:it was |it'?s |its )?my {SOMEONE}'?s order|"
    rf"(?:i )?(?:didn'?t|didnt|did not|never) (?:pay|paid)(?: for it)?,? (?:it was |it'?s )?my {SOMEONE}|"
    # rule 217: "didnt return or exchange anything", "haven't had to exchange it", "no exchange so nothing to say there",
    # "wasnt me who returned it, my daughter sent the jacket back", "this survey isnt meant for me"
    + NOT_THE_SHOPS
    + r"(?:didn'?t|didnt|did not|never|haven'?t|havent|have not) (?:return|exchange|send back)(?: or (?:return|exchange|"
    r"send back))? (?:anything|it|them)|"
    + NOT_THE_SHOPS
    + r"(?:haven'?t|havent|have not|didn'?t|didnt|did not|never) (?:had|needed) to (?:return|exchange)(?: (?:it|them|"
    r"anything))?|no (?:returns?|exchanges?|refunds?)(?: so|,) (?:nothing to (?:say|report)(?: there)?|no comment|"
    r"can'?t comment|the size was fine|kept it|all good)|(?:wasn'?t|was not|not) me (?:who|that) (?:returned|exchanged|"
    rf"sent) (?:it|them)(?: back)?|my {SOMEONE} (?:\w+ ){{0,2}}?sent the \w+ back|"
    rf"(?:this|the) survey (?:isn'?t|wasn'?t|is not|was not) (?:meant )?for me|meant for my {SOMEONE}|"
    # rule 220: "my late father", "i think you have the wrong email", "didnt go through checkout myself", "never got in
    # touch with customer service", the return's tail ("refund? i didnt ask for one", "no refund, no return, cant say"),
    # the box gone at home ("my husband threw it out before i got home")
    r"(?:my|his|her) late (?:father|mother|dad|mum|mom|husband|wife|grandad|grandfather|grandma|grandmother|nan|brother|"
    r"sister|uncle|aunt|son|daughter|partner)|(?<!\w)on someone else'?s order|the order was my "
    + SOMEONE
    + r"'?s|(?:you have|you'?ve got|got) the wrong (?:email|number|contact|person|address)|never heard of (?:your|this|"
    r"the) (?:shop|store|company|brand)|(?:i )?don'?t think this is for me|"
    r"(?:i )?(?:didn'?t|didnt|did not|never) (?:go|went) through (?:the )?(?:normal )?(?:checkout|support|payment|customer "
    r"service)(?: myself)?|never (?:got|get) in touch with (?:support|customer service|the support team)|never (?:contacted|"
    r"talked to|spoke to|reached out to|opened a chat with) (?:support|customer service|the support team)|"
    rf"(?:,|so)? ?(?:i )?(?:can'?t|cant|cannot) (?:comment|rate|say|judge)(?: on)? (?:the )?{_RETURNS}"
    rf"(?=[^.!?]*(?:{_NONE_MADE}))|nothing to (?:add|say|rate|report)(?: about| on)? (?:the )?{_RETURNS}"
    r"(?: (?:bit|part))?|(?:no idea|dunno|don'?t know) how (?:refunds?|returns?|exchanges?) work|"
    r"(?:refunds?|returns?|exchanges?)\? (?:i )?(?:didn'?t|didnt|did not|never) (?:ask(?:ed)? for|do|did|make|made|"
    r"need(?:ed)?) one|(?:haven'?t|havent|have not|never) had (?:any reason |cause )?to (?:get|ask for|request) a (?:refund|"
    r"return|exchange)|(?:didn'?t|didnt|did not|never) ask(?:ed)? for (?:my money back|a refund)|"
    r"i (?:wasn'?t|wasnt|was not) the one who (?:returned|exchanged|sent back) (?:it|them)|"
    r"never went through the (?:exchange|return|refund) process|"
    r"no (?:exchanges?|returns?|refunds?)(?:,? (?:no|or) (?:exchanges?|returns?|refunds?))*(?:,? nothing)?[,.]? ?(?:so )?"
    r"(?:(?:i )?(?:can'?t|cant|cannot) (?:say|help|comment|rate)|nothing to (?:add|say|rate|report))|"
    r"the (?:exchange|return|refund) (?:q|question|bit|part) (?:doesn'?t|doesnt|does not) apply|"
    r"not returned, not exchanged|"
    rf"my {SOMEONE} (?:\w+ ){{0,2}}?(?:threw|chucked|binned|tossed) (?:the box|the packaging|it)(?: out| away)?|"
    rf"(?:the )?box was gone before i|my {SOMEONE} ripped (?:it|the parcel|the box) open)(?!\w)"
)


def cannot_answer(text: str) -> bool:
    """Whether an English answer gives a reason not to answer ("cant comment on delivery, my mum signed for it")."""
    return _CANNOT_ANSWER.search(_lower(text)) is not None
