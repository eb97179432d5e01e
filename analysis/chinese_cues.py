"""Chinese readings the trained models get wrong: a plain fact read as a feeling, plain praise read as blame, taste.

A plain fact ("给我爸买的", "分期付的，分了三期", "周五下单，周日收到", "用微信付的") says when, how, where or for whom an
order was made and carries no feeling; the Chinese scorer, trained on shop reviews that open the same way before
they praise or complain, reads it as negative or positive. A text is a plain fact when it is made, apart from
punctuation, digits and order codes, only of pieces from a short closed list (ordering, buying, paying and
receiving verbs, days and times, people, ways to pay or collect, counting words) and holds at least one such verb.
Any other character ("没", "不", "才", "等", "坏", "慢", "还行") means the customer said more, and the scorer's
reading stands.

The list was written from general knowledge of how orders are described and checked against the `dev` Chinese rows
of benchmarks/data/survey_answers.csv only (no held-out row was read).

Plain praise ("客服太好了", "快递太快了！", "太喜欢了，五星好评") is read as negative by the same scorer: in the shop
reviews it learnt from, "太……了" mostly scolds ("太慢了", "太差了"). A text is plain praise when it is made only of
clauses "what (optional), how much, a word of praise, a closing particle" and short closers ("五星好评", "下次还来");
any other word keeps the scorer's reading. Written from general knowledge and the `dev` and `rules` Chinese rows.

Taste ("不是我的菜", "个人不太喜欢这个味道", "见仁见智") is an opinion, negative but no report, as English "not my style" is.
"""

from __future__ import annotations

import re

from analysis.cues import FaultsSaid, Listing, Negations

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


def _alternatives(words: list[str]) -> str:
    """A regex group matching any of the words, longest first."""
    return "(?:" + "|".join(sorted(map(re.escape, set(words)), key=len, reverse=True)) + ")"


_PIECES = re.compile(_alternatives(_FACT_PIECES) + "+")
_VERB = re.compile(_alternatives(_FACT_VERBS))
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


# What the praise is about; speed is praise only after one of _FAST_TOPICS ("快递太快了", never "掉电太快了").
_PRAISED = (
    "快递小哥 快递员 快递 物流 发货 配送 送货 到货 包装 价格 价钱 客服 售后 服务 态度 质量 做工 手感 面料 尺码 颜色 款式 味道 "
    "效果 东西 宝贝 商品 产品 衣服 鞋子 老板 卖家 店家 小哥 这家店 这家 你们家 你们 这个 这款 真的 也 都 还是 还"
).split()
_FAST_TOPICS = "快递小哥|快递员|快递|物流|发货|配送|送货|到货|客服回复|回复|退款"
_HOW_MUCH = "太 超级 超 真的 真 好 非常 特别 很 挺 相当 巨 蛮 十分".split()
_PRAISE = (
    "不错 好用 好看 好吃 好喝 好闻 好 棒 喜欢 爱了 爱 给力 方便 划算 实惠 贴心 耐心 专业 满意 赞 可爱 精致 惊喜 省心 靠谱 完美 合适 "
    "暖心 热情 周到 细心 结实 舒服 香 值 nice"
).split()
_CLOSERS = "五星好评 五星 好评 点赞 推荐 下次还来 下次还买 还会回购 会回购 必须好评 谢谢 感谢 爱了 棒棒哒 yyds".split()


_CLAUSE = (
    f"(?:{_alternatives(_PRAISED)}*{_alternatives(_HOW_MUCH)}?{_alternatives(_PRAISE)}"
    f"|(?:{_FAST_TOPICS}){_alternatives(_PRAISED)}*{_alternatives(_HOW_MUCH)}?快)(?:了|啦|呀|哦|啊)*"
)
_PLAIN_PRAISE = re.compile(f"(?:{_CLAUSE}|{_alternatives(_CLOSERS)})+")
_PRAISE_NOISE = re.compile(r"[\s,.!?;:，。！？；：、~～…👍❤️😊😄🥰👏💯]+")


