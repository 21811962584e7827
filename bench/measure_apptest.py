"""Child process of the benchmark: server-side time of every page with Streamlit's AppTest.

    TRACKER_DB=... TRACKER_DATA=... TRACKER_ARCHIVE=... python bench/measure_apptest.py --warm 5 --filters 2

Prints one JSON line per page as soon as it is measured (so a parent that stops a slow run keeps
what was measured), then a last line with the process's peak memory. For each page: the first run with the data cache cleared ("cold"), the
median of several reruns with nothing changed ("warm"), and reruns after moving the start of the
"Years" slider one year later each time (a cache miss for every query keyed on the years). Before
the first page, not counted, the app's modules are imported and its database connection opened
(the cached resource every session shares), as a running server has done before visitors arrive. Also recorded: what each page sends to the
browser (Plotly specs and tables, in KB) and any exception.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import streamlit as st                             # noqa: E402
from streamlit.testing.v1 import AppTest           # noqa: E402

from bench.pages import discover                   # noqa: E402
from bench.procmem import peak_rss_mb              # noqa: E402

TIMEOUT_S = 300


def _timed_run(at: AppTest) -> float:
    started = time.perf_counter()
    at.run(timeout=TIMEOUT_S)
    return time.perf_counter() - started


def _payload(at: AppTest) -> dict:
    """What the run sends to the browser: chart specs and table data, in KB."""
    charts = at.get("plotly_chart")
    tables = list(at.dataframe)
    chart_kb = sum(len(c.proto.spec) for c in charts) / 1024
    table_kb = 0.0
    for t in tables:
        table_kb += len(t.proto.arrow_data.data) / 1024
    return {"charts": len(charts), "chart_spec_kb": round(chart_kb, 1), "tables": len(tables),
            "table_kb": round(table_kb, 1)}


def _years_slider(at: AppTest):
    return next((s for s in at.slider if s.label == "Years"), None)


def _errors(at: AppTest) -> list[str]:
    return [e.value[:300] if isinstance(e.value, str) else str(e.value)[:300] for e in at.exception]


def measure_page(script: str, warm: int, filters: int) -> dict:
    """Time one page. Pages are opened from app.py with switch_page, as a visitor reaches them:
    run alone, a page's st.page_link to app.py would not resolve."""
    st.cache_data.clear()
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=TIMEOUT_S)
    if script != "app.py":
        at.switch_page(script)
    first = _timed_run(at)
    result = {"first_s": round(first, 4), "errors": _errors(at), **_payload(at)}
    warm_times = [_timed_run(at) for _ in range(warm)]
    result["warm_s"] = round(statistics.median(warm_times), 4) if warm_times else None
    result["warm_all_s"] = [round(t, 4) for t in warm_times]
    filter_times = []
    for _ in range(filters):
        slider = _years_slider(at)
        if slider is None:
            break
        start, end = slider.value
        if start + 1 > end:
            break
        slider.set_value((start + 1, end))
        filter_times.append(_timed_run(at))
        result["errors"] += _errors(at)
    result["filter_s"] = round(statistics.median(filter_times), 4) if filter_times else None
    result["filter_all_s"] = [round(t, 4) for t in filter_times]
    return result


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--warm", type=int, default=5, help="warm reruns per page (median reported)")
    p.add_argument("--filters", type=int, default=2, help="filter changes per page (median reported)")
    p.add_argument("--pages", help="comma-separated scripts to measure (default: every dashboard page)")
    args = p.parse_args()
    pages = discover()
    if args.pages:
        wanted = set(args.pages.split(","))
        pages = [pg for pg in pages if pg.script in wanted]

    started = time.perf_counter()
    from tracker import app_data, charts, present, ui   # noqa: F401  (imports paid once, as in a server)
    app_data.connection()
    print(json.dumps({"startup_s": round(time.perf_counter() - started, 3)}), flush=True)
    for page in pages:
        print(json.dumps({"page": page.name, **measure_page(page.script, args.warm, args.filters)}), flush=True)
    print(json.dumps({"peak_rss_mb": peak_rss_mb()}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
