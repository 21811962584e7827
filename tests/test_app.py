"""The dashboard in AppTest: every page at several filter settings, filters that survive a page
switch and come back from a URL, hostile links, and Overview figures that match the database."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from plotly_checks import drawn, title, valid_figures, values
from test_build import break_one_row
from tracker import ui
from tracker.formatting import fmt_money

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/1_Stated_goals.py", "pages/2_Achievements.py", "pages/3_Partnerships.py", "pages/4_Clusters.py",
         "pages/5_Funds.py", "pages/6_Conferences.py", "pages/7_Method_and_limitations.py", "pages/8_Sources_and_evidence.py"]
CHART_PAGES = {"app.py": 2, "pages/1_Stated_goals.py": 1, "pages/2_Achievements.py": 2, "pages/3_Partnerships.py": 2,
               "pages/4_Clusters.py": 1, "pages/5_Funds.py": 1, "pages/6_Conferences.py": 1}


@pytest.fixture(autouse=True)
def app_db(built_db, monkeypatch):
    """Every app run reads the session's database; caches are cleared between tests (AppTest shares them)."""
    monkeypatch.setenv("TRACKER_DB", str(built_db))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield built_db
    st.cache_resource.clear()


def open_page(page: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if query:
        at.query_params.update(query)
    at.run()
    if page != "app.py":
        at.switch_page(page)
        at.run()
    return at


def url_values(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def chart(at: AppTest, i: int = 0) -> dict:
    return drawn(at.get("plotly_chart")[i])


def chart_by_key(at: AppTest, key: str) -> dict:
    (spec,) = [drawn(c) for c in at.get("plotly_chart") if key in c.proto.id]
    return spec


def editions_drawn(at: AppTest) -> int:
    """The conference chart draws each edition (a range or a marker) followed by a gap."""
    return sum(values(trace, "y").count(None) for trace in chart(at)["data"])


@pytest.mark.parametrize("page_file", ["app.py"] + PAGES)
def test_every_page_runs_at_the_defaults_with_its_charts(page_file):
    at = open_page(page_file)
    assert not at.exception
    assert valid_figures(at) == CHART_PAGES.get(page_file, 0)
    assert at.slider(key="w_years").value == (2014, 2030)


@pytest.mark.parametrize("page_file", ["app.py"] + PAGES)
def test_every_page_runs_at_a_single_year(page_file):
    at = open_page(page_file, {"year": "2019"})
    assert not at.exception
    valid_figures(at)
    assert at.slider(key="w_years").value == (2019, 2019)


@pytest.mark.parametrize("page_file", ["app.py"] + PAGES)
def test_a_topic_with_no_data_shows_an_empty_state_not_an_empty_chart(page_file):
    # applications has only qualitative goals: no figure, event, cluster, fund or conference
    at = open_page(page_file, {"topic": "applications", "from": "2014", "to": "2018"})
    assert not at.exception
    assert at.multiselect(key="w_topics").value == ["applications"]
    if page_file in ("app.py", "pages/2_Achievements.py", "pages/3_Partnerships.py", "pages/4_Clusters.py",
                "pages/5_Funds.py", "pages/6_Conferences.py"):
        assert len(at.get("plotly_chart")) == 0
        assert any("match the current filters" in i.value for i in at.info)


def test_a_page_list_opens_on_demand_and_stays_open_when_the_filters_change():
    at = open_page("pages/1_Stated_goals.py")
    assert not at.dataframe                             # closed: no table sent
    at.session_state["table_goals"] = True              # the reader opens the list of goals
    at.run()
    assert [len(t.value) for t in at.dataframe] == [12]
    # rows three lines tall, so the grid wraps a goal ("Expand the scale of Shanghai's AI" was all it showed)
    assert at.dataframe[0].proto.row_height == ui.LONG_TEXT_ROW_PX >= 3 * 19 + 16
    at.sidebar.slider(key="w_years").set_value((2024, 2030)).run()     # fewer goals are open then
    assert not at.exception
    assert at.dataframe, "the list closed when the filters changed"
    assert 0 < len(at.dataframe[0].value) < 12         # still open, now with the goals open in those years
    assert [e.label for e in at.expander if e.label == "Show the list as a table"]


def test_a_missing_value_in_a_table_reads_as_a_dash_not_none():
    at = open_page("pages/1_Stated_goals.py")
    at.session_state["table_goals"] = True
    at.run()
    (goals,) = at.dataframe
    assert goals.value["Deadline"].isna().any()          # goals without a deadline: the table has missing values
    assert goals.proto.placeholder == "—"                # ... drawn as the CSVs and text columns write them


def test_a_quantitative_target_without_a_bar_is_accounted_for():
    # in 2019 the national 1 trillion target has no figure yet: "Quantitative 2" above one bar says why
    def unmeasured(at):
        return [c.value for c in at.caption if "no comparable figure dated up to" in c.value]
    in_2019 = _deep_link("pages/1_Stated_goals.py", {"year": "2019"})
    assert sum(len(values(t, "y")) for t in chart(in_2019)["data"]) == 1     # one bar
    assert unmeasured(in_2019) == ["1 quantitative target in view has no comparable figure dated up to 2019, so no bar; "
                                   "the list below gives its status."]
    assert unmeasured(open_page("pages/1_Stated_goals.py")) == []


def test_filters_survive_a_page_switch_and_are_written_to_the_url():
    at = open_page("app.py")
    at.slider(key="w_years").set_value((2018, 2019)).run()
    at.multiselect(key="w_topics").set_value(["events", "partnerships"]).run()
    at.radio(key="w_currency").set_value("USD").run()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception
        assert at.slider(key="w_years").value == (2018, 2019)
        assert at.multiselect(key="w_topics").value == ["events", "partnerships"]
        assert at.radio(key="w_currency").value == "USD"
        assert url_values(at, "from") == ["2018"] and url_values(at, "to") == ["2019"]
        assert url_values(at, "topic") == ["events", "partnerships"] and url_values(at, "currency") == ["USD"]


def test_url_parameters_are_read_back_into_the_same_filters_and_narrow_the_charts():
    full = open_page("pages/6_Conferences.py")
    narrowed = open_page("pages/6_Conferences.py", {"from": "2019", "to": "2023", "jurisdiction": "shanghai", "currency": "CNY"})
    assert narrowed.slider(key="w_years").value == (2019, 2023)
    assert narrowed.multiselect(key="w_jurisdictions").value == ["shanghai"]
    assert narrowed.radio(key="w_currency").value == "CNY"
    assert editions_drawn(full) == 6 and editions_drawn(narrowed) == 2  # the 2018 editions drop out


@pytest.mark.parametrize("query", [
    {"year": "abc"},
    {"topic": "';DROP TABLE targets;--"},
    {"from": "2025", "to": "2019"},
    {"from": "1", "to": "999999"},
    {"jurisdiction": "shanghai' OR 1=1 --"},
    {"currency": "<script>alert(1)</script>"},
])
@pytest.mark.parametrize("page_file", ["app.py", "pages/1_Stated_goals.py", "pages/8_Sources_and_evidence.py"])
def test_hostile_or_malformed_links_are_ignored_with_a_notice_and_change_nothing(query, page_file, app_db):
    before = hashlib.sha256(app_db.read_bytes()).hexdigest()
    at = open_page(page_file, query) if page_file == "app.py" else _deep_link(page_file, query)
    assert not at.exception
    assert any(w.value.startswith("Ignored") for w in at.warning)
    assert at.slider(key="w_years").value == (2014, 2030)
    assert hashlib.sha256(app_db.read_bytes()).hexdigest() == before
    con = duckdb.connect(str(app_db), read_only=True)
    assert con.execute("select count(*) from targets").fetchone()[0] == 12
    con.close()


@pytest.mark.parametrize("page_file", ["app.py", "pages/5_Funds.py"])
def test_data_that_does_not_validate_is_named_on_the_page_not_a_traceback(page_file, data_copy, tmp_path, monkeypatch):
    message = break_one_row(data_copy)
    monkeypatch.setenv("TRACKER_DATA", str(data_copy))
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "never_built.duckdb"))
    at = _deep_link(page_file, {}) if page_file != "app.py" else open_page(page_file)
    assert not at.exception
    (error,) = at.error
    assert "does not validate (1 problem)" in error.value and message in error.value
    assert f"the data in `{data_copy}` does not validate" in error.value     # the folder it read, not always data/
    assert not at.get("plotly_chart") and not at.sidebar.slider
    assert not (tmp_path / "never_built.duckdb").exists()


