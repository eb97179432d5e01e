"""The `journeypulse` command: each subcommand opens the store, calls one library function, reports."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.logs import redact_secrets
from bot.settings import Settings, SettingsError, load_settings
from surveys.clock import system_clock
from surveys.definitions import DefinitionError, load_surveys
from surveys.export import CsvFileError, export_answers, import_orders, read_order_file
from surveys.orders import add_order, parse_moment, relink_order
from surveys.store import Store, StoreError


class CommandError(Exception):
    """A user error: printed as one line, exit status 1."""


async def _open_store(settings: Settings, create: bool = False) -> Store:
    """Open the database; only commands that may create one do so (and say so), the rest refuse a missing one."""
    path = Path(settings.database_path)
    existed = path.exists()
    if not existed:
        if not create:
            raise CommandError(
                f"DATABASE_PATH {path} does not exist (a typo, or no .env here?); `journeypulse run` or"
                " `orders add` creates it"
            )
    store = await Store.open(path)
    if not existed:  # said once it exists: a database that could not be created was never "created"
        print(f"journeypulse: created a new database at {path}", file=sys.stderr)
    return store


def _username(settings: Settings) -> str:
    settings.require("TELEGRAM_BOT_USERNAME", "DEEP_LINK_SECRET")
    return settings.telegram_bot_username  # type: ignore[return-value]  # require() refused it unset


async def cmd_run(settings: Settings, args: argparse.Namespace) -> None:
    """Run the bot (polling or webhook) and its HTTP server until interrupted."""
    from bot.app import run_bot

    settings.require("TELEGRAM_BOT_TOKEN", "DEEP_LINK_SECRET")
    surveys = load_surveys(args.surveys)
    await (await _open_store(settings, create=True)).close()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    logging.getLogger(__name__).info("journeypulse running against %s", settings.telegram_api_base_url)
    await run_bot(settings, surveys, stop)


async def cmd_demo(settings: Settings, args: argparse.Namespace) -> None:
    """Run the bot against the local emulator with simulated customers, then print where results are."""
    from bot.demo import run_demo

    if args.customers < 1:
        raise CommandError(f"--customers {args.customers}: give at least 1")
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file of that name, or nowhere to write
        raise CommandError(f"--out {args.out}: cannot make a directory there ({exc.strerror or exc})") from None
    await run_demo(args.out, customers=args.customers, first_week_delay=args.first_week_delay)


async def cmd_orders_add(settings: Settings, args: argparse.Namespace) -> None:
    """Register one order and print its deep link."""
    username = _username(settings)
    try:
        purchased = parse_moment(args.purchased_at, system_clock(), ZoneInfo(settings.timezone))
    except ValueError:
        raise CommandError(f"--purchased-at: {args.purchased_at!r} is not an ISO-8601 date or time") from None
    store = await _open_store(settings, create=True)
    try:
        _, link = await add_order(
            store, settings.secret("DEEP_LINK_SECRET"), username, args.order_id, args.customer, purchased
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    finally:
        await store.close()
    print(link)


async def cmd_orders_relink(settings: Settings, args: argparse.Namespace) -> None:
    """Re-issue an order's deep link and print it; the old link stops working."""
    username = _username(settings)
    store = await _open_store(settings)
    try:
        _, link = await relink_order(store, settings.secret("DEEP_LINK_SECRET"), username, args.order_id)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    finally:
        await store.close()
    print(link)


async def cmd_orders_import(settings: Settings, args: argparse.Namespace) -> None:
    """Register every order of a CSV file and write their deep links to another CSV."""
    username = _username(settings)
    rows = read_order_file(args.file)  # the whole file first: a malformed one registers nothing
    store = await _open_store(settings, create=True)
    try:
        secret = settings.secret("DEEP_LINK_SECRET")
        result = await import_orders(store, secret, username, args.file, rows, args.out, ZoneInfo(settings.timezone))
    finally:
        await store.close()
    for error in result.errors:
        print(error, file=sys.stderr)
    print(
        f"{result.added} orders, links written to {args.out}"
        + (f"; {len(result.errors)} rows skipped" if result.errors else "")
    )
    if result.errors:
        raise SystemExit(1)


