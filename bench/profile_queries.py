"""Time every named query (queries/*__*.sql) on one database with the default filters.

    python bench/profile_queries.py --db /tmp/tracker_bench/1m/tracker.duckdb

Prints, per query: seconds, rows returned and the size of the result in memory — the first place
to look when a page is slow at scale (a query that returns every row, or one that is not aggregated).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tracker import db, limits, queries   # noqa: E402
from tracker.filters import Vocabulary, default_state   # noqa: E402
from tracker.paths import QUERIES_DIR     # noqa: E402


def default_params(con) -> dict:
    """The dashboard's default filters (every year, topic and jurisdiction) and its page caps."""
    bounds = queries.run(con, "shared__year_bounds").iloc[0]
    vocab = Vocabulary(int(bounds.year_min), int(bounds.year_max), tuple(queries.run(con, "shared__topics")["topic"]),
                       tuple(queries.run(con, "shared__jurisdictions")["jurisdiction"]))
    return {**default_state(vocab).params, "search": "", "limit": limits.TABLE_ROWS, "metric": "ai_industry_scale",
            "with_progress_only": False, "series": limits.SERIES_LINES, "parties": limits.NETWORK_PARTIES,
            "names": ["Microsoft"]}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", required=True)
    args = p.parse_args()
    con = db.connect_read_only(Path(args.db))
    params = default_params(con)
    print(f"{'query':40s} {'seconds':>8s} {'rows':>9s} {'MB':>8s}")
    for path in sorted(QUERIES_DIR.glob("*__*.sql")):
        name = path.stem
        started = time.perf_counter()
        try:
            frame = queries.run(con, name, **params)   # binds only what the query names
        except Exception as e:          # report and go on: one broken query should not hide the others
            print(f"{name:40s} error: {str(e).splitlines()[0][:100]}")
            continue
        seconds = time.perf_counter() - started
        print(f"{name:40s} {seconds:8.3f} {len(frame):9,d} {frame.memory_usage(deep=True).sum() / 2**20:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
