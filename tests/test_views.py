"""The public views: their columns (issue 2's contract), evidence for every record, quotes verbatim
in their articles, and the figures the views compute (target progress, derived money values,
disagreeing conversions) checked against expectations worked out here from the CSV records.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb
import pytest

from tracker import db, present, queries
from tracker.paths import DATA_DIR

# Issue 2, "the public contract": names and these columns are fixed; more columns are welcome.
CONTRACT = {
    "sources": ["source_id", "title", "publisher", "published_on", "date_precision", "url", "archive_name"],
    "targets": ["target_id", "jurisdiction", "topic", "statement", "metric", "comparator", "target_value", "unit",
                "deadline_year", "announced_year"],
    "achievements": ["achievement_id", "jurisdiction", "topic", "statement", "metric", "comparator", "value", "unit",
                     "as_of_year", "as_of_date"],
    "clusters": ["cluster_id", "name", "district", "kind", "focus", "latitude", "longitude", "established_year"],
    "funds": ["fund_id", "name", "size_value", "size_unit", "backers", "focus", "launched_year"],
    "conferences": ["conference_id", "name", "edition", "location", "start_date", "end_date", "year"],
    "partnerships": ["partnership_id", "organization", "counterpart", "kind", "statement", "year", "event_date"],
    "evidence": ["record_id", "source_id", "quote"],
    "target_progress": ["target_id", "latest_value", "latest_year", "progress_ratio", "status"],
}

# Record files and their id column: every row of these needs evidence.
RECORD_FILES = {"targets": "target_id", "achievements": "achievement_id", "clusters": "cluster_id",
                "funds": "fund_id", "conferences": "conference_id", "partnerships": "partnership_id",
                "governance": "governance_id", "actors": "actor_id"}


def read_csv(name: str, data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    with open(data_dir / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def query(path: Path, sql: str, params: dict | None = None) -> list[dict]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        cursor = con.execute(sql, params or {})
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]
    finally:
        con.close()


def number(text: str) -> float | None:
    return float(text) if text else None


# --- the contract -----------------------------------------------------------------------------------

@pytest.mark.parametrize("view", sorted(CONTRACT))
def test_contract_view_answers_with_its_columns(built_db, view):
    con = duckdb.connect(str(built_db), read_only=True)
    try:
        columns = [r[0] for r in con.execute(f"describe {view}").fetchall()]
        rows = con.execute(f"select count(*) from {view}").fetchone()[0]
    finally:
        con.close()
    assert [c for c in CONTRACT[view] if c not in columns] == []
    assert rows > 0


def test_views_hold_every_row_of_the_csv_files(built_db):
    for name, id_column in RECORD_FILES.items():
        ids = {row[id_column] for row in read_csv(name)}
        in_view = {r["id"] for r in query(built_db, f"select {id_column} as id from {name}")}
        assert in_view == ids, name
    assert len(query(built_db, "select * from evidence")) == len(read_csv("evidence"))
    assert {r["source_id"] for r in query(built_db, "select source_id from sources")} == \
        {row["source_id"] for row in read_csv("sources")}


# --- evidence ---------------------------------------------------------------------------------------

def test_every_record_has_evidence(built_db):
    supported = {row["record_id"] for row in read_csv("evidence")}
    unsupported = [(name, row[id_column]) for name, id_column in RECORD_FILES.items()
                   for row in read_csv(name) if row[id_column] not in supported]
    assert unsupported == []
    # and the database agrees: every record counts at least one quote, every quote has a record
    assert query(built_db, "select record_id from records where coalesce(evidence_count, 0) < 1") == []
    assert query(built_db, "select record_id from evidence where kind is null") == []


def test_no_note_shown_to_readers_names_a_table_or_column():
    # a target's note ended "both are kept in reported_conversions", in hovers, tables and the CSV
    names = {n.lower() for n in re.findall(r"(?:table|view)\s+(?:if not exists\s+)?(\w+)", "\n".join(
        p.read_text() for p in (queries.QUERIES_DIR / "views").glob("*.sql")), flags=re.I)}
    names |= {column for name in RECORD_FILES for column in read_csv(name)[0]}
    named = [(name, row[id_column], word) for name, id_column in RECORD_FILES.items() for row in read_csv(name)
             for word in re.findall(r"\b[a-z]+_[a-z_]+\b", row.get("note") or "") if word in names]
    assert "reported_conversions" in names and named == []


def _normalised(text: str) -> str:
    # What "verbatim" may differ in (issue 2): white space and typographic quote marks. Written
    # out here, independently of the validator, so a broken validator cannot vouch for itself.
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " ")):
        text = text.replace(curly, straight)
    return re.sub(r"\s+", " ", text).strip()


def test_every_quote_is_verbatim_in_its_archived_source(seeds_archive):
    sources = {row["source_id"]: row["archive_name"] for row in read_csv("sources")}
    texts = {sid: _normalised((seeds_archive / name).read_text(encoding="utf-8")) for sid, name in sources.items()}
    evidence = read_csv("evidence")
    assert evidence
    missing = [(row["record_id"], row["source_id"], row["quote"]) for row in evidence
               if not row["quote"].strip() or _normalised(row["quote"]) not in texts[row["source_id"]]]
    assert missing == []


# --- target_progress --------------------------------------------------------------------------------

def fx_rate(year: int) -> float:
    """The rule of queries/views/11_int_fx.sql: that year's rate, else the nearest year's, ties to the earlier."""
    rates = {int(r["year"]): float(r["cny_per_usd"]) for r in read_csv("fx_rates")}
    return rates[min(rates, key=lambda y: (abs(y - year), y))]


def expected_progress(data_dir: Path = DATA_DIR, as_of: int = 9999) -> dict[str, dict]:
    """target_progress worked out in Python from the CSV records, following the rule stated in
    queries/views/50_target_progress.sql and data/README.md, counting only figures dated `as_of`
    or earlier (the goals pages measure progress as of the end of the chosen years)."""
    achievements = read_csv("achievements", data_dir)
    expected = {}
    for t in read_csv("targets", data_dir):
        if not t["target_value"]:
            continue
        target_value = float(t["target_value"])
        comparable = []
        for a in achievements:
            if a["jurisdiction"] != t["jurisdiction"] or a["metric"] != t["metric"] or not a["value"]:
                continue
            if int(a["as_of_year"]) > as_of or a["subject"]:     # a company's figure is not the jurisdiction's
                continue
            value, year = float(a["value"]), int(a["as_of_year"])
            if a["unit"] == t["unit"]:
                converted = value
            elif (a["unit"], t["unit"]) == ("USD", "CNY"):
                converted = value * fx_rate(year)
            elif (a["unit"], t["unit"]) == ("CNY", "USD"):
                converted = value / fx_rate(year)
            else:
                continue
            # latest year, then latest date (no date counts as earliest), then id
            comparable.append(((-year, a["as_of_date"] == "", _negated_date(a["as_of_date"]), a["achievement_id"]),
                               converted, year, a))
        if not comparable:
            expected[t["target_id"]] = {"latest_value": None, "latest_year": None, "progress_ratio": None,
                                        "status": "no_comparable_data", "comparable_count": 0}
            continue
        _, latest, year, a = min(comparable, key=lambda c: c[0])
        reaches = latest > target_value if t["comparator"] == "more_than" else latest >= target_value
        deadline = int(t["deadline_year"]) if t["deadline_year"] else None
        if reaches:
            status = "met_after_deadline" if deadline is not None and year > deadline else "met"
        else:
            late = deadline is not None and year >= deadline
            if a["comparator"] in ("more_than", "at_least"):    # a lower bound below the target shows neither way
                status = "not_shown_reached_by_deadline" if late else "not_shown_reached"
            else:
                status = "missed" if late else "behind"
        expected[t["target_id"]] = {
            "latest_value": latest, "latest_year": year, "progress_ratio": latest / target_value,
            "status": status, "comparable_count": len(comparable),
            "latest_achievement_id": a["achievement_id"], "is_derived": a["unit"] != t["unit"],
        }
    return expected


def _negated_date(text: str) -> tuple:
    # sort key that puts later dates first
    return tuple(-int(part) for part in text.split("-")) if text else ()


def actual_progress(path: Path) -> dict[str, dict]:
    return {r["target_id"]: r for r in query(path, "select * from target_progress")}


def assert_progress_matches(actual: dict[str, dict], expected: dict[str, dict]) -> None:
    assert actual.keys() == expected.keys()
    for target_id, want in expected.items():
        got = actual[target_id]
        for column, value in want.items():
            if isinstance(value, float):
                assert got[column] == pytest.approx(value, rel=1e-9), (target_id, column)
            else:
                assert got[column] == value, (target_id, column)


def test_target_progress_follows_the_rule_on_the_real_data(built_db):
    assert_progress_matches(actual_progress(built_db), expected_progress())


def test_target_progress_of_the_2020_target_is_derived_from_the_2021_dollar_figure(built_db):
    # Worked by hand from the records: the latest comparable figure for Shanghai's "more than
    # 100 bn yuan by 2020" is "more than $42.73 bn" in 2021, converted at the 2021 average 6.45.
    targets = {r["target_id"]: r for r in read_csv("targets")}
    achievements = {r["achievement_id"]: r for r in read_csv("achievements")}
    assert float(targets["T-sh-industry-100bn-2020"]["target_value"]) == 100e9
    assert (float(achievements["A-sh-industry-output-2021"]["value"]), achievements["A-sh-industry-output-2021"]["unit"]) == (42.73e9, "USD")
    assert fx_rate(2021) == 6.45

    row = actual_progress(built_db)["T-sh-industry-100bn-2020"]
    assert row["latest_achievement_id"] == "A-sh-industry-output-2021"
    assert row["latest_value"] == pytest.approx(42.73e9 * 6.45)
    assert row["progress_ratio"] == pytest.approx(42.73e9 * 6.45 / 100e9)
    assert row["latest_year"] == 2021
    assert row["status"] == "met_after_deadline"          # reached, but the figure is from after 2020
    assert row["figure_timing"] == "after deadline"
    assert row["is_derived"] is True
    assert row["basis"] == "derived: 42.73 bn USD × 6.45 CNY per USD (2021 annual average)"

    national = actual_progress(built_db)["T-cn-industry-1trn-2030"]
    assert national["latest_achievement_id"] == "A-cn-industry-scale-2023"
    assert national["progress_ratio"] == pytest.approx(500e9 / 1000e9)
    # "more than 500 billion yuan": a lower bound, below the target, does not show it unreached
    assert (national["status"], national["is_derived"]) == ("not_shown_reached", False)


def goals_progress(path: Path, as_of: int) -> dict[str, dict]:
    """The goals pages' progress (queries/goals__targets.sql) with every year up to `as_of` chosen."""
    con = db.connect_read_only(path)
    try:
        frame = queries.run(con, "goals__targets", year_from=1900, year_to=as_of, topics=None, jurisdictions=None,
                            currency="reported", with_progress_only=False, limit=None)
    finally:
        con.close()
    return {r["target_id"]: {**r, "latest_value": r["latest_value_in_target_unit"]}
            for r in frame.astype(object).where(frame.notna(), None).to_dict("records") if r["is_quantitative"]}


