"""python -m tracker ingest ARTICLE.txt --title T --published-on YYYY[-MM[-DD]]: propose candidate
records from a new article, review them, and write the accepted ones with their evidence.

Exit status: 0 when done (or when nothing was accepted), 1 when the input or the data is refused
(nothing written), 2 for a usage error.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from tracker.ingest import archive as archive_mod
from tracker.ingest.dates import PublishedOnError, parse_published_on
from tracker.ingest.pipeline import prepare
from tracker.ingest.review import Aborted, describe, review
from tracker.ingest.source_text import IngestError, read_article_bytes
from tracker.ingest.write import WriteError, commit
from tracker.paths import default_archive, default_data_dir


def add_arguments(p) -> None:
    p.add_argument("article", help="the article as a text file (UTF-8, or UTF-16 with a byte-order mark)")
    p.add_argument("--title", required=True, help="the article's title")
    p.add_argument("--published-on", required=True, help="the article's date: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--publisher", help="only if the article states it")
    p.add_argument("--url", help="only if the article states it")
    p.add_argument("--archive", help="folder of source texts (default: $TRACKER_ARCHIVE or ../shared/seeds)")
    p.add_argument("--data", default=str(default_data_dir()), help="folder of curated CSV files (default: data/)")
    p.add_argument("--dry-run", action="store_true", help="propose candidates only; write nothing")
    p.add_argument("--json", action="store_true",
                   help="print the candidates as a JSON list on stdout (the review, if any, talks on stderr)")


def candidates_json(candidates) -> str:
    return json.dumps([c.as_json(i) for i, c in enumerate(candidates, 1)], ensure_ascii=False, indent=2)


def run(args) -> int:
    err = sys.stderr
    try:
        published = parse_published_on(args.published_on)
    except PublishedOnError as e:
        print(f"error: {e}", file=err)
        return 2
    if not args.title.strip():
        print("error: --title is empty", file=err)
        return 2
    data_dir = Path(args.data)
    archive = default_archive(args.archive)
    try:
        raw = read_article_bytes(Path(args.article))
        article, candidates = prepare(raw, str(args.article), title=args.title, published_on=published.text,
                                      publisher=args.publisher, url=args.url, data_dir=data_dir, archive=archive)
        if not args.dry_run:
            archive_mod.check_writable(archive)     # refuse now rather than after a long review
    except IngestError as e:
        print(f"error: {e}", file=err)
        return 1

    talk = err if args.json else sys.stdout
    if args.json:
        print(candidates_json(candidates))
    if args.dry_run:
        if not args.json:
            for i, c in enumerate(candidates, 1):
                print(describe(c, i, len(candidates)) + "\n")
            print(f"{len(candidates)} candidates (dry run: nothing written)")
        return 0
    try:
        accepted = review(candidates, sys.stdin, talk)
    except Aborted as e:
        print(str(e), file=talk)
        return 0
    if not accepted:
        print("no candidate accepted; nothing was written.", file=talk)
        return 0
    try:
        result = commit(article, accepted, data_dir, archive)
    except WriteError as e:
        for problem in e.problems:
            print(problem, file=err)
        print(f"{len(e.problems)} problems with the accepted records; nothing was written (data/ and the archive are unchanged).",
              file=err)
        return 1
    except IngestError as e:
        print(f"error: {e}", file=err)
        return 1
    count = len(result.record_ids)
    print(f"added source {result.source_id} ({result.archive_path}) with {count} record{'s' if count != 1 else ''}: "
          f"{', '.join(result.record_ids)}; changed {', '.join(result.files)}; the whole dataset validates.", file=talk)
    return 0