def test_a_problem_quoting_backticks_is_shown_whole(data_copy, tmp_path, monkeypatch):
    message = break_one_row(data_copy, "20``30")
    monkeypatch.setenv("TRACKER_DATA", str(data_copy))
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "never_built.duckdb"))
    (error,) = open_page("app.py").error
    # fenced with more backticks than the value holds, so the markdown shows the line whole
    assert f"- ``` {message} ```" in error.value


def _deep_link(page: str, query: dict) -> AppTest:
    """A shared link that lands straight on a page: the session starts there."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(page)
    at.query_params.update(query)
    at.run()
    return at


def test_one_cluster_is_described_in_the_singular():
    at = _deep_link("pages/4_Clusters.py", {"year": "2019"})      # the Pudong pilot zone (S002) alone
    (description,) = [c.value for c in at.caption if "**Chart description:**" in c.value]
    assert "**Chart description:** 1 cluster or zone: China's first pilot zone" in description


@pytest.mark.parametrize("typed", ["Shanghai’s vice mayor", "Shanghai's vice mayor", "SHANGHAI’S VICE MAYOR"])
def test_the_evidence_search_finds_text_pasted_from_an_article(typed):
    # S004 prints "Shanghai’s vice mayor Li Zheng" (a curly apostrophe); the stored quotes have a straight one
    at = open_page("pages/8_Sources_and_evidence.py")
    at.text_input[0].input(typed).run()
    assert not at.info and "2 quotes." in [c.value for c in at.caption]


def test_the_evidence_search_is_bound_not_formatted_into_sql():
    at = open_page("pages/8_Sources_and_evidence.py")
    at.text_input[0].input("'; drop table evidence; --").run()
    assert not at.exception
    assert any("No quote in view contains" in i.value for i in at.info)
    at.text_input[0].input("Brad Smith").run()
    assert not at.exception and any(re.fullmatch(r"\d+ quotes?\.", c.value) for c in at.caption)


def test_method_page_gives_a_citation_of_the_current_view_with_its_link():
    at = open_page("pages/7_Method_and_limitations.py", {"from": "2018", "currency": "USD"})
    assert not at.exception
    [cite] = [m.value for m in at.markdown if "Shanghai AI Policy Tracker. View:" in m.value]
    assert cite.startswith("> ")
    assert "View: 2018–2030; all topics; all jurisdictions; amounts in USD (\\$)." in cite   # $ escaped: not maths
    assert "?from=2018&currency=USD" in cite


def test_overview_figures_equal_the_database(app_db):
    con = duckdb.connect(str(app_db), read_only=True)
    scale = con.execute("select value, unit, as_of_year, comparator from achievements where jurisdiction = 'shanghai' "
                        "and metric = 'ai_industry_scale' order by as_of_year desc limit 1").fetchone()
    share = con.execute("select value from achievements where jurisdiction = 'shanghai' and metric = 'ai_talent_share' "
                        "order by as_of_year desc limit 1").fetchone()[0]
    companies = con.execute("select value from achievements where metric = 'ai_core_companies' order by as_of_year desc limit 1").fetchone()[0]
    fund = con.execute("select sum(size_value), any_value(size_unit), count(*), string_agg(distinct source_ids), "
                       "count(distinct amount_stage), any_value(amount_stage) from funds where jurisdiction = 'shanghai'").fetchone()
    editions = con.execute("select count(*) from conferences where jurisdiction = 'shanghai'").fetchone()[0]
    con.close()
    at = open_page("app.py")
    shown = {m.label: m.value for m in at.metric}
    assert scale[3] == "more_than"                            # S001: the industry "exceeded" $42.73 bn
    assert shown["AI industry scale"] == "> " + fmt_money(scale[0], scale[1])
    assert any(c.value.startswith(f"More than {fmt_money(scale[0], scale[1])} · as of {scale[2]}") for c in at.caption)
    assert shown["Share of China's AI talent"] == f"{share:.1%}"
    assert shown["Firms with AI as core business"] == f"{companies:,.0f}"
    assert shown["Fund capital"] == fmt_money(fund[0], fund[1])
    assert shown["Conference editions in the sources"] == str(editions)
    assert any(f"as of {scale[2]}" in c.value for c in at.caption)
    # the card's help says what the figure measures: an output value, shown as the industry's scale
    (scale_card,) = [m for m in at.metric if m.label == "AI industry scale"]
    assert "The combined output value of AI enterprises" in scale_card.help
    # the card's caption counts in words and names the stage of the money: "1 fund, initial capitalization ·
    # source S001", never "1 fund(s) · source ..."; one stage, so one total (stages are never added)
    assert fund[2] == 1 and ";" not in fund[3] and fund[4] == 1
    assert any(c.value == f"1 fund, {fund[5].replace('_', ' ')} · source {fund[3]}" for c in at.caption)


def test_currency_choice_converts_and_labels_derived_figures():
    at = open_page("app.py", {"currency": "CNY"})
    shown = {m.label: m.value for m in at.metric}
    assert shown["AI industry scale"] == "> ¥275.6 bn"  # more than $42.73 bn × 6.45, the 2021 average
    assert any("derived" in c.value and "6.45" in c.value for c in at.caption)
    # the fund's $707 m in yuan: the card says at which rate, and no caption says "derived" twice
    assert any(c.value.startswith("1 fund, initial capitalization · source S001 · derived at 7.08 CNY per USD") for c in at.caption)
    assert not any("derived: derived" in c.value for c in at.caption)
    # a target in yuan drawn in dollars says how in the legend, not only in its hover: converted by
    # this project, or by a source, when the sources convert it differently ($14.5 bn in S002)
    at = _deep_link("pages/2_Achievements.py", {"currency": "USD"})
    targets = sorted(t["name"] for t in chart(at)["data"] if t.get("name", "").startswith("Target:"))
    assert targets == ["Target: $144.7 bn by 2030 (China, derived)",
                       "Target: more than $15.36 bn by 2020 (Shanghai, per S003)"]
    note = next(c.value for c in at.caption if c.value.startswith("**Data:**"))
    assert "uses S003's conversion; 1 other source converts it too (see *Where sources disagree*)." in note


def test_progress_chart_shows_the_status_of_each_quantitative_target():
    at = open_page("pages/1_Stated_goals.py")
    bars = [t for t in chart(at)["data"] if t["type"] == "bar"]
    rows = {label: text for t in bars for label, text in zip(t["y"], t["text"])}
    # S001's "exceeded $42.73 billion" and S004's "more than 500 billion yuan" are lower bounds, and stay so
    assert any("by 2020" in label and "Reached (by a figure dated after the deadline)" in label and text == "> 275.6%"
               for label, text in rows.items())
    # "more than 500 billion yuan" against 1 trillion: not shown reached, which is not "not reached"
    assert any("by 2030" in label and "Not shown reached (a lower bound from before the deadline)" in label and text == "> 50%"
               for label, text in rows.items())
    # the earliest deadline on top, as the page says (Plotly's category axis starts at the bottom)
    layout = chart(at)["layout"]["yaxis"]
    assert layout["autorange"] == "reversed" and "by 2020" in layout["categoryarray"][0]
    # the ratios are this project's: labelled derived on the chart and by a badge
    assert "(derived)" in chart(at)["layout"]["xaxis"]["title"]["text"]
    at = open_page("app.py")
    assert any(":orange-badge[Derived]" in m.value for m in at.markdown)


def test_the_progress_chart_names_the_kind_of_claim_of_its_figures_as_well_as_its_targets():
    # the 2020 target is an official statement; the figure that reaches it, S001's $42.73 bn, a press report
    for page_file in ("app.py", "pages/1_Stated_goals.py"):
        at = open_page(page_file)
        (badges,) = [m.value for m in at.markdown if ":orange-badge[Derived]" in m.value]
        assert ":gray-badge[Press report]" in badges and ":blue-badge[Official statement]" in badges
        hovers = [h for t in chart_by_key(at, "progress")["data"] for h in t["hovertext"]]
        (reached,) = [h for h in hovers if "(2021)" in h]
        assert "Claim: Official statement (the target)" in reached
        assert "press report, source S001" in reached.replace("<br>", " ")
    at.session_state["table_goals"] = True          # the list of goals, opened (still on Stated goals)
    at.run()
    (goals,) = [t.value for t in at.dataframe if "Progress figure" in t.value.columns]
    assert goals["Progress figure"].str.contains("A-sh-industry-output-2021, press report, source S001").any()


def test_progress_is_measured_as_of_the_end_of_the_chosen_years_and_credits_the_figure_source():
    # up to 2020 the latest figure for Shanghai's 100 bn yuan target is 2018's 70 bn yuan (S002):
    # 70%, still before the deadline; the 2021 dollar figure (S001) that reaches it comes later
    for page_file in ("app.py", "pages/1_Stated_goals.py"):
        at = open_page(page_file, {"to": "2020"})
        spec = chart_by_key(at, "progress")
        assert "dated up to 2020" in title(spec)
        rows = {label: (text, hover) for t in spec["data"] for label, text, hover in zip(t["y"], t["text"], t["hovertext"])}
        ((label, (text, hover)),) = rows.items()          # the 2030 target has no figure up to 2020
        assert "by 2020" in label and "Not yet reached" in label and text == "≈ 70%"     # "about 70 billion yuan"
        assert "(2018)" in hover and "record A-sh-industry-scale-2018, press report, source S002" in hover.replace("<br>", " ")
        note = next(c.value for c in at.caption if c.value.startswith("**Data:**"))
        assert "dated up to 2020" in note
    at = open_page("app.py")      # every year: the 2021 figure, from S001, beside the target's S002 and S003
    spec = chart_by_key(at, "progress")
    hovers = [h for t in spec["data"] for h in t["hovertext"]]
    assert any("(2021)" in h and "source S001" in h for h in hovers)
    # the figure says what it measures: an output value, held against a target for the industry's scale
    assert any("Figure: The combined output value of AI enterprises" in h for h in hovers)
    assert any("source S004" in h for h in hovers)       # the 2023 national figure
    note = next(c.value for c in at.caption if c.value.startswith("**Data:**"))
    assert all(source in note for source in ("S001", "S002", "S003", "S004"))


@pytest.mark.parametrize("page_file, key", [("app.py", "overview_timeline"), ("pages/3_Partnerships.py", "partnerships_microsoft")])
def test_no_event_on_a_timeline_hides_another(page_file, key):
    at = open_page(page_file)
    spec = chart_by_key(at, key)
    row_of = dict(zip(spec["layout"]["yaxis"]["ticktext"], spec["layout"]["yaxis"]["tickvals"]))
    # each marker with its own row, read from its hover ("When: 2014 (milestone)")
    markers = [(x, y, re.search(r"When: [^<]*\((.+?)\)<br>", h).group(1))
               for t in spec["data"] for x, y, h in zip(values(t, "x"), values(t, "y"), t["hovertext"])]
    assert all(abs(y - row_of[row]) <= 0.35 + 1e-9 for _, y, row in markers)   # inside its own row's band (0.7 wide)
    when = [(pd.Timestamp(x), y, row) for x, y, row in markers]
    # same row, under two months apart: well inside a marker's width on either chart (2014-2031, 2014-2023)
    close = [(a, b) for i, a in enumerate(when) for b in when[i + 1:]
             if a[2] == b[2] and abs(a[0] - b[0]) <= pd.Timedelta(days=60)]
    assert close             # some events share a row and (nearly) a date (year-only ones: 1 January) ...
    assert all(abs(a[1] - b[1]) >= 0.05 for a, b in close)                 # ... and are spread apart


def test_every_relation_on_the_network_can_be_hovered(app_db):
    """Two relations between the same parties (a meeting and a proposed collaboration) share one
    line; its marker's hover names both, and no marker lies on another one."""
    from tracker import db as tracker_db, queries
    con = tracker_db.connect_read_only(app_db)
    every = {"year_from": 1900, "year_to": 2100, "topics": None, "jurisdictions": None, "currency": "reported"}
    relations = queries.run(con, "partnerships__network_edges", parties=100, limit=None, **every)
    con.close()
    pairs = relations.assign(pair=[tuple(sorted(p)) for p in zip(relations["source"], relations["target"])])
    assert pairs["pair"].duplicated().any()            # the data has such a pair: the test means something
    (markers,) = [t for t in chart_by_key(open_page("pages/3_Partnerships.py"), "partnerships_network")["data"]
                  if t.get("name") == "relation"]
    spots = list(zip(values(markers, "x"), values(markers, "y")))
    assert len(set(spots)) == len(spots) == pairs["pair"].nunique()
    for r in pairs.itertuples():
        assert sum(f"{r.source} — {r.target}</b><br>{r.relation}<br>" in h for h in markers["hovertext"]) == 1, r


