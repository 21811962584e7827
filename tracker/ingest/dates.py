"""Time in an article, resolved against the article's own date.

    by 2020, by the end of 2018     -> a deadline (or an as-of date: 2018-12-31)
    in 2021, since 2018, 2018 ...   -> a year
    On May 24, Sept 19              -> a day; the year from the same clause, else the article's
    from Aug 29 to 31, February 25-26 -> a span of days
    In March of this year, March 2023 -> a month
    last year, this year, now       -> relative to the article's year
    到2025年, 2023年5月24日, 去年      -> the Chinese forms

A day without a year takes the year stated in its own clause ("This year on May 21", "at 2018
World ... Conference in Shanghai on Sept 19") or else the article's year.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from tracker.ingest.sentences import clause_of
from tracker.validate import YEAR_MAX, YEAR_MIN

YEAR = r"(?:19|20)\d\d"
_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NUMBERS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
# Case-sensitive on purpose: "May" is a month, "may" a verb.
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_RELATIVE = {"last": -1, "this": 0, "next": 1, "previous": -1, "coming": 1, "去": -1, "今": 0, "明": 1}


class PublishedOnError(ValueError):
    pass


@dataclass(frozen=True)
class Published:
    """The article's date as given at ingest: YYYY, YYYY-MM or YYYY-MM-DD."""
    day: date            # first day of the period when precision is month or year
    precision: str       # day, month or year

    @property
    def year(self) -> int:
        return self.day.year

    @property
    def text(self) -> str:
        return {"day": self.day.isoformat(), "month": self.day.isoformat()[:7], "year": str(self.day.year)}[self.precision]


def parse_published_on(text: str) -> Published:
    text = (text or "").strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        raise PublishedOnError(f"--published-on: {text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise PublishedOnError(f"--published-on: {year} is out of range ({YEAR_MIN}-{YEAR_MAX})")
    try:
        value = date(year, month, day)
    except ValueError:
        raise PublishedOnError(f"--published-on: {text!r} is not a real date") from None
    precision = "day" if m.group(3) else "month" if m.group(2) else "year"
    return Published(value, precision)


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    relation: str               # by, in, since, bare, relative, now, day, month, iso
    year: int | None
    day: date | None = None     # a day, or the first of the month when precision is month
    end_day: date | None = None
    precision: str = "year"     # day, month or year

    @property
    def has_date(self) -> bool:
        return self.day is not None and self.relation in ("day", "month")


def _month(name: str) -> int:
    return _MONTH_NUMBERS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Patterns in order of priority; a span taken by one is not read again by a later one.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b({YEAR})-(0[1-9]|1[0-2])-([0-2]\d|3[01])\b")),
    ("cn_date", re.compile(rf"(到|至|截至|截止)?({YEAR})年(?:(\d{{1,2}})月)?(?:(\d{{1,2}})日)?(底|末)?")),
    ("cn_day", re.compile(r"(\d{1,2})月(\d{1,2})日")),
    ("cn_relative", re.compile(r"(去|今|明)年")),
    ("range", re.compile(rf"\b(?:from\s+|between\s+)?(?P<m1>{MONTH})\.?\s+(?P<d1>{_DAY})\s*(?:-|–|—|to|until|through|and)\s*"
                         rf"(?:(?P<m2>{MONTH})\.?\s+)?(?P<d2>{_DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?")),
    ("range_day_first", re.compile(rf"\b(?P<d1>{_DAY})\s*(?:-|–|to)\s*(?P<d2>{_DAY})\s+(?P<m1>{MONTH})\b\.?(?:,?\s+(?P<y>{YEAR})\b)?")),
    ("day", re.compile(rf"\b(?P<m>{MONTH})\.?\s+(?P<d>{_DAY})\b(?!,\d)(?:,?\s+(?P<y>{YEAR})\b)?")),
    ("day_first", re.compile(rf"\b(?P<d>{_DAY})\s+(?P<m>{MONTH})\b\.?(?:,?\s+(?P<y>{YEAR})\b)?")),
    ("month_relative", re.compile(rf"\b(?P<m>{MONTH})\.?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b")),
    ("month_year", re.compile(rf"\b(?P<m>{MONTH})\.?,?\s+(?:of\s+)?(?P<y>{YEAR})\b")),
    ("month_alone", re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?P<m>{_FULL_MONTH})\b")),
    ("by_end", re.compile(rf"\b(?:by|at|until|before|through)\s+the\s+end\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|next|last)\s+year)\b", re.IGNORECASE)),
    ("period", re.compile(rf"\b(?:from|between)\s+({YEAR})\s+(?:to|and|until|through)\s+({YEAR})\b|\b({YEAR})\s*(?:-|–|to)\s*({YEAR})\b", re.IGNORECASE)),
    ("by", re.compile(rf"\b(?:by|until|before|through)\s+({YEAR})\b", re.IGNORECASE)),
    ("since", re.compile(rf"\bsince\s+({YEAR})\b", re.IGNORECASE)),
    ("in", re.compile(rf"\b(?:in|during|for|throughout|as of|at the end of|end of|the end of)\s+({YEAR})\b", re.IGNORECASE)),
    ("relative", re.compile(r"\b(?:(?P<rel>last|this|next|previous|coming)\s+year|a year ago)\b", re.IGNORECASE)),
    ("this_period", re.compile(r"\b(?:this|last|next)\s+(?:month|week)\b|\bearlier this (?:month|week)\b", re.IGNORECASE)),
    ("now", re.compile(r"\b(?:now|currently|at present|presently|so far|to date|today|recently|nowadays|already)\b", re.IGNORECASE)),
    # A bare year: not part of a larger number, a sum or a count ("2000 companies").
    ("bare", re.compile(rf"(?<![\w$.,/-])({YEAR})(?![\w%/]|[.,]\d|-\d|\s+(?!(?:was|has|is|as|marks|sees)\b)[a-z][\w-]*s\b)")),
]


