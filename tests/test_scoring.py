"""Batch scoring: `journeypulse sentiment` on CSV files and `journeypulse rescore` on the store."""

from __future__ import annotations

import asyncio
import csv

import pytest

from bot.cli import main
from surveys.engine import AnswerValue
from surveys.store import Store
from tests.helpers import T0


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "jp.sqlite3"))
    return tmp_path


def test_sentiment_csv_adds_language_and_sentiment(env, capsys):
    source = env / "in.csv"
    source.write_text(
        'id,text\n1,"Terrible, it arrived broken"\n2,Love it! Works great\n3,Очень плохо\n4,=1+1 is great\n',
        encoding="utf-8",
    )
    main(["sentiment", str(source), "--column", "text", "--out", str(env / "out.csv")])
    assert "4 rows scored" in capsys.readouterr().out
    rows = list(csv.DictReader((env / "out.csv").open(encoding="utf-8")))
    assert [r["language"] for r in rows] == ["en", "en", "ru", "en"]
    assert float(rows[0]["sentiment"]) < 0 < float(rows[1]["sentiment"])
    assert float(rows[2]["sentiment"]) < 0  # Russian goes to the trained Russian model
    assert rows[3]["text"] == "'=1+1 is great"
    assert rows[2]["id"] == "3"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,body\n1,x\n", "no column 'text'"),
        (b"\xff\xfe\x00bad", "is not UTF-8 text (byte 0xff at offset 0); save it as CSV UTF-8"),
        ("id,text\n1,\xc3\xe4\xe5\n".encode("latin-1"), "is not UTF-8 text (byte 0xc3"),  # a cp1251 export
        ("", "no column 'text'"),
        ("id;text\n1;a;b\n", "3 fields where the header has 2 (an unquoted semicolon?"),
    ],
)
def test_sentiment_csv_errors_are_one_line(env, capsys, content, message):
    source = env / "bad.csv"
    source.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(SystemExit) as info:
        main(["sentiment", str(source), "--out", str(env / "out.csv")])
    assert info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_sentiment_reads_a_spreadsheet_csv_and_writes_it_back_the_same_way(env, capsys, delimiter):
    source = env / "excel.csv"
    rows = [("id", "text"), ("1", "Где мой заказ? Жду уже неделю"), ("2", "Всё супер, спасибо; приду ещё")]
    source.write_text(
        "\ufeff" + "".join(delimiter.join(f'"{v}"' for v in row) + "\r\n" for row in rows), encoding="utf-8"
    )
    main(["sentiment", str(source), "--column", "text", "--out", str(env / "out.csv")])
    assert "2 rows scored" in capsys.readouterr().out
    out = list(csv.DictReader((env / "out.csv").open(encoding="utf-8"), delimiter=delimiter))
    assert [r["id"] for r in out] == ["1", "2"]
    assert out[1]["text"] == "Всё супер, спасибо; приду ещё"
    assert [r["complaint"] for r in out] == ["1", "0"] and out[0]["topics"] == "delivery"


async def test_rescore_fills_stored_scores(env, surveys, capsys):
    store = await Store.open(env / "jp.sqlite3")
    order = await store.add_order("A-1", None, T0, T0)
    invitation = await store.ensure_invitation(order.id, "first_week", T0, T0)
    await store.record_answer(
        invitation.id, surveys["first_week"].question("tell_more"), AnswerValue(text="Awful, never arrived"), "en", T0
    )
    await store.close()
    await asyncio.to_thread(main, ["rescore"])
    assert "1 answers scored" in capsys.readouterr().out
    store = await Store.open(env / "jp.sqlite3")
    [(sentiment, language, scorer)] = await store._all("SELECT sentiment, text_language, scorer FROM answers")
    await store.close()
    assert sentiment < 0 and language == "en" and scorer == "tfidf-lr-en"


def scored(env, content: str) -> tuple[list[str], list[dict[str, str]]]:
    """`journeypulse sentiment` on a CSV of this content (column `text`): the output's header and rows."""
    source = env / "in.csv"
    source.write_text(content, encoding="utf-8")
    main(["sentiment", str(source), "--column", "text", "--out", str(env / "out.csv")])
    with (env / "out.csv").open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    return list(reader.fieldnames or ()), rows


def test_a_labelled_files_own_columns_are_kept_beside_the_reading(env):
    header, rows = scored(
        env, "text,feeling,complaint,input_feeling\nthe parcel never came,negative,1,x\nnothing to add,none,0,y\n"
    )
    assert header == [
        "text", "input_input_feeling", "input_complaint", "input_feeling",
        "language", "sentiment", "feeling", "complaint", "topics",
    ]  # fmt: skip
    assert [(r["input_input_feeling"], r["input_complaint"], r["input_feeling"]) for r in rows] == [
        ("negative", "1", "x"),
        ("none", "0", "y"),
    ]
    assert [(r["feeling"], r["complaint"]) for r in rows] == [("negative", "1"), ("none", "0")]


def test_sentiment_csv_adds_feeling_complaint_and_topics(env):
    header, rows = scored(
        env,
        "id,text,note\n1,I was charged twice for the same order!,a\n2,Нечего добавить,b\n3,,c\n4,付款的时候应用一直闪退。,d\n",
    )
    assert header == ["id", "text", "note", "language", "sentiment", "feeling", "complaint", "topics"]
    assert [r["id"] for r in rows] == ["1", "2", "3", "4"] and rows[1]["note"] == "b"
    assert rows[0]["complaint"] == "1" and "payment" in rows[0]["topics"].split(";")
    assert rows[1]["complaint"] == "0" and rows[1]["topics"] == ""
    assert rows[2]["complaint"] == "0" and rows[2]["topics"] == ""  # empty text: a defined reading, no complaint
    assert rows[3]["complaint"] == "1" and "checkout" in rows[3]["topics"].split(";")
    assert all(r["feeling"] in {"", "negative", "neutral", "positive", "none"} for r in rows)


async def test_rescore_fills_feeling_topics_and_complaint(env, surveys):
    store = await Store.open(env / "jp.sqlite3")
    order = await store.add_order("A-2", None, T0, T0)
    invitation = await store.ensure_invitation(order.id, "first_week", T0, T0)
    question = surveys["first_week"].question("tell_more")
    await store.record_answer(
        invitation.id, question, AnswerValue(text="I was charged twice for the same order!"), "en", T0
    )
    await store.close()
    await asyncio.to_thread(main, ["rescore", "--only-unscored"])
    store = await Store.open(env / "jp.sqlite3")
    [(feeling, topics, complaint)] = await store._all("SELECT feeling, topics, complaint FROM answers")
    await store.close()
    assert complaint == 1 and "payment" in topics.split(";") and feeling in {"negative", "neutral", "positive"}