def test_each_kind_of_claim_in_view_is_named_by_a_badge():
    at = open_page("pages/1_Stated_goals.py")
    assert ":blue-badge[Official statement] :gray-badge[Press report]" in [m.value for m in at.markdown]
    at = open_page("pages/5_Funds.py")       # the one fund is a press report
    assert ":gray-badge[Press report]" in [m.value for m in at.markdown]


def test_a_chart_names_its_sources_with_the_noun_in_the_right_number():
    funds = [c.value for c in open_page("pages/5_Funds.py").caption if c.value.startswith("**Data:**")]
    assert funds and funds[0].startswith("**Data:** source S001. ")      # the one fund has one source
    at = open_page("app.py")
    overview = [c.value for c in at.caption if c.value.startswith("**Data:**")]
    assert any(re.search(r"sources S00\d(; S00\d)+\.", c) for c in overview)
    # each event's hover ends with its sources, the noun agreeing with how many
    spec = chart_by_key(at, "overview_timeline")
    last_lines = [h.split("<br>")[-1] for t in spec["data"] for h in t["hovertext"]]
    assert {line.split(":")[0] for line in last_lines} == {"Source", "Sources"}
    assert all(line.startswith("Sources: ") == (";" in line) for line in last_lines)


def test_a_derived_progress_figure_is_flagged_with_its_basis_once():
    at = open_page("pages/1_Stated_goals.py")
    (flag,) = [c.value for c in at.caption if "the latest figure is" in c.value]
    assert "the latest figure is **derived**: 42.73 bn USD × 6.45 CNY per USD (2021 annual average)." in flag
    assert flag.count("derived") == 1