def plain_praise(text: str) -> bool:
    """Whether a Chinese answer only praises ("客服太好了", "快递太快了！"): positive however the scorer reads "太……了"."""
    rest = _PRAISE_NOISE.sub("", text.casefold())
    if not rest or len(rest) > 30 or not _HAN.search(rest):
        return False
    return _PLAIN_PRAISE.fullmatch(rest) is not None


# Taste, not a fault: "不是我的菜", "个人不太喜欢", "见仁见智", "因人而异", "不太适合我".
_TASTE = re.compile(
    r"不是我的菜|个人(?:不太|不是很|不)?喜欢|个人(?:觉得|感觉)|见仁见智|因人而异|看个人|不太?适合我|不是我喜欢的|"
    r"我不太喜欢|(?:我妈|我老公|我女儿|我儿子|家里人|朋友)倒是(?:挺|很)?喜欢|不推荐也不反对|中规中矩"
)


def hedged(text: str) -> bool:
    """Whether a Chinese text gives a verdict of taste ("不是我的菜", "个人不太喜欢"): an opinion, no report by itself."""
    return _TASTE.search(text) is not None


# Praise denied ("不推荐", "不会回购", "不值这个价") and a fault denied ("不后悔", "挑不出毛病"): the character n-gram scorer
# weighs "推荐" and "后悔" and misses the "不" (rule 136, twenty-seventh session; from general knowledge, not from rows).
# A softened "不" (rule 151): "不是很", "不太", "没那么".
# Fault words (rule 166): what a customer calls a service or an item ("物流超级慢", "客服很凶" +0.08, "结账流程很复杂"
# +0.68) or denies ("物流一点都不慢" −0.95); the actionable ones are a complaint as well.
_ACTIONABLE_FAULTS = "慢|凶|卡|脏|破|烂|裂|漏|旧"
# 差 since rule 198 ("做工不差", "质量很差"), not 差不多 / 差一点 / 差价 / 差评 …, nor "也不差" ("不惊艳也不差" is balanced;
# "一点也不差" is praise)
_FAULTS = (
    f"{_ACTIONABLE_FAULTS}|复杂|难用|扎人|吵|臭|难闻|粗糙|(?<!(?<!一点)也不)差(?!不多|一点|点|价|评|距|别|钱|异|额)"
)
# A fault named after a fault word denied (rule 176): "物流一点都不慢，盒子破了".
_FAULT_NAMES = "破|坏|碎|漏|裂|压扁|少|缺|错|慢|晚|迟|脏|划痕|瑕疵"
_FAULT_WORD_DENIED = rf"(?:一点儿?[都也]不|并不|完全不|根本不|不)(?:{_FAULTS})"
_SOFTLY = r"(?:不是很|不是特别|并不是很|不太|不怎么|不算太?|没那么|并不)"
_NEGATED_PRAISE = re.compile(
    r"不(?:太|怎么|是很|大)?(?:推荐|建议(?:买|购买|入手))|不会再?(?:回购|再买|再来|购买)|不值(?:这个价|得买|这个钱)?|没有?想象(?:中|的)的?(?:好|那么好)|"
    r"没有?图片上?的?(?:好看|漂亮)|不如预期|低于预期|不及预期|"  # hedged and comparative (rule 142)
    r"(?<!不)浪费钱|(?<!没)白花钱|花冤枉钱|钱打水漂|早知道不买|"  # regret (rule 138)
    # praise softened by a "不" (rule 151): "物流不是很快", "不太结实"
    rf"{_SOFTLY}(?:快|好(?!意思)|结实|舒服|满意|耐用|清楚|及时|专业|热情|好用|好看|精致|牢固|稳|方便|准确|靠谱)"
)
# Praise said through a negation (rule 181): "不知道怎么夸", "夸不完", "好到说不出话", "感谢的话说不完", "无法用语言形容".
PRAISED_BEYOND_WORDS = (
    r"不知道(?:该)?怎么(?:夸|赞|感谢|谢)|夸不(?:完|过来|够)|(?:好|美|漂亮|喜欢|开心|惊艳|满意)(?:得|到)(?:说不出话|不知道说什么|"
    r"不知道怎么说|没话说)|感谢的话说不完|无法用语言(?:形容|表达)|言语(?:无法|难以)(?:形容|表达)|赞不绝口|好评说不完"
)
_NEGATED_FAULT = re.compile(
    PRAISED_BEYOND_WORDS + "|"
    # not after 也, the second half of a balanced verdict ("没有惊喜也没有失望", rule 261)
    r"不后悔|(?<!也)没有?失望|不失望|挑不出(?:毛病|问题)|(?<!也)没(?:什么|啥|有)?毛病|一点[都也]不差|不得不推荐|无可挑剔|"
    # praise through a denied complaint (rule 261): "无差评", "没有什么不满意的", "不坏", "不会不推荐"
    r"无差评|没有?(?:什么|啥)?不满意|(?<!不好)(?<!不好也)不坏|(?<!也)不会不推荐|"
    r"不亏|没白花|钱花得值|物有所值|"  # no regret (rule 138)
    r"超出预期|超过预期|超乎预期|比预期的?好|出乎意料的?好|"  # hedged and comparative praise (rule 142)
    # nothing better (rule 151): "没见过比这更好的", "找不到更好的了", "不能再满意了"
    r"没(?:见过|用过|买过|遇到过|碰到过|有)比[^，。！？,.!?]{0,6}更好|找不到[^，。！？,.!?]{0,4}更好的|不能再满意|再好不过|"
    r"没有更好的了|"
    # a fault softened by a "不" (rule 151): "不是很贵", "没等太久"
    rf"{_SOFTLY}(?:贵|慢|重|吵|难|麻烦|复杂)|没有?(?:等|用|花)(?:太|很)久|没多久就(?:到|送到|收到)|"
    # a fault word denied plainly, with no turn after it (rule 166): "物流一点都不慢", "客服不凶"
    # (rule 176: nor before a fault named after it, "物流一点都不慢，盒子破了")
    rf"{_FAULT_WORD_DENIED}(?!.*(?:但|不过|可是|就是|只是|除了|可惜|然而|唯一|{_FAULT_NAMES}))"
)
# What keeps a "不" from turning the whole answer: a negation just before ("不是不推荐", "不得不推荐"), a condition
# ("如果不喜欢"), one detail named ("唯一…", "只是…"), advice on sizes ("不建议买大一号").
_NEGATIONS = Negations(
    praise=_NEGATED_PRAISE,
    fault=_NEGATED_FAULT,
    sentence_end=re.compile(r"[。！？!?；;\n]"),
    negation_before=re.compile(r"(?:不是|不得|不会)$"),  # "不会不推荐" (rule 261)
    condition=re.compile(r"如果|要是|万一"),
    one_detail=re.compile(r"唯一|只是|除了"),
    sizes=re.compile(r"尺码|大一号|小一号|大一码|小一码|半码|偏大|偏小|拍大|拍小"),
)
negated_praise = _NEGATIONS.negated_praise
negated_fault = _NEGATIONS.negated_fault


