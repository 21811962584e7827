"""docs/BENCHMARKS.md from a benchmark's results: method, machine, tables and budgets."""
from __future__ import annotations

from bench.budgets import Verdict
from tracker import db, limits


def _ms(seconds) -> str:
    return "—" if seconds is None else f"{seconds * 1000:,.0f}"


def _s(seconds, digits: int = 2) -> str:
    return "—" if seconds is None else f"{seconds:.{digits}f}"


def _mb(value) -> str:
    return "—" if value is None else f"{value:,.0f}"


def _ratio(a, b) -> str:
    return "—" if a is None or not b else f"{a / b:.2f}×"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if i else "---" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


METHOD = """\
## What is measured, and how

`python bench/run.py` runs everything below in one go, at the real dataset (`data/`) and at synthetic
scales, and writes this file and `bench/results.json`.

* **Synthetic datasets** (`bench/generate.py`): the real records plus about 10 thousand, 100 thousand or
  1 million generated ones, written to a temporary folder (never to `data/`). The kinds keep the real
  dataset's mix (targets, achievements, clusters, funds, conferences, partnerships, governance steps,
  actors), spread over synthetic jurisdictions (`synthetic-city-NNN`, up to 200), the real topics, years
  2010–2035, real and synthetic metrics, CNY and USD. Every synthetic record says so (its text starts with
  "SYNTHETIC", its note says it is benchmark data) and has evidence: a quote written verbatim into a
  synthetic source text beside the dataset, so the validator's quote check runs for real. The dataset must
  pass `tracker.validate` and build with `tracker.db.build`.
* **Build**: `tracker.db.build` (validation included) in a child process: wall time, database size, and the
  process's peak resident memory (`VmHWM` from `/proc`).
* **Server side** (`bench/measure_apptest.py`, Streamlit's `AppTest`, one child process per scale with
  `TRACKER_DB`/`TRACKER_DATA` pointing at the scale's database): per page, opened from `app.py` with
  `switch_page` — the *first run* with `st.cache_data` cleared, the *warm rerun* (median of several reruns
  with nothing changed), and the rerun *after a filter change* (the start of the "Years" slider moved one
  year later, a cache miss for every query that depends on the years; median of several). A run of
  `app.py` before the first page, not counted, pays the imports and the connection once, as a running
  server has.
* **Browser** (`bench/browser.py`, Playwright with the system Chromium, headless): the app served by
  `python -m streamlit run app.py --server.headless true --browser.gatherUsageStats false
  --server.fileWatcherType none`, and **in the same run, on a second server, the floor page**
  `bench/floor/floor_page.py` (a bare Streamlit page with one static Plotly SVG bar chart and a "Years" slider),
  reached by the same kind of URL as the page it is paired with: at the root for the Overview, at the page
  path `/Floor_page` for every other page. Opened at a page path, Streamlit's frontend first asks for
  `/<page>/_stcore/health` (a 404) and tries the root 0.1 s later; any multipage Streamlit app pays this on
  a link to one of its pages, so the floor pays it too (until 2026-12-02 the floor was always opened at the
  root, which charged these ~0.1–0.15 s to every page but the Overview).
  *Navigation*: from `page.goto(url)` to the page drawn — script state back to `notRunning` after a run,
  no `stSkeleton`, every `stPlotlyChart` with its SVG — in a browser context that has already loaded the
  app once (cached static files: a visitor's next page, the case that shows the page's own cost; the
  first visit in an empty context is listed separately). *Filter change*: from releasing a one-step drag
  of the start thumb of the "Years" slider to the page redrawn. Each page measurement is paired with a floor
  measurement taken just before or after it (the order alternates), and the ratio uses the medians of
  those pairs, so a change in machine load affects both sides alike.
* **Server memory**: the `VmHWM` of the `streamlit run` process after every page has been visited and
  filtered at that scale (database prebuilt, as after a first start).
"""


