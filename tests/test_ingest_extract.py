"""The extractor reads every form of money, share, count and time that issue 6 lists, tells a
target from an achievement, recognises known names and offers new ones, and quotes verbatim.

The sentences are fixtures written for these tests (several copy a seed article's wording); the
numbers in them are not facts of the dataset.
"""
from __future__ import annotations

import pytest

from tracker.ingest import vocabulary
from tracker.ingest.dates import PublishedOnError, parse_published_on
from tracker.ingest.extract import extract, quote_for
from tracker.paths import DATA_DIR
from tracker.validate import normalise_text


@pytest.fixture(scope="module")
def vocab():
    return vocabulary.load(DATA_DIR)


def candidates(text: str, vocab, published: str = "2019-08-01"):
    return extract(text, parse_published_on(published), vocab)


def numeric(text: str, vocab, published: str = "2019-08-01"):
    found = [c for c in candidates(text, vocab, published) if c.value is not None or c.unit]
    assert found, f"nothing read from {text!r}"
    return found


# --- money ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit", [
    ("The industry was worth 100 billion yuan in 2018.", 100_000_000_000, "CNY"),
    ("The industry was worth CNY100 billion in 2018.", 100_000_000_000, "CNY"),
    ("The industry was worth RMB 1 trillion in 2018.", 1_000_000_000_000, "CNY"),
    ("The industry was worth $14.5 billion in 2018.", 14_500_000_000, "USD"),
    ("The fund raised US$707 million in 2018.", 707_000_000, "USD"),
    ("The industry was worth ¥5 billion in 2018.", 5_000_000_000, "CNY"),
    ("The industry was worth €2.5 million in 2018.", 2_500_000, "EUR"),
    ("The industry was worth $42.73 billion in 2018.", 42_730_000_000, "USD"),
    ("The industry was worth a trillion yuan in 2018.", 1_000_000_000_000, "CNY"),
    ("2018年人工智能产业规模达到1000亿元。", 100_000_000_000, "CNY"),
    ("2018年投资达到5亿美元。", 500_000_000, "USD"),
    ("In 2018 the city raised a 10-billion-yuan fund.", 10_000_000_000, "CNY"),
    ("In 2018 the firm raised Rmb10bn.", 10_000_000_000, "CNY"),
])
def test_money_in_every_form_becomes_a_full_amount_with_an_iso_code(vocab, text, value, unit):
    (c,) = numeric(text, vocab)
    assert (c.value, c.unit) == (value, unit)
    assert isinstance(c.value, int), "a whole amount is stored without a fraction (no 42730000000.000008)"


def test_an_amount_with_its_conversion_in_brackets_is_kept_as_one_pair(vocab):
    text = "AI industry in the city was worth about 70 billion yuan ($10.16 billion) by the end of 2018."
    (c,) = numeric(text, vocab)
    assert (c.value, c.unit, c.comparator) == (70_000_000_000, "CNY", "about")
    assert c.conversion["value"] == 10_160_000_000 and c.conversion["unit"] == "USD"
    assert c.fields["as_of_year"] == 2018 and c.fields["as_of_date"] == "2018-12-31"


@pytest.mark.parametrize("text, comparator", [
    ("It aims to expand the industry to more than CNY100 billion (US$15.36 billion) by 2020.", "more_than"),
    ("The combined output value exceeded $42.73 billion in 2017.", "more_than"),
    ("Shanghai's AI industry tops 300 billion yuan in 2017.", "more_than"),          # a headline's verb
    ("The industry topped 70 billion yuan in 2017.", "more_than"),
    ("The industry was worth about 70 billion yuan in 2017.", "about"),
    ("The industry was worth at least 70 billion yuan in 2017.", "at_least"),
    ("The industry was worth 70 billion yuan in 2017.", None),
])
def test_the_qualifier_before_an_amount_becomes_the_comparator(vocab, text, comparator):
    (c,) = numeric(text, vocab)
    assert c.comparator == comparator


# --- shares and counts ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Shanghai is home to one-third of the nation's AI technical professionals.", 0.3333),
    ("Shanghai has gathered a third of the country's AI talent.", 0.3333),
    ("Shanghai has gathered two-thirds of the country's AI talent.", 0.6667),
    ("Shanghai has gathered 30% of the country's AI talent.", 0.3),
    ("Shanghai has gathered 12.5 percent of the country's AI talent.", 0.125),
    ("Shanghai has gathered half of the country's AI talent.", 0.5),
])
def test_shares_are_fractions_of_one(vocab, text, value):
    (c,) = numeric(text, vocab)
    assert (c.value, c.unit) == (value, "share")
    assert c.fields["metric"] == "ai_talent_share", "the dataset's own metric is proposed"


