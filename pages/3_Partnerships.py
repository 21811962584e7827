"""Partnerships: who works with whom, when, on what — a network, Microsoft's history, the table."""
from functools import partial

import streamlit as st

from tracker import app_data, charts, present
from tracker.formatting import count_of
from tracker.limits import CHART_ROWS, DESCRIBED, NETWORK_EDGES, NETWORK_PARTIES, TABLE_ROWS
from tracker.ui import (LIST_LABEL, capped_note, claim_badges, data_table, download_csv, empty_state, opened, rows_in_view, setup_page, show_chart,
                        sidebar_filters, topic_colors)

setup_page("Partnerships", ":material/handshake:")
filters = sidebar_filters()
params = filters.params

st.markdown("Meetings, joint centres, proposed collaborations and engagements the sources name, with the people involved.")
partnerships = app_data.query("partnerships__list", limit=TABLE_ROWS, **params)
edges = app_data.query("partnerships__network_edges", parties=NETWORK_PARTIES, limit=NETWORK_EDGES, **params)
if partnerships.empty and edges.empty:
    empty_state("partnerships", filters)
    st.stop()

claim_badges(partnerships["claim_type"])
if not edges.empty:
    names = sorted(set(edges["source"]) | set(edges["target"]))
    nodes, edges = present.network_frames(edges, app_data.query("partnerships__actor_types", names=names))
    st.subheader("Network of organisations and people")
    if rows_in_view(edges, "parties_in_view") > len(nodes) or rows_in_view(edges, "edges_in_view") > len(edges):
        st.caption(f"Drawn: the {len(nodes):,} most connected of {rows_in_view(edges, 'parties_in_view'):,} parties and "
                   f"{len(edges):,} of {rows_in_view(edges, 'edges_in_view'):,} relations (the latest among them); "
                   "the dataset download has them all.")
    show_chart(charts.network(nodes, edges, "Who works with whom: organisations, people and the relations the sources report"),
               partial(present.network_table, edges),
               key="partnerships_network",
               source_note="partnerships, the people they name (with their roles from the actors list) and fund backers; hover an edge's midpoint for the record.",
               description=f"{count_of(len(nodes), 'party', 'parties')} and {count_of(len(edges), 'relation', 'relations')}. Most connected: "
                           + ", ".join(f"{r.name} ({r.degree})" for r in nodes.sort_values('degree', ascending=False).head(3).itertuples()) + ".")

st.subheader("Microsoft in China and in Shanghai")
history = app_data.query("partnerships__microsoft", limit=CHART_ROWS, **params)
if history.empty:
    st.info("No Microsoft record inside the current filters.", icon=":material/search_off:")
else:
    frame = present.history_frame(history)
    show_chart(charts.timeline(frame, topic_colors(), "Microsoft's reported history in China and in Shanghai"),
               partial(present.timeline_table, frame, row_title="Chart row"), key="partnerships_microsoft",
               source_note=f"{present.source_list(frame)}.",
               description="; ".join(f"{r.when}: {r.title.rstrip('.')}" for r in frame.head(DESCRIBED).itertuples())
               + present.more_note(len(frame), DESCRIBED, "facts"))

st.subheader("All partnerships and engagements")
if partnerships.empty:
    empty_state("partnerships", filters)
else:
    capped_note(len(partnerships), rows_in_view(partnerships), "partnerships and engagements")
    if table := opened(LIST_LABEL, key="table_partnerships"):
        data_table(present.partnerships_table(partnerships), table, long_text=True,
                   column_config={"What": st.column_config.TextColumn(width="large")})
    download_csv("Download partnerships (CSV)", lambda: present.partnerships_table(
        app_data.full_query("partnerships__list", **params)), "partnerships.csv")
