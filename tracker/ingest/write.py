"""Append accepted candidates to data/*.csv with their evidence, all or nothing.

The new rows (a sources.csv row, the records, their evidence and reported conversions, and any
unit or metric the dataset did not have yet) are appended to a copy of data/ in a temporary
folder, the article is put in the archive, and the copy is validated as a whole. Only if that
passes are the changed files replaced, each by an atomic rename; otherwise the archive copy is
removed again and nothing in data/ has changed.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tracker import contract
from tracker.ingest import archive as archive_mod
from tracker.ingest import vocabulary
from tracker.ingest.candidate import ID_PREFIXES, Candidate
from tracker.ingest.money import CURRENCY_LABELS, CURRENCY_SYMBOLS
from tracker.ingest.source_text import Article, IngestError
from tracker.validate import validate

MAX_ID_SLUG = 40


class WriteError(IngestError):
    """Validation of the extended copy failed; carries every problem. Nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class WriteResult:
    source_id: str
    archive_path: Path
    record_ids: list[str]
    files: list[str] = field(default_factory=list)     # the data files that changed


def cell(value) -> str:
    """A CSV cell as validate expects it: no surrounding space, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:      # NaN from an emptied table cell
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    return " ".join(str(value).split())


def _slug(text: str | None) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")
    if len(slug) > MAX_ID_SLUG:
        slug = slug[:MAX_ID_SLUG + 1].rsplit("-", 1)[0]     # cut between words
    return slug


def _record_key(c: Candidate) -> str | None:
    f = c.fields
    return {
        "target": f.get("metric") or c.unit, "achievement": f.get("metric") or c.unit, "fund": f.get("name"),
        "conference": f.get("name"), "partnership": f.get("organization"), "governance": f.get("kind"),
        "cluster": f.get("name"), "actor": f.get("name"),
    }[c.kind]


def record_id(c: Candidate, taken: set[str]) -> str:
    """An id like A-shanghai-ai-industry-scale-2024, unique across every kind."""
    parts = [ID_PREFIXES[c.kind]]
    if c.kind not in ("actor", "cluster", "conference"):
        parts.append(_slug(c.fields.get("jurisdiction")))
    parts.append(_slug(_record_key(c)) or c.kind)
    if c.kind != "actor" and c.year is not None:
        parts.append(str(c.year))
    base = "-".join(p for p in parts if p)
    rid, n = base, 2
    while rid in taken:
        rid, n = f"{base}-{n}", n + 1
    taken.add(rid)
    return rid


def plan_rows(article: Article, accepted: list[Candidate], vocab: vocabulary.Vocabulary,
              source_id: str, archive_name: str) -> tuple[dict[str, list[dict]], list[str]]:
    """The rows to append, per table, and the new record ids in the order of the candidates."""
    rows: dict[str, list[dict]] = {}
    add = lambda table, row: rows.setdefault(table, []).append(row)  # noqa: E731
    add("sources", {"source_id": source_id, "archive_name": archive_name, "title": article.title,
                    "publisher": article.publisher, "authors": None, "url": article.url,
                    "published_on": article.published.day.isoformat(), "date_precision": article.published.precision,
                    "date_note": f"Date as given when the article was added (--published-on {article.published.text})."})
    taken = set(vocab.record_ids)
    new_units: dict[str, dict] = {}
    new_metrics: dict[str, dict] = {}
    ids = []
    for c in accepted:
        rid = record_id(c, taken)
        ids.append(rid)
        table = contract.table(c.table)
        add(c.table, {table.primary_key[0]: rid} | c.fields)
        add("evidence", {"record_id": rid, "source_id": source_id, "quote": c.quote})
        units = [c.unit] + ([c.conversion["unit"]] if c.conversion else [])
        for unit in filter(None, units):
            if unit not in vocab.units and unit not in new_units:
                new_units[unit] = _unit_row(str(unit))
        metric = c.fields.get("metric")
        if metric and metric not in vocab.metrics and metric not in new_metrics:
            new_metrics[metric] = {"metric": metric, "label": str(metric).replace("_", " ").capitalize(),
                                   "description": f"Added with source {source_id} ({article.title}); say what is measured."}
        if c.conversion and c.value is not None:
            add("reported_conversions", {"record_id": rid, "source_id": source_id, "value": c.conversion["value"],
                                         "unit": c.conversion["unit"], "preferred": True,
                                         "reason": "The only conversion reported."})
    for row in new_units.values():
        add("units", row)
    for row in new_metrics.values():
        add("metrics", row)
    return rows, ids


def _unit_row(unit: str) -> dict:
    if re.fullmatch(r"[A-Z]{3}", unit):
        return {"unit": unit, "kind": "currency", "label": CURRENCY_LABELS.get(unit, unit), "symbol": CURRENCY_SYMBOLS.get(unit)}
    if unit in ("share", "rank"):
        return {"unit": unit, "kind": unit, "label": unit, "symbol": None}
    return {"unit": unit, "kind": "count", "label": unit, "symbol": None}


def _append(path: Path, table: contract.Table, rows: list[dict]) -> None:
    existing = path.read_text(encoding="utf-8-sig") if path.exists() else ",".join(table.column_names) + "\n"
    if existing and not existing.endswith("\n"):
        existing += "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        unknown = set(row) - set(table.column_names)
        if unknown:
            raise IngestError(f"{table.file_name}: no column named {', '.join(sorted(unknown))}")
        writer.writerow([cell(row.get(c)) for c in table.column_names])
    path.write_text(existing + buffer.getvalue(), encoding="utf-8", newline="")


def commit(article: Article, accepted: list[Candidate], data_dir: Path, archive: Path | None) -> WriteResult:
    """Write the accepted candidates and the article, or nothing (raises IngestError / WriteError)."""
    if not accepted:
        raise IngestError("no candidate was accepted; nothing was written.")
    data_dir = Path(data_dir)
    archive = archive_mod.check_writable(archive)
    vocab = vocabulary.load(data_dir)
    duplicate = archive_mod.find_duplicate(article.text, archive, vocab.archive_names)
    if duplicate:
        raise IngestError(f"{article.origin or 'the article'}: {duplicate}")
    source_id = archive_mod.next_source_id(vocab.source_ids)
    name = archive_mod.archive_name(source_id, article.text)
    rows, ids = plan_rows(article, accepted, vocab, source_id, name)

    with tempfile.TemporaryDirectory(prefix="tracker-ingest-") as tmp:
        # Named like the original, so that problems read data/FILE.csv:LINE.
        copy = Path(shutil.copytree(data_dir, Path(tmp) / data_dir.name))
        for table_name, table_rows in rows.items():
            table = contract.table(table_name)
            _append(copy / table.file_name, table, table_rows)
        archived = archive_mod.copy_into(archive, name, article.text)
        changed = [contract.table(t).file_name for t in rows]
        staged: list[tuple[Path, Path]] = []
        try:
            report = validate(copy, archive)
            if not report.ok:
                raise WriteError([str(p) for p in report.problems])
            for file_name in changed:
                staging = data_dir / f".{file_name}.ingest-{os.getpid()}"
                staged.append((staging, data_dir / file_name))
                shutil.copyfile(copy / file_name, staging)
        except BaseException:
            archived.unlink(missing_ok=True)
            for staging, _ in staged:
                staging.unlink(missing_ok=True)
            raise
    for staging, target in staged:
        os.replace(staging, target)
    return WriteResult(source_id, archived, ids, changed)
