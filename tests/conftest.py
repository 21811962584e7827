"""Shared fixtures: the repository's curated data, the archive of source texts, a built database."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

# `pytest` run from any folder imports the package from this clone (`python -m pytest` would add
# the working folder by itself; the plain `pytest` entry point does not).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker import db  # noqa: E402
from tracker.paths import DATA_DIR, default_archive  # noqa: E402


@pytest.fixture(scope="session")
def seeds_archive() -> Path:
    """The folder of the five source texts ($TRACKER_ARCHIVE or ../shared/seeds).

    The articles are others' writing and stay out of the repository, so a clone may lack them:
    then the quote checks cannot run. In CI (env var CI set) that is a failure; elsewhere the
    test is skipped with the reason.
    """
    archive = default_archive()
    if archive is None or not archive.is_dir():
        reason = (f"archive of source texts not found ({archive or 'TRACKER_ARCHIVE unset and no ../shared/seeds'}); "
                  "quotes cannot be checked against their articles")
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return archive


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ to corrupt or extend. It is named 'data' like the original, so
    problems read data/FILE.csv:LINE: column: problem."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The database built from the repository's data/, once per test session."""
    path = tmp_path_factory.mktemp("db") / "tracker.duckdb"
    db.build(path, DATA_DIR, default_archive())
    return path