def test_achievement_charts_mark_each_year_with_events_and_say_what_they_were(app_db):
    con = duckdb.connect(str(app_db), read_only=True)
    expected = sorted(y for (y,) in con.execute("select distinct year from timeline where event_type in ('plan announced', "
                                                 "'conference', 'partnership') and year between 2019 and 2030").fetchall())
    conferences_2023 = con.execute("select count(*) from timeline where event_type = 'conference' and year = 2023").fetchone()[0]
    con.close()
    at = open_page("pages/2_Achievements.py", {"from": "2019"})
    marks = next(t for t in chart(at)["data"] if t.get("name") == "Year with events (hover)")
    assert values(marks, "x") == expected and len(expected) >= 2
    hover_2023 = marks["hovertext"][values(marks, "x").index(2023)]
    assert f"{conferences_2023} conference" in hover_2023 and "2023" in hover_2023


def test_a_conversion_the_source_reports_is_shown_instead_of_a_derived_one():
    at = open_page("pages/2_Achievements.py", {"currency": "USD"})
    shanghai = next(t for t in chart(at)["data"] if t.get("name") == "Shanghai")
    by_year = dict(zip(values(shanghai, "x"), values(shanghai, "y")))
    assert by_year[2018] == pytest.approx(10.16)   # S002's own "$10.16 billion", not 70 bn / 6.62
    assert by_year[2021] == pytest.approx(42.73)   # reported in dollars
    assert shanghai["marker"]["symbol"] == ["circle", "circle"]  # neither is derived
    china = next(t for t in chart(at)["data"] if t.get("name") == "China")
    assert values(china, "y") == [pytest.approx(71.75)]    # S004's "US$71.75 billion"


