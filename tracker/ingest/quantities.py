"""Shares, counts and ranks, in the forms articles write them.

    one-third, a third, two-thirds, half of, 30%, 30 percent, 三分之一  -> a share (fraction of 1)
    1,000 companies, 3,000 AI-related enterprises, 1.4 billion people   -> a count with its unit
    thousands of employees                                             -> a count with no number
    ranking first, ranked No. 3                                        -> a rank

A count's unit is the plural noun that ends the phrase after the number ("20 major AI innovation
projects" counts projects). Numbers spelled out in words ("four reasons", "three key industries")
are mostly prose rather than statistics, so they are kept only when their unit is one the
dataset already counts (data/units.csv); digits are kept with any plural noun except durations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tracker.ingest.money import comparator_before
from tracker.ingest.numbers import DIGITS, SCALE, WORDS, is_year_like, parse_number, scale_factor

SHARE_DECIMALS = 4          # the dataset stores one third as 0.3333

_FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "tenth": 10}
_COUNTS_OF_WORDS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "nine": 9}
_SHARE_WORDS = re.compile(
    r"(?<![\w-])(?P<num>one|a|an|two|three|four|nine)[- ](?P<frac>half|thirds?|quarters?|fourths?|fifths?|sixths?|tenths?)\b"
    # "half of the talent", but not "the first half of 2023" (a period)
    r"|(?<!first )(?<!second )(?<!latter )(?<!former )(?<![\w-])(?P<half>half)\s+of\b(?!\s+(?:the\s+)?(?:year|\d{4}))",
    re.IGNORECASE)
_PERCENT = re.compile(rf"(?<![\w.,])(?P<num>{DIGITS})\s?(?:%|％|percent\b|per cent\b)(?!\s*(?:points|percentage))",
                      re.IGNORECASE)
_CN_SHARE = re.compile(r"(?P<den>[一二三四五六七八九十]|\d+)分之(?P<num>[一二三四五六七八九十]|\d+)")
_CN_DIGITS = dict(zip("一二三四五六七八九十", range(1, 11)))

_COUNT = re.compile(rf"(?<![\w$.,¥€£/#:-])(?P<num>{DIGITS}|{WORDS})(?P<scale>{SCALE})?(?=\s+[A-Za-z])", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?P<word>(?:tens of |hundreds of )?(?:thousands|hundreds|dozens|millions|billions|scores))\s+of\s+",
                    re.IGNORECASE)
_RANK = re.compile(r"\brank(?:s|ed|ing)?\s+(?:(?:No\.|number|#)\s*(?P<num>\d+)|(?P<word>first|second|third|fourth|fifth|"
                   r"sixth|seventh|eighth|ninth|tenth)|(?P<ord>\d+)(?:st|nd|rd|th))\b", re.IGNORECASE)
_ORDINALS = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)}

# Words that end a count's noun phrase.
_PHRASE_STOP = {
    "of", "in", "to", "with", "and", "or", "for", "from", "that", "which", "who", "by", "at", "on", "as", "than",
    "across", "including", "are", "is", "was", "were", "have", "has", "had", "will", "would", "can", "could",
    "the", "a", "an", "this", "these", "those", "their", "its", "per", "each", "over", "under", "into", "between",
}
_IRREGULAR_PLURALS = {"people", "staff", "personnel", "talent", "talents", "children", "men", "women", "data"}
# Nouns that make a duration or a repetition, not a count worth recording.
_NOT_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "times", "centuries",
              "percentage", "points", "ways", "kinds", "types", "aspects", "steps", "stages", "levels", "rounds",
              "parts", "sides", "reasons", "things", "words", "s"}
MAX_PHRASE_WORDS = 5


@dataclass
class Quantity:
    start: int
    end: int
    value: Decimal | None     # None for "thousands of employees"
    unit: str                 # share, rank, or what is counted
    text: str
    comparator: str | None = None
    approximate: str | None = None   # the wording of a count given without a number ("thousands")
    phrase: str = ""          # the words after the number, to guess a metric from


def find_shares(text: str) -> list[Quantity]:
    found = []
    for m in _SHARE_WORDS.finditer(text):
        if m.group("half"):
            value = Decimal(1) / 2
        else:
            numerator = _COUNTS_OF_WORDS[m.group("num").lower()]
            denominator = _FRACTIONS[m.group("frac").lower().rstrip("s")]
            value = Decimal(numerator) / denominator
        found.append(_share(m, value, text))
    for m in _PERCENT.finditer(text):
        found.append(_share(m, parse_number(m.group("num")) / 100, text))
    for m in _CN_SHARE.finditer(text):
        den, num = (_CN_DIGITS.get(g) or int(g) for g in (m.group("den"), m.group("num")))
        if den:
            found.append(_share(m, Decimal(num) / den, text))
    return found


def _share(m: re.Match, value: Decimal, text: str) -> Quantity:
    rounded = value.quantize(Decimal(1).scaleb(-SHARE_DECIMALS)).normalize()
    phrase = re.match(r"[^,.;:()]*", text[m.end():]).group(0)     # "of the nation's AI technical professionals"
    return Quantity(m.start(), m.end(), rounded, "share", m.group(0), comparator_before(text, m.start()),
                    phrase=phrase)


def find_ranks(text: str) -> list[Quantity]:
    found = []
    for m in _RANK.finditer(text):
        if m.group("num"):
            value = int(m.group("num"))
        elif m.group("word"):
            value = _ORDINALS[m.group("word").lower()]
        else:
            value = int(m.group("ord"))
        found.append(Quantity(m.start(), m.end(), Decimal(value), "rank", m.group(0),
                              phrase=text[m.end():m.end() + 80]))
    return found


def _noun_phrase(text: str, position: int) -> tuple[str | None, int, str]:
    """The counted noun after position: (unit, end of the phrase, the phrase's words)."""
    words = list(re.finditer(r"[A-Za-z][\w'’-]*", text[position:]))
    unit, unit_end, taken = None, position, []
    gap_end = position
    for w in words[:MAX_PHRASE_WORDS]:
        between = text[gap_end:position + w.start()]
        if between.strip():             # punctuation ends the phrase
            break
        word = w.group(0)
        if word.lower() in _PHRASE_STOP:
            break
        taken.append(word)
        gap_end = position + w.end()
        lower = word.lower()
        if lower in _IRREGULAR_PLURALS or (lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3
                                           and word[0].islower()):
            unit, unit_end = lower.split("-")[-1], gap_end
    return unit, unit_end, " ".join(taken)


def find_counts(text: str, known_units: set[str], taken: list[tuple[int, int]]) -> list[Quantity]:
    """Counts not inside a span already read as money, a share, a rank or a date."""
    found = []
    for m in _COUNT.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        number_text = m.group("num")
        if is_year_like(number_text) and not m.group("scale"):
            continue       # "2018 World ..." is a year; dates.py reads it
        number = parse_number(number_text)
        if number is None:
            continue
        unit, end, phrase = _noun_phrase(text, m.end())
        if unit is None or unit in _NOT_UNITS:
            continue
        spelled = not re.match(r"\d", number_text)
        if spelled and unit not in known_units:
            continue
        value = number * scale_factor(m.group("scale"))
        found.append(Quantity(m.start(), end, value, unit, text[m.start():end],
                              comparator_before(text, m.start()), phrase=phrase))
    for m in _VAGUE.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        unit, end, phrase = _noun_phrase(text, m.end())
        if unit is None or unit in _NOT_UNITS:
            continue
        found.append(Quantity(m.start(), end, None, unit, text[m.start():end],
                              approximate=m.group("word").lower(), phrase=phrase))
    return found
