"""Amounts of money in the forms news articles use, as full amounts with an ISO 4217 code.

    100 billion yuan        -> 100000000000 CNY (also "a 100-billion-yuan fund")
    CNY100 billion          -> 100000000000 CNY
    RMB 1 trillion          -> 1000000000000 CNY
    $14.5 billion, US$707 million, ¥5 billion, 1000亿元
    70 billion yuan ($10.16 billion)  -> 70000000000 CNY, with the reported conversion 10160000000 USD

The qualifier in front of an amount ("more than", "about", "at least") becomes the dataset's
comparator. "$" alone is read as US dollars and "¥" as yuan: this tracker follows Chinese policy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tracker.ingest.numbers import CN_SCALE, DIGITS, SCALE, WORDS, parse_number, scale_factor

# Longest first, so that "US$" wins over "$".
PREFIX_CURRENCIES = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "HK$": "HKD", "HKD": "HKD", "S$": "SGD", "A$": "AUD",
    "C$": "CAD", "RMB": "CNY", "Rmb": "CNY", "CNY": "CNY", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY",
}
SUFFIX_CURRENCIES = {
    "Hong Kong dollars": "HKD", "US dollars": "USD", "U.S. dollars": "USD", "dollars": "USD", "yuan": "CNY",
    "renminbi": "CNY", "RMB": "CNY", "CNY": "CNY", "USD": "USD", "euros": "EUR", "EUR": "EUR", "yen": "JPY",
    "HKD": "HKD",
}
CN_CURRENCIES = {"元人民币": "CNY", "元": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD"}
CURRENCY_LABELS = {"CNY": "Chinese yuan", "USD": "US dollar", "EUR": "euro", "HKD": "Hong Kong dollar",
                   "GBP": "pound sterling", "JPY": "Japanese yen", "SGD": "Singapore dollar",
                   "AUD": "Australian dollar", "CAD": "Canadian dollar"}
CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "HKD": "HK$"}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PREFIX = re.compile(
    rf"(?<![\w$])(?:人民币)?(?P<cur>{_alternation(PREFIX_CURRENCIES)})\s?(?P<num>{DIGITS})(?P<scale>{SCALE})?")
_SUFFIX = re.compile(
    rf"(?<![\w$.,¥€£])(?P<num>{DIGITS}|{WORDS}|an?)(?P<scale>{SCALE})?(?:\s+|-)(?P<cur>{_alternation(SUFFIX_CURRENCIES)})\b",
    re.IGNORECASE)
_CHINESE = re.compile(
    rf"(?:人民币)?(?P<num>{DIGITS})\s*(?P<scale>{CN_SCALE})?\s*(?P<cur>{_alternation(CN_CURRENCIES)})")
_CONVERSION_OPEN = re.compile(r"\s*\(\s*(?:(?:about|around|approximately|roughly|some|or|nearly|almost)\s+)?")
_CONVERSION_CLOSE = re.compile(r"\s*\)")

COMPARATOR_BEFORE = (
    ("more_than", re.compile(r"(?:more than|over|above|exceed(?:ed|ing|s)?|upwards of|in excess of|greater than|"
                             r"surpass(?:ed|es|ing)?|top(?:s|ped|ping)|超过|逾)\s*(?:\$|US\$)?$", re.IGNORECASE)),
    ("at_least", re.compile(r"(?:at least|no less than|not less than|a minimum of|至少)\s*$", re.IGNORECASE)),
    ("about", re.compile(r"(?:about|around|approximately|roughly|some|nearly|almost|close to|an estimated|"
                         r"estimated at|约|近)\s*$", re.IGNORECASE)),
)


def comparator_before(text: str, start: int) -> str | None:
    """The dataset's comparator for the words just in front of position start."""
    window = text[max(0, start - 40):start]
    for name, pattern in COMPARATOR_BEFORE:
        if pattern.search(window):
            return name
    return None


@dataclass
class Money:
    start: int
    end: int            # includes a reported conversion in brackets, when there is one
    value: Decimal
    currency: str
    text: str
    comparator: str | None = None
    conversion: "Money | None" = None


def _from_match(m: re.Match, table: dict[str, str]) -> Money | None:
    number = parse_number(m.group("num"))
    if number is None:
        return None
    scale = m.group("scale")
    if m.group("num").lower() in ("a", "an") and not scale:
        return None        # "a yuan" is not an amount worth recording
    cur = m.group("cur")
    currency = table.get(cur) or next(v for k, v in table.items() if k.lower() == cur.lower())
    return Money(m.start(), m.end(), number * scale_factor(scale), currency, m.group(0))


def _scan(text: str) -> list[Money]:
    found = []
    for pattern, table in ((_PREFIX, PREFIX_CURRENCIES), (_SUFFIX, SUFFIX_CURRENCIES), (_CHINESE, CN_CURRENCIES)):
        for m in pattern.finditer(text):
            money = _from_match(m, table)
            if money is not None:
                found.append(money)
    # Keep the longest of overlapping readings ("RMB 5 billion yuan" is one amount).
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Money] = []
    for money in found:
        if kept and money.start < kept[-1].end:
            continue
        kept.append(money)
    return kept


def find_money(text: str) -> list[Money]:
    """Every amount in text, each with its comparator and the conversion reported beside it."""
    amounts = _scan(text)
    result: list[Money] = []
    skip_until = -1
    for i, money in enumerate(amounts):
        if money.start < skip_until:
            continue
        money.comparator = comparator_before(text, money.start)
        opener = _CONVERSION_OPEN.match(text, money.end)
        nxt = amounts[i + 1] if i + 1 < len(amounts) else None
        if opener and nxt is not None and nxt.start == opener.end() and nxt.currency != money.currency:
            close = _CONVERSION_CLOSE.match(text, nxt.end)
            if close:
                money.conversion = nxt
                money.end = close.end()
                money.text = text[money.start:money.end]
                skip_until = money.end
        result.append(money)
    return result