# An item that matched its listing ("与描述相符", "和图片一模一样") or did not ("与描述不符", "和图片不一样"): the scorer read
# "与描述相符" −0.25 (rule 139).
_LISTED = r"(?:与|和|跟|同)(?:商品|宝贝)?(?:描述|图片|照片|图|详情页?|介绍|页面|卖家秀)上?的?"
_LISTING = Listing(
    matched=re.compile(
        _LISTED
        + r"(?:完全|基本|都|几乎)?(?:相符|一致|一样|一模一样|相同|没有?(?:什么)?(?:区别|差别|色差))|描述相符|图文(?:一致|相符)|描述(?:很|非常|挺)?(?:准确|属实)|如实描述"
    ),
    unmatched=re.compile(
        _LISTED
        + r"(?:完全|根本|一点都|一点也|严重)?(?:不符|不相符|不一致|不一样|不同|差(?:很多|太多|得远|别很大)|有(?:很大|明显)?的?(?:区别|差别|色差))|"
        r"描述不符|图文不符|货不对板"
    ),
    denial_before=re.compile(r"(?:不是|并不|没有?)$"),
    expected_before=re.compile(r"以为|期待|大体|大致"),
    turns=re.compile(r"但|不过|可是|就是|只是|除了|唯一|然而|可惜|(?<!色)差|有点"),
    better_after=re.compile(r"更(?:好看|漂亮|好)|还要?(?:好看|漂亮)"),
    clause_end=re.compile(r"[。！？!?；;，,\n]"),
)
affirms_listing = _LISTING.affirms
listing_praised = _LISTING.affirms  # the models read "与描述相符" negative; writers call it praise (rule 140)
denies_listing = _LISTING.denies


