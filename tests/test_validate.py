"""Bad input is caught, each kind with its own message, as data/FILE.csv:LINE: column: problem.

Every test corrupts a private copy of data/ (fixture data_copy) and compares the problems with
the exact messages a user would read. Line numbers are looked up in the file rather than written
down, so adding a record to data/ does not break these tests, but a wrong line number does.

The quote check needs the source texts. Most tests use a stand-in archive built from the
dataset's own quotes, so they run on a clone without the articles; the command-line tests use
the real archive (../shared/seeds), and tests/test_views.py checks every quote against it.
"""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.paths import DATA_DIR, REPO_ROOT
from tracker.validate import validate

SUMMARY = "problems found; nothing was written."


# --- helpers -------------------------------------------------------------------------------------

@pytest.fixture
def quotes_archive(tmp_path: Path) -> Path:
    """A stand-in archive: for each source, a text made of the quotes data/evidence.csv takes from
    it. Every quote of the untouched dataset is found in it; an altered quote is not."""
    archive = tmp_path / "archive"
    archive.mkdir()
    with open(DATA_DIR / "sources.csv", encoding="utf-8", newline="") as f:
        names = {row["source_id"]: row["archive_name"] for row in csv.DictReader(f)}
    texts: dict[str, list[str]] = {source_id: [] for source_id in names}
    with open(DATA_DIR / "evidence.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            texts[row["source_id"]].append(row["quote"])
    for source_id, name in names.items():
        (archive / name).write_text("\n\n".join(texts[source_id]), encoding="utf-8")
    return archive


def replace_once(data_dir: Path, file: str, old: str, new: str) -> None:
    """Replace text that occurs exactly once, so a change in data/ cannot silently hit another row."""
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}; pick a unique excerpt"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append_line(data_dir: Path, file: str, line: str) -> int:
    """Append one record; return its line number."""
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def row_starting(data_dir: Path, file: str, prefix: str) -> tuple[int, str]:
    """The line number and text of the one physical line that starts with prefix."""
    lines = (data_dir / file).read_text(encoding="utf-8").splitlines()
    found = [(number, line) for number, line in enumerate(lines, start=1) if line.startswith(prefix)]
    assert len(found) == 1, f"{len(found)} lines of {file} start with {prefix!r}"
    return found[0]


def line_of(data_dir: Path, file: str, prefix: str) -> int:
    return row_starting(data_dir, file, prefix)[0]


def first_line_of(data_dir: Path, file: str, prefix: str) -> int:
    lines = (data_dir / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(prefix))


def evidence_count() -> int:
    with open(DATA_DIR / "evidence.csv", encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def problems(data_dir: Path, archive: Path | None) -> list[str]:
    return [str(p) for p in validate(data_dir, archive).problems]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=300)


# --- the untouched dataset -------------------------------------------------------------------------

def test_the_curated_data_is_valid(data_copy, quotes_archive):
    report = validate(data_copy, quotes_archive)
    assert [str(p) for p in report.problems] == []
    assert report.quotes_checked == evidence_count()
    assert report.notices == []


# --- one test per kind of problem -----------------------------------------------------------------

