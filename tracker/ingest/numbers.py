"""Numerals as news articles write them: "1,000", "42.73", "twenty", "twenty-five", "a"
(as in "a trillion"), with a scale word ("billion", "bn", "亿").

Amounts are computed with Decimal, so "42.73 billion" is exactly 42730000000 and never
42730000000.000008; `as_number` turns the result into an int when it is whole.
"""
from __future__ import annotations

import re
from decimal import Decimal

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)} | _TENS | {"a": 1, "an": 1, "a hundred": 100,
                                                                              "one hundred": 100, "a dozen": 12, "dozen": 12}

SCALES: dict[str, int] = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "mn": 10**6, "m": 10**6, "mln": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12, "trn": 10**12,
    "万": 10**4, "亿": 10**8, "万亿": 10**12,
}

# Digits with thousands separators or a decimal part; not glued to letters ("5G", "Q1").
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_UNIT_WORDS = "|".join(sorted(_UNITS[1:], key=len, reverse=True))
WORDS = (rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[1:10])}))?|a hundred|one hundred|a dozen|"
         rf"{_UNIT_WORDS})")
# Scale words: the one-letter forms only when glued to the digits ("$5m", "$2bn").
SCALE = r"(?:(?:\s*|-)(?:thousand|million|billion|trillion)\b|(?:bn|mn|mln|trn|tn|m|b|k)\b)"
CN_SCALE = r"(?:万亿|亿|万)"


def parse_digits(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def parse_words(text: str) -> int | None:
    """'twenty-five' -> 25, 'four' -> 4, 'a hundred' -> 100; None if not a number word."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in WORD_VALUES:
        return WORD_VALUES[t]
    parts = t.split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in WORD_VALUES and WORD_VALUES[parts[1]] < 10:
        return _TENS[parts[0]] + WORD_VALUES[parts[1]]
    return None


def parse_number(text: str) -> Decimal | None:
    text = text.strip()
    if re.fullmatch(DIGITS, text):
        return parse_digits(text)
    words = parse_words(text)
    return Decimal(words) if words is not None else None


def scale_factor(scale: str | None) -> int:
    if not scale:
        return 1
    return SCALES[scale.strip(" -").lower()]


def as_number(value: Decimal) -> int | float:
    """An int when whole (full amounts in base units), else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def is_year_like(text: str) -> bool:
    """A bare 4-digit integer in the range of years (no separator, no decimals)."""
    return bool(re.fullmatch(r"(19|20)\d\d", text))
