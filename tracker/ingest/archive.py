"""The archive folder of source texts (the one `validate` reads quotes from): duplicate detection,
names for new files, and the copy itself.

Two texts are the same source when their normalised text (white space and typographic quote marks
evened out, as the quote check does) has the same SHA-256. A new file is named like the seeds,
NNN_<first 16 hex digits of that hash>.txt, with NNN the number of its source id.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from tracker.ingest.source_text import IngestError
from tracker.validate import normalise_text


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def find_duplicate(text: str, archive: Path | None, archive_names: dict[str, str]) -> str | None:
    """A message naming the archived source with the same text, or None. archive_names maps a file
    name to its source id (from data/sources.csv)."""
    if archive is None or not Path(archive).is_dir():
        return None
    wanted = text_hash(text)
    for path in sorted(Path(archive).glob("*.txt")):
        if text_hash(path.read_text(encoding="utf-8", errors="replace")) == wanted:
            source = archive_names.get(path.name)
            known = f"source {source} ({path.name})" if source else f"the archived file {path.name}"
            return (f"this text repeats {known} in {archive}: the same words once white space and quote marks are "
                    "evened out. Nothing was written; add a new piece of evidence to the existing records instead.")
    return None


def next_source_id(source_ids: set[str]) -> str:
    numbers = [int(m.group(1)) for s in source_ids if (m := re.fullmatch(r"S(\d+)", s))]
    return f"S{(max(numbers) + 1 if numbers else 0):03d}"


def archive_name(source_id: str, text: str) -> str:
    return f"{int(source_id[1:]):03d}_{text_hash(text)[:16]}.txt"


def check_writable(archive: Path | None) -> Path:
    if archive is None:
        raise IngestError("no archive folder for source texts: pass --archive DIR or set TRACKER_ARCHIVE.")
    archive = Path(archive)
    if not archive.is_dir():
        raise IngestError(f"the archive folder {archive} does not exist: create it, or pass --archive DIR.")
    if not os.access(archive, os.W_OK):
        raise IngestError(f"the archive folder {archive} is not writable: pass --archive DIR with a folder you can write to.")
    return archive


def copy_into(archive: Path, name: str, text: str) -> Path:
    """Write the text as UTF-8 under a new name; never overwrite an archived file."""
    path = check_writable(archive) / name
    try:
        with path.open("x", encoding="utf-8", newline="") as f:
            f.write(text)
    except FileExistsError:
        raise IngestError(f"{path} already exists in the archive; nothing was written.") from None
    return path
