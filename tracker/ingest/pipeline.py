"""The steps shared by the command line and the "Add a source" page: read the article, refuse
duplicates, propose candidates. Nothing here writes."""
from __future__ import annotations

from pathlib import Path

from tracker.ingest import archive as archive_mod
from tracker.ingest import vocabulary
from tracker.ingest.candidate import Candidate
from tracker.ingest.dates import parse_published_on
from tracker.ingest.extract import extract
from tracker.ingest.source_text import Article, IngestError, decode_article


def prepare(raw: bytes, name: str, *, title: str, published_on: str, publisher: str | None, url: str | None,
            data_dir: Path, archive: Path | None) -> tuple[Article, list[Candidate]]:
    """The article and its candidates. Raises IngestError (or PublishedOnError, a ValueError) with
    a message for the person adding the source."""
    published = parse_published_on(published_on)
    if not (title or "").strip():
        raise IngestError("the article needs a title.")
    text = decode_article(raw, name)
    vocab = vocabulary.load(Path(data_dir))
    duplicate = archive_mod.find_duplicate(text, archive, vocab.archive_names)
    if duplicate:
        raise IngestError(f"{name}: {duplicate}")
    article = Article(text, title.strip(), published, (publisher or "").strip() or None, (url or "").strip() or None, name)
    return article, extract(text, published, vocab)