def assert_goals_progress_follows_the_rule(path: Path, data_dir: Path = DATA_DIR) -> None:
    for as_of in range(2015, 2032):
        actual = goals_progress(path, as_of)
        # the goals open by then (the page's year rule, read from the public view, not from the query)
        open_by = {t for (t,) in duckdb.connect(str(path), read_only=True).execute(
            "select target_id from targets where target_value is not null and active_from_year <= ?", [as_of]).fetchall()}
        expected = {k: {c: v for c, v in want.items() if c not in ("comparable_count", "is_derived")}
                    for k, want in expected_progress(data_dir, as_of).items() if k in open_by}
        assert_progress_matches(actual, expected)


def test_goals_pages_measure_progress_with_the_latest_figure_up_to_the_chosen_years(built_db):
    assert_goals_progress_follows_the_rule(built_db)
    # the years chosen end before the 2021 figure: the 2018 one (70 bn yuan, S002) is the latest
    before = goals_progress(built_db, 2020)["T-sh-industry-100bn-2020"]
    assert (before["latest_achievement_id"], before["latest_source_ids"], before["status"]) == \
        ("A-sh-industry-scale-2018", "S002", "behind")
    assert before["progress_ratio"] == pytest.approx(0.7)
    # every year: the same as the public view, which uses the whole dataset
    latest = goals_progress(built_db, 2031)
    for target_id, row in actual_progress(built_db).items():
        assert (latest[target_id]["status"], latest[target_id]["progress_basis"]) == (row["status"], row["basis"])


