"""The sidebar's Years slider changes what the charts show, the address bar follows it, and the
copied address reopens the same view in another browser."""
from __future__ import annotations

import re

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


def test_back_and_forward_buttons_step_through_the_views(page):
    """Each filter change is a step in the browser's history: Back reopens the view before it (its
    address, slider and chart), Forward the one after, as on any site whose address holds the view."""
    overview = described("app.py")
    st_page.open_app(page, overview.url(), min_charts=overview.min_charts)
    low, high = st_page.slider_bounds(page, YEARS)
    index, everything = st_page.find_chart(page, key=TIMELINE)
    first = min(event_years(everything))       # moving the start past this year drops events
    views = {low: everything}
    for year in range(low + 1, first + 2):
        st_page.rerun_after(page, lambda: st_page.press_on_slider_thumb(page, YEARS, 0, "ArrowRight"),
                            query={"from": str(year)})
        views[year] = (st_page.wait_for_chart_change(page, index, everything) if year == first + 1
                       else st_page.find_chart(page, key=TIMELINE)[1])
    assert point_count(views[first + 1]) < point_count(views[first]) == point_count(everything)

    page.go_back()
    back = st_page.wait_for_chart_change(page, index, views[first + 1])
    st_page.wait_until_settled(page)
    assert st_page.chart_fingerprint(back) == st_page.chart_fingerprint(views[first])
    assert st_page.slider_values(page, YEARS) == [first, high]
    assert query_of(page.url).get("from", []) == ([] if first == low else [str(first)])   # the default is left out

    page.go_forward()
    forward = st_page.wait_for_chart_change(page, index, back)
    st_page.wait_until_settled(page)
    assert st_page.chart_fingerprint(forward) == st_page.chart_fingerprint(views[first + 1])
    assert st_page.slider_values(page, YEARS) == [first + 1, high]
    assert query_of(page.url).get("from") == [str(first + 1)]
    assert st_page.exceptions(page) == [] and st_page.warnings(page) == []


def quotes_shown(page) -> int:
    (count,) = [int(c.split()[0]) for c in st_page.captions(page) if re.match(r"\d+ quotes?\b", c)]
    return count


def test_back_after_a_search_shows_the_quotes_before_it_and_an_empty_box(page):
    sources = described("pages/8_Sources_and_evidence.py")
    st_page.open_app(page, sources.url())
    everything = quotes_shown(page)
    box = st_page.text_box(page, "Search the quotes")
    st_page.rerun_after(page, lambda: (box.fill("billion"), box.press("Enter")), query={"q": "billion"})
    found = quotes_shown(page)
    assert 0 < found < everything

    page.go_back()
    page.wait_for_function("([selector, n]) => [...document.querySelectorAll(selector)]"
                           ".some(c => c.innerText.trim().startsWith(n + ' quote'))", arg=[st_page.CAPTION, everything])
    st_page.wait_until_settled(page)
    assert quotes_shown(page) == everything
    assert box.input_value() == ""                   # the box says what the list shows
    assert "q" not in query_of(page.url)


def test_back_after_a_filter_change_keeps_the_pages_own_choice(page):
    achievements = described("pages/2_Achievements.py")
    st_page.open_app(page, achievements.url({"metric": "ai_industry_rank"}), min_charts=1)
    index, rank = st_page.find_chart(page, trace_name="Shanghai")
    low, high = st_page.slider_bounds(page, YEARS)
    st_page.rerun_after(page, lambda: st_page.press_on_slider_thumb(page, YEARS, 1, "ArrowLeft"),
                        query={"to": str(high - 1)})
    assert query_of(page.url).get("metric") == ["ai_industry_rank"]
    page.go_back()
    page.wait_for_function("() => !new URLSearchParams(location.search).has('to')")
    st_page.wait_until_settled(page)
    page.wait_for_timeout(1000)
    assert query_of(page.url) == {"metric": ["ai_industry_rank"]}
    assert st_page.slider_values(page, YEARS) == [low, high]
    assert "rank" in st_page.chart_data(page)[index]["title"].lower()
