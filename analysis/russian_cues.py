"""Russian readings the trained models get wrong: a plain fact read as negative, sarcasm over a problem, and taste.

- A plain fact ("Заказывал на прошлой неделе", "оплатила картой при получении") says when, how or for whom an
  order was made and carries no feeling; the tweet-trained scorer often reads it as negative. A text is a plain
  fact when every word is from a short closed list (ordering, buying, paying and receiving verbs, days, months,
  people, ways to pay or collect, numbers) and at least one of them is such a verb. Any other word ("жду",
  "через", "только", "опять", "не") means the customer said more, and the scorer's reading stands.
- Sarcasm ("ну да, 3 недели это очень быстрая доставка", "супер, опять не тот размер") praises a problem: a
  praise word or "ну да"/"ага" with, in the same answer, a wait counted in days or weeks, "опять", "снова",
  "до сих пор", "так и не", "не тот" or the like. It is a complaint however it scores.

- Taste ("запах резковат на мой вкус", "не моё", "мне не зашло") is an opinion, negative but no report, as English
  "not my style" is.

Words are matched on their beginnings (stems), so inflected forms match without a lemmatiser. The lists were
written looking at the `dev` Russian rows of benchmarks/data/survey_answers.csv only.
"""

from __future__ import annotations

import re

from analysis.cues import FaultsSaid, Listing, Negations

_WORD = re.compile(r"[а-яa-z]+|\d+")

# Ordering, buying, paying, receiving: at least one must be present for a text to be a plain fact.
_FACT_VERBS = (
    "заказ",
    "закажу",
    "купи",
    "купл",
    "покупа",
    "брал",
    "брали",
    "взял",
    "оплат",
    "оплачива",
    "платил",
    "получ",
    "забира",
    "забрал",
    "оформ",
    "доставля",
    "доставил",
    "выбира",
    "выбрал",
    "привез",
)
# Everything else a plain fact may hold: when, for whom, how, where, which order. Matched as stems.
_FACT_STEMS = _FACT_VERBS + (
    "посылк",
    "товар",
    "покупк",
    "подар",
    "понедельник",
    "вторник",
    "сред",
    "четверг",
    "пятниц",
    "суббот",
    "воскресень",
    "январ",
    "феврал",
    "март",
    "апрел",
    "мая",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
    "недел",
    "месяц",
    "прошл",
    "позавчер",
    "вчер",
    "сегодн",
    "утр",
    "вечер",
    "онлайн",
    "карт",
    "наличн",
    "курьер",
    "почт",
    "самовывоз",
    "пункт",
    "выдач",
    "постамат",
    "сайт",
    "приложени",
    "телефон",
    "компьютер",
    "себ",
    "мам",
    "пап",
    "муж",
    "жен",
    "сын",
    "доч",
    "подруг",
    "коллег",
    "ребен",
    "дет",
    "номер",
    "перв",
    "втор",
    "трет",
    "числ",
    "назад",
    "акци",
    "распродаж",
    "скидк",
)
_FACT_WORDS = frozenset(
    """я мы он она они его ее их мой моя мое мои наш наша на в во с со для по у из при и а это этот эта этой этом
    тот той другу друзьям году год дня день днем раз два две три четыре пять один одна одну""".split()
)

