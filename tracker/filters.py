"""The dashboard's filter state and its URL form, with no Streamlit in it (so it is testable alone).

URL parameters: from, to (years), topic and jurisdiction (repeatable keys), currency; year=YYYY
is accepted as a one-year range; metric and q are a page's own choices (PAGE_KEYS). Values equal
to the default are left out of the URL. There is no "no topic" value: the sidebar shows an empty
box as every topic, so a link could not show it or keep it. Anything unknown or malformed is
dropped and described in a notice; it never raises.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from tracker.formatting import code_span

CURRENCIES = ("reported", "CNY", "USD")
CURRENCY_LABELS = {"reported": "As reported", "CNY": "CNY (¥)", "USD": "USD ($)"}
# A page's own choices (the Achievements metric, the evidence search) live in the URL too, so a
# link reopens them; the page that has the choice reads and checks it (tracker/ui.py).
PAGE_KEYS = ("metric", "q")
KNOWN_KEYS = ("from", "to", "year", "topic", "jurisdiction", "currency", *PAGE_KEYS)
_MAX_SHOWN = 40  # characters of a rejected value repeated back in a notice


@dataclass(frozen=True)
class Vocabulary:
    """What the filters may take, read from the database."""
    year_min: int
    year_max: int
    topics: tuple[str, ...]
    jurisdictions: tuple[str, ...]


@dataclass(frozen=True)
class FilterState:
    year_from: int
    year_to: int
    topics: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    currency: str = "reported"
    # The list filters that name every value of the vocabulary (set by within()); not part of what
    # the user chose, so left out of equality.
    every: frozenset[str] = field(default=frozenset(), compare=False)

    def within(self, vocab: Vocabulary) -> FilterState:
        """This state, knowing which of its lists choose every value there is."""
        lists = (("topics", self.topics, vocab.topics), ("jurisdictions", self.jurisdictions, vocab.jurisdictions))
        return replace(self, every=frozenset(name for name, chosen, allowed in lists if set(chosen) >= set(allowed)))

    @property
    def params(self) -> dict:
        """Bound parameters for the page queries (every query takes these names). A list that chooses
        every value is bound as null, "no restriction" (queries/views/13_int_filter.sql): at a million
        rows, looking each one up in a list of hundreds of jurisdictions was most of a query's time."""
        return {
            "year_from": self.year_from, "year_to": self.year_to,
            "topics": None if "topics" in self.every else list(self.topics),
            "jurisdictions": None if "jurisdictions" in self.every else list(self.jurisdictions),
            "currency": self.currency,
        }


def default_state(vocab: Vocabulary) -> FilterState:
    return FilterState(vocab.year_min, vocab.year_max, vocab.topics, vocab.jurisdictions, "reported").within(vocab)


def shown(value: str) -> str:
    """A value from a link, cut short, to repeat back in a notice: on one line (a blank line would
    end the code span and the paragraph) and as inline code, so that a link cannot put formatting
    or a clickable address into the dashboard's own message."""
    value = " ".join("".join(c if c.isprintable() else " " for c in value).split())
    if not value:
        return "(empty)"      # an empty code span would read as a blank box
    return code_span(value if len(value) <= _MAX_SHOWN else value[:_MAX_SHOWN] + "…")


def _year(values: list[str], key: str, vocab: Vocabulary, notices: list[str]) -> int | None:
    if len(values) != 1:
        notices.append(f"Ignored {key}: give it once (found {len(values)} values).")
        return None
    text = values[0].strip()
    if not re.fullmatch(r"\d{4}", text):
        notices.append(f"Ignored {key}={shown(values[0])}: not a year.")
        return None
    year = int(text)
    if not vocab.year_min <= year <= vocab.year_max:
        notices.append(f"Ignored {key}={year}: the data covers {vocab.year_min}–{vocab.year_max}.")
        return None
    return year


def _choices(values: list[str], key: str, allowed: Sequence[str], notices: list[str]) -> tuple[str, ...] | None:
    kept = tuple(dict.fromkeys(v for v in values if v in allowed))
    rejected = [v for v in values if v not in allowed]
    if rejected:
        notices.append(f"Ignored {key} {', '.join(shown(v) for v in rejected)}: not a known {key}.")
    if not kept:
        return None
    return tuple(v for v in allowed if v in kept)  # vocabulary order, so equal states have equal URLs


