"""Measured quality of the extractor: run it on the five seed articles and compare its candidates
with the curated records.

    python -m tracker.ingest_quality [--data DIR] [--archive DIR] [--verbose] [--json]

A curated numeric fact is a value with its unit and year in targets (target_value, deadline_year),
achievements (value, as_of_year), funds (size_value, launched_year) and reported_conversions (the
converted value, with its record's year), or a date in conferences (start_date, end_date,
observed_on), partnerships (event_date, at its date_precision) and clusters (established_on).
A fact belongs to each article that is evidence for its record (a conversion: to the article that
reports it).

    recall    = facts of an article that some candidate from that article found / facts
    precision = numeric candidates (those with a value or a date) that match a fact of their article
                / numeric candidates

A candidate finds a value fact when value (to 1 part in a million), unit and year agree, or when
its reported conversion does; a date fact when one of its dates equals it (a month-precision date
when year and month agree). Candidates without a number or date (qualitative targets, governance
steps, new names) are counted and shown apart: they are not in the precision figure.
Each article is read with the date and precision data/sources.csv gives it.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tracker.ingest import vocabulary
from tracker.ingest.candidate import KIND_TABLES, Candidate
from tracker.ingest.dates import Published
from tracker.ingest.extract import extract
from tracker.paths import default_archive, default_data_dir

RECALL_TARGET, PRECISION_TARGET = 0.90, 0.60
_VALUE_TABLES = (("targets", "target_id", "target_value", "unit", "deadline_year"),
                 ("achievements", "achievement_id", "value", "unit", "as_of_year"),
                 ("funds", "fund_id", "size_value", "size_unit", "launched_year"))
_DATE_TABLES = (("conferences", "conference_id", ("start_date", "end_date", "observed_on")),
                ("partnerships", "partnership_id", ("event_date",)),
                ("clusters", "cluster_id", ("established_on",)))


@dataclass(frozen=True)
class Fact:
    source_id: str
    record_id: str
    what: str                   # e.g. "targets.target_value", "reported_conversions.value", "conferences.start_date"
    value: float | None = None
    unit: str | None = None
    year: int | None = None
    day: str | None = None      # YYYY-MM-DD, or YYYY-MM for a month
    kind: str = ""              # the record's kind, for the kind-agreement figure

    def describe(self) -> str:
        return (f"{self.record_id} {self.what} = {self.day}" if self.day
                else f"{self.record_id} {self.what} = {self.value:g} {self.unit} ({self.year})")


@dataclass
class ArticleScore:
    source_id: str
    facts: list[Fact]
    candidates: list[Candidate]
    found: list[Fact] = field(default_factory=list)
    missed: list[Fact] = field(default_factory=list)
    matched: list[tuple[Candidate, list[Fact]]] = field(default_factory=list)
    unmatched: list[Candidate] = field(default_factory=list)

    @property
    def numeric(self) -> list[Candidate]:
        return [c for c in self.candidates if c.is_numeric]

    @property
    def qualitative(self) -> list[Candidate]:
        return [c for c in self.candidates if not c.is_numeric]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


_KINDS = {table: kind for kind, table in KIND_TABLES.items()}


def curated_facts(data_dir: Path) -> list[Fact]:
    evidence: dict[str, set[str]] = {}
    for r in _rows(data_dir / "evidence.csv"):
        evidence.setdefault(r["record_id"], set()).add(r["source_id"])
    facts: list[Fact] = []
    record_year: dict[str, int | None] = {}
    record_kind: dict[str, str] = {}
    for table, id_col, value_col, unit_col, year_col in _VALUE_TABLES:
        for r in _rows(data_dir / f"{table}.csv"):
            year = int(r[year_col]) if r[year_col] else None
            record_year[r[id_col]], record_kind[r[id_col]] = year, _KINDS[table]
            if r[value_col]:
                for source in sorted(evidence.get(r[id_col], ())):
                    facts.append(Fact(source, r[id_col], f"{table}.{value_col}", float(r[value_col]), r[unit_col], year,
                                      kind=_KINDS[table]))
    for r in _rows(data_dir / "reported_conversions.csv"):
        facts.append(Fact(r["source_id"], r["record_id"], "reported_conversions.value", float(r["value"]), r["unit"],
                          record_year.get(r["record_id"]), kind=record_kind.get(r["record_id"], "")))
    for table, id_col, date_cols in _DATE_TABLES:
        for r in _rows(data_dir / f"{table}.csv"):
            for col in date_cols:
                if r.get(col):
                    day = r[col][:7] if r.get("date_precision") == "month" else r[col]
                    for source in sorted(evidence.get(r[id_col], ())):
                        facts.append(Fact(source, r[id_col], f"{table}.{col}", day=day, kind=_KINDS[table]))
    return facts


def _same_value(a, b) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def finds(c: Candidate, fact: Fact) -> bool:
    if fact.day is not None:
        days = {d for d in (c.date, c.end_date) if d}
        if c.date_precision == "month":
            days = {d[:7] for d in days}
        return fact.day in days
    if c.year != fact.year:
        return False
    if _same_value(c.value, fact.value) and c.unit == fact.unit:
        return True
    return bool(c.conversion) and _same_value(c.conversion["value"], fact.value) and c.conversion["unit"] == fact.unit


def published_of(row: dict) -> Published:
    return Published(date.fromisoformat(row["published_on"]), row["date_precision"])


def score(data_dir: Path, archive: Path) -> list[ArticleScore]:
    vocab = vocabulary.load(data_dir)
    facts = curated_facts(data_dir)
    scores = []
    for row in _rows(data_dir / "sources.csv"):
        text = (archive / row["archive_name"]).read_text(encoding="utf-8")
        candidates = extract(text, published_of(row), vocab)
        s = ArticleScore(row["source_id"], [f for f in facts if f.source_id == row["source_id"]], candidates)
        for fact in s.facts:
            (s.found if any(finds(c, fact) for c in candidates) else s.missed).append(fact)
        for c in s.numeric:
            hits = [f for f in s.facts if finds(c, f)]
            if hits:
                s.matched.append((c, hits))
            else:
                s.unmatched.append(c)
        scores.append(s)
    return scores


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.0%}" if b else "n/a (none)"


def summary(scores: list[ArticleScore]) -> dict:
    facts = sum(len(s.facts) for s in scores)
    found = sum(len(s.found) for s in scores)
    numeric = sum(len(s.numeric) for s in scores)
    matched = sum(len(s.matched) for s in scores)
    kind_agrees = sum(1 for s in scores for c, hits in s.matched if any(h.kind == c.kind for h in hits))
    return {"facts": facts, "found": found, "recall": found / facts if facts else None,
            "numeric_candidates": numeric, "matched": matched, "precision": matched / numeric if numeric else None,
            "kind_agreement": kind_agrees / matched if matched else None,
            "qualitative_candidates": sum(len(s.qualitative) for s in scores)}


def report(scores: list[ArticleScore], verbose: bool, out=sys.stdout) -> None:
    print(f"{'source':8} {'recall':>18} {'precision':>18} {'other candidates':>17}", file=out)
    for s in scores:
        print(f"{s.source_id:8} {_ratio(len(s.found), len(s.facts)):>18} {_ratio(len(s.matched), len(s.numeric)):>18} "
              f"{len(s.qualitative):>17}", file=out)
    total = summary(scores)
    print(f"{'overall':8} {_ratio(total['found'], total['facts']):>18} {_ratio(total['matched'], total['numeric_candidates']):>18} "
          f"{total['qualitative_candidates']:>17}", file=out)
    if total["kind_agreement"] is not None:
        print(f"kind agreement: {total['kind_agreement']:.0%} of matched candidates have the curated record's kind", file=out)
    print(f"targets: recall >= {RECALL_TARGET:.0%}, precision >= {PRECISION_TARGET:.0%}", file=out)
    if verbose:
        for s in scores:
            for fact in s.missed:
                print(f"missed     {s.source_id}: {fact.describe()}", file=out)
            for c in s.unmatched:
                print(f"unmatched  {s.source_id}: {c.kind} value={c.value} unit={c.unit} year={c.year} date={c.date} "
                      f"from {c.matched_text!r}", file=out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tracker.ingest_quality", description=__doc__.splitlines()[0])
    p.add_argument("--data", default=str(default_data_dir()))
    p.add_argument("--archive", help="folder of the seed articles (default: $TRACKER_ARCHIVE or ../shared/seeds)")
    p.add_argument("--verbose", action="store_true", help="list every missed fact and unmatched candidate")
    p.add_argument("--json", action="store_true", help="print the overall figures as JSON")
    args = p.parse_args(argv)
    archive = default_archive(args.archive)
    if archive is None or not archive.is_dir():
        print(f"error: the archive of seed articles was not found ({archive or 'not set'}); pass --archive DIR", file=sys.stderr)
        return 2
    scores = score(Path(args.data), archive)
    total = summary(scores)
    if args.json:
        print(json.dumps(total, indent=2))
    else:
        report(scores, args.verbose)
    ok = (total["recall"] or 0) >= RECALL_TARGET and (total["precision"] or 0) >= PRECISION_TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
