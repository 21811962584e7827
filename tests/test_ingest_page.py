"""The "Add a source" page in AppTest: off by default (an explanation only), and when enabled it
proposes candidates from a pasted article and writes the ticked ones, or nothing if they would not
validate. It writes to private copies of data/ and of the archive."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tracker.validate import validate

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "pages/9_Add_a_source.py"


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.fixture
def enabled(monkeypatch, tmp_path, data_copy, seeds_archive):
    """Ingest switched on, with its own data, archive and database."""
    archive = Path(shutil.copytree(seeds_archive, tmp_path / "archive"))
    monkeypatch.setenv("TRACKER_ENABLE_INGEST", "1")
    monkeypatch.setenv("TRACKER_DATA", str(data_copy))
    monkeypatch.setenv("TRACKER_ARCHIVE", str(archive))
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "db" / "tracker.duckdb"))
    text = (archive / "002_326d74904817d67b.txt").read_text(encoding="utf-8").split("\n", 1)[1]   # not a known source
    return data_copy, archive, text


def open_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def propose(at: AppTest, text: str) -> AppTest:
    at.text_area[0].input(text)
    inputs = {t.label: t for t in at.text_input}
    inputs["Title"].input("Shanghai gears up to be AI hub")
    inputs["Published on"].input("2019-08-01")
    button(at, "Propose candidates").click()
    at.run()
    assert not at.exception
    return at


def test_the_page_is_off_by_default_and_only_explains(monkeypatch, built_db):
    monkeypatch.delenv("TRACKER_ENABLE_INGEST", raising=False)
    monkeypatch.setenv("TRACKER_DB", str(built_db))
    at = open_page()
    assert "switched off" in at.info[0].value and "TRACKER_ENABLE_INGEST=1" in at.info[0].value
    assert not at.text_area and not at.file_uploader and not at.data_editor
    assert "Propose candidates" not in [b.label for b in at.button]


def test_an_enabled_page_proposes_candidates_and_writes_the_ticked_ones(enabled):
    data, archive, text = enabled
    at = propose(open_page(), text)
    assert any("candidates from" in s.value for s in at.subheader)
    editors = {e.key: e for e in at.data_editor}
    targets = editors["ingest_target"].value
    assert set(targets["target_value"]) == {"1000000000000", "100000000000"}
    assert not targets["accept"].any(), "nothing is ticked until the reviewer ticks it"

    at.session_state["ingest_target"] = {"edited_rows": {1: {"accept": True}}, "added_rows": [], "deleted_rows": []}
    button(at, "Write accepted records").click()
    at.run()
    assert not at.exception
    assert "Added source S005 with 1 record:" in at.success[0].value
    with (data / "targets.csv").open(encoding="utf-8") as f:
        last = list(csv.DictReader(f))[-1]
    assert (last["target_value"], last["unit"], last["deadline_year"]) == ("100000000000", "CNY", "2020")
    assert validate(data, archive).ok


def test_an_enabled_page_writes_nothing_if_the_records_would_not_validate(enabled):
    data, archive, text = enabled
    before = {p.name: p.read_bytes() for p in data.glob("*.csv")}
    archived = sorted(p.name for p in archive.iterdir())
    at = propose(open_page(), text)
    at.session_state["ingest_target"] = {"edited_rows": {0: {"accept": True, "topic": "no_such_topic"}},
                                         "added_rows": [], "deleted_rows": []}
    button(at, "Write accepted records").click()
    at.run()
    assert "would not validate" in at.error[0].value and "unknown topic 'no_such_topic'" in at.error[0].value
    assert {p.name: p.read_bytes() for p in data.glob("*.csv")} == before
    assert sorted(p.name for p in archive.iterdir()) == archived


def test_an_enabled_page_refuses_a_known_source(enabled):
    data, archive, _ = enabled
    at = propose(open_page(), (archive / "002_326d74904817d67b.txt").read_text(encoding="utf-8"))
    assert "repeats source S002" in at.error[0].value
    assert not at.data_editor
