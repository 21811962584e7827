"""Child process of the benchmark: build one database and print its cost as one JSON line.

    python bench/measure_build.py --data DIR --archive DIR --db FILE

A process of its own, so that its peak memory (VmHWM) is the build's and nothing else's.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.procmem import peak_rss_mb   # noqa: E402
from tracker import db                   # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", required=True)
    p.add_argument("--archive", required=True)
    p.add_argument("--db", required=True)
    args = p.parse_args()
    before = peak_rss_mb()
    result = db.build(Path(args.db), Path(args.data), Path(args.archive))
    print(json.dumps({
        "seconds": round(result.seconds, 3),          # validation included
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_before_build_mb": before,     # the interpreter and imports alone
        "db_mb": round(Path(args.db).stat().st_size / 2**20, 1),
        "rows": result.report.row_counts,
        "quotes_checked": result.report.quotes_checked,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
