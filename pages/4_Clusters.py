"""Clusters: a map of the AI clusters and zones with their focus (markers drawn without tiles)."""
from functools import partial

import streamlit as st

from tracker import app_data, charts, present
from tracker.formatting import count_of
from tracker.limits import DESCRIBED, TABLE_ROWS
from tracker.ui import (capped_note, claim_badges, download_csv, empty_state, rows_in_view, setup_page, show_chart, sidebar_filters,
                        topic_colors)

setup_page("Clusters", ":material/map:")
filters = sidebar_filters()

st.markdown("Industrial clusters, parks and pilot zones the sources name. **Positions are approximate**: the articles give "
            "no coordinates, so each marker sits at the public map position of the area. The map is drawn without "
            "base tiles so it works offline; hover a marker for its focus and source.")
clusters = app_data.query("clusters__list", limit=TABLE_ROWS, **filters.params)
if clusters.empty:
    empty_state("clusters or zones", filters)
    st.stop()

claim_badges(clusters["claim_type"])
capped_note(len(clusters), rows_in_view(clusters), "clusters and zones (earliest established first)")
frame = present.clusters_frame(clusters)
show_chart(charts.cluster_map(frame, topic_colors().get("clusters", "#56B4E9")), partial(present.clusters_table, frame), key="clusters_map",
           source_note=f"{present.source_list(frame)}. Coordinates approximate, added by this project.",
           description=f"{count_of(len(frame), 'cluster or zone', 'clusters and zones')}: " + "; ".join(
               f"{r.name}{' (' + r.district + ')' if isinstance(r.district, str) else ''}" for r in frame.head(DESCRIBED).itertuples())
           + present.more_note(len(frame), DESCRIBED, "") + ".")

# The map's "Show as table" is the list of what it draws; this download has every one in view.
download_csv("Download every cluster and zone in view (CSV)", lambda: present.clusters_table(present.clusters_frame(
    app_data.full_query("clusters__list", **filters.params))), "clusters.csv")
