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
