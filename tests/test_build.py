"""The build: from data/ to a DuckDB file, atomically; export of every public view; rebuild when stale.

A failed build must leave an existing database byte-for-byte as it was and no temporary file
behind, whether it fails on bad data or half-way through the SQL.
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tracker import db
from tracker.paths import DATA_DIR, REPO_ROOT, default_archive
from tracker.validate import ValidationError

# The public contract of issue 2: these views always exist (more are welcome).
CONTRACT_VIEWS = {"sources", "targets", "achievements", "clusters", "funds", "conferences",
                  "partnerships", "evidence", "target_progress"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def view_contents(path: Path) -> dict[str, list[tuple]]:
    """Every public view's rows, sorted, so two builds can be compared whatever their row order."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {view: sorted(con.execute(f"select * from {view}").fetchall(), key=repr)
                for view in db.public_views(con)}
    finally:
        con.close()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=300)


def break_one_row(data_dir: Path, bad_year: str = "20x0") -> str:
    """Make targets.csv invalid with `bad_year` as one deadline; return the message the build must print."""
    path = data_dir / "targets.csv"
    text = path.read_text(encoding="utf-8")
    old = "1000000000000,CNY,2030,"
    assert text.count(old) == 1
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, f"1000000000000,CNY,{bad_year},"), encoding="utf-8")
    return f"data/targets.csv:{line}: deadline_year: '{bad_year}' is not a year"


# --- a good build -----------------------------------------------------------------------------------

def test_build_writes_the_database_and_nothing_else(tmp_path):
    target = tmp_path / "out" / "t.duckdb"
    result = db.build(target, DATA_DIR, default_archive())
    assert result.db_path == target
    assert folder_listing(target.parent) == ["t.duckdb"]
    con = duckdb.connect(str(target), read_only=True)
    try:
        assert CONTRACT_VIEWS <= set(db.public_views(con))
        (fingerprint,) = con.execute("select data_fingerprint from build_info").fetchone()
    finally:
        con.close()
    assert fingerprint == db.data_fingerprint(DATA_DIR)


def test_cli_build(tmp_path):
    target = tmp_path / "t.duckdb"
    result = run_cli("build", "--db", str(target), "--data", str(DATA_DIR))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"built {target} in ")
    assert folder_listing(tmp_path) == ["t.duckdb"]


def test_build_is_idempotent(tmp_path, built_db):
    target = tmp_path / "t.duckdb"
    db.build(target, DATA_DIR, default_archive())
    first = view_contents(target)
    db.build(target, DATA_DIR, default_archive())   # over the previous file
    assert view_contents(target) == first
    assert view_contents(built_db) == first           # and the same as a build elsewhere
    assert folder_listing(tmp_path) == ["t.duckdb"]


# --- a failed build ---------------------------------------------------------------------------------

def test_rejected_data_leaves_the_existing_database_unchanged(tmp_path, data_copy):
    target = tmp_path / "db" / "t.duckdb"
    db.build(target, DATA_DIR, default_archive())
    before = sha256(target)
    message = break_one_row(data_copy)

    with pytest.raises(ValidationError) as caught:
        db.build(target, data_copy, default_archive())
    assert [str(p) for p in caught.value.problems] == [message]
    assert sha256(target) == before
    assert folder_listing(target.parent) == ["t.duckdb"]


def test_cli_rejects_corrupted_data_without_touching_the_database(tmp_path, data_copy):
    target = tmp_path / "db" / "t.duckdb"
    db.build(target, DATA_DIR, default_archive())
    before = sha256(target)
    message = break_one_row(data_copy)

    result = run_cli("build", "--db", str(target), "--data", str(data_copy))
    assert result.returncode == 1
    assert result.stdout == ""
    assert message in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1] == "1 problem found; nothing was written."
    assert sha256(target) == before
    assert folder_listing(target.parent) == ["t.duckdb"]


def test_rejected_data_creates_no_database(tmp_path, data_copy):
    break_one_row(data_copy)
    target = tmp_path / "db" / "t.duckdb"
    with pytest.raises(ValidationError):
        db.build(target, data_copy, default_archive())
    assert not target.exists()
    assert not target.parent.exists() or folder_listing(target.parent) == []


