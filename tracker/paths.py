"""Where things live. Every path is relative to the repository, so a fresh clone works anywhere."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
QUERIES_DIR = REPO_ROOT / "queries"
ARCHIVE_ENV = "TRACKER_ARCHIVE"
DB_ENV = "TRACKER_DB"
DATA_ENV = "TRACKER_DATA"


def default_archive(given: str | Path | None = None) -> Path | None:
    """The folder of source texts: `given` (a --archive option), else $TRACKER_ARCHIVE, else
    ../shared/seeds beside the clone, else none."""
    if given:
        return Path(given)
    if os.environ.get(ARCHIVE_ENV):
        return Path(os.environ[ARCHIVE_ENV])
    beside = REPO_ROOT.parent / "shared" / "seeds"
    return beside if beside.is_dir() else None


def default_data_dir() -> Path:
    return Path(os.environ[DATA_ENV]) if os.environ.get(DATA_ENV) else DATA_DIR


def default_db_path() -> Path:
    """$TRACKER_DB, else a file in the system temporary folder (Streamlit Community Cloud has no
    persistent disk; writing into the clone would also dirty the working tree)."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    return Path(tempfile.gettempdir()) / "shanghai_ai_tracker" / "tracker.duckdb"
