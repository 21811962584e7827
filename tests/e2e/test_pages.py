"""Every page opens in a real browser with its charts drawn, the shared sidebar and no exception;
a full-page screenshot of each is saved to artifacts/screenshots/ for a person to look at."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from . import streamlit_page as st_page
from .dashboard import CURRENCY, JURISDICTIONS, TOPICS, YEARS, as_lists, described, page_files, query_of


def assert_shared_sidebar(page) -> None:
    """The filters every page shares are there (sidebar_filters() ran, not just the page file)."""
    for widget in (st_page.slider(page, YEARS), st_page.multiselect(page, TOPICS),
                   st_page.multiselect(page, JURISDICTIONS), st_page.radio(page, CURRENCY)):
        expect(widget).to_be_visible()


def assert_shows_page(page, expected) -> None:
    assert page.title().startswith(f"{expected.title} · "), f"browser tab says {page.title()!r}"
    headings = st_page.headings(page)
    assert any(h.endswith(expected.title) for h in headings), f"no heading {expected.title!r} among {headings}"


@pytest.mark.parametrize("file", page_files())
def test_page_loads_with_charts_drawn(page, file, screenshot_dir):
    expected = described(file)
    st_page.open_app(page, expected.url(), min_charts=expected.min_charts)

    assert st_page.exceptions(page) == []
    assert_shows_page(page, expected)
    assert_shared_sidebar(page)
    charts = st_page.charts(page)
    assert charts.count() >= expected.min_charts
    # Plotly drew every chart: its SVG is there and it holds data points.
    assert st_page.drawn_charts(page).count() == charts.count()
    for chart in st_page.chart_data(page):
        assert chart["traces"] and any(t.get("x") or t.get("values") for t in chart["traces"]), \
            f"chart {chart['key']} draws no data"
    if expected.text:
        expect(page.get_by_text(expected.text).first).to_be_visible()

    st_page.full_page_screenshot(page, screenshot_dir / f"{expected.slug}.png")


def test_sidebar_links_every_page_and_carries_the_filters(page):
    """Following the sidebar's links keeps the filters, since they live in the URL."""
    overview = described("app.py")
    st_page.open_app(page, overview.url(overview.link), min_charts=1)
    links = [t.split("\n")[-1].strip() for t in st_page.page_links(page).all_inner_texts()]
    shown = [described(f).title for f in page_files() if described(f).listed]
    assert links == shown

    conferences = described("pages/6_Conferences.py")
    st_page.rerun_after(page, lambda: st_page.page_links(page).filter(has_text=conferences.title).click(),
                        min_charts=conferences.min_charts, title=f"{conferences.title} · ")
    assert_shows_page(page, conferences)
    assert query_of(page.url) == as_lists(overview.link)
    assert st_page.slider_values(page, YEARS) == [2019, 2023]
    assert st_page.multiselect_values(page, JURISDICTIONS) == ["Shanghai"]
