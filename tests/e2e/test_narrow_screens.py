"""The dashboard on a tablet and a phone: a value written past a bar's end is whole, and the
sidebar does not cover the page on a phone."""
from __future__ import annotations

import pytest

from . import streamlit_page as st_page

TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def screen(browser, browser_context_args, base_url):
    """Opens pages in a browser context with the given viewport (a tablet's or a phone's)."""
    contexts = []

    def open_page(viewport: dict, path: str):
        contexts.append(browser.new_context(**{**browser_context_args, "viewport": viewport, "base_url": base_url}))
        page = contexts[-1].new_page()
        st_page.open_app(page, path, min_charts=1)
        return page

    yield open_page
    for context in contexts:
        context.close()


VALUE_LABELS_JS = """
(chart) => {
  const svg = chart.querySelector('svg.main-svg').getBoundingClientRect();
  return [...chart.querySelectorAll('text.bartext, .textpoint text')].map((t) => {
    const box = t.getBoundingClientRect();
    return {text: t.textContent, overflow: box.right - svg.right};
  });
}
"""


@pytest.mark.parametrize("viewport, path, label", [
    (TABLET, "/Funds", "$707 m"),               # was cut to "$707", under an axis of billions of USD
    (PHONE, "/", "> 275.6%"),                   # was cut to "> 27"
    (PHONE, "/Stated_goals", "> 275.6%"),
    (TABLET, "/Achievements", "$15.36 bn"),     # the chart of the dollar figures sources give
])
def test_a_value_written_past_a_bar_is_not_cut_by_the_edge(screen, viewport, path, label):
    page = screen(viewport, path)
    labels = [item for chart in st_page.charts(page).all() for item in chart.evaluate(VALUE_LABELS_JS)]
    assert any(item["text"] == label for item in labels), labels
    assert [item for item in labels if item["overflow"] > 0] == []


def test_on_a_phone_the_sidebar_starts_closed_and_the_page_is_in_view(screen):
    page = screen(PHONE, "/Funds")
    heading = page.get_by_role("heading", name="Funds").first
    box = heading.bounding_box()
    # what a tap on the page's heading would reach: the heading, not the sidebar drawn over it
    on_top = page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y); "
                           "return e && (e.closest('[data-testid=\"stSidebar\"]') ? 'the sidebar' : e.closest('h1')?.textContent); }",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top is not None and "Funds" in on_top, on_top
