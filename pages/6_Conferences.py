"""Conferences: a timeline of events and editions with dates and places."""
from functools import partial

import streamlit as st

from tracker import app_data, charts, present
from tracker.limits import CHART_ROWS, DESCRIBED, TABLE_ROWS
from tracker.ui import (LIST_LABEL, capped_note, claim_badges, data_table, download_csv, empty_state, opened, rows_in_view, setup_page, show_chart,
                        sidebar_filters, topic_colors)

setup_page("Conferences", ":material/event:")
filters = sidebar_filters()

st.markdown("The conferences, summits and shows named by the sources — the World Artificial Intelligence Conference and the rest — with "
            "dates at the precision the sources give. Events previewed before they happened are marked *announced ahead*.")
conferences = app_data.query("conferences__list", limit=TABLE_ROWS, **filters.params)
if conferences.empty:
    empty_state("conferences", filters)
    st.stop()

claim_badges(conferences["claim_type"])
frame = present.conferences_frame(conferences)
chart = frame.head(CHART_ROWS)
capped_note(len(chart), rows_in_view(conferences), "events (earliest first)", "the table below lists more")
show_chart(charts.event_ranges(chart, topic_colors(), "Conferences and editions over time, with their dates where stated"),
           partial(present.conferences_table, chart), key="conferences_timeline",
           source_note=f"{present.source_list(chart)}.",
           description="; ".join(f"{r.label}: {r.when}, {r.location or 'place not stated'}" for r in chart.head(DESCRIBED).itertuples())
           + present.more_note(len(chart), DESCRIBED, "events") + ".")

st.subheader("All conferences and editions")
capped_note(len(frame), rows_in_view(conferences), "events")
if table := opened(LIST_LABEL, key="table_events"):
    data_table(present.conferences_table(frame), table)
download_csv("Download conferences (CSV)", lambda: present.conferences_table(present.conferences_frame(
    app_data.full_query("conferences__list", **filters.params))), "conferences.csv")
