"""CSV in and out: order import with deep links, answers export, spreadsheet-safe cells, the CLI."""

from __future__ import annotations

import csv

import pytest

from bot.cli import main
from surveys.engine import AnswerValue
from surveys.export import safe_cell
from surveys.links import read_token
from surveys.store import Store
from tests.helpers import T0
from tests.readings import reading


@pytest.mark.parametrize(
    "value",
    [
        "=1+1",
        "+1+cmd",
        "-2-3",
        "@SUM(A1)",
        "\tx",
        '=HYPERLINK("http://x")',
        "\uff1d1+1",
        "\uff0bcmd",
        "\uff0d2",
        "\uff20SUM(A1)",
        " =1+1",
        "\t=1",
        "\r=1",
        "\u200b=1+1",
        "\ufeff@x",
        "\u00a0+cmd",
        "|calc",
        "%x",
    ],
)
def test_formula_cells_are_neutralised(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["-5", "+1", "3.5", "-0.25", "1e5", " hello", "a=b", "fine - thanks"])
def test_plain_numbers_and_texts_are_left_alone(value):
    assert safe_cell(value) == value


def test_plain_cells_pass():
    assert safe_cell("fine, thanks") == "fine, thanks" and safe_cell(5) == 5 and safe_cell(None) == ""


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "jp.sqlite3"))
    monkeypatch.setenv("DEEP_LINK_SECRET", "s3cret-0123456789-abcdefghijklmnop")
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "shop_bot")
    return tmp_path


def test_orders_add_prints_a_verifiable_link(env, capsys):
    main(["orders", "add", "A-1001", "--customer", "Ann", "--purchased-at", "2026-11-20T14:00"])
    link = capsys.readouterr().out.strip()
    assert link.startswith("https://t.me/shop_bot?start=")
    assert read_token("s3cret-0123456789-abcdefghijklmnop", link.split("=", 1)[1]) == 1


def test_orders_add_bad_date_is_one_line(env, capsys):
    with pytest.raises(SystemExit) as info:
        main(["orders", "add", "A-1", "--purchased-at", "yesterday"])
    assert info.value.code == 1
    assert (
        capsys.readouterr().err.strip() == "journeypulse: --purchased-at: 'yesterday' is not an ISO-8601 date or time"
    )


def test_orders_import_writes_links_and_reports_bad_rows(env, capsys):
    source = env / "orders.csv"
    source.write_text(
        "order_id,customer,purchased_at\nA-1,Ann,2026-11-01\n,NoId,\nA-2,=cmd|' /C calc'!A0,not-a-date\nA-3,Bo,\n",
        encoding="utf-8",
    )
    with pytest.raises(SystemExit):
        main(["orders", "import", str(source), "--out", str(env / "links.csv")])
    out = capsys.readouterr()
    assert "2 orders" in out.out and "2 rows skipped" in out.out
    assert "orders.csv:3" in out.err and "orders.csv:4" in out.err
    rows = list(csv.DictReader((env / "links.csv").open(encoding="utf-8")))
    assert [r["order_id"] for r in rows] == ["A-1", "A-3"]


def test_orders_import_without_order_id_column(env, capsys):
    (env / "bad.csv").write_text("id,name\n1,x\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["orders", "import", str(env / "bad.csv")])
    assert "no order_id column" in capsys.readouterr().err


async def test_export_answers_has_the_contract_columns_and_safe_cells(env, surveys, capsys):
    store = await Store.open(env / "jp.sqlite3")
    order = await store.add_order("=A-1", None, T0, T0)
    invitation = await store.ensure_invitation(order.id, "first_week", T0, T0)
    fw = surveys["first_week"]
    await store.record_answer(invitation.id, fw.question("nps"), AnswerValue(number=9), "en", T0)
    await store.record_answer(
        invitation.id, fw.question("tell_more"), AnswerValue(text='=HYPERLINK("http://evil")'), "ru", T0, reading(0.1)
    )
    await store.close()
    from surveys.export import export_answers

    store = await Store.open(env / "jp.sqlite3")
    count = await export_answers(store, env / "answers.csv")
    await store.close()
    assert count == 2
    rows = list(csv.DictReader((env / "answers.csv").open(encoding="utf-8")))
    assert {"order_id", "survey", "question_id", "stage", "answer", "language", "answered_at"} <= set(rows[0])
    assert rows[0]["order_id"] == "'=A-1" and rows[0]["answer"] == "9" and rows[0]["stage"] == "loyalty"
    assert rows[1]["answer"] == '\'=HYPERLINK("http://evil")' and rows[1]["language"] == "ru"


def test_every_command_has_help_with_an_example():
    from bot.cli import build_parser

    def walk(parser):
        for action in parser._actions:
            if action.__class__.__name__ == "_SubParsersAction":
                for name, sub in action.choices.items():
                    yield name, sub
                    yield from walk(sub)

    leaves = [
        (name, sub)
        for name, sub in walk(build_parser())
        if not any(a.__class__.__name__ == "_SubParsersAction" for a in sub._actions)
    ]
    assert {name for name, _ in leaves} >= {"run", "demo", "add", "import", "answers", "sentiment", "rescore", "report"}
    for name, sub in leaves:
        assert sub.epilog and sub.epilog.startswith("example: journeypulse"), name
