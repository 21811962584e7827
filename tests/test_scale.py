"""The dashboard on a synthetic dataset of 10 thousand records (bench/generate.py): every page
shows the first rows of what is in view, says how many there are in all, and draws a readable
amount; the database answers the uncapped question that the downloads ask."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bench import generate
from plotly_checks import drawn, title, valid_figures, values
from bench.profile_queries import default_params
from tracker import app_data, db, limits, queries
from tracker.paths import QUERIES_DIR

APP = str(Path(__file__).resolve().parent.parent / "app.py")
SHOWING = re.compile(r"Showing the first ([\d,]+) of ([\d,]+) (.+?) in view")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory, seeds_archive) -> dict:
    out = tmp_path_factory.mktemp("synthetic_10k")
    summary = generate.generate(10_000, out, archive=seeds_archive)
    path = out / "tracker.duckdb"
    db.build(path, Path(summary["data_dir"]), Path(summary["archive_dir"]))
    return {"db": path, **summary}


@pytest.fixture(autouse=True)
def app_env(synthetic, monkeypatch):
    monkeypatch.setenv("TRACKER_DB", str(synthetic["db"]))
    monkeypatch.setenv("TRACKER_DATA", synthetic["data_dir"])
    monkeypatch.setenv("TRACKER_ARCHIVE", synthetic["archive_dir"])
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def count(synthetic, sql: str) -> int:
    con = db.connect_read_only(synthetic["db"])
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if page != "app.py":
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    valid_figures(at)
    return at


def showing(at: AppTest) -> dict[str, tuple[int, int]]:
    """The "Showing the first N of M ..." captions of a page: what -> (shown, in view)."""
    out = {}
    for caption in at.caption:
        if m := SHOWING.search(caption.value):
            out[m.group(3)] = (int(m.group(1).replace(",", "")), int(m.group(2).replace(",", "")))
    return out


@pytest.mark.parametrize("page_file, what, table, expander", [
    ("pages/1_Stated_goals.py", "goals", "targets", "table_goals"),
    ("pages/2_Achievements.py", "achievements", "achievements", "table_achievements"),
    ("pages/3_Partnerships.py", "partnerships and engagements", "partnerships", "table_partnerships"),
    ("pages/4_Clusters.py", "clusters and zones (earliest established first)", "clusters", "table_clusters_map"),
    ("pages/6_Conferences.py", "events", "conferences", "table_events"),
])
def test_a_long_list_shows_its_first_rows_and_says_how_many_there_are(synthetic, page_file, what, table, expander):
    at = open_page(page_file)
    assert not at.dataframe                              # closed: no table sent
    at.session_state[expander] = True                    # the reader opens it
    at.run()
    stored = count(synthetic, f"select count(*) from {table}")
    assert stored > limits.TABLE_ROWS                    # the dataset is big enough to need the cap
    assert showing(at)[what] == (limits.TABLE_ROWS, stored)
    assert max(len(t.value) for t in at.dataframe) == limits.TABLE_ROWS


@pytest.mark.parametrize("page_file, what", [
    ("pages/5_Funds.py", "funds (earliest first)"), ("pages/6_Conferences.py", "events (earliest first)")])
def test_a_chart_of_one_row_per_record_draws_the_first_rows_and_says_how_many_there_are(synthetic, page_file, what):
    at = open_page(page_file)
    shown, in_view = showing(at)[what]
    assert shown == limits.CHART_ROWS < in_view
    (spec,) = [drawn(c) for c in at.get("plotly_chart")]
    rows = {y for t in spec["data"] for y in values(t, "y")} - {None}     # None: the gap after each range
    assert len(rows) == limits.CHART_ROWS


def test_the_evidence_list_says_when_more_quotes_match_than_it_shows(synthetic):
    at = open_page("pages/8_Sources_and_evidence.py")
    assert count(synthetic, "select count(*) from evidence") > limits.QUOTES
    assert any(c.value.startswith(f"{limits.QUOTES} quotes: the first {limits.QUOTES} that match; more do")
               for c in at.caption)
    at.text_input[0].input("Brad Smith").run()          # a real quote: few match, and the caption says only how many
    assert any(re.fullmatch(r"\d+ quotes?\.", c.value) for c in at.caption)


def test_the_download_behind_a_capped_table_holds_every_row_in_view(synthetic):
    con = db.connect_read_only(synthetic["db"])
    try:
        params = default_params(con)     # every year, topic and jurisdiction
        capped = queries.run(con, "achievements__all", **{**params, "limit": limits.TABLE_ROWS})
    finally:
        con.close()
    full = app_data.full_query("achievements__all", **params)      # what the download button runs
    assert len(capped) == limits.TABLE_ROWS
    assert len(full) == capped["rows_in_view"].iloc[0] == count(synthetic, "select count(*) from achievements")
    assert full.head(limits.TABLE_ROWS)["achievement_id"].tolist() == capped["achievement_id"].tolist()


def test_too_many_events_are_counted_per_year_instead_of_drawn_one_by_one(synthetic):
    at = open_page("app.py")
    (timeline,) = [drawn(c) for c in at.get("plotly_chart") if "Dated events per year" in title(drawn(c))]
    events = count(synthetic, "select count(*) from timeline")
    assert events > limits.TIMELINE_EVENTS
    assert f"{events:,} events" in title(timeline)


@pytest.mark.parametrize("page_file, cap", [("app.py", limits.OVERVIEW_PROGRESS_BARS),   # a summary
                                            ("pages/1_Stated_goals.py", limits.PROGRESS_BARS)])
def test_a_progress_chart_draws_the_first_deadlines_and_says_how_many_targets_there_are(synthetic, page_file, cap):
    at = open_page(page_file)
    shown, in_view = showing(at)["targets with a progress figure (earliest deadlines first)"]
    assert shown == cap < in_view and limits.OVERVIEW_PROGRESS_BARS < limits.PROGRESS_BARS
    (progress,) = [drawn(c) for c in at.get("plotly_chart") if "Progress of quantitative targets" in title(drawn(c))]
    assert sum(len(values(t, "y")) for t in progress["data"]) == cap


def test_the_yearly_counts_are_labelled_every_few_years_not_every_year(synthetic):
    # 25 years labelled one by one were turned sideways; every 5 years they stay level
    at = open_page("app.py")
    (timeline,) = [drawn(c) for c in at.get("plotly_chart") if "Dated events per year" in title(drawn(c))]
    years = [y for t in timeline["data"] for y in values(t, "x")]
    assert max(years) - min(years) > 20 and timeline["layout"]["xaxis"]["dtick"] == 5


def test_the_network_draws_only_the_most_connected_parties(synthetic):
    at = open_page("pages/3_Partnerships.py")
    (note,) = [c.value for c in at.caption if c.value.startswith("Drawn: the ")]
    shown, parties = (int(n.replace(",", "")) for n in re.findall(r"the ([\d,]+) most connected of ([\d,]+) parties", note)[0])
    assert shown <= limits.NETWORK_PARTIES < parties


def test_a_series_query_returns_the_jurisdictions_with_most_figures_and_counts_the_rest(synthetic):
    con = db.connect_read_only(synthetic["db"])
    try:
        params = default_params(con)     # every year, topic and jurisdiction
        metric, places = con.execute("select metric, count(distinct jurisdiction) from achievements where value is not null "
                                     "group by metric order by 2 desc, 1 limit 1").fetchone()
        points = queries.run(con, "achievements__series", **{**params, "metric": metric, "series": 1})
        busiest = con.execute("select jurisdiction from achievements where metric = $m and value is not null "
                              "group by jurisdiction order by count(*) desc, jurisdiction limit 1", {"m": metric}).fetchone()[0]
    finally:
        con.close()
    assert places > 1
    assert set(points["jurisdiction"]) == {busiest}
    assert points["series_in_view"].iloc[0] == places


def test_a_metric_chart_with_many_figures_leaves_their_labels_to_the_hover(synthetic):
    spec = drawn(open_page("pages/2_Achievements.py").get("plotly_chart")[0])
    lines = [t for t in spec["data"] if t.get("mode", "").startswith("lines") and not t["name"].startswith("Target")]
    assert sum(len(values(t, "x")) for t in lines) > limits.POINT_LABELS
    assert {t["mode"] for t in lines} == {"lines+markers"} and all("text" not in t for t in lines)


def test_every_query_answers_the_same_whether_all_is_bound_as_null_or_as_the_full_lists(synthetic):
    # The app binds "every topic/jurisdiction" as null (no list lookup per row); spelling out every
    # value must give exactly the same rows.
    con = db.connect_read_only(synthetic["db"])
    try:
        every = default_params(con)
        assert every["topics"] is None and every["jurisdictions"] is None
        spelled = {**every, "topics": list(con.execute("select list(topic) from topics").fetchone()[0]),
                   "jurisdictions": list(con.execute("select list(jurisdiction) from jurisdictions").fetchone()[0])}
        nonempty = 0
        for name in sorted(p.stem for p in QUERIES_DIR.glob("*__*.sql")):
            if "topics" not in queries.parameter_names(name):
                continue
            a, b = queries.run(con, name, **every), queries.run(con, name, **spelled)
            assert a.equals(b), name
            nonempty += len(a) > 0
        assert nonempty >= 20   # compared on rows, not on empty answers
    finally:
        con.close()


def test_funds_reported_in_two_currencies_are_drawn_in_one(synthetic):
    # "as reported", yuan and dollar bars shared one axis ("mixed currencies"): a $100 bn fund was drawn
    # as long as a ¥100 bn one, seven times too short
    at = open_page("pages/5_Funds.py")
    (spec,) = [drawn(c) for c in at.get("plotly_chart")]
    assert spec["layout"]["xaxis"]["title"]["text"] == "Billions of CNY"
    (bars,) = spec["data"]
    assert bars["text"] and all(t.startswith("¥") for t in bars["text"])
    converted = [t for t in bars["text"] if t.endswith("(derived)")]
    assert 0 < len(converted) < len(bars["text"])            # the dollar funds, converted and marked so
    assert any("needs one currency" in c.value for c in at.caption)
