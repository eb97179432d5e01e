"""A Chinese reading the trained models get wrong: a plain fact read as a feeling.

A plain fact ("给我爸买的", "分期付的，分了三期", "周五下单，周日收到", "用微信付的") says when, how, where or for whom an
order was made and carries no feeling; the Chinese scorer, trained on shop reviews that open the same way before
they praise or complain, reads it as negative or positive. A text is a plain fact when it is made, apart from
punctuation, digits and order codes, only of pieces from a short closed list (ordering, buying, paying and
receiving verbs, days and times, people, ways to pay or collect, counting words) and holds at least one such verb.
Any other character ("没", "不", "才", "等", "坏", "慢", "还行") means the customer said more, and the scorer's
reading stands.

The list was written from general knowledge of how orders are described and checked against the `dev` Chinese rows
of benchmarks/data/survey_answers.csv only (no held-out row was read).
"""

from __future__ import annotations

import re

# Ordering, buying, paying, receiving: at least one must be present.
_FACT_VERBS = (
    "下的单 下了单 下单 下單 买的 买了 买来 买 買 付的款 付款 付的 付 支付 收到 收的 收货 到的货 到的 到了 到 送到 送的 寄到 寄的 "
    "取的 取 拿的 抢的 抢 团购 代买 拍的 订的 选的 回购 用 穿 戴 推荐 看到 见过 开了电子发票 开了发票"
).split()
# Everything else a plain fact may hold: for whom, when, how, where, how many.
_FACT_PIECES = (
    _FACT_VERBS
    + (
        # people and places the order was for
        "我们 我 他 她 给 給 帮 替 为 自己 妈妈 我妈 妈 媽 爸爸 我爸 爸 老公 老婆 孩子 儿子 女儿 朋友 同事 家里人 家人 家里 男朋友 女朋友 姐姐 姐 妹妹 哥哥 弟弟 "
        "闺蜜 对象 父母 婆婆 老人 公司 宿舍 办公室 店员 送人 生日礼物 礼物 生日 "
        # when
        "昨天 今天 前天 上周 这周 本周 上个月 这个月 月 号 日 星期 礼拜 周 天 早上 上午 中午 下午 晚上 凌晨 半夜 周末 过年 "
        "双十一 双十二 双11 双12 年货节 活动 打折 的时候 时候 之前 上次 平时 刚 已经 已 "
        # how and where
        "微信 支付宝 花呗 信用卡 银行卡 货到付款 到付 分期 分了 期 现金 优惠券 学生优惠 优惠 直播间 直播 小程序 淘宝 京东 拼多多 "
        "顺丰 快递柜 快递 驿站 门卫 前台 丰巢 自提点 自提 菜鸟 手机上 手机 网上 官网 实体店 店里 小红书 抖音 广告 到店 小区 门口 放在 那里 你们家 这家 "
        # the order and counting
        "订单号 订单 单号 单 包裹 东西 货 电子发票 发票 同一款 同款 白色 黑色 蓝色 红色 灰色 码 第一次 第二次 第三次 第 一共 共 一 二 两 三 四 五 六 七 八 九 十 个 件 "
        "次 款 "
        # small words
        "还在用 的 了 是 在 来 这次 这是 这 那 也 都 和 从 上 里 过 又 再 去 拿 分 "
        # how long it has been worn or used ("用了快一个月了", "穿了半个多月")
        "快 半 多"
    ).split()
)
_PIECES = re.compile("(?:" + "|".join(sorted(map(re.escape, set(_FACT_PIECES)), key=len, reverse=True)) + ")+")
_VERB = re.compile("|".join(sorted(map(re.escape, set(_FACT_VERBS)), key=len, reverse=True)))
# Punctuation, spaces, digits, order codes ("JD2026113045"), "app" and a size's letters ("M码") carry no feeling.
_NOISE = re.compile(r"[\s,.!?;:，。！？；：、~～…\-—#]+|[a-z]*\d[a-z\d]*|app|[a-z]{1,3}(?=码)")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def plain_fact(text: str) -> bool:
    """Whether a Chinese answer only states when, how, where or for whom an order was made ("给我爸买的"): a fact
    with no feeling."""
    rest = _NOISE.sub("", text.casefold())
    if not rest or len(rest) > 20 or not _HAN.search(rest):
        return False
    return _PIECES.fullmatch(rest) is not None and _VERB.search(rest) is not None
