"""Chinese complaint rules widened by kind of wording (fifth Chinese pass, issue 10).

Each family has two wordings that are not rows of benchmarks/data/survey_answers.csv and a near-miss: a fault
family's near-miss must stay unflagged, and a denial, put-right or own-fault family's near-miss is a complaint
that must still be flagged.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.chinese_cues import fault_after_denial
from analysis.reading import read_text
from surveys.complaints import FlagRules
from surveys.reading import Feeling
from surveys.store import ScoredAnswer

DESK = FlagRules()


def flagged(text: str) -> bool:
    """Whether the desk flags a text answer, read as the store reads it (benchmarks/complaint_flags.stored)."""
    reading = read_text(text)
    score = reading.score
    answer = ScoredAnswer(0, "improve", "text", None, text, score.polarity, score.feeling, reading.complaint)
    return bool(DESK.answer_reasons(answer))


# Faults told as plain facts, with no complaint word: keeps no heat, a wheel that jumps, a musty smell, a stain
# that will not wash out, pages printed upside down or missing.
FAULTS = [
    "这个焖烧杯根本不保温",
    "新买的被子有很重的霉味",
    "衬衫领口有一块黄色污渍，怎么洗都洗不掉",
    "书装订的时候有几页印反了",
    "买的字帖缺页，少了十几页",
]
# A claim of the page set against what came: "宣传说……", "实际只有……".
CLAIMS = ["宣传说能防摔，掉了一次屏幕就花了", "标着两公斤装，实际只有一公斤多"]
FAULT_NEAR_MISSES = [
    "保温效果很好，一晚上都是热的",
    "一点污渍都没有，很干净",
    "和宣传的一样，很满意",
    "和宣传说的一样好用，很满意",
]

# Denials, put-right and owned mishaps: each pair is unflagged, each near-miss still a complaint.
BOX_SIZE = ["纸箱太大了，东西只有一点点", "外箱太大了，不太环保"]
EARLY = ["比预期早了一天到", "提前三天就送到了，惊喜"]
KEPT = ["原本打算退货，后来想想还是留着了", "一度想退，结果越用越喜欢，不退了"]
PUT_RIGHT = ["刚开始页面报错，重启之后就好了", "蓝牙一开始连不上，后来就好了，现在很顺"]
OWN_FAULT = ["颜色是我自己选错了，东西没毛病", "以为少发了，原来是我老公先拿走了，误会一场"]
STILL_COMPLAINTS = [
    "裤子太大了，想换小一号",
    "比预计晚了五天",
    "本来想留着，结果用了两天就坏了，要退货",
    "报错之后就好了一会儿，又不行了",
    "订单显示已发货，现在顺丰那边查不到物流",  # 顺丰 is a courier, not "smooth now"
    "不怪我自己，是你们发错了货",
    "这不是我的问题，是你们发错了",
    "难道是我的问题？明明是你们发错货了",
    "客服说是我自己的问题，根本不讲理，衣服开线了",
    "不怪快递，是你们包装太差，杯子碎了",
    "本来想退货，客服说不能退，只能留着了，很失望",
]


def test_no_example_is_a_labelled_row() -> None:
    rows = set(pd.read_csv("benchmarks/data/survey_answers.csv", keep_default_na=False)["text"])
    examples = FAULTS + CLAIMS + FAULT_NEAR_MISSES + BOX_SIZE + EARLY + KEPT + PUT_RIGHT + OWN_FAULT + STILL_COMPLAINTS
    assert not rows & set(examples)


@pytest.mark.parametrize("text", FAULTS + CLAIMS)
def test_a_fault_told_as_a_plain_fact_is_flagged(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize("text", FAULT_NEAR_MISSES)
def test_the_same_words_without_a_fault_are_not_flagged(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize("text", BOX_SIZE + EARLY + KEPT + PUT_RIGHT + OWN_FAULT)
def test_a_denied_put_right_or_owned_mishap_is_not_flagged(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize("text", STILL_COMPLAINTS)
def test_a_near_miss_that_reports_a_fault_is_still_flagged(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize("text", ["运费太贵了", "运费要二十块，有点高"])
def test_a_shipping_fee_is_a_price_and_an_opinion_of_it_no_complaint(text: str) -> None:
    reading = read_text(text)
    assert "price" in reading.topics and "payment" not in reading.topics
    assert not flagged(text)


def test_a_shipping_fee_charged_twice_is_still_a_complaint() -> None:
    assert flagged("运费扣了两次")


# Sixth Chinese pass (issue 10, false flags on fresh answers). Unflagged: a slip the courier put right himself;
# praise in alarm words and a parcel that came whole; plain delivery facts (the courier rang, a locker). Flagged:
# parts that do not match or fit, an order paid but still shown unpaid, a missing part asked for politely.
SIXTH_NOT_FLAGGED = [
    "送错楼了，小哥又送回来了，很负责",
    "快递放错了单元，师傅自己找回来了，谢谢",
    "便宜到离谱，质量还挺好",
    "毛巾软得过分，洗了好几次还是很舒服",
    "外箱完好无损，东西也没问题",
    "骑手提前打了两次电话",
    "放到小区的丰巢了",
    "两根带子一长一短，可以调节，很方便",
    "安装很简单，十分钟就装起来了",
    "不可或缺的厨房好帮手",
]
SIXTH_FLAGGED = [
    "裤脚一长一短，差了一截",
    "柜门的孔对不上，根本装不起来",
    "已经付过钱了，订单还显示未付款",
    "麻烦把缺了的那个盖子补发一下",
    # near-misses of the denials and the put-right form: still complaints
    "送错地址了，说会重新送一趟，到现在也没来",
    "发错了颜色，又送了一次还是错的",
    "外箱完好无损，里面的杯子却碎了",
    "快递慢得吓人，半个月才到",
    "没打电话就直接放快递柜了",
    "放在驿站三天了，一直没通知我",
]


def test_no_sixth_pass_example_is_a_labelled_row() -> None:
    rows = set(pd.read_csv("benchmarks/data/survey_answers.csv", keep_default_na=False)["text"])
    assert not rows & set(SIXTH_NOT_FLAGGED + SIXTH_FLAGGED)


@pytest.mark.parametrize("text", SIXTH_NOT_FLAGGED)
def test_sixth_pass_answers_that_are_no_complaint(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize("text", SIXTH_FLAGGED)
def test_sixth_pass_answers_that_are_complaints(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize("mark", ["?", "？"])
def test_a_fix_asked_about_is_no_put_right_whichever_question_mark(mark: str) -> None:
    from analysis.complaint_text import _told_as_put_right

    assert _told_as_put_right(f"一开始发错了颜色，第二天就补发了，为什么不一开始就发对{mark}", "zh") is None
    assert _told_as_put_right("一开始发错了颜色，第二天就补发了", "zh") is not None


@pytest.mark.parametrize(
    "text", ["颜色是我自己没看清，怪我", "鞋子买大了，只能怪自己脚小", "手机号填错了，快递员打不通，最后自己去驿站拿的"]
)
def test_a_slip_the_customer_owns_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "别怪我说话直，做工太差了",
        "快递员硬说是我电话填错了，根本没有",
        "怪我咯，但是你们发货也太慢了",
        "东西坏了还怪我",
    ],
)
def test_blame_put_on_the_customer_by_someone_else_stays_a_complaint(text: str) -> None:
    assert read_text(text).complaint, text


def test_a_clearly_negative_chinese_text_is_unhappy_only_when_the_reader_leans_to_a_complaint(monkeypatch) -> None:
    import dataclasses

    import analysis.complaint_model as complaint_model

    shipped = complaint_model.load_complaint_model("zh")
    assert shipped.unhappy_needs == 0.1  # written by benchmarks/train_complaints.py
    text = "包装一塌糊涂"  # scores clearly negative; the reader gives it between 0.1 and 0.5
    for needs, flagged in ((None, True), (0.5, False)):
        model = dataclasses.replace(shipped, unhappy_needs=needs)
        monkeypatch.setattr(complaint_model, "load_complaint_model", lambda _language, m=model: m)
        assert bool(read_text(text).complaint) is flagged, needs


@pytest.mark.parametrize("text", ["这题我就不答了", "问卷太长，这题不答"])
def test_a_skipped_question_is_no_content(text: str) -> None:
    assert read_text(text).score.feeling.value == "none"


# Traditional characters are read as the simplified text they stand for: feeling, complaint and topics alike.
@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("還沒收到貨，怎麼回事", "还没收到货，怎么回事"),
        ("包裝破了，裡面的杯子碎了一個", "包装破了，里面的杯子碎了一个"),
        ("尺碼偏小，想換大一號", "尺码偏小，想换大一号"),
        ("付款的時候應用一直閃退", "付款的时候应用一直闪退"),
        ("物流很快，東西不錯，五星好評", "物流很快，东西不错，五星好评"),
        ("沒有了，謝謝", "没有了，谢谢"),
    ],
)
def test_traditional_chinese_is_read_as_its_simplified_twin(traditional: str, simplified: str) -> None:
    assert read_text(traditional) == read_text(simplified)


@pytest.mark.parametrize("text", ["還沒收到貨，怎麼回事", "包裝破了，裡面的杯子碎了一個", "付款的時候應用一直閃退"])
def test_a_fault_in_traditional_characters_is_flagged(text: str) -> None:
    assert read_text(text).complaint, text


def test_a_decline_in_traditional_characters_is_no_content() -> None:
    assert read_text("沒有了，謝謝").score.feeling is Feeling.NONE


@pytest.mark.parametrize("text", ["请问160、50公斤选哪个码？", "平时穿M，这款要几码呀？"])
def test_a_chinese_size_question_before_buying_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize("text", ["下了四件只到了三件", "穿哪个码合适？上次买的发错了还没换"])
def test_a_short_delivery_or_a_fault_beside_a_size_question_is_flagged(text: str) -> None:
    assert read_text(text).complaint, text


# Written from the twelfth session's zh9 rules rows (none of these texts is a row).
@pytest.mark.parametrize(
    "text",
    ["兑换码显示已被使用，我刚买的", "菜刀是钝的，番茄都切不动", "说好的退款到现在没动静", "反正也习惯了，每次都晚到"],
)
def test_a_used_code_a_blunt_blade_or_silence_after_a_promise_is_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "请问有加大号的吗？",
        "晚到了两天，本来也不急",
        "鞋子一开始有点硬，穿了几天就习惯了",
        "少了一包，客服当场就退了那包的钱",
        "本来以为是假货，结果是真的，很惊喜",
        "一开始开不了机，后来才知道要长按五秒，现在没问题了",
    ],
)
def test_a_question_a_shrug_a_refund_on_the_spot_or_a_needless_worry_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "卡被 charge 了两次",
        "手机进水了，说好的防水呢",
        "盒子打开什么都没有",
        "买家秀和卖家秀差太远",
        "收到的却是旧款",
        "结账时优惠码提示无效",
    ],
)
def test_a_double_charge_water_inside_an_empty_box_or_an_invalid_code_is_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize("text", ["没看清，原来要自己组装，怪我", "以为送电池，原来要另买，是我没看清"])
def test_a_need_told_is_no_request_beside_an_owned_slip(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize("text", ["是我选错了颜色，我要换一个", "怪我没看清，但是要退货"])
def test_an_owned_slip_that_still_asks_for_a_return_or_exchange_is_flagged(text: str) -> None:
    assert read_text(text).complaint, text


def test_it_was_my_misreading_is_owned_but_not_my_misreading_is_not() -> None:
    assert not read_text("是我看错了尺码，不怪你们").complaint
    assert read_text("不是我看错了，是你们发错了").complaint


# Plain facts the Chinese feeling model reads as neutral are left to the guard reader, which needs more than an even
# chance (0.6) to flag them; a stuck parcel and a colour not ordered are named by the rules.
@pytest.mark.parametrize("fact", ["12月1号到的货，放在楼下快递柜", "外面是纸箱，里面裹了一层气泡膜"])
def test_chinese_plain_facts_read_neutral_are_no_complaint(fact: str) -> None:
    assert read_text(fact).score.feeling.value == "neutral" and not read_text(fact).complaint


@pytest.mark.parametrize(
    "text", ["订单号20231187，下单到现在十二天了，物流还停在“已揽收”", "我下单的是黑色，收到是灰色的。。"]
)
def test_a_stuck_parcel_and_a_colour_not_ordered_are_complaints(text: str) -> None:
    assert read_text(text).complaint


@pytest.mark.parametrize("text", ["我自己选错了尺码，申请换货很顺利", "我自己忘了取快递，被退回了，重新买了一次"])
def test_an_owned_slip_is_no_complaint_even_beside_an_application(text: str) -> None:
    assert not read_text(text).complaint  # "申请" (apply) is no "请" (please) asking for something


@pytest.mark.parametrize("text", ["不了，忙", "没空，不填了", "no, busy", "нет, некогда"])
def test_too_busy_to_answer_is_no_content(text: str) -> None:
    assert read_text(text).score.feeling.value == "none" and not read_text(text).complaint


@pytest.mark.parametrize(
    ("text", "kind"), [("东西不错，就是发票一直没开，催了好几次", "support"), ("鞋子好看，就是两只大小不一样", "size")]
)
def test_chasing_several_times_or_a_mismatched_pair_is_named(text: str, kind: str) -> None:
    from analysis.complaint_text import problems

    assert kind in problems(text, "zh") and read_text(text).complaint


@pytest.mark.parametrize(
    "text", ["扣了两次钱，客服当天就退回来一笔", "本来以为会很难装，结果很简单", "偏小一码，还好我看了评论买大了一码"]
)
def test_a_charge_returned_a_worry_dispelled_or_a_size_avoided_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint


@pytest.mark.parametrize("text", ["本子不错，就是有几页订反了", "物流到现在都没动", "等我的货到了再说吧"])
def test_pages_bound_backwards_a_parcel_that_never_moved_or_an_answer_put_off_until_it_comes_is_named(
    text: str,
) -> None:
    from analysis.complaint_text import problems

    assert problems(text, "zh") and read_text(text).complaint


def test_thanks_for_the_trouble_declines_politely() -> None:
    assert read_text("没了，辛苦啦").score.feeling.value == "none"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("说好送赠品，赠品没给", "missing"), ("感觉是盗版书", "misleading"), ("封面还行，里面字都糊了", "defect")],
)
def test_a_gift_not_given_a_pirated_copy_or_blurred_print_is_named(text: str, kind: str) -> None:
    from analysis.complaint_text import problems

    assert kind in problems(text, "zh") and read_text(text).complaint


@pytest.mark.parametrize(
    ("text", "kind"), [("发芽率太低了", "defect"), ("等了半个月才到", "late"), ("推车轮子晃", "defect")]
)
def test_seeds_that_do_not_sprout_a_half_month_wait_or_a_wobbling_wheel_is_named(text: str, kind: str) -> None:
    from analysis.complaint_text import problems

    assert kind in problems(text, "zh") and read_text(text).complaint


@pytest.mark.parametrize(
    "text", ["自己下单选错颜色了 换的很快", "晚了两天，不过提前通知了，可以理解", "以为坏了 后来发现是没插电 虚惊一场"]
)
def test_an_own_wrong_order_a_delay_told_ahead_or_a_false_alarm_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("枕头用了两周就塌下去了", "defect"),
        ("风扇噪音很大", "defect"),
        ("快递扔门口就走了", "damaged"),
        ("发票还没开", "support"),
        ("尺寸不对 根本装不上", "size"),
        ("到了死了两条", "damaged"),
        ("不合适 能退吗", "refund"),
    ],
)
def test_sagging_noise_a_parcel_left_at_the_door_or_an_invoice_not_issued_is_named(text: str, kind: str) -> None:
    from analysis.complaint_text import problems

    assert kind in problems(text, "zh") and read_text(text).complaint


@pytest.mark.parametrize("text", ["以为少了一个 原来是我没看到", "闪退了 重启一下就好了"])
def test_a_part_overlooked_or_a_crash_gone_after_a_restart_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("螺丝拧了几下就滑丝了", "defect"),
        ("毛巾掉毛很严重", "defect"),
        ("鞋子有点挤 能换一双吗", "refund"),
        ("衣服有色差", "misleading"),
    ],
)
def test_stripped_threads_shedding_an_exchange_asked_or_a_colour_cast_is_named(text: str, kind: str) -> None:
    from analysis.complaint_text import problems

    assert kind in problems(text, "zh") and read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        "颜色很正 没有色差",
        "续航一点不虚标",
        "少发的那个零件已经补寄了",
        "刚开始打不开 后来发现是我没插电",
        "请问这个书架能放多少本书",
    ],
)
def test_no_colour_cast_a_part_sent_on_an_own_slip_or_a_spec_asked_is_no_complaint(text: str) -> None:
    assert not flagged(text)


def test_a_question_about_an_order_is_not_one_before_buying() -> None:
    from analysis.complaint_text import _asks_before_buying

    assert _asks_before_buying("请问这个书架能放多少本书", "zh")
    assert not _asks_before_buying("请问这个订单多久能到", "zh")


def test_a_delivery_inside_its_booked_hours_is_no_complaint() -> None:
    from analysis.complaint_text import _a_window_kept, fold

    assert _a_window_kept(fold("约的9点到12点 10点多就到了"), "zh")
    assert not _a_window_kept(fold("约的9点到12点 下午3点才到"), "zh")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("音箱开大声就有电流声", "defect"),
        ("又收到一个坏的，第三次了", "damaged"),
        ("这不是我下单的型号啊", "wrong_item"),
    ],
)
def test_a_hum_a_broken_one_again_or_a_model_not_ordered_is_named(text: str, kind: str) -> None:
    from analysis.complaint_text import problems

    assert kind in problems(text, "zh") and read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    ["戴了半个月，暂时没出现什么毛病", "音质干净，没有杂音", "开箱被边角划了一下，自己不小心的", "没啥说的，东西挺好"],
)
def test_nothing_wrong_so_far_no_hum_an_own_slip_or_a_decline_with_praise_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("我买的蓝色，寄来的是绿色", "wrong_item"),
        ("瓶盖盖不上", "defect"),
        ("收到时封口是开的", "defect"),
        ("等了三周还没到", "late"),
    ],
)
def test_sixth_round_chinese_faults_are_named(text: str, kind: str) -> None:
    from analysis.complaint_text import problems

    assert kind in problems(text, "zh") and read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        # rule 133 (twenty-seventh session): the Chinese guard reader, learning the `fresh` rows, reads faults told
        # mildly or as bare facts (the judge zh56's two rows it caught)
        "无线充电器用着还可以，就是充着充着手机特别烫，有点担心，能换个吗",
        "手套左手那只线头开了",
    ],
)
def test_mild_chinese_faults_the_guard_reader_learnt_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # rule 195 (thirty-second session): a fault word denied and a fault named after it, no turn between
        ("物流一点都不慢，盒子破了", True),
        ("客服不凶，东西少了一件", True),
        ("不漏不碎，就是果酱太甜了", False),  # the second fault is denied too
        ("物流不慢，包装也没破，就是价格有点小贵", False),
        ("一点都不慢，但是盒子破了", False),  # a turn: the survey reader may read it
        ("物流一点都不慢", False),
    ],
)
def test_a_fault_named_after_a_denied_one_keeps_its_reading(text: str, named: bool) -> None:
    assert fault_after_denial(text) is named
    if named:  # the survey reader's neutral is not reported: score_text's negative stands
        assert read_text(text).score.feeling is Feeling.NEGATIVE
