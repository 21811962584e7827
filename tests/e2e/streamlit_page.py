"""Every selector the browser tests use, in one place: Streamlit's data-test* hooks and Plotly's DOM.

The data-testid and data-test-* attributes are Streamlit's internal test hooks, not a public API:
a Streamlit upgrade may rename them, and then this module is the only file to change. The tests
call the functions below and speak about what a person sees (a chart, a slider, a notice).

Waiting: after a navigation or a widget change, Streamlit reruns the page script. The app is
settled when `stApp` carries data-test-script-state="notRunning" and no `stSkeleton` placeholder
remains, and stays so for a moment (lazily loaded components swap their placeholders in steps).
A widget change is only followed by that wait once its rerun has been seen, since right after the
click the attribute still says "notRunning" from the previous run: an init script counts the
script-state changes, and where a fast run under load is drawn only in its end state, the URL
or tab title the rerun writes is the sign instead.
"""
from __future__ import annotations

import csv
import io
import json
import time
import weakref
from pathlib import Path
from typing import Callable

from playwright.async_api import Page as AsyncPage
from playwright.sync_api import Locator, Page

from tracker.charts import LEGEND_KEY

# --- Streamlit's test hooks -------------------------------------------------------------------
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
EXCEPTION = '[data-testid="stException"]'
PLOTLY_CHART = '[data-testid="stPlotlyChart"]'
SIDEBAR = '[data-testid="stSidebar"]'
PAGE_LINK = '[data-testid="stPageLink-NavLink"]'  # st.page_link (the app draws its own navigation)
WIDGET_LABEL = '[data-testid="stWidgetLabel"]'
SLIDER = '[data-testid="stSlider"]'
MULTISELECT = '[data-testid="stMultiSelect"]'
RADIO = '[data-testid="stRadio"]'
TEXT_INPUT = '[data-testid="stTextInput"]'
CAPTION = '[data-testid="stCaptionContainer"]'
WARNING = '[data-testid="stAlertContentWarning"]'
HEADING = '[data-testid="stHeading"]'
MARKDOWN = '[data-testid="stMarkdownContainer"]'
MAIN_BLOCK = '[data-testid="stMainBlockContainer"]'
DATAFRAME = '[data-testid="stDataFrame"]'
MULTISELECT_TAG = '[data-testid="stMultiSelectTagsContainer"] [data-tag]'  # one per chosen option
RADIO_OPTION_CHOSEN = '[data-testid="stRadioOption"][data-selected="true"]'
# Since Streamlit 1.5x the slider is built on react-aria: each thumb is a visually hidden <input type=range>.
SLIDER_THUMB = 'input[type="range"]'

# --- Plotly's DOM -----------------------------------------------------------------------------
PLOTLY_SVG = ".main-svg"  # present once Plotly has drawn the SVG
SCATTER_POINT = ".scatterlayer .point"  # one path per drawn marker of an SVG scatter trace

SETTLE_TIMEOUT_MS = 90_000  # a cold page on a busy 2-core machine; normally a few seconds
RUN_START_TIMEOUT_MS = 60_000  # from a widget change to its rerun showing (long under heavy load)
CHART_TIMEOUT_MS = 60_000

_COUNT_RUNS_JS = """
(() => {
  if (window.__e2eScriptRuns !== undefined) return;
  window.__e2eScriptRuns = 0;
  new MutationObserver(records => {
    for (const record of records) {
      if (record.target.getAttribute('data-test-script-state') !== 'notRunning') window.__e2eScriptRuns += 1;
    }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
})();
"""

# The page has had a script run: one was seen starting, or its main area holds what a run drew.
# The second matters on a first load under load: the run's "started" and "finished" can arrive
# together, React then draws only "notRunning" and the counter never moves.
_HAS_RUN_JS = """(() => (window.__e2eScriptRuns ?? 1) > 0
  || !!document.querySelector('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]'))()"""