def test_failure_half_way_through_the_sql_leaves_the_database_unchanged(tmp_path, monkeypatch):
    # Valid data, but a view that DuckDB rejects: the error surfaces after the new file was
    # started, so this is the rename's job, not the validator's.
    target = tmp_path / "db" / "t.duckdb"
    db.build(target, DATA_DIR, default_archive())
    before = sha256(target)
    broken = tmp_path / "99_broken.sql"
    broken.write_text("create view broken as select no_such_column from raw.targets", encoding="utf-8")
    real_views = db.view_files()
    monkeypatch.setattr(db, "view_files", lambda: real_views + [broken])

    with pytest.raises(duckdb.Error):
        db.build(target, DATA_DIR, default_archive())
    assert sha256(target) == before
    assert folder_listing(target.parent) == ["t.duckdb"]


# --- export -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_export_writes_every_public_view(tmp_path, built_db, fmt):
    out = tmp_path / "export"
    result = run_cli("export", "--format", fmt, "--out", str(out), "--db", str(built_db), "--data", str(DATA_DIR))
    assert result.returncode == 0, result.stderr

    con = duckdb.connect(str(built_db), read_only=True)
    try:
        views = db.public_views(con)
        counts = {v: con.execute(f"select count(*) from {v}").fetchone()[0] for v in views}
    finally:
        con.close()
    assert CONTRACT_VIEWS <= set(views)
    assert folder_listing(out) == sorted(f"{v}.{fmt}" for v in views)
    assert result.stdout.strip() == f"wrote {len(views)} views to {out}"

    reader = {"csv": "read_csv", "parquet": "read_parquet", "json": "read_json"}[fmt]
    check = duckdb.connect()
    try:
        for view in views:
            exported = check.execute(f"select count(*) from {reader}($path)", {"path": str(out / f"{view}.{fmt}")}).fetchone()[0]
            assert exported == counts[view], view
    finally:
        check.close()


def test_exported_columns_match_the_view(tmp_path, built_db):
    out = tmp_path / "export"
    assert run_cli("export", "--format", "parquet", "--out", str(out), "--db", str(built_db)).returncode == 0
    con = duckdb.connect(str(built_db), read_only=True)
    try:
        for view in CONTRACT_VIEWS:
            in_db = [r[0] for r in con.execute(f"describe {view}").fetchall()]
            in_file = [r[0] for r in con.execute("describe select * from read_parquet($p)", {"p": str(out / f"{view}.parquet")}).fetchall()]
            assert in_file == in_db, view
    finally:
        con.close()


# --- staleness --------------------------------------------------------------------------------------

def test_is_current_until_a_csv_changes_then_ensure_built_rebuilds(tmp_path, data_copy):
    target = tmp_path / "t.duckdb"
    assert not db.is_current(target, data_copy)
    db.ensure_built(target, data_copy, None)
    assert db.is_current(target, data_copy)
    built = sha256(target)
    db.ensure_built(target, data_copy, None)           # current: left alone
    assert sha256(target) == built

    path = data_copy / "targets.csv"
    old = "National plan to build a 1 trillion yuan AI industry by 2030."
    new = "National plan to build a one trillion yuan AI industry by 2030."
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert not db.is_current(target, data_copy)

    db.ensure_built(target, data_copy, None)
    assert db.is_current(target, data_copy)
    con = duckdb.connect(str(target), read_only=True)
    try:
        statement = con.execute("select statement from targets where target_id = 'T-cn-industry-1trn-2030'").fetchone()[0]
    finally:
        con.close()
    assert statement == new


def test_a_file_that_is_not_a_database_is_not_current_and_is_replaced(tmp_path):
    target = tmp_path / "t.duckdb"
    target.write_bytes(b"not a database")
    assert not db.is_current(target, DATA_DIR)
    db.ensure_built(target, DATA_DIR, None)
    assert db.is_current(target, DATA_DIR)
