"""The performance budgets of issue 5, evaluated on a benchmark's results.

1. At 1 million records every page's warm rerun (AppTest) is at most 2x its time on the real dataset.
2. In the browser, every page's navigation-to-charts and filter-to-redraw is at most 1.5x the floor
   page's, measured side by side in the same run.
3. The server's peak memory at 1 million records stays under 1 GB (Streamlit Community Cloud's limit).
4. Build time grows at most linearly: 10x the records take at most 12x the time.
5. The build's peak memory at 1 million records stays under 1 GB too: on Community Cloud, which has
   no persistent disk, the app builds the database inside the server process at first start, so the
   build shares budget 3's limit.
6. The whole run takes under 15 minutes on 2 cores (the issue's "done when").

A budget defined at 1 million records is evaluated at the largest synthetic scale that was run and
says so (a --quick run is not evidence for the 1 million budgets).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

WARM_RERUN_MAX_RATIO = 2.0
BROWSER_MAX_RATIO = 1.5
MEMORY_LIMIT_MB = 1024
BUILD_GROWTH_ALLOWANCE = 1.2       # 10x records -> at most 12x time
RUN_TIME_LIMIT_S = 900             # the whole run, on 2 cores


@dataclass
class Verdict:
    budget: str
    scale: str
    subject: str         # a page, "server", "build", or a pair of scales
    measured: float | None
    reference: float | None
    ratio: float | None
    limit: float
    unit: str            # "x" for ratios, "MB" for memory
    passed: bool
    note: str = ""

    def line(self) -> str:
        status = "PASS" if self.passed else "FAIL"
        if self.unit in ("MB", "s"):
            detail = (f"{self.measured:.0f} {self.unit} (limit {self.limit:.0f} {self.unit})"
                      if self.measured is not None else "not measured")
        elif self.ratio is not None:
            detail = f"ratio {self.ratio:.2f} (limit {self.limit:.2f}; {self.measured:.3f} s vs {self.reference:.3f} s)"
        else:
            detail = "not measured"
        note = f" [{self.note}]" if self.note else ""
        return f"{status}  {self.budget:<22} {self.scale:>5}  {self.subject:<28} {detail}{note}"


def _ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def evaluate(results: dict) -> list[Verdict]:
    scales = results["scales"]
    synthetic = [s for s in scales if s != "real" and scales[s].get("records")]
    largest = max(synthetic, key=lambda s: scales[s]["records"]) if synthetic else None
    at_1m_note = "" if largest == "1m" else f"defined at 1m; measured at {largest}"
    verdicts: list[Verdict] = []

    # 1. warm rerun at 1M vs real
    real_pages = scales.get("real", {}).get("apptest", {}).get("pages", {})
    if largest:
        measured = scales[largest].get("apptest", {}).get("pages", {})
        for page in dict.fromkeys([*real_pages, *measured]):
            m = measured.get(page, {})
            ref = real_pages.get(page, {}).get("warm_s")
            ratio = _ratio(m.get("warm_s"), ref)
            ok = ratio is not None and ratio <= WARM_RERUN_MAX_RATIO and not m.get("errors")
            problem = ("page raised an exception" if m.get("errors") else
                       "not measured: the page did not finish within the AppTest deadline" if not m else "")
            verdicts.append(Verdict("warm rerun vs real", largest, page, m.get("warm_s"), ref, ratio,
                                    WARM_RERUN_MAX_RATIO, "x", ok, "; ".join(filter(None, [at_1m_note, problem]))))

    # 2. browser vs floor, every page at every scale
    for scale, data in scales.items():
        for page, m in data.get("browser", {}).get("pages", {}).items():
            for metric, label in (("nav_s", "browser navigation"), ("filter_s", "browser filter")):
                ref = m.get(f"floor_{metric}")
                ratio = _ratio(m.get(metric), ref)
                ok = ratio is not None and ratio <= BROWSER_MAX_RATIO and not m.get("errors")
                verdicts.append(Verdict(f"{label} vs floor", scale, page, m.get(metric), ref, ratio,
                                        BROWSER_MAX_RATIO, "x", ok, "; ".join(m.get("errors", []))[:160]))

    # 3. server peak memory at 1M; 5. build peak memory at 1M
    if largest:
        peak = scales[largest].get("browser", {}).get("server_peak_rss_mb")
        verdicts.append(Verdict("server peak memory", largest, "streamlit server (db prebuilt)", peak, None, None,
                                MEMORY_LIMIT_MB, "MB", peak is not None and peak < MEMORY_LIMIT_MB, at_1m_note))
        build_peak = scales[largest].get("build", {}).get("peak_rss_mb")
        verdicts.append(Verdict("build peak memory", largest, "validate + build", build_peak, None, None,
                                MEMORY_LIMIT_MB, "MB", build_peak is not None and build_peak < MEMORY_LIMIT_MB,
                                "; ".join(filter(None, [at_1m_note, "the app builds at first start on Community Cloud"]))))

    # 4. build time linear between consecutive synthetic scales
    ordered = sorted(synthetic, key=lambda s: scales[s]["records"])
    for small, big in zip(ordered, ordered[1:]):
        t_small, t_big = scales[small]["build"]["seconds"], scales[big]["build"]["seconds"]
        growth = scales[big]["records"] / scales[small]["records"]
        ratio = _ratio(t_big, t_small)
        limit = round(BUILD_GROWTH_ALLOWANCE * growth, 2)
        verdicts.append(Verdict("build time growth", big, f"{small} -> {big} ({growth:.1f}x records)", t_big, t_small,
                                ratio, limit, "x", ratio is not None and ratio <= limit))
    # the "done when": the whole benchmark runs in under 15 minutes on a 2-core machine
    total = results.get("total_seconds")
    verdicts.append(Verdict("benchmark run time", "all", "python bench/run.py", total, None, None, RUN_TIME_LIMIT_S,
                            "s", total is not None and total < RUN_TIME_LIMIT_S))
    return verdicts


def as_dicts(verdicts: list[Verdict]) -> list[dict]:
    return [asdict(v) for v in verdicts]
