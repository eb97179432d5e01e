"""The weekly report files: contents, escaping of hostile customer text, the empty week, and the CLI."""

from __future__ import annotations

import asyncio
import csv
import re
from datetime import timedelta
from pathlib import Path

import pytest

from analysis.report import build_weekly_report, escape_markdown
from bot.cli import main
from surveys.store import Store
from tests.test_aggregate import MONDAY, WEEK, respond

FILES = ("report.html", "report.md", "stages.csv", "poster.png", "poster.pdf")
HOSTILE = '<script>alert(1)</script> =HYPERLINK("x") *[x](javascript:alert(1))'


@pytest.fixture
async def hostile_db(store, surveys):
    """A week whose negative quotes are hostile text, the first one a spreadsheet formula."""
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "ad", "checkout_ease": 2, "purchase_csat": 1, "what_went_wrong": '=HYPERLINK("x")'},
        scores={"what_went_wrong": -0.9},
    )
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "ad", "checkout_ease": 1, "purchase_csat": 2, "what_went_wrong": HOSTILE},
        scores={"what_went_wrong": -0.5},
    )
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "social", "checkout_ease": 7, "purchase_csat": 5, "improve": "Great, fast checkout"},
        scores={"improve": 0.7},
    )
    return store.path


async def test_report_files_and_figures(hostile_db, tmp_path):
    path = build_weekly_report(hostile_db, WEEK, tmp_path / "out")
    assert path == tmp_path / "out" / "report.html"
    page = path.read_text(encoding="utf-8")
    for section in ("Headline", "Per stage", "Where it hurts", "What improved", "Complaint follow-up", "Method notes"):
        assert section in page
    assert page.count("data:image/png;base64,") == 4
    assert not re.search(r"(src|href)=['\"](?!data:)", page)  # nothing loaded from outside: self-contained
    rows = list(csv.DictReader((tmp_path / "out" / "stages.csv").open(encoding="utf-8")))
    assert [r["stage"] for r in rows] == ["awareness", "purchase", "delivery", "first_use", "support", "loyalty"]
    purchase = rows[1]
    assert float(purchase["csat"]) == pytest.approx(100 / 3, abs=1e-3) and purchase["small_sample"] == "True"
    assert float(purchase["ces_mean"]) == pytest.approx(10 / 3, abs=1e-3)


async def test_hostile_text_is_inert_everywhere(hostile_db, tmp_path):
    build_weekly_report(hostile_db, WEEK, tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "href" not in page
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "<script" not in md and "](javascript" not in md and "*[x]" not in md
    assert r"\*\[x\]\(javascript" in md
    rows = list(csv.DictReader((tmp_path / "stages.csv").open(encoding="utf-8")))
    assert rows[1]["negative_quote"] == '\'=HYPERLINK("x")'
    assert all(
        not v.startswith(("=", "+", "-", "@")) or v.lstrip("-").replace(".", "").isdigit()
        for r in rows
        for v in r.values()
    )


def test_escape_markdown():
    assert escape_markdown("*[x](javascript:alert(1))") == r"\*\[x\]\(javascript\:alert\(1\)\)"
    assert escape_markdown("a\nb <b>") == "a b &lt;b&gt;"


async def test_week_without_answers_says_so(store, tmp_path):
    build_weekly_report(store.path, "2026-W10", tmp_path)
    assert "No answers were given in week 2026-W10" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "No answers were given in week 2026-W10" in (tmp_path / "report.md").read_text(encoding="utf-8")


@pytest.fixture
def cli_db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "jp.sqlite3"
    monkeypatch.setenv("DATABASE_PATH", str(db))
    return db


def test_cli_report_prints_html_path(cli_db, surveys, tmp_path, capsys):
    async def fill():
        store = await Store.open(cli_db)
        await respond(store, surveys, "first_week", {"expectations": 5, "delivery": 4, "support": "solved", "nps": 9})
        await store.close()

    asyncio.run(fill())
    main(["report", "--week", WEEK, "--out", str(tmp_path / "r")])
    out = capsys.readouterr().out.split()
    assert out == [str(tmp_path / "r" / name) for name in FILES]
    assert "2026-W47" in (tmp_path / "r" / "report.md").read_text(encoding="utf-8")


def test_cli_report_bad_week_is_one_line(cli_db, capsys):
    with pytest.raises(SystemExit) as info:
        main(["report", "--week", "2026-47"])
    assert info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err == "journeypulse: week '2026-47' is not an ISO week like 2026-W47"


async def test_complaint_follow_up_figures_reach_the_report(hostile_db, store, tmp_path):
    from surveys import complaints
    from tests.test_aggregate import MONDAY

    rules = complaints.FlagRules()
    for invitation_id, customer_id in await store._all(
        "SELECT i.id, o.customer_id FROM invitations i JOIN orders o ON o.id = i.order_id"
    ):
        await complaints.review(store, rules, invitation_id, customer_id, MONDAY)
    [(first,), (second,)] = await store._all("SELECT id FROM complaints ORDER BY id")
    await store.log_message(first, "staff_reply", (900, "Sam"), "sorry", MONDAY.replace(hour=MONDAY.hour + 2))
    await complaints.resolve(store, first, (900, "Sam"), MONDAY.replace(hour=MONDAY.hour + 3))
    await store.confirm(first, True, MONDAY.replace(hour=MONDAY.hour + 4))
    build_weekly_report(hostile_db, WEEK, tmp_path)
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "- Complaints opened: 2 (per stage: purchase 2)." in markdown
    assert "- Median time to first staff reply: 2.0 h." in markdown  # replied 2 h after opening
    assert "- Resolved within 48 hours: 50.0%." in markdown
    assert "- Customers who confirmed the fix: 100.0%" in markdown
    assert f"- Oldest open: #{second} " in markdown


async def test_report_says_which_scorer_scored_each_language(store, surveys, tmp_path):
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "ad", "checkout_ease": 2, "purchase_csat": 1, "what_went_wrong": "Посылка пришла мятая"},
        language="ru",
        scores={"what_went_wrong": -0.8},
    )
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "ad", "checkout_ease": 2, "purchase_csat": 1, "what_went_wrong": "配送が遅い"},
        language="ja",
    )
    page = build_weekly_report(store.path, WEEK, tmp_path / "out").read_text(encoding="utf-8")
    assert "<h2>Sentiment scorers</h2><p>ja: not scored, 1 texts<br>ru: test, 1 texts</p>" in page
    markdown = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "## Sentiment scorers\n\n- ja\\: not scored, 1 texts\n- ru\\: test, 1 texts\n" in markdown


