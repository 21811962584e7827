"""Article text -> candidate records, each with its verbatim quote. Pure: no files, no network.

Every amount of money, share, count and rank becomes a target, achievement or fund candidate;
every day or month named in a sentence becomes a conference, cluster or partnership candidate;
sentences with neither may still propose a qualitative governance step, target or achievement;
new names become actor candidates. The year of a number is the time stated nearest to it in its
clause, else in its sentence, else the last one stated earlier in the paragraph, else the
article's own year. See docs/INGEST.md for the rules and their measured quality.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.ingest import guess
from tracker.ingest.candidate import Candidate, columns
from tracker.ingest.dates import Published, TimeExpr, find_times
from tracker.ingest.entities import Mention, known_mentions, new_mentions
from tracker.ingest.money import find_money
from tracker.ingest.numbers import as_number
from tracker.ingest.quantities import find_counts, find_ranks, find_shares
from tracker.ingest.sentences import Sentence, clause_of, clauses, split_sentences
from tracker.ingest.vocabulary import Vocabulary
from tracker.validate import MAX_QUOTE_CHARS, normalise_text

_FUND_WORDS = re.compile(r"\bfunds?\b|capitali[sz]ation|基金", re.IGNORECASE)
_CONFERENCE_WORDS = re.compile(r"\b(?:conference|summit|forum|expo|exhibition|congress|symposium|fair)\b", re.IGNORECASE)
_CLUSTER_WORDS = re.compile(r"\b(?:pilot zone|zone|industrial park|park|cluster|innovation base|hub)\b", re.IGNORECASE)
_FOUNDING_WORDS = re.compile(r"\b(?:inaugurated|established|founded|opened|set up|launched|unveiled)\b", re.IGNORECASE)
_GOVERNANCE_WORDS = re.compile(r"\b(?P<kind>regulations?|laws?|standards?|guidelines?|policy|policies|action plan|"
                               r"plan|strategy|strategies|framework|frameworks|measures|rules|priority)\b", re.IGNORECASE)
_GOVERNANCE_ACTORS = re.compile(r"\b(?:government|municipal|ministry|authorit(?:y|ies)|city|state council|devis\w*|"
                                r"issu\w*|releas\w*|adopt\w*|enact\w*|introduc\w*|publish\w*)\b", re.IGNORECASE)
_RULE_WORDS = re.compile(r"\b(?:regulations?|laws?|standards?|guidelines?|policy|policies|action plan|measures|rules)\b",
                         re.IGNORECASE)
_QUALITATIVE_RESULT = re.compile(r"\b(?:became the first|first\b.*\b(?:to|in)\b|breakthroughs?|achieved|"
                                 r"established|inaugurated)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|is going to|are going to|plans? to|to hold|is set to|upcoming|later this)\b", re.IGNORECASE)
_PARTNERSHIP_KINDS = (("meeting", r"\bmet\b|\bmeeting\b|\btalks\b"), ("agreement", r"\bsigned\b|\bagreement\b|\bMoU\b|memorandum"),
                      ("launch", r"\blaunch(?:ed|es)?\b|\binaugurated\b"), ("announcement", r"\bannounced?\b"))
_ORDINAL_EDITIONS = {"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
                     "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th"}
# Relations of a time expression that say when a number held (not "since", not a publication date).
_AS_OF = ("by", "in", "bare", "relative", "now", "day", "month")


@dataclass
class _Context:
    published: Published
    vocab: Vocabulary
    sentence: Sentence
    index: int
    times: list[TimeExpr]
    carried: TimeExpr | None       # the last time stated earlier in the paragraph
    known: list[Mention]
    new: list[Mention]
    stated: list[TimeExpr]         # the times that say when a number held: relation in _AS_OF, with a year


def extract(text: str, published: Published, vocab: Vocabulary) -> list[Candidate]:
    """Candidates in the order of the sentences they come from."""
    candidates: list[Candidate] = []
    carried: TimeExpr | None = None
    paragraph = -1
    offered_names: set[str] = set()
    for index, sentence in enumerate(split_sentences(text)):
        if sentence.paragraph != paragraph:
            paragraph, carried = sentence.paragraph, None
        times = find_times(sentence.text, published)
        known = known_mentions(sentence.text, vocab)
        stated = [t for t in times if t.relation in _AS_OF and t.year is not None]
        ctx = _Context(published, vocab, sentence, index, times, carried, known, new_mentions(sentence.text, vocab, known),
                       stated)
        found = _numeric_candidates(ctx) + _dated_candidates(ctx)
        if not found and not sentence.text.rstrip().endswith("?"):
            found = _qualitative_candidates(ctx)
        for mention in ctx.new:
            if mention.name not in offered_names and mention.kind in ("person", "organization"):
                offered_names.add(mention.name)
                found.append(_actor_candidate(ctx, mention))
        candidates.extend(_dedupe(candidates, found))
        if stated:
            carried = stated[-1]
    return candidates


def _dedupe(existing: list[Candidate], new: list[Candidate]) -> list[Candidate]:
    seen = {(c.kind, c.value, c.unit, c.year, c.date) for c in existing if c.is_numeric}
    kept = []
    for c in new:
        key = (c.kind, c.value, c.unit, c.year, c.date)
        if c.is_numeric and key in seen:
            continue
        seen.add(key)
        kept.append(c)
    return kept


# --- quotes ---------------------------------------------------------------------------------------

def quote_for(sentence: str, start: int, end: int, limit: int = MAX_QUOTE_CHARS) -> str:
    """The sentence, or when it is too long the clauses around [start, end), at most limit characters."""
    text = normalise_text(sentence)
    if len(text) <= limit:
        return text
    bounds = clauses(sentence)
    first = last = next(i for i, (s, e) in enumerate(bounds) if s <= start <= e)
    while last + 1 < len(bounds) and bounds[last][1] < end:
        last += 1

    def span(a: int, b: int) -> str:
        return normalise_text(sentence[bounds[a][0]:bounds[b][1]])

    if len(span(first, last)) > limit:
        # One clause is too long by itself: words around the match.
        left = max(0, start - (limit - (end - start)) // 2)
        piece = sentence[left:left + limit]
        piece = piece[piece.find(" ") + 1:] if left else piece
        return normalise_text(piece[:piece.rfind(" ")] if len(piece) >= limit else piece)
    while True:
        grown = False
        if last + 1 < len(bounds) and len(span(first, last + 1)) <= limit:
            last, grown = last + 1, True
        if first > 0 and len(span(first - 1, last)) <= limit:
            first, grown = first - 1, True
        if not grown:
            return span(first, last)


# --- time -----------------------------------------------------------------------------------------

def _time_for(ctx: _Context, position: int) -> tuple[TimeExpr | None, str]:
    """The time a number at position refers to, and where it was found."""
    usable = ctx.stated
    start, end = clause_of(ctx.sentence.text, position)
    in_clause = [t for t in usable if start <= t.start < end]
    after = [t for t in in_clause if t.start >= position]
    if after:
        return after[0], f"'{after[0].text}' in the same clause"
    if in_clause:
        return in_clause[-1], f"'{in_clause[-1].text}' in the same clause"
    if usable:
        nearest = min(usable, key=lambda t: abs(t.start - position))
        return nearest, f"'{nearest.text}' in the same sentence"
    if ctx.carried is not None:
        return ctx.carried, f"'{ctx.carried.text}' earlier in the paragraph"
    return None, f"no time stated: the article's year {ctx.published.year}"


def _year(ctx: _Context, time: TimeExpr | None) -> int:
    return time.year if time is not None else ctx.published.year


def _blank(kind: str, common: dict | None = None) -> dict:
    """Every column of the kind, empty, with the common guesses the kind has columns for."""
    fields = dict.fromkeys(columns(kind))
    if common:
        fields.update({k: v for k, v in common.items() if k in fields})
    return fields


def _candidate(ctx: _Context, kind: str, fields: dict, start: int, end: int, matched: str, reasons: list[str],
               conversion: dict | None = None) -> Candidate:
    return Candidate(kind, quote_for(ctx.sentence.text, start, end), fields, conversion, matched, ctx.index,
                     [m.as_json() for m in ctx.known], [m.as_json() for m in ctx.new], reasons)


# --- numbers --------------------------------------------------------------------------------------

@dataclass
class _Fact:
    start: int
    end: int
    value: object
    unit: str
    comparator: str | None
    text: str
    phrase: str = ""
    conversion: dict | None = None
    is_money: bool = False
    approximate: str | None = None
    context: str = ""          # the words of its clause that belong to this number


def _facts(sentence: str, vocab: Vocabulary, dates: list[TimeExpr]) -> list[_Fact]:
    facts: list[_Fact] = []
    for m in find_money(sentence):
        conversion = ({"value": as_number(m.conversion.value), "unit": m.conversion.currency, "text": m.conversion.text}
                      if m.conversion else None)
        facts.append(_Fact(m.start, m.end, as_number(m.value), m.currency, m.comparator, m.text, "", conversion, True))
    for q in find_shares(sentence) + find_ranks(sentence):
        facts.append(_Fact(q.start, q.end, as_number(q.value), q.unit, q.comparator, q.text, q.phrase))
    taken = [(f.start, f.end) for f in facts] + [(t.start, t.end) for t in dates]
    for q in find_counts(sentence, vocab.count_units, taken):
        value = as_number(q.value) if q.value is not None else None
        facts.append(_Fact(q.start, q.end, value, q.unit, q.comparator, q.text, q.phrase, approximate=q.approximate))
    return sorted(facts, key=lambda f: f.start)


def _numeric_candidates(ctx: _Context) -> list[Candidate]:
    s = ctx.sentence.text
    out = []
    facts = _facts(s, ctx.vocab, ctx.times)
    for i, fact in enumerate(facts):
        time, where = _time_for(ctx, fact.start)
        year = _year(ctx, time)
        clause_start, clause_end = clause_of(s, fact.start)
        clause = s[clause_start:clause_end]
        # The words that describe this number: its clause, without the neighbouring numbers' parts.
        left = max([clause_start] + [f.end for f in facts[:i] if f.end <= fact.start])
        right = min([clause_end] + [f.start for f in facts[i + 1:] if f.start >= fact.end])
        fact.context = s[left:right]
        reasons = [f"year {year}: {where}"]
        if fact.is_money and _FUND_WORDS.search(s[max(0, fact.start - 80):fact.end + 40]):
            kind = "fund"
            reasons.append("an amount next to the word fund or capitalization")
        elif year > ctx.published.year:
            kind = "target"
            reasons.append(f"{year} is after the article's date")
        elif year < ctx.published.year:
            kind = "achievement"
            reasons.append(f"{year} is before the article's date")
        elif guess.states_intent(clause):
            kind = "target"
            reasons.append("the clause states an intent (aims, plans, will, goal...)")
        else:
            kind = "achievement"
            reasons.append("the clause reports a result")
        out.append(_numeric_record(ctx, kind, fact, time, year, reasons))
    return out


def _common(ctx: _Context, position: int) -> dict:
    s = ctx.sentence.text
    who = guess.speaker(s, ctx.vocab)
    return {"jurisdiction": guess.jurisdiction(s, position, ctx.vocab), "statement": normalise_text(s),
            "speaker": who, "claim_type": guess.claim_type(s, who),
            "note": "Proposed by python -m tracker ingest; check the wording against the quote."}


def _numeric_record(ctx: _Context, kind: str, fact: _Fact, time: TimeExpr | None, year: int,
                    reasons: list[str]) -> Candidate:
    s = ctx.sentence.text
    fields = _blank(kind, _common(ctx, fact.start))
    context = fact.context
    metric = guess.metric(fact.unit, context, ctx.vocab, fact.phrase) if kind != "fund" else None
    fields["topic"] = guess.topic(kind, fact.unit, metric, context, ctx.vocab)
    if fact.approximate:
        fields["note"] = f"The source says '{fact.approximate}'; no number is given, so none is stored."
    if kind == "achievement":
        as_of_day = time.day if time is not None and time.day is not None and time.relation in ("by", "day") else None
        fields.update(metric=metric, comparator=fact.comparator, value=fact.value, unit=fact.unit, as_of_year=year,
                      as_of_date=as_of_day.isoformat() if as_of_day and as_of_day.year == year else None)
    elif kind == "target":
        deadline = year if time is not None and time.relation != "now" else None   # "now aims at" states no deadline
        announced = ctx.published.year if re.search(r"\b(?:new|announced|unveiled|released|issued)\b", s, re.I) else None
        if announced and deadline and announced > deadline:
            announced = None
        fields.update(metric=metric, comparator=fact.comparator, target_value=fact.value, unit=fact.unit,
                      deadline_year=deadline, announced_year=announced, event_nature="announcement")
    else:   # fund
        fields.update(name=_fund_name(s, ctx), size_value=fact.value, size_unit=fact.unit,
                      amount_stage=_amount_stage(s), backers=_backers(s), focus=_focus(s), launched_year=year,
                      event_nature="announcement" if _FUTURE.search(s) else "action")
    return _candidate(ctx, kind, fields, fact.start, fact.end, fact.text, reasons, fact.conversion)


def _fund_name(s: str, ctx: _Context) -> str:
    named = [m.name for m in ctx.new + ctx.known if re.search(r"\bFund\b", m.name)]
    if named:
        return named[0]
    label = ctx.vocab.jurisdictions.get(guess.jurisdiction(s, 0, ctx.vocab), ("",))[0]
    return f"{label} investment fund (name not stated)".strip()


def _amount_stage(s: str) -> str:
    for stage, pattern in (("initial_capitalization", r"initial capitali[sz]ation|registered capital"),
                           ("deployed", r"\b(?:invested|deployed|disbursed)\b"),
                           ("committed", r"\b(?:committed|pledged)\b"),
                           ("planned", r"\b(?:plans?|will|to set up|planned)\b")):
        if re.search(pattern, s, re.IGNORECASE):
            return stage
    return "announced"


def _backers(s: str) -> str | None:
    m = re.search(r"\b(?:supported|backed|sponsored|funded)\s+by\s+(?:the\s+)?([A-Z][^,.;]{2,80})", s)
    return m.group(1).strip() if m else None


def _focus(s: str) -> str | None:
    m = re.search(r"\b(?:focusing|focused|focuses|concentrating)\s+on\s+([^.;]{3,160})", s)
    return m.group(1).strip().rstrip(",") if m else None


# --- dates ----------------------------------------------------------------------------------------

def _dated_candidates(ctx: _Context) -> list[Candidate]:
    s = ctx.sentence.text
    if _CONFERENCE_WORDS.search(s) or any(m.kind == "conference" for m in ctx.known + ctx.new):
        make = _conference
    elif _CLUSTER_WORDS.search(s) and _FOUNDING_WORDS.search(s):
        make = _cluster
    elif _RULE_WORDS.search(s) and _GOVERNANCE_ACTORS.search(s):
        make = _governance
    else:
        make = _partnership
    return [make(ctx, time) for time in ctx.times if time.has_date]


def _nature(ctx: _Context, time: TimeExpr) -> str:
    """event_nature of a dated step: an announcement when it is still to come."""
    if ctx.published.precision == "day" and time.day is not None:
        future = time.day > ctx.published.day
    else:
        future = bool(_FUTURE.search(ctx.sentence.text))
    return "announcement" if future else "action"


def _conference(ctx: _Context, time: TimeExpr) -> Candidate:
    s = ctx.sentence.text
    fields = _blank("conference")
    names = [m for m in ctx.known + ctx.new if m.kind == "conference"]
    edition = re.search(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?=[A-Z])", s)
    location = re.search(r"\bin\s+(?:the\s+city's\s+|the\s+city’s\s+)?((?:[A-Z][\w-]*\s?){1,4}(?:area|district)?)", s)
    single = time.end_day is None
    common = _common(ctx, time.start)
    fields.update(jurisdiction=common["jurisdiction"], topic=guess.topic("conference", None, None, s, ctx.vocab),
                  name=names[0].name if names else None,
                  edition=f"{_ORDINAL_EDITIONS[edition.group(1).lower()]} ({time.year})" if edition else None,
                  location=location.group(1).strip() if location else None, year=time.year,
                  claim_type="press_report", event_nature=_nature(ctx, time))
    if time.precision == "day":
        if single:
            fields["observed_on"] = time.day.isoformat()
            fields["note"] = "One day is given: stored as a day the event was in session; if it is the whole event, move it to start_date and end_date."
        else:
            fields.update(start_date=time.day.isoformat(), end_date=time.end_day.isoformat())
    else:
        fields["note"] = f"Only the month is given ({time.text})."
    return _candidate(ctx, "conference", fields, time.start, time.end, time.text,
                      [f"date '{time.text}' in a sentence about a conference"])


def _cluster(ctx: _Context, time: TimeExpr) -> Candidate:
    s = ctx.sentence.text
    fields = _blank("cluster")
    places = [m for m in ctx.known + ctx.new if m.kind == "cluster"]
    noun = _CLUSTER_WORDS.search(s)
    # Up to two words before the noun, but not "China's first": "pilot zone for the innovation of AI".
    phrase = re.search(rf"(?<![\w'’-])(?:(?!(?:the|a|an|first|its|their|this|new)\b)[A-Za-z-]+\s+){{0,2}}{re.escape(noun.group(0))}(?:\s+for\s+[^,.;]{{3,80}}?)?(?=\s+(?:was|is|has|in|on)\b|[,.;])", s)
    district = re.search(r"\bin\s+((?:[A-Z][\w-]*\s){0,3}(?:New Area|District|Area))\b", s)
    common = _common(ctx, time.start)
    fields.update(jurisdiction=common["jurisdiction"], topic=guess.topic("cluster", None, None, s, ctx.vocab),
                  name=phrase.group(0).strip() if phrase else (places[0].name if places else None),
                  district=district.group(1) if district else None, kind=noun.group(0).lower(),
                  established_year=time.year,
                  established_on=time.day.isoformat() if time.precision == "day" else None,
                  claim_type=common["claim_type"], event_nature=_nature(ctx, time),
                  note="The article gives no coordinates: enter approximate public ones and say so in coordinates_precision.")
    return _candidate(ctx, "cluster", fields, time.start, time.end, time.text,
                      [f"date '{time.text}' in a sentence about a zone, park or cluster being opened"])


def _governance_kind(word: str) -> str:
    """The governance kind a rule word names, singular like the curated kinds ("policies" → "policy");
    "measures" and "rules" stay plural: a set of them is one step."""
    word = word.lower()
    if word in ("measures", "rules"):
        return word
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def _governance(ctx: _Context, time: TimeExpr) -> Candidate:
    """A dated rule or plan. The governance table keeps a year only, so the day goes into the note."""
    s = ctx.sentence.text
    rule = _RULE_WORDS.search(s)
    fields = _blank("governance", _common(ctx, time.start))
    fields.update(topic=guess.topic("governance", None, None, s, ctx.vocab), kind=_governance_kind(rule.group(0)),
                  year=time.year, event_nature=_nature(ctx, time),
                  note=f"Dated '{time.text}' in the article ({time.day.isoformat()[:7 if time.precision == 'month' else 10]}).")
    return _candidate(ctx, "governance", fields, time.start, time.end, time.text,
                      [f"date '{time.text}' in a sentence about a rule or plan"])


def _partnership(ctx: _Context, time: TimeExpr) -> Candidate:
    s = ctx.sentence.text
    fields = _blank("partnership")
    parties = [m.name for m in ctx.known + ctx.new if m.kind in ("organization", "cluster")]
    people = [m.name for m in ctx.known + ctx.new if m.kind == "person"]
    kind = next((k for k, p in _PARTNERSHIP_KINDS if re.search(p, s, re.IGNORECASE)), "collaboration")
    common = _common(ctx, time.start)
    fields.update(jurisdiction=common["jurisdiction"], topic=guess.topic("partnership", None, None, s, ctx.vocab),
                  organization=parties[0] if parties else None, counterpart=parties[1] if len(parties) > 1 else None,
                  people="; ".join(people) or None, kind=kind, statement=common["statement"], year=time.year,
                  event_date=time.day.isoformat(), date_precision=time.precision, claim_type=common["claim_type"],
                  event_nature=_nature(ctx, time), note=common["note"])
    return _candidate(ctx, "partnership", fields, time.start, time.end, time.text,
                      [f"date '{time.text}' in a sentence about an organisation's step"])


# --- sentences without numbers or dates -------------------------------------------------------------

def _qualitative_candidates(ctx: _Context) -> list[Candidate]:
    s = ctx.sentence.text
    if len(s) < 40:
        return []       # a headline or a caption
    year = ctx.stated[0].year if ctx.stated else None
    common = _common(ctx, 0)
    gov = _GOVERNANCE_WORDS.search(s)
    if gov and _GOVERNANCE_ACTORS.search(s):
        fields = _blank("governance", common)
        fields.update(topic=guess.topic("governance", None, None, s, ctx.vocab), kind=_governance_kind(gov.group("kind")), year=year,
                      event_nature="announcement" if guess.states_intent(s) else "action")
        return [_candidate(ctx, "governance", fields, gov.start(), gov.end(), gov.group(0),
                           [f"mentions '{gov.group(0)}' with a government step"])]
    intent = guess.TARGET_CUES.search(s)
    if intent and guess.states_intent(s) and guess.mentions_jurisdiction(s[:intent.start()], ctx.vocab):
        deadline = next((t.year for t in ctx.times if t.relation == "by"), None)
        fields = _blank("target", common)
        fields.update(topic=guess.topic("target", None, None, s, ctx.vocab), deadline_year=deadline,
                      announced_year=None, event_nature="announcement")
        return [_candidate(ctx, "target", fields, intent.start(), intent.end(), intent.group(0),
                           [f"a jurisdiction states an intent ('{intent.group(0)}') without a number"])]
    result = _QUALITATIVE_RESULT.search(s)
    if result:
        time, where = _time_for(ctx, result.start())
        fields = _blank("achievement", common)
        fields.update(topic=guess.topic("achievement", None, None, s, ctx.vocab), as_of_year=_year(ctx, time))
        return [_candidate(ctx, "achievement", fields, result.start(), result.end(), result.group(0),
                           [f"reports a result ('{result.group(0)}') without a number", f"year {_year(ctx, time)}: {where}"])]
    return []


def _actor_candidate(ctx: _Context, mention: Mention) -> Candidate:
    s = ctx.sentence.text
    fields = _blank("actor")
    role = re.match(r",\s*([^,.;]{3,100})", s[mention.end:]) if mention.kind == "person" else None
    fields.update(jurisdiction=guess.jurisdiction(s, mention.start, ctx.vocab),
                  topic=guess.topic("actor", None, None, s, ctx.vocab), name=mention.name,
                  actor_type=mention.kind, role=role.group(1).strip() if role else None, claim_type="press_report",
                  note="A new name in the article; check spelling and role.")
    return _candidate(ctx, "actor", fields, mention.start, mention.end, mention.name,
                      [f"a capitalised name the dataset does not hold, read as a {mention.kind}"])
