"""The benchmark's synthetic data generator (bench/generate.py), at a tiny scale.

What matters to a reader of the benchmark: the synthetic dataset passes the real contract (the
same validator and build the app uses, quotes checked against the written source texts), every
synthetic row says it is synthetic, and the curated data in data/ is never touched.
"""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import duckdb
import pytest

from bench import generate
from tracker import db
from tracker.paths import DATA_DIR
from tracker.validate import validate

RECORDS = 300


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory, seeds_archive) -> dict:
    before = _digest(DATA_DIR)
    summary = generate.generate(RECORDS, tmp_path_factory.mktemp("synthetic"), archive=seeds_archive)
    summary["data_before"] = before
    return summary


def test_synthetic_dataset_validates_with_every_quote_checked(synthetic):
    data, archive = Path(synthetic["data_dir"]), Path(synthetic["archive_dir"])
    report = validate(data, archive)
    assert report.ok, "\n".join(str(p) for p in report.problems[:20])
    assert not report.notices                      # the quote check ran
    evidence_rows = report.row_counts["evidence"]
    assert report.quotes_checked == evidence_rows
    assert evidence_rows >= RECORDS                # every synthetic record has evidence
    record_rows = sum(report.row_counts[k] for k in generate.KIND_SHARES)
    real = validate(DATA_DIR, archive).row_counts
    assert record_rows == RECORDS + sum(real[k] for k in generate.KIND_SHARES)


def test_synthetic_dataset_builds_and_spans_synthetic_jurisdictions(synthetic, tmp_path):
    path = db.build(tmp_path / "synthetic.duckdb", Path(synthetic["data_dir"]), Path(synthetic["archive_dir"])).db_path
    con = duckdb.connect(str(path), read_only=True)
    try:
        places = {r[0] for r in con.execute("select distinct jurisdiction from records").fetchall()}
        synthetic_kinds = con.execute(
            "select count(distinct kind) from records where jurisdiction like 'synthetic-city-%'").fetchone()[0]
    finally:
        con.close()
    assert {"shanghai", "china"} <= places
    assert len([p for p in places if p.startswith("synthetic-city-")]) >= 2
    assert synthetic_kinds == len(generate.KIND_SHARES)


def test_every_synthetic_row_is_labelled_synthetic(synthetic):
    data = Path(synthetic["data_dir"])
    text_columns = {"targets": "statement", "achievements": "statement", "clusters": "name", "funds": "name",
                    "conferences": "name", "partnerships": "statement", "governance": "statement", "actors": "name"}
    for table, column in text_columns.items():
        with open(data / f"{table}.csv", newline="", encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f) if "-syn-" in next(iter(r.values()))]
        assert rows, table
        assert all(r[column].startswith("SYNTHETIC") and r["note"].startswith("SYNTHETIC") for r in rows), table
    with open(data / "sources.csv", newline="", encoding="utf-8") as f:
        synthetic_sources = [r for r in csv.DictReader(f) if r["source_id"].startswith("SYN-")]
    assert synthetic_sources and all(r["title"].startswith("SYNTHETIC") for r in synthetic_sources)


def test_curated_data_is_untouched_and_data_dir_is_refused(synthetic, tmp_path):
    assert _digest(DATA_DIR) == synthetic["data_before"]
    for target in (DATA_DIR, DATA_DIR / "synthetic", DATA_DIR.parent):
        with pytest.raises(ValueError, match="refusing to write synthetic data"):
            generate.generate(10, target)
    assert _digest(DATA_DIR) == synthetic["data_before"]


def test_same_seed_same_dataset(tmp_path, seeds_archive):
    a = generate.generate(50, tmp_path / "a", seed=7, archive=seeds_archive)
    b = generate.generate(50, tmp_path / "b", seed=7, archive=seeds_archive)
    assert _digest(Path(a["data_dir"])) == _digest(Path(b["data_dir"]))