# A fault denied (rule 161): "没有破损没有少件", "完好无损", "一点划痕都没有", "杯子一个没碎", "没漏没坏"; with a verb
# (rule 172): "APP一次都没闪退", "快递没迟到", "没有坏点". The complaint rules cut it before they read (rule 172).
FAULT_DENIED = (
    r"没有?(?:任何)?(?:破损|少件|漏液|划痕|磕碰|瑕疵|损坏)|完好无损|完好|一点(?:划痕|破损|磕碰)?都?没有?(?:划痕|破损|磕碰|坏|碎|闪退|崩|坏点|杂音|洒|迟到|送错|发错|失效|敷衍|压扁|断)?|"
    r"(?:一个|一件|一只)?(?:都)?没(?:碎|坏|漏|少)|无破损|无划痕|无磕碰|"
    r"(?:没有?|一次都没有?|从没|都没|也没)(?:再)?(?:闪退|崩|坏点|杂音|洒|迟到|送错|发错|失效|敷衍|压扁|断)|不(?:卡|漏|碎)(?!了)"
)
_FAULT_DENIED = re.compile(FAULT_DENIED)
_FAULT_TURNS = re.compile(r"但|不过|可是|就是|只是|除了|可惜|然而|唯一")


_FAULT_AFTER_DENIAL = re.compile(
    rf"{_FAULT_WORD_DENIED}(?:(?!{_FAULT_TURNS.pattern}).)*?(?<![不没无未])(?<!没有)(?:{_FAULT_NAMES})"
)  # a fault named, not denied again ("不漏不碎", "包装也没破")


# A verdict neither good nor bad (rule 261): "没有惊喜也没有失望", "一般般吧，没啥特别惊艳的，也没什么毛病", "不会推荐，也不会不推荐",
# "没有特别快也没特别慢". The scorer reads the denied half as praise; the writers call the whole neutral.
_BALANCED = re.compile(
    r"没有?(?:什么|啥)?(?:惊喜|特别惊艳的?|很惊艳|想象中?(?:那么)?(?:惊艳|好))[^。！？!?]{0,8}?也没有?(?:什么|啥)?(?:失望|毛病|槽点)|"
    r"不会推荐[，,]?\s*也不会不推荐|没有?特别(?:快|好)[^。！？!?]{0,3}?也没有?特别(?:慢|差)|不快也不慢|不慢也不快|不好也?不坏"
)


def balanced(text: str) -> bool:
    """Whether a Chinese answer gives a verdict neither good nor bad ("没有惊喜也没有失望"): neutral, whatever its halves."""
    return _BALANCED.search(text) is not None


def fault_after_denial(text: str) -> bool:
    """Whether a Chinese answer denies a fault word and names a fault after it with no turn between (rule 176's
    construction): the survey reader's feeling is not reported for it (rule 195)."""
    return _FAULT_AFTER_DENIAL.search(text) is not None


def denies_faults(text: str) -> bool:
    """Whether a Chinese answer denies faults ("没有破损", "完好无损") with no turn and no question."""
    return (
        not re.search(r"[?？吗]", text) and _FAULT_DENIED.search(text) is not None and _FAULT_TURNS.search(text) is None
    )


# A fault said with an intensifier (rule 166): "物流超级慢", "客服很凶", "APP太卡了".
_INTENSIFIED = "很|太|超级|超|特别|非常|真|好|巨|贼|有点|有些|挺|也太|实在"
_FAULT_SAID = re.compile(f"(?<![不没])(?<!没有)(?:{_INTENSIFIED})(?:{_FAULTS})")  # not "没有特别慢" (rule 261)
_ACTIONABLE_FAULT_SAID = re.compile(f"(?<![不没])(?<!没有)(?:{_INTENSIFIED})(?:{_ACTIONABLE_FAULTS})")
_EXPECTED = re.compile("以为|担心|怕|本来想")