# One atomic check, so that no state between two separate checks can pass for "settled".
_SETTLED_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && """ + _HAS_RUN_JS + """
    && document.querySelectorAll('[data-testid="stSkeleton"]').length === 0;
}
"""
SETTLED_STABLE_MS = 300  # lazily loaded components swap placeholders in steps; settled must last

# At least `minimum` charts, and every chart on the page drawn by Plotly.
_CHARTS_DRAWN_JS = """
minimum => {
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  return charts.length >= minimum && charts.every(chart => {
    const graph = chart.querySelector('.js-plotly-plot');
    return graph && graph._fullData && chart.querySelector('.main-svg');
  });
}
"""

# Plain JSON of what each chart draws, read from Plotly's own state (typed arrays made lists).
_CHART_DATA_JS = """
legendKey => {
  const plain = v => ArrayBuffer.isView(v) ? Array.from(v) : Array.isArray(v) ? v.map(plain) : v;
  const fields = ['x', 'y', 'text', 'customdata', 'lat', 'lon', 'labels', 'values', 'base', 'hovertext', 'ids'];
  return [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(chart => {
    const graph = chart.querySelector('.js-plotly-plot');
    const keyed = chart.closest('[class*="st-key-"]');
    const key = keyed ? [...keyed.classList].find(c => c.startsWith('st-key-')).slice(7) : null;
    // legend-only keys (tracker.charts.LEGEND_KEY) draw no data: left out, as a reader sees no point of theirs
    const traces = ((graph && graph._fullData) || []).filter(t => t.meta !== legendKey).map(t => {
      const out = {name: t.name, type: t.type, visible: t.visible, orientation: t.orientation};
      for (const f of fields) if (t[f] !== undefined) out[f] = plain(t[f]);
      return out;
    });
    const title = graph && graph.layout && graph.layout.title;
    return {key, title: title ? (title.text ?? title) : null, traces};
  });
}
"""

# A rerun has happened when the script state was seen leaving "notRunning", or when the address
# bar already shows what the rerun writes there. The second matters under load: Streamlit's
# "started" and "finished" messages can then arrive together and React draws only the end state.
_RERUN_SEEN_JS = """
([before, query, title]) => (window.__e2eScriptRuns ?? 0) > before
  || (query !== null && Object.entries(query).every(([k, v]) => new URLSearchParams(location.search).getAll(k).join('&') === v))
  || (title !== null && document.title.startsWith(title))
"""

_tracked_pages: "weakref.WeakSet[Page]" = weakref.WeakSet()


def _track_runs(page: Page) -> None:
    if page not in _tracked_pages:
        page.add_init_script(_COUNT_RUNS_JS)
        _tracked_pages.add(page)


def wait_until_settled(page: Page, timeout_ms: int = SETTLE_TIMEOUT_MS) -> None:
    """Wait until the script has run (at least once since the page loaded), its run is over and no
    placeholder remains, and that stays so for a moment: after the run ends, lazily loaded
    components (Plotly, the data grid) still replace their placeholders one by one."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        remaining_ms = max(1, int((deadline - time.monotonic()) * 1000))
        page.wait_for_function(_SETTLED_JS, timeout=remaining_ms)
        page.wait_for_timeout(SETTLED_STABLE_MS)
        if page.evaluate(_SETTLED_JS):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the app did not settle within {timeout_ms} ms")


# The app measures its page in the browser (tracker/screen_width.py) and marks the main column with
# the layout that fits it; each chart's layout.meta says which layout the server gave it. They differ
# until the run the measurement asks for (a narrow window, a session's first page) has redrawn them.
_LAYOUT_FITS_JS = """
() => {
  const want = document.querySelector('[data-testid="stMainBlockContainer"]')?.dataset.trackerLayout;
  return Boolean(want) && [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
    .every((chart) => chart.layout?.meta?.layout === want);
}
"""


def open_app(page: Page, url: str, min_charts: int = 0) -> None:
    """Navigate (as if the URL were typed), wait until the page has run, then until at least
    min_charts charts are there, every chart is drawn and in the layout for the page's width."""
    _track_runs(page)
    page.goto(url, wait_until="domcontentloaded", timeout=SETTLE_TIMEOUT_MS)
    wait_until_settled(page)
    wait_for_charts(page, min_charts)
    page.wait_for_function(_LAYOUT_FITS_JS, timeout=SETTLE_TIMEOUT_MS)
    wait_until_settled(page)
    wait_for_charts(page, min_charts)


def _query_arg(query: dict | None) -> dict | None:
    if query is None:
        return None
    return {k: "&".join(v if isinstance(v, list) else [v]) for k, v in query.items()}


def rerun_after(page: Page, action: Callable[[], None], min_charts: int = 0, query: dict | None = None,
                title: str | None = None) -> None:
    """Do something that makes Streamlit rerun (a widget change, a page link), then wait for that
    rerun to end.

    query: URL parameters the rerun is expected to write (the app mirrors its filters in the URL);
    title: the start of the browser tab's title the rerun is expected to set. Either is another
    sign that the rerun happened, besides seeing the script state change."""
    _track_runs(page)
    before = page.evaluate("window.__e2eScriptRuns ?? 0")
    action()
    page.wait_for_function(_RERUN_SEEN_JS, arg=[before, _query_arg(query), title], timeout=RUN_START_TIMEOUT_MS)
    wait_until_settled(page)
    wait_for_charts(page, min_charts)


def wait_for_charts(page: Page, min_charts: int = 0, timeout_ms: int = CHART_TIMEOUT_MS) -> None:
    """Wait until there are at least min_charts charts and Plotly has drawn the SVG of every
    chart on the page (Plotly's JavaScript loads lazily, after the script run)."""
    page.wait_for_function(_CHARTS_DRAWN_JS, arg=min_charts, timeout=timeout_ms)


# --- what the page shows ----------------------------------------------------------------------
def charts(page: Page) -> Locator:
    return page.locator(PLOTLY_CHART)


def drawn_charts(page: Page) -> Locator:
    """Charts that contain Plotly's SVG."""
    return page.locator(PLOTLY_CHART).filter(has=page.locator(PLOTLY_SVG))


def chart_data(page: Page) -> list[dict]:
    """For each chart in page order: {key, title, traces: [{name, type, x, y, ...}]}, the traces that draw data."""
    return page.evaluate(_CHART_DATA_JS, LEGEND_KEY)


def find_chart(page: Page, key: str | None = None, trace_name: str | None = None) -> tuple[int, dict]:
    """The position and data of the chart with this Streamlit key, or with a trace of this name."""
    for index, chart in enumerate(chart_data(page)):
        if (key is not None and chart["key"] == key) or \
                (trace_name is not None and any(t["name"] == trace_name for t in chart["traces"])):
            return index, chart
    raise AssertionError(f"no chart with key={key!r} trace_name={trace_name!r} on {page.url}")


def chart_fingerprint(chart: dict) -> str:
    return json.dumps(chart["traces"], sort_keys=True, default=str)


def wait_for_chart_change(page: Page, index: int, before: dict, timeout_ms: int = CHART_TIMEOUT_MS) -> dict:
    """Poll until chart `index` draws something other than `before` (Plotly redraws after the run
    ends); return the new data, or the unchanged data once the time is up (the caller asserts).
    A chart with no traces is one Streamlit has just remounted and Plotly not yet drawn, not a new
    view: Back once returned it, and the test compared an empty chart."""
    deadline_polls = max(1, timeout_ms // 250)
    current = before
    for _ in range(deadline_polls):
        data = chart_data(page)
        if index < len(data) and data[index]["traces"]:
            current = data[index]
            if chart_fingerprint(current) != chart_fingerprint(before):
                return current
        page.wait_for_timeout(250)
    return current


def exceptions(page: Page) -> list[str]:
    return page.locator(EXCEPTION).all_inner_texts()


def warnings(page: Page) -> list[str]:
    """The text of each st.warning (without its icon)."""
    return [t.strip() for t in page.locator(WARNING).locator(MARKDOWN).all_inner_texts()]


def headings(page: Page) -> list[str]:
    return [t.strip() for t in page.locator(f"{MAIN_BLOCK} {HEADING}").all_inner_texts()]


def page_links(page: Page) -> Locator:
    """The navigation links the app draws in the sidebar."""
    return page.locator(SIDEBAR).locator(PAGE_LINK)


def captions(page: Page) -> list[str]:
    return [t.strip() for t in page.locator(f"{MAIN_BLOCK} {CAPTION}").all_inner_texts()]


def text_box(page: Page, label: str) -> Locator:
    """The text field of a text input in the page (not the sidebar), found by its label."""
    return page.locator(MAIN_BLOCK).locator(TEXT_INPUT).filter(
        has=page.locator(WIDGET_LABEL).filter(has_text=label)).locator("input")


# --- the sidebar's widgets --------------------------------------------------------------------
def _widget(page: Page | AsyncPage, kind: str, label: str) -> Locator:
    # locator() and filter() are not coroutines in the async API either: one helper serves both
    label_locator = page.locator(WIDGET_LABEL).filter(has_text=label)
    return page.locator(SIDEBAR).locator(kind).filter(has=label_locator)


def slider(page: Page, label: str) -> Locator:
    return _widget(page, SLIDER, label)


def slider_values(page: Page, label: str) -> list[int]:
    """The values of a slider's thumbs (two for a range), as the widget holds them."""
    thumbs = slider(page, label).locator(SLIDER_THUMB)
    return [int(float(t.input_value())) for t in thumbs.all()]


def slider_bounds(page: Page, label: str) -> tuple[int, int]:
    """The slider's whole range (each thumb's own min/max stop at the other thumb)."""
    thumbs = slider(page, label).locator(SLIDER_THUMB)
    return int(float(thumbs.first.get_attribute("min"))), int(float(thumbs.last.get_attribute("max")))


def press_on_slider_thumb(page: Page, label: str, thumb: int, key: str) -> None:
    """Move one thumb with the keyboard, as a person can (ArrowRight: one step)."""
    handle = slider(page, label).locator(SLIDER_THUMB).nth(thumb)
    handle.focus()
    handle.press(key)


def multiselect(page: Page, label: str) -> Locator:
    return _widget(page, MULTISELECT, label)


def multiselect_values(page: Page, label: str) -> list[str]:
    """The option labels shown as chosen tags."""
    return [t.strip() for t in multiselect(page, label).locator(MULTISELECT_TAG).all_inner_texts()]


def radio(page: Page, label: str) -> Locator:
    return _widget(page, RADIO, label)


def radio_value(page: Page, label: str) -> str:
    """The label of the checked option."""
    return radio(page, label).locator(RADIO_OPTION_CHOSEN).inner_text().strip()


# --- downloads and screenshots ----------------------------------------------------------------
def download_button_for_chart(page: Page, index: int, label: str) -> Locator:
    """The download button that follows chart `index` (each chart is followed by its own button)."""
    chart = charts(page).nth(index)
    # The chart's element container, then the first download button after it in document order.
    container = chart.locator("xpath=ancestor::*[@data-testid='stElementContainer'][1]")
    return container.locator(
        "xpath=following::*[@data-testid='stDownloadButton'][1]").get_by_role("button", name=label)


def table_expander_for_chart(page: Page, index: int) -> Locator:
    """The "Show as table" expander that follows chart `index`."""
    container = charts(page).nth(index).locator("xpath=ancestor::*[@data-testid='stElementContainer'][1]")
    return container.locator("xpath=following::*[@data-testid='stExpander'][1]")


def tables(scope: Locator) -> Locator:
    """The st.dataframe tables inside `scope`."""
    return scope.locator(DATAFRAME)


def table_rows(table: Locator) -> int:
    """Rows of an st.dataframe, header included (the grid's aria-rowcount: its canvas has no row elements)."""
    return int(table.locator("[aria-rowcount]").first.get_attribute("aria-rowcount"))


def download_csv(page: Page, button: Locator) -> list[dict[str, str]]:
    """Click a download button and parse the file it returns as CSV rows."""
    with page.expect_download(timeout=CHART_TIMEOUT_MS) as info:
        button.click()
    path = info.value.path()
    text = Path(path).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def full_page_screenshot(page: Page, path: Path) -> None:
    """Save the whole page, not only the viewport.

    Streamlit scrolls its main area inside the window rather than the document, so Playwright's
    full_page alone would stop at the viewport: the viewport is grown to the content's height first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or {"width": 1280, "height": 800}
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
             ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"], '
                  + '[data-testid="stSidebarContent"]')].map(e => e.scrollHeight))""")
    page.set_viewport_size({"width": size["width"], "height": min(max(int(height), size["height"]), 16_000)})
    try:
        wait_for_charts(page)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)