def test_one_year_reads_as_one_year_and_one_event_as_one():
    at = open_page("app.py", {"year": "2020"})
    assert any(c.value.startswith("Showing the year 2020; all topics") for c in at.sidebar.caption)
    descriptions = [c.value for c in at.caption if "**Chart description:**" in c.value]
    assert any(re.search(r"\b1 event in 2020\.$", d) for d in descriptions), descriptions
    assert any("1 dated event in view" in title(json.loads(c.proto.spec)) for c in at.get("plotly_chart"))


def test_a_company_figure_is_drawn_as_the_company_line_not_the_country():
    # "Microsoft provides more than twenty AI products in the People's Republic of China" (S001)
    at = open_page("pages/2_Achievements.py")
    metric = next(s for s in at.selectbox if s.label == "Metric")
    metric.set_value("vendor_ai_products").run()
    (line,) = [t for t in chart(at)["data"] if t.get("mode", "").startswith("lines+markers")]
    assert line["name"] == "Microsoft in China"


def test_a_page_choice_is_in_the_link_and_a_link_reopens_it():
    at = _deep_link("pages/2_Achievements.py", {"metric": "ai_talent_share", "to": "2021"})
    assert next(s for s in at.selectbox if s.label == "Metric").value == "ai_talent_share"
    assert "Share of" in title(chart(at)) and not at.warning
    assert url_values(at, "metric") == ["ai_talent_share"] and url_values(at, "to") == ["2021"]
    next(s for s in at.selectbox if s.label == "Metric").set_value("ai_core_companies").run()
    assert url_values(at, "metric") == ["ai_core_companies"]

    at = _deep_link("pages/8_Sources_and_evidence.py", {"q": "Brad Smith"})
    assert at.text_input[0].value == "Brad Smith" and url_values(at, "q") == ["Brad Smith"]
    def quotes(app):
        return int(next(c.value for c in app.caption if re.fullmatch(r"\d+ quotes?\.", c.value)).split()[0])
    assert 0 < quotes(at) < quotes(_deep_link("pages/8_Sources_and_evidence.py", {}))      # the search is applied


