"""The dashboard pages the benchmark measures: app.py (Overview) and pages/*.py, in menu order.

The ingest page (9_Add_a_source.py) is left out: it is off unless TRACKER_ENABLE_INGEST=1 and does
no work over the dataset.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {"9_Add_a_source.py"}


@dataclass(frozen=True)
class Page:
    name: str       # "Overview", "Stated goals", ...
    script: str     # path relative to the repository
    url_path: str   # "" for the home page, else the classic multipage URL path ("Stated_goals")


def discover() -> list[Page]:
    pages = [Page("Overview", "app.py", "")]
    def number(path: Path) -> tuple[int, str]:
        m = re.match(r"(\d+)", path.name)
        return (int(m.group(1)) if m else 10**6, path.name)
    for path in sorted((REPO_ROOT / "pages").glob("*.py"), key=number):
        if path.name in SKIPPED:
            continue
        stem = re.sub(r"^\d+[_ -]*", "", path.stem)       # Streamlit drops the ordering number
        pages.append(Page(stem.replace("_", " "), f"pages/{path.name}", stem))
    return pages
