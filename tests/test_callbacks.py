"""Callback data: every format round-trips, and forged or over-long data parses to None."""

from hypothesis import given
from hypothesis import strategies as st

from bot import callbacks
from bot.callbacks import Answer, Confirmation, Desk, Forget, Language, Skip

FORMATS = (Answer, Skip, Language, Forget, Confirmation, Desk)


def test_each_format_round_trips_and_matches_its_pattern():
    for value in (
        Answer(7, "purchase_csat", "5"),
        Skip(7, "what_went_wrong"),
        Language("zh"),
        Forget(True),
        Forget(False),
        Confirmation(3, True),
        Confirmation(3, False),
        Desk(12, "take"),
        Desk(12, "resolve"),
        Desk(12, "reopen"),
    ):
        data = value.build()
        assert type(value).parse(data) == value
        assert callbacks.pattern(type(value)).match(data)
        others = [f for f in FORMATS if f is not type(value)]
        assert all(f.parse(data) is None for f in others) and not callbacks.pattern(*others).match(data)


def test_forged_data_parses_to_none():
    forged = [
        None,
        "",
        "a",
        "a|",
        "a|x|channel|ad",
        "a|0|channel|ad",
        "a|-1|channel|ad",
        f"a|{2**63}|channel|ad",
        f"s|{2**70}|channel",
        "a|1|channel",
        "a|1|channel|ad|more",
        "s|1",
        "c|1|maybe",
        "c|x|yes",
        "c|0|yes",
        "c|01|yes",
        "d|٣|take",
        "d|1|explode",
        "d|-3|take",
        "f|maybe",
        "f|yes|no",
        "l|",
        "l|en|ru",
        "zzz",
        "a|1|" + "q" * 60 + "|5",  # longer than Telegram's 64 bytes: never issued
    ]
    for data in forged:
        assert all(f.parse(data) is None for f in FORMATS), data
    assert not callbacks.pattern(Forget).match("f|maybe")


@given(st.text(max_size=100))
def test_any_text_parses_to_none_or_back_to_itself(data: str):
    for f in FORMATS:
        parsed = f.parse(data)
        assert parsed is None or (parsed.build() == data and len(data.encode()) <= callbacks.MAX_BYTES)