def test_missing_required_field(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", "T-cn-industry-1trn-2030,china,", "T-cn-industry-1trn-2030,,")
    assert problems(data_copy, quotes_archive) == [f"data/targets.csv:{line}: jurisdiction: required value is missing"]


def test_wrong_type(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", "1000000000000,CNY,2030,", "1000000000000,CNY,20x0,")
    assert problems(data_copy, quotes_archive) == [f"data/targets.csv:{line}: deadline_year: '20x0' is not a year"]


def test_wrong_number(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", ",1000000000000,CNY,", ",1 trillion,CNY,")
    assert problems(data_copy, quotes_archive) == [f"data/targets.csv:{line}: target_value: '1 trillion' is not a number"]


def test_unknown_source(data_copy, quotes_archive):
    line = line_of(data_copy, "evidence.csv", "T-cn-industry-1trn-2030,S002,")
    replace_once(data_copy, "evidence.csv", "T-cn-industry-1trn-2030,S002,", "T-cn-industry-1trn-2030,S009,")
    assert problems(data_copy, quotes_archive) == [
        f"data/evidence.csv:{line}: source_id: unknown source_id 'S009' (not in data/sources.csv)"]


def test_unknown_topic(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", "T-cn-industry-1trn-2030,china,industry_scale,",
                 "T-cn-industry-1trn-2030,china,weather,")
    assert problems(data_copy, quotes_archive) == [
        f"data/targets.csv:{line}: topic: unknown topic 'weather' (not in data/topics.csv)"]


def test_unknown_jurisdiction(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", "T-cn-industry-1trn-2030,china,", "T-cn-industry-1trn-2030,beijing,")
    assert problems(data_copy, quotes_archive) == [
        f"data/targets.csv:{line}: jurisdiction: unknown jurisdiction 'beijing' (not in data/jurisdictions.csv)"]


def test_unknown_currency(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", ",1000000000000,CNY,", ",1000000000000,EUR,")
    assert problems(data_copy, quotes_archive) == [
        f"data/targets.csv:{line}: unit: unknown currency 'EUR' "
        "(known: CNY, USD; add it to data/units.csv and data/fx_rates.csv)"]


def test_duplicate_id_in_one_file(data_copy, quotes_archive):
    first, row = row_starting(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    again = append_line(data_copy, "targets.csv", row)
    assert problems(data_copy, quotes_archive) == [
        f"data/targets.csv:{again}: target_id: duplicate id 'T-cn-industry-1trn-2030' (first at line {first})"]


def test_duplicate_id_across_kinds(data_copy, quotes_archive):
    _, row = row_starting(data_copy, "achievements.csv", "A-sh-industry-rank-2018,")
    line = append_line(data_copy, "achievements.csv", row.replace("A-sh-industry-rank-2018,", "T-cn-industry-1trn-2030,", 1))
    assert problems(data_copy, quotes_archive) == [
        f"data/achievements.csv:{line}: achievement_id: id 'T-cn-industry-1trn-2030' is already used in "
        "data/targets.csv (ids are unique across kinds)"]


def test_quote_not_found_in_its_source(data_copy, quotes_archive):
    line, row = row_starting(data_copy, "evidence.csv", "T-cn-industry-1trn-2030,S002,")
    archive_name = row_starting(data_copy, "sources.csv", "S002,")[1].split(",")[1]
    replace_once(data_copy, "evidence.csv", "build a 1 trillion yuan AI industry", "build a 2 trillion yuan AI industry")
    assert problems(data_copy, quotes_archive) == [
        f"data/evidence.csv:{line}: quote: quote not found in source S002 ({archive_name}): "
        "\"In line with the nation's plans to build a 2 trillion yuan A\""]


def test_quote_from_another_source_is_not_found(data_copy, quotes_archive):
    # The words exist, but in S002: evidence must cite the article the quote comes from.
    line = line_of(data_copy, "evidence.csv", "T-cn-industry-1trn-2030,S002,")
    replace_once(data_copy, "evidence.csv", "T-cn-industry-1trn-2030,S002,", "T-cn-industry-1trn-2030,S003,")
    [message] = problems(data_copy, quotes_archive)
    assert message.startswith(f"data/evidence.csv:{line}: quote: quote not found in source S003 ")


def test_impossible_date(data_copy, quotes_archive):
    line = line_of(data_copy, "conferences.csv", "C-waic-2019,")
    replace_once(data_copy, "conferences.csv", ",2019-08-29,", ",2019-02-30,")
    assert problems(data_copy, quotes_archive) == [f"data/conferences.csv:{line}: start_date: '2019-02-30' is not a real date"]


def test_date_in_another_format(data_copy, quotes_archive):
    line = line_of(data_copy, "conferences.csv", "C-waic-2019,")
    replace_once(data_copy, "conferences.csv", ",2019-08-29,", ",29/08/2019,")
    assert problems(data_copy, quotes_archive) == [
        f"data/conferences.csv:{line}: start_date: '29/08/2019' is not a date (use YYYY-MM-DD)"]


def test_year_out_of_range(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", "1000000000000,CNY,2030,", "1000000000000,CNY,2300,")
    assert problems(data_copy, quotes_archive) == [f"data/targets.csv:{line}: deadline_year: 2300 is out of range (1990-2100)"]


def test_date_out_of_range(data_copy, quotes_archive):
    line = line_of(data_copy, "conferences.csv", "C-waic-2019,")
    replace_once(data_copy, "conferences.csv", ",2019-08-31,", ",2219-08-31,")
    assert problems(data_copy, quotes_archive) == [f"data/conferences.csv:{line}: end_date: 2219-08-31 is out of range (1990-2100)"]


def test_deadline_before_announcement(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-sh-industry-100bn-2020,")
    replace_once(data_copy, "targets.csv", "100000000000,CNY,2020,2018,", "100000000000,CNY,2020,2021,")
    assert problems(data_copy, quotes_archive) == [
        f"data/targets.csv:{line}: deadline_year: deadline 2020 is before the announcement year 2021"]


def test_negative_amount(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-sh-industry-100bn-2020,")
    replace_once(data_copy, "targets.csv", ",more_than,100000000000,CNY,", ",more_than,-100000000000,CNY,")
    assert problems(data_copy, quotes_archive) == [f"data/targets.csv:{line}: target_value: negative amount -1e+11"]


def test_stray_quote_in_an_unquoted_field(data_copy, quotes_archive):
    # Python's csv module and DuckDB both accept this silently; the validator must not.
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", ",National plan to build", ',National "plan" to build')
    assert problems(data_copy, quotes_archive) == [
        f"data/targets.csv:{line}: malformed CSV (stray quote in an unquoted field: "
        "'National \"plan\" to build a 1 trillion yuan AI industry by 20'); "
        "put the field in double quotes and double each quote mark inside it"]


def test_stray_quote_after_a_quoted_field(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", ",National plan to build", ',"National plan" to build')
    # The rest of the file cannot be read, so references into targets.csv are not judged:
    # one problem, not a cascade of "unknown record" for every target cited in evidence.csv.
    assert problems(data_copy, quotes_archive) == [
        f"data/targets.csv:{line}: malformed CSV (',' expected after '\"'); check for a stray or unclosed quote"]


def test_unclosed_quote(data_copy, quotes_archive):
    line = append_line(data_copy, "evidence.csv", 'T-cn-industry-1trn-2030,S002,"In line with the nation')
    assert problems(data_copy, quotes_archive) == [
        f"data/evidence.csv:{line}: malformed CSV (unexpected end of data); check for a stray or unclosed quote"]


def test_wrong_column_count(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", "T-cn-industry-1trn-2030,china,", "T-cn-industry-1trn-2030,china,extra,")
    assert problems(data_copy, quotes_archive) == [f"data/targets.csv:{line}: expected 14 columns, found 15"]


def test_wrong_encoding(data_copy, quotes_archive):
    path = data_copy / "actors.csv"
    line = path.read_bytes().count(b"\n") + 1
    with open(path, "ab") as f:
        f.write("R-jose,shanghai,talent,José,person,,,press_report,\n".encode("latin-1"))
    assert problems(data_copy, quotes_archive) == [
        f"data/actors.csv:{line}: not valid UTF-8 (byte 0xe9); save the file as UTF-8"]


def test_header_mismatch(data_copy, quotes_archive):
    replace_once(data_copy, "targets.csv", "deadline_year,announced_year", "announced_year,deadline_year")
    expected = ("target_id,jurisdiction,topic,statement,metric,comparator,target_value,unit,deadline_year,"
                "announced_year,speaker,claim_type,event_nature,note")
    assert problems(data_copy, quotes_archive) == [
        f"data/targets.csv:1: header does not match the contract (columns out of order); expected: {expected}"]


def test_header_with_a_missing_column(data_copy, quotes_archive):
    replace_once(data_copy, "topics.csv", "topic,label,description,color\n", "topic,label,description\n")
    [message] = problems(data_copy, quotes_archive)
    assert message.startswith("data/topics.csv:1: header does not match the contract (missing color); expected: ")


def test_record_without_evidence(data_copy, quotes_archive):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    path = data_copy / "evidence.csv"
    kept = [row for row in path.read_text(encoding="utf-8").splitlines(keepends=True)
            if not row.startswith("T-cn-industry-1trn-2030,")]
    path.write_text("".join(kept), encoding="utf-8")
    assert problems(data_copy, quotes_archive) == [
        f"data/targets.csv:{line}: target_id: record 'T-cn-industry-1trn-2030' has no evidence "
        "(add a row to data/evidence.csv)"]


def test_evidence_for_an_unknown_record(data_copy, quotes_archive):
    line = line_of(data_copy, "evidence.csv", "T-cn-industry-1trn-2030,S002,")
    replace_once(data_copy, "evidence.csv", "T-cn-industry-1trn-2030,S002,", "T-cn-industry-2trn-2030,S002,")
    assert problems(data_copy, quotes_archive) == [
        f"data/evidence.csv:{line}: record_id: unknown record 'T-cn-industry-2trn-2030' (no record of any kind has this id)",
        f"data/targets.csv:{line_of(data_copy, 'targets.csv', 'T-cn-industry-1trn-2030,')}: target_id: "
        "record 'T-cn-industry-1trn-2030' has no evidence (add a row to data/evidence.csv)",
    ]


def test_two_preferred_conversions(data_copy, quotes_archive):
    first = first_line_of(data_copy, "reported_conversions.csv", "T-sh-industry-100bn-2020,")
    replace_once(data_copy, "reported_conversions.csv", "T-sh-industry-100bn-2020,S002,14500000000,USD,false,",
                 "T-sh-industry-100bn-2020,S002,14500000000,USD,true,")
    assert problems(data_copy, quotes_archive) == [
        f"data/reported_conversions.csv:{first}: preferred: record 'T-sh-industry-100bn-2020' has 2 preferred "
        "conversions; mark exactly one"]


def test_source_text_missing_from_the_archive(data_copy, quotes_archive):
    line, row = row_starting(data_copy, "sources.csv", "S003,")
    archive_name = row.split(",")[1]
    (quotes_archive / archive_name).unlink()
    assert problems(data_copy, quotes_archive) == [
        f"data/sources.csv:{line}: archive_name: '{archive_name}' is not in the archive {quotes_archive}"]


# --- all at once ---------------------------------------------------------------------------------

def corrupt_several_files(data_dir: Path) -> list[str]:
    """Six problems in five files; return the messages expected, in the order they are reported."""
    expected = []
    line = line_of(data_dir, "conferences.csv", "C-waic-2019,")
    replace_once(data_dir, "conferences.csv", ",2019-08-29,", ",2019-02-30,")
    expected.append(f"data/conferences.csv:{line}: start_date: '2019-02-30' is not a real date")
    line = line_of(data_dir, "evidence.csv", "T-cn-industry-1trn-2030,S002,")
    replace_once(data_dir, "evidence.csv", "T-cn-industry-1trn-2030,S002,", "T-cn-industry-1trn-2030,S009,")
    expected.append(f"data/evidence.csv:{line}: source_id: unknown source_id 'S009' (not in data/sources.csv)")
    line = line_of(data_dir, "funds.csv", "F-sh-nssf-innovation-fund-2023,")
    replace_once(data_dir, "funds.csv", ",707000000,USD,", ",707000000,EUR,")
    expected.append(f"data/funds.csv:{line}: size_unit: unknown currency 'EUR' "
                    "(known: CNY, USD; add it to data/units.csv and data/fx_rates.csv)")
    first = first_line_of(data_dir, "reported_conversions.csv", "T-sh-industry-100bn-2020,")
    replace_once(data_dir, "reported_conversions.csv", "14500000000,USD,false,", "14500000000,USD,true,")
    expected.append(f"data/reported_conversions.csv:{first}: preferred: record 'T-sh-industry-100bn-2020' "
                    "has 2 preferred conversions; mark exactly one")
    line = line_of(data_dir, "targets.csv", "T-sh-industry-100bn-2020,")
    replace_once(data_dir, "targets.csv", ",more_than,100000000000,CNY,", ",more_than,-100000000000,CNY,")
    expected.append(f"data/targets.csv:{line}: target_value: negative amount -1e+11")
    line = line_of(data_dir, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_dir, "targets.csv", "1000000000000,CNY,2030,", "1000000000000,CNY,20x0,")
    expected.append(f"data/targets.csv:{line}: deadline_year: '20x0' is not a year")
    return expected


def test_every_problem_in_every_file_is_reported_at_once(data_copy, quotes_archive):
    expected = corrupt_several_files(data_copy)
    assert problems(data_copy, quotes_archive) == expected


# --- the command line, with the real archive --------------------------------------------------------

def test_cli_reports_every_problem_and_exits_1(data_copy, seeds_archive):
    expected = corrupt_several_files(data_copy)
    result = run_cli("validate", "--data", str(data_copy), "--archive", str(seeds_archive))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == expected + [f"{len(expected)} {SUMMARY}"]


@pytest.mark.parametrize("file, old, new, message", [
    ("targets.csv", "1000000000000,CNY,2030,", "1000000000000,CNY,20x0,", "deadline_year: '20x0' is not a year"),
    ("evidence.csv", "build a 1 trillion yuan AI industry", "build a 2 trillion yuan AI industry",
     "quote: quote not found in source S002 (002_326d74904817d67b.txt): "
     "\"In line with the nation's plans to build a 2 trillion yuan A\""),
    ("conferences.csv", ",2019-08-29,", ",2019-02-30,", "start_date: '2019-02-30' is not a real date"),
], ids=["wrong type", "quote not found", "impossible date"])
def test_cli_names_file_line_column_and_problem(data_copy, seeds_archive, file, old, new, message):
    text = (data_copy / file).read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    replace_once(data_copy, file, old, new)
    result = run_cli("validate", "--data", str(data_copy), "--archive", str(seeds_archive))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"data/{file}:{line}: {message}", "1 problem found; nothing was written."]


def test_cli_accepts_the_curated_data(seeds_archive):
    result = run_cli("validate", "--data", str(DATA_DIR), "--archive", str(seeds_archive))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.rstrip().endswith(f"; {evidence_count()} quotes found verbatim in their sources")


# --- without the archive ---------------------------------------------------------------------------

def test_without_the_archive_quotes_are_not_checked_and_it_says_so(data_copy, tmp_path):
    # A wrong quote goes unnoticed without the texts: the notice must say so plainly.
    replace_once(data_copy, "evidence.csv", "build a 1 trillion yuan AI industry", "build a 2 trillion yuan AI industry")
    nowhere = tmp_path / "no-archive-here"
    report = validate(data_copy, nowhere)
    assert report.problems == []
    assert report.quotes_checked == 0
    assert report.notices == [
        f"quotes not checked: the archive of source texts was not found ({nowhere}); "
        "pass --archive DIR or set TRACKER_ARCHIVE (for this project: ../shared/seeds)"]

    result = run_cli("validate", "--data", str(data_copy), "--archive", str(nowhere))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [f"note: {report.notices[0]}"]
    assert "0 quotes found verbatim" in result.stdout


def test_without_the_archive_other_problems_are_still_reported(data_copy, tmp_path):
    line = line_of(data_copy, "targets.csv", "T-cn-industry-1trn-2030,")
    replace_once(data_copy, "targets.csv", "1000000000000,CNY,2030,", "1000000000000,CNY,20x0,")
    report = validate(data_copy, None)
    assert [str(p) for p in report.problems] == [f"data/targets.csv:{line}: deadline_year: '20x0' is not a year"]
    assert report.notices and report.notices[0].startswith("quotes not checked: the archive of source texts was not found (not set)")