BOUNDED = f"""\
## What keeps a page's cost bounded

* **Built once, read as tables.** The views the pages read (records, timeline, money values, target
  progress, each record kind, sources and evidence beside their records) are materialised at build time
  (`queries/views/90_materialise.sql`) and stored in year order, so a filter change scans stored rows
  instead of re-running joins and per-row exchange-rate lookups. What a page shows beside a record is
  stored with it where a join would cost a scan of a big table per filter change: each goal with its
  money values (`int_goals`), the figures progress is measured with, one per jurisdiction, metric and
  year (`int_progress_figures`, so progress as of the chosen years is one grouped scan), the few records with a reported conversion
  (`int_conversion_records`), every network relation with its filter columns (`int_network_edges`).
* **Every page query is capped in SQL** (`limit $limit`, with `rows_in_view` counting what the cap left
  out, applied before the joins): tables show their first {limits.TABLE_ROWS} rows and say "Showing the first N
  of M"; their download button runs the same query without the cap when clicked.
* **Charts draw what a reader can read**: the timeline switches to counts per year and event type above
  {limits.TIMELINE_EVENTS} events (aggregated in SQL), with a year label every 2 or 5 years over a long span; at most
  {limits.OVERVIEW_PROGRESS_BARS} progress bars on the Overview and {limits.PROGRESS_BARS} on Stated goals, {limits.SERIES_LINES}
  jurisdictions per metric (those with most figures), {limits.TARGET_LINES} target lines, {limits.NETWORK_PARTIES}
  network parties and {limits.NETWORK_EDGES} relations, {limits.CHART_ROWS} funds or events; map labels only up to
  {limits.MAP_LABELS} markers; every cap is said on the page.
* **Nothing made or sent that is not shown**: every table (the one behind a chart, and each page's list of
  goals, achievements, partnerships, funds or events) sits in an expander and is made and sent only when a
  reader opens it (the lists of goals and achievements are also queried only then), so a page opens without
  loading the data grid's JavaScript (23 files, ~1.5 MB);
  downloads are made when clicked; chart descriptions name the first {limits.DESCRIBED} items and count
  the rest; the sidebar shows "All jurisdictions" instead of a chip per jurisdiction.
* **Cheap queries after a filter change**: "every topic/jurisdiction" is bound as null, not as the list of
  all 200-odd values, so no row is looked up in a list (`queries/views/13_int_filter.sql`); a condition
  that would need a join (a goal "with progress") is a stored column instead.
* **Cheap reruns**: query results are cached per query and filter values (`st.cache_data`, keyed on the
  parameters as JSON); figures are written as plain dicts and not validated at run time (the tests validate
  every figure each page draws); Streamlit's magic is off; the objects alive after the first page's imports
  are frozen (`gc.freeze`), so the garbage collection Streamlit runs after every script run no longer walks
  them (it was ~0.1 s per rerun; the floor page, being bare, still pays it).
* **Nothing loaded on demand that a page can do without**: the Method page's citation is a quote, not a
  code block, whose highlighter Streamlit loads on first use (~0.5 s of that page's drawing).
* **Memory**: DuckDB is capped at {db.MEMORY_LIMIT} when building and serving (it spills past it); the
  validator streams each file line by line and checks references and quotes as rows arrive.
"""


