"""Each chart's "Download chart data (CSV)" returns the rows the chart draws, and its "Show as table"
shows them, sent only once opened."""
from __future__ import annotations

import re
from collections import Counter

from playwright.sync_api import expect

from tracker.charts import MAP_NAME_CHARS
from tracker.formatting import shorten

from . import streamlit_page as st_page
from .dashboard import DOWNLOAD_CHART_CSV, described, point_count


def test_timeline_csv_holds_the_events_the_chart_draws(page):
    overview = described("app.py")
    # With a shared link's filters, so the file must follow the filters too.
    st_page.open_app(page, overview.url(overview.link), min_charts=overview.min_charts)
    index, chart = st_page.find_chart(page, key="overview_timeline")

    rows = st_page.download_csv(page, st_page.download_button_for_chart(page, index, DOWNLOAD_CHART_CSV))

    assert len(rows) == point_count(chart)
    # One trace per topic: the file has as many rows of each topic as the chart has markers.
    assert Counter(r["Topic"] for r in rows) == Counter({t["name"]: len(t["x"]) for t in chart["traces"]})
    # And the same years (the file writes dates at their known precision: '2019', 'May 2019', ...).
    file_years = sorted(int(re.search(r"\d{4}", r["Date"]).group()) for r in rows)
    chart_years = sorted(int(str(x)[:4]) for t in chart["traces"] for x in t["x"])
    assert file_years == chart_years


def test_cluster_map_csv_holds_the_clusters_the_map_draws(page):
    clusters = described("pages/4_Clusters.py")
    st_page.open_app(page, clusters.url(), min_charts=clusters.min_charts)
    index, chart = st_page.find_chart(page, trace_name="clusters")
    (trace,) = [t for t in chart["traces"] if t["name"] == "clusters"]

    rows = st_page.download_csv(page, st_page.download_button_for_chart(page, index, DOWNLOAD_CHART_CSV))

    drawn = sorted((name, round(lon, 6), round(lat, 6)) for name, lon, lat in zip(trace["text"], trace["x"], trace["y"]))
    listed = sorted((shorten(r["Name"], MAP_NAME_CHARS), round(float(r["Longitude (approx.)"]), 6),
                     round(float(r["Latitude (approx.)"]), 6)) for r in rows)     # the map writes long names short
    assert listed == drawn


def test_the_table_behind_a_chart_is_sent_only_when_opened(page):
    overview = described("app.py")
    st_page.open_app(page, overview.url(), min_charts=overview.min_charts)
    index, chart = st_page.find_chart(page, key="overview_timeline")
    expander = st_page.table_expander_for_chart(page, index)
    expect(st_page.tables(expander)).to_have_count(0)        # closed: no table drawn, none sent

    st_page.rerun_after(page, lambda: expander.get_by_text("Show as table").click(), min_charts=overview.min_charts)

    expect(st_page.tables(expander)).to_have_count(1)
    # one row per event the chart draws, plus the header row
    assert st_page.table_rows(st_page.tables(expander).first) == point_count(chart) + 1
