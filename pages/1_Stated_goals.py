"""Stated goals: every target, quantitative and qualitative, with deadline, status and progress."""
from functools import partial

import streamlit as st

from tracker import app_data, charts, present
from tracker.formatting import count_of
from tracker.limits import PROGRESS_BARS, TABLE_ROWS
from tracker.ui import (LIST_LABEL, capped_note, claim_badges, data_table, download_csv, empty_state, opened, rows_in_view, setup_page, show_chart,
                        sidebar_filters, topic_colors)

setup_page("Stated goals", ":material/flag:")
filters = sidebar_filters()

st.markdown("Every goal the sources state — Shanghai's and the national ones that frame them. A goal is shown while it "
            "is open during the chosen years: from its announcement (or the year it was first reported, where the sources "
            "do not date it) to its deadline. Progress compares the latest figure of the same metric and jurisdiction with "
            "the target; see *Method & limitations* for the status rule.")
counts = app_data.query("goals__counts", **filters.params).iloc[0]
if not counts.goals:
    empty_state("stated goals", filters)
    st.stop()

c1, c2, c3 = st.columns(3)
c1.metric("Goals in view", f"{int(counts.goals):,}")
c2.metric("Quantitative", f"{int(counts.quantitative):,}")
c3.metric("Qualitative", f"{int(counts.goals - counts.quantitative):,}")
claim_badges(counts.claim_types)

st.subheader("Progress against quantitative targets")
with_progress = app_data.query("goals__targets", with_progress_only=True, limit=PROGRESS_BARS, **filters.params)
progress = present.progress_frame(with_progress, filters.params["year_to"])
if progress.empty:
    st.info("No quantitative target in view has a comparable figure yet.", icon=":material/search_off:")
else:
    claim_badges(present.progress_claims(progress))
    capped_note(len(progress), rows_in_view(with_progress), "targets with a progress figure (earliest deadlines first)",
                "the table below lists the others")
    show_chart(charts.target_progress(progress, topic_colors(), filters.params["year_to"]), partial(present.progress_table, progress),
               key="goals_progress",
               source_note=present.progress_note(progress, filters.params["year_to"]),
               description=present.progress_description(progress))
    if unmeasured := int(counts.quantitative) - rows_in_view(with_progress):    # the count above includes them
        st.caption(f"{count_of(unmeasured, 'quantitative target in view has', 'quantitative targets in view have')} no "
                   f"comparable figure dated up to {filters.params['year_to']}, so no bar; the list below gives "
                   f"{'its' if unmeasured == 1 else 'their'} status.")
    for r in progress[progress["progress_is_derived"]].head(5).itertuples():
        # the basis reads "derived: 42.73 bn USD × 6.45 CNY per USD (2021 annual average)"
        st.caption(f":material/warning: *{present.shorten(r.statement, 70)}* — the latest figure is "
                   f"{r.progress_basis.replace('derived', '**derived**', 1)}.")

st.subheader("All goals")
if table := opened(LIST_LABEL, key="table_goals"):
    with table:     # queried only when open: the list is the page's costliest query at scale
        goals = app_data.query("goals__targets", with_progress_only=False, limit=TABLE_ROWS, **filters.params)
        capped_note(len(goals), rows_in_view(goals), "goals")
        data_table(present.goals_table(goals), long_text=True, column_config={
            "Progress (derived)": st.column_config.TextColumn(
                help="Latest comparable figure ÷ target, computed by this project; \">\" when the figure is a lower bound"),
            "Progress (%, number)": st.column_config.NumberColumn(format="%.1f", help="The same, as a number to sort by"),
            # medium widths, so that status and progress fit beside the goal at 1366 px (their text wraps)
            "Deadline": st.column_config.NumberColumn(format="%d"), "Goal": st.column_config.TextColumn(width="medium"),
            "Status": st.column_config.TextColumn(width="medium"),
        })
download_csv("Download goals (CSV)", lambda: present.goals_table(
    app_data.full_query("goals__targets", with_progress_only=False, **filters.params)), "goals.csv")