_PRAISE = (
    r"(?:ну да|ага|ну конечно|класс\w*|супер\w*|отличн\w*|прекрасн\w*|замечательн\w*|шикарн\w*|"
    r"восхитительн\w*|великолепн\w*|браво|молодцы|гениальн\w*|чудесн\w*|вау|ура|обожаю|рекорд|"
    r"(?:очень|прям\w*|ну очень|так) (?:быстр\w*|оперативн\w*|удобн\w*))"
)
# A problem the praise is about: a wait counted out, a repeat, a thing still missing, the wrong thing.
_PROBLEM = (
    r"(?:(?:целы\w+|всего|всего-то|лишь|аж|каки\w+-то) (?:\w+ ){0,2}(?:дн|недел|месяц|час|минут|звонк)\w*|"
    r"(?:\d+|дв\w+|тр\w+|четыр\w+|пят\w+|несколько) (?:недел|месяц)\w*|"
    r"(?:недел|месяц)\w* (?:\w+ )?жд\w+|жд\w+ (?:\w+ )?(?:недел|месяц)\w*|"
    r"\d+ (?:минут|час)\w* (?:на линии|в очереди|ожидани\w*)|"
    r"опять|снова|в (?:очередной|который|третий|пятый) раз|до сих пор|так и не|"
    r"не (?:тот|та|те|ту)\b|не то\b(?! что)(?! чтобы)|вместо|ни ответа|без ответа|не ответил\w*|не дозвон\w*|"
    r"переносит\w*|(?:потерял|терят|теряет)\w*|разбит\w*|сломан\w*|сломал\w*|списали дважды|"
    r"в виде (?:конфетти|пазла|осколков|крошек|крошки))"
)
_SPEED_PRAISE = r"(?:очень|прям\w*|так|ну очень) (?:быстр\w*|оперативн\w*)"
_EXPRESS_IN_DAYS = (
    r"экспресс\w*»?(?: \w+»?)? за (?:(?:[4-9]|\d\d+|четыр\w+|пят\w+|шест\w+|сем\w+|десят\w+) дн|\w+ недел)"
)
_SARCASM = re.compile(
    "|".join(
        (
            rf"(?<!\w){_PRAISE}(?!\w)[^.?!]{{0,80}}?(?<!\w){_PROBLEM}",  # "супер, опять не тот размер"
            rf"(?<!\w){_PROBLEM}[^.?!]{{0,40}}?(?<!\w){_SPEED_PRAISE}",  # "3 недели это очень быстрая доставка"
            rf"(?<!\w){_EXPRESS_IN_DAYS}",  # "«экспресс доставка» за 9 дней"
            r"(?<!\w)ну спасибо,|спасибо,? что (?:\w+ )?(?:хоть|хотя бы)(?!\w)",  # "спасибо что хоть в этом месяце привезли"
            # goods come in pieces, then praised: "ваза доехала в виде пазла, браво упаковщикам"
            rf"(?<!\w)в виде (?:конфетти|пазла|осколков|крошек|крошки)[^.?!]{{0,40}}?(?<!\w){_PRAISE}(?!\w)",
            # praise taken back by a closing "ага": "отличная упаковка, ага"
            r"(?<!\w)(?:класс|супер|отличн|прекрасн|замечательн|шикарн|великолепн|чудесн)\w*[^.?!]{0,40}?,?\s*ага\W*$",
        )
    )
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("ё", "е"))


def _fact_word(word: str) -> bool:
    return word.isdigit() or word in _FACT_WORDS or word.startswith(_FACT_STEMS)


def plain_fact(text: str) -> bool:
    """Whether a Russian answer only states when, how or for whom an order was made ("Заказывал на прошлой
    неделе"): a fact with no feeling."""
    words = _words(text)
    if not words or len(words) > 12:
        return False
    return all(_fact_word(word) for word in words) and any(
        word.startswith(_FACT_VERBS) for word in words if not word.isdigit()
    )


# The shop's own words quoted back ("«экспресс доставка» за 9 дней", "висит статус «в пути»", "в описании
# «натуральная кожа»"): a promise, status or product claim in quotes in a short answer. Every dev answer that
# does so is a complaint, whatever it scores; the GoEmotions-ru comments, full of quotes, almost never do.
_CLAIM = re.compile(
    r"(?<!\w)(?:экспресс\w*|доставим|завтра|сегодня|в пути|собира\w+|собран\w*|отправлен\w*|доставлен\w*|вручен\w*|"
    r"передан\w*|оператор\w*|специалист\w*|скоро|хрупк\w+|натуральн\w+|кож\w+|стрейч|водонепрониц\w+|в наличии|"
    r"бесплатн\w+|гаранти\w+|качеств\w+|подарочн\w+|премиум|люкс|оригинал\w*|100 ?%|не нашел|не дозвонил\w*|"
    r"отказ\w*|быстр\w+|надежн\w+|прочн\w+|ожида\w+|обработк\w+|оформлен\w*|размер\w*|\d+\s*-\s*\d+\s*дн\w*|"
    r"за \d+ дн\w*|на следующий день|день в день|новинк\w*|распродаж\w*|скидк\w*|акци\w*|готовится к (?:выдаче|отправке)|"
    r"передан\w* в доставку|в сборке)(?!\w)"
)
_QUOTED = re.compile(r"""[«"„“]([^»"“”]{2,40})[»"“”]|(?:^|(?<=[\s(:]))'([^']{2,40})'(?=[\s.,!?;:)]|$)""")
_SHORT_ANSWER = 300


def quotes_a_claim(text: str) -> bool:
    """Whether a short Russian answer quotes the shop's promise, status or product claim back: a complaint."""
    if len(text) > _SHORT_ANSWER:
        return False
    return any(
        _CLAIM.search((quoted.group(1) or quoted.group(2)).casefold().replace("ё", "е"))
        for quoted in _QUOTED.finditer(text)
    )


def sarcastic(text: str) -> bool:
    """Whether a Russian answer praises a problem ("ну да, 3 недели это очень быстрая доставка"): a complaint."""
    return _SARCASM.search(text.casefold().replace("ё", "е")) is not None