@pytest.mark.parametrize("page_file, query, notice", [
    ("pages/2_Achievements.py", {"metric": "<b>x</b>"}, "Ignored metric=` <b>x</b> `"),
    ("app.py", {"metric": "ai_talent_share"}, "Ignored metric: this page has no such choice"),
    ("pages/8_Sources_and_evidence.py", {"metric": "ai_talent_share"}, "Ignored metric"),
    ("pages/2_Achievements.py", {"metric": "ai_talent_share", "topic": "funding"}, "no metric has figures in this view"),
])
def test_a_page_choice_the_page_does_not_offer_is_ignored_with_a_notice(page_file, query, notice):
    at = open_page(page_file, query) if page_file == "app.py" else _deep_link(page_file, query)
    assert not at.exception
    assert any(notice in w.value for w in at.warning), [w.value for w in at.warning]
    assert "metric" not in at.query_params or url_values(at, "metric") != [query["metric"]]


def test_a_conference_previewed_before_it_took_place_is_marked_where_it_is_drawn(app_db):
    con = duckdb.connect(str(app_db), read_only=True)
    announced = con.execute("select count(*) from conferences where event_nature = 'announcement'").fetchone()[0]
    con.close()
    at = open_page("pages/6_Conferences.py")
    labels = {y for t in chart(at)["data"] for y in t["y"] if y}
    assert announced and sum(label.endswith(" · announced ahead") for label in labels) == announced
    # the table (and its CSV) says it in its own column, and names the event alone
    at.session_state["table_conferences_timeline"] = True
    at.run()
    (table,) = [t.value for t in at.dataframe]
    assert not table["Event"].str.contains("announced ahead").any()
    assert (table["Held or announced"] == "Announced ahead").sum() == announced


def test_the_microsoft_history_table_names_its_rows_as_the_chart_does():
    at = open_page("pages/3_Partnerships.py")
    at.session_state["table_partnerships_microsoft"] = True
    at.run()
    (table,) = [t.value for t in at.dataframe]
    assert set(table["Chart row"]) == {"Microsoft in China", "Microsoft in Shanghai"} and "Event type" not in table


def test_chart_downloads_read_as_words_and_hold_whole_statements(app_db):
    from tracker import db as tracker_db, present, queries
    con = tracker_db.connect_read_only(app_db)
    every = {"year_from": 1900, "year_to": 2100, "topics": None, "jurisdictions": None, "currency": "reported"}
    conversions = present.conversions_table(present.conversions_frame(queries.run(con, "achievements__conversions", limit=None, **every)))
    edges = present.network_table(queries.run(con, "partnerships__network_edges", parties=100, limit=None, **every))
    con.close()
    assert list(conversions.columns) == ["Record", "Statement", "US dollars (bn)", "Figure", "Source", "Basis or reason"]
    assert not conversions.isna().any().any() and not conversions["Statement"].str.endswith("…").any()
    assert set(conversions["US dollars (bn)"]) >= {14.5, 15.36, 71.75}          # the sources' own figures, as printed
    assert list(edges.columns)[:3] == ["From", "To", "Relation"]
    assert set(edges["Claim type"]) <= {"Official statement", "Press report"}


def test_the_conference_card_says_in_words_how_many_editions_were_held():
    # 2019: the second WAIC, previewed by S002 before it took place
    captions = [c.value for c in open_page("app.py", {"year": "2019"}).caption]
    assert any(c.startswith("None reported as held: all announced ahead · source") for c in captions), captions
    captions = [c.value for c in open_page("app.py", {"year": "2023"}).caption]
    assert any(c.startswith("All reported as held · source") for c in captions), captions


