"""Write every public view of a built database to files (csv, parquet or json), and the zip
download of the whole dataset with its data dictionary."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import duckdb

from tracker.db import public_views
from tracker.paths import DATA_DIR

FORMATS = {"csv": "(format csv, header true)", "parquet": "(format parquet)", "json": "(format json, array true)"}


def export_views(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str) -> list[Path]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for view in public_views(con):
        path = out_dir / f"{view}.{fmt}"
        # COPY takes no bound parameters: the view name comes from the catalog and the path is the
        # operator's own --out argument, with quotes escaped.
        target = path.as_posix().replace("'", "''")
        con.execute(f"copy (select * from {view}) to '{target}' {FORMATS[fmt]}")
        written.append(path)
    return written


def dataset_zip(con: duckdb.DuckDBPyConnection) -> bytes:
    """Every public view as CSV plus data/README.md (the data dictionary), in one zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for view in public_views(con):
            cursor = con.cursor()
            try:
                zf.writestr(f"{view}.csv", cursor.execute(f"select * from {view}").df().to_csv(index=False))
            finally:
                cursor.close()
        zf.write(DATA_DIR / "README.md", "README.md")
    return buffer.getvalue()