# --- the same waits for async Playwright (the concurrency test drives many pages at once) ----------
async def async_wait_until_settled(page: AsyncPage, timeout_ms: int = SETTLE_TIMEOUT_MS) -> None:
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        remaining_ms = max(1, int((deadline - time.monotonic()) * 1000))
        await page.wait_for_function(_SETTLED_JS, timeout=remaining_ms)
        await page.wait_for_timeout(SETTLED_STABLE_MS)
        if await page.evaluate(_SETTLED_JS):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the app did not settle within {timeout_ms} ms")


async def async_open_app(page: AsyncPage, url: str, min_charts: int = 0, timeout_ms: int = SETTLE_TIMEOUT_MS) -> float:
    """Like open_app; returns the seconds from navigation to the end of the first script run (the
    server's share of the time to chart; the rest is the browser loading and drawing).
    timeout_ms bounds each wait, the navigation's included: twenty tabs in one Chromium on 2 cores
    take about 30 s just to run Streamlit's JavaScript (Playwright's default navigation timeout)."""
    started = time.monotonic()
    await page.add_init_script(_COUNT_RUNS_JS)
    await page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    await page.wait_for_function("idle => " + _HAS_RUN_JS + " && !!document.querySelector(idle)",
                                 arg=APP_IDLE, timeout=timeout_ms)
    script_done = time.monotonic() - started
    await async_wait_until_settled(page, timeout_ms)
    await page.wait_for_function(_CHARTS_DRAWN_JS, arg=min_charts, timeout=timeout_ms)
    return script_done


