"""CSV in and out: answers export, order import with deep links, spreadsheet-safe cells."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from pathlib import Path

from surveys.clock import Clock, system_clock
from surveys.orders import add_order, parse_moment
from surveys.store import Store
from surveys.store.answers import ANSWER_COLUMNS

# Characters a spreadsheet takes as the start of a formula, full-width forms included (Excel folds them).
_FORMULA_CHARS = frozenset("=+-@|%\uff1d\uff0b\uff0d\uff20")
# Characters a spreadsheet may skip before looking for a formula: blanks, control and zero-width ones.
_LEADING = " \t\r\n\u00a0\u200b\u200c\u200d\u2060\ufeff"
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


class CsvFileError(ValueError):
    """A CSV file cannot be read or written; the message names the file (and the line)."""


class OrderFileError(CsvFileError):
    """The order file cannot be read at all (missing, not CSV, no order_id column)."""


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (OWASP CSV injection) by prefixing a quote."""
    if not isinstance(value, str) or not value or _PLAIN_NUMBER.fullmatch(value):
        return "" if value is None else value
    stripped = value.lstrip(_LEADING)
    if value[0] in "\t\r\n" or (stripped and stripped[0] in _FORMULA_CHARS):
        return "'" + value
    return value


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by the owner only (reports quote customers)."""
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
        os.chmod(path, 0o600)  # a file that already existed keeps its mode otherwise
        handle.write(data)


def write_csv(path: Path, columns: Iterable[str], rows: Iterable[dict], delimiter: str = ",") -> int:
    """Write rows as UTF-8 CSV with safe cells, readable by the owner only; return how many rows were written."""
    columns = list(columns)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.fdopen(
            os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8", newline=""
        )
        os.chmod(path, 0o600)  # a file that already existed keeps its mode otherwise
    except OSError as exc:
        raise CsvFileError(f"{path}: cannot write ({exc.strerror or exc})") from None
    count = 0
    with handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore", delimiter=delimiter)
        writer.writeheader()
        for row in rows:
            writer.writerow({name: safe_cell(row.get(name)) for name in columns})
            count += 1
    return count


@dataclass(frozen=True)
class CsvTable:
    """A whole CSV file as read: its columns, (line, row) pairs, and the delimiter it used."""

    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]
    delimiter: str = ","


# What a spreadsheet saves as "CSV": commas, or semicolons where the comma is the decimal sign; tabs from a copy.
_DELIMITERS = ",;\t"
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


def _delimiter(header: str) -> str:
    """The delimiter of a CSV judged by its header line: the one of _DELIMITERS it holds most often outside quotes."""
    outside = re.sub(r'"[^"]*"', "", header)
    counts = {d: outside.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(source: Path) -> CsvTable:
    """Read a whole CSV strictly (comma, semicolon or tab delimited); a malformed row fails naming its line."""
    try:
        with source.open(encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError as exc:
        raise CsvFileError(
            f"{source}: is not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset {exc.start}); "
            "save it as CSV UTF-8"
        ) from None
    except OSError as exc:
        raise CsvFileError(f"{source}: cannot read ({exc.strerror or exc})") from None
    delimiter = _delimiter(text.partition("\n")[0])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    rows, start = [], 1
    try:
        columns = [name.strip() for name in next(reader, [])]
        start = reader.line_num + 1
        for record in reader:
            if record:  # a blank line is no row
                if len(record) != len(columns):
                    raise CsvFileError(
                        f"{source}:{start}: {len(record)} fields where the header has {len(columns)}"
                        f" (an unquoted {_NAMES[delimiter]}? quote texts that contain one)"
                    )
                rows.append((start, dict(zip(columns, record, strict=True))))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise CsvFileError(f"{source}:{start}: malformed CSV ({exc}; an unterminated quote?)") from None
    return CsvTable(columns, rows, delimiter)


async def export_answers(store: Store, path: Path) -> int:
    """Write one row per stored answer to `path`; return the number of rows."""
    rows = [row async for row in store.export_rows()]
    return write_csv(path, ANSWER_COLUMNS, rows)


@dataclass
class ImportResult:
    """What an order import did: links written, and the rows it could not take."""

    added: int = 0
    errors: list[str] = field(default_factory=list)


def read_order_file(source: Path) -> list[tuple[int, dict[str, str]]]:
    """Read a whole order CSV, (line, row) pairs; a malformed file or one without order_id fails."""
    table = read_csv(source)
    if "order_id" not in table.columns:
        raise OrderFileError(f"{source}: no order_id column (expected order_id[,customer][,purchased_at])")
    return table.rows


async def import_orders(
    store: Store,
    secret: str,
    username: str,
    source: Path,
    rows: list[tuple[int, dict[str, str]]],
    target: Path,
    zone: tzinfo = UTC,
    clock: Clock = system_clock,
) -> ImportResult:
    """Register every valid row read from an order CSV and write their links; bad rows are reported."""
    write_csv(target, ("order_id", "customer", "link"), [])  # fail on an unwritable --out before registering
    result, links, now = ImportResult(), {}, clock()
    for line, raw in rows:
        row = {key: value.strip() for key, value in raw.items()}
        try:
            purchased = parse_moment(row.get("purchased_at"), now, zone)
            order, link = await add_order(
                store, secret, username, row.get("order_id", ""), row.get("customer"), purchased, clock
            )
        except ValueError as exc:
            result.errors.append(f"{source}:{line}: {exc}")
            continue
        links[order.ref] = {"order_id": order.ref, "customer": order.customer_name, "link": link}  # a repeated row once
    result.added = len(links)
    write_csv(target, ("order_id", "customer", "link"), links.values())
    return result
