"""The floor page: a bare Streamlit page with one static Plotly SVG chart and one widget.

The benchmark loads it in the same browser, beside the dashboard's pages, to measure what
Streamlit and Plotly cost by themselves on this machine; a page's times are budgeted as a ratio
to this page's. The chart is the dashboard's kind (an SVG bar chart of counts per year) and is
redrawn when the "Years" slider moves, as a dashboard chart is after a filter change.

Served as a two-page app (bench/floor/floor_app.py, and the same page at /Floor_page from
bench/floor/pages/), so that each dashboard page is compared with the floor reached by the same kind
of URL: the Overview with the floor at the root, every other page with the floor at a page path.
Opened at a page path, Streamlit's frontend first looks for its server under that path
(`/<page>/_stcore/health`, a 404) and tries the root 0.1 s later; any page of a multipage app pays this,
so it belongs to the floor, not to the dashboard.
"""
import plotly.graph_objects as go
import streamlit as st


def draw() -> None:
    st.set_page_config(page_title="Benchmark floor", layout="wide")
    first, last = st.sidebar.slider("Years", 2010, 2030, (2010, 2030))
    years = list(range(first, last + 1))
    counts = [(year * 37) % 23 + 5 for year in years]   # fixed numbers: the page does no work of its own
    fig = go.Figure(go.Bar(x=years, y=counts, name="records"))
    fig.update_layout(title="Records per year (floor page)", xaxis_title="Year", yaxis_title="Records",
                      height=380, margin=dict(l=40, r=20, t=50, b=40))
    st.title("Benchmark floor")
    st.plotly_chart(fig, width="stretch", key="floor_chart")