@pytest.mark.parametrize("text, value, unit", [
    ("Shanghai is home to 1,000 companies with AI as its core business.", 1000, "companies"),
    ("Shanghai is home to 3,000 AI-related enterprises.", 3000, "enterprises"),
    ("The conference brought 20 major AI innovation projects to Shanghai.", 20, "projects"),
    ("Companies draw on a customer base of 1.4 billion people.", 1_400_000_000, "people"),
    ("The city now boasts four AI clusters.", 4, "clusters"),
    ("Microsoft provides more than twenty AI products in China.", 20, "products"),
])
def test_counts_carry_the_unit_they_count(vocab, text, value, unit):
    (c,) = numeric(text, vocab)
    assert (c.value, c.unit) == (value, unit)


def test_thousands_of_employees_is_a_count_without_a_number(vocab):
    (c,) = numeric("Furthermore, thousands of Chinese employees are engaged in the work within the company.", vocab)
    assert (c.value, c.unit) == (None, "employees")
    assert "thousands" in c.fields["note"]


@pytest.mark.parametrize("text", [
    "The Ministry gives four reasons: industries, data, applications and universities.",   # spelled out, not a unit the dataset counts
    "It has hosted the event for 5 years in a row.",                                        # a duration
    "An intelligent robot at 2018 World Artificial Intelligence Conference.",               # a year, not a count of 2018 things
    "Ni Tao is the founder of cnrobopedia. Articles: 662",                                  # no unit
    "In the first half of 2023, the city held a series of forums.",                         # a period, not a share
])
def test_numbers_that_are_not_facts_are_not_proposed(vocab, text):
    assert not [c for c in candidates(text, vocab) if c.value is not None]


def test_ranking_first_is_rank_one(vocab):
    found = numeric("The industry was worth 70 billion yuan by the end of 2018, ranking first in China.", vocab)
    rank = next(c for c in found if c.unit == "rank")
    assert (rank.value, rank.year) == (1, 2018)


# --- time -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, published, kind, year", [
    ("The city plans to expand the industry scale to more than 100 billion yuan by 2020.", "2019-08-01", "target", 2020),
    ("It was worth about 70 billion yuan by the end of 2018.", "2019-08-01", "achievement", 2018),
    ("The combined output value exceeded $42.73 billion in 2021.", "2023-12-05", "achievement", 2021),
    ("Last year the city attracted 300 companies.", "2023", "achievement", 2022),
    ("This year the city attracted 300 companies.", "2019-08-01", "achievement", 2019),
    ("The city attracted 300 companies.", "2019-08", "achievement", 2019),
])
def test_the_year_of_a_number_is_resolved_against_the_articles_date(vocab, text, published, kind, year):
    (c,) = numeric(text, vocab, published)
    assert (c.kind, c.year) == (kind, year)


def test_a_year_stated_earlier_in_the_paragraph_carries_to_the_next_sentence(vocab):
    text = ("Last year saw a number of positive signals. The first conference brought 20 major AI innovation projects "
            "to Shanghai.\n\nStatistics show 1,000 companies with AI as their core business.")
    projects, companies = numeric(text, vocab, "2019-08-01")
    assert projects.year == 2018 and companies.year == 2019


@pytest.mark.parametrize("text, published, date, end_date", [
    ("On May 24, the Microsoft-INESA AI Innovation Center launched its AI talent training system.", "2019-08-01", "2019-05-24", None),
    ("Shanghai is going to hold the second World Artificial Intelligence Conference from Aug 29 to 31.", "2019-08-01", "2019-08-29", "2019-08-31"),
    ("Li Zheng told the Global Artificial Intelligence Developer Conference, held on February 25-26 in the city's Lingang area.", "2023", "2023-02-25", "2023-02-26"),
    ("An intelligent robot shakes hands with a visitor at 2018 World Artificial Intelligence Conference in Shanghai on Sept 19.", "2019-08-01", "2018-09-19", None),
    ("This year on May 21, China's first pilot zone for AI was inaugurated in Pudong New Area.", "2019-08-01", "2019-05-21", None),
    ("The forum will take place on 3-5 June 2024 in Shanghai.", "2024-01-10", "2024-06-03", "2024-06-05"),
])
def test_days_and_spans_of_days(vocab, text, published, date, end_date):
    dated = [c for c in candidates(text, vocab, published) if c.date]
    assert len(dated) == 1
    assert (dated[0].date, dated[0].end_date) == (date, end_date)


def test_a_month_of_this_year_is_a_month_precision_date(vocab):
    (c,) = [c for c in candidates("In March of this year, the company announced its plans to integrate OpenAI into "
                                  "its cloud services.", vocab, "2023-12-05") if c.date]
    assert (c.kind, c.date, c.date_precision, c.year) == ("partnership", "2023-03-01", "month", 2023)


