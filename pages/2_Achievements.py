"""Achievements: each metric over time with targets and events marked, disagreements shown."""
from functools import partial

import streamlit as st

from tracker import app_data, charts, present
from tracker.formatting import count_of, fmt_money
from tracker.limits import CONVERSION_RECORDS, DESCRIBED, SERIES_LINES, TABLE_ROWS, TARGET_LINES
from tracker.ui import (LIST_LABEL, capped_note, claim_badges, data_table, download_csv, drop_link, empty_state, linked_choice,
                        one_currency_note, opened, rows_in_view, setup_page, show_chart, sidebar_filters, topic_colors)

setup_page("Achievements", ":material/trending_up:")
filters = sidebar_filters()
params = filters.params

st.markdown("What the sources report as done: industry scale, companies, talent, rankings, “firsts” and breakthroughs. "
            "Hollow markers are figures converted by this project (derived); dashed lines are targets running to their deadline; "
            "grey triangles on the time axis and dotted lines mark years with plans, conferences, partnerships or meetings "
            "(hover a triangle for them).")
metrics = app_data.query("achievements__metrics", **params)
if metrics.empty:
    drop_link("metric", "no metric has figures in this view.")
    empty_state("achievements with figures", filters)
else:
    labels = dict(zip(metrics["metric"], metrics["label"]))
    options = {m: f"{label} ({count_of(n, 'figure', 'figures')})" for m, label, n in zip(metrics["metric"], metrics["label"], metrics["figures"])}
    metric = linked_choice("Metric", list(options), options.get, key="metric")
    points = present.series_frame(app_data.query("achievements__series", metric=metric, series=SERIES_LINES, **params))
    shown_places = sorted(points["jurisdiction"].unique())
    capped = rows_in_view(points, "series_in_view") > len(shown_places)
    # when only some jurisdictions are drawn, only their targets are
    targets = present.target_lines_frame(app_data.query("achievements__target_lines", metric=metric, limit=TARGET_LINES,
                                                        **{**params, **({"jurisdictions": shown_places} if capped else {})}))
    events = present.event_marks_frame(app_data.query("achievements__event_marks", **params))
    y_title, y_scale, y_axis = present.series_axis(points)
    claim_badges(points["claim_type"])
    capped_note(len(shown_places), rows_in_view(points, "series_in_view"), "jurisdictions (those with the most figures)",
                "the table of all achievements below lists the others")
    if filters.currency == "reported" and points["unit"].isin(["CNY", "USD"]).any():
        one_currency_note("hollow marker")
    fig = charts.metric_series(points, targets, events, topic_colors(), f"{labels[metric]} by year, as reported by the sources", y_title,
                               y_scale=y_scale, yaxis=y_axis)
    show_chart(fig, partial(present.series_table, points), key=f"achievements_{metric}",
               source_note=f"{present.source_list(points)}. Event marks from the timeline." + present.target_lines_note(targets),
               description=f"{labels[metric]}: " + "; ".join(
                   f"{r.series_label} {r.year}: {present.fmt_value(r.value, r.unit, r.unit_kind, r.comparator)}"
                   + (" (derived)" if r.derived else "") for r in points.head(DESCRIBED).itertuples())
               + present.more_note(len(points), DESCRIBED, "figures")
               + ("; targets: " + "; ".join(targets["label"]) if len(targets) else ""))

st.subheader("Where sources disagree")
conversions = present.conversions_frame(app_data.query("achievements__conversions", limit=CONVERSION_RECORDS, **params))
if conversions.empty:
    st.info("No amount in view is converted differently by different sources.", icon=":material/search_off:")
else:
    capped_note(conversions["record_id"].nunique(), rows_in_view(conversions, "records_in_view"), "amounts", "the dataset download has them all")
    st.markdown(present.conversions_intro(conversions))
    show_chart(charts.reported_conversions(conversions, "Dollar figures for yuan amounts: each source's, and this project's (derived)"),
               partial(present.conversions_table, conversions),
               key="achievements_conversions",
               source_note="reported_conversions (each source's own dollar figure) and money_values (derived).",
               description="; ".join(f"{r.statement.rstrip('.')}: {fmt_money(r.value, 'USD')} ({r.kind}{' by ' + r.source_id if isinstance(r.source_id, str) else ''})"
                                               for r in conversions.head(DESCRIBED).itertuples())
               + present.more_note(len(conversions), DESCRIBED, "figures"))

st.subheader("All achievements, including firsts and breakthroughs")
if table := opened(LIST_LABEL, key="table_achievements"):
    with table:     # queried only when open: at a million records this list is a third of the page's queries
        achievements = app_data.query("achievements__all", limit=TABLE_ROWS, **params)
        if achievements.empty:
            empty_state("achievements", filters)
        else:
            capped_note(len(achievements), rows_in_view(achievements), "achievements")
            data_table(present.achievements_table(achievements), long_text=True, column_config={
                "Statement": st.column_config.TextColumn(width="large"), "As of": st.column_config.NumberColumn(format="%d")})
            download_csv("Download achievements (CSV)", lambda: present.achievements_table(
                app_data.full_query("achievements__all", **params)), "achievements.csv")