# Taste, not a fault: "на мой вкус", "не в моём вкусе", "дело вкуса", "не моё", "мне не зашло".
_TASTE = re.compile(
    r"(?<!\w)(?:на мой вкус|не в моем вкусе|дело вкуса|на любителя|на вкус и цвет|не (?:совсем |очень |особо )?мое(?!\w)|"
    r"не мой (?:цвет|стиль|фасон|оттенок)|не моя (?:модель|расцветка)|мне не (?:очень |особо |совсем )?зашл\w*|(?:это )?(?:был )?мой выбор|(?:могло|могли) бы быть (?:и )?лучше|"
    r"могло быть и лучше|за (?:такую|эту|эти|такие) (?:цену|деньги) (?:и )?не (?:ждал|ожидал|рассчитывал)\w* (?:большего|многого|"
    r"лучшего|другого))"
)


# A wish or suggestion in an answer of one sentence (rule 292; judged alone as rule 291, it lost complaints): "было бы
# удобнее если б в описании писали длину провода", "сделайте пожалуйста размерную сетку в сантиметрах"...
_SUGGESTION = re.compile(
    r"(?<!\w)(?:хотелось бы|хочется,? чтоб|было б(?:ы)? (?:здорово|удобно|удобнее|неплохо|хорошо|славно|круто|супер|классно|"
    r"прикольно|отлично|замечательно|идеально|вообще|еще|лучше)|если б(?:ы)? еще|еще бы(?!\w)|предлагаю|пожелани[ея]|"
    r"сделайте|добавьте|жд(?:у|ем),? когда (?:появ|будет|завез))"
)
# ...unless it is pointed ("хоть раз", "наконец", "всё-таки", "а пришёл с американской", "а не 2", 🙃, «…») or tells its
# fault in a sentence of its own ("…были все колёса. у нас три из четырёх").
_POINTED_WISH = re.compile(
    r"(?<!\w)(?:хоть (?:раз|когда)|хотя бы|наконец|в принципе|все-таки|а (?:пришел|пришла|пришло|пришли|прислали|привезли)|"
    r"а не \d)(?!\w)|🙃|«"
)
_SENTENCE_BREAK = re.compile(r"[.!?…]+\s*\w")


def hedged(text: str) -> bool:
    """Whether a Russian text gives a verdict of taste ("на мой вкус", "не моё") or, in one sentence, a wish or suggestion
    ("хотелось бы больше размеров", rule 292): an opinion, no report by itself."""
    folded = text.casefold().replace("ё", "е")
    if _TASTE.search(folded) is not None:
        return True
    return (
        _SUGGESTION.search(folded) is not None
        and _POINTED_WISH.search(folded) is None
        and _SENTENCE_BREAK.search(folded.strip()) is None
    )


# Slang praise the scorer reads as blame ("кроссовки просто бомба", "пылесос зверь", "доставка огонь"): read positive
# when nothing turns, denies or reports ("но", "не", "жаль", "сломал", "опять", ...).
_SLANG_PRAISE = re.compile(
    r"(?<!\w)(?:бомб(?:а|ическ\w*)|огонь|огнище|зверь|зверюга|пушка|пушечн\w*|имба|топчик|кайф\w*|улет\w*|"
    r"космос|шик|разрыв|отвал башки|лайк|топ|(?:за свои деньги|за эти деньги) топ\w*|"
    r"держит (?:заряд )?(?:целую |всю )?(?:неделю|месяц|\d+ (?:дн\w*|недел\w*))|(?:прошл|получил|сработал)\w* с первого раза|"
    # guests asked where it came from: "все спрашивали где брала"
    r"(?:все|всем|каждый|гости) (?:\w+ )?спрашива\w* где (?:брал|купил|заказ|взял)\w*|"
    # praise said with an intensifier that looks negative (rule 262): "ужасно вкусные эклеры", "страшно понравилось"
    r"(?:ужасно|страшно|жутко|безумно|дико|чертовски|адски|кошмарно) (?:вкусн|понрав|мил|удобн|красив|довол|крут|классн|"
    r"приятн|нрав|хорош|рад|уютн|мягк|симпатичн|люблю|полезн|тепл|качествен|стильн|ярк|ароматн|сочн|нежн)\w*)(?!\w)"
)
_NOT_PLAIN = re.compile(
    r"(?<!\w)(?:но|однако|только|хотя|не|нет|ни|жаль|к сожалению|увы|опять|снова|зато|вместо|попытк\w*)(?!\w)|"
    + _PROBLEM
)


def plain_praise(text: str) -> bool:
    """Whether a Russian answer only praises in slang the scorer reads as blame ("кроссовки просто бомба")."""
    lower = text.casefold().replace("ё", "е")
    return _SLANG_PRAISE.search(lower) is not None and _NOT_PLAIN.search(lower) is None


