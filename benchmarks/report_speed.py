"""Weekly report speed: a generated database of 1,000,000 answers, the report vs a bare pandas.read_sql of its rows.

    python benchmarks/report_speed.py [--answers 1000000] [--weeks 10] [--db /tmp/report_bench.sqlite3]

Generates the database once (through Store's migrations, then executemany in large transactions), then runs
each measurement in a fresh subprocess so that imports, caches and peak memory do not leak between them:
`report` = build_weekly_report for the last generated week (all three files written); `bare read` = the
same queries the report runs (full answers, sent invitations and order channels of this week and the last,
narrow answer rows of the six earlier trend weeks), each a plain pandas.read_sql with the same parameters. Prints seconds, their ratio and peak RSS (ru_maxrss).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

END_WEEK = "2026-W47"
TEXTS = {  # (text, polarity, language); None polarity = not scored (no scorer for the language)
    "negative": [
        ("The box arrived damaged and one part was broken.", -0.45, "en"),
        ("Delivery was late and support never replied.", -0.3, "en"),
        ("Wrong size, I want a refund. Terrible experience.", -0.8, "en"),
        ('<script>alert("x")</script> Box <b>crushed</b> & late', -0.9, "en"),  # must show as text
        ("Посылка пришла поврежденной, очень недоволен.", -0.7, "ru"),
        ("快递太慢了，客服也不回复。", -0.8, "zh"),
    ],
    "positive": [
        ("Love it, works perfectly and arrived early!", 0.7, "en"),
        ("Great quality, very happy with it.", 0.8, "en"),
        ("Checkout was quick and easy.", 0.43, "en"),
        ("Отличный товар, всё понравилось!", 0.8, "ru"),
        ("质量很好，非常满意！", 0.9, "zh"),
    ],
}
# The "why" after a low answer speaks of its stage; in END_WEEK packaging complaints rise, a change to call.
WHY = {
    "delivery_why": [
        ("Delivery was four days late and tracking never updated.", -0.3, "en"),
        ("The courier left the parcel in the rain, the box was soaked.", -0.2, "en"),
        ("Доставка опоздала на неделю.", -0.5, "ru"),
        ("快递太慢了，晚了四天才到。", -0.9, "zh"),
    ],
    "support_why": [
        ("Support never replied to my emails.", -0.6, "en"),
        ("Оператор нахамил, возврат не оформили.", -0.9, "ru"),
        ("客服一直没人回。", -0.9, "zh"),
    ],
    "nps_why": [
        ("Too expensive for this quality.", -0.7, "en"),
        ("The product broke after two days.", -0.7, "en"),
        ("Слишком дорого для такого качества.", -0.4, "ru"),
        ("东西用了两天就坏了。", -0.9, "zh"),
    ],
}
PACKAGING = ("The box arrived crushed and the packaging was torn.", -0.6, "en")
CHANNELS = ("social", "search", "friend", "ad", "other")


def _ts(moment) -> str:
    from surveys.store import to_text

    return to_text(moment)


def generate(path: Path, answers: int, weeks: int, seed: int = 7) -> int:
    """Write a database of about `answers` answers over `weeks` ISO weeks ending with END_WEEK; return the count."""
    from analysis.aggregate import parse_week
    from analysis.topics import default_taxonomy
    from surveys.store import Store

    path.unlink(missing_ok=True)
    pools = [*TEXTS.values(), *WHY.values(), [PACKAGING]]
    topics = {text: ";".join(default_taxonomy().find(text)) for pool in pools for text, _, _ in pool}

    async def create() -> None:
        store = await Store.open(path)
        await store.close()

    asyncio.run(create())
    rng = random.Random(seed)
    start = parse_week(END_WEEK)[0] - timedelta(weeks=weeks - 1)
    span = timedelta(weeks=weeks).total_seconds()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    order_id = invitation_id = answer_id = 0
    written = 0
    while written < answers:
        customers, orders, invitations, rows = [], [], [], []
        for _ in range(min(20_000, (answers - written) // 5 + 1)):  # about 4.5 answers per order
            order_id += 1
            mood = rng.random()  # 0 unhappy .. 1 happy
            language = rng.choices(("en", "ru", "zh"), (6, 3, 1))[0]
            bought = start + timedelta(seconds=rng.random() * span)
            customers.append((order_id, 10_000_000 + order_id, 10_000_000 + order_id, "X", language, _ts(bought)))
            orders.append((order_id, f"B-{order_id}", None, _ts(bought), order_id, _ts(bought)))
            surveys = [("post_purchase", bought)]
            if bought + timedelta(days=7) < start + timedelta(seconds=span) and rng.random() < 0.6:
                surveys.append(("first_week", bought + timedelta(days=7)))
            for survey, sent in surveys:
                invitation_id += 1
                at = sent + timedelta(minutes=2)
                done = rng.random() < 0.85
                invitations.append(
                    (invitation_id, order_id, survey, _ts(sent), _ts(sent), _ts(at) if done else None, _ts(sent))
                )

                def score(low: int, high: int, mood: float = mood) -> float:
                    return float(min(high, max(low, round(low + (high - low) * (mood + rng.uniform(-0.3, 0.3))))))

                if survey == "post_purchase":
                    csat = score(1, 5)
                    given = [
                        ("channel", "awareness", "choice", None, rng.choice(CHANNELS)),
                        ("checkout_ease", "purchase", "ces", score(1, 7), None),
                        ("purchase_csat", "purchase", "csat", csat, None),
                    ]
                    texts = [("what_went_wrong" if csat <= 3 else "improve", "purchase", None)]
                else:
                    support = rng.choices(("not_needed", "solved", "not_solved"), (6, 2, 1 + 2 * (mood < 0.4)))[0]
                    delivery, nps = score(1, 5), score(0, 10)
                    given = [
                        ("expectations", "first_use", "csat", score(1, 5), None),
                        ("delivery", "delivery", "csat", delivery, None),
                        ("support", "support", "choice", None, support),
                        ("nps", "loyalty", "nps", nps, None),
                    ]
                    # the follow-ups of first_week.yaml: a "why" after each low answer, "tell more" otherwise
                    texts = [("delivery_why", "delivery", "negative")] * (delivery <= 3)
                    texts += [("support_why", "support", "negative")] * (support == "not_solved")
                    texts += [("nps_why", "loyalty", "negative") if nps <= 6 else ("tell_more", "first_use", None)]
                keep = len(given) if done else rng.randint(1, len(given) - 1)
                for qid, stage, kind, number, choice in given[:keep]:
                    answer_id += 1
                    rows.append(
                        (
                            answer_id,
                            invitation_id,
                            qid,
                            stage,
                            kind,
                            number,
                            choice,
                            0,
                            language,
                            _ts(at),
                            None,
                            None,
                            None,
                            None,
                            None,
                        )
                    )
                for qid, stage, tone in texts if done else ():
                    answer_id += 1
                    if rng.random() < 0.2:
                        rows.append(
                            (
                                answer_id,
                                invitation_id,
                                qid,
                                stage,
                                "text",
                                None,
                                None,
                                1,
                                language,
                                _ts(at),
                                None,
                                None,
                                None,
                                None,
                                None,
                            )
                        )
                    else:
                        pool = WHY.get(qid) or TEXTS[tone or ("negative" if mood < rng.random() else "positive")]
                        if qid == "delivery_why":
                            pool = pool + [PACKAGING] * (12 if at >= parse_week(END_WEEK)[0] else 0)
                        text, polarity, text_language = rng.choice([t for t in pool if t[2] == language] or pool)
                        rows.append(
                            (
                                answer_id,
                                invitation_id,
                                qid,
                                stage,
                                "text",
                                None,
                                f"{text} #{answer_id % 997}",
                                0,
                                language,
                                _ts(at),
                                polarity,
                                None if polarity is None else 0.5,
                                text_language,
                                "bench" if polarity is not None else None,
                                topics[text],
                            )
                        )
        rows = rows[: answers - written]
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO customers (id, telegram_user_id, chat_id, first_name, language, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            customers,
        )
        conn.executemany(
            "INSERT INTO orders (id, order_ref, customer_name, purchased_at, customer_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            orders,
        )
        conn.executemany(
            "INSERT INTO invitations (id, order_id, survey, due_at, sent_at, completed_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            invitations,
        )
        conn.executemany(
            "INSERT INTO answers (id, invitation_id, question_id, stage, question_type, value_number,"
            " value_text, skipped, language, answered_at, sentiment, subjectivity, text_language, scorer,"
            " topics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute("COMMIT")
        written += len(rows)
    conn.execute("ANALYZE")
    conn.close()
    return written


def measure_report(db: str, out: str) -> dict:
    """Time build_weekly_report for END_WEEK (run in a fresh process)."""
    from analysis.report import build_weekly_report

    began = time.perf_counter()
    build_weekly_report(db, END_WEEK, out)
    return {"seconds": time.perf_counter() - began}


def measure_bare(db: str, out: str) -> dict:
    """Time a bare pandas.read_sql of the rows the report reads (run in a fresh process)."""
    import pandas as pd

    from analysis.aggregate import TREND_WEEKS, parse_week
    from surveys.store import (
        INVITATION_ANSWERS,
        ORDER_CHANNELS,
        REPORT_ANSWERS,
        TREND_ANSWERS,
        connect_readonly,
        to_text,
    )

    start, end = parse_week(END_WEEK)
    span = (to_text(start - timedelta(weeks=1)), to_text(end))  # this week and the last: full rows
    older = (to_text(start - timedelta(weeks=TREND_WEEKS - 1)), span[0])  # earlier trend weeks: narrow rows
    began = time.perf_counter()
    conn = connect_readonly(db)
    frames = [
        pd.read_sql(REPORT_ANSWERS, conn, params=span),
        pd.read_sql(INVITATION_ANSWERS, conn, params=span),
        pd.read_sql(ORDER_CHANNELS, conn, params=span),
        pd.read_sql(TREND_ANSWERS, conn, params=older),
    ]
    conn.close()
    return {"seconds": time.perf_counter() - began, "rows": [len(f) for f in frames]}


def measure_wide(db: str, out: str) -> dict:
    """For reference: every column of every answer in the eight trend weeks, as the first report read them."""
    import pandas as pd

    from analysis.aggregate import TREND_WEEKS, parse_week
    from surveys.store import ANSWER_FACTS, connect_readonly, to_text

    start, end = parse_week(END_WEEK)
    began = time.perf_counter()
    conn = connect_readonly(db)
    frame = pd.read_sql(ANSWER_FACTS, conn, params=(to_text(start - timedelta(weeks=TREND_WEEKS - 1)), to_text(end)))
    conn.close()
    return {"seconds": time.perf_counter() - began, "rows": [len(frame)]}


def child(kind: str, db: str, out: str) -> None:
    """Run one measurement and print it with the process's peak RSS as JSON."""
    result = {"report": measure_report, "bare": measure_bare, "wide": measure_wide}[kind](db, out)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
    print(json.dumps(result))


