"""python -m tracker ingest end to end, on private copies of data/ and of the archive: the review
(fed through stdin) writes valid records with their evidence and a new source; failed validation,
bad input, duplicates and --dry-run write nothing."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tracker import cli, contract
from tracker.ingest.candidate import Candidate
from tracker.ingest.pipeline import prepare
from tracker.ingest.review import Aborted, review
from tracker.validate import normalise_text, validate

SEED_002 = "002_326d74904817d67b.txt"


@pytest.fixture
def archive_copy(tmp_path, seeds_archive) -> Path:
    """A writable copy of the archive (never /work/shared, which other tools read)."""
    return Path(shutil.copytree(seeds_archive, tmp_path / "archive"))


@pytest.fixture
def new_article(tmp_path, seeds_archive) -> Path:
    """Seed 002 without its headline: real text, and not the same source as any archived one."""
    text = (seeds_archive / SEED_002).read_text(encoding="utf-8")
    path = tmp_path / "incoming" / "article.txt"
    path.parent.mkdir()
    path.write_text(text.split("\n", 1)[1], encoding="utf-8")
    return path


@pytest.fixture
def fresh_dataset(data_copy) -> Path:
    """data/ with its vocabularies but no sources or records: every seed is new to it."""
    for table in contract.tables():
        if table.is_record or table.name in ("sources", "evidence", "reported_conversions"):
            (data_copy / table.file_name).write_text(",".join(table.column_names) + "\n", encoding="utf-8")
    return data_copy


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def ingest(monkeypatch, capsys, article: Path, data: Path, archive: Path, answers: str = "", *extra: str,
           published_on: str = "2019-08-01") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    code = cli.main(["ingest", str(article), "--title", "Shanghai gears up to be AI hub", "--published-on", published_on,
                     "--data", str(data), "--archive", str(archive), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def proposals(article: Path, data: Path, archive: Path) -> list[Candidate]:
    return prepare(article.read_bytes(), article.name, title="t", published_on="2019-08-01", publisher=None, url=None,
                   data_dir=data, archive=archive)[1]


# --- review ---------------------------------------------------------------------------------------

def _candidate(**fields) -> Candidate:
    base = {"jurisdiction": "shanghai", "topic": "companies", "statement": "s", "value": 5, "unit": "companies",
            "as_of_year": 2019, "claim_type": "press_report"}
    return Candidate("achievement", "a quote", base | fields)


def test_review_accepts_edits_and_skips_as_told_on_stdin():
    first, second, third = _candidate(), _candidate(value=7), _candidate(value=9)
    out = io.StringIO()
    accepted = review([first, second, third], io.StringIO("a\ne\nvalue=8\nas_of_year=2018\n\na\ns\n"), out)
    assert [c.value for c in accepted] == [5, "8"]
    assert accepted[1].fields["as_of_year"] == "2018"
    assert "[3/3] achievement" in out.getvalue()


def test_review_can_change_a_candidates_kind():
    (c,) = review([_candidate()], io.StringIO("e\nkind=target\nmetric=ai_companies\n\na\n"), io.StringIO())
    assert c.kind == "target" and c.fields["target_value"] == 5 and c.fields["deadline_year"] == 2019
    assert "value" not in c.fields


def test_review_will_not_accept_a_candidate_with_required_columns_empty():
    out = io.StringIO()
    accepted = review([_candidate(topic=None)], io.StringIO("a\ne\ntopic=companies\n\na\n"), out)
    assert "cannot accept yet: topic still empty" in out.getvalue()
    assert accepted[0].fields["topic"] == "companies"


def test_review_rejects_unknown_columns_and_unknown_answers():
    out = io.StringIO()
    review([_candidate()], io.StringIO("maybe\ne\ncolour=red\n\ns\n"), out)
    assert "not understood: 'maybe'" in out.getvalue()
    assert "achievement has no column 'colour'" in out.getvalue()


def test_end_of_input_skips_the_rest_and_abort_raises():
    assert len(review([_candidate(), _candidate()], io.StringIO("a\n"), io.StringIO())) == 1
    with pytest.raises(Aborted):
        review([_candidate(), _candidate()], io.StringIO("a\nx\n"), io.StringIO())


# --- writing --------------------------------------------------------------------------------------

def test_a_seed_ingested_as_if_new_writes_valid_records_with_evidence(monkeypatch, capsys, fresh_dataset, tmp_path,
                                                                      seeds_archive):
    archive = tmp_path / "empty_archive"
    archive.mkdir()
    article = seeds_archive / SEED_002
    answers = []
    for c in proposals(article, fresh_dataset, archive):
        missing = c.missing_required()
        if missing == ["metric"]:
            answers.append("e\nmetric=ai_industry_scale\n\na")     # a quantitative target needs its metric named
        else:
            answers.append("s" if missing else "a")
    code, out, err = ingest(monkeypatch, capsys, article, fresh_dataset, archive, "\n".join(answers) + "\n")
    assert code == 0, err
    assert "the whole dataset validates" in out

    report = validate(fresh_dataset, archive)
    assert report.ok, report.problems
    (source,) = rows(fresh_dataset / "sources.csv")
    assert (source["source_id"], source["title"], source["published_on"], source["date_precision"]) == \
           ("S000", "Shanghai gears up to be AI hub", "2019-08-01", "day")
    assert (archive / source["archive_name"]).read_text(encoding="utf-8") == article.read_text(encoding="utf-8")
    evidence = rows(fresh_dataset / "evidence.csv")
    assert evidence and {e["source_id"] for e in evidence} == {"S000"}
    assert report.quotes_checked == len(evidence)
    targets = {(float(r["target_value"]), r["unit"], r["deadline_year"]) for r in rows(fresh_dataset / "targets.csv")}
    assert targets == {(1e12, "CNY", "2030"), (1e11, "CNY", "2020")}
    achievements = {(float(r["value"]), r["unit"], r["as_of_year"]) for r in rows(fresh_dataset / "achievements.csv")}
    assert {(7e10, "CNY", "2018"), (0.3333, "share", "2019"), (1000.0, "companies", "2019"),
            (3000.0, "enterprises", "2019"), (20.0, "projects", "2018"), (1.0, "rank", "2018")} <= achievements
    conversions = {(float(r["value"]), r["unit"]) for r in rows(fresh_dataset / "reported_conversions.csv")}
    assert conversions == {(1.016e10, "USD"), (1.45e10, "USD")}
    conferences = {(r["start_date"], r["end_date"], r["observed_on"]) for r in rows(fresh_dataset / "conferences.csv")}
    assert conferences == {("2019-08-29", "2019-08-31", ""), ("", "", "2018-09-19")}


def test_a_new_source_takes_the_next_id_and_only_appends(monkeypatch, capsys, data_copy, archive_copy, new_article):
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    acceptable = [not c.missing_required() for c in proposals(new_article, data_copy, archive_copy)]
    answers = ["a" if ok else "s" for ok in acceptable][:6] + ["q"]
    code, out, err = ingest(monkeypatch, capsys, new_article, data_copy, archive_copy, "\n".join(answers) + "\n")
    assert code == 0, err

    source = rows(data_copy / "sources.csv")[-1]
    assert source["source_id"] == "S005" and source["archive_name"].startswith("005_")
    assert (archive_copy / source["archive_name"]).exists()
    new_evidence = [e for e in rows(data_copy / "evidence.csv") if e["source_id"] == "S005"]
    assert len(new_evidence) == sum(acceptable[:6])
    text = normalise_text(new_article.read_text(encoding="utf-8"))
    assert all(normalise_text(e["quote"]) in text for e in new_evidence)
    for path in data_copy.glob("*.csv"):
        assert path.read_bytes().startswith(before[path.name]), f"{path.name}: existing rows must stay as they were"
    assert validate(data_copy, archive_copy).ok


def test_failed_validation_writes_nothing(monkeypatch, capsys, data_copy, archive_copy, new_article):
    before = snapshot(data_copy, archive_copy)
    first_ok = next(i for i, c in enumerate(proposals(new_article, data_copy, archive_copy)) if not c.missing_required())
    answers = "s\n" * first_ok + "e\ntopic=no_such_topic\n\na\nq\n"
    code, out, err = ingest(monkeypatch, capsys, new_article, data_copy, archive_copy, answers)
    assert code == 1
    assert "topic: unknown topic 'no_such_topic' (not in data/topics.csv)" in err
    assert err.splitlines()[0].startswith("data/") and ".csv:" in err.splitlines()[0]
    assert "nothing was written" in err
    assert snapshot(data_copy, archive_copy) == before


def test_nothing_accepted_writes_nothing(monkeypatch, capsys, data_copy, archive_copy, new_article):
    before = snapshot(data_copy, archive_copy)
    code, out, err = ingest(monkeypatch, capsys, new_article, data_copy, archive_copy, "s\ns\nq\n")
    assert code == 0 and "nothing was written" in out
    assert snapshot(data_copy, archive_copy) == before


def test_dry_run_prints_json_candidates_and_writes_nothing(monkeypatch, capsys, data_copy, archive_copy, new_article):
    before = snapshot(data_copy, archive_copy)
    code, out, err = ingest(monkeypatch, capsys, new_article, data_copy, archive_copy, "", "--dry-run", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert len(found) >= 10
    for c in found:
        assert {"kind", "fields", "value", "unit", "year", "date", "quote"} <= c.keys()
    assert any(c["kind"] == "target" and c["value"] == 100_000_000_000 and c["unit"] == "CNY" and c["year"] == 2020
               and c["conversion"]["value"] == 14_500_000_000 for c in found)
    assert snapshot(data_copy, archive_copy) == before


# --- bad input --------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"  \n\n\t \n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "contains NUL bytes (line 3, column 1): this is a binary file"),
    ("Café culture: Shanghai has 300 companies.".encode("latin-1"), "not UTF-8 (byte 0xe9 at line 1, column 4)"),
    (b"a " * 600_000, "1,200,000 bytes is more than the 1,048,576 bytes (1 MB)"),
])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_written(monkeypatch, capsys, data_copy, archive_copy,
                                                                       tmp_path, content, message):
    article = tmp_path / "bad.txt"
    article.write_bytes(content)
    before = snapshot(data_copy, archive_copy)
    code, out, err = ingest(monkeypatch, capsys, article, data_copy, archive_copy, "a\n" * 50)
    assert code == 1
    assert message in err and "bad.txt" in err
    assert snapshot(data_copy, archive_copy) == before


def test_a_known_source_is_refused_even_with_different_spacing_and_quote_marks(monkeypatch, capsys, data_copy,
                                                                                archive_copy, tmp_path):
    text = (archive_copy / SEED_002).read_text(encoding="utf-8")
    article = tmp_path / "again.txt"
    article.write_text("  " + text.replace("'", "\u2019").replace(" ", "  ").replace("\n", "\r\n"), encoding="utf-8")
    before = snapshot(data_copy, archive_copy)
    code, out, err = ingest(monkeypatch, capsys, article, data_copy, archive_copy, "a\n" * 50)
    assert code == 1
    assert f"repeats source S002 ({SEED_002})" in err
    assert snapshot(data_copy, archive_copy) == before


def test_utf16_with_a_bom_is_read_and_archived_as_utf8(monkeypatch, capsys, data_copy, archive_copy, new_article, tmp_path):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(new_article.read_text(encoding="utf-8").encode("utf-16"))
    code, out, _ = ingest(monkeypatch, capsys, new_article, data_copy, archive_copy, "", "--dry-run", "--json")
    code16, out16, err16 = ingest(monkeypatch, capsys, utf16, data_copy, archive_copy, "", "--dry-run", "--json")
    assert code == code16 == 0, err16
    assert json.loads(out16) == json.loads(out)

    first_ok = next(i for i, c in enumerate(proposals(new_article, data_copy, archive_copy)) if not c.missing_required())
    code, out, err = ingest(monkeypatch, capsys, utf16, data_copy, archive_copy, "s\n" * first_ok + "a\nq\n")
    assert code == 0, err
    archived = archive_copy / rows(data_copy / "sources.csv")[-1]["archive_name"]
    assert archived.read_text(encoding="utf-8") == new_article.read_text(encoding="utf-8")
    assert validate(data_copy, archive_copy).ok


def test_a_bad_published_on_is_a_usage_error(monkeypatch, capsys, data_copy, archive_copy, new_article):
    code, out, err = ingest(monkeypatch, capsys, new_article, data_copy, archive_copy, "", "--dry-run",
                            published_on="01/08/2019")
    assert code == 2 and "--published-on: '01/08/2019' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD" in err


def test_a_missing_archive_is_refused_before_the_review(monkeypatch, capsys, data_copy, tmp_path, new_article):
    code, out, err = ingest(monkeypatch, capsys, new_article, data_copy, tmp_path / "no_such_folder", "a\n" * 50)
    assert code == 1 and "does not exist" in err
    assert not (tmp_path / "no_such_folder").exists()
