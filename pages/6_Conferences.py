"""Conferences: a timeline of events and editions with dates and places."""
import streamlit as st

from tracker import app_data, charts, present
from tracker.ui import claim_badges, empty_state, setup_page, show_chart, sidebar_filters, topic_colors

setup_page("Conferences", ":material/event:")
filters = sidebar_filters()

st.markdown("Conferences and shows the sources name — the World Artificial Intelligence Conference and the rest — with "
            "dates at the precision the sources give. Events previewed before they happened are marked *announced ahead*.")
conferences = app_data.query("conferences__list", **filters.params)
if conferences.empty:
    empty_state("conferences", filters)
    st.stop()

claim_badges(conferences["claim_type"])
frame = present.conferences_frame(conferences)
show_chart(charts.event_ranges(frame, topic_colors(), "Conferences and editions over time, with their dates where stated"),
           present.conferences_table(frame), key="conferences_timeline",
           source_note=f"sources {present.source_list(frame)}.",
           description="; ".join(f"{r.label}: {r.when}, {r.location or 'place not stated'}" for r in frame.itertuples()) + ".")

st.subheader("Events")
st.dataframe(present.conferences_table(frame), hide_index=True, width="stretch")