# A question, an expectation ("本来以为会很慢，结果第二天就到了", rule 167), a fault denied or a turn.
_FAULTS_SAID = FaultsSaid(
    _FAULT_SAID,
    _ACTIONABLE_FAULT_SAID,
    re.compile(rf"[?？吗]|{_EXPECTED.pattern}|{FAULT_DENIED}|{_LISTING.turns.pattern}"),
)


def says_a_fault(text: str) -> bool:
    """Whether a Chinese answer calls something slow, rude, laggy… with an intensifier, with no denial, turn or question."""
    return _FAULTS_SAID.says(text)


def says_an_actionable_fault(text: str) -> bool:
    """Whether a Chinese answer calls a service or the item slow, rude, laggy, broken… (rule 166)."""
    return _FAULTS_SAID.says_actionable(text)


# A reason not to answer (rule 183, as rule 180 in English): cannot say, do not know or remember, too early, later,
# someone else did it. "不知道" only alone ("退款我没申请，不知道"; not "不知道什么时候到", "不知道是不是正品": a question or a
# doubt), not "写得不清楚" (unclear instructions), "说不好" (it often goes on to a fault), nor "还没用" ("笔袋还没用 拉链拉不动").
_CANNOT_ANSWER = re.compile(
    r"(?:^|(?<=[，,。.！!？?\s我也就都并还真确实]))太?不(?:清楚|了解)|"
    r"不知道(?=$|[，,。.！!？?\s~～…]|[呢啊哈呀诶])|不确定|记不(?:得|清|太清)|忘了|答不了|回答不了|"
    r"没法(?:说|评价|回答|评|打分)|(?:以后|之后|回头|到时候|用久一点|过段时间|回来|回家)再(?:评价|说|反馈|回复|告诉你|评)|跳过|"
    r"太早|还早|不评了|没参与|"
    r"(?:老公|老婆|妈|爸|婆婆|儿子|女儿|孩子|家人|家里人|同事|朋友|室友|妹|姐|弟|哥|前台|门卫|邻居)[^，。！？,.!?]{0,2}?"
    r"(?:收的|签收|下的单|下单|付的|付款|拆的|弄的|办的|取的)"
)


# Rule 218's parts: a return the customer never made, a reason not to answer after it, someone close, an occasion. "还没退"
# and "没退款，不知道怎么回事" are the shop's refund not made yet: "还" only with "过", "不知道" only alone or on the return.
_RETURN_WORD = r"(?:退换货?|退货|退款|换货)"
_RETURN_PART = r"(?:" + _RETURN_WORD + r"(?:流程|这块|那块|体验|过程|的事)?|流程|过程)(?:怎么样|咋样|方不方便|如何)?"
_NOT_MADE = (
    r"(?:我)?(?:这单)?(?:(?:还|从来)?没(?:有)?(?:去)?(?:申请)?(?:退|换)过(?:货|款|尺码|东西)?|"
    r"(?<![还都钱款])(?:目前)?(?:没(?:有)?(?:要|需要)?|不需要)(?:去)?(?:申请)?(?:退|换)换?(?:货|款|尺码|东西)?(?:过(?![来去]))?)"
    r"(?!过[来去])(?:的)?"
)
_DECLINE_TAIL = (
    r"(?:(?:不知道|不清楚|不了解|没法(?:说|评价)|说不了|答不了|回答不了)(?:的?" + _RETURN_PART + r")?"
    r"(?=$|[，,。.！!？?\s~～…]|[呢啊哈呀诶吧])|"
    r"这(?:个|两个)?(?:问题|题)?(?:都)?(?:不适用|跳过吧?)|不适用|跳过|无可奉告|不用问我(?:这个)?|用不上|不涉及)"
)
_KIN = (
    r"老公|老婆|爱人|媳妇|对象|男朋友|女朋友|妈妈?|爸爸?|婆婆|岳母|奶奶|爷爷|外婆|姥姥|儿子|女儿|妹妹?|姐姐?|哥哥?|弟弟?|"
    r"侄子|侄女|外甥女?|朋友|同事|室友|家人"
)
_OCCASION = r"生日|婚礼(?:那天)?|过年|开学|六一|儿童节|节日"


