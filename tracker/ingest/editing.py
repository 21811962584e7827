"""Candidates as editable tables for the "Add a source" page, and back.

One table per kind: an `accept` column, what was read and the quote (both read-only), then the
kind's columns as text,
so that any value can be typed; the writer and the validator check the types.
"""
from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd

from tracker.ingest.candidate import Candidate, columns, format_value

ACCEPT, FOUND, QUOTE = "accept", "found", "quote"
_LONG_COLUMNS = ("statement", "note")     # shown last, so the number and the quote come first


def summary(c: Candidate) -> str:
    """What was read, in a few words: '70000000000 CNY (about) · 2018', '2019-08-29 to 2019-08-31'."""
    parts = []
    if c.value is not None or c.unit:
        parts.append(f"{format_value(c.value)} {c.unit or ''}".strip() + (f" ({c.comparator})" if c.comparator else ""))
    if c.date:
        parts.append(c.date + (f" to {c.end_date}" if c.end_date else ""))
    elif c.year is not None:
        parts.append(str(c.year))
    if c.conversion:
        parts.append(f"reported as {format_value(c.conversion['value'])} {c.conversion['unit']}")
    return " · ".join(parts) or c.matched_text


def ordered_columns(kind: str) -> list[str]:
    names = columns(kind)
    return [n for n in names if n not in _LONG_COLUMNS] + [n for n in names if n in _LONG_COLUMNS]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def tables(candidates: list[Candidate]) -> dict[str, pd.DataFrame]:
    """kind -> a table of its candidates, indexed by the candidate's position in the list."""
    out: dict[str, pd.DataFrame] = {}
    for kind in dict.fromkeys(c.kind for c in candidates):
        rows = {i: {ACCEPT: False, FOUND: summary(c), QUOTE: c.quote}
                | {col: _text(c.fields.get(col)) for col in ordered_columns(kind)}
                for i, c in enumerate(candidates) if c.kind == kind}
        out[kind] = pd.DataFrame.from_dict(rows, orient="index")
    return out


def _value(cell) -> str | None:
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return None
    text = " ".join(str(cell).split())
    return text or None


def accepted(candidates: list[Candidate], edited: dict[str, pd.DataFrame]) -> tuple[list[Candidate], list[str]]:
    """The ticked candidates with the edits applied, and what still stops each from being written."""
    chosen, problems = [], []
    for kind, frame in edited.items():
        for index, row in frame.iterrows():
            if not bool(row.get(ACCEPT)):
                continue
            original = candidates[int(index)]
            fields = {col: _value(row.get(col)) for col in columns(kind)}
            c = replace(original, kind=kind, fields=fields)
            missing = c.missing_required()
            if missing:
                problems.append(f"{kind} “{original.matched_text or original.quote[:40]}”: fill in {', '.join(missing)}")
            chosen.append(c)
    return chosen, problems
