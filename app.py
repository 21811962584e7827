"""Overview: headline figures, progress of quantitative targets, and every dated event on one timeline."""
from functools import partial

import streamlit as st

from tracker import app_data, charts, present
from tracker.formatting import count_of, sources_of
from tracker.limits import OVERVIEW_PROGRESS_BARS, TIMELINE_EVENTS
from tracker.ui import capped_note, card_row, claim_badges, empty_state, rows_in_view, setup_page, show_chart, sidebar_filters, topic_colors

setup_page("Overview", ":material/home:")
filters = sidebar_filters()
params = filters.params

st.markdown(
    "What Shanghai — and China, where it frames Shanghai's plans — **said it would do** in artificial intelligence, "
    "what it **reports having done**, and **with whom**. Every figure cites a verbatim quote from its source "
    "(see *Sources & evidence*); converted amounts are labelled *derived*.")

st.subheader("Headline figures for Shanghai")
HEADLINE_LABELS = {"ai_industry_scale": "AI industry scale", "ai_talent_share": "Share of China's AI talent",
                   "ai_core_companies": "Firms with AI as core business"}  # short enough for a card
cards = present.headline_cards(app_data.query("overview__headlines", **params))
funds = app_data.query("overview__fund_capital", **params)
conferences = app_data.query("overview__conference_count", **params).iloc[0]
new_card = card_row()


def nothing(what: str) -> str:
    """Why a card is empty: Shanghai filtered out, or no such record in the chosen years and topics."""
    return ("Shanghai is not among the chosen jurisdictions." if "shanghai" not in filters.jurisdictions
            else f"No {what} inside the current filters.")


by_metric = {c["metric"]: c for c in cards}
for metric in ("ai_industry_scale", "ai_talent_share", "ai_core_companies"):
    with new_card():
        found = by_metric.get(metric)
        st.metric(HEADLINE_LABELS[metric], found["value"] if found else "—",
                  help=HEADLINE_LABELS[metric] + ", latest figure in view" + (f". The record: {found['statement']}" if found else ""))
        st.caption(found["caption"] if found else nothing("figure"))
with new_card():
    if len(funds):
        label, value, caption = present.fund_capital_card(funds)
        st.metric(label, value)
        st.caption(caption)
    else:
        st.metric("Fund capital", "—")
        st.caption(nothing("fund"))
with new_card():
    st.metric("Conference editions in the sources", f"{int(conferences.editions):,}")
    st.caption(f"{present.held_note(int(conferences.editions), int(conferences.held))} · {sources_of(conferences.source_ids)}"
               if conferences.editions else nothing("conference"))

st.subheader("Progress of quantitative targets")
goals = app_data.query("goals__targets", with_progress_only=True, limit=OVERVIEW_PROGRESS_BARS, **params)
progress = present.progress_frame(goals, params["year_to"])
capped_note(len(goals), rows_in_view(goals), "targets with a progress figure (earliest deadlines first)",
            "*Stated goals* lists them all")
if progress.empty:
    empty_state("quantitative targets with comparable figures", filters)
else:
    claim_badges(present.progress_claims(progress))
    show_chart(charts.target_progress(progress, topic_colors(), params["year_to"]), partial(present.progress_table, progress),
               key="overview_progress",
               source_note="targets and the figures measured against them, " + present.progress_note(progress, params["year_to"]),
               description=present.progress_description(progress))

st.subheader("Timeline of dated events")
counts = app_data.query("overview__timeline_counts", **params)
total = int(counts["events"].sum())
if total == 0:
    empty_state("dated events", filters)
elif total <= TIMELINE_EVENTS:
    events = present.timeline_frame(app_data.query("overview__timeline", limit=TIMELINE_EVENTS, **params))
    show_chart(charts.timeline(events, topic_colors(), f"{count_of(total, 'dated event', 'dated events')} in view: "
                                                 "plans, deadlines, conferences, meetings, launches"),
               partial(present.timeline_table, events), key="overview_timeline",
               source_note="conferences, partnerships, governance steps, funds, zones, plans and deadlines, each with its source (hover a marker).",
               description=present.timeline_description(events))
else:
    # Too many to draw one by one: counted per year and type in SQL. The events are in the dataset download.
    frame = present.timeline_counts_frame(counts)
    show_chart(charts.timeline_counts(frame, f"Dated events per year and type ({total:,} events: too many to draw one by one)"),
               partial(present.timeline_counts_table, frame), key="overview_timeline_counts",
               source_note="the timeline view (conferences, partnerships, governance steps, funds, zones, plans and deadlines), "
                           "counted per year and event type; every event with its source is in the dataset download.",
               description=present.timeline_counts_description(counts))