async def cmd_export_answers(settings: Settings, args: argparse.Namespace) -> None:
    """Write every stored answer to a CSV file."""
    store = await _open_store(settings)
    try:
        count = await export_answers(store, args.out)
    finally:
        await store.close()
    print(f"{count} answers written to {args.out}")


async def cmd_sentiment(settings: Settings, args: argparse.Namespace) -> None:
    """Read a CSV of texts and write it back with language, sentiment, feeling, complaint and topics columns."""
    from analysis.scoring import ScoringInputError, score_csv

    taxonomy = settings.taxonomy
    try:
        count = score_csv(args.file, args.column, args.out, taxonomy=taxonomy)
    except ScoringInputError as exc:
        raise CommandError(str(exc)) from None
    print(f"{count} rows scored, written to {args.out}")


async def cmd_rescore(settings: Settings, args: argparse.Namespace) -> None:
    """Re-score stored free-text answers with the current scorers."""
    from analysis.scoring import rescore

    store = await _open_store(settings)
    try:
        count = await rescore(store, everything=not args.only_unscored, taxonomy=settings.taxonomy)
    finally:
        await store.close()
    print(f"{count} answers scored")


async def cmd_set_aside(settings: Settings, args: argparse.Namespace) -> None:
    """List what Telegram refused for good (updates, notes, digests), newest first."""
    store = await _open_store(settings)
    try:
        items = await store.set_aside_items(args.limit)
    finally:
        await store.close()
    for item in items:
        print(f"{item.at:%Y-%m-%d %H:%M} UTC  {item.kind} {item.item}: {item.reason}")
    print(f"{len(items)} set aside" if items else "nothing set aside")


async def cmd_report(settings: Settings, args: argparse.Namespace) -> None:
    """Write the weekly feedback-loop report and print the path of every file written, report.html first."""
    from analysis.aggregate import WeekError, parse_week
    from analysis.report import write_weekly_report

    if args.week is not None:
        try:
            parse_week(args.week)
        except WeekError as exc:
            raise CommandError(str(exc)) from None
    surveys = load_surveys(args.surveys)  # the definitions the bot runs with, so figures match its questions
    if Path(settings.database_path).exists():  # bring an older database's schema up to date first
        await (await Store.open(settings.database_path)).close()
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        raise CommandError(f"--out {args.out} is a file; report --out names a directory")
    try:
        paths = await asyncio.to_thread(
            write_weekly_report, settings.database_path, args.week, args.out, surveys, settings.taxonomy
        )
    except OSError as exc:  # an unwritable or impossible --out
        raise CommandError(f"--out {args.out}: cannot write ({exc.strerror or exc})") from None
    for path in paths:
        print(path)


