"""The dashboard on a tablet, a narrow window and a phone: a value written past a bar's end is whole,
the Overview's headline figures are whole, the sidebar does not cover the page on a phone, and on a
phone every chart's text is inside the chart."""
from __future__ import annotations

import pytest

from . import streamlit_page as st_page

TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}
# what an iPhone's Safari sends: the dashboard lays its charts out for a phone by it
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/17.0 Mobile/15E148 Safari/604.1")


@pytest.fixture
def screen(browser, browser_context_args, base_url):
    """Opens pages in a browser context with the given viewport (a tablet's or a phone's)."""
    contexts = []

    def open_page(viewport: dict, path: str, user_agent: str | None = None):
        agent = {"user_agent": user_agent} if user_agent else {}
        contexts.append(browser.new_context(**{**browser_context_args, "viewport": viewport, "base_url": base_url, **agent}))
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


# a headline card's label or figure that Streamlit cut short with "…" (its text is wider than its box)
CUT_CARD_TEXT_JS = """
() => [...document.querySelectorAll('[data-testid="stMetric"] .stMarkdownEllipsis')]
  .map((e) => ({text: e.textContent, cut: e.scrollWidth - e.clientWidth}))
"""
IPAD = ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.0 Mobile/15E148 Safari/604.1")


@pytest.mark.parametrize("viewport, user_agent", [
    ({"width": 768, "height": 1024}, IPAD),      # an iPad upright, its sidebar opened
    ({"width": 1000, "height": 800}, None),      # a desktop window at half a screen
    ({"width": 1920, "height": 1080}, None),
])
def test_the_headline_figures_are_whole_with_the_sidebar_open(screen, viewport, user_agent):
    # five cards in a row of columns showed "> $4…" and "$70…" for "> $42.73 bn" and "$707 m"
    page = screen(viewport, "/", user_agent=user_agent)
    opener = page.get_by_test_id("stExpandSidebarButton")
    if opener.count():
        opener.click()
    page.get_by_test_id("stSidebar").get_by_text("Filters", exact=True).wait_for()
    page.wait_for_timeout(500)   # the sidebar slides in; the page's width settles after it
    cards = page.evaluate(CUT_CARD_TEXT_JS)
    assert {"text": "> $42.73 bn", "cut": 0} in cards
    assert len(cards) == 10 and [card for card in cards if card["cut"] > 0] == []


def test_on_a_phone_the_sidebar_starts_closed_and_the_page_is_in_view(screen):
    page = screen(PHONE, "/Funds")
    heading = page.get_by_role("heading", name="Funds").first
    box = heading.bounding_box()
    # what a tap on the page's heading would reach: the heading, not the sidebar drawn over it
    on_top = page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y); "
                           "return e && (e.closest('[data-testid=\"stSidebar\"]') ? 'the sidebar' : e.closest('h1')?.textContent); }",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top is not None and "Funds" in on_top, on_top


# every piece of text Plotly wrote (titles, ticks, legend, labels) that lies past an edge of the chart
TEXT_OUTSIDE_JS = """
(chart) => {
  const box = chart.querySelector('.svg-container').getBoundingClientRect();
  return [...chart.querySelectorAll('svg text')]
    .filter((t) => t.textContent.trim() && !t.closest('.hoverlayer') && t.getBoundingClientRect().width > 0)
    .map((t) => {
      const b = t.getBoundingClientRect();
      return {text: t.textContent, left: b.left - box.left, right: box.right - b.right,
              top: b.top - box.top, bottom: box.bottom - b.bottom};
    })
    .filter((t) => Math.min(t.left, t.right, t.top, t.bottom) < -1);
}
"""


HALF_SCREEN = {"width": 1000, "height": 800}   # a desktop window at half a screen: charts 540 px wide beside the sidebar
NARROWEST_WIDE = {"width": 1160, "height": 800}   # charts 700 px wide: the narrowest page that gets the desktop layout
CHART_PAGES = ["/", "/Stated_goals", "/Achievements", "/Partnerships", "/Clusters", "/Funds", "/Conferences"]


