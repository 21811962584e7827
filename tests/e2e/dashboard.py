"""The dashboard as the browser tests expect to find it (see the UI contract): its pages, their
titles, how many charts each draws with the default filters, and a shared link for each whose
filters visibly change what the page's charts show.

The pages under test are read from the files (app.py and pages/*.py), not from this list, so a new
page can never go untested: a page file missing here fails the tests until it is described.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from .streamlit_server import REPO_ROOT

APP_NAME = "Shanghai AI Policy Tracker"

# Sidebar widget labels (tracker/ui.py) and the labels their options are shown with.
YEARS, TOPICS, JURISDICTIONS, CURRENCY = "Years", "Topics", "Jurisdictions", "Currency"
CURRENCY_LABELS = {"reported": "As reported", "CNY": "CNY (¥)", "USD": "USD ($)"}
DOWNLOAD_CHART_CSV = "Download chart data (CSV)"
NOTICE_PREFIX = "Ignored"

# A colleague's link: five years, Shanghai only, amounts in dollars.
SHARED_LINK = {"from": "2019", "to": "2023", "jurisdiction": ["shanghai"], "currency": "USD"}


@dataclass(frozen=True)
class DashboardPage:
    file: str  # app.py or pages/N_Name.py
    title: str  # shown in the browser tab (before " · APP_NAME") and as the page heading
    min_charts: int  # charts drawn with the default filters
    link: dict  # query parameters of a shared link that changes what this page shows
    text: str = ""  # a sentence the page must show (for pages without charts)
    listed: bool = True  # linked from the sidebar's navigation

    @property
    def path(self) -> str:
        """The URL path Streamlit's classic multipage mode gives the file: /, /Stated_goals, ..."""
        if self.file == "app.py":
            return "/"
        return "/" + re.sub(r"^\d+_", "", self.file.removeprefix("pages/").removesuffix(".py"))

    def url(self, params: dict | None = None) -> str:
        return self.path + ("?" + urlencode(params, doseq=True) if params else "")

    @property
    def slug(self) -> str:
        return "0_Overview" if self.file == "app.py" else self.file.removeprefix("pages/").removesuffix(".py")


CATALOGUE = {
    page.file: page for page in (
        DashboardPage("app.py", "Overview", 2, SHARED_LINK),
        DashboardPage("pages/1_Stated_goals.py", "Stated goals", 1, SHARED_LINK),
        DashboardPage("pages/2_Achievements.py", "Achievements", 2, SHARED_LINK),
        DashboardPage("pages/3_Partnerships.py", "Partnerships", 2, SHARED_LINK),
        # Four of the five clusters are first reported in 2023: stopping at 2022 leaves one marker.
        DashboardPage("pages/4_Clusters.py", "Clusters", 1,
                      {"to": "2022", "jurisdiction": ["shanghai"], "currency": "CNY"}),
        # The one fund is reported in dollars; in yuan its bar is a derived conversion.
        DashboardPage("pages/5_Funds.py", "Funds", 1,
                      {"from": "2023", "to": "2023", "topic": ["funding"], "currency": "CNY"}),
        DashboardPage("pages/6_Conferences.py", "Conferences", 1, SHARED_LINK),
        DashboardPage("pages/7_Method_and_limitations.py", "Method & limitations", 0, SHARED_LINK,
                      text="Status of quantitative targets"),
        DashboardPage("pages/8_Sources_and_evidence.py", "Sources & evidence", 0, SHARED_LINK, text="Evidence"),
        DashboardPage("pages/9_Add_a_source.py", "Add a source", 0, SHARED_LINK,
                      text="Adding sources is switched off here", listed=False),  # listed only when switched on
    )
}


def page_files() -> list[str]:
    """Every page of the app, home page first, in the order Streamlit lists them."""
    return ["app.py"] + sorted((p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "pages").glob("*.py")),
                               key=lambda f: int(re.match(r"pages/(\d+)", f).group(1)) if re.match(r"pages/\d+", f) else 999)


def described(file: str) -> DashboardPage:
    assert file in CATALOGUE, (f"{file} is a page of the app but tests/e2e/dashboard.py does not describe it: "
                               "add its title, chart count and a shared link to CATALOGUE")
    return CATALOGUE[file]


def chart_pages() -> list[str]:
    return [f for f in page_files() if f in CATALOGUE and CATALOGUE[f].min_charts > 0]


def vocabulary_labels(name: str) -> dict[str, str]:
    """Key -> label of a vocabulary (topics, jurisdictions) as the sidebar shows it, from data/."""
    with open(REPO_ROOT / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
        key = {"topics": "topic", "jurisdictions": "jurisdiction"}[name]
        return {row[key]: row["label"] for row in csv.DictReader(f)}


def query_of(url: str) -> dict[str, list[str]]:
    """The query parameters of a URL, each key with all its values, for order-free comparison."""
    return {k: sorted(v) for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def as_lists(params: dict) -> dict[str, list[str]]:
    return {k: sorted(v if isinstance(v, list) else [v]) for k, v in params.items()}


def point_count(chart: dict) -> int:
    """How many data points a chart draws, over all its traces."""
    return sum(len(t.get("x") or t.get("values") or []) for t in chart["traces"])