def build_parser() -> argparse.ArgumentParser:
    """Describe every subcommand, each with help and an example."""
    parser = argparse.ArgumentParser(
        prog="journeypulse",
        description="Customer-journey feedback in Telegram: surveys, sentiment, weekly feedback-loop report.",
        epilog="Settings come from the environment or .env; see .env.example.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="run the bot (long polling, or a Telegram webhook with WEBHOOK_URL; HTTP API with HTTP_PORT)",
        epilog="example: journeypulse run   (with HTTP_PORT=8080 in .env it also serves the HTTP API)",
    )
    run.add_argument("--surveys", type=Path, default=None, help="directory of survey YAML files (default: built in)")
    run.set_defaults(handler=cmd_run)

    demo = commands.add_parser(
        "demo",
        help="run offline against the local Bot API emulator with simulated customers",
        epilog="example: journeypulse demo --customers 40",
    )
    demo.add_argument("--customers", type=int, default=36, help="simulated customers (default 36)")
    demo.add_argument("--first-week-delay", type=float, default=3.0, help="seconds until the first-week survey")
    demo.add_argument("--out", type=Path, default=Path("demo"), help="directory for the database and report")
    demo.set_defaults(handler=cmd_demo)

    orders = commands.add_parser("orders", help="register orders and get their deep links").add_subparsers(
        dest="orders_command", required=True, metavar="ACTION"
    )
    add = orders.add_parser(
        "add",
        help="register one order and print its deep link",
        epilog="example: journeypulse orders add A-1001 --customer 'Ann Lee' --purchased-at 2026-11-20T14:00",
    )
    add.add_argument("order_id", help="the shop's order id")
    add.add_argument("--customer", help="customer name, for the shop's own reference")
    add.add_argument("--purchased-at", help="ISO-8601 time of purchase (default: now)")
    add.set_defaults(handler=cmd_orders_add)
    relink = orders.add_parser(
        "relink",
        help="re-issue an order's deep link: the old one stops working, whoever used it is detached",
        epilog="example: journeypulse orders relink A-1001   (after the link reached the wrong person)",
    )
    relink.add_argument("order_id", help="the shop's order id")
    relink.set_defaults(handler=cmd_orders_relink)
    imp = orders.add_parser(
        "import",
        help="register orders from a CSV (order_id[,customer][,purchased_at]) and write their links",
        epilog="example: journeypulse orders import orders.csv --out links.csv",
    )
    imp.add_argument("file", type=Path, help="CSV with an order_id column")
    imp.add_argument("--out", type=Path, default=Path("links.csv"), help="CSV to write the links to")
    imp.set_defaults(handler=cmd_orders_import)

    export = commands.add_parser("export", help="export stored data").add_subparsers(
        dest="export_command", required=True, metavar="WHAT"
    )
    answers = export.add_parser(
        "answers", help="one CSV row per answer", epilog="example: journeypulse export answers --out answers.csv"
    )
    answers.add_argument("--out", type=Path, required=True, help="CSV file to write")
    answers.set_defaults(handler=cmd_export_answers)

    sentiment = commands.add_parser(
        "sentiment",
        help="read any CSV of texts: adds language, sentiment, feeling, complaint and topics columns",
        epilog="example: journeypulse sentiment old_feedback.csv --column text --out scored.csv",
    )
    sentiment.add_argument("file", type=Path, help="input CSV")
    sentiment.add_argument("--column", default="text", help="the column holding the text (default: text)")
    sentiment.add_argument("--out", type=Path, required=True, help="CSV file to write")
    sentiment.set_defaults(handler=cmd_sentiment)

    rescore = commands.add_parser(
        "rescore", help="re-score stored text answers after a scorer changed", epilog="example: journeypulse rescore"
    )
    rescore.add_argument("--only-unscored", action="store_true", help="score only answers never scored")
    rescore.set_defaults(handler=cmd_rescore)

    aside = commands.add_parser(
        "set-aside",
        help="list updates and messages Telegram refused for good, for staff to look at",
        epilog="example: journeypulse set-aside --limit 20",
    )
    aside.add_argument("--limit", type=int, default=100, help="at most this many, newest first")
    aside.set_defaults(handler=cmd_set_aside)

    report = commands.add_parser(
        "report",
        help="write the weekly feedback-loop report (report.html, report.md, stages.csv)",
        epilog="example: journeypulse report --week 2026-W47   (writes reports/2026-W47/)",
    )
    report.add_argument("--week", help="ISO week like 2026-W47 (default: the last complete week)")
    report.add_argument(
        "--out", type=Path, default=None, help="directory to write into (default: reports/<week>, one folder per week)"
    )
    report.add_argument(
        "--surveys",
        type=Path,
        default=None,
        help="directory of survey YAML files the bot runs with (default: built in)",
    )
    report.set_defaults(handler=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, load settings, run one subcommand; user errors become one line and exit 1."""
    args = build_parser().parse_args(argv)
    handler: Callable[[Settings, argparse.Namespace], Coroutine[None, None, None]] = args.handler
    try:
        settings = load_settings()
        logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        # httpx logs every request URL, and the URL carries the bot token.
        logging.getLogger("httpx").setLevel(logging.WARNING)
        token = settings.telegram_bot_token
        redact_secrets(token.get_secret_value() if token else None)
        logging.getLogger("apscheduler").setLevel(logging.WARNING)  # one line per scheduler tick otherwise
        # A long paced bulk send outlasts scheduler ticks on purpose; the skipped ticks are not news.
        logging.getLogger("apscheduler.scheduler").addFilter(
            lambda record: "maximum number of running instances" not in record.getMessage()
        )
        asyncio.run(handler(settings, args))
    except (SettingsError, DefinitionError, StoreError, CommandError, CsvFileError) as exc:
        print(f"journeypulse: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