def parse_query_params(params: Mapping[str, list[str]], vocab: Vocabulary) -> tuple[FilterState, list[str]]:
    """Turn URL parameters (each key with all its values) into a valid state plus notices."""
    notices: list[str] = []
    state = default_state(vocab)
    unknown = [k for k in params if k not in KNOWN_KEYS]
    if unknown:
        notices.append(f"Ignored unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(shown(k) for k in unknown)}.")

    year_from = year_to = None
    if "year" in params:
        year_from = year_to = _year(params["year"], "year", vocab, notices)
    beside = [k for k in ("from", "to") if k in params and params[k] != params.get("year")]
    if year_from is not None and beside:     # one year chosen: a range beside it would contradict it
        notices.append(f"Ignored {' and '.join(beside)}: year={year_from} chooses a single year.")
    else:
        if "from" in params:
            year_from = _year(params["from"], "from", vocab, notices) or year_from
        if "to" in params:
            year_to = _year(params["to"], "to", vocab, notices) or year_to
    year_from = state.year_from if year_from is None else year_from
    year_to = state.year_to if year_to is None else year_to
    if year_from > year_to:
        notices.append(f"Ignored the year range {year_from}–{year_to}: it runs backwards.")
        year_from, year_to = state.year_from, state.year_to
    state = replace(state, year_from=year_from, year_to=year_to)

    if "topic" in params:
        topics = _choices(params["topic"], "topic", vocab.topics, notices)
        state = replace(state, topics=state.topics if topics is None else topics)
    if "jurisdiction" in params:
        places = _choices(params["jurisdiction"], "jurisdiction", vocab.jurisdictions, notices)
        state = replace(state, jurisdictions=state.jurisdictions if places is None else places)
    if "currency" in params:
        values = params["currency"]
        if len(values) == 1 and values[0] in CURRENCIES:
            state = replace(state, currency=values[0])
        else:
            notices.append(f"Ignored currency {', '.join(shown(v) for v in values)}: use one of {', '.join(CURRENCIES)}.")
    return state, notices


def page_choices(params: Mapping[str, list[str]], page_keys: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """The page's own choices in a link (PAGE_KEYS, each given once), plus notices for another
    page's key or one given more than once. The page checks the value against what it offers."""
    chosen: dict[str, str] = {}
    notices: list[str] = []
    for key in PAGE_KEYS:
        if key not in params:
            continue
        if key in page_keys and len(params[key]) == 1:
            chosen[key] = params[key][0]
        else:
            notices.append(f"Ignored {key}: this page has no such choice, or it was given more than once.")
    return chosen, notices


def to_query_params(state: FilterState, vocab: Vocabulary) -> dict[str, str | list[str]]:
    """The URL form of a state: only what differs from the default."""
    default = default_state(vocab)
    out: dict[str, str | list[str]] = {}
    if state.year_from != default.year_from:
        out["from"] = str(state.year_from)
    if state.year_to != default.year_to:
        out["to"] = str(state.year_to)
    if state.topics != default.topics:
        out["topic"] = list(state.topics)
    if state.jurisdictions != default.jurisdictions:
        out["jurisdiction"] = list(state.jurisdictions)
    if state.currency != default.currency:
        out["currency"] = state.currency
    return out


def describe(state: FilterState, vocab: Vocabulary, topic_labels: Mapping[str, str], place_labels: Mapping[str, str],
             amounts: bool = True) -> str:
    """One line saying what the current view shows, for captions and citations; without the currency
    (amounts=False) where only what selects records matters."""
    every = state.within(vocab).every
    topics = "all topics" if "topics" in every else (", ".join(topic_labels.get(t, t) for t in state.topics) or "no topic")
    places = "all jurisdictions" if "jurisdictions" in every else (
        ", ".join(place_labels.get(j, j) for j in state.jurisdictions) or "no jurisdiction")
    currency = "as reported" if state.currency == "reported" else f"in {CURRENCY_LABELS[state.currency]}"
    years = f"the year {state.year_from}" if state.year_from == state.year_to else f"{state.year_from}–{state.year_to}"
    return f"{years}; {topics}; {places}" + (f"; amounts {currency}" if amounts else "")