def test_dated_events_get_the_kind_of_their_sentence(vocab):
    kinds = {c.date: c.kind for c in candidates(
        "On May 24, the Microsoft-INESA AI Innovation Center launched a training system. "
        "The city will hold the World Artificial Intelligence Conference from Aug 29 to 31. "
        "This year on May 21, the first pilot zone for AI was inaugurated in Pudong New Area.", vocab) if c.date}
    assert kinds == {"2019-05-24": "partnership", "2019-08-29": "conference", "2019-05-21": "cluster"}


def test_a_dated_rule_is_a_governance_step_with_its_date_in_the_note(vocab):
    (c,) = candidates("The municipal government issued new regulations on AI governance in October 2022.", vocab, "2023")
    assert (c.kind, c.year, c.fields["kind"]) == ("governance", 2022, "regulation")
    assert "2022-10" in c.fields["note"]


def test_published_on_accepts_year_month_or_day_and_rejects_the_rest():
    assert parse_published_on("2019").precision == "year"
    assert parse_published_on("2019-08").precision == "month"
    assert parse_published_on("2019-08-01").precision == "day"
    for bad in ("2019-13", "2019-02-30", "08/01/2019", "", "1850"):
        with pytest.raises(PublishedOnError, match="--published-on"):
            parse_published_on(bad)


# --- targets and achievements ---------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Shanghai aims to reach 50 billion yuan in industry output this year.", "target"),
    ("Shanghai plans to attract 500 companies this year.", "target"),
    ("Shanghai will attract 500 companies this year.", "target"),
    ("Its vision is an industry of 50 billion yuan this year.", "target"),
    ("The goal is 500 companies this year.", "target"),
    ("The industry reached 50 billion yuan this year.", "achievement"),
    ("The output exceeded 50 billion yuan this year.", "achievement"),
    ("The industry was worth 50 billion yuan this year.", "achievement"),
    ("Shanghai became home to 500 companies this year.", "achievement"),
])
def test_intent_words_separate_targets_from_achievements(vocab, text, kind):
    (c,) = numeric(text, vocab)
    assert c.kind == kind


def test_an_amount_next_to_fund_is_a_fund(vocab):
    (c,) = numeric("Recently, the city initiated an investment fund, supported by the National Social Security of China, "
                   "with an initial capitalization of $707 million, specifically focusing on artificial intelligence.",
                   vocab, "2023-12-05")
    assert (c.kind, c.value, c.unit, c.year) == ("fund", 707_000_000, "USD", 2023)
    assert c.fields["amount_stage"] == "initial_capitalization"
    assert c.fields["backers"] == "National Social Security of China"


# --- names ----------------------------------------------------------------------------------------

def test_names_the_dataset_holds_are_recognised(vocab):
    (c,) = numeric("Shanghai's vice mayor Li Zheng said Microsoft and Tesla brought 20 projects to Lingang New Area.", vocab)
    names = {e["name"]: e["record_ids"] for e in c.entities}
    assert names["Li Zheng"] == ["R-li-zheng"]
    assert names["Microsoft"] == ["R-microsoft"] and names["Tesla"] == ["R-tesla"]
    assert names["Lingang New Area"] == ["K-lingang"]
    assert c.fields["speaker"] == "Li Zheng"


def test_new_capitalised_names_are_offered_as_new_entities(vocab):
    found = candidates("\"We need more engineers,\" said Zhang Wei, director of the Shanghai Data Exchange Bureau.", vocab)
    actors = {c.fields["name"]: c.fields for c in found if c.kind == "actor"}
    assert actors["Zhang Wei"]["actor_type"] == "person"
    assert actors["Zhang Wei"]["role"] == "director of the Shanghai Data Exchange Bureau"
    assert actors["Shanghai Data Exchange Bureau"]["actor_type"] == "organization"


def test_a_headline_offers_no_names(vocab):
    assert not candidates("Shanghai Invites Microsoft to Promote AI Tech Advancements in the City", vocab)


# --- quotes ---------------------------------------------------------------------------------------

def test_every_quote_is_verbatim_and_short_enough(vocab, seeds_archive):
    for path in sorted(seeds_archive.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for c in candidates(text, vocab, "2020"):
            assert c.quote and normalise_text(c.quote) in normalise_text(text), (path.name, c.quote)
            assert len(c.quote) <= 300


def test_a_long_sentence_is_quoted_around_its_number():
    sentence = ("In a long preamble that goes on, and on, " * 8) + "the city reached 300 companies, " + ("and more words follow here, " * 6) + "the end."
    start = sentence.index("300")
    quote = quote_for(sentence, start, start + len("300 companies"))
    assert "300 companies" in quote and len(quote) <= 300 and quote in normalise_text(sentence)


def test_a_plural_rule_word_gives_the_singular_kind_the_curated_data_uses(vocab):
    (dated,) = candidates("The municipal government issued new policies on AI chips in October 2022.", vocab, "2023")
    (undated,) = candidates("The municipal government has adopted several strategies for the artificial intelligence industry.",
                            vocab, "2023")
    assert (dated.fields["kind"], undated.fields["kind"]) == ("policy", "strategy")
