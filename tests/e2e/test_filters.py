"""The sidebar's Years slider changes what the charts show, the address bar follows it, and the
copied address reopens the same view in another browser."""
from __future__ import annotations

from . import streamlit_page as st_page
from .dashboard import YEARS, described, point_count, query_of

TIMELINE = "overview_timeline"


def event_years(chart: dict) -> list[int]:
    """The year of every marker on a date axis (Plotly holds dates as 'YYYY-MM-DD...' strings)."""
    return [int(str(x)[:4]) for trace in chart["traces"] for x in trace["x"]]


def test_years_slider_changes_the_timeline(page, new_context):
    overview = described("app.py")
    st_page.open_app(page, overview.url(), min_charts=overview.min_charts)
    low, high = st_page.slider_bounds(page, YEARS)
    assert st_page.slider_values(page, YEARS) == [low, high]
    index, before = st_page.find_chart(page, key=TIMELINE)
    years_before = event_years(before)
    # Start the range at the second year that has events, so the first year's events must go.
    start = sorted(set(years_before))[1]

    for year in range(low + 1, start + 1):  # one key press per year, as a keyboard user would move it
        st_page.rerun_after(page, lambda: st_page.press_on_slider_thumb(page, YEARS, 0, "ArrowRight"),
                            query={"from": str(year)})
    assert st_page.slider_values(page, YEARS) == [start, high]

    after = st_page.wait_for_chart_change(page, index, before)
    years_after = event_years(after)
    assert min(years_after) >= start, f"events before {start} still drawn: {sorted(years_after)}"
    assert point_count(after) == sum(1 for y in years_before if y >= start)
    assert st_page.exceptions(page) == []
    # The address bar now holds the view, so that it can be shared.
    assert query_of(page.url).get("from") == [str(start)]

    # A colleague opens the copied address in a browser of their own: same filters, same chart.
    colleague = new_context().new_page()
    st_page.open_app(colleague, page.url, min_charts=overview.min_charts)
    assert st_page.slider_values(colleague, YEARS) == [start, high]
    _, shared = st_page.find_chart(colleague, key=TIMELINE)
    assert st_page.chart_fingerprint(shared) == st_page.chart_fingerprint(after)