def markdown(results: dict, verdicts: list[Verdict]) -> str:
    m = results["machine"]
    scales = results["scales"]
    names = list(scales)
    out = ["# Benchmarks", "",
           "How fast the dashboard is at its real size and at 10 thousand, 100 thousand and 1 million records, "
           "measured against budgets and against Streamlit's own floor on the same machine in the same run. "
           "Synthetic data is used for the larger scales; it is labelled as such and never shown as real.", "",
           "## Reproduce", "",
           "```bash",
           "python bench/run.py                 # full run: real, 10k, 100k, 1m (under 15 minutes on 2 cores)",
           "python bench/run.py --quick         # real and 10k with fewer repetitions, results in bench/out/",
           "python bench/generate.py 100k --out /tmp/tracker_100k   # only a synthetic dataset",
           "```", "",
           "Needs the packages of `requirements-test.txt`, Chromium at `/usr/bin/chromium` and the five source texts "
           "(`../shared/seeds` or `$TRACKER_ARCHIVE`). Exit status 0 means every budget passed.", "",
           "## This run", "",
           _table(["", ""], [
               ["Date (UTC)", m["date"]], ["Command", f"`{results['settings']['command'].strip()}`"],
               ["Total time", f"{results['total_seconds']:.0f} s"],
               ["CPU", f"{m['cpu']}, {m['cores']} cores"], ["RAM", f"{m['ram_gb']} GB"], ["OS", m["os"]],
               ["Python", m["python"]],
               ["Packages", ", ".join(f"{k} {v}" for k, v in m["packages"].items())],
               ["Browser", m.get("chromium") or "—"], ["Commit", m.get("git_commit") or "—"],
               ["Load average at start", ", ".join(str(x) for x in m.get("load_average_at_start") or []) or "—"],
               ["Repetitions", f"{results['settings']['warm_reruns']} warm reruns and "
                               f"{results['settings']['filter_changes']} filter changes per page (AppTest); browser "
                               + ", ".join(f"{s}: {n}" for s, n in results['settings']['browser_reps'].items())
                               + " navigations and filter changes per page, each paired with the floor page"],
           ]), ""]

    out += ["## Budgets", "",
            "1. At 1 million records every page's warm rerun (AppTest) is at most 2× its time on the real dataset.",
            "2. In the browser, every page's navigation and filter change take at most 1.5× the floor page's, "
            "measured side by side in the same run (at every scale).",
            "3. The server's peak memory at 1 million records is under 1 GB (Streamlit Community Cloud's limit).",
            "4. Build time grows at most linearly: 10× the records take at most 12× the time.",
            "5. The build's peak memory at 1 million records is under 1 GB: on Community Cloud the app builds the "
            "database inside the server process at first start.",
            "6. The whole run takes under 15 minutes on 2 cores.", "",
            "A page that did not finish before the run's per-scale deadline (AppTest 150 s, browser 150 s in a full "
            "run) is \"not measured\" and fails its budgets.", "", "```"] + [v.line() for v in verdicts] + ["```", "",
            f"**{sum(v.passed for v in verdicts)} of {len(verdicts)} pass.**", ""]

    out += ["## Datasets and build", "",
            _table(["Scale", "Records", "Synthetic jurisdictions", "Generate (s)", "Build (s)", "Database (MB)",
                    "Build peak memory (MB)", "Quotes checked", "Load average when the scale began"],
                   [[s, f"{d['records']:,}", d.get("jurisdictions") or "—", _s(d.get("generate_s"), 1),
                     _s(d["build"]["seconds"], 1), _mb(d["build"]["db_mb"]), _mb(d["build"]["peak_rss_mb"]),
                     f"{d['build']['quotes_checked']:,}", ", ".join(str(x) for x in d.get("load_average_at_start", []))]
                    for s, d in scales.items() if "build" in d]), "",
            "The machine's load average is shown because timings are wall-clock: other work on a 2-core machine "
            "slows every measurement, which is why the browser budgets compare each page with the floor page "
            "measured beside it rather than with a fixed number.", ""]

    pages = list(next((d["apptest"]["pages"] for d in scales.values() if "apptest" in d), {}))
    if pages:
        out += ["## Server side (AppTest), milliseconds", ""]
        for key, title in (("warm_s", "Warm rerun (median)"), ("first_s", "First run, data cache cleared"),
                           ("filter_s", "Rerun after a filter change (median)")):
            rows = []
            for page in pages:
                rows.append([page] + [_ms(scales[s].get("apptest", {}).get("pages", {}).get(page, {}).get(key)) for s in names])
            out += [f"**{title}**", "", _table(["Page"] + names, rows), ""]
        measured = [s for s in names if scales[s].get("apptest", {}).get("pages")]
        largest = measured[-1]
        rows = [[page, p.get("charts"), _s(p.get("chart_spec_kb"), 1), p.get("tables"), _s(p.get("table_kb"), 1),
                 "; ".join(p.get("errors", []))[:120] or "none"]
                for page, p in scales[largest].get("apptest", {}).get("pages", {}).items()]
        out += [f"**What each page sends to the browser at {largest}**", "",
                _table(["Page", "Charts", "Chart specs (KB)", "Tables", "Table data (KB)", "Exceptions"], rows), ""]

    for s in names:
        b = scales[s].get("browser")
        if not b:
            continue
        def split(p, key):
            parts = p.get(f"{key}_breakdown_s") or {}
            return f"{_ms(parts.get('run'))} / {_ms(parts.get('drawing'))}"
        rows = [[page, _ms(p.get("nav_s")), _ms(p.get("floor_nav_s")), _ratio(p.get("nav_s"), p.get("floor_nav_s")),
                 split(p, "nav"), split(p, "floor_nav"),
                 _ms(p.get("filter_s")), _ms(p.get("floor_filter_s")), _ratio(p.get("filter_s"), p.get("floor_filter_s")),
                 split(p, "filter"), p.get("charts", "—"), p.get("svg_points", "—"), p.get("dom_nodes", "—"),
                 "; ".join(p.get("errors", []))[:160] or "none"]
                for page, p in b["pages"].items()]
        out += [f"## Browser at {s} ({scales[s]['records']:,} records), milliseconds", "",
                f"First visit in an empty browser context: floor page {_ms(b.get('first_visit_floor_s'))} ms, "
                f"Overview {_ms(b.get('first_visit_overview_s'))} ms (includes the app's first query run). "
                f"Server peak memory: {_mb(b.get('server_peak_rss_mb'))} MB.", "",
                "*Run / drawing*: the median time from the script run's start (navigation) or the slider's release "
                "(filter change) to the server's ScriptFinished message, and from that message to the page drawn.", "",
                _table(["Page", "Navigation", "Floor", "Ratio", "Run / drawing", "Floor run / drawing", "Filter change",
                        "Floor", "Ratio", "Run / drawing", "Charts", "Plotted points", "DOM nodes", "Errors"], rows), ""]

    out += ["## Memory", "",
            _table(["Scale", "Server peak (MB)", "Server after start (MB)", "Build peak (MB)", "AppTest process peak (MB)"],
                   [[s, _mb(d.get("browser", {}).get("server_peak_rss_mb")),
                     _mb(d.get("browser", {}).get("server_rss_after_start_mb")),
                     _mb(d.get("build", {}).get("peak_rss_mb")), _mb(d.get("apptest", {}).get("peak_rss_mb"))]
                    for s, d in scales.items()]), ""]
    out += [BOUNDED, METHOD]
    return "\n".join(out) + "\n"
