"""CSV in and out: answers export, order import with deep links, spreadsheet-safe cells."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from surveys.links import deep_link, make_token
from surveys.store import Order, Store

ANSWER_COLUMNS = ("order_id", "survey", "question_id", "stage", "type", "answer", "skipped", "language",
                  "answered_at", "sentiment", "text_language", "feeling", "complaint", "topics")  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


class OrderFileError(ValueError):
    """The order file cannot be read at all (missing, not CSV, no order_id column)."""


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (OWASP CSV injection) by prefixing a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def write_csv(path: Path, columns: Iterable[str], rows: Iterable[dict]) -> int:
    """Write rows as UTF-8 CSV with safe cells; return how many rows were written."""
    columns = list(columns)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({name: safe_cell(row.get(name)) for name in columns})
            count += 1
    return count


async def export_answers(store: Store, path: Path) -> int:
    """Write one row per stored answer to `path`; return the number of rows."""
    rows = [row async for row in store.export_rows()]
    return write_csv(path, ANSWER_COLUMNS, rows)


def parse_moment(text: str | None, default: datetime) -> datetime:
    """Parse an ISO-8601 date or moment (naive means UTC); empty gives `default`."""
    if not text or not text.strip():
        return default
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def add_order(
    store: Store, secret: str, username: str, ref: str, customer_name: str | None, purchased_at: datetime
) -> tuple[Order, str]:
    """Register an order (idempotent) and return it with its deep link."""
    ref = ref.strip()
    if not ref or len(ref) > 200:
        raise ValueError("order id must be 1-200 characters")
    order = await store.add_order(ref, customer_name or None, purchased_at, datetime.now(UTC))
    return order, deep_link(username, make_token(secret, order.id))


@dataclass
class ImportResult:
    """What an order import did: links written, and the rows it could not take."""

    added: int = 0
    errors: list[str] = field(default_factory=list)


async def import_orders(store: Store, secret: str, username: str, source: Path, target: Path) -> ImportResult:
    """Register every valid row of an order CSV and write their links; bad rows are reported, not fatal."""
    result, links = ImportResult(), []
    try:
        with source.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "order_id" not in [n.strip() for n in reader.fieldnames]:
                raise OrderFileError(f"{source}: no order_id column (expected order_id[,customer][,purchased_at])")
            now = datetime.now(UTC)
            for line, raw in enumerate(reader, 2):
                row = {(k or "").strip(): (v or "").strip() if isinstance(v, str) else "" for k, v in raw.items()}
                try:
                    purchased = parse_moment(row.get("purchased_at"), now)
                    order, link = await add_order(store, secret, username, row.get("order_id", ""), row.get("customer"), purchased)
                except ValueError as exc:
                    result.errors.append(f"{source}:{line}: {exc}")
                    continue
                links.append({"order_id": order.ref, "customer": order.customer_name, "link": link})
                result.added += 1
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise OrderFileError(f"{source}: cannot read ({exc})") from None
    write_csv(target, ("order_id", "customer", "link"), links)
    return result
