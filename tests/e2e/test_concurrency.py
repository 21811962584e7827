"""Twenty people at once: simultaneous browser sessions load pages and change filters against one
server on loopback. Every session must get its charts and no error; the time to chart (50th and
95th percentile) and the server's peak memory are printed, never asserted (they depend on the
machine).

The sessions are driven by async Playwright (one browser, one context per person) in a thread of
its own, because pytest-playwright's sync API may already own this thread's event loop.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

from playwright.async_api import async_playwright

from . import streamlit_page as st_page
from .dashboard import CURRENCY, CURRENCY_LABELS, YEARS, chart_pages, described
from .streamlit_server import ARTIFACTS, running_server

SESSIONS = 20
TOTAL_TIMEOUT_S = 900  # all sessions together; on an idle 2-core machine they take a few minutes
# Each wait of a session (navigation, first run, redraw) may take most of that: twenty tabs of one
# Chromium share the 2 cores with the server, so one step can take minutes. Slowness is reported in
# the printed percentiles; only a session that never completes fails the test.
STEP_TIMEOUT_MS = (TOTAL_TIMEOUT_S - 60) * 1000


@dataclass
class Session:
    number: int
    path: str
    seconds_to_chart: float | None = None  # navigation start -> every chart drawn
    seconds_to_script_done: float | None = None  # navigation start -> first script run over (server side)
    seconds_to_chart_after_filter: float | None = None  # first widget change -> charts drawn again
    charts_on_load: int = 0
    charts_after_filters: int = 0
    years_before: list[int] = field(default_factory=list)
    years_after: list[int] = field(default_factory=list)
    currency_after: str = ""
    exceptions: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    error: str | None = None


async def _one_session(browser, base_url: str, session: Session, min_charts: int, start: asyncio.Event) -> None:
    context = await browser.new_context(base_url=base_url, viewport={"width": 1366, "height": 900})
    try:
        page = await context.new_page()
        page.on("pageerror", lambda error: session.page_errors.append(str(error)))
        await start.wait()  # everyone arrives at once
        started = time.perf_counter()
        session.seconds_to_script_done = await st_page.async_open_app(page, session.path, min_charts=min_charts,
                                                                    timeout_ms=STEP_TIMEOUT_MS)
        session.seconds_to_chart = time.perf_counter() - started
        session.charts_on_load = await page.locator(st_page.PLOTLY_CHART).count()
        session.exceptions += await st_page.async_exceptions(page)
        session.years_before = await st_page.async_slider_values(page, YEARS)

        # Change two filters, each a rerun of this session's script while the others run theirs.
        started = time.perf_counter()
        await st_page.async_rerun_after(
            page, lambda: st_page.async_press_on_slider_thumb(page, YEARS, 0, "ArrowRight"), min_charts=min_charts,
            query={"from": str(session.years_before[0] + 1)}, timeout_ms=STEP_TIMEOUT_MS)
        session.seconds_to_chart_after_filter = time.perf_counter() - started
        await st_page.async_rerun_after(
            page, lambda: st_page.async_choose_radio_option(page, CURRENCY, CURRENCY_LABELS["USD"]),
            min_charts=min_charts, query={"currency": "USD"}, timeout_ms=STEP_TIMEOUT_MS)
        session.charts_after_filters = await page.locator(st_page.PLOTLY_CHART).count()
        session.years_after = await st_page.async_slider_values(page, YEARS)
        session.currency_after = await st_page.async_radio_value(page, CURRENCY)
        session.exceptions += await st_page.async_exceptions(page)
    except Exception as error:  # noqa: BLE001 - reported per session and asserted below
        session.error = f"{type(error).__name__}: {error}".splitlines()[0]
        with contextlib.suppress(Exception):  # the page may be gone; the error above is what counts
            session.error += f"; the page showed {await st_page.async_page_state(page)}"
            await page.screenshot(path=str(ARTIFACTS / f"concurrency-session-{session.number}.png"))
    finally:
        await context.close()


async def _run_sessions(base_url: str, launch: dict, plan: list[tuple[Session, int]], alone: Session) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch)
        try:
            start = asyncio.Event()
            tasks = [asyncio.create_task(_one_session(browser, base_url, s, n, start)) for s, n in plan]
            await asyncio.sleep(0.5)  # let every context open before the start signal
            start.set()
            await asyncio.wait_for(asyncio.gather(*tasks), timeout=TOTAL_TIMEOUT_S)
            # For scale: session 0's steps again, by one person alone on the now warm server.
            go = asyncio.Event()
            go.set()
            await asyncio.wait_for(_one_session(browser, base_url, alone, plan[0][1], go), timeout=TOTAL_TIMEOUT_S)
        finally:
            await browser.close()


def _p50_p95(seconds: list[float]) -> dict | None:
    if len(seconds) < 2:
        return None
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return {"p50": round(cuts[49], 2), "p95": round(cuts[94], 2)}


def test_twenty_sessions_at_once(chromium_launch_options, tmp_path, capsys):
    pages = [described(f) for f in chart_pages()]
    sessions = [Session(i, pages[i % len(pages)].url()) for i in range(SESSIONS)]
    plan = [(s, pages[s.number % len(pages)].min_charts) for s in sessions]
    alone = Session(0, sessions[0].path)

    # A server of its own, cold (its database not yet built), so the peak memory is this load's.
    with running_server(tmp_path / "tracker.duckdb", ARTIFACTS / "logs" / "streamlit-concurrency.log") as server:
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, _run_sessions(server.url, chromium_launch_options, plan, alone)).result(
                timeout=TOTAL_TIMEOUT_S + 60)
        peak_mib = server.peak_memory_mib()
        server_log = server.log_path.read_text(errors="replace")

    to_chart = [s.seconds_to_chart for s in sessions if s.seconds_to_chart is not None]
    script_done = [s.seconds_to_script_done for s in sessions if s.seconds_to_script_done is not None]
    after_filter = [s.seconds_to_chart_after_filter for s in sessions if s.seconds_to_chart_after_filter is not None]
    summary = {
        "sessions": SESSIONS,
        "time_to_chart_s": _p50_p95(to_chart),
        "time_to_first_script_run_end_s": _p50_p95(script_done),
        "time_to_chart_after_filter_s": _p50_p95(after_filter),
        "server_peak_memory_mib": round(peak_mib, 1),
        "one_session_alone_afterwards_s": {"time_to_chart": alone.seconds_to_chart,
                                           "time_to_chart_after_filter": alone.seconds_to_chart_after_filter},
    }
    (ARTIFACTS / "concurrency.json").write_text(json.dumps({**summary, "per_session": [asdict(s) for s in sessions]},
                                                           indent=2))
    with capsys.disabled():
        print(f"\n[concurrency] {SESSIONS} simultaneous sessions on one server: "
              f"time to chart {summary['time_to_chart_s']} (of which until the script's first run ended "
              f"{summary['time_to_first_script_run_end_s']}), after a filter change "
              f"{summary['time_to_chart_after_filter_s']}; server peak memory (VmHWM) {peak_mib:.0f} MiB. "
              f"For scale, one session alone afterwards: time to chart {alone.seconds_to_chart or float('nan'):.2f} s, "
              f"after a filter change {alone.seconds_to_chart_after_filter or float('nan'):.2f} s")

    failed = {s.number: s.error for s in sessions + [alone] if s.error}
    assert not failed, f"sessions that did not complete: {failed}"
    for s in sessions:
        minimum = plan[s.number][1]
        assert s.charts_on_load >= minimum and s.charts_after_filters >= minimum, asdict(s)
        assert s.exceptions == [] and s.page_errors == [], asdict(s)
        # Each session kept its own filters: the start year one step on, amounts in dollars.
        assert s.years_after == [s.years_before[0] + 1, s.years_before[1]], asdict(s)
        assert s.currency_after == CURRENCY_LABELS["USD"], asdict(s)
    assert "Traceback" not in server_log, server_log[-4000:]