async def async_rerun_after(page: AsyncPage, action, min_charts: int = 0, query: dict | None = None,
                            timeout_ms: int = CHART_TIMEOUT_MS) -> None:
    """Await action() (a widget change), then wait for the rerun it causes to end (timeout_ms per wait)."""
    before = await page.evaluate("window.__e2eScriptRuns ?? 0")
    await action()
    await page.wait_for_function(_RERUN_SEEN_JS, arg=[before, _query_arg(query), None], timeout=timeout_ms)
    await async_wait_until_settled(page, timeout_ms)
    await page.wait_for_function(_CHARTS_DRAWN_JS, arg=min_charts, timeout=timeout_ms)


async def async_press_on_slider_thumb(page: AsyncPage, label: str, thumb: int, key: str) -> None:
    handle = _widget(page, SLIDER, label).locator(SLIDER_THUMB).nth(thumb)
    await handle.focus()
    await handle.press(key)


async def async_choose_radio_option(page: AsyncPage, label: str, option: str) -> None:
    await _widget(page, RADIO, label).get_by_text(option, exact=True).click()


async def async_slider_values(page: AsyncPage, label: str) -> list[int]:
    thumbs = _widget(page, SLIDER, label).locator(SLIDER_THUMB)
    return [int(float(await t.input_value())) for t in await thumbs.all()]


async def async_radio_value(page: AsyncPage, label: str) -> str:
    return (await _widget(page, RADIO, label).locator(RADIO_OPTION_CHOSEN).inner_text()).strip()


async def async_exceptions(page: AsyncPage) -> list[str]:
    return await page.locator(EXCEPTION).all_inner_texts()


async def async_page_state(page: AsyncPage) -> dict:
    """What a stuck page shows, for the failure message: script and connection state, runs seen,
    elements drawn, charts."""
    return await page.evaluate("""() => {
      const app = document.querySelector('[data-testid="stApp"]');
      return {script: app && app.getAttribute('data-test-script-state'),
              connection: app && app.getAttribute('data-test-connection-state'),
              runs_seen: window.__e2eScriptRuns ?? null,
              elements: document.querySelectorAll('[data-testid="stElementContainer"]').length,
              charts: document.querySelectorAll('[data-testid="stPlotlyChart"]').length,
              url: location.pathname + location.search};
    }""")
