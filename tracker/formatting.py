"""How values read on screen: money as "¥100 bn" / "$14.5 bn", dates at their known precision,
comparators in words. Pure functions, used by tables, hover text and captions alike."""
from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

SYMBOLS = {"CNY": "¥", "USD": "$"}
COMPARATORS = {"more_than": "more than", "about": "about", "at_least": "at least"}
# The same qualifiers in a headline's large figure, where the words would not fit: "> $42.73 bn"
COMPARATOR_SIGNS = {"more_than": ">", "about": "≈", "at_least": "≥"}
STATUS_LABELS = {
    # "behind" only says the latest figure predates the deadline: nothing in the sources says "behind schedule"
    "met": "Met", "met_after_deadline": "Reached (by a figure dated after the deadline)",
    "behind": "Not yet reached (figure from before the deadline)",
    "missed": "Missed", "no_comparable_data": "No comparable data", "qualitative": "Qualitative (not measured)",
    # a lower bound below the target ("more than 500 bn" against 1 trillion) shows neither way
    "not_shown_reached": "Not shown reached (a lower bound from before the deadline)",
    "not_shown_reached_by_deadline": "Not shown reached (a lower bound from the deadline year or after)",
}


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT


def fmt_money(value, unit: str) -> str:
    if _missing(value):
        return "—"
    symbol = SYMBOLS.get(unit, "")
    suffix = "" if symbol else f" {unit}"
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            scaled = value / size     # 4 significant digits, without exponent notation past 9,999 tn
            return f"{symbol}{scaled:,.4g} {word}{suffix}" if abs(scaled) < 1e4 else f"{symbol}{scaled:,.0f} {word}{suffix}"
    return f"{symbol}{value:,.0f}{suffix}"


def fmt_value(value, unit: str | None, unit_kind: str | None = None, comparator: str | None = None) -> str:
    """A figure with its unit and the wording's qualifier: "more than ¥100 bn", "about 4,000 companies"."""
    if _missing(value):
        return "—"
    if unit_kind == "currency" or unit in SYMBOLS:
        text = fmt_money(value, unit)
    elif unit == "share":
        text = f"{value:.1%}"
    elif unit == "rank":
        text = f"#{value:,.0f}"
    elif abs(value) >= 1e6:     # as the sources write them: "1.4 billion people", not "1,400,000,000 people"
        size, word = (1e9, "billion") if abs(value) >= 1e9 else (1e6, "million")
        text = f"{value / size:,.4g} {word} {unit or ''}".strip()
    else:
        text = f"{value:,.10g} {unit or ''}".strip()
    qualifier = COMPARATORS.get(comparator or "", "")
    return f"{qualifier} {text}".strip()


def signed(text: str, comparator: str | None) -> str:
    """A figure with its qualifier as a sign, where the words would not fit: "> $42.73 bn", "≈ 4,000 companies"."""
    sign = COMPARATOR_SIGNS.get(comparator or "")
    return f"{sign} {text}" if sign else text


def fmt_date(day, precision: str | None) -> str:
    if _missing(day):
        return "—"
    day = pd.Timestamp(day).date() if not isinstance(day, date) else day
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return day.strftime("%b %Y")
    return f"{day.day} {day.strftime('%b %Y')}"


def shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def count_of(n: int, singular: str, plural: str) -> str:
    """ "1 fund", "1,204 funds": a count with its noun in the right number."""
    return f"{n:,} {singular if n == 1 else plural}"


def source_noun(ids: str) -> str:
    """ "source" for one id ("S001"), "sources" for a cell of several ("S002; S003", "S001; … and 4 more")."""
    return "sources" if ";" in ids or " more" in ids else "source"


def sources_of(ids: str) -> str:
    """ "source S001", "sources S002; S003": a cell of source ids with its noun in the right number."""
    return f"{source_noun(ids)} {ids}"


def code_span(text: str) -> str:
    """Markdown inline code that shows `text` as it is, neither formatted nor made a link: for
    anything a visitor typed or a link carried, repeated back in a notice. Fenced with more
    backticks than its longest run of them."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"