def test_cli_report_writes_a_folder_per_week_and_prints_every_file(cli_db, surveys, tmp_path, capsys):
    async def fill():
        store = await Store.open(cli_db)
        await respond(store, surveys, "first_week", {"expectations": 5, "delivery": 4, "support": "solved", "nps": 9})
        await store.close()

    asyncio.run(fill())
    main(["report", "--week", WEEK])
    written = capsys.readouterr().out.split()
    assert written == [str(Path("reports") / WEEK / name) for name in FILES]
    assert all((tmp_path / path).is_file() for path in written)


async def _weeks(store, surveys, before: list[int], now: list[int]):
    """Post-purchase answers with these CSAT scores last week and this week."""
    for score in before:
        await respond(
            store,
            surveys,
            "post_purchase",
            {"channel": "ad", "checkout_ease": 4, "purchase_csat": score},
            when=MONDAY - timedelta(days=7),
        )
    for score in now:
        await respond(store, surveys, "post_purchase", {"channel": "ad", "checkout_ease": 4, "purchase_csat": score})


def _section(text: str, title: str) -> str:
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


async def test_a_real_drop_is_worse_and_leads_the_report(store, surveys, tmp_path):
    await _weeks(store, surveys, [5, 5, 4, 5] * 10, [1, 2, 5, 1] * 10)  # CSAT 100 % → 25 %
    build_weekly_report(store.path, WEEK, tmp_path)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    worse = _section(md, "What got worse")
    assert "purchase: " in worse and "CSAT 100.0 → 25.0 (-75.0 points" in worse
    assert (
        md.index("## What got worse")
        < md.index("## What improved")
        < md.index("## What held")
        < md.index("## Per stage")
    )
    assert "No figure improved significantly." in _section(md, "What improved")
    assert md.split("## Headline\n\n", 1)[1].startswith("Purchase: ") and ": worse." in md


async def test_noise_is_neither_better_nor_worse(store, surveys, tmp_path):
    await _weeks(store, surveys, [5, 4, 2, 5, 3] * 8, [4, 5, 2, 5, 3] * 8)  # the same mix both weeks
    build_weekly_report(store.path, WEEK, tmp_path)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "No figure got significantly worse." in md and "No figure improved significantly." in md
    assert "purchase: " in _section(md, "What held")
    assert "every tested figure held" in md


async def test_share_shows_its_wilson_interval(store, surveys, tmp_path):
    await _weeks(store, surveys, [], [5, 1] * 20)  # CSAT 50 % of 40: Wilson 35–65
    md = build_weekly_report(store.path, WEEK, tmp_path).with_name("report.md").read_text(encoding="utf-8")
    assert "| purchase | 40 (" not in md  # no delta against an empty previous week
    assert "50.0 [35–65]" in md


