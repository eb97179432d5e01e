"""English feedback cues: phrases that customers use to complain or praise which general lexicons miss."""

from __future__ import annotations

import re


def _cue_pattern(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")", re.IGNORECASE)


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
    r"thanks for nothing",
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


def cue_counts(text: str) -> tuple[int, int]:
    """(praise cues, complaint cues) in `text`; praise is cut out first so "no problems" is not also "problems"."""
    without_praise, praise = _PRAISE_CUES.subn(" ", text)
    return praise, len(_COMPLAINT_CUES.findall(without_praise))