def add_achievement(data_dir: Path, achievement_id: str, jurisdiction: str, value: float, unit: str, year: int,
                    comparator: str = "", subject: str = "") -> None:
    """Append an achievement on the industry-scale metric, with an evidence row (quotes are not
    checked: these builds run without the archive)."""
    with open(data_dir / "achievements.csv", "a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(
            [achievement_id, jurisdiction, "industry_scale", subject, "Test figure.", "ai_industry_scale", comparator,
             repr(value), unit, year, "", "", "press_report", "", ""])
    with open(data_dir / "evidence.csv", "a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow([achievement_id, "S004", "test quote"])


@pytest.mark.parametrize("jurisdiction, value, unit, year, status", [
    ("china", 1000e9, "CNY", 2030, "met"),                  # equal counts as reached without "more than"
    ("china", 1000e9, "CNY", 2031, "met_after_deadline"),
    ("china", 999e9, "CNY", 2030, "missed"),                # below in the deadline year
    ("china", 999e9, "CNY", 2029, "behind"),
    ("china", 150e9, "USD", 2024, "met"),                   # 150 bn USD x 7.08 (2023, nearest) > 1 trn CNY
    ("shanghai", 100e9, "CNY", 2022, "missed"),             # "more than 100 bn": 100 bn is not enough
    ("shanghai", 100e9 + 1, "CNY", 2022, "met_after_deadline"),
    ("shanghai", 0.5, "share", 2030, "met_after_deadline"),  # not comparable: the 2021 figure stays latest
])
def test_target_progress_status_rule(tmp_path, data_copy, jurisdiction, value, unit, year, status):
    add_achievement(data_copy, "A-test-figure", jurisdiction, value, unit, year)
    path = tmp_path / "t.duckdb"
    db.build(path, data_copy, None)
    actual = actual_progress(path)
    expected = expected_progress(data_copy)
    assert_progress_matches(actual, expected)
    target = "T-cn-industry-1trn-2030" if jurisdiction == "china" else "T-sh-industry-100bn-2020"
    assert actual[target]["status"] == status
    assert_goals_progress_follows_the_rule(path, data_copy)


@pytest.mark.parametrize("year, status", [(2029, "not_shown_reached"), (2030, "not_shown_reached_by_deadline")])
def test_a_lower_bound_below_the_target_is_not_shown_reached_in_the_view_that_is_downloaded(tmp_path, data_copy, year,
                                                                                           status):
    # "more than 800 bn yuan" against 1 trillion: it may be 1.2 trillion, so neither behind nor missed
    add_achievement(data_copy, "A-test-figure", "china", 800e9, "CNY", year, comparator="more_than")
    path = tmp_path / "t.duckdb"
    db.build(path, data_copy, None)
    actual = actual_progress(path)
    assert_progress_matches(actual, expected_progress(data_copy))
    assert actual["T-cn-industry-1trn-2030"]["status"] == status
    assert_goals_progress_follows_the_rule(path, data_copy)


def test_a_company_figure_does_not_measure_the_jurisdiction_target(tmp_path, data_copy):
    # 200 bn yuan in 2019 would meet Shanghai's 2020 target in time, were it Shanghai's and not a company's
    add_achievement(data_copy, "A-test-company", "shanghai", 200e9, "CNY", 2019, subject="A company")
    path = tmp_path / "t.duckdb"
    db.build(path, data_copy, None)
    assert actual_progress(path)["T-sh-industry-100bn-2020"]["latest_achievement_id"] == "A-sh-industry-output-2021"
    assert goals_progress(path, 2020)["T-sh-industry-100bn-2020"]["latest_achievement_id"] == "A-sh-industry-scale-2018"
    assert_goals_progress_follows_the_rule(path, data_copy)


def test_a_target_without_comparable_figures_says_so(tmp_path, data_copy):
    path = data_copy / "targets.csv"
    text = path.read_text(encoding="utf-8")
    old = "T-cn-industry-1trn-2030,china,industry_scale,National plan to build a 1 trillion yuan AI industry by 2030.,ai_industry_scale,"
    assert text.count(old) == 1
    path.write_text(text.replace(old, old.replace(",ai_industry_scale,", ",ai_companies,")), encoding="utf-8")
    target = tmp_path / "t.duckdb"
    db.build(target, data_copy, None)
    row = actual_progress(target)["T-cn-industry-1trn-2030"]
    assert (row["status"], row["latest_value"], row["progress_ratio"], row["comparable_count"]) == \
        ("no_comparable_data", None, None, 0)


# --- money_values and reported conversions ----------------------------------------------------------

def test_money_values_label_converted_figures_as_derived(built_db):
    rows = query(built_db, "select * from money_values")
    amounts = {}
    for t in read_csv("targets"):
        if t["target_value"] and t["unit"] in ("CNY", "USD"):
            amounts[t["target_id"]] = (float(t["target_value"]), t["unit"])
    for a in read_csv("achievements"):
        if a["value"] and a["unit"] in ("CNY", "USD"):
            amounts[a["achievement_id"]] = (float(a["value"]), a["unit"])
    for f in read_csv("funds"):
        if f["size_value"] and f["size_unit"] in ("CNY", "USD"):
            amounts[f["fund_id"]] = (float(f["size_value"]), f["size_unit"])
    assert {r["record_id"] for r in rows} == amounts.keys()

    # the conversion a source itself gives (its preferred one) is used as reported, not derived
    source_conversion = {c["record_id"]: (float(c["value"]), c["unit"], c["source_id"])
                         for c in read_csv("reported_conversions") if c["preferred"] == "true"}
    for r in rows:
        value, unit = amounts[r["record_id"]]
        rate = fx_rate(r["rate_year"])
        assert (r["value"], r["unit"], r["cny_per_usd"]) == (value, unit, rate)
        other = "USD" if unit == "CNY" else "CNY"
        own = "cny" if unit == "CNY" else "usd"
        oth = other.lower()
        assert (r[f"value_{own}"], r[f"{own}_is_derived"], r[f"{own}_basis"]) == (value, False, "as reported")
        if r["record_id"] in source_conversion and source_conversion[r["record_id"]][1] == other:
            reported, _, source = source_conversion[r["record_id"]]
            assert (r[f"value_{oth}"], r[f"{oth}_is_derived"]) == (reported, False)
            assert r[f"{oth}_basis"] == f"converted by the source {source}"
        else:
            assert r[f"value_{oth}"] == pytest.approx(value / rate if unit == "CNY" else value * rate)
            assert r[f"{oth}_is_derived"] is True
            assert r[f"{oth}_basis"] == r["conversion_basis"]
        assert r["conversion_basis"].startswith(f"derived at {rate:.2f} CNY per USD, the {r['fx_year']} annual average")


def test_money_values_use_the_year_the_amount_refers_to(built_db):
    rows = {r["record_id"]: r for r in query(built_db, "select * from money_values")}
    # a target: the year it was announced (2018 for the 100 bn yuan plan) -> 6.62
    plan = rows["T-sh-industry-100bn-2020"]
    assert (plan["rate_year"], plan["fx_year"], plan["cny_per_usd"]) == (2018, 2018, 6.62)
    assert plan["conversion_basis"] == "derived at 6.62 CNY per USD, the 2018 annual average"
    # ...but its dollar figure is the one its preferred source gives (S003, US$15.36 bn), not derived
    assert (plan["value_usd"], plan["usd_is_derived"], plan["usd_basis"]) == (15.36e9, False, "converted by the source S003")
    # a target with no announcement year: the year it was first reported (S002, 2019)
    national = rows["T-cn-industry-1trn-2030"]
    assert (national["rate_year"], national["cny_per_usd"]) == (2019, 6.91)
    # an achievement: its as_of_year; a fund: its launch year
    assert (rows["A-sh-industry-output-2021"]["rate_year"], rows["A-sh-industry-output-2021"]["cny_per_usd"]) == (2021, 6.45)
    assert rows["F-sh-nssf-innovation-fund-2023"]["value_cny"] == pytest.approx(707e6 * 7.08)


def test_money_values_fall_back_to_the_nearest_year_with_a_rate(tmp_path, data_copy):
    add_achievement(data_copy, "A-test-2015", "shanghai", 1e9, "CNY", 2015)   # rates exist for 2014 and 2017
    add_achievement(data_copy, "A-test-2030", "china", 1e9, "USD", 2030)      # the last rate is 2023
    path = tmp_path / "t.duckdb"
    db.build(path, data_copy, None)
    rows = {r["record_id"]: r for r in query(path, "select * from money_values where record_id like 'A-test-%'")}
    assert (rows["A-test-2015"]["fx_year"], rows["A-test-2015"]["cny_per_usd"]) == (2014, 6.16)
    assert rows["A-test-2015"]["conversion_basis"] == \
        "derived at 6.16 CNY per USD, the 2014 annual average (nearest year with a rate to 2015)"
    assert (rows["A-test-2030"]["fx_year"], rows["A-test-2030"]["value_cny"]) == (2023, pytest.approx(1e9 * 7.08))


def test_disagreeing_conversions_of_the_100bn_yuan_target_are_both_kept(built_db):
    rows = query(built_db, "select * from reported_conversions where record_id = 'T-sh-industry-100bn-2020' order by value")
    assert [(r["source_id"], r["value"], r["unit"]) for r in rows] == [("S002", 14.5e9, "USD"), ("S003", 15.36e9, "USD")]
    assert [r["preferred"] for r in rows].count(True) == 1
    assert all(r["reason"] for r in rows)
    preferred = next(r for r in rows if r["preferred"])
    [target] = query(built_db, "select * from targets where target_id = 'T-sh-industry-100bn-2020'")
    assert (target["reported_conversion_value"], target["reported_conversion_source"], target["reported_conversion_count"]) == \
        (preferred["value"], preferred["source_id"], 2)
    # the amount itself stays as reported, in yuan
    assert (target["target_value"], target["unit"]) == (100e9, "CNY")


def test_every_converted_amount_has_exactly_one_preferred_conversion(built_db):
    rows = query(built_db, "select record_id, count(*) filter (where preferred) as preferred "
                           "from reported_conversions group by record_id")
    assert rows and all(r["preferred"] == 1 for r in rows)


# --- records and the year filter -----------------------------------------------------------------------

def test_records_span_years_by_the_documented_rule(built_db):
    targets = {r["target_id"]: r for r in read_csv("targets")}
    rows = {r["record_id"]: r for r in query(built_db, "select * from records")}
    assert rows.keys() == {row[id_column] for name, id_column in RECORD_FILES.items() for row in read_csv(name)}
    announced = rows["T-sh-industry-100bn-2020"]
    assert (announced["year"], announced["end_year"], announced["year_basis"]) == (2018, 2020, "announced")
    # no announcement year: the year first reported (S002, 2019); no deadline: open-ended
    assert targets["T-cn-industry-1trn-2030"]["announced_year"] == ""
    assert (rows["T-cn-industry-1trn-2030"]["year"], rows["T-cn-industry-1trn-2030"]["year_basis"]) == (2019, "first reported")
    assert targets["T-sh-global-ai-hub"]["deadline_year"] == ""
    assert rows["T-sh-global-ai-hub"]["end_year"] is None


@pytest.mark.parametrize("year, end_year, year_from, year_to, shown", [
    (2018, 2020, 2020, 2023, True),     # a span overlapping the range at its start
    (2018, 2020, 2021, 2023, False),    # over before the range
    (2024, 2024, 2018, 2023, False),    # starts after the range
    (2018, None, 2023, 2023, True),     # open-ended: still shown in later years
])
def test_year_filter_shows_rows_whose_span_overlaps_the_range(built_db, year, end_year, year_from, year_to, shown):
    [row] = query(built_db, "select int_in_filter($year, $end_year, 'talent', 'shanghai', $year_from, $year_to, "
                            "['talent'], ['shanghai']) as shown",
                  {"year": year, "end_year": end_year, "year_from": year_from, "year_to": year_to})
    assert row["shown"] is shown


def test_year_filter_needs_the_topic_and_jurisdiction_chosen(built_db):
    [row] = query(built_db, "select int_in_filter(2019, 2019, 'talent', 'shanghai', 2018, 2023, ['funding'], ['shanghai']) as a, "
                            "int_in_filter(2019, 2019, 'talent', 'shanghai', 2018, 2023, ['talent'], ['china']) as b")
    assert (row["a"], row["b"]) == (False, False)


def test_a_null_list_means_every_topic_or_jurisdiction_and_an_empty_one_means_none(built_db):
    [row] = query(built_db, "select int_in_filter(2019, 2019, 'talent', 'shanghai', 2018, 2023, null, null) as every, "
                            "int_in_filter(2019, 2019, 'talent', 'shanghai', 2018, 2023, [], null) as no_topic, "
                            "int_in_filter(2019, 2019, 'talent', 'shanghai', 2018, 2023, null, []) as no_place")
    assert (row["every"], row["no_topic"], row["no_place"]) == (True, False, False)


def test_a_fund_without_launch_year_is_placed_at_its_first_report(tmp_path, data_copy):
    path = data_copy / "funds.csv"
    text = path.read_text(encoding="utf-8")
    old = "; new energy vehicles,2023,press_report,"
    assert text.count(old) == 1
    path.write_text(text.replace(old, "; new energy vehicles,,press_report,"), encoding="utf-8")
    target = tmp_path / "t.duckdb"
    db.build(target, data_copy, None)
    [row] = query(target, "select year, year_basis from records where record_id = 'F-sh-nssf-innovation-fund-2023'")
    assert row == {"year": 2023, "year_basis": "first reported"}     # S001, 2023-12-05


def test_fund_capital_is_never_added_across_stages(tmp_path, data_copy):
    # the Overview card added every Shanghai fund: money planned and money deployed made one total,
    # which the Funds page says never to do
    with open(data_copy / "funds.csv", "a", encoding="utf-8") as f:
        f.write("F-sh-test-planned,shanghai,funding,A planned fund (test),1000000000,USD,planned,,,2023,press_report,announcement,\n")
    with open(data_copy / "evidence.csv", "a", encoding="utf-8") as f:
        f.write('F-sh-test-planned,S001,"Recently, the city initiated an investment fund"\n')
    target = tmp_path / "t.duckdb"
    db.build(target, data_copy, None)
    con = db.connect_read_only(target)
    try:
        stages = queries.run(con, "overview__fund_capital", year_from=1900, year_to=2100, topics=None,
                             jurisdictions=None, currency="reported")
    finally:
        con.close()
    assert list(stages["amount_stage"]) == ["planned", "initial_capitalization"]
    assert list(stages["total_value"]) == [1e9, 707e6]
    label, value, caption = present.fund_capital_card(stages)
    assert (label, value) == ("Funds", "2")
    assert caption.startswith("$1 bn planned (1 fund); $707 m initial capitalization (1 fund) · stages not added together")


# --- the data dictionary -------------------------------------------------------------------------------

def documented_columns(readme: str) -> dict[str, dict[str, str]]:
    """view -> column -> type, from data/README.md: a '### `view`' heading followed by a table of
    '| `column` | TYPE | meaning |' rows, or a shared table of '| `view` | `column` | TYPE | ... |'."""
    documented: dict[str, dict[str, str]] = {}
    views: list[str] = []
    for line in readme.splitlines():
        if line.startswith("#"):
            views = re.findall(r"`(\w+)`", line) if line.startswith("### ") else []
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        names = [re.fullmatch(r"`(\w+)`", c) for c in cells[:2]]
        if len(views) == 1 and names and names[0]:
            documented.setdefault(views[0], {})[names[0].group(1)] = cells[1]
        elif len(views) > 1 and len(names) == 2 and all(names) and names[0].group(1) in views:
            documented.setdefault(names[0].group(1), {})[names[1].group(1)] = cells[2]
    return documented


def test_readme_documents_every_column_of_every_public_view(built_db):
    documented = documented_columns((DATA_DIR / "README.md").read_text(encoding="utf-8"))
    con = duckdb.connect(str(built_db), read_only=True)
    try:
        actual = {view: {name: ("ENUM" if dtype.startswith("ENUM") else dtype)
                         for name, dtype, *_ in con.execute(f"describe {view}").fetchall()}
                  for view in db.public_views(con)}
    finally:
        con.close()
    assert sorted(documented) == sorted(actual)
    for view, columns in actual.items():
        assert documented[view] == columns, view


def test_the_goals_table_says_when_a_goal_is_undated_and_keeps_a_lower_bound(built_db):
    con = db.connect_read_only(built_db)
    try:
        goals = queries.run(con, "goals__targets", year_from=1900, year_to=2100, topics=None, jurisdictions=None,
                            currency="reported", with_progress_only=False, limit=None)
    finally:
        con.close()
    table = present.goals_table(goals)
    announced = dict(zip(goals["target_id"], table["Announced"]))
    progress = dict(zip(goals["target_id"], table["Progress (derived)"]))
    assert progress["T-sh-industry-100bn-2020"] == "> 275.6%" and progress["T-sh-ai-powerhouse"] == "—"
    assert announced["T-sh-ai-investment-funds-plan"] == "not stated (first reported 2019)"   # S002 only describes it
    assert announced["T-sh-industry-100bn-2020"] == "2018"      # 'a new municipal plan' in S003 (its note says how)
