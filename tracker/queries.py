"""Run a named query: queries/<name>.sql, with parameters bound by DuckDB, never formatted in.

Each file starts with a comment saying what it returns and at what grain.
"""
from __future__ import annotations

import functools
import re

import duckdb
import pandas as pd

from tracker.paths import QUERIES_DIR

_NAME = re.compile(r"[a-z0-9_]+")


@functools.cache
def load_sql(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a query name: {name!r}")
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


@functools.cache
def parameter_names(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\$([a-z_]+)", load_sql(name)))


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql on a fresh cursor (connections are not shared across threads).

    Only the parameters the query names are bound, so callers may pass the whole filter state.
    """
    wanted = parameter_names(name)
    missing = wanted - params.keys()
    if missing:
        raise TypeError(f"query {name} needs parameters: {', '.join(sorted(missing))}")
    cursor = con.cursor()
    try:
        return cursor.execute(load_sql(name), {k: params[k] for k in wanted}).df()
    finally:
        cursor.close()