def text_outside(page) -> dict:
    return {i: outside for i, chart in enumerate(st_page.charts(page).all()) if (outside := chart.evaluate(TEXT_OUTSIDE_JS))}


@pytest.mark.parametrize("viewport, user_agent", [(PHONE, IPHONE), (HALF_SCREEN, None), (NARROWEST_WIDE, None)],
                         ids=["phone", "half-screen window", "narrowest desktop layout"])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_no_chart_text_is_cut_by_the_charts_edge(screen, path, viewport, user_agent):
    # laid out for a desktop, a phone showed "Who works with whom: organisations, people a", row labels
    # cut at the left ("ovation investment fund (name not stated)") and legends cut at the right; a
    # desktop window of 1000 px cut the same titles and "AWS Technology Summit 2018 China St…" at the left,
    # and one of 1160 px "Lingang New Area" at the right and the Conferences' axis title
    page = screen(viewport, path, user_agent=user_agent)
    assert text_outside(page) == {}


# where Plotly's toolbar (shown on hovering the chart) and the chart's title overlap, in pixels
TOOLBAR_OVER_TITLE_JS = """
(chart) => {
  const bar = chart.querySelector('.modebar').getBoundingClientRect();
  const title = chart.querySelector('.gtitle').getBoundingClientRect();
  return Math.max(0, Math.min(bar.right, title.right) - Math.max(bar.left, title.left))
       * Math.max(0, Math.min(bar.bottom, title.bottom) - Math.max(bar.top, title.top));
}
"""


@pytest.mark.parametrize("viewport", [NARROWEST_WIDE, {"width": 1366, "height": 800}], ids=["1160 px", "1366 px"])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_the_chart_toolbar_leaves_the_title_readable(screen, path, viewport):
    # the toolbar covered the end of "… (approximate positions, schematic map without base tiles)" at 1366 px
    page = screen(viewport, path)
    assert [chart.evaluate(TOOLBAR_OVER_TITLE_JS) for chart in st_page.charts(page).all()] == [0] * st_page.charts(page).count()


def test_a_window_made_narrower_or_wider_redraws_its_charts_for_the_new_width(screen):
    page = screen({"width": 1366, "height": 800}, "/Partnerships")
    for viewport, layout in ((HALF_SCREEN, "narrow"), ({"width": 1366, "height": 800}, "wide")):
        page.set_viewport_size(viewport)
        page.wait_for_function("(layout) => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot')]"
                               ".every((chart) => chart.layout?.meta?.layout === layout)", arg=layout)
        st_page.wait_until_settled(page)
        assert text_outside(page) == {}


HOVER_OUTSIDE_JS = """
(chart) => {
  const box = chart.querySelector('.svg-container').getBoundingClientRect();
  const hover = chart.querySelector('.hoverlayer .hovertext');
  if (!hover) return null;
  const b = hover.getBoundingClientRect();
  return {text: hover.textContent, left: b.left - box.left, right: box.right - b.right};
}
"""


def test_on_a_phone_a_hover_box_fits_the_chart(screen):
    # the hover is where a chart gives each figure's statement and source; wider than a phone's chart,
    # it lost the start of every line ("urce: S004", "> 27" of "> 275.6%")
    page = screen(PHONE, "/Stated_goals", user_agent=IPHONE)
    chart = st_page.charts(page).first
    bar = chart.locator("g.point path").first
    bar.evaluate("e => e.scrollIntoView({block: 'center'})")
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    chart.locator(".hoverlayer .hovertext").first.wait_for()
    hover = chart.evaluate(HOVER_OUTSIDE_JS)
    assert "Source" in hover["text"] and hover["left"] >= -1 and hover["right"] >= -1, hover
