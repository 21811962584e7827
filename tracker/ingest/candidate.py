"""A candidate record: a proposed row for one of the record tables, with the verbatim quote it
came from. `fields` holds the row (every column of the table except its id); value, unit, year
and date are read from it, so an edit in review changes them too.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from tracker import contract

KIND_TABLES = {
    "target": "targets", "achievement": "achievements", "cluster": "clusters", "fund": "funds",
    "conference": "conferences", "partnership": "partnerships", "governance": "governance", "actor": "actors",
}
ID_PREFIXES = {"target": "T", "achievement": "A", "cluster": "K", "fund": "F", "conference": "C",
               "partnership": "P", "governance": "G", "actor": "R"}
_VALUE_COLUMNS = {"target": ("target_value", "unit"), "achievement": ("value", "unit"), "fund": ("size_value", "size_unit")}
_YEAR_COLUMNS = {"target": "deadline_year", "achievement": "as_of_year", "fund": "launched_year", "conference": "year",
                 "partnership": "year", "governance": "year", "cluster": "established_year"}
_DATE_COLUMNS = {"conference": ("start_date", "observed_on"), "partnership": ("event_date",), "cluster": ("established_on",)}


def format_value(value) -> str:
    """A value as read (an int or float) or as typed in an edit (text), for people to check."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:g}"
    return "no number" if value is None else str(value)


def columns(kind: str) -> list[str]:
    """The columns a candidate of this kind fills: the table's columns without its id."""
    table = contract.table(KIND_TABLES[kind])
    return [c for c in table.column_names if c not in table.primary_key]


def required_columns(kind: str) -> list[str]:
    table = contract.table(KIND_TABLES[kind])
    return [c.name for c in table.columns if c.required and c.name not in table.primary_key]


@dataclass
class Candidate:
    kind: str
    quote: str                                  # verbatim excerpt (white space and quote marks normalised)
    fields: dict[str, Any]
    conversion: dict[str, Any] | None = None    # {"value": ..., "unit": ...} reported beside the amount
    matched_text: str = ""                      # the words the value or date was read from
    sentence: int = 0                           # index of the sentence in the article
    entities: list[dict] = field(default_factory=list)       # names the dataset already holds
    new_entities: list[dict] = field(default_factory=list)   # capitalised names it does not
    reasons: list[str] = field(default_factory=list)         # why this kind, this year

    @property
    def table(self) -> str:
        return KIND_TABLES[self.kind]

    @property
    def value(self):
        value_col, _ = _VALUE_COLUMNS.get(self.kind, (None, None))
        return self.fields.get(value_col) if value_col else None

    @property
    def unit(self):
        _, unit_col = _VALUE_COLUMNS.get(self.kind, (None, None))
        return self.fields.get(unit_col) if unit_col else None

    @property
    def comparator(self):
        return self.fields.get("comparator")

    @property
    def year(self):
        column = _YEAR_COLUMNS.get(self.kind)
        return self.fields.get(column) if column else None

    @property
    def date(self) -> str | None:
        for column in _DATE_COLUMNS.get(self.kind, ()):
            if self.fields.get(column):
                return self.fields[column]
        return None

    @property
    def end_date(self) -> str | None:
        return self.fields.get("end_date")     # only conferences have the column

    @property
    def date_precision(self) -> str | None:
        if self.kind == "partnership":
            return self.fields.get("date_precision")
        return "day" if self.date else None

    @property
    def is_numeric(self) -> bool:
        """Carries a number or a date (the part of the output the quality script measures)."""
        return self.value is not None or self.date is not None

    def missing_required(self) -> list[str]:
        missing = [c for c in required_columns(self.kind) if self.fields.get(c) in (None, "")]
        if self.kind == "target" and self.value is not None and not self.fields.get("metric"):
            missing.append("metric")       # validate: a quantitative target needs a metric
        return missing

    def as_json(self, number: int | None = None) -> dict:
        out = {"id": f"c{number:02d}"} if number is not None else {}
        return out | {
            "kind": self.kind, "table": self.table, "value": self.value, "unit": self.unit,
            "comparator": self.comparator, "year": self.year, "date": self.date, "end_date": self.end_date,
            "date_precision": self.date_precision, "conversion": self.conversion, "quote": self.quote,
            "matched_text": self.matched_text, "sentence": self.sentence, "fields": dict(self.fields), "entities": self.entities,
            "new_entities": self.new_entities, "reasons": self.reasons,
        }


def change_kind(candidate: Candidate, kind: str) -> Candidate:
    """The same fact proposed as another kind (a target read as an achievement, say): shared
    columns are kept, the value, unit and year move to the new kind's columns."""
    if kind not in KIND_TABLES:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KIND_TABLES)}")
    fields = {c: candidate.fields.get(c) for c in columns(kind)}
    value_col, unit_col = _VALUE_COLUMNS.get(kind, (None, None))
    if value_col:
        fields[value_col], fields[unit_col] = candidate.value, candidate.unit
    if kind in _YEAR_COLUMNS and candidate.year is not None:
        fields[_YEAR_COLUMNS[kind]] = candidate.year
    for column in _DATE_COLUMNS.get(kind, ())[:1]:
        fields[column] = candidate.date
    if "statement" in fields and not fields["statement"]:
        fields["statement"] = candidate.fields.get("statement") or candidate.quote
    return replace(candidate, kind=kind, fields=fields, conversion=candidate.conversion if value_col else None,
                   reasons=candidate.reasons + [f"kind changed from {candidate.kind} to {kind} in review"])