# Praise denied ("не рекомендую", "ничего не понравилось", "не оправдал ожиданий") and a fault denied ("не пожалеете",
# "нареканий нет"): the character n-gram scorer weighs "рекомендую" and misses the "не" (rule 136, twenty-seventh
# session; written from general knowledge of the language, not from rows).
# The adverbs of a softened "не" (rule 151): "не очень", "не самое", "не слишком".
# Fault words (rule 166): what a customer calls a service or an item, said plainly ("доставка очень медленная" read
# neutral, "ткань очень колючая" +0.22) or denied ("доставка совсем не медленная" −0.25); the actionable ones are a
# complaint as well.
_ACTIONABLE_FAULTS = (
    r"медленн\w*|долг(?:ая|ой|ий|ое|ие)|груб\w*|хамск\w*|хамоват\w*|сломан\w*|бракованн\w*|треснут\w*|"
    r"треснувш\w*|поцарапан\w*|помят\w*|грязн\w*|глючн\w*|глючит|тормоз(?:ит|ное|нутое|нутый|ной|ная|ит\w*)|"
    r"порван\w*|разбит\w*|протека\w*|дыряв\w*|испорчен\w*"
)
_FAULTS = rf"(?:{_ACTIONABLE_FAULTS}|хлипк\w*|колюч\w*|неудобн\w*|запутанн\w*|шумн\w*|вонюч\w*|ненадежн\w*)(?!\w)"
# A fault word denied plainly, with no turn after it (rule 166; the complaint rules cut it before they read, rule 170).
FAULT_WORD_DENIED = (
    rf"(?<!\w)(?:(?:совсем|вовсе|ничуть|нисколько|совершенно)\s+)?не\s+(?:был[аио]?\s+)?(?:{_FAULTS})"
    r"(?!.*(?<!\w)(?:но|однако|только|кроме|правда|жаль|к сожалению|увы|зато|хотя|а вот)(?!\w))"
)
# Praise said through a negation (rule 181): "не нарадуюсь", "не могу нахвалиться", "не налюбуюсь", "слов нет, просто
# восторг", "не знаю, как вас благодарить".
PRAISED_BEYOND_WORDS = (
    r"(?<!\w)(?:не\s+(?:могу\s+)?(?:нарад|нахвал|налюб|перехвал)\w*|(?:нарадоваться|нахвалиться|налюбоваться)\s+не\s+мог\w*|"
    r"слов\s+нет,?\s+(?:просто\s+|одни\s+|один\s+|сплошной\s+)?(?:восторг|эмоци|красот|супер|шикарн|класс|кайф|любовь|"
    r"восхищени)\w*|не\s+знаю,?\s+как\s+(?:вас\s+|тебя\s+|вам\s+)?(?:от)?благодарить)"
)
_SOFTLY = r"(?:очень|особо|особенно|слишком|сильно|чересчур|самая|самый|самое|самые|самой|самого|так уж|такой уж|такая уж|такое уж|совсем|прям|прямо)"
_NEGATED_PRAISE = re.compile(
    r"(?<!\w)(?:не|ни)\s+(?:(?:очень|особо|особенно|совсем|сильно|вообще|совершенно|прям|прямо|так уж|слишком)\s+)?"
    r"(?:понрав|нрав|рекоменд|порекоменд|совету|посовету|довол|порадова|радует|радуют|впечатли|впечатлен|оправда|"
    r"устроил|устраива)\w*|"
    r"(?<!\w)не\s+стоит\s+(?:(?:своих|этих|таких|потраченных)\s+)?(?:денег|деньги)(?!\w)|"
    r"(?<!\w)больше\s+не\s+(?:закажу|куплю|буду|возьму)(?!\w)|"
    # regret (rule 138): "жалею, что купила", "зря заказал", "лучше бы не брала", "деньги на ветер"
    r"(?<!не )(?<!\w)(?:по)?жале\w*,?\s+что\s+(?:купил|заказал|взял|приобрел|повел|потратил)\w*|"
    r"(?<!не )(?<!\w)зря\s+(?:купил|заказал|взял|потратил|приобрел|повел|отдал)\w*|"
    r"(?<!\w)лучше\s+бы\s+не\s+(?:покупал|заказывал|брал)\w*|(?<!\w)деньги\s+(?:на\s+ветер|выброшены)|"
    r"(?<!\w)выброшенные\s+деньги|"
    # hedged and comparative verdicts (rule 142): "бывало и лучше", "качество так себе", "не всё устроило"
    r"(?<!\w)(?:бывал|видал|встречал|пробовал)\w*\s+(?:и\s+)?(?:лучше|получше)(?!\w)|"
    r"(?<!\w)оставля\w*\s+желать\s+(?:много\s+)?лучшего|(?<!\w)хотелось\s+бы\s+(?:большего|лучшего|получше)(?!\w)|"
    r"(?<!\w)так\s+себе(?!\w)|(?<!\w)не\s+(?:ахти|фонтан)(?!\w)|(?<!\w)не\s+(?:очень|особо)(?=\s*(?:[.!,;)…]|$))|"
    r"(?<!\w)не\s+(?:все|всем|до\s+конца|полностью)\s+(?:устроил|понравил|довол)\w*|"
    # praise softened by a "не" (rule 151): "не очень быстрая доставка", "качество не самое лучшее"
    rf"(?<!\w)не\s+(?:{_SOFTLY}\s+)?(?:быстр|удобн|хорош|качествен|вежлив|надежн|прочн|лучш|приятн|красив|удачн|мягк|"
    r"комфортн|понятн|аккуратн|внимательн|вкусн|крепк|оперативн|стильн|интересн|устойчив)\w*|"
    # rule 158: "не такой мягкий, как я ожидала", "видала и покрепче", "бывают магазины и пооперативнее"
    r"(?<!\w)не\s+так(?:ой|ая|ое|ие)\s+(?:уж\s+)?\w+,?\s+как\s+(?:я\s+)?(?:ожидал|думал|хотел|рассчитывал|надеял)\w*|"
    r"(?<!\w)(?:бывал|видал|встречал|пробовал|бывают)\w*\s+(?:\w+\s+)?(?:и\s+)?по\w+(?:ее|ей|че|ше|же)(?!\w)"
)
_NEGATED_FAULT = re.compile(
    r"(?<!\w)не\s+(?:пожале|разочаров|подвел)\w*|(?<!\w)нарекани\w*\s+нет(?!\w)|(?<!\w)без\s+нарекани\w*|"
    r"(?<!\w)претензи\w*\s+(?:нет|никаких)(?!\w)|(?<!\w)никаких\s+претензи\w*|"
    r"(?<!\w)(?:не могу|нельзя)\s+не\s+(?:по)?(?:рекоменд|совет)\w*|"
    # no regret (rule 138): "не жалею", "ни капли не жалею", "не зря купила", "деньги потрачены не зря"
    r"(?<!\w)не\s+(?:жалею|жалеем|жалеет)(?!\w)|(?<!\w)ни\s+(?:капли|секунды|разу|о\s+чем)\s+не\s+жале\w*|"
    r"(?<!\w)не\s+зря\s+(?:купил|заказал|взял|брал|потрачен|выбрал|ждал)\w*|(?:потрачен|отдан)\w*\s+не\s+зря(?!\w)|"
    # hedged and comparative praise (rule 142): "грех жаловаться", "превзошло ожидания"
    r"(?<!\w)грех\s+жаловаться|(?<!\w)превзош\w*\s+(?:все\s+|мои\s+|наши\s+)?ожидани\w*|(?<!\w)приятно\s+удив\w*|"
    r"(?<!\w)лучше,?\s+чем\s+(?:ожидал|думал|рассчитывал)\w*|"
    # nothing better (rule 151): "лучше не видела", "лучше не найти", "лучшего и желать нельзя", "не встречал ничего лучше"
    r"(?<!\w)лучше\s+(?:\w+\s+)?(?:не\s+(?:видел|встречал|находил|найти|найдешь|найдете|сыскать|пробовал|носил|держал|"
    r"бывает|придумать|придумаешь)\w*|нет|некуда)(?!\w)|"
    r"(?<!\w)(?:не|никогда\s+не|ни\s+разу\s+не)\s+(?:видел|встречал|находил|пробовал|носил|держал)\w*\s+(?:ничего\s+)?"
    r"(?:\w+\s+)?лучше(?!\w)|(?<!\w)ничего\s+лучше\s+не\s+(?:вид|встреча|пробова|находи|носи)\w*|"
    r"(?<!\w)лучшего\s+(?:и\s+)?(?:не\s+|нельзя\s+)?(?:по)?жела\w*|(?<!\w)лучшего\s+не\s+(?:найти|найдешь|сыскать)|"
    r"(?<!\w)довольн\w*\s+как\s+никогда|"
    # a fault softened by a "не" (rule 151): "не очень дорого", "ждать не слишком долго" (not "недолго прослужил")
    rf"(?<!\w)не\s+{_SOFTLY}\s+(?:дорог|долг|медленн|сложн|трудн|громк|тяжел|шумн)\w*(?!\w)"
    r"(?!\s+(?:\w+\s+)?(?:прослуж|продерж|проработ|служ|работ|носил|прожил|жил))|"
    # rule 158: "не хуже", "Лучше блендера за эти деньги не найти", "ничего плохого", "не так уж и плохо", "не промокают"
    r"(?<!\w)не\s+хуже(?!\w)|(?<!\w)лучше(?:\s+\w+){1,4}\s+не\s+(?:найти|найдешь|найдете|сыскать)(?!\w)|"
    r"(?<!\w)ничего\s+плохого(?!\w)|(?<!\w)не\s+так\s+уж\s+(?:и\s+)?плох\w*|"
    r"(?<!\w)не\s+(?:промока|мнет|мнут|протека|линя|линял|выцвета|скользит|скрипит|садит|колет|колется|катыш)\w*|"
    # a fault word denied plainly, with no turn after it (rule 166): "доставка совсем не медленная", "курьер не грубый"
    + FAULT_WORD_DENIED
    + "|"
    + PRAISED_BEYOND_WORDS
)
# What keeps a "не" from turning the whole answer: a negation just before ("не могу не", "не то чтобы не"), a condition
# ("если не понравится"), one detail named ("не понравилось только…"), advice on sizes.
_NEGATIONS = Negations(
    praise=_NEGATED_PRAISE,
    fault=_NEGATED_FAULT,
    sentence_end=re.compile(r"[.!?;\n]"),
    negation_before=re.compile(r"(?:не могу|нельзя|не то чтобы|не сказать,? что|не скажу,? что)\s*$"),
    condition=re.compile(r"(?<!\w)(?:если|вдруг|в случае)(?!\w)"),
    one_detail=re.compile(r"(?<!\w)(?:только|лишь|единственн\w*|одно)(?!\w)"),
    sizes=re.compile(r"(?<!\w)размер\w*"),
)
negated_praise = _NEGATIONS.negated_praise
negated_fault = _NEGATIONS.negated_fault