async def test_no_delta_against_an_empty_previous_week(hostile_db, tmp_path):
    page = build_weekly_report(hostile_db, WEEK, tmp_path).read_text(encoding="utf-8")
    assert "No figure can be compared with last week yet." in page
    assert not re.search(r"<td>\d+(\.\d+)?( \[[^]]*\])? \([+-]", page)  # no "36 (+36)"


async def test_small_sample_marks_only_the_figures_that_are_small(hostile_db, tmp_path):
    from analysis.report import _segment_cell

    row = {
        "responses": 77,
        "csat": 80.0,
        "csat_n": 40,
        "nps": 10.0,
        "nps_n": 12,
        "rated_n": 77,
        "negative_share": 5.0,
        "feeling": 50.0,
    }
    assert [_segment_cell(row, n) for n in ("responses", "csat", "nps", "feeling")] == ["77", "80.0", "10.0 ⚠", "50.0"]
    page = build_weekly_report(hostile_db, WEEK, tmp_path).read_text(encoding="utf-8")
    assert "title='few answers: answers, response rate, completion, CSAT" in page
    assert "csat_n" not in page and "rated_n" not in page


async def test_legend_lists_only_weeks_with_a_line(hostile_db):
    from analysis.aggregate import aggregate_week
    from analysis.report import curve_lines

    assert [label for label, *_ in curve_lines(aggregate_week(hostile_db, WEEK))] == [WEEK]


async def test_nps_is_shown_and_markdown_has_every_html_section(store, surveys, tmp_path):
    for nps in (10, 9, 3):
        await respond(store, surveys, "first_week", {"expectations": 5, "delivery": 4, "support": "solved", "nps": nps})
    page = build_weekly_report(store.path, WEEK, tmp_path).read_text(encoding="utf-8")
    assert "NPS +33 (promoters 2, passives 0, detractors 1)" in page
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "NPS +33 (promoters 2, passives 0, detractors 1)" in md
    for title in re.findall(r"<h2>([^<]+)</h2>", page):
        assert f"## {title}\n" in md, title


async def test_poster_is_an_a3_landscape_png_and_pdf(store, surveys, tmp_path):
    await _weeks(store, surveys, [5, 5, 4, 5] * 10, [1, 2, 5, 1] * 10)
    build_weekly_report(store.path, WEEK, tmp_path)
    png = (tmp_path / "poster.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1654, 1169)  # A3 landscape at 100 dpi
    pdf = (tmp_path / "poster.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/MediaBox [ 0 0 1190.88 841.68 ]" in pdf


async def test_poster_card_calls_the_worse_stage(store, surveys):
    from analysis.aggregate import aggregate_week
    from analysis.poster import feeling_band, stage_card

    await _weeks(store, surveys, [5, 5, 4, 5] * 10, [1, 2, 5, 1] * 10)
    figures = aggregate_week(store.path, WEEK)
    value, arrow, _, _, _ = stage_card(figures, "purchase")
    assert value == "CSAT 25 %" and arrow == "▼ worse"
    mean, low, high = feeling_band(figures.stages.loc["purchase"])
    assert low < mean < high and mean == pytest.approx(figures.stages.loc["purchase", "feeling"])


async def test_poster_draws_chinese_and_dollar_signs(store, surveys, tmp_path):
    from analysis.aggregate import aggregate_week
    from analysis.poster import draw_poster

    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "ad", "checkout_ease": 2, "purchase_csat": 1, "what_went_wrong": "快递太慢了 $5 refund $x^2$"},
        language="zh",
        scores={"what_went_wrong": -0.8},
    )
    png, pdf = draw_poster(aggregate_week(store.path, WEEK))
    assert png.startswith(b"\x89PNG") and pdf.startswith(b"%PDF")