def test_a_date_the_source_does_not_print_says_how_it_was_inferred_where_it_is_drawn(app_db):
    # Plans the sources only describe are not dated events; an inferred date carries its record's note.
    con = duckdb.connect(str(app_db), read_only=True)
    undated = con.execute("select count(*) from targets where announced_year is null and first_reported_year is not null").fetchone()[0]
    noted = con.execute("select count(*) from timeline where note is not null").fetchone()[0]
    events = con.execute("select count(*) from timeline").fetchone()[0]
    con.close()
    assert undated >= 5 and 0 < noted < events
    hovers = [h for t in chart_by_key(open_page("app.py"), "overview_timeline")["data"] for h in t["hovertext"]]
    assert len(hovers) == events and sum("<br>Note: " in h for h in hovers) == noted
    (waic_2019,) = [h.replace("<br>", " ") for h in hovers if "World Artificial Intelligence Conference 2nd (2019)" in h]
    assert "The year is not printed" in waic_2019 and "'from Aug 29 to 31'" in waic_2019
    assert all(len(line) <= 100 for h in hovers for line in h.split("<br>"))     # the note is wrapped, the hover narrow


@pytest.mark.parametrize("page_file, query", [
    ("pages/8_Sources_and_evidence.py", {"q": "[verify here](http://evil.example) **zzz**"}),
    ("pages/2_Achievements.py", {"metric": "[click](http://evil.example)"}),
    ("app.py", {"topic": "[Official correction](http://evil.example)"}),
    ("app.py", {"from": "see http://evil.example"}),
    # a blank line would end the code span and the paragraph: what follows it would be Markdown again
    ("app.py", {"topic": "x\n\n[click](http://evil.example)"}),
    ("pages/8_Sources_and_evidence.py", {"q": "x\n\n[click](http://evil.example)"}),
])
def test_a_link_cannot_put_formatting_or_a_clickable_address_into_a_notice(page_file, query):
    at = open_page(page_file, query) if page_file == "app.py" else _deep_link(page_file, query)
    value = " ".join(next(iter(query.values())).split())
    notices = [n.value for n in [*at.warning, *at.info] if "evil.exampl" in n.value]
    assert notices, "the bad value is repeated back"
    # repeated (on one line, cut to 40 characters) as inline code, so Markdown neither formats it nor
    # turns the address into a link
    assert all(re.search(r"` " + re.escape(value[:35]) + r".{0,6} `", n) and "\n" not in n.split("`")[1] for n in notices), notices



def test_a_target_line_does_not_claim_a_start_year_the_sources_do_not_state():
    at = _deep_link("pages/2_Achievements.py", {})
    (national,) = [t for t in chart(at)["data"] if t.get("name", "").startswith("Target:") and "(China" in t["name"]]
    hover = national["hovertext"][0].replace("<br>", " ")
    # S002 first reports the national 1 trillion yuan plan in 2019; when it was set is not stated
    assert "When: by 2030; when it was set is not stated (the line starts at its first report, 2019)" in hover
    assert "not stated in the sources" in hover            # the record's own note says so too


def test_the_disagreement_section_counts_the_amounts_that_actually_differ():
    # only the 100 billion yuan target is converted by two sources (S002 $14.5 bn, S003 US$15.36 bn);
    # 70 bn (S002) and 500 bn (S004) have one source's conversion each
    at = _deep_link("pages/2_Achievements.py", {})
    assert any("1 amount of 3 in view is given different dollar figures by different sources" in m.value for m in at.markdown)
    one = _deep_link("pages/2_Achievements.py", {"year": "2023"})     # only S004's 500 bn yuan ($71.75 bn)
    assert any("No amount of the 1 in view is given different dollar figures" in m.value for m in one.markdown)
    spec = chart_by_key(at, "achievements_conversions")
    hovers = [h for t in spec["data"] for h in t["hovertext"]]
    assert any("China's AI industry is valued at more than 500 billion yuan" in h.replace("<br>", " ") for h in hovers)


def test_a_dollar_figure_is_labelled_as_the_source_prints_it():
    # S002 prints "($14.5 billion)": the label read "$14.50 bn", a precision the source does not give
    spec = chart_by_key(_deep_link("pages/2_Achievements.py", {}), "achievements_conversions")
    labels = [text for t in spec["data"] for text in t["text"]]
    assert "$14.5 bn" in labels and "$15.36 bn" in labels and "$14.50 bn" not in labels


@pytest.mark.parametrize("metric, label", [("vendor_ai_products", "> 20 products"),     # "more than twenty AI products" (S001)
                                           ("ai_companies", "≈ 4,000 companies")])       # "around 4,000 companies" (S004)
def test_a_figure_on_the_metric_chart_is_labelled_with_its_qualifier(metric, label):
    # a marker at 20 alone read as exactly 20
    (line,) = [t for t in chart(_deep_link("pages/2_Achievements.py", {"metric": metric}))["data"] if t.get("mode", "").startswith("lines")]
    assert list(line["text"]) == [label]


def test_a_small_count_is_drawn_on_whole_ticks():
    at = _deep_link("pages/2_Achievements.py", {"metric": "ai_clusters"})     # "four AI clusters" (S004)
    assert chart(at)["layout"]["yaxis"]["dtick"] == 1


def test_a_rank_reads_downwards_from_the_first_with_no_rank_zero():
    at = _deep_link("pages/2_Achievements.py", {"metric": "ai_industry_rank"})    # "ranked first in China" (S002)
    spec = chart(at)
    bottom, top = spec["layout"]["yaxis"]["range"]
    assert 0 < top < 1 < bottom                        # 1 near the top, nothing at 0
    (marks,) = [t for t in spec["data"] if t["name"] == "Year with events (hover)"]
    assert set(values(marks, "y")) == {bottom}          # the event marks stay on the x axis


