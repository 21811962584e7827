"""The CSV contract, read from queries/schema.sql so that it is written down in one place.

Running the schema in an in-memory DuckDB and reading the catalog gives, for each table, its
columns in order with their types, which are required, the primary key and the foreign keys.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import duckdb

from tracker.paths import QUERIES_DIR

RAW_SCHEMA = "raw"


@dataclass(frozen=True)
class Column:
    name: str
    type: str                      # VARCHAR, INTEGER, DOUBLE, DATE, BOOLEAN or ENUM
    required: bool
    choices: tuple[str, ...] = ()  # the values of an ENUM column


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    ref_column: str


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def is_record(self) -> bool:
        """Record tables (targets, achievements, ...) carry a claim type and need evidence."""
        return "claim_type" in self.column_names

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"


def schema_sql() -> str:
    return (QUERIES_DIR / "schema.sql").read_text(encoding="utf-8")


def _enum_choices(type_name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"'((?:[^']|'')*)'", type_name))


@functools.cache
def tables() -> tuple[Table, ...]:
    """Every raw table in schema order (vocabularies first, as the file declares them)."""
    con = duckdb.connect()
    con.execute(schema_sql())
    cols = con.sql(
        "select table_name, column_name, data_type, is_nullable from information_schema.columns "
        "where table_schema = 'raw' order by table_name, ordinal_position"
    ).fetchall()
    constraints = con.sql(
        "select table_name, constraint_type, constraint_column_names, referenced_table, referenced_column_names "
        "from duckdb_constraints() where schema_name = 'raw' and constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')"
    ).fetchall()
    order = [r[0] for r in con.sql(
        "select table_name from duckdb_tables() where schema_name = 'raw' order by table_oid"
    ).fetchall()]
    con.close()

    by_table: dict[str, list[Column]] = {}
    for table, name, dtype, nullable in cols:
        kind = "ENUM" if dtype.startswith("ENUM") else dtype
        by_table.setdefault(table, []).append(
            Column(name, kind, nullable == "NO", _enum_choices(dtype) if kind == "ENUM" else ())
        )
    pks: dict[str, tuple[str, ...]] = {}
    fks: dict[str, list[ForeignKey]] = {}
    for table, ctype, columns, ref_table, ref_columns in constraints:
        if ctype == "PRIMARY KEY":
            pks[table] = tuple(columns)
        else:
            fks.setdefault(table, []).append(ForeignKey(columns[0], ref_table, ref_columns[0]))
    return tuple(
        Table(t, tuple(by_table[t]), pks.get(t, ()), tuple(fks.get(t, []))) for t in order
    )


def table(name: str) -> Table:
    return next(t for t in tables() if t.name == name)


def record_tables() -> list[Table]:
    return [t for t in tables() if t.is_record]