# Not the customer's to answer (rule 214, as the English): the survey reached the wrong person, a return or exchange
# never made, a gift not given yet ("你们是不是发错人了 我没在你们家买过东西啊", "没退，也不打算退", "礼物还没给他").
NOT_MINE = (
    # rule 218 first: the whole stretch, or the older "没换过货" would match at its start and leave "不了解换货流程"
    rf"{_NOT_MADE}(?:[，,、 ～~]*(?:也)?(?:{_NOT_MADE}|不打算退))*[，,、 ～~]*(?:所以|因此|也|就)?(?:我)?"
    rf"(?:{_RETURN_PART})?(?:我)?(?:也|都)?{_DECLINE_TAIL}|"
    rf"{_RETURN_WORD}(?:的事|这块)?(?:我)?(?:不知道|不清楚)[，, ]*(?:我)?没(?:有)?(?:申请|退|换)过|不涉及{_RETURN_WORD}|"
    r"没(?:有)?(?:退|换)(?:货|款)过(?![来去])|"
    r"不是我买的|我不是(?:买家|收件人|下单的人)|(?:发|找)错人|没在你们(?:家|店)?买过(?:东西)?|"
    r"我没(?:有)?(?:在你们(?:家|店))?(?:买|下单)过(?:东西)?|显示没有(?:这个)?订单|(?:是不是|好像|可能)(?:发|弄)错了|"
    r"没(?:有)?(?:退|换)过(?:货|款)?|没(?:遇到|碰到)(?:要|需要)?(?:退|换)(?:货|款)?(?:的情况)?|(?:不|没)打算(?:退|换)|"
    r"没申请过(?:退款|退货)?|暂时没有退换货|没退(?:款|货)?过|退货[？?]没退|"
    r"(?:礼物|送(?:我|给)?[^，。！？,.!?]{0,4}的)[^。！？!?]{0,12}?还(?:藏着)?没(?:给|送|拆)|还藏着|"
    # rule 218: the return named first and never dealt with ("换货这个我没弄过"), done by someone close ("退货是我妹办的"),
    # a gift not given yet ("是给男朋友买的惊喜，还没给他", "还没到她生日"), the wrong person ("你们发错号码了").
    rf"{_RETURN_WORD}(?:[？?]|[^，。！？,.!?\s]{{0,3}}?)[，, ]?(?:我|也|都)?(?:从来)?没(?:有)?"
    r"(?:(?:碰|经历|参与)过?|(?:搞|弄|办|做|走|申请|换|退)过)|"
    rf"{_RETURN_WORD}(?:的事)?(?:都|不)?是(?:我的?)?(?:{_KIN})(?:在|帮我|帮忙|打电话)?(?:办|弄|处理|操作|寄|退)|"
    rf"{_RETURN_WORD}(?:的事)?不是我(?:经手|办|弄|处理)的|"
    rf"(?:礼物|惊喜|给(?:我的?)?(?:{_KIN}|孩子|宝宝)(?:买)?的|送给(?:我的?)?(?:{_KIN}|孩子|宝宝))"
    r"[^。！？!?]{0,12}?还(?:在我这)?没(?:给|送|拆)|"
    rf"还没(?:给|送给)(?:他|她|孩子|宝宝|{_KIN})(?![们回退发打寄处理答复解决联系])|"
    rf"(?:{_OCCASION})还没到(?![货手家])|还没到(?:[他她我]的?)?(?:{_OCCASION})|"
    r"发错(?:号码|手机号)了?|我不认识这个订单|发错了吧?[，, ]*(?=我不是(?:买家|收件人|下单的人))"
)


def cannot_answer(text: str) -> bool:
    """Whether a Chinese answer gives a reason not to answer ("一周太短了，用久一点再评价吧")."""
    return _CANNOT_ANSWER.search(text) is not None
