"""The app's access to the database: one read-only connection per process, a cursor per query,
and results cached with bounds, keyed on the query name and its filter values."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import db, export, queries
from tracker.paths import default_archive, default_data_dir, default_db_path


@st.cache_resource(show_spinner="Preparing the database…")
def connection():
    """Build the database from data/ if it is missing or stale (a fresh clone on Community Cloud),
    then open it read-only. Shared by every session: each query runs on its own cursor."""
    path = db.ensure_built(default_db_path(), default_data_dir(), default_archive())
    return db.connect_read_only(path)


def _freeze(value):
    return tuple(value) if isinstance(value, list) else value


@st.cache_data(ttl=3600, max_entries=256, show_spinner=False)
def _cached(name: str, frozen: tuple) -> pd.DataFrame:
    return queries.run(connection(), name, **{k: list(v) if isinstance(v, tuple) else v for k, v in frozen})


def query(name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with bound parameters; extra parameters are ignored by the query."""
    wanted = queries.parameter_names(name)
    frozen = tuple(sorted((k, _freeze(v)) for k, v in params.items() if k in wanted))
    return _cached(name, frozen).copy()


@st.cache_data(ttl=3600, max_entries=2, show_spinner=False)
def dataset_zip() -> bytes:
    return export.dataset_zip(connection())