# An item that matched its listing ("всё как на фото", "соответствует описанию") or did not ("цвет не как на фото",
# "не такое пушистое, как на фото"): the scorer read "цвет не как на фото" +0.40 (rule 139).
_LISTED = r"(?:фото\w*|фотк\w*|картинк\w*|изображени\w*|сайт\w*|витрин\w*|карточк\w*)"
_LISTING = Listing(
    matched=re.compile(
        r"(?<!\w)(?:соответству|совпада|совпал)\w*(?: полностью| на все сто| на 100 ?%?)? (?:с )?(?:описани\w*|заявлен\w*|"
        + _LISTED
        + r")|(?<!\w)как на "
        + _LISTED
        + r"|(?<!\w)один в один(?!\w)|"
        r"(?<!\w)(?:описани|фото)\w* (?:полностью |точно )?(?:соответству|совпада)\w*"
    ),
    unmatched=re.compile(
        r"(?<!\w)(?:описани|фото)\w* (?:совсем |вообще |явно )?не (?:соответству|совпада)\w*|(?<!\w)на "
        + _LISTED
        + r" (?:он |она |оно |они |товар )?(?:был\w* )?(?:совсем |вообще )?(?:друг\w*|иначе|по-другому)"
    ),
    denial_before=re.compile(r"(?<!\w)(?:не|ни)(?: (?:так\w*|совсем|вообще|очень|особо|полностью))?(?: \w+)?,? $"),
    expected_before=re.compile(r"(?<!\w)(?:думал\w*|ожидал\w*|рассчитывал\w*|надеял\w*|вроде)(?!\w)"),
    turns=re.compile(
        r"(?<!\w)(?:но|однако|только|кроме|правда|единственн\w*|зато|хотя|а вот|жаль|к сожалению|увы)(?!\w)|,\s*а(?!\w)"
    ),
    better_after=re.compile(r"(?<!\w)(?:лучше|красивее|круче|ярче|приятнее)(?!\w)"),
    clause_end=re.compile(r"[.!?;,\n]"),
)
affirms_listing = _LISTING.affirms  # opens no learnt complaint; writers call a plain match neutral as often as praise,
denies_listing = _LISTING.denies  # so no listing_praised here (rule 141): the reported feeling stays the models'


