"""Command line: python -m tracker build | validate | export | ingest.

Problems are printed one per line as data/FILE.csv:LINE: column: problem, all at once; the exit
status is 1 when there are any, 2 for a usage error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker import db, export
from tracker.ingest import command as ingest_command
from tracker.paths import default_archive, default_data_dir, default_db_path
from tracker.validate import ValidationError, validate


def _print_problems(problems) -> None:
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found; nothing was written.", file=sys.stderr)


def cmd_validate(args) -> int:
    report = validate(Path(args.data), default_archive(args.archive))
    for notice in report.notices:
        print(f"note: {notice}", file=sys.stderr)
    if not report.ok:
        _print_problems(report.problems)
        return 1
    rows = sum(report.row_counts.values())
    print(f"ok: {rows} rows in {len(report.row_counts)} files; {report.quotes_checked} quotes found verbatim in their sources")
    return 0


def cmd_build(args) -> int:
    try:
        result = db.build(Path(args.db), Path(args.data), default_archive(args.archive))
    except ValidationError as e:
        _print_problems(e.problems)
        return 1
    for notice in result.report.notices:
        print(f"note: {notice}", file=sys.stderr)
    print(f"built {result.db_path} in {result.seconds:.2f} s ({result.report.quotes_checked} quotes checked)")
    return 0


def cmd_export(args) -> int:
    db_path = db.ensure_built(Path(args.db), Path(args.data), default_archive(args.archive))
    con = db.connect_read_only(db_path)
    try:
        written = export.export_views(con, Path(args.out), args.format)
    finally:
        con.close()
    print(f"wrote {len(written)} views to {args.out}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tracker", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp, with_db=True):
        sp.add_argument("--data", default=str(default_data_dir()), help="folder of curated CSV files (default: data/)")
        sp.add_argument("--archive", help="folder of source texts for the quote check (default: $TRACKER_ARCHIVE or ../shared/seeds)")
        if with_db:
            sp.add_argument("--db", default=str(default_db_path()), help="DuckDB file (default: $TRACKER_DB or a temporary folder)")

    common(sub.add_parser("validate", help="check data/ without writing anything"), with_db=False)
    common(sub.add_parser("build", help="validate, then build the database atomically"))
    ex = sub.add_parser("export", help="write every public view to files")
    common(ex)
    ex.add_argument("--format", choices=sorted(export.FORMATS), default="csv")
    ex.add_argument("--out", required=True, help="output folder")
    ingest_command.add_arguments(sub.add_parser("ingest", help="add a new article: propose candidate records, review, write"))
    return p


COMMANDS = {"validate": cmd_validate, "build": cmd_build, "export": cmd_export, "ingest": ingest_command.run}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return COMMANDS[args.command](args)
