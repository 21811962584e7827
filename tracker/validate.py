"""Check data/*.csv against the contract in queries/schema.sql and the dataset's own rules.

Every problem is collected, never just the first, and reported as
``data/targets.csv:14: deadline_year: '20x0' is not a year``. Nothing is written.
The checker streams each file and keeps only the keys it needs to check references, so it runs
on synthetic datasets of a million records as well as on the curated one.
"""
from __future__ import annotations

import codecs
import csv
import functools
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tracker import contract
from tracker.contract import Column

YEAR_MIN, YEAR_MAX = 1990, 2100
MAX_QUOTE_CHARS = 300
NON_NEGATIVE = {"target_value", "value", "size_value"}   # amounts and counts
DATE_WITH_PRECISION = {"sources": "published_on", "partnerships": "event_date"}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)      # not errors: e.g. the archive is absent
    row_counts: dict[str, int] = field(default_factory=dict)
    quotes_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class ValidationError(Exception):
    """Raised by build when the data does not validate; carries every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# --- reading ----------------------------------------------------------------------------------

def _iter_csv(path: Path, label: str, report: Report, unread: set[str]):
    """Yield (line, cells) for each record; malformed files become problems, not exceptions.

    A file that could not be read to its end is added to `unread`, so that checks which need all
    of its rows (references into it, evidence for its records) do not report spurious problems.
    """
    consumed: list[str] = []   # the physical lines of the record being read, to see how it was quoted

    def lines():
        # Line by line, never the whole file: evidence.csv of a million records is over 100 MB.
        # Each physical line is decoded on its own, so a bad byte is reported at its own line.
        with open(path, "rb") as f:
            for number, raw in enumerate(f, 1):
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8):]
                try:
                    physical = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    report.problems.append(Problem(label, number, "", f"not valid UTF-8 (byte 0x{raw[e.start]:02x}); "
                                                                      "save the file as UTF-8"))
                    raise _Unreadable from e
                consumed.append(physical)
                yield physical

    reader = csv.reader(lines(), strict=True)
    start = 1
    try:
        for cells in reader:
            if cells:
                if any('"' in cell for cell in cells):
                    _check_stray_quotes(label, start, cells, "".join(consumed), report)
                yield start, cells
            consumed.clear()
            start = reader.line_num + 1
    except csv.Error as e:
        report.problems.append(Problem(label, start, "", f"malformed CSV ({e}); check for a stray or unclosed quote"))
        unread.add(label)
    except _Unreadable:
        unread.add(label)


class _Unreadable(Exception):
    """A line of the file is not UTF-8 (already reported): stop reading it."""


def _check_stray_quotes(label: str, line: int, cells: list[str], record_text: str, report: Report) -> None:
    # Python's csv module (and DuckDB) accept a quote mark inside an unquoted field, but RFC 4180
    # does not, and it is almost always a hand edit gone wrong: a field holding a quote mark must
    # itself be quoted, with the inner marks doubled.
    for cell in cells:
        if '"' in cell and '"' + cell.replace('"', '""') + '"' not in record_text:
            report.problems.append(Problem(label, line, "", f"malformed CSV (stray quote in an unquoted field: {cell[:60]!r}); "
                                                        "put the field in double quotes and double each quote mark inside it"))
            return


# --- cell parsing -----------------------------------------------------------------------------

def _parse(col: Column, text: str):
    """Return (value, problem message or None). Empty text is None."""
    if text == "":
        return None, ("required value is missing" if col.required else None)
    if text != text.strip():
        return None, f"{text!r} has leading or trailing spaces"
    kind = col.type
    if kind == "VARCHAR":
        return text, None
    if kind == "ENUM":
        if text in col.choices:
            return text, None
        return None, f"{text!r} is not one of {', '.join(col.choices)}"
    if kind == "INTEGER":
        if not re.fullmatch(r"-?\d+", text):
            return None, f"{text!r} is not {'a year' if _is_year(col.name) else 'a whole number'}"
        value = int(text)
        if _is_year(col.name) and not YEAR_MIN <= value <= YEAR_MAX:
            return None, f"{value} is out of range ({YEAR_MIN}-{YEAR_MAX})"
        return value, None
    if kind == "DOUBLE":
        try:
            value = float(text)
        except ValueError:
            return None, f"{text!r} is not a number"
        if not math.isfinite(value) or not re.fullmatch(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", text):
            return None, f"{text!r} is not a number"
        return value, None
    if kind == "DATE":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return None, f"{text!r} is not a date (use YYYY-MM-DD)"
        try:
            value = date.fromisoformat(text)
        except ValueError:
            return None, f"{text!r} is not a real date"
        if not YEAR_MIN <= value.year <= YEAR_MAX:
            return None, f"{text} is out of range ({YEAR_MIN}-{YEAR_MAX})"
        return value, None
    if kind == "BOOLEAN":
        if text in ("true", "false"):
            return text == "true", None
        return None, f"{text!r} is not true or false"
    raise AssertionError(f"schema type {kind} has no parser")


def _is_year(name: str) -> bool:
    return name == "year" or name.endswith("_year")


# --- row rules that the schema cannot express ---------------------------------------------------

def _row_rules(table: str, row: dict, units: dict[str, str]):
    """Yield (column, message) for rules across the columns of one row."""
    for name in NON_NEGATIVE & row.keys():
        if row[name] is not None and row[name] < 0:
            yield name, f"negative amount {row[name]:g}"
    if table == "fx_rates" and row["cny_per_usd"] is not None and row["cny_per_usd"] <= 0:
        yield "cny_per_usd", "an exchange rate must be positive"
    announced, deadline = row.get("announced_year"), row.get("deadline_year")
    if announced is not None and deadline is not None and deadline < announced:
        yield "deadline_year", f"deadline {deadline} is before the announcement year {announced}"
    start, end = row.get("start_date"), row.get("end_date")
    if start and end and end < start:
        yield "end_date", f"{end} is before start_date {start}"
    year = row.get("year")
    for name in ("start_date", "observed_on"):
        if table == "conferences" and row.get(name) and year is not None and row[name].year != year:
            yield name, f"{row[name]} is not in the record's year {year}"
    if table in DATE_WITH_PRECISION:
        day, precision = row.get(DATE_WITH_PRECISION[table]), row.get("date_precision")
        if day and not precision:
            yield "date_precision", "required when a date is given"
        if day and precision == "month" and day.day != 1:
            yield DATE_WITH_PRECISION[table], f"{day} should be the first of the month when date_precision is month"
        if day and precision == "year" and (day.month, day.day) != (1, 1):
            yield DATE_WITH_PRECISION[table], f"{day} should be January 1 when date_precision is year"
    if row.get("as_of_date") and row.get("as_of_year") is not None and row["as_of_date"].year != row["as_of_year"]:
        yield "as_of_date", f"{row['as_of_date']} is not in as_of_year {row['as_of_year']}"
    if row.get("established_on") and row.get("established_year") is not None and row["established_on"].year != row["established_year"]:
        yield "established_on", f"{row['established_on']} is not in established_year {row['established_year']}"
    for value_col, unit_col in (("target_value", "unit"), ("value", "unit"), ("size_value", "size_unit")):
        if row.get(value_col) is not None and unit_col in row and row[unit_col] is None:
            yield unit_col, f"required when {value_col} is given"
        if row.get(value_col) is not None and units.get(row.get(unit_col)) == "share" and row[value_col] > 1:
            yield value_col, f"{row[value_col]:g} is not a share (write one third as 0.3333)"
    if table == "targets" and row.get("target_value") is not None and row.get("metric") is None:
        yield "metric", "required when target_value is given (progress is measured by metric)"
    if row.get("latitude") is not None and not -90 <= row["latitude"] <= 90:
        yield "latitude", f"{row['latitude']:g} is not a latitude"
    if row.get("longitude") is not None and not -180 <= row["longitude"] <= 180:
        yield "longitude", f"{row['longitude']:g} is not a longitude"
    if table == "evidence" and row.get("quote") and len(row["quote"]) > MAX_QUOTE_CHARS:
        yield "quote", f"quote is {len(row['quote'])} characters; keep it to an excerpt of at most {MAX_QUOTE_CHARS}"


# --- quotes ------------------------------------------------------------------------------------

_TYPOGRAPHIC = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalise_text(text: str) -> str:
    """What 'verbatim' allows to differ: white space and typographic quote marks."""
    return " ".join(text.translate(_TYPOGRAPHIC).split())


# --- the whole dataset -------------------------------------------------------------------------

def validate(data_dir: Path, archive: Path | None) -> Report:
    """Check every file against the contract and the rules; return all problems found."""
    report = Report()
    label_of = lambda t: f"{data_dir.name}/{t.file_name}"  # noqa: E731  (short)
    keys: dict[str, dict[str, int]] = {}            # table -> primary key value -> line
    units: dict[str, str] = {}
    sources: dict[str, str] = {}                     # source_id -> archive_name
    conversions: list[tuple[int, str, bool, str | None]] = []
    unread: set[str] = set()                         # labels of files not read to their end
    incomplete: set[str] = set()                     # their tables: checks that need every row skip them
    evidence = _EvidenceCheck(label_of(contract.table("evidence")), keys, sources, data_dir, archive, incomplete, report)

    for table in contract.tables():
        path = data_dir / table.file_name
        label = label_of(table)
        if not path.exists():
            report.problems.append(Problem(label, 0, "", "file is missing"))
            incomplete.add(table.name)
            continue
        rows = _iter_csv(path, label, report, unread)
        first = next(rows, None)
        if first is None:
            if label not in unread:   # an unreadable file has had its own problem reported
                report.problems.append(Problem(label, 1, "", "file is empty: the first line must name the columns"))
            incomplete.add(table.name)
            continue
        header = first[1]
        if header != table.column_names:
            missing = [c for c in table.column_names if c not in header]
            extra = [c for c in header if c not in table.column_names]
            detail = "; ".join(filter(None, [
                f"missing {', '.join(missing)}" if missing else "",
                f"unexpected {', '.join(extra)}" if extra else "",
                "columns out of order" if not missing and not extra else "",
            ]))
            report.problems.append(Problem(label, 1, "", f"header does not match the contract ({detail}); expected: {','.join(table.column_names)}"))
            incomplete.add(table.name)
            continue
        seen = keys.setdefault(table.name, {})
        fk_of = {fk.column: fk for fk in table.foreign_keys}
        count = 0
        for line, cells in rows:
            count += 1
            if len(cells) != len(header):
                report.problems.append(Problem(label, line, "", f"expected {len(header)} columns, found {len(cells)}"))
                # Keep its id (the first cell) so that rows referring to it are not reported too.
                if table.primary_key and cells[0] and cells[0] not in seen:
                    seen[cells[0]] = line
                continue
            row = {}
            for col, text in zip(table.columns, cells):
                value, message = _parse(col, text)
                if message:
                    report.problems.append(Problem(label, line, col.name, message))
                row[col.name] = value
                if value is not None and col.name in fk_of:
                    # Checked as the row is read, so a million rows keep no references in memory: schema.sql
                    # creates a referenced table before the tables that refer to it, so it has been read.
                    _check_reference(label, line, col.name, value, fk_of[col.name], keys, units, incomplete, report)
            for column, message in _row_rules(table.name, row, units):
                report.problems.append(Problem(label, line, column, message))
            if table.primary_key:
                key = row[table.primary_key[0]]
                if key is not None:
                    if key in seen:
                        report.problems.append(Problem(label, line, table.primary_key[0], f"duplicate id {key!r} (first at line {seen[key]})"))
                    else:
                        seen[key] = line
            if table.name == "units" and row["unit"]:
                units[row["unit"]] = row["kind"]
            elif table.name == "sources" and row["source_id"]:
                sources[row["source_id"]] = row["archive_name"]
            elif table.name == "evidence":
                evidence.row(line, row["record_id"], row["source_id"], row["quote"])
            elif table.name == "reported_conversions":
                conversions.append((line, row["record_id"], bool(row["preferred"]), row["reason"]))
        report.row_counts[table.name] = count
        if label in unread:
            incomplete.add(table.name)

    record_ids = _check_record_ids(keys, data_dir, report)
    evidence.finish(record_ids)
    _check_conversions(conversions, record_ids, data_dir, incomplete, report)
    report.problems.sort()
    return report


def _check_reference(label: str, line: int, column: str, value: str, fk: contract.ForeignKey, keys, units,
                     incomplete: set[str], report: Report) -> None:
    if value in keys.get(fk.table, {}) or fk.table in incomplete:
        return
    if fk.table == "units" and re.fullmatch(r"[A-Z]{3}", value):
        currencies = sorted(u for u, kind in units.items() if kind == "currency")
        message = f"unknown currency {value!r} (known: {', '.join(currencies)}; add it to data/units.csv and data/fx_rates.csv)"
    else:
        message = f"unknown {fk.ref_column} {value!r} (not in data/{fk.table}.csv)"
    report.problems.append(Problem(label, line, column, message))


def _check_record_ids(keys, data_dir: Path, report: Report) -> dict[str, str]:
    """Record ids are unique across every kind; return id -> table."""
    owner: dict[str, str] = {}
    for table in contract.record_tables():
        for record_id, line in keys.get(table.name, {}).items():
            if record_id in owner:
                report.problems.append(Problem(f"{data_dir.name}/{table.file_name}", line, table.primary_key[0],
                                               f"id {record_id!r} is already used in data/{owner[record_id]}.csv (ids are unique across kinds)"))
            else:
                owner[record_id] = table.name
    return owner


class _EvidenceCheck:
    """Evidence rows checked as they are read: the record exists, the quote is in its source's text.

    Source texts are read when first needed and only the most recent ones are kept (the rows of a
    large dataset come source by source), so memory does not grow with the archive."""

    def __init__(self, label: str, keys, sources, data_dir: Path, archive: Path | None, incomplete: set[str],
                 report: Report):
        self.label, self.keys, self.sources, self.data_dir = label, keys, sources, data_dir
        self.incomplete, self.report = incomplete, report
        self.record_tables = [t.name for t in contract.record_tables()]
        self.supported: set[str] = set()
        self.archive = archive if archive is not None and archive.is_dir() else None
        if self.archive is None:
            report.notices.append(
                f"quotes not checked: the archive of source texts was not found ({archive or 'not set'}); "
                "pass --archive DIR or set TRACKER_ARCHIVE (for this project: ../shared/seeds)")
        self.text = functools.lru_cache(maxsize=64)(self._read_text)

    @functools.cached_property
    def all_records_read(self) -> bool:
        """Asked at the first evidence row, when every record file has been read (they come first)."""
        return not self.incomplete & set(self.record_tables)

    def _read_text(self, source_id: str) -> str | None:
        name = self.sources.get(source_id)
        if self.archive is None or name is None:
            return None
        path = self.archive / name
        return normalise_text(path.read_text(encoding="utf-8", errors="replace")) if path.exists() else None

    def row(self, line: int, record_id: str | None, source_id: str | None, quote: str | None) -> None:
        if record_id is None:
            return
        if self.all_records_read and not any(record_id in self.keys.get(t, {}) for t in self.record_tables):
            self.report.problems.append(Problem(self.label, line, "record_id",
                                                f"unknown record {record_id!r} (no record of any kind has this id)"))
        self.supported.add(record_id)
        text = self.text(source_id) if source_id in self.sources else None
        if quote and text is not None:
            self.report.quotes_checked += 1
            if normalise_text(quote) not in text:
                self.report.problems.append(Problem(self.label, line, "quote",
                                                    f"quote not found in source {source_id} ({self.sources[source_id]}): {quote[:60]!r}"))

    def finish(self, record_ids: dict[str, str]) -> None:
        """Report sources missing from the archive and records without evidence."""
        if self.archive is not None:
            for source_id, name in self.sources.items():
                if not (self.archive / name).exists():
                    self.report.problems.append(Problem(f"{self.data_dir.name}/sources.csv", self.keys["sources"][source_id],
                                                        "archive_name", f"{name!r} is not in the archive {self.archive}"))
        if "evidence" in self.incomplete:
            return
        for record_id, table in record_ids.items():
            if record_id not in self.supported:
                id_column = contract.table(table).primary_key[0]
                self.report.problems.append(Problem(f"{self.data_dir.name}/{table}.csv", self.keys[table][record_id], id_column,
                                                    f"record {record_id!r} has no evidence (add a row to data/evidence.csv)"))


def _check_conversions(rows, record_ids, data_dir: Path, incomplete: set[str], report: Report) -> None:
    label = f"{data_dir.name}/reported_conversions.csv"
    by_record: dict[str, list[tuple[int, bool, str | None]]] = {}
    all_records_read = not incomplete & {t.name for t in contract.record_tables()}
    for line, record_id, preferred, reason in rows:
        if record_id is None:
            continue
        if record_id not in record_ids and all_records_read:
            report.problems.append(Problem(label, line, "record_id", f"unknown record {record_id!r}"))
        by_record.setdefault(record_id, []).append((line, preferred, reason))
    if "reported_conversions" in incomplete:
        return
    for record_id, entries in by_record.items():
        preferred = [e for e in entries if e[1]]
        if len(preferred) != 1:
            report.problems.append(Problem(label, entries[0][0], "preferred",
                                           f"record {record_id!r} has {len(preferred)} preferred conversions; mark exactly one"))
        for line, _, reason in entries:
            if len(entries) > 1 and not reason:
                report.problems.append(Problem(label, line, "reason", "required where several conversions of one amount are kept"))