def run_child(kind: str, db: Path, out: Path) -> dict:
    """Run one measurement in a fresh interpreter and return its figures."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--db", str(db), "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Generate (unless --reuse), measure each side in its own process, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--weeks", type=int, default=10)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "journeypulse_report_bench.sqlite3")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "journeypulse_report_bench")
    parser.add_argument("--rounds", type=int, default=3, help="measurements per side; the median is printed")
    parser.add_argument("--reuse", action="store_true", help="reuse an existing --db instead of generating it")
    parser.add_argument("--child", choices=("report", "bare", "wide"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, str(args.db), str(args.out))
        return
    if not (args.reuse and args.db.exists()):
        began = time.perf_counter()
        count = generate(args.db, args.answers, args.weeks)
        print(f"generated {count:,} answers over {args.weeks} weeks in {time.perf_counter() - began:.1f} s: {args.db}")
    results = {kind: [run_child(kind, args.db, args.out) for _ in range(args.rounds)] for kind in ("bare", "report")}

    def median(kind: str, key: str) -> float:
        values = sorted(r[key] for r in results[kind])
        return values[len(values) // 2]

    bare, report = median("bare", "seconds"), median("report", "seconds")
    print(f"rows read (answers, invitation rows, channels, trend rows): {results['bare'][0]['rows']}")
    print(f"bare pandas.read_sql: {bare:.2f} s, peak RSS {median('bare', 'peak_mb'):.0f} MB")
    print(f"weekly report {END_WEEK}: {report:.2f} s, peak RSS {median('report', 'peak_mb'):.0f} MB")
    print(f"ratio report / bare read: {report / bare:.2f} (target <= 2), medians of {args.rounds} runs each")
    wide = run_child("wide", args.db, args.out)
    print(
        f"for reference, all columns of all {wide['rows'][0]:,} answers of the 8 trend weeks (ANSWER_FACTS): "
        f"{wide['seconds']:.2f} s, peak RSS {wide['peak_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
