"""The app's access to the database: one read-only connection per process, a cursor per query,
and results cached with bounds, keyed on the query name and its filter values."""
from __future__ import annotations

import json

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


@st.cache_data(ttl=3600, max_entries=256, show_spinner=False)
def _cached(name: str, key: str, _params: dict) -> pd.DataFrame:
    # Keyed on `key` (the parameters as JSON); `_params` is not hashed: Streamlit's hasher walks a
    # list of hundreds of jurisdictions value by value, which cost more than the query.
    return queries.run(connection(), name, **_params)


def query(name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with bound parameters; extra parameters are ignored by the query."""
    names = queries.parameter_names(name)
    wanted = {k: list(v) if isinstance(v, tuple) else v for k, v in params.items() if k in names}
    return _cached(name, json.dumps(wanted, sort_keys=True, default=str), wanted).copy()


def full_query(name: str, **params) -> pd.DataFrame:
    """The query without its cap ($limit = null), for a download: run when the button is clicked and
    not cached, so a full list of hundreds of thousands of rows is not kept in the server's memory."""
    return queries.run(connection(), name, **{**params, "limit": None})   # binds only what the query names


@st.cache_data(ttl=3600, max_entries=2, show_spinner=False)
def dataset_zip() -> bytes:
    return export.dataset_zip(connection())
