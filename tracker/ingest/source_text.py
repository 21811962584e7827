"""An article's bytes -> its text, refusing what is not one news article in a known encoding.

Refused, each with a message that names the file and says what to do: an empty file, a file over
1 MB, a binary file, and text that is neither UTF-8 nor UTF-16 with a byte-order mark.
"""
from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tracker.ingest.dates import Published

MAX_BYTES = 1_048_576          # 1 MB: the longest seed article is 8 KB
_CONTROL_SHARE = 0.01          # more control characters than this and it is not prose


class IngestError(Exception):
    """A refusal: the message is for the person running the ingest; nothing has been written."""


@dataclass(frozen=True)
class Article:
    text: str
    title: str
    published: Published
    publisher: str | None = None
    url: str | None = None
    origin: str = ""           # the file name it came from, for messages


def _position(raw: bytes, index: int) -> str:
    line = raw[:index].count(b"\n") + 1
    column = index - (raw.rfind(b"\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def decode_article(raw: bytes, name: str) -> str:
    """The text of an article file: UTF-8 (with or without a BOM), else UTF-16 with a BOM."""
    if not raw.strip():
        raise IngestError(f"{name}: the file is empty; there is no article to read.")
    if len(raw) > MAX_BYTES:
        raise IngestError(f"{name}: {len(raw):,} bytes is more than the {MAX_BYTES:,} bytes (1 MB) an article may have; "
                          "save just the article's text.")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IngestError(f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16 "
                              f"(at byte {e.start}); save it as UTF-8.") from None
    else:
        nul = raw.find(b"\x00")
        if nul >= 0:
            raise IngestError(f"{name}: contains NUL bytes ({_position(raw, nul)}): this is a binary file "
                              "(or UTF-16 text without a byte-order mark), not a text article; save the article as UTF-8 text.")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise IngestError(f"{name}: not UTF-8 (byte 0x{raw[e.start]:02x} at {_position(raw, e.start)}) and no UTF-16 "
                              "byte-order mark; re-save the article as UTF-8 (in most editors: Save as, encoding UTF-8).") from None
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > _CONTROL_SHARE * len(text):
        raise IngestError(f"{name}: {controls} control characters in {len(text)}: this looks like a binary file, not a text article.")
    if not text.strip():
        raise IngestError(f"{name}: the file holds only white space; there is no article to read.")
    return text


def read_article_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a missing or enormous file before reading it into memory."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(f"{path}: no such file.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(f"{path}: {size:,} bytes is more than the {MAX_BYTES:,} bytes (1 MB) an article may have; "
                          "save just the article's text.")
    return path.read_bytes()