async def test_topics_per_stage_reach_html_markdown_csv_and_poster(store, surveys, tmp_path):
    from analysis.aggregate import aggregate_week
    from analysis.poster import stage_card

    before = MONDAY - timedelta(days=7)
    for n in range(20):  # delivery's negative texts: packaging 2 of 20 last week, 16 of 20 this week
        for when, packaging in ((before, n < 2), (MONDAY, n < 16)):
            await respond(
                store,
                surveys,
                "first_week",
                {"expectations": 4, "delivery": 1, "delivery_why": f"Box {n} <b>crushed</b>"},
                when=when,
                completed=False,
                scores={"delivery_why": -0.5 - n / 100},
                topics={"delivery_why": ("packaging",) if packaging else ("size_fit",)},
            )
    page = build_weekly_report(store.path, WEEK, tmp_path).read_text(encoding="utf-8")
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    # readable names, count, share, the tested change and one escaped quote each; no raw keys
    assert (
        "<tr><td>Packaging</td><td>16</td><td>80</td><td class='words'>10% → 80% (+70.0 points, worse, p = "
    ) in page
    assert "“Box 15 &lt;b&gt;crushed&lt;/b&gt;”" in page and "size_fit" not in page and "Size and fit" in page
    assert "| Packaging | 16 | 80 | 10% → 80% (+70.0 points, worse, p = " in md and "size_fit" not in md
    assert "delivery: topic Packaging: named by 80% of negative texts (last week 10%, +70.0 points, p = " in _section(
        md, "What got worse"
    )
    assert "20 negative written answers." in md
    # every delivery rating held (all 1s both weeks), so the topic's rise leads the report
    assert md.split("## Headline\n\n", 1)[1].startswith("Delivery: topic Packaging: named by 80% of negative texts")
    rows = {r["stage"]: r for r in csv.DictReader((tmp_path / "stages.csv").open(encoding="utf-8"))}
    delivery = rows["delivery"]
    assert (delivery["top_topic"], delivery["top_topic_count"], delivery["top_topic_verdict"]) == (
        "Packaging",
        "16",
        "worse",
    )
    assert float(delivery["top_topic_share"]) == 80.0 and float(delivery["top_topic_delta"]) == 70.0
    assert delivery["topics"] == "Packaging 16; Size and fit 4" and delivery["negative_texts"] == "20"
    assert delivery["top_topic_quote"] == "Box 15 <b>crushed</b>" and rows["purchase"]["top_topic"] == ""
    _, _, _, topic, quote = stage_card(aggregate_week(store.path, WEEK), "delivery")
    assert topic == "Packaging\n16 of 20" and quote == "Box 15 <b>crushed</b>"


async def test_every_stage_with_a_low_rating_gets_words(store, surveys, tmp_path):
    """The demo's defect: delivery, support and loyalty hurt but showed no words; their follow-ups now give them."""
    await respond(
        store,
        surveys,
        "first_week",
        {
            "expectations": 4,
            "delivery": 2,
            "delivery_why": "Courier was a week late",
            "support": "not_solved",
            "support_why": "Nobody answered my emails",
            "nps": 3,
            "nps_why": "Too expensive for what it is",
        },
        scores={"delivery_why": -0.3, "support_why": -0.4, "nps_why": -0.2},
        topics={"delivery_why": ("delivery",), "support_why": ("support",), "nps_why": ("price",)},
    )
    md = build_weekly_report(store.path, WEEK, tmp_path).with_name("report.md").read_text(encoding="utf-8")
    hurts = _section(md, "Where it hurts")
    for stage, topic in (
        ("delivery", "| Delivery | 1 | 100 |"),
        ("support", "| Support | 1 | 100 |"),
        ("loyalty", "| Price | 1 | 100 |"),
    ):
        words = hurts.split(f"### {stage}: ", 1)[1].split("\n### ", 1)[0]
        assert topic in words and "No written answers" not in words, stage


def test_poster_wraps_chinese_by_width():
    from analysis.poster import wrap_wide

    lines = wrap_wide("快递太慢了" * 6, 20)  # 30 wide characters: 10 per line of 20 columns
    assert lines == ["快递太慢了" * 2] * 3
    assert wrap_wide("下单的时候网站闪退了好几次。", 26) == ["下单的时候网站闪退了好几次。"]  # "。" never starts a line
    assert wrap_wide("The box arrived damaged and one part was broken", 20) == [
        "The box arrived",
        "damaged and one part",
        "was broken",
    ]


def test_cli_report_computes_against_the_surveys_the_bot_runs(cli_db, tmp_path, capsys):
    from tests.helpers import write_custom_surveys

    custom = tmp_path / "surveys"
    custom.mkdir()
    surveys = write_custom_surveys(custom)

    async def fill():
        store = await Store.open(cli_db)
        await respond(
            store,
            surveys,
            "post_purchase",
            {"gift_wrap": 2, "channel": "ad", "checkout_ease": 6, "purchase_csat": 5, "improve": "nothing"},
            completed=False,
        )
        await store.close()

    asyncio.run(fill())
    main(["report", "--week", WEEK, "--out", str(tmp_path / "custom"), "--surveys", str(custom)])
    main(["report", "--week", WEEK, "--out", str(tmp_path / "shipped")])
    capsys.readouterr()
    assert "gift\\_wrap 0\\.0, channel" in (tmp_path / "custom" / "report.md").read_text(encoding="utf-8")
    assert "gift" not in (tmp_path / "shipped" / "report.md").read_text(encoding="utf-8")
    assert {(path.stat().st_mode & 0o777) for path in (tmp_path / "custom").iterdir()} == {
        0o600
    }  # they quote customers
    (custom / "first_week.yaml").write_text("id: first_week\nquestions: []\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["report", "--week", WEEK, "--surveys", str(custom)])
    assert exit_.value.code == 1 and "first_week.yaml: no questions" in capsys.readouterr().err
