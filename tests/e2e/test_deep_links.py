"""Links with filters in them, typed into a fresh browser as a colleague would open a shared link:
every page opens as itself with the shared sidebar and the link's filters applied; a malformed
link is answered with a notice starting "Ignored" and the page still works."""
from __future__ import annotations

import pytest

from . import streamlit_page as st_page
from tracker.filters import PAGE_KEYS

from .dashboard import (CURRENCY, CURRENCY_LABELS, JURISDICTIONS, NOTICE_PREFIX, TOPICS, YEARS, as_lists,
                        described, page_files, point_count, query_of, vocabulary_labels)
from .streamlit_server import ARTIFACTS, running_server
from .test_pages import assert_shared_sidebar, assert_shows_page


def filters_of(url: str) -> dict[str, list[str]]:
    """The filters in an address, without the page's own choices (filters.PAGE_KEYS)."""
    return {k: v for k, v in query_of(url).items() if k not in PAGE_KEYS}


def assert_widgets_show(page, link: dict) -> None:
    """The sidebar's widgets hold the link's values (and the defaults for what it leaves out)."""
    low, high = st_page.slider_bounds(page, YEARS)
    assert st_page.slider_values(page, YEARS) == [int(link.get("from", low)), int(link.get("to", high))]
    topics, places = vocabulary_labels("topics"), vocabulary_labels("jurisdictions")
    # all chosen shows as none chosen (the placeholder says "All ...")
    assert st_page.multiselect_values(page, TOPICS) == [label for key, label in topics.items()
                                                        if key in link.get("topic", ())]
    assert st_page.multiselect_values(page, JURISDICTIONS) == [label for key, label in places.items()
                                                               if key in link.get("jurisdiction", ())]
    assert st_page.radio_value(page, CURRENCY) == CURRENCY_LABELS[link.get("currency", "reported")]


@pytest.mark.parametrize("file", page_files())
def test_shared_link_opens_the_page_with_its_filters(new_context, file):
    expected = described(file)
    unfiltered = new_context().new_page()
    st_page.open_app(unfiltered, expected.url(), min_charts=expected.min_charts)
    charts_without_filters = {c["key"]: c for c in st_page.chart_data(unfiltered)}

    page = new_context().new_page()
    st_page.open_app(page, expected.url(expected.link), min_charts=min(expected.min_charts, 1))

    assert st_page.exceptions(page) == []
    assert st_page.warnings(page) == []
    assert_shows_page(page, expected)
    assert_shared_sidebar(page)
    assert_widgets_show(page, expected.link)
    # The app rewrites the address on every run; it must still be the link that was opened, plus
    # the page's own choice where it has one (the metric drawn), so that the address reopens it.
    assert filters_of(page.url) == as_lists(expected.link)
    assert ("metric" in query_of(page.url)) == file.endswith("2_Achievements.py")
    if expected.min_charts:
        charts = st_page.chart_data(page)
        assert charts, "the link's filters left no chart"
        changed = [c["key"] for c in charts if c["key"] not in charts_without_filters
                   or st_page.chart_fingerprint(c) != st_page.chart_fingerprint(charts_without_filters[c["key"]])]
        assert changed, "the link's filters changed none of the charts"
        for chart in charts:
            if chart["key"] in charts_without_filters:
                assert point_count(chart) <= point_count(charts_without_filters[chart["key"]]), \
                    f"chart {chart['key']} draws more with filters than without"


def test_one_year_link(page):
    overview = described("app.py")
    st_page.open_app(page, overview.url({"year": "2023"}), min_charts=1)
    assert st_page.exceptions(page) == [] and st_page.warnings(page) == []
    assert st_page.slider_values(page, YEARS) == [2023, 2023]
    assert query_of(page.url) == {"from": ["2023"], "to": ["2023"]}


@pytest.fixture
def fresh_server(tmp_path):
    """A server nobody has visited yet, as when a shared link wakes a sleeping deployment."""
    with running_server(tmp_path / "tracker.duckdb", ARTIFACTS / "logs" / "streamlit-first-visit.log") as server:
        yield server


def test_link_as_the_first_visit_after_the_server_starts(browser, browser_context_args, fresh_server):
    expected = described("pages/2_Achievements.py")
    context = browser.new_context(**{**browser_context_args, "base_url": fresh_server.url})
    try:
        page = context.new_page()
        st_page.open_app(page, expected.url(expected.link), min_charts=1)
        assert st_page.exceptions(page) == []
        assert_shows_page(page, expected)
        assert_shared_sidebar(page)
        assert_widgets_show(page, expected.link)
        assert filters_of(page.url) == as_lists(expected.link)
    finally:
        context.close()


MALFORMED = {
    "year-not-a-number": ("pages/1_Stated_goals.py", {"year": "abc"}),
    "sql-in-a-topic": ("pages/1_Stated_goals.py", {"topic": "';DROP TABLE targets;--"}),
    "range-runs-backwards": ("app.py", {"from": "2025", "to": "2019"}),
    "range-beyond-the-data": ("pages/6_Conferences.py", {"from": "1000", "to": "9999"}),
    "unknown-parameter": ("pages/4_Clusters.py", {"colour": "red"}),
    "unknown-currency": ("pages/5_Funds.py", {"currency": "EUR"}),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_link_shows_the_notice_and_the_page_still_works(page, case):
    file, params = MALFORMED[case]
    expected = described(file)
    st_page.open_app(page, expected.url(params), min_charts=expected.min_charts)

    notices = st_page.warnings(page)
    assert notices and all(n.startswith(NOTICE_PREFIX) for n in notices), notices
    assert st_page.exceptions(page) == []
    assert_shows_page(page, expected)
    # What was dropped falls back to the default view, and is gone from the address.
    assert_widgets_show(page, {})
    assert not set(params) & set(query_of(page.url)), page.url
    assert st_page.drawn_charts(page).count() >= expected.min_charts