# Wear faults (rule 198), denied ("не порвался", "молния не заедает") or hoped away ("если бы ножка не шаталась").
_WEAR_FAULTS = r"порвал|полинял|выцвел|скатал|облез|отклеил|расклеил|треснул|заеда|заржавел|шата|болта|натира|протерл"


# A fault told as a condition on praise (rule 147): "было бы идеально, если бы крышка нормально закрывалась".
_COUNTERFACTUAL = re.compile(
    r"(?<!\w)было бы(?!\w)[^.!?]{0,40}?(?<!\w)если бы(?!\w)([^.!?]{0,80})|(?<!\w)если бы(?!\w)([^.!?]{0,80}?),?\s+было бы(?!\w)"
)
_AS_IT_SHOULD = re.compile(
    r"(?<!\w)(?:нормально|вовремя|в срок|работал\w*|закрывал\w*|держал\w*|подошл\w*|подходил\w*|пришл\w*|доставили|"
    rf"положили|не сломал\w*|не тек\w*|не (?:{_WEAR_FAULTS})\w*)(?!\w)"
)


def counterfactual_fault(text: str) -> bool:
    """Whether a Russian answer makes praise hang on what should already be so ("было бы здорово, если бы доставили
    вовремя")."""
    lower = text.casefold().replace("ё", "е")
    return any(_AS_IT_SHOULD.search(a or b) for a, b in _COUNTERFACTUAL.findall(lower))


