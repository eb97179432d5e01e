"""Tests for the Chinese plain-fact reading: when, how or for whom an order was made carries no feeling."""

from __future__ import annotations

import pytest

from analysis.chinese_cues import plain_fact
from analysis.reading import read_text
from analysis.sentiment import Feeling, score_text
from tests.readings import NegativeScorer


class _Positive:
    name = "positive"

    def score(self, text: str) -> tuple[float, float]:
        return 0.8, 0.5


@pytest.mark.parametrize(
    "text",
    [
        "给我姐买的",
        "周三晚上下的单",
        "用支付宝付的款",
        "在快递柜取的",
        "第三次买了",
        "订单 55821，周一收到的",
        "買給我媽的",
        "双十一的时候抢的",
        "穿了半个多月了",  # how long it has been worn or used
        "戴了快两周",
    ],
)
def test_a_plain_fact_is_neutral_whichever_way_the_scorer_reads_it(text: str) -> None:
    assert plain_fact(text)
    for scorer in (NegativeScorer(), _Positive()):
        score = score_text(text, "zh", scorers={"zh": scorer})
        assert score.feeling is Feeling.NEUTRAL and score.polarity == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "周三下的单，到现在还没到",
        "给我爸买的，他说不好用",
        "买了三次都是坏的",
        "收到的是旧的",
        "才收到",
        "用了一周就坏了",
        "穿了两天就起球",
        "多了一个",
        "买的一般",
        "还行",
        "",
    ],
)
def test_a_text_that_says_more_than_a_fact_is_not_one(text: str) -> None:
    assert not plain_fact(text)


def test_the_chinese_fact_rule_leaves_other_languages_praise_alone() -> None:
    score = score_text("bought it for my mum", "en", scorers={"en": _Positive()})
    assert score.feeling is Feeling.POSITIVE


def test_read_text_reads_a_chinese_plain_fact_as_neutral_and_no_complaint() -> None:
    reading = read_text("周日下午下的单，用花呗付的")
    assert reading.score.feeling is Feeling.NEUTRAL and not reading.complaint


@pytest.mark.parametrize(
    "text",
    [
        "客服太好了",
        "快递太快了！",
        "太喜欢了，五星好评",
        "客服太给力了，退款很快",
        "快递小哥超级耐心👍",
        "这个太好用了，下次还来",
    ],
)
def test_plain_praise_is_positive_and_no_complaint_however_the_scorer_reads_it(text: str) -> None:
    assert score_text(text, "zh", scorers={"zh": NegativeScorer()}).feeling is Feeling.POSITIVE
    reading = read_text(text)
    assert reading.score.feeling is Feeling.POSITIVE and not reading.complaint, text


@pytest.mark.parametrize(
    "text", ["掉电太快了", "快递太慢了", "尺码太大了", "太好看了但是尺码小了", "客服太好了，就是到现在还没发货"]
)
def test_too_much_of_a_fault_or_praise_beside_one_keeps_the_scorers_reading(text: str) -> None:
    assert score_text(text, "zh", scorers={"zh": NegativeScorer()}).feeling is Feeling.NEGATIVE, text
