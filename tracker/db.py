"""Build the DuckDB database from data/ and open it read-only.

The build validates first and writes nothing if anything is wrong. It then writes a new file
beside the target and renames it into place, so a failed or interrupted build leaves the previous
database byte-for-byte as it was.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tracker import contract
from tracker.paths import QUERIES_DIR
from tracker.validate import Report, ValidationError, validate


# DuckDB's share of memory, building and serving: Community Cloud gives the whole app 1 GB, and past
# this DuckDB spills to disk instead of taking what the app and its sessions need.
MEMORY_LIMIT = "384MB"


@dataclass
class BuildResult:
    db_path: Path
    report: Report
    seconds: float


def data_fingerprint(data_dir: Path) -> str:
    """A hash of every CSV and of the SQL, so the app can tell that its database is stale."""
    digest = hashlib.sha256()
    for path in sorted(data_dir.glob("*.csv")) + sorted(QUERIES_DIR.glob("**/*.sql")):
        digest.update(path.name.encode())
        with open(path, "rb") as f:     # in chunks: a large CSV is never held whole in memory
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def view_files() -> list[Path]:
    return sorted((QUERIES_DIR / "views").glob("*.sql"))


def _load_table(con: duckdb.DuckDBPyConnection, table: contract.Table, path: Path) -> None:
    # The validator has already parsed every cell with rules at least as strict as DuckDB's casts,
    # so DuckDB can read the file itself: fast, and no second copy of the data in Python.
    con.execute(
        f"insert into raw.{table.name} select * from read_csv($path, header = true, all_varchar = true, "
        "nullstr = '', quote = '\"', escape = '\"', delim = ',', strict_mode = true, "
        f"columns = {{{', '.join(repr(c) + ': ' + repr('VARCHAR') for c in table.column_names)}}})",
        {"path": str(path)},
    )


def build(db_path: Path, data_dir: Path, archive: Path | None) -> BuildResult:
    """Validate data_dir, then build db_path atomically. Raises ValidationError with every problem."""
    started = time.perf_counter()
    report = validate(data_dir, archive)
    if not report.ok:
        raise ValidationError(report.problems)
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.building")
    tmp.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute(f"set memory_limit = '{MEMORY_LIMIT}'")
            con.execute("set enable_progress_bar = false")   # a large build would draw bars on stderr
            con.execute(contract.schema_sql())
            for table in contract.tables():
                _load_table(con, table, data_dir / table.file_name)
            for path in view_files():
                con.execute(path.read_text(encoding="utf-8"))
            con.execute("create table build_info as select $fp as data_fingerprint, now() as built_at, $quotes as quotes_checked",
                        {"fp": data_fingerprint(data_dir), "quotes": report.quotes_checked})
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    return BuildResult(db_path, report, time.perf_counter() - started)


def is_current(db_path: Path, data_dir: Path) -> bool:
    """True if db_path exists and was built from exactly the current data and SQL."""
    if not Path(db_path).exists():
        return False
    try:
        con = duckdb.connect(str(db_path), read_only=True)
        try:
            (fingerprint,) = con.execute("select data_fingerprint from build_info").fetchone()
        finally:
            con.close()
    except duckdb.Error:
        return False
    return fingerprint == data_fingerprint(data_dir)


def ensure_built(db_path: Path, data_dir: Path, archive: Path | None) -> Path:
    """Build the database if it is missing or stale (a fresh clone, a changed CSV)."""
    if not is_current(db_path, data_dir):
        build(db_path, data_dir, archive)
    return Path(db_path)


def connect_read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(db_path), read_only=True)
    # a setting, not a connection config: DuckDB refuses a second connection to a file with another config
    con.execute(f"set memory_limit = '{MEMORY_LIMIT}'")
    return con


def public_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The views of the public contract: everything in main that is not an int_ helper."""
    return [r[0] for r in con.execute(
        "select view_name from duckdb_views() where schema_name = 'main' and not internal "
        "and not starts_with(view_name, 'int_') order by view_name").fetchall()]
