"""Funds: size as reported and in one chosen currency (derived), backers and focus."""
import streamlit as st

from tracker import app_data, charts, present
from tracker.ui import claim_badges, empty_state, setup_page, show_chart, sidebar_filters, topic_colors

setup_page("Funds", ":material/savings:")
filters = sidebar_filters()

st.markdown("Investment funds the sources report, by the stage of the money (planned, announced, initial capitalisation, "
            "committed, deployed — never added across stages). Choose the currency in the sidebar: converted sizes are derived.")
funds = app_data.query("funds__list", **filters.params)
if funds.empty:
    empty_state("funds", filters)
    st.stop()

claim_badges(funds["claim_type"])
frame = present.funds_frame(funds)
unit = frame["unit"].iloc[0] if len(frame) else "CNY"
if len(frame):
    currency_axis = frame["unit"].nunique() == 1
    show_chart(charts.amounts_bar(frame, topic_colors(), "Fund sizes" + (f" in {unit} (billions)" if currency_axis else " as reported"),
                                  f"Billions of {unit}" if currency_axis else "Billions (as reported; mixed currencies)"),
               present.funds_table(funds), key="funds_sizes",
               source_note=f"sources {present.source_list(frame)}. Hatched bars are derived conversions.",
               description="; ".join(f"{r.name}: {r.text}" for r in frame.itertuples()) + ".")

st.subheader("Funds")
st.dataframe(present.funds_table(funds), hide_index=True, width="stretch")
st.caption("Sources also mention AI-focused industrial funds and plans to set up investment funds for AI projects without "
           "sizes; those are listed as goals on *Stated goals*.")