# A fault denied (rule 161): "ничего не сломалось, ничего не протекло", "всё целое", "ни одной царапины", "без сколов";
# with a verb (rule 173): "курьер не опоздал и не грубил", "чайник не течёт", "царапин нет".
_FAULT_DENIED_PATTERN = (
    r"(?<!\w)ничего\s+не\s+(?:сломал|протек|протёк|разбил|помял|порвал|потерял|пропал|треснул|поцарапал|погнул|повредил|"
    r"отвалил|облез|полинял|выцвел|сел|село|промок)\w*|(?<!\w)все\s+(?:цел\w*|на\s+месте)(?!\w)|"
    r"(?<!\w)ни\s+(?:одной|одного|единой|единого)\s+(?:царапин|скол|вмятин|трещин|дефект|пятн|поврежден)\w*|"
    r"(?<!\w)без\s+(?:единой\s+)?(?:царапин|сколов|вмятин|трещин|дефектов|повреждений|пятен)"
    # a list (rule 201): "без сколов и вмятин", "без царапин, сколов или пятен"
    r"(?:\s*(?:,|и|или)\s+(?:царапин|сколов|вмятин|трещин|дефектов|повреждений|пятен))*(?!\w)|"
    r"(?<!\w)(?:цел\w*\s+и\s+невредим\w*|в\s+целости\s+и\s+сохранности)|"
    r"(?<!\w)не\s+(?:\w+\s+)??(?:опоздал\w*|задержал\w*|хамил\w*|грубил\w*|вылета\w*|вылетел\w*|завис\w*|тек\w*|течет|"
    r"подтека\w*|протека\w*|мига\w*|гуд\w*|гре\w*|сломал\w*|разбил\w*|побил\w*|перепутал\w*|потерял\w*|"
    r"бит(?:ый|ая|ое|ые|ых)|маломер\w*|футболил\w*|"
    # wear faults (rule 198): "за месяц не порвался и не полинял", "молния не заедает"
    rf"(?:{_WEAR_FAULTS}|рвет|рвут|линя|выцвета|катает|ржаве|протира)\w*)(?!\w)|"
    r"(?<!\w)(?:царапин|сколов|вмятин|повреждений|брака|дефектов|битых\s+пикселей)\s+(?:\w+\s+)?нет(?!\w)|"
    r"(?<!\w)брака\s+не\s+обнаружил\w*|(?<!\w)(?:два\s+раза|дважды|лишнего)\s+не\s+списали(?!\w)"
)
_FAULT_DENIED = re.compile(_FAULT_DENIED_PATTERN)
# The listing cue's turns less ", а", which after a denied fault goes on with praise ("ничего не сломалось, а это
# показатель"), and "единственн…".
_TURN_WORDS = r"(?<!\w)(?:но|однако|только|кроме|правда|жаль|к сожалению|увы|зато|хотя|а вот)(?!\w)"
_FAULT_TURNS = re.compile(_TURN_WORDS)
# What the complaint rules cut before they read (rule 173): a fault denied with no turn after it ("не греется, но
# батарея садится" is read whole).
FAULT_DENIED_UNTURNED = rf"(?:{_FAULT_DENIED_PATTERN})(?!.*{_TURN_WORDS})"


IF_ONLY = re.compile(r"(?<!\w)если\s+бы(?!\w)")  # "было бы хорошо, если бы колесо не болталось" (rule 198)


# A fault named after a fault denied, not itself denied (rule 204, as rule 176 in Chinese): "не полинял, молния заела".
_FAULT_NAMED = (
    r"(?:порвал|полинял|линя|выцвел|скатал|облез|отклеил|расклеил|треснул|заел|заеда|сломал|разбил|потек|протек|оторвал|"
    rf"отвалил|отломал|разош|лопнул|погнул|помял|поцарапал|опоздал|задержал)\w*|{_FAULTS}"
)
_FAULT_AFTER_DENIAL = re.compile(
    rf"(?:{_FAULT_DENIED_PATTERN})(?:(?!{_TURN_WORDS}).)*?(?<!\w)(?<!не )(?<!ни )(?<!без )(?:{_FAULT_NAMED})"
)


