"""Best guesses for the columns an article does not state outright: jurisdiction, topic, metric,
speaker, claim type, and whether a sentence states an intent (a target) or a result (an
achievement). Each is a proposal for the reviewer, drawn from the dataset's own vocabulary.
"""
from __future__ import annotations

import functools
import re

from tracker.ingest.sentences import clause_of
from tracker.ingest.vocabulary import Vocabulary, tokens

TARGET_CUES = re.compile(
    r"\b(?:aims?|aiming|aimed|plans?|planned|planning|will|vision|goals?|targets?|targeted|targeting|eyeing|eyes|"
    r"wants?|seeks?|seeking|strives?|striving|hopes?|expects?|expected|intends?|is going to|are going to|"
    r"is set to|are set to|ambitions?|ambitious|blueprint|envisions?|to expand|to build|to reach|to achieve)\b"
    r"|计划|目标|力争|将", re.IGNORECASE)
ACHIEVED_CUES = re.compile(
    r"\b(?:reached|exceeded|exceeding|was worth|is worth|were worth|became|has become|is valued|was valued|"
    r"valued at|boasts?|is home to|home to|achieved|totall?ed|stood at|hit|ranked|ranking|ranks|now|currently|"
    r"already|comprising|comprises|hosted|brought|attracted|provides|provided|recorded|grew|rose|saw|has|have|had|"
    r"gathered|gathering|launched|inaugurated)\b|达到|突破|超过|已", re.IGNORECASE)
OFFICIAL_CUES = re.compile(r"\b(?:said|says|told|according to|government|ministry|municipal|official|officials|"
                           r"authority|authorities|mayor|secretary|commission|plans?|policy)\b", re.IGNORECASE)
_DEMONYMS = {"China": "Chinese", "Shanghai": "Shanghainese", "Beijing": "Beijinger"}
_LEVEL_CUES = {
    "municipality": r"the city|city's|city’s|municipal|municipality",
    "city": r"the city|city's|city’s|municipal|municipality",
    "nation": r"nation|nation's|nation’s|national|nationwide|country|country's|country’s",
    "country": r"nation|nation's|nation’s|national|nationwide|country|country's|country’s",
}


@functools.lru_cache(maxsize=4)       # once per loaded vocabulary, not once per sentence
def _jurisdiction_patterns(vocab: Vocabulary) -> list[tuple[str, re.Pattern]]:
    patterns = []
    for jid, (label, level) in vocab.jurisdictions.items():
        alternatives = [re.escape(label)]
        if label in _DEMONYMS:
            alternatives.append(_DEMONYMS[label])
        if level in _LEVEL_CUES:
            alternatives.append(_LEVEL_CUES[level])
        patterns.append((jid, re.compile(rf"\b(?:{'|'.join(alternatives)})\b")))
    return patterns


def mentions_jurisdiction(text: str, vocab: Vocabulary) -> bool:
    return any(p.search(text) for _, p in _jurisdiction_patterns(vocab))


def jurisdiction(sentence: str, position: int, vocab: Vocabulary) -> str | None:
    """The jurisdiction named nearest before the value in its clause, else the sentence's first."""
    hits = sorted((m.start(), jid) for jid, p in _jurisdiction_patterns(vocab) for m in p.finditer(sentence))
    if not hits:
        return vocab.default_jurisdiction()
    start, end = clause_of(sentence, position)
    before = [h for h in hits if start <= h[0] < position]
    if before:
        return before[-1][1]
    return hits[0][1]


def metric(unit: str | None, context: str, vocab: Vocabulary, phrase: str = "") -> str | None:
    """A metric already used with this unit (or any currency, for money) whose words overlap the
    context, the words of the number's own phrase ("AI-related enterprises") counting double;
    None when nothing fits, so that the reviewer names it rather than accepting a wrong one."""
    if not unit:
        return None
    unit_kind = vocab.units.get(unit, "currency" if re.fullmatch(r"[A-Z]{3}", unit) else None)
    own = tokens(phrase)
    words = tokens(context) | own
    best, best_score = None, 0
    for name, text in vocab.metrics.items():
        used_units = vocab.metric_units.get(name, set())
        compatible = unit in used_units or (unit_kind == "currency" and any(vocab.units.get(u) == "currency" for u in used_units))
        if used_units and not compatible:
            continue
        described = tokens(name.replace("_", " ") + " " + text)
        score = len(words & described) + len(own & described)
        # A metric no record uses yet has no unit to check against: it needs a closer match.
        if score > best_score and (compatible or score >= 2):
            best, best_score = name, score
    return best


_KIND_TOPICS = {"fund": "funding", "conference": "events", "cluster": "clusters", "partnership": "partnerships",
                "governance": "governance"}


def topic(kind: str, unit: str | None, metric_name: str | None, context: str, vocab: Vocabulary) -> str | None:
    if _KIND_TOPICS.get(kind) in vocab.topics:
        return _KIND_TOPICS[kind]
    if metric_name in vocab.metric_topic:
        return vocab.metric_topic[metric_name]
    words = tokens(context)
    scores = {t: len(words & tokens(text)) for t, text in vocab.topics.items()}
    best = max(scores, key=scores.get, default=None)
    if best is not None and scores[best] > 0:
        return best
    if unit in vocab.unit_topic:
        return vocab.unit_topic[unit]
    return next(iter(vocab.topics), None)


def speaker(sentence: str, vocab: Vocabulary) -> str | None:
    """Who the sentence quotes ("..., said Li.", "Li Zheng told"), as the dataset names them where it can."""
    name = r"((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){0,2})"
    found = [m.group(1) for m in re.finditer(rf"\b(?:said|says|according to)\s+{name}(?=\s*[,.;]|$)", sentence)]
    found += [m.group(1) for m in re.finditer(rf"{name}\s+(?:said|says|told)\b", sentence)]
    people = [e.name for e in vocab.entities if e.kind == "person"]
    resolved = []
    for who in found:
        if who.split()[0].lower() in ("the", "he", "she", "it", "they", "we"):
            continue
        if who in people:
            return who
        same_family = [p for p in people if len(who.split()) == 1 and p.split()[0] == who]
        if len(same_family) == 1:
            return same_family[0]
        resolved.append(who)
    return resolved[0] if resolved else None


def claim_type(sentence: str, speaker_name: str | None) -> str:
    return "official_statement" if speaker_name or OFFICIAL_CUES.search(sentence) else "press_report"


def states_intent(clause: str) -> bool:
    """True when the clause reads as a plan rather than a result."""
    return len(TARGET_CUES.findall(clause)) > len(ACHIEVED_CUES.findall(clause))