def find_times(sentence: str, published: Published) -> list[TimeExpr]:
    """Every time expression in the sentence, in order, each resolved to a year (and day) where it can be."""
    taken: list[tuple[int, int]] = []
    found: list[TimeExpr] = []
    pending: list[tuple[re.Match, str]] = []      # days and months whose year comes from their clause
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            expr = _read(kind, m, published)
            if expr is None:
                continue
            taken.append((m.start(), m.end()))
            if expr == "pending":
                pending.append((m, kind))
            else:
                found.append(expr)
    for m, kind in pending:
        year = _clause_year(sentence, m.start(), found, published)
        expr = _read(kind, m, published, year)
        if isinstance(expr, TimeExpr):
            found.append(expr)
    return sorted(found, key=lambda e: e.start)


def _clause_year(sentence: str, position: int, found: list[TimeExpr], published: Published) -> int:
    start, end = clause_of(sentence, position)
    in_clause = [e for e in found if start <= e.start < end and e.year is not None and e.relation != "since"]
    if in_clause:
        return min(in_clause, key=lambda e: abs(e.start - position)).year
    return published.year


def _read(kind: str, m: re.Match, published: Published, year: int | None = None):
    """A TimeExpr, "pending" when a day still needs its year, or None when the match is not a time."""
    text, start, end = m.group(0), m.start(), m.end()
    if kind == "iso":
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return TimeExpr(start, end, text, "iso", d.year, d, None, "day") if d else None
    if kind == "cn_date":
        y = int(m.group(2))
        if m.group(3) and m.group(4):
            d = _safe_date(y, int(m.group(3)), int(m.group(4)))
            return TimeExpr(start, end, text, "day", y, d, None, "day") if d else None
        if m.group(3):
            d = _safe_date(y, int(m.group(3)), 1)
            return TimeExpr(start, end, text, "month", y, d, None, "month") if d else None
        if m.group(1):
            return TimeExpr(start, end, text, "by", y, date(y, 12, 31) if m.group(5) else None)
        return TimeExpr(start, end, text, "in", y)
    if kind == "cn_day":
        if year is None:
            return "pending"
        d = _safe_date(year, int(m.group(1)), int(m.group(2)))
        return TimeExpr(start, end, text, "day", year, d, None, "day") if d else None
    if kind == "cn_relative":
        return TimeExpr(start, end, text, "relative", published.year + _RELATIVE[m.group(1)])
    if kind in ("range", "range_day_first"):
        explicit = m.group("y")
        if explicit is None and year is None:
            return "pending"
        y = int(explicit) if explicit else year
        m1 = _month(m.group("m1"))
        m2 = _month(m.group("m2")) if kind == "range" and m.group("m2") else m1
        d1, d2 = _safe_date(y, m1, _day(m.group("d1"))), _safe_date(y, m2, _day(m.group("d2")))
        if d1 is None or d2 is None or d2 < d1:
            return None
        return TimeExpr(start, end, text, "day", y, d1, d2, "day")
    if kind in ("day", "day_first"):
        explicit = m.group("y")
        if explicit is None and year is None:
            return "pending"
        y = int(explicit) if explicit else year
        d = _safe_date(y, _month(m.group("m")), _day(m.group("d")))
        return TimeExpr(start, end, text, "day", y, d, None, "day") if d else None
    if kind == "month_relative":
        y = published.year + _RELATIVE[m.group("rel").lower()]
        return TimeExpr(start, end, text, "month", y, date(y, _month(m.group("m")), 1), None, "month")
    if kind == "month_year":
        y = int(m.group("y"))
        return TimeExpr(start, end, text, "month", y, date(y, _month(m.group("m")), 1), None, "month")
    if kind == "month_alone":
        if year is None:
            return "pending"
        return TimeExpr(start, end, text, "month", year, date(year, _month(m.group("m")), 1), None, "month")
    if kind == "by_end":
        y = int(m.group("y")) if m.group("y") else published.year + _RELATIVE[m.group("rel").lower()]
        return TimeExpr(start, end, text, "by", y, date(y, 12, 31), None, "day")
    if kind == "period":
        years = [int(g) for g in m.groups() if g]
        if years[1] < years[0]:
            return None
        return TimeExpr(start, end, text, "by", years[1])
    if kind in ("by", "since", "in"):
        return TimeExpr(start, end, text, kind, int(m.group(1)))
    if kind == "relative":
        rel = (m.group("rel") or "last").lower()
        return TimeExpr(start, end, text, "relative", published.year + _RELATIVE[rel])
    if kind == "this_period":
        return TimeExpr(start, end, text, "relative", published.year)
    if kind == "now":
        return TimeExpr(start, end, text, "now", published.year)
    if kind == "bare":
        return TimeExpr(start, end, text, "bare", int(m.group(1)))
    raise AssertionError(kind)