def denies_faults(text: str) -> bool:
    """Whether a Russian answer denies faults ("ничего не разбилось", "без царапин") with no turn, no question, no
    "если бы" and no fault named after the denial."""
    lower = text.casefold().replace("ё", "е")
    return (
        "?" not in lower
        and _FAULT_DENIED.search(lower) is not None
        and _FAULT_TURNS.search(lower) is None
        and IF_ONLY.search(lower) is None
        and _FAULT_AFTER_DENIAL.search(lower) is None
    )


# A fault said plainly (rule 166): "доставка очень медленная", "курьер был грубый", "ткань колючая" — not after не/ни/без.
_FAULT_SAID = re.compile(rf"(?<!\w)(?<!не )(?<!ни )(?<!без )(?:{_FAULTS})")
_ACTIONABLE_FAULT_SAID = re.compile(rf"(?<!\w)(?<!не )(?<!ни )(?<!без )(?:{_ACTIONABLE_FAULTS})(?!\w)")


_FAULTS_SAID = FaultsSaid(
    _FAULT_SAID, _ACTIONABLE_FAULT_SAID, re.compile(rf"\?|{_FAULT_DENIED_PATTERN}|{_LISTING.turns.pattern}")
)


def says_a_fault(text: str) -> bool:
    """Whether a Russian answer calls something slow, rude, broken… plainly, with no denial, turn or question."""
    return _FAULTS_SAID.says(text.casefold().replace("ё", "е"))


def says_an_actionable_fault(text: str) -> bool:
    """Whether a Russian answer calls a service or the item slow, rude, broken… plainly (rule 166)."""
    return _FAULTS_SAID.says_actionable(text.casefold().replace("ё", "е"))


# Not the customer's to answer (rule 219, as the English and Chinese): nothing to say about a return never made, a return
# not made or made by someone else, the survey sent to the wrong person, a thing not switched on yet ("про возврат без
# понятия", "возврат делал не я", "вы мне пишете по ошибке", "тостер пока не включали"). Written on folded text (ё as е).
_RETURNS = r"(?:возврат|обмен)\w*"
NOT_MINE = (
    rf"(?:(?:так что|поэтому)\s+)?(?<!\w)(?:про|по|насчет)\s+{_RETURNS}(?:\s+\w+)??\s+"
    r"(?:без понятия|без комментариев|сказать нечего|нечего сказать|пропускаю|ничего не (?:могу сказать|скажу))(?!\w)|"
    rf"(?<!\w)не знаю,?\s+что сказать\s+(?:про|по|насчет)\s+{_RETURNS}|"
    r"(?<!\w)(?:вернуть|возвращать|обменять|обменивать)\s+(?:(?:ничего|его|ее|их)\s+)?не\s+"
    r"(?:пытал(?:ся|ась)|собира(?:юсь|лся|лась)|планир\w+|стал\w*|хочу|хотел\w*)(?!\w)|"
    rf"(?<!\w)не\s+заказывал[аи]?\s+{_RETURNS}|(?<!\w)на\s+возврат\s+не\s+(?:отправлял|сдавал|оформлял)[аи]?(?!\w)|"
    rf"{_RETURNS}\s+не\s+занимал(?:ся|ась|ись)(?!\w)|(?<!\w)(?:ни\s+)?с\s+{_RETURNS}(?:\s+ни\s+с\s+{_RETURNS})?\s+дела\s+не\s+"
    rf"имел\w*|{_RETURNS}\s+(?:делал|оформлял|отправлял)[аи]?\s+не\s+я(?!\w)|"
    rf"(?<!\w)(?:возврат|обмен)\s+не\s+(?:оформляли|делали)(?!\w)|"
    r"(?<!\w)(?:вы\s+)?(?:мне\s+)?(?:пишете|написали)(?:\s+мне)?\s+по\s+ошибке|"
    r"(?<!\w)(?:опрос|сообщени|письм|смс|рассылк)\w*(?:\s+\w+){0,3}?\s+по\s+ошибке|"
    r"(?<!\w)не\s+(?:покупал|заказывал)а?(?:\s+(?:у\s+вас|ничего))*,?\s*(?:(?:видимо|наверное|похоже),?\s+)?ошибка(?!\w)|"
    r"(?<!\w)(?:еще|пока)\s+(?:даже\s+)?не\s+(?:включал|заряжал|подключал)[аи]?(?!\w)|"
    r"(?<!\w)(?:еще|пока)\s+(?:даже\s+)?не\s+пользовал(?:ся|ась|ись)(?!\w)|"
    r"(?<!\w)(?:даже\s+)?не\s+(?:включал|заряжал|подключал)[аи]?\s+(?:еще|пока)(?!\w)"
)
