"""Names in a sentence: those the dataset already holds (people, organisations, clusters,
conferences), and new capitalised names offered as new entities.

A new name is a run of capitalised words ("Shanghai INESA Group", "Ministry of Industry and
Information Technology"). It is offered only when its shape says what it is: a person (two or
three words next to "said" or a title such as "president"), an organisation, a conference or a
place (by its last word). Headlines, where every word is capitalised, are skipped.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tracker.ingest.vocabulary import Vocabulary

ORGANIZATION_WORDS = {"group", "ministry", "commission", "center", "centre", "institute", "university", "company",
                      "corporation", "corp", "bank", "association", "alliance", "department", "bureau", "council",
                      "agency", "administration", "academy", "laboratory", "lab", "labs", "foundation", "fund",
                      "inc", "ltd", "co", "holdings", "technologies", "technology", "security", "committee",
                      "government", "office", "organization", "organisation", "school", "college"}
CONFERENCE_WORDS = {"conference", "summit", "forum", "expo", "show", "congress", "fair", "week", "symposium"}
PLACE_WORDS = {"park", "zone", "area", "district", "valley", "town", "hub", "base", "cluster", "island"}
TITLE_WORDS = r"(?:secretary|president|mayor|director|chairman|chairwoman|chair|ceo|founder|minister|governor|head|" \
              r"chief|deputy|vice|professor|editor)"
_CONNECTORS = {"of", "and", "for", "the", "de", "&", "on"}
_FUNCTION_WORDS = set("""a an the in on at for to of and or but as by with from during after before since when while
if this that these those it its his her their our we he she they there here why how what which who statistics
moving besides furthermore moreover however meanwhile currently recently earlier later last next""".split())
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
_WORD = re.compile(r"[A-Za-z][\w'’.&-]*|&")


@dataclass(frozen=True)
class Mention:
    name: str
    kind: str                      # person, organization, cluster, conference
    start: int
    end: int
    record_ids: tuple[str, ...] = ()   # empty for a new name

    def as_json(self) -> dict:
        return {"name": self.name, "kind": self.kind, "record_ids": list(self.record_ids)}


@functools.lru_cache(maxsize=4)       # compiled once per loaded vocabulary, not once per sentence
def _known_names(vocab: Vocabulary) -> tuple[tuple[re.Pattern, str, str, tuple[str, ...]], ...]:
    """(pattern, name, kind, record ids) per known name, longest first."""
    by_name: dict[str, list] = {}
    for e in vocab.entities:
        by_name.setdefault(e.name, []).append(e)
    return tuple((re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])"), name, entities[0].kind,
                  tuple(e.record_id for e in entities))
                 for name, entities in sorted(by_name.items(), key=lambda kv: len(kv[0]), reverse=True))


def known_mentions(sentence: str, vocab: Vocabulary) -> list[Mention]:
    found: list[Mention] = []
    for pattern, name, kind, record_ids in _known_names(vocab):
        for m in pattern.finditer(sentence):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue       # "Microsoft" inside "Microsoft-INESA AI Innovation Center" is not a mention
            found.append(Mention(name, kind, m.start(), m.end(), record_ids))
    return sorted(found, key=lambda x: x.start)


def _is_headline(sentence: str) -> bool:
    words = [w for w in _WORD.findall(sentence) if w.lower() not in _CONNECTORS and w.lower() not in ("to", "in", "a", "an", "as", "at", "by")]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _kind_of(words: list[str], sentence: str, start: int, end: int) -> str | None:
    last = words[-1].lower().rstrip(".")
    if last.isdigit():
        last = words[-2].lower() if len(words) > 1 else last
    if last in CONFERENCE_WORDS:
        return "conference"
    if last in ORGANIZATION_WORDS or any(w.lower() in ("ministry", "commission", "university", "institute") for w in words):
        return "organization"
    if last in PLACE_WORDS:
        return "cluster"
    caps = [w for w in words if w.lower() not in _CONNECTORS]
    if 2 <= len(caps) <= 3 and len(caps) == len(words) and all(w[0].isupper() and not w.isupper() for w in caps):
        before, after = sentence[max(0, start - 45):start].lower(), sentence[end:end + 45].lower()
        if re.search(r"\bsaid\s*$|\bsays\s*$|\baccording to\s*$", before) or re.match(r"\s*(said|says|told)\b", after) \
                or re.search(rf"\b{TITLE_WORDS}\b", before[-30:]) or re.match(rf",?\s*(?:the\s+)?{TITLE_WORDS}\b", after):
            return "person"
    return None


def new_mentions(sentence: str, vocab: Vocabulary, known: list[Mention]) -> list[Mention]:
    """Capitalised names the dataset does not hold, with a guess at what each is."""
    if _is_headline(sentence):
        return []
    words = list(_WORD.finditer(sentence))
    runs: list[list[re.Match]] = []
    current: list[re.Match] = []
    for w in words:
        text = w.group(0)
        gap = sentence[current[-1].end():w.start()] if current else ""
        capital = text[0].isupper() and text not in _MONTHS
        if current and (gap.strip() or not (capital or text.lower() in _CONNECTORS)):
            runs.append(current)
            current = []
        if capital:
            current.append(w)
        elif current and text.lower() in _CONNECTORS:
            current.append(w)
    if current:
        runs.append(current)
    found: list[Mention] = []
    for run in runs:
        while run and run[-1].group(0).lower() in _CONNECTORS:
            run = run[:-1]
        while run and (run[0].group(0).lower() in _FUNCTION_WORDS or run[0].group(0).lower() in _CONNECTORS):
            run = run[1:]
        if len([w for w in run if w.group(0).lower() not in _CONNECTORS]) < 2:
            continue
        start, end = run[0].start(), run[-1].end()
        name = sentence[start:end].rstrip(".'’")
        if any(start < k.end and k.start < end for k in known) or any(name == known_name for _, known_name, _, _ in _known_names(vocab)):
            continue
        kind = _kind_of([w.group(0) for w in run], sentence, start, end)
        if kind:
            found.append(Mention(name, kind, start, end))
    return found
