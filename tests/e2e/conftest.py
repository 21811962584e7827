"""Fixtures for the browser tests: the system Chromium, and one Streamlit server for the session.

pytest-playwright supplies `browser`, `context`, `page` and `new_context`; this file points them at
Chromium (see chromium.py) and at a dashboard started here on a free loopback port, with its own
database file so the tests never touch a developer's. Every test in this folder is marked `e2e`,
so `python -m pytest -m "not e2e"` runs the rest alone.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .chromium import launch_options
from .streamlit_server import ARTIFACTS, StreamlitServer, running_server

E2E_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def chromium_launch_options(playwright) -> dict:
    """executable_path and flags for Chromium; fails in CI and skips elsewhere when there is none."""
    return launch_options(playwright.chromium.executable_path)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, chromium_launch_options: dict) -> dict:
    # Keep pytest-playwright's own options (--headed, --slowmo) and add the system Chromium.
    return {**browser_type_launch_args, **chromium_launch_options}


@pytest.fixture(scope="session")
def streamlit_server(tmp_path_factory) -> StreamlitServer:
    """`streamlit run app.py` on a free port, with a database file of its own that the app builds
    at start from data/ (as on a fresh deployment)."""
    db_path = tmp_path_factory.mktemp("e2e_db") / "tracker.duckdb"
    with running_server(db_path, ARTIFACTS / "logs" / "streamlit-e2e.log") as server:
        yield server


@pytest.fixture(scope="session")
def base_url(streamlit_server: StreamlitServer) -> str:
    """pytest-playwright passes this to every browser context, so tests navigate to "/Funds?..."."""
    return streamlit_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1366, "height": 900}, "accept_downloads": True}


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    path = ARTIFACTS / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failed browser test, add the end of the server's log to the report: an exception in
    the app shows there with its traceback even when the page only says that something failed."""
    report = yield
    if report.failed and "streamlit_server" in getattr(item, "funcargs", {}):
        report.sections.append(("streamlit server log (last lines)", item.funcargs["streamlit_server"].log_tail()))
    return report