def test_each_target_line_is_named_on_the_chart_not_only_by_its_colour():
    at = _deep_link("pages/2_Achievements.py", {"metric": "ai_industry_scale"})
    ends = {t["text"][-1] for t in chart(at)["data"] if t.get("name", "").startswith("Target:")}
    assert ends == {"China: target 2030", "Shanghai: target 2020"}      # both lines share the target colour


def test_a_card_with_no_figure_in_the_chosen_years_gives_the_latest_before_them():
    # 2019: the scale's latest figure is 2018's, which the progress chart below measures with
    at = open_page("app.py", {"year": "2019"})
    shown = {m.label: m.value for m in at.metric}
    assert shown["AI industry scale"] == "—"
    assert any(c.value == "No figure dated in the chosen years; the latest before them: about ¥70 bn · as of 2018 · "
                          "Press report · source S002" for c in at.caption)
    assert any("≈ 70%" in t for t in chart_by_key(at, "progress")["data"][0]["text"])


def test_shanghai_cards_say_why_they_are_empty_when_shanghai_is_filtered_out():
    at = open_page("app.py", {"jurisdiction": "china"})
    shown = {m.label: m.value for m in at.metric}
    assert shown["AI industry scale"] == "—" and shown["Conference editions in the sources"] == "0"
    assert sum(c.value == "Shanghai is not among the chosen jurisdictions." for c in at.caption) == 5   # every card



def test_a_page_choice_is_still_there_after_a_visit_to_another_page():
    at = open_page("pages/2_Achievements.py")
    next(s for s in at.selectbox if s.label == "Metric").set_value("ai_clusters").run()
    at.switch_page("pages/8_Sources_and_evidence.py")
    at.run()
    at.text_input[0].set_value("billion").run()
    assert "metric" not in at.query_params                         # another page's choice is not in its link
    at.switch_page("pages/2_Achievements.py")
    at.run()
    assert next(s for s in at.selectbox if s.label == "Metric").value == "ai_clusters"
    assert url_values(at, "metric") == ["ai_clusters"]
    at.switch_page("pages/8_Sources_and_evidence.py")
    at.run()
    assert at.text_input[0].value == "billion" and url_values(at, "q") == ["billion"]


@pytest.fixture
def back_button(monkeypatch):
    """What the browser's Back button does: the page runs again with an earlier address, and
    Streamlit's run context says it is a history navigation (AppTest cannot send that flag)."""
    from tracker import ui
    def back_to(at: AppTest, address: dict) -> AppTest:
        at.query_params.clear()
        at.query_params.update(address)
        monkeypatch.setattr(ui, "_back_or_forward", lambda: True)
        at.run()
        monkeypatch.setattr(ui, "_back_or_forward", lambda: False)
        return at
    return back_to


def test_the_back_button_reopens_the_view_its_address_holds(back_button):
    at = open_page("app.py")
    at.slider(key="w_years").set_value((2018, 2030)).run()
    at.slider(key="w_years").set_value((2019, 2030)).run()
    assert url_values(at, "from") == ["2019"]
    back_button(at, {"from": "2018"})
    assert at.slider(key="w_years").value == (2018, 2030) and url_values(at, "from") == ["2018"]
    assert not at.warning
    back_button(at, {})
    assert at.slider(key="w_years").value[0] < 2018 and "from" not in at.query_params

    at = open_page("pages/8_Sources_and_evidence.py")
    at.text_input[0].set_value("billion").run()
    assert url_values(at, "q") == ["billion"]
    back_button(at, {})
    assert at.text_input[0].value == "" and "q" not in at.query_params

    at = _deep_link("pages/2_Achievements.py", {"metric": "ai_industry_rank"})
    at.slider(key="w_years").set_value((2018, 2030)).run()
    assert url_values(at, "metric") == ["ai_industry_rank"]          # kept in the address beside the filters
    back_button(at, {"metric": "ai_industry_rank"})
    assert next(s for s in at.selectbox if s.label == "Metric").value == "ai_industry_rank"
    assert at.slider(key="w_years").value[0] < 2018


def test_a_filter_change_is_not_taken_for_the_back_button_however_stale_the_address():
    """Quick changes: a run may start before the browser has the address the last run wrote."""
    at = open_page("app.py")
    at.slider(key="w_years").set_value((2018, 2030)).run()
    at.query_params.clear()                              # the address the browser still had
    at.slider(key="w_years").set_value((2019, 2030)).run()
    assert at.slider(key="w_years").value == (2019, 2030) and url_values(at, "from") == ["2019"]


def test_a_sidebar_link_carries_the_pages_own_choice_as_it_was_left():
    at = open_page("pages/8_Sources_and_evidence.py")
    at.text_input[0].set_value("billion").run()
    at.switch_page("pages/2_Achievements.py")
    at.run()
    next(s for s in at.selectbox if s.label == "Metric").set_value("ai_clusters").run()
    links = {link.proto.label: link.proto.query_string for link in at.get("page_link")}
    assert links["Sources & evidence"] == "q=billion" and links["Achievements"] == "metric=ai_clusters"
    assert links["Overview"] == ""
