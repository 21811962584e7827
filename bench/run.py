"""The benchmark: the dashboard at the real dataset and at synthetic scales, against budgets.

    python bench/run.py                          # real, 10k, 100k, 1m; writes docs/BENCHMARKS.md, bench/results.json
    python bench/run.py --quick                  # real and 10k, fewer repetitions; writes to bench/out/
    python bench/run.py --scales real,100k --keep

For each scale: generate the synthetic dataset (bench/generate.py, in a temporary folder, never in
data/), build it in a child process (time, size, peak memory), time every page server-side with
AppTest in a child process, then serve the app with `streamlit run` and time every page in headless
Chromium beside the floor page (bench/floor/), served at the same time, before reading the
server's peak memory. Prints every budget (bench/budgets.py) as PASS or FAIL with its ratio.
Exit status: 0 when every budget passes, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench import browser, budgets, generate, machine, report   # noqa: E402
from bench.pages import Page, discover                            # noqa: E402
from tracker.paths import DATA_DIR, default_archive              # noqa: E402

# Repetitions, chosen so that the full run stays well under 15 minutes on 2 cores; three browser
# measurements per page make a true median (with two, one slow navigation moved a ratio by 0.3).
# A page slower than the deadlines has failed its budgets many times over: the run records what was
# measured by then and goes on, so that it still ends in reasonable time.
FULL = {"warm": 5, "filters": 2, "browser_reps": 3,
        "apptest_deadline_s": 150, "browser_deadline_s": 150}
QUICK = {"warm": 3, "filters": 1, "browser_reps": 2,
         "apptest_deadline_s": 120, "browser_deadline_s": 120}
FLOOR_PAGE_PATH = "Floor_page"   # bench/floor/pages/Floor_page.py


def _log(message: str, started: float) -> None:
    print(f"[{time.perf_counter() - started:6.0f} s] {message}", flush=True)


def _child_json(args: list[str], log: Path, timeout: float) -> dict:
    """Run a child benchmark process; its last stdout line is its JSON result, stderr goes to `log`."""
    with open(log, "w") as err:
        out = subprocess.run([sys.executable, *args], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                             stderr=err, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:1])} failed with status {out.returncode}; see {log}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def apptest_pages(env: dict[str, str], warm: int, filters: int, log: Path, deadline_s: float) -> dict:
    """Run bench/measure_apptest.py; stop it at the deadline and keep the pages measured by then."""
    with open(log, "w") as err:
        child = subprocess.Popen([sys.executable, "bench/measure_apptest.py", "--warm", str(warm), "--filters", str(filters)],
                                 cwd=REPO_ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=err, text=True)
        try:
            stdout, _ = child.communicate(timeout=deadline_s)
            timed_out = False
        except subprocess.TimeoutExpired:
            child.kill()
            stdout, _ = child.communicate()
            timed_out = True
    out: dict = {"pages": {}, "timed_out": timed_out}
    for line in stdout.splitlines():
        item = json.loads(line)
        if "page" in item:
            out["pages"][item.pop("page")] = item
        else:
            out.update(item)
    if timed_out:
        out["deadline_s"] = deadline_s
    elif child.returncode != 0:
        raise RuntimeError(f"bench/measure_apptest.py failed with status {child.returncode}; see {log}")
    return out


def _real_records() -> int:
    from tracker import contract
    total = 0
    for table in contract.record_tables():
        with open(DATA_DIR / table.file_name, encoding="utf-8") as f:
            total += sum(1 for _ in f) - 1
    return total


def prepare_dataset(scale: str, workspace: Path, reuse: bool) -> dict:
    """Data folder, archive and record count for a scale; synthetic ones are generated (timed)."""
    folder = workspace / scale
    folder.mkdir(parents=True, exist_ok=True)
    if scale == "real":
        return {"data_dir": str(DATA_DIR), "archive_dir": str(default_archive()), "folder": str(folder),
                "records": _real_records(), "synthetic_records": 0, "generate_s": None}
    n = generate.parse_scale(scale)
    summary_path = folder / "summary.json"
    if reuse and summary_path.exists():
        summary = json.loads(summary_path.read_text())
        if summary.get("synthetic_records") == n:
            return {**summary, "folder": str(folder), "reused": True}
    started = time.perf_counter()
    summary = generate.generate(n, folder)
    summary["generate_s"] = round(time.perf_counter() - started, 2)
    summary["records"] = _real_records() + n
    summary_path.write_text(json.dumps(summary))
    return {**summary, "folder": str(folder)}


def _median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 4) if values else None


def _record(m: dict, key: str, timing: browser.Timing) -> None:
    m[f"{key}_all_s"].append(round(timing.total, 4))
    m[f"{key}_parts"].append({"until_run_start": timing.until_run_start, "run": timing.run, "drawing": timing.drawing})


def measure_browser(chromium, floor: browser.Server, pages: list[Page], env: dict[str, str], apptest: dict,
                    reps: int, log: Path, deadline_s: float) -> dict:
    """Every page in the browser, each measurement paired with one of the floor page just before or after it.

    Every wait is cut short at the scale's deadline; what was not measured by then is recorded as such.
    After a page fails to draw, its browser context is replaced, so a renderer stuck on it cannot
    slow the pages after it."""
    deadline = time.perf_counter() + deadline_s
    server = browser.start_server(REPO_ROOT / "app.py", REPO_ROOT, env, log)
    out: dict = {"server_rss_after_start_mb": server.peak_rss_mb(), "pages": {}, "deadline_s": deadline_s}
    floor_tab = browser.Tab(chromium)
    app_tab = browser.Tab(chromium)
    try:
        # First visits in fresh contexts (empty browser cache; the app's first visitor also runs its first queries).
        out["first_visit_floor_s"] = round(browser.navigate(floor_tab, floor.url, 1, deadline).total, 3)
        overview_charts = apptest.get("pages", {}).get("Overview", {}).get("charts", 0)
        try:
            out["first_visit_overview_s"] = round(
                browser.navigate(app_tab, server.url + "/", overview_charts, deadline).total, 3)
        except browser.NotDrawn as e:
            out["first_visit_overview_s"] = None
            out["first_visit_error"] = str(e)[:400]
            app_tab.close()
            app_tab = browser.Tab(chromium)
        for page in pages:
            url = f"{server.url}/{page.url_path}"
            # the floor reached by the same kind of URL: at the root for the Overview, else at a page path
            floor_path = FLOOR_PAGE_PATH if page.url_path else ""
            floor_url = f"{floor.url}/{floor_path}"
            charts = apptest.get("pages", {}).get(page.name, {}).get("charts", 0)
            m = {f"{who}{what}_{part}": [] for who in ("", "floor_") for what in ("nav", "filter")
                 for part in ("all_s", "parts")}
            m["errors"] = []
            m["floor_url_path"] = "/" + floor_path
            try:
                for rep in range(reps):
                    # alternate who goes first, so a drift in machine load hits both alike
                    order = (("floor", floor_tab, floor_url, 1), ("page", app_tab, url, charts))
                    for who, tab, where, min_charts in (order if rep % 2 == 0 else order[::-1]):
                        _record(m, "floor_nav" if who == "floor" else "nav",
                                browser.navigate(tab, where, min_charts, deadline))
                state = browser.page_state(app_tab)
                m.update(charts=state["charts"], svg_points=state["svgPoints"], dom_nodes=state["domNodes"])
                m["errors"] += state["exceptions"]
                for rep in range(reps):
                    order = (("floor", floor_tab), ("page", app_tab))
                    for who, tab in (order if rep % 2 == 0 else order[::-1]):
                        _record(m, "floor_filter" if who == "floor" else "filter",
                                browser.move_years_start(tab, deadline))
                m["errors"] += browser.page_state(app_tab)["exceptions"]
            except Exception as e:          # a page that never draws is a result, not a crash of the run
                m["errors"].append(f"{type(e).__name__}: {str(e).splitlines()[0][:400]}")
                app_tab.close()
                app_tab = browser.Tab(chromium)
                if floor_tab.broken:
                    floor_tab.close()
                    floor_tab = browser.Tab(chromium)
            for key in ("nav", "floor_nav", "filter", "floor_filter"):
                m[f"{key}_s"] = _median(m[f"{key}_all_s"])
                parts = m.pop(f"{key}_parts")
                m[f"{key}_breakdown_s"] = {part: _median([p[part] for p in parts])
                                           for part in ("until_run_start", "run", "drawing")}
            out["pages"][page.name] = m
    finally:
        floor_tab.close()
        app_tab.close()
        out["server_peak_rss_mb"] = server.peak_rss_mb()
        server.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    p.add_argument("--scales", help="comma-separated: real, 10k, 100k, 1m or a number (default: real,10k,100k,1m; "
                                    "with --quick: real,10k)")
    p.add_argument("--quick", action="store_true", help="fewer repetitions; results go to bench/out/ unless --report/--json")
    p.add_argument("--workspace", default=str(Path(tempfile.gettempdir()) / "tracker_bench"),
                   help="folder for synthetic datasets, databases and logs (default: the system temporary folder)")
    p.add_argument("--report", help="markdown report (default: docs/BENCHMARKS.md; bench/out/BENCHMARKS.md with --quick)")
    p.add_argument("--json", help="JSON results (default: bench/results.json; bench/out/results.json with --quick)")
    p.add_argument("--reuse", action="store_true", help="reuse synthetic datasets already generated in the workspace")
    p.add_argument("--keep", action="store_true", help="keep the synthetic datasets and databases afterwards")
    p.add_argument("--no-browser", action="store_true", help="skip the browser measurements (for debugging only)")
    p.add_argument("--report-only", action="store_true",
                   help="measure nothing: rewrite the markdown report and budgets from the JSON results")
    args = p.parse_args(argv)
    if args.report_only:
        return _write_outputs(json.loads(Path(args.json or REPO_ROOT / "bench/results.json").read_text()),
                              Path(args.report or REPO_ROOT / "docs/BENCHMARKS.md"),
                              Path(args.json or REPO_ROOT / "bench/results.json"))

    plan = QUICK if args.quick else FULL
    scales = (args.scales or ("real,10k" if args.quick else "real,10k,100k,1m")).lower().split(",")
    for s in scales:
        if s != "real":
            generate.parse_scale(s)     # fail early on a typo
    out_dir = REPO_ROOT / ("bench/out" if args.quick else "")
    report_path = Path(args.report) if args.report else (out_dir / "BENCHMARKS.md" if args.quick else REPO_ROOT / "docs/BENCHMARKS.md")
    json_path = Path(args.json) if args.json else (out_dir / "results.json" if args.quick else REPO_ROOT / "bench/results.json")
    workspace = Path(args.workspace)
    workspace.mkdir(parents=True, exist_ok=True)
    pages = discover()

    started = time.perf_counter()
    results: dict = {
        "machine": machine.facts(browser.CHROMIUM),
        "settings": {"scales": scales, "quick": args.quick, "warm_reruns": plan["warm"],
                     "filter_changes": plan["filters"],
                     "browser_reps": {s: plan["browser_reps"] for s in scales},
                     "pages": [pg.script for pg in pages], "command": "python bench/run.py " + " ".join(argv or sys.argv[1:])},
        "scales": {},
    }
    _log(f"scales {', '.join(scales)}; {len(pages)} pages; workspace {workspace}", started)

    from playwright.sync_api import sync_playwright
    floor = None
    with sync_playwright() as pw:
        chromium = None if args.no_browser else browser.launch(pw)
        try:
            if chromium:
                floor = browser.start_server(REPO_ROOT / "bench/floor/floor_app.py", REPO_ROOT, {}, workspace / "floor_server.log")
            for scale in scales:
                entry: dict = {"load_average_at_start": [round(x, 2) for x in os.getloadavg()]}
                results["scales"][scale] = entry
                dataset = prepare_dataset(scale, workspace, args.reuse)
                entry.update(records=dataset["records"], synthetic_records=dataset.get("synthetic_records", 0),
                             generate_s=dataset.get("generate_s"), jurisdictions=dataset.get("jurisdictions"),
                             synthetic_sources=dataset.get("synthetic_sources"))
                _log(f"{scale}: dataset ready ({dataset['records']} records"
                     + (f", generated in {dataset['generate_s']} s" if dataset.get("generate_s") else "") + ")", started)
                folder = Path(dataset["folder"])
                db_path = folder / "tracker.duckdb"
                env = {"TRACKER_DB": str(db_path), "TRACKER_DATA": dataset["data_dir"],
                       "TRACKER_ARCHIVE": dataset["archive_dir"]}
                entry["build"] = _child_json(["bench/measure_build.py", "--data", dataset["data_dir"],
                                              "--archive", dataset["archive_dir"], "--db", str(db_path)],
                                             folder / "build.log", timeout=900)
                _log(f"{scale}: built in {entry['build']['seconds']} s, {entry['build']['db_mb']} MB, "
                     f"peak {entry['build']['peak_rss_mb']} MB", started)
                entry["apptest"] = apptest_pages(env, plan["warm"], plan["filters"], folder / "apptest.log",
                                                 plan["apptest_deadline_s"])
                _log(f"{scale}: AppTest done" + (" (stopped at its deadline)" if entry["apptest"]["timed_out"] else ""),
                     started)
                if chromium:
                    reps = plan["browser_reps"]
                    entry["browser"] = measure_browser(chromium, floor, pages, env, entry["apptest"], reps,
                                                       folder / "server.log", plan["browser_deadline_s"])
                    _log(f"{scale}: browser done; server peak {entry['browser']['server_peak_rss_mb']} MB", started)
                if scale != "real" and not args.keep:
                    shutil.rmtree(folder / "data", ignore_errors=True)
                    shutil.rmtree(folder / "archive", ignore_errors=True)
                    (folder / "summary.json").unlink(missing_ok=True)
                if not args.keep:
                    db_path.unlink(missing_ok=True)
        finally:
            if floor:
                floor.stop()
            if chromium:
                chromium.close()

    results["total_seconds"] = round(time.perf_counter() - started, 1)
    return _write_outputs(results, report_path, json_path)


def _write_outputs(results: dict, report_path: Path, json_path: Path) -> int:
    """Evaluate the budgets, write the JSON and the markdown report, print every verdict."""
    verdicts = budgets.evaluate(results)
    results["budgets"] = budgets.as_dicts(verdicts)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(report.markdown(results, verdicts), encoding="utf-8")

    print()
    for v in verdicts:
        print(v.line())
    failed = sum(not v.passed for v in verdicts)
    print(f"\n{len(verdicts) - failed} of {len(verdicts)} budgets pass; total time {results['total_seconds']:.0f} s "
          f"(limit 900 s). Wrote {report_path} and {json_path}.")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
