"""Funds: size as reported and in one chosen currency (derived), backers and focus."""
from functools import partial

import streamlit as st

from tracker import app_data, charts, present
from tracker.limits import CHART_ROWS, DESCRIBED, TABLE_ROWS
from tracker.ui import (LIST_LABEL, capped_note, claim_badges, data_table, download_csv, empty_state, one_currency_note, opened, rows_in_view,
                        setup_page, show_chart, sidebar_filters, topic_colors)

setup_page("Funds", ":material/savings:")
filters = sidebar_filters()

st.markdown("Investment funds the sources report, by the stage of the money (planned, announced, initial capitalization, "
            "committed, deployed — never added across stages). Choose the currency in the sidebar: converted sizes are derived.")
funds = app_data.query("funds__list", limit=TABLE_ROWS, **filters.params)
if funds.empty:
    empty_state("funds", filters)
    st.stop()

claim_badges(funds["claim_type"])
charted = funds.head(CHART_ROWS)
# yuan and dollar bars on one axis would draw ¥100 bn as long as $100 bn: one currency, as on Achievements
in_cny = filters.currency == "reported" and charted["unit"].nunique() > 1
frame = present.funds_frame(charted, in_cny=in_cny)
if in_cny:
    one_currency_note("hatched bar")
unit = frame["unit"].iloc[0] if len(frame) else "CNY"
if len(frame):
    capped_note(len(frame), rows_in_view(funds), "funds (earliest first)", "the table below lists more")
    show_chart(charts.amounts_bar(frame, topic_colors(), f"Fund sizes in {unit} (billions)", f"Billions of {unit}"),
               partial(present.funds_table, charted), key="funds_sizes",
               source_note=f"{present.source_list(frame)}. Hatched bars are derived conversions.",
               description="; ".join(f"{r.name}: {r.text}" for r in frame.head(DESCRIBED).itertuples())
               + present.more_note(len(frame), DESCRIBED, "funds") + ".")

st.subheader("Funds")
capped_note(len(funds), rows_in_view(funds), "funds")
if table := opened(LIST_LABEL, key="table_funds"):
    data_table(present.funds_table(funds), table)
download_csv("Download funds (CSV)", lambda: present.funds_table(app_data.full_query("funds__list", **filters.params)),
             "funds.csv")
st.caption("Sources also mention AI-focused industrial funds and plans to set up investment funds for AI projects without "
           "sizes; those are listed as goals on *Stated goals*.")
