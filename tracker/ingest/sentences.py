"""Split an article into paragraphs, sentences and clauses, keeping character offsets into the
original text so that every quote is a verbatim excerpt.

A paragraph is a run of lines between blank lines (a headline or a caption on its own line is its
own paragraph). Sentences end at . ! ? (or their Chinese forms) followed by space and a capital,
a digit or an opening quote mark, except after common abbreviations ("Sept.", "No.", "U.S.").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "mr", "mrs",
    "ms", "dr", "prof", "st", "vs", "etc", "inc", "ltd", "co", "corp", "gov", "u.s", "u.k", "e.g", "i.e", "approx",
    "dept", "est", "jr", "sr", "vol", "fig",
}
_END = re.compile(r"(?<=[.!?。！？])[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|(?<=[。！？])")
_CLAUSE_BREAK = re.compile(r",(?!\d{3})|;|:(?!\d)|\s[—–-]\s|，|；|：")


@dataclass(frozen=True)
class Sentence:
    start: int          # offsets into the article text
    end: int
    paragraph: int      # index of the paragraph, to carry a year from one sentence to the next
    text: str


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause: commas (not in "1,000"), semicolons, colons and dashes end one."""
    bounds, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def clause_of(text: str, position: int) -> tuple[int, int]:
    for start, end in clauses(text):
        if start <= position <= end:
            return start, end
    return 0, len(text)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True if the full stop at index dot ends an abbreviation or a single initial, not a sentence."""
    if text[dot] != ".":
        return False
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[:dot])
    if not m:
        return False
    word = m.group(1).lower()
    return word in _ABBREVIATIONS or len(word) == 1


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph = 0
    for block in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        chunk = block.group(0)
        if not chunk.strip():
            continue
        cut = 0
        for m in _END.finditer(chunk):
            end = m.end()
            stop = m.start() - 1
            while stop > 0 and chunk[stop] in "\"'”’)":
                stop -= 1
            if _is_abbreviation(chunk, stop):
                continue
            _append(sentences, text, block.start() + cut, block.start() + end, paragraph)
            cut = end
        _append(sentences, text, block.start() + cut, block.end(), paragraph)
        paragraph += 1
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, paragraph, text[start:end]))
