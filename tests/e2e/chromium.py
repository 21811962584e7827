"""Which Chromium the browser tests drive, and how it is launched.

Playwright cannot download its own browsers here (no internet but the package registries), so the
tests drive Debian's /usr/bin/chromium through `executable_path`. Where downloads are allowed,
`python -m playwright install chromium` works too: that browser is used when the system one is
missing. With neither, the browser tests fail when the CI environment variable is set (CI must run
them) and are skipped with the reason otherwise (a laptop without Chromium can still run the rest).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.browser import CHROMIUM, CHROMIUM_ARGS as CHROMIUM_FLAGS   # the benchmark's browser, same flags

SYSTEM_CHROMIUM = Path(CHROMIUM)


def launch_options(bundled_executable: str | None) -> dict:
    """Keyword arguments for `BrowserType.launch`, or fail/skip when there is no Chromium at all.

    bundled_executable is where `playwright install chromium` would have put its browser
    (`playwright.chromium.executable_path`); it is only used when the system Chromium is missing.
    """
    if SYSTEM_CHROMIUM.is_file() and os.access(SYSTEM_CHROMIUM, os.X_OK):
        return {"executable_path": str(SYSTEM_CHROMIUM), "args": list(CHROMIUM_FLAGS)}
    if bundled_executable and Path(bundled_executable).is_file():
        return {"args": list(CHROMIUM_FLAGS)}
    reason = (f"no Chromium: {SYSTEM_CHROMIUM} is missing (apt-get install chromium) and Playwright's own "
              "browser is not installed (python -m playwright install chromium)")
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)
