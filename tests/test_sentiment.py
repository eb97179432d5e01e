"""Tests for language detection and sentiment scoring of free-text answers."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.sentiment import SCORERS, Feeling, Score, detect_language, feeling_of, register_scorer, score_text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The courier never arrived.", "en"),
        ("ok", "en"),
        ("Доставка опоздала на три дня", "ru"),
        ("@Beeline_RUS Не ловит lte на iphone 5s.", "ru"),
        ("Сбербанк http://t.co/abc #Україна", "ru"),
        ("Дуже погане обслуговування, ніколи більше", "uk"),
        ("物流很快，质量不错", "zh"),
        ("iPhone很好用", "zh"),
        ("衣服很好，开心了ヽ(○^^)ノ", "zh"),
        ("配送が遅いです", "ja"),
        ("배송이 너무 늦어요", "ko"),
        ("Das ist nicht gut, ich bin sehr enttäuscht", "de"),
        ("👍👍", "und"),
        ("10/10", "und"),
        ("", "und"),
        ("   ", "und"),
    ],
)
def test_detect_language_by_script(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_detect_language_ignores_urls_and_mentions() -> None:
    assert detect_language("@shop_support https://example.com/order/123 все сломалось") == "ru"
    assert detect_language("https://example.com/feedback 很好") == "zh"
    assert detect_language("@someone https://example.com") == "und"


@pytest.mark.parametrize(
    "text",
    [
        "Great phone, works perfectly and the battery lasts all day.",
        "Fast delivery, exactly what I wanted. Highly recommend!",
        "Gets the job done, will order again.",
        "Never had a problem with it.",
        "No complaints, great service.",
    ],
)
def test_english_praise_is_positive(text: str) -> None:
    score = score_text(text)
    assert (score.language, score.scorer, score.feeling) == ("en", "tfidf-lr-en", Feeling.POSITIVE)
    assert score.polarity is not None and 0 < score.polarity <= 1


@pytest.mark.parametrize(
    "text",
    [
        "The parcel never arrived and nobody answers.",
        "Stopped working after two days, I want a refund.",
        "Piece of junk. Not worth the money.",
        "It does not charge.",
        "Support never replied to my email.",
        "thanks for nothing",
    ],
)
def test_english_complaint_is_negative(text: str) -> None:
    score = score_text(text)
    assert score.feeling == Feeling.NEGATIVE
    assert score.polarity is not None and -1 <= score.polarity < 0


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I ordered it on Monday"),
        ("en", "Can I change the delivery address?"),
        # read positive (0.30) after the fourth Russian pass (a strict xfail then), neutral after the fifth
        ("ru", "Купила в подарок сестре"),
        ("ru", "Можно поменять адрес доставки?"),
        ("zh", "我是上周下的单"),
        ("zh", "可以改收货地址吗？"),
    ],
)
def test_plain_statements_and_questions_are_neutral(language: str, text: str) -> None:
    score = score_text(text)
    assert (score.language, score.feeling) == (language, Feeling.NEUTRAL), text
    assert score.polarity is not None and abs(score.polarity) < 0.05


@pytest.mark.parametrize(
    ("text", "language"),
    [("Ужасный сервис, деньги не вернули", "ru"), ("质量太差了，不推荐", "zh"), ("配送が遅いです", "ja")],
)
def test_languages_without_scorer_are_not_scored(text: str, language: str) -> None:
    english_only = {"en": SCORERS["en"]}
    assert score_text(text, scorers=english_only) == Score(language, None, None, None, None)


def test_default_registry_leaves_other_languages_unscored() -> None:
    assert score_text("배송이 너무 늦어요") == Score("ko", None, None, None, None)
    assert score_text("Terrible service.").scorer == "tfidf-lr-en"


@pytest.mark.parametrize(
    "text", ["", "   ", "\x00\x07\u200b", "-", "...", "#4411", "https://example.com/x?y=1", "12345"]
)
def test_text_without_words_has_no_content(text: str) -> None:
    score = score_text(text)
    assert (score.polarity, score.feeling) == (0.0, Feeling.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "nothing to add",
        "Nothing to add.",
        "no",
        "No!",
        "-",
        "n/a",
        "N/A",
        "nope",
        "nothing too add",
        "нет",
        "Нет.",
        "нечего добавить",
        "Нечего добавить",
        "НЕЧЕГО ДОБАВИТЬ!!",
        "нечего добовить",
        "ничего",
        "Ничего.",
        "нет, спасибо",
        "没有",
        "无",
        "暂时没有",
        "没有要补充的",
        "没有要补充的。",
        "无。",
        "没有，谢谢",
    ],
)
def test_nothing_to_add_is_no_content_in_every_language(text: str) -> None:
    score = score_text(text)
    assert (score.polarity, score.feeling) == (0.0, Feeling.NONE), text


@pytest.mark.parametrize("text", ["没有啦", "暂时没有呢", "没有哦！", "Нет вроде", "nah I'm good", "No suggestions."])
def test_softened_refusals_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "No, that's all I have to say",
        "nothing more to mention really",
        "Нет, больше ничего",
        "Да вроде всё, спасибо",
        "Мне больше нечего сказать",
        "我没有什么想说的了",
        "暂时没有其他意见",
        "没有别的建议",
        "skip this one",
        "nothing from me, sorry",
        "I'd rather not answer",
        "отвечу позже",
        "see above",
        "Nothing, cheers",
        "can't think of anything else",
        "nothing in particular",
        "Затрудняюсь с ответом",
        "Всё сказал выше",
        "не буду отвечать",
        "Ничего в голову не приходит",
        "同上",
        "不想回答",
        "暂时想不到",
        "一时想不起来",
        "erm nothing comes to mind",
        "nothing comes to mind tbh",
        "Don't want to answer this",
        "same as before",
        "I'll pass on this one",
        "No improvements needed",
        "hmm",
        "Nothing. Bye",
        "Н/А",
        "Пусто.",
        "Всё в оценке",
        "всё в звёздах",
        "хз что писать",
        "Этот вопрос пропущу",
        "сорри, нечего добавить",
    ],
)
def test_declines_worded_outside_the_phrase_list_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


# A battery written for the eighth session before anything ran on it (rows equal to a held-out answer dropped).
@pytest.mark.parametrize(
    "text",
    [
        "nah that's about it",
        "no that covers it",
        "i think that's everything",
        "nothing, ta",
        "no thanks, that's all",
        "not that I can think of right now",
        "i'm all set",
        "meh nothing",
        "nothing lol",
        "все написал выше",
        "ну нет",
        "ответ выше",
        "предложений нет",
        "ничего не надо",
        "暂时没有想到",
        "不想写",
        "没有问题了",
        "没啥好补充的",
        "没有特别要说的",
        "没了谢谢啦",
    ],
)
def test_declines_beside_thanks_or_fillers_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


# A decline beside an all-is-well is a short verdict: the labelled answers call it positive (13 of 16 on dev, rules and
# fresh rows), so the scorers read it (English since rule 174: "no, all good" is read past the decline, rule 168);
# "I'm good" beside a "no" only says nothing more is needed.
@pytest.mark.parametrize("text", ["no complaints, nothing to add", "no thanks, I'm good"])
def test_an_english_decline_beside_an_all_is_well_is_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "нет, всё хорошо",
        "все норм, больше ничего",
        "挺好的，没有了",
        pytest.param(
            "все ок, добавить нечего",
            marks=pytest.mark.xfail(strict=True, reason="known miss: the Russian model reads it neutral (0.002)"),
        ),
    ],
)
def test_a_decline_beside_an_all_is_well_reads_positive(text: str) -> None:
    assert score_text(text).feeling == Feeling.POSITIVE, text


# Fifteenth session, kinds of decline from the decline passes' read half: a letter held down, "not sure what to say",
# "I'm fine", greetings and sign-offs, "from my side", "даже не знаю", "ответил уже", a shrug, "как-то так", 莫得,
# "想不起来" after 一下子, "你们忙吧", 没有 typed in pinyin.
@pytest.mark.parametrize(
    "text",
    [
        "noo",
        "nopeee",
        "not sure what to say",
        "no thank you I am fine",
        "Nothing more to say. Regards, Margaret",
        "Dear team, nothing to add. Kind regards",
        "no comments from my side",
        "nothing on my end",
        "даже не знаю",
        "ответил уже",
        "неет",
        "🤷‍♀️",
        "🤷🏽‍♂️",
        "как-то так",
        "Уважаемые сотрудники, мне добавить нечего. Всего доброго.",
        "Добавить нечего. С уважением, Ирина",
        "莫得了",
        "一下子想不起来",
        "没有什么了，你们忙吧",
        "meiyou",
    ],
)
def test_fifteenth_session_declines_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("nooo it never came", True),
        ("not sure what to say, the box was empty", True),
        ("Dear team, my parcel never came. Regards, Margaret", True),
        ("🤷‍♀️ 😡", False),
        ("даже не знаю, курьер так и не приехал", True),
        ("莫得问题，很好用", False),
    ],
)
def test_words_beside_the_fifteenth_session_declines_are_read(text: str, complaint: bool) -> None:
    from analysis.reading import read_text

    reading = read_text(text)
    assert reading.score.feeling != Feeling.NONE and reading.complaint == complaint, text


@pytest.mark.parametrize("text", ["ничего так", "да ничего так вроде", "ничего так, но дороговато"])
def test_nichego_tak_is_a_verdict_not_a_decline(text: str) -> None:
    assert score_text(text).feeling is not Feeling.NONE, text


@pytest.mark.parametrize("text", ["ничего", "ничего такого", "да ничего, всё сказала"])
def test_nichego_alone_still_declines(text: str) -> None:
    assert score_text(text).feeling is Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "Ирина. Поддержка так и не ответила.",
        "поддержка так и не ответила",
        "курьер не ответил",
        "не могу сказать, что доволен: коробка пришла мятая",
        "cant really say, it never arrived",
        "only had it 3 days and the strap snapped",
        "my husband opened it and the glass was cracked",
        "dont remember who delivered it but they left it in the rain",
        "快递没了，到现在也没收到",
        "还没到一周就坏了",
        "деньги не вернули, хотя обещали",
    ],
)
def test_a_fault_beside_a_reason_for_no_answer_is_read_and_flagged(text: str) -> None:
    from analysis.reading import read_text

    reading = read_text(text)
    assert reading.score.feeling is not Feeling.NONE and reading.complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "nothing works",
        "no, it is broken",
        "Нет, не пришло",
        "ничего не работает",
        "没有收到",
        "没有用",
        "还没到",
        "thanks for nothing",
        "no good",
        "this one is broken",
        "see above - still no refund",
        "I'd rather have a refund",
        "то же самое, товар сломан",
        "同上，还是没到货",
        "想不到这么快就到了",
        "same as before, arrived broken",
        "I want to answer: the box was crushed",
        "no improvements, the app still crashes",
        "н/а, посылка не пришла",
        "пусто в коробке было",
        "всё в оценке, доставка ужасная",
        "хз где моя посылка",
        "этот вопрос так и не решили",
        "сорри, но товар сломан",
        "all good, arrived fast",
        "всё норм, доставили быстро",
        "ничего особенного",
        "没什么特别的",
        "no thanks, the parcel never came",
    ],
)
def test_a_no_with_something_said_is_read(text: str) -> None:
    assert score_text(text).feeling != Feeling.NONE, text


def test_a_chinese_particle_after_words_is_not_dropped_into_no_content() -> None:
    assert score_text("不错哦").feeling == Feeling.POSITIVE


def test_a_refusal_with_more_words_is_read() -> None:
    assert score_text("no, it never came").feeling == Feeling.NEGATIVE


@pytest.mark.parametrize(
    ("text", "feeling"),
    [("👍", Feeling.POSITIVE), ("😡", Feeling.NEGATIVE), ("👍👍 ❤️", Feeling.POSITIVE), ("👎😞", Feeling.NEGATIVE)],
)
def test_emoji_only_answers_get_the_feeling_they_show(text: str, feeling: Feeling) -> None:
    assert score_text(text).feeling == feeling


@pytest.mark.parametrize("text", ["заказ #123 ok thanks", "x" * 4096, "Отлично " * 600, "好" * 4096, "a\x00b\x1b[31mc"])
def test_odd_input_gets_a_defined_score(text: str) -> None:
    score = score_text(text)
    assert score.feeling in set(Feeling)
    assert score.polarity is not None and -1.0 <= score.polarity <= 1.0


def test_feeling_follows_polarity() -> None:
    assert score_text("Great!").feeling == Feeling.POSITIVE
    assert score_text("Terrible service.").feeling == Feeling.NEGATIVE
    assert feeling_of(0.0) == Feeling.NEUTRAL


def test_given_language_skips_detection() -> None:
    assert score_text("Super!", language="de") == Score("de", None, None, None, None)
    assert score_text("Great!", language="en").polarity > 0


class FixedScorer:
    """A scorer that gives every text the same score, to see which scorer was used."""

    name = "fixed"

    def __init__(self, result: tuple[float, float | None] | None) -> None:
        self.result = result
        self.texts: list[str] = []

    def score(self, text: str) -> tuple[float, float | None] | None:
        self.texts.append(text)
        return self.result


def test_registered_scorer_is_used_for_its_language() -> None:
    scorer = FixedScorer((-0.5, None))
    previous = SCORERS.get("zh")
    register_scorer("zh", scorer)
    try:
        score = score_text("快递太慢了")
    finally:
        if previous is None:
            del SCORERS["zh"]
        else:
            SCORERS["zh"] = previous
    assert score == Score("zh", -0.5, None, "fixed", Feeling.NEGATIVE)
    assert scorer.texts == ["快递太慢了"]


def test_scorers_can_be_passed_without_touching_the_registry() -> None:
    scorer = FixedScorer((2.0, 0.3))
    score = score_text("Всё отлично", scorers={"ru": scorer})
    assert score == Score("ru", 1.0, 0.3, "fixed", Feeling.POSITIVE)
    assert SCORERS["ru"] is not scorer


def test_scorer_declining_a_text_leaves_it_not_scored() -> None:
    score = score_text("Всё отлично", scorers={"ru": FixedScorer(None)})
    assert score == Score("ru", None, None, None, None)


def test_nan_from_a_scorer_is_not_a_score() -> None:
    score = score_text("Всё отлично", scorers={"ru": FixedScorer((float("nan"), 0.5))})
    assert score.polarity is None


def test_score_is_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        score_text("Great!").polarity = 0.0  # type: ignore[misc]


@pytest.mark.parametrize("text", ["Thanks!", "Спасибо", "谢谢"])
def test_thanks_alone_is_positive_not_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.POSITIVE


@pytest.mark.parametrize("text", ["хз", "ничего не хочу добавлять"])
def test_russian_shrugs_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("delivery", "en"),
        ("The packaging.", "en"),
        ("delivery and packaging", "en"),
        ("доставка", "ru"),
        ("Доставка и упаковка", "ru"),
        ("快递", "zh"),
        ("物流和包装", "zh"),
    ],
)
def test_an_answer_that_only_names_a_part_of_the_journey_is_neutral_and_no_complaint(text: str, language: str) -> None:
    from analysis.reading import read_text
    from analysis.sentiment import bare_mention

    assert bare_mention(text, language)
    reading = read_text(text)
    assert reading.score.language == language
    assert reading.score.feeling is Feeling.NEUTRAL and not reading.complaint


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("delivery was late", "en"),
        ("great delivery", "en"),
        ("доставка ужасная", "ru"),
        ("快递太慢", "zh"),
        ("x" * 80, "en"),
    ],
)
def test_an_answer_that_says_more_than_a_name_is_read(text: str, language: str) -> None:
    from analysis.sentiment import bare_mention

    assert not bare_mention(text, language)


# Chinese declines in the pieces the ninth session added (写, 想法, 空着, 先不说, 都说了 …) and a Latin "emmm" before them.
@pytest.mark.parametrize(
    "text", ["emm 没什么想写的", "空着就行", "先不写了", "该说的之前都说过了", "这题跳过吧", "hmm 没想法"]
)
def test_more_chinese_declines_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize("text", ["先不说了，快递太慢", "emmm 快递太慢", "不说了，气死了"])
def test_a_decline_beside_a_fault_is_read(text: str) -> None:
    assert score_text(text).feeling == Feeling.NEGATIVE, text


@pytest.mark.parametrize(
    "text",
    ["that's about all", "Not much to add really", "I've said all I wanted", "nowt really", "no idea what to write"],
)
def test_more_english_declines_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize("text", ["thanks so much", "as I said, it never came", "not much to say, it broke"])
def test_words_beside_the_new_declines_are_read(text: str) -> None:
    assert score_text(text).feeling != Feeling.NONE, text


# Declines the eleventh session's wording widened to (thanks to "you all", a closing particle, Latin fillers beside
# Chinese, "that's it", a sound of thinking alone); none is a row of survey_answers.csv.
@pytest.mark.parametrize(
    "text",
    [
        "没有了，谢谢你们",
        "不了，谢谢",
        "都说过了哈",
        "ok 没有了",
        "没有啦谢谢你们",
        "目前没有，有的话再告诉你们",
        "没啥了，谢谢您",
        "没有其他的了哈",
        "不想填了",
        "no, nothing else. thanks again",
        "i think that's it",
        "not a lot to add",
        "нет, спасибо большое",
        "нет, больше ничего, спасибо вам",
        "не знаю даже что добавить",
        "хм",
        "я воздержусь",
    ],
)
def test_eleventh_session_declines_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "不想填，快递太慢了",
        "ok 没了 但是快递太慢",
        "blank screen after payment",
        "zero stars, never arrived",
        "хмм, посылка не пришла",
        "комментировать не буду, товар сломан",
        "谢谢你们，但是少发了一件",
    ],
)
def test_a_fault_beside_the_eleventh_session_declines_is_read_and_flagged(text: str) -> None:
    from analysis.reading import read_text

    reading = read_text(text)
    assert reading.score.feeling != Feeling.NONE and reading.complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "上面都写过了",
        "暂无，用几天再说",
        "想不起来还有什么",
        "всё уже написала в прошлый раз",
        "нет, хорошего вечера",
        "nope, have a great day",
    ],
)
def test_twelfth_session_declines_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize("text", ["that's everything from me, cheers", "answered above already"])
def test_english_declines_of_the_twelfth_session_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


# A sound of thinking is not read: the scorers never learnt "emmm", and it says nothing of how the customer feels.
@pytest.mark.parametrize(
    ("with_sound", "without"),
    [
        ("emmm 快递太慢", "快递太慢"),
        ("hmm the box was crushed", "the box was crushed"),
        ("эмм, курьер опоздал", "курьер опоздал"),
    ],
)
def test_a_sound_of_thinking_is_not_read(with_sound: str, without: str) -> None:
    assert score_text(with_sound).polarity == pytest.approx(score_text(without).polarity, abs=0.02)


def test_a_name_that_starts_like_a_sound_is_read() -> None:
    assert score_text("Emma loved it").feeling == Feeling.POSITIVE


# Fifteenth session, second round (from the fresh rows of en17/ru15/zh12 and the decline passes' judge half): covered
# everything, done, answered already, thanks for asking, "told you above", "н", "как писала", "в предыдущем сообщении",
# "спасибо за внимание", 跟上次一样, 和刚才一样, 不想答, 就这么多, 本人, 你门, 您好, 下次有想法再说, 好的.
@pytest.mark.parametrize(
    "text",
    [
        "I think I've covered it all",
        "done",
        "nothng",
        "i answered that already",
        "nothing, thank you very much for asking",
        "told you everything above",
        "н",
        "уже отвечал на это",
        "как писала в прошлый раз",
        "нет, это всё что хотел сказать",
        "ничо",
        "всё сказала в предыдущем сообщении",
        "добавить нечего, спасибо за внимание",
        "跟上次一样",
        "和刚才一样",
        "不想答",
        "不清楚诶",
        "就这么多吧",
        "本人没有意见",
        "没有了 谢谢你门",
        "您好，没有需要补充的内容",
        "暂无 下次有想法再说",
        "好的 没了",
        "已经写过评价了 没别的",
    ],
)
def test_second_round_declines_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize(
    "text", ["done in 2 days, all good", "н у меня посылка не пришла", "跟上次一样，又晚了三天", "您好，快递一直没到"]
)
def test_words_beside_the_second_round_declines_are_read(text: str) -> None:
    assert score_text(text).feeling != Feeling.NONE, text


@pytest.mark.parametrize("text", ["thats it 🙂", "not now, maybe later on", "спасибо, не нужно"])
def test_fourth_round_declines_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize("text", ["没有了 下次还来哦", "没啥说的 下次再来"])
def test_coming_back_beside_a_decline_is_read(text: str) -> None:
    assert score_text(text).feeling != Feeling.NONE, text


@pytest.mark.parametrize("text", ["nope 👍", "没有了👌", "нет 👍 всё ок"])
def test_a_decline_with_a_thumbs_up_reads_positive(text: str) -> None:
    assert score_text(text).feeling == Feeling.POSITIVE, text


@pytest.mark.parametrize("text", ["nope 🙂", "没有了🙏", "нет, спасибо 👍👎"])
def test_a_decline_with_a_smile_or_mixed_emoji_stays_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "Hello, no, nothing more from me. Thanks, have a good day",
        "nothing good nothing bad",
        "cant think of anything tbh",
        "Nothing else, thanks.\n\nSent from my Galaxy",
        "нет. спасибо. Марина",
        "ни хорошего, ни плохого сказать не могу",
        "Hет",  # a Latin H typed inside a Cyrillic word
        "трудно сказать",
        "вроде бы нет",
        "李先生：没有",
        "没啥要补冲的，88",
        "不必了",
        "以后再说",
    ],
)
def test_seventeenth_session_declines_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize("text", ["Нет. Отлично", "No. Terrible", "还行吧，没别的"])
def test_a_verdict_after_a_decline_is_not_taken_for_a_name_or_a_filler(text: str) -> None:
    assert score_text(text).feeling != Feeling.NONE, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [("没啥补充的，挺好用的", Feeling.POSITIVE), ("没有了，就是杯子碎了一个", Feeling.NEGATIVE)],
)
def test_a_chinese_answer_is_read_past_its_declining_opening(text: str, feeling: Feeling) -> None:
    assert score_text(text).feeling == feeling, text


@pytest.mark.parametrize("text", ["STILL WAITING FOR MY ORDER", "THIS MADE ME CRY", "I'M HERE"])
def test_all_capitals_english_is_english(text: str) -> None:
    assert detect_language(text) == "en" and score_text(text).feeling is not None


def test_a_chinese_text_of_a_thousand_declining_openings_gets_a_defined_score() -> None:
    assert score_text("没有，" * 1400 + "好").feeling is not None
    assert score_text("没有，" * 1400).feeling == Feeling.NONE


@pytest.mark.parametrize(
    "text",
    [
        "i'll leave this one blank",
        "nope, thats all from me",
        "no thank u",
        "already answered that last week",
        "🤐",
        "предпочту не отвечать",
        "мне нечего добавить к сказанному",
        "нечего добавить, спасибо за покупку",
        "прочерк",
        "这个没必要回答",
        "晚上好，没有要说的",
        "😶",
    ],
)
def test_declines_from_the_labelled_answers_are_no_content(text: str) -> None:
    assert score_text(text).feeling == Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "thats all from me, cheers",
        "will let you know if anything comes up",
        "можно пропустить?",
        "скип",
        "ничего хорошего и ничего плохого",
        "没啥好说的也没啥坏说的",
        "我是老李，没有了",
        "先这样，有事再联系",
        "上一题说了",
        "nothng to add, thanks",
        "no that's all folks",
        "незнаю",
        "сейчас ничего не вспомню",
        "木有",
        "都写在上面了",
        "没什么好的也没什么不好的",
        "暂时没有，有的话再找客服",
    ],
)
def test_round_seven_and_eight_declines_are_no_content(text: str) -> None:
    assert score_text(text).feeling is Feeling.NONE, text


@pytest.mark.parametrize("text", ["thanks for nothing", "ничего особенного", "没什么特别的", "不好不坏"])
def test_a_verdict_made_of_decline_words_is_read(text: str) -> None:
    assert score_text(text).feeling != Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "по упаковке ничего не скажу",
        "насчёт оплаты нечего добавить",
        "к курьеру комментариев нет",
        "с поддержкой не общалась, так что без понятия",
        "пока не пользовался, сказать нечего",
        "забирал в пункте выдачи, про курьера не знаю",
        "no comment on the packaging",
        "nothing to say about the delivery, thanks",
        "never contacted support so no idea",
        "物流方面没啥说的",
        "关于客服，没什么好说的",
    ],
)
def test_a_decline_that_names_a_part_of_the_journey_is_no_content(text: str) -> None:
    assert score_text(text).feeling is Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "по доставке нечего сказать, посылку так и не получил",
        "не получал посылку",
        "курьер не звонил",
        "по доставке ничего хорошего",
        "nothing to say about delivery except it never came",
        "support never replied",
        "快递没了",
        # rule 93's kinds beside a fault
        "it was left in the parcel locker but the code didnt work",
        "not answering this one, your last survey crashed the app",
        "мне никто не писал из поддержки",
        "не открываем до праздника, но коробка пришла мятая",
        "东西还在路上，都十天了",
        "退款还没退",
        "快递放驿站了，但是少了一件",
        # rule 101's kinds beside a fault
        "busy now, but the parcel never came",
        "заказывала не я, а муж, но пришло не то",
        "在开会，先说一句：快递丢了",
    ],
)
def test_a_part_of_the_journey_beside_a_fault_is_read(text: str) -> None:
    assert score_text(text).feeling is not Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "возврат не оформляла",
        "с курьером не общался",
        "ещё не распаковывал",
        "没找过客服",
        "didnt return anything",
        "too early to say",
        "nothing comes to mind at the mo",
        # rule 80 (twenty-first session): the part not used, seen or dealt with, someone else received it, too early,
        # can't answer now, a name before the decline; none of these is a row
        "Ирина. С доставкой не общалась.",
        "Добрый день, Павел. По оплате ничего, платила не я.",
        "с поддержкой никаких дел не имела",
        "ничего не возвращал, так что не могу сказать",
        "сейчас на работе, ответить не смогу",
        "коробку сразу выкинула, не помню",
        "сам не видел ни коробки ни курьера",
        "i never made a return with you",
        "cant really say, only had it 3 days",
        "dont remember how the box looked tbh",
        "my husband opened it and threw the box away, no idea",
        "as i kept it, nothing to say about returns",
        "didnt speak to the courier",
        "not now, maybe once i've used it a bit more",
        "还没满一个星期，还没怎么用",
        "售后？没找过",
        "不需要退货，跟我没关系",
        "i think thats all",
        "已经说过了啦",
        "暂时没有，有的话再说",
        "包装也没太留意，拆了就扔了",
        "是室友收的，包装没注意",
        # rule 93 (twenty-second session): no time or no wish to answer, a deferral, where it was left or collected, who
        # went for it or whose account, waiting for the season, "不参与"; variants of kinds, none of them a row
        "never spoke to the courier, it was dropped off at the front desk",
        "i only pay the bills, my son handles the orders so dont know the details",
        "i dont really do these, sorry",
        "too busy to answer this one",
        "havent opened it, its still in the box",
        "only got it 3 days ago, ask me next month",
        "извините, нет времени",
        "в чат не писала ни разу",
        "ещё не открывала, жду холодов",
        "оформляла не я, а дочь с моего телефона, так что не подскажу",
        "платил муж со своей карты, я не в курсе",
        "коробку не видела, посылку забирала соседка",
        "уже оставляла отзыв на сайте, повторяться не буду",
        "过两天用了再说",
        "东西放快递柜了，没见着快递员",
        "是物业代收的，我不清楚",
        "不想参与，谢谢",
        "跟售后没打过交道",
        "ноуп, спасибо",
        # rule 101 (twenty-second session): busy where one is, a deferral till it is used, "ask him", a refusal, a long
        # time ago, someone else bought or signed for it, "祝好", a gesture; variants of kinds, none of them a row
        "too early to say, only got it this morning",
        "my husband ordered it, dont really know, ask him",
        "busy now, maybe later",
        "thats about it really",
        "ask me again next month once ive actually used it",
        "driving rn cant type",
        "предпочту не отвечать",
        "за рулём, не могу писать",
        "заказывала не я, а дочь, так что не подскажу",
        "в чат не писала, поэтому сказать нечего",
        "уже ответила в предыдущем вопросе",
        "давно было, не помню",
        "没有好的也没有不好的",
        "没有了，祝好",
        "东西是我老公买的，我不太清楚",
        "快递是邻居帮收的，我没看到",
        "在开会，先不说了",
        "老婆下的单，我不了解",
        "🙅‍♀️",
        # rule 103: thanks for asking, a deferral, a part never dealt with "at all", a gift, "见上条", filled in for a parent
        "thanks but nothing to add",
        "havent tried it yet, will let you know",
        "never dealt with the courier at all so cant comment",
        "no idea, my partner handles all the orders",
        "Ольга. Нечего добавить, спасибо что спросили",
        "доставкой занимался муж, не знаю как прошло",
        "отвечала на прошлой неделе",
        "это был подарок, получала мама, я не в курсе",
        "没好也没坏",
        "一时想不起来，想到再联系你们",
        "见上条",
        "暂时没有需要反馈的",
        "我是替我妈填的，她说没啥说的",
        # rule 104: placed the order, "have a good one", not tried on, a few days only, "дополнений нет", collected
        # later, a present, "没有要问的", at work
        "my husband placed the order so i cant say anything",
        "thats everything, have a good one",
        "i havent had to deal with the courier so cant say",
        "havent tried it on yet so dunno",
        "рано ещё судить, три дня всего прошло",
        "Благодарю, дополнений нет",
        "всё что хотела, сказала раньше",
        "заказ ещё не забрала из пункта, сказать нечего",
        "сама не покупала, мне подарили, не знаю",
        "没有要问的",
        "帮同事下的单，收货的不是我，说不了",
        "太早了，用几天再说",
        "在上班，先不说了",
        "没有什么好的也没有什么不好的",
        # rule 110 (twenty-third session): a typed thanks, a deferral till something comes up, picked up or received by
        # the customer for someone else, someone else uses it, the box waiting, not ready to answer, never had to return;
        # zh: later, when it comes to mind, will get in touch, cannot answer, too early to tell, a present, who received it
        "no thnaks, all said",
        "i'll get back to you if anything comes up",
        "my partner paid, i just picked it up, no idea",
        "someone at work ordered it, i just received it, so no idea",
        "my neighbour took the package in, so cant say about delivery",
        "пользуется муж, не знаю",
        "стоит коробка в прихожей, ещё не открывала",
        "не готова сейчас отвечать",
        "возвращать не приходилось, не знаю",
        "以后有再说吧",
        "想到了再告诉你们",
        "有需要会联系您的",
        "这个没法回答，不好意思",
        "用了才三天，还看不出来",
        "刚买，不好说",
        "在上一个回答里了",
        "是送人的，不清楚",
        "收货的是我老公，我不清楚",
        "没有问题要问了",
        "个人隐私，不说了",
        "没有拉，谢谢",
    ],
)
def test_an_answer_that_only_says_what_the_customer_did_not_do_is_no_content(text: str) -> None:
    assert score_text(text).feeling is Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "курьер не звонил",
        "поддержка не связывалась",
        "support never contacted me",
        "the app didn't open",
        "不退货",
        # rule 110's kinds beside content
        "i just picked it up, the box was crushed",
        "刚买就坏了",
        "有需要会联系你们的，不过这次发错颜色了",
    ],
)
def test_what_a_part_of_the_journey_did_not_do_is_read(text: str) -> None:
    assert score_text(text).feeling is not Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "my flatmate signed for it so no idea",
        "hi team, nothing else from my side",
        "already answered this last week",
        "уже отвечал на этот вопрос вчера",
        "не в курсе, всем занималась жена",
        "в поддержку не обращалась, необходимости не было",
        "记不得了",
        "没联系过客服，不了解",
    ],
)
def test_declines_that_say_someone_else_dealt_with_it_or_it_was_answered_are_no_content(text: str) -> None:
    assert score_text(text).feeling is Feeling.NONE, text


@pytest.mark.parametrize(
    "text", ["my husband paid and it was charged twice", "уже отвечала: посылка так и не пришла", "忘了说，少发了一件"]
)
def test_a_fault_beside_such_a_decline_is_read_and_flagged(text: str) -> None:
    from analysis.reading import read_text

    assert read_text(text).complaint, text


# Rule 235 (thirty-sixth session): the customer's own non-use of support or refunds in more Chinese words (a call never
# made, an online chat never opened, "你们客服", "没找客服", "一次都没用到", "没有退货过") is a decline; each was negative and
# all but one flagged. None of these is a row.
@pytest.mark.parametrize(
    "text",
    [
        "我从来没打过你们的客服电话",
        "没在线咨询过，也没打过电话",
        "客服一次都没用到",
        "没有退货过",
        "没找你们客服，没必要",
    ],
)
def test_support_or_a_refund_the_customer_never_used_is_a_chinese_decline(text: str) -> None:
    assert score_text(text).feeling is Feeling.NONE, text


# ...but support not found, calls not answered, a coupon that never applied, a fault beside the non-use are read.
@pytest.mark.parametrize(
    "text",
    [
        "没找到客服",
        "客服电话打过好几次都没人接",
        "优惠券一次都没用上",
        "没打过电话，快递员直接扔门口了",
        "没退款过，但是少发了一件",
    ],
)
def test_support_not_found_or_a_fault_beside_the_non_use_is_read(text: str) -> None:
    assert score_text(text).feeling is not Feeling.NONE, text


# Rule 236 (thirty-sixth session): "got in touch" and "reached out" are the customer's own non-use too, but not when said of
# someone else or done to the customer: the shop's silence is a support complaint ("you never contacted me" read none).
@pytest.mark.parametrize(
    "text", ["cant comment on support, never got in touch with them", "never reached out to support, didnt need to"]
)
def test_support_the_customer_never_got_in_touch_with_is_a_decline(text: str) -> None:
    assert score_text(text).feeling is Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "you never contacted me",
        "hasnt contacted me once",
        "you guys didnt even call me",
        "never got in touch with me about the exchange",
    ],
)
def test_the_shop_never_getting_in_touch_is_a_complaint(text: str) -> None:
    from analysis.reading import read_text

    reading = read_text(text)
    assert reading.complaint and reading.score.feeling is not Feeling.NONE, text


@pytest.mark.parametrize("text", ["my wife paid", "забирала из пункта выдачи", "оплачивал муж", "是我老公付的"])
def test_a_reason_for_declining_alone_is_a_plain_fact_not_a_decline(text: str) -> None:
    assert score_text(text).feeling is not Feeling.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "never asked for a refund so cant comment",
        "i dont really pay attention to packaging",
        "вы уже спрашивали",
        "не обращала внимания на упаковку",
        "记不太清了，不好意思",
        "刚才那条消息里说过了",
    ],
)
def test_round_four_declines_are_no_content(text: str) -> None:
    assert score_text(text).feeling is Feeling.NONE, text


@pytest.mark.parametrize("text", ["support dont check emails", "нечего сказать, кроме спасибо 🙂"])
def test_words_beside_round_four_declines_are_read(text: str) -> None:
    assert score_text(text).feeling is not Feeling.NONE, text


def test_alternatives_compiled_from_a_word_start_match_as_written() -> None:
    import re

    from analysis.sentiment import _from_a_word_start

    source = r"(?:^| )не помню|(?:^| )(?:еще |пока )?рано (?:говорить|судить)|(?:^| )i kept (?:it|them)"
    written, fast = re.compile(source), _from_a_word_start(source)
    for text in (
        "не помню",
        "честно не помню уже",
        "пока рано судить",
        "непомню",
        "i kept it, no idea",
        "ikept it",
        "",
    ):
        assert written.subn(" ", text) == fast.subn(" ", text), text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # rules 136-137 (twenty-seventh session): praise denied is reported negative, a fault denied positive, in
        # Russian and Chinese, however the n-gram models weigh "рекомендую" or "后悔"
        ("не рекомендую этот магазин", Feeling.NEGATIVE),
        ("не доволен качеством", Feeling.NEGATIVE),
        ("ничего не понравилось", Feeling.NEGATIVE),
        ("не стоит своих денег", Feeling.NEGATIVE),
        ("больше не закажу", Feeling.NEGATIVE),
        ("не пожалеете", Feeling.POSITIVE),
        ("не могу не порекомендовать", Feeling.POSITIVE),
        ("нареканий нет", Feeling.POSITIVE),
        ("不推荐", Feeling.NEGATIVE),
        ("不会回购", Feeling.NEGATIVE),
        ("不后悔", Feeling.POSITIVE),
        ("挑不出毛病", Feeling.POSITIVE),
        ("不得不推荐", Feeling.POSITIVE),
        ("жалею, что купила", Feeling.NEGATIVE),  # rule 138: regret, and none
        ("зря заказал", Feeling.NEGATIVE),
        ("деньги на ветер", Feeling.NEGATIVE),
        ("не жалею", Feeling.POSITIVE),
        ("ни капли не жалею, что купила", Feeling.POSITIVE),
        ("浪费钱", Feeling.NEGATIVE),
        ("买了不亏", Feeling.POSITIVE),
        ("没白花钱", Feeling.POSITIVE),
    ],
)
def test_denied_praise_and_denied_faults_are_reported_as_said(text: str, feeling: Feeling) -> None:
    from analysis.reading import read_text

    assert read_text(text).score.feeling is feeling, text


@pytest.mark.parametrize(
    "text",
    [
        "не понравилось только то, что долго ехало",  # one detail
        "если не понравится, можно вернуть?",  # a condition, a question
        "не то чтобы не понравилось, просто не моё",  # a negation before
        "не рекомендую брать большой размер, маломерит",  # advice on sizes
        "немного разочаровал",  # "немного" is no "не"
        "如果不喜欢可以退吗",
        "不是不推荐，就是太贵",
        "不建议买大一号，偏大",
        "I wouldn't recommend it",  # English reads these itself
        "жаль, что раньше не заказала",  # a pity that praises
        "не зря волновалась, прислали не тот цвет",  # a worry that came true, no purchase regretted
        "不浪费钱",
    ],
)
def test_qualified_negations_turn_nothing(text: str) -> None:
    from analysis.sentiment import negation

    assert negation(text, score_text(text).language) == 0, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # rule 140 (twenty-eighth session): a mismatch with the listing is reported negative in every language; a
        # match positive in Chinese, where the model read "与描述相符" negative (English writers call a match neutral)
        ("colour doesn't match the photos", Feeling.NEGATIVE),
        ("not as described", Feeling.NEGATIVE),
        ("与描述不符", Feeling.NEGATIVE),
        ("与描述相符", Feeling.POSITIVE),
        ("实物和图片一样", Feeling.POSITIVE),
        ("马克杯颜色和图片完全一致，好看！", Feeling.POSITIVE),
        ("цвет не как на фото", Feeling.NEGATIVE),  # rule 141: Russian reports a mismatch, not a match
        ("не соответствует описанию", Feeling.NEGATIVE),
    ],
)
def test_a_match_or_mismatch_with_the_listing_is_reported_as_said(text: str, feeling: Feeling) -> None:
    from analysis.reading import read_text

    assert read_text(text).score.feeling is feeling, text


@pytest.mark.parametrize(
    "text",
    [
        "matches the description",  # English reports the models' own reading of a match
        "Looks nothing like the photos... it looks BETTER",  # a mismatch for the better
        "和图片不一样，更好看",
        "跟图片一样吗",  # questions
        "as described?",
        "I thought it would be as pictured, it's smaller",  # an expectation
        "大体和图片相符，细节做工差一些",  # hedged, and a fault after it
        "соответствует описанию",  # Russian writers call a plain match neutral as often as praise (rule 141)
        "Думала будет как на фото, а оказалось лучше",
    ],
)
def test_listing_matches_that_turn_nothing(text: str) -> None:
    from analysis.sentiment import negation

    assert negation(text, score_text(text).language) == 0, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # rule 142 (twenty-eighth session): hedged and comparative verdicts are reported as meant
        ("I've had better", Feeling.NEGATIVE),
        ("seen better", Feeling.NEGATIVE),
        ("not quite what I hoped", Feeling.NEGATIVE),
        ("could have been worse", Feeling.POSITIVE),
        ("качество так себе", Feeling.NEGATIVE),
        ("качество оставляет желать лучшего", Feeling.NEGATIVE),
        ("видала и лучше", Feeling.NEGATIVE),
        ("качество не очень", Feeling.NEGATIVE),
        ("грех жаловаться", Feeling.POSITIVE),
        ("превзошло ожидания", Feeling.POSITIVE),
        ("没想象的好", Feeling.NEGATIVE),
        ("没有图片好看", Feeling.NEGATIVE),
        ("超出预期", Feeling.POSITIVE),
    ],
)
def test_hedged_and_comparative_verdicts_are_reported_as_meant(text: str, feeling: Feeling) -> None:
    from analysis.reading import read_text

    assert read_text(text).score.feeling is feeling, text


@pytest.mark.parametrize(
    "text",
    [
        "it isn't underwhelming at all",  # a negation before
        "if it could be better, tell me",  # a condition
        "could be better only in the sizing",  # one detail
        "а доставка не очень быстрая?",  # a question (rule 151 reads the statement)
        "не то чтобы так себе",
        "如果不如预期可以退吗",
    ],
)
def test_hedges_that_turn_nothing(text: str) -> None:
    from analysis.sentiment import negation

    assert negation(text, score_text(text).language) == 0, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # rule 151 (twenty-ninth session): nothing better is praise, a softened "not" blames praise or excuses a fault
        ("never seen a better kettle", Feeling.POSITIVE),  # read -0.94
        ("you won't find better for the price", Feeling.POSITIVE),
        ("I haven't had better", Feeling.POSITIVE),
        ("I haven't seen better", Feeling.POSITIVE),  # was read as a decline
        ("couldn't be happier", Feeling.POSITIVE),
        ("delivery wasn't very fast", Feeling.NEGATIVE),  # read +0.45
        ("the courier was not very polite", Feeling.NEGATIVE),
        ("not too expensive", Feeling.POSITIVE),  # read -0.74
        ("didn't take very long", Feeling.POSITIVE),
        ("лучше не видела", Feeling.POSITIVE),  # read as no content
        ("лучше не найти", Feeling.POSITIVE),
        ("доставка не очень быстрая", Feeling.NEGATIVE),  # read +0.60
        ("качество не самое лучшее", Feeling.NEGATIVE),
        ("не очень дорого", Feeling.POSITIVE),
        ("ждать не слишком долго", Feeling.POSITIVE),
        ("没见过比这更好的", Feeling.POSITIVE),
        ("不能再满意了", Feeling.POSITIVE),  # read -0.46
        ("物流不是很快", Feeling.NEGATIVE),
        ("不是很贵", Feeling.POSITIVE),  # read -0.94
        ("没等太久", Feeling.POSITIVE),
        # rule 158 (twenty-ninth session): more comparisons and denied faults, English and Russian
        ("nothing to improve tbh", Feeling.POSITIVE),  # read -0.78
        ("you can't get better value than this", Feeling.POSITIVE),
        ("wasn't disappointed 👍", Feeling.POSITIVE),
        ("The robe isn't as soft as I hoped", Feeling.NEGATIVE),  # read +0.43
        ("Колонка не хуже чем у известных брендов", Feeling.POSITIVE),
        ("Лучше блендера за эти деньги не найти", Feeling.POSITIVE),
        ("Халат не такой мягкий, как я ожидала", Feeling.NEGATIVE),  # read +0.70
        ("Бывают магазины и пооперативнее", Feeling.NEGATIVE),
        # rule 164 (twenty-ninth session): an English fault said plainly or intensified reads negative
        ("shipping was super slow", Feeling.NEGATIVE),  # read +0.83
        ("delivery was slow", Feeling.NEGATIVE),  # read neutral
        ("super flimsy", Feeling.NEGATIVE),  # read +0.91
        # rule 165 (thirtieth session): more fault words and milder intensifiers; a fault word denied plainly praises
        ("the app is super buggy", Feeling.NEGATIVE),  # read +0.89
        ("the lid was so cracked", Feeling.NEGATIVE),  # read neutral
        ("checkout was so confusing", Feeling.NEGATIVE),  # read -0.40, reported positive
        ("courier was pretty rude", Feeling.NEGATIVE),
        ("wasn't slow at all", Feeling.POSITIVE),  # read -0.51
        ("wasn't buggy at all", Feeling.POSITIVE),  # read -0.49
        # rule 166 (thirtieth session): the same in Russian and Chinese
        ("доставка очень медленная", Feeling.NEGATIVE),  # reported neutral
        ("ткань очень колючая", Feeling.NEGATIVE),  # read +0.22
        ("доставка совсем не медленная", Feeling.POSITIVE),  # read -0.25
        ("客服很凶", Feeling.NEGATIVE),  # read +0.08
        ("结账流程很复杂", Feeling.NEGATIVE),  # read +0.68
        ("物流一点都不慢", Feeling.POSITIVE),  # read -0.95
        ("本来以为会很慢，结果第二天就到了", Feeling.POSITIVE),  # rule 167: an expectation says no fault
    ],
)
def test_comparisons_and_softened_nots_are_reported_as_meant(text: str, feeling: Feeling) -> None:
    from analysis.reading import read_text

    assert read_text(text).score.feeling is feeling, text


@pytest.mark.parametrize(
    "text",
    [
        "not long after, it broke",  # "not long" told of time
        "I want good quality",  # no "not" before the praise word
        "not only fast but cheap",
        "had a better one before?",  # a question
        "лучше не брать",  # advice not to buy, no comparison
        "не очень долго прослужил",  # "не долго" told of how long it lasted
        "不太好意思问一下",  # 不太好意思: shy, not blame
        "没多久就坏了",  # soon broke
        "没有更好的选择吗？",
        "is it as soft as the grey one?",  # a question
        "I didn't expect much",  # no "but" or "got" after the low expectation
        "лучше не брать этот цвет",  # advice, no comparison
        "не хуже?",
        "不比大牌差",  # Chinese kept none of rule 158
        "a bit slow but worth the wait",  # rule 164: a turn
        "slow cooker works great",  # the word names the product
        "is it really that fragile?",  # a question
        "is the app always this buggy?",  # rule 165: a question
        "a bit clunky but it works",  # "a bit" is no intensifier, and a turn
        "not slow, but the box was crushed",  # a fault denied beside one told (both ways: nothing turns)
        "the sticky notes are super sticky",  # a word good for the product
        "доставка медленная?",  # rule 166: a question
        "доставка не медленная, но коробка мятая",  # a denial before a turn
        "物流一点都不慢，但是盒子破了",
        "会员卡很好用",  # 卡 a card, no intensifier before it
    ],
)
def test_comparisons_and_softened_nots_that_turn_nothing(text: str) -> None:
    from analysis.sentiment import negation

    assert negation(text, score_text(text).language) == 0, text


@pytest.mark.parametrize(
    ("text", "turned"),
    [
        # rule 157 (twenty-ninth session): a review's one sentence turns no English or Chinese reported feeling
        ("This is not the best colour for a blonde", True),
        (
            "Cute top, it fits well and it's comfortable. I tried it on in the store. "
            "This is not the best colour for a blonde, but the print is nice.",
            False,
        ),
        ("The base is wider than the picture shows", True),
        (
            "I love the fabric. My only gripe is that the base is wider than the picture shows. It looks fitted on the model.",
            False,
        ),
        # Russian long answers are still turned (rule 157 did not hold there)
        ("Заказ пришёл быстро. Упаковка целая. Но доставка не очень быстрая была в прошлый раз.", True),
    ],
)
def test_a_reviews_one_sentence_turns_nothing(text: str, turned: bool) -> None:
    from analysis.sentiment import as_negation_reads

    language = score_text(text).language
    praised = Score(language, 0.6, None, "test", Feeling.POSITIVE)
    assert (as_negation_reads(text, praised) != praised) is turned, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # rule 168 (thirtieth session): English and Russian read past a decline to a clear verdict the whole misses
        ("nothing else, love the shoes", Feeling.POSITIVE),  # read -0.54
        ("nothing more, i'm satisfied", Feeling.POSITIVE),  # read -0.75
        ("no, perfect as always", Feeling.POSITIVE),  # read -0.63
        ("нечего добавить, обувь отличная", Feeling.POSITIVE),  # read neutral
        ("nothing else, the box was crushed though", Feeling.NEGATIVE),  # the rest agrees: nothing moves
        ("no, thanks. the box was crushed", Feeling.NEGATIVE),
    ],
)
def test_a_clear_verdict_after_a_decline_is_read(text: str, feeling: Feeling) -> None:
    assert score_text(text).feeling is feeling, text


def test_a_long_run_of_declines_is_read_without_recursion() -> None:
    assert score_text("no, " * 1000 + "love it").feeling is Feeling.POSITIVE


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # rule 171 (thirtieth session): in English and Russian (Chinese since rule 177) a fault denied beside a problem the
        # keyword rules name turns nothing
        ("wasn't slow, arrived smashed", Feeling.NEGATIVE),  # reported positive
        ("not too expensive, arrived smashed", Feeling.NEGATIVE),
        ("доставка не медленная, коробка мятая", Feeling.NEGATIVE),
        ("杯子没碎，寄来的是蓝色不是绿色", Feeling.NEGATIVE),  # rule 177: Chinese too (reported positive)
        ("wasn't slow at all", Feeling.POSITIVE),  # no problem named: the denial still turns
        ("not too expensive", Feeling.POSITIVE),
        ("ничего не разбилось, всё целое", Feeling.POSITIVE),
    ],
)
def test_a_fault_denied_beside_a_problem_named_turns_nothing(text: str, feeling: Feeling) -> None:
    from analysis.reading import read_text

    assert read_text(text).score.feeling is feeling, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # rule 174 (thirtieth session): an English all-is-well beside a decline is a verdict, as in Russian
        ("nope, all good", Feeling.POSITIVE),  # was read as no content
        ("nothing more, all good", Feeling.POSITIVE),
        ("no thanks, I'm good", Feeling.NONE),  # says no more is needed, no feeling
        ("nope", Feeling.NONE),
    ],
)
def test_an_all_is_well_beside_a_decline_is_a_verdict(text: str, feeling: Feeling) -> None:
    from analysis.reading import read_text

    assert read_text(text).score.feeling is feeling, text
