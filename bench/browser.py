"""Timing pages in headless Chromium against a real `streamlit run` server.

Every use of Streamlit's internal test hooks (data-testid, data-test-script-state) is in this
module. A page counts as drawn when the server has reported a finished script run since the action
began (a ScriptFinished message on the page's WebSocket), the app's script state is back to
"notRunning", no skeleton placeholder is left, and every Plotly chart on the page has its SVG.
Runs are counted on the WebSocket rather than from the script-state attribute, because a quick
run can go from "running" back to "notRunning" within one React render and never show.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.procmem import peak_rss_mb

CHROMIUM = "/usr/bin/chromium"
# No GPU in CI; the rest keeps Chromium from phoning home (component updates, sync, first-run
# pages): the machine has no internet, and such requests only add noise and time.
# The browser tests launch Chromium with the same flags (tests/e2e/chromium.py).
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1366, "height": 900}
NAV_TIMEOUT_MS = 60_000      # a page that takes longer has failed its budget many times over
FILTER_TIMEOUT_MS = 30_000

DRAWN_JS = """
(minCharts) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  return charts.length >= minCharts && charts.every((c) => c.querySelector('svg.main-svg'));
}
"""
STATE_JS = """
() => ({
  charts: document.querySelectorAll('[data-testid="stPlotlyChart"]').length,
  svgPoints: document.querySelectorAll('[data-testid="stPlotlyChart"] .point').length,
  exceptions: [...document.querySelectorAll('[data-testid="stException"]')].map((e) => e.innerText.slice(0, 300)),
  domNodes: document.getElementsByTagName('*').length,
})
"""
YEARS_START_THUMB = '[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A `streamlit run` process serving one script on a free port."""
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def peak_rss_mb(self) -> float | None:
        return peak_rss_mb(self.process.pid)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


def start_server(script: Path, cwd: Path, env: dict[str, str], log: Path, timeout_s: float = 180) -> Server:
    port = free_port()
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as out:     # the server keeps its own copy of the handle
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
             "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=cwd, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT)
    server = Server(process, port, log)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with status {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return server
        except OSError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"streamlit did not answer /_stcore/health within {timeout_s:.0f} s; see {log}")


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


DIAGNOSIS_JS = """
() => ({state: document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state'),
        skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
        charts: document.querySelectorAll('[data-testid="stPlotlyChart"]').length,
        chartsDrawn: [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter((c) => c.querySelector('svg.main-svg')).length})
"""


class NotDrawn(Exception):
    """The page was not drawn in time; the message says what state it was left in."""


_FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


class Tab:
    """A browser page in a context of its own, counting the script runs its server reports finished."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.finished = 0
        self.broken = False         # set when a wait on this tab failed
        self.last_start = self.last_finish = None   # perf_counter() of the last run's start and end messages
        self.page.on("websocket", self._watch)

    def _watch(self, ws) -> None:
        ws.on("framereceived", self._frame)

    def _frame(self, payload) -> None:
        if isinstance(payload, str):
            return
        msg = ForwardMsg()
        try:
            msg.ParseFromString(payload)
        except Exception:       # not a Streamlit message: not ours to count
            return
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.last_start = time.perf_counter()
        elif kind == "script_finished" and msg.script_finished in _FINISHED:
            self.last_finish = time.perf_counter()
            self.finished += 1

    def close(self) -> None:
        try:
            self.context.close()
        except Exception:           # already gone with its renderer
            pass


def _timeout_ms(default_ms: int, deadline: float | None) -> int:
    """The default wait, cut to what is left before the deadline (perf_counter seconds)."""
    if deadline is None:
        return default_ms
    left = int((deadline - time.perf_counter()) * 1000)
    if left <= 0:
        raise NotDrawn("not measured: the browser deadline at this scale had passed")
    return min(default_ms, left)


def _wait_drawn(tab: Tab, min_runs: int, min_charts: int, timeout_ms: int) -> None:
    deadline = time.perf_counter() + timeout_ms / 1000
    try:
        while tab.finished < min_runs:          # the wait lets Playwright deliver WebSocket events
            if time.perf_counter() > deadline:
                raise TimeoutError("no finished script run reported")
            tab.page.wait_for_timeout(5)
        remaining = max(1.0, (deadline - time.perf_counter()) * 1000)
        tab.page.wait_for_function(DRAWN_JS, arg=min_charts, polling="raf", timeout=remaining)
    except Exception as e:
        tab.broken = True
        try:                                    # bounded: a renderer stuck in a long task never answers
            seen = tab.page.wait_for_function(DIAGNOSIS_JS, timeout=3000).json_value()
        except Exception:
            seen = "page not answering"
        raise NotDrawn(f"not drawn within {timeout_ms / 1000:.0f} s (waited for {min_runs} finished run(s), "
                       f"{min_charts} chart(s); {tab.finished} run(s) finished); page state: {seen}") from e


@dataclass
class Timing:
    """One measurement: the total, and where the time went (seconds)."""
    total: float
    until_run_start: float | None     # navigation: loading the page and opening the session
    run: float | None                 # from the run's start (or the action) to the server's ScriptFinished
    drawing: float | None             # from ScriptFinished to everything drawn in the browser


def navigate(tab: Tab, url: str, min_charts: int = 0, deadline: float | None = None) -> Timing:
    """Time from asking for `url` to the page fully drawn (script run finished, charts in SVG)."""
    timeout = _timeout_ms(NAV_TIMEOUT_MS, deadline)
    before = tab.finished
    tab.last_start = None
    started = time.perf_counter()
    tab.page.goto(url, wait_until="commit", timeout=timeout)
    _wait_drawn(tab, before + 1, min_charts, timeout)
    ended = time.perf_counter()
    run_start = tab.last_start
    return Timing(ended - started, run_start - started if run_start else None,
                  tab.last_finish - run_start if run_start else None, ended - tab.last_finish)


def move_years_start(tab: Tab, deadline: float | None = None) -> Timing:
    """Drag the start of the "Years" slider one year later; seconds from releasing it to the page redrawn.

    A mouse drag, not the arrow key: with the key, Streamlit's slider sometimes commits the value of
    the previous key press (react-aria reports the change's end before the new value is rendered),
    so no rerun follows."""
    timeout = _timeout_ms(FILTER_TIMEOUT_MS, deadline)
    page = tab.page
    field = page.locator(YEARS_START_THUMB).first
    low, high, step = (float(field.get_attribute(a)) for a in ("min", "max", "step"))
    value = float(field.input_value())
    thumb = field.locator("xpath=../..")            # the visible thumb around the hidden range input
    track = thumb.locator("xpath=..")
    box, track_box = thumb.bounding_box(), track.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    dx = track_box["width"] * step / (high - low)
    before = tab.finished
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y, steps=4)
    started = time.perf_counter()
    page.mouse.up()
    _wait_drawn(tab, before + 1, 0, timeout)
    ended = time.perf_counter()
    moved = float(field.input_value())
    if moved != value + step:
        raise NotDrawn(f"the Years slider moved from {value:g} to {moved:g}, not by one step")
    return Timing(ended - started, None, tab.last_finish - started, ended - tab.last_finish)


def page_state(tab: Tab) -> dict:
    """What is on the page now: charts, plotted points, exceptions, DOM size."""
    return tab.page.evaluate(STATE_JS)
