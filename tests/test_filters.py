"""URL parameters to filter state and back: malformed or hostile values are dropped with a notice."""
import pytest

from tracker.filters import FilterState, Vocabulary, default_state, describe, parse_query_params, to_query_params

VOCAB = Vocabulary(2014, 2030, ("industry_scale", "talent", "funding"), ("shanghai", "china"))


def test_a_state_survives_the_round_trip_through_the_url():
    state = FilterState(2018, 2021, ("talent", "funding"), ("shanghai",), "USD")
    params = to_query_params(state, VOCAB)
    assert params == {"from": "2018", "to": "2021", "topic": ["talent", "funding"], "jurisdiction": ["shanghai"], "currency": "USD"}
    parsed, notices = parse_query_params({k: v if isinstance(v, list) else [v] for k, v in params.items()}, VOCAB)
    assert parsed == state and notices == []


def test_defaults_are_left_out_of_the_url_and_no_topic_is_not_a_choice_a_link_can_make():
    assert to_query_params(default_state(VOCAB), VOCAB) == {}
    # the sidebar shows an empty box as every topic: a link to "none" would show all and then lose it
    parsed, notices = parse_query_params({"topic": ["none"], "jurisdiction": ["china"]}, VOCAB)
    assert parsed == FilterState(2014, 2030, VOCAB.topics, ("china",), "reported")
    assert notices == ["Ignored topic ` none `: not a known topic."]


def test_queries_get_null_for_a_list_that_chooses_every_value_and_the_list_otherwise():
    every = default_state(VOCAB).params
    assert every["topics"] is None and every["jurisdictions"] is None
    some = FilterState(2014, 2030, ("talent",), VOCAB.jurisdictions).within(VOCAB).params
    assert some["topics"] == ["talent"] and some["jurisdictions"] is None
    assert FilterState(2014, 2030, (), ()).within(VOCAB).params == {
        "year_from": 2014, "year_to": 2030, "topics": [], "jurisdictions": [], "currency": "reported"}
    # the same choice, in another order, is still every value
    assert FilterState(2014, 2030, VOCAB.topics[::-1], VOCAB.jurisdictions).within(VOCAB).params["topics"] is None


def test_year_alone_means_a_one_year_range():
    state, notices = parse_query_params({"year": ["2019"]}, VOCAB)
    assert (state.year_from, state.year_to) == (2019, 2019) and notices == []


@pytest.mark.parametrize("params, ignored", [({"year": ["2019"], "to": ["2021"]}, "to"),
                                              ({"year": ["2019"], "from": ["2020"], "to": ["2021"]}, "from and to")])
def test_a_year_beside_a_range_keeps_the_year_and_says_the_range_was_ignored(params, ignored):
    state, notices = parse_query_params(params, VOCAB)
    assert (state.year_from, state.year_to) == (2019, 2019)
    assert notices == [f"Ignored {ignored}: year=2019 chooses a single year."]


@pytest.mark.parametrize("params, fragment", [
    ({"year": ["abc"]}, "not a year"),
    ({"topic": ["';DROP TABLE targets;--"]}, "not a known topic"),
    ({"from": ["2025"], "to": ["2019"]}, "runs backwards"),
    ({"from": ["1"], "to": ["999999"]}, "not a year"),
    ({"from": ["1800"]}, "the data covers 2014–2030"),
    ({"currency": ["EUR"]}, "use one of reported, CNY, USD"),
    ({"jurisdiction": ["atlantis"]}, "not a known jurisdiction"),
    ({"utm_source": ["x"]}, "unknown parameter"),
    ({"from": ["2018", "2019"]}, "give it once"),
])
def test_malformed_parameters_are_dropped_with_a_notice(params, fragment):
    state, notices = parse_query_params(params, VOCAB)
    assert state == default_state(VOCAB)
    assert len(notices) >= 1 and all(n.startswith("Ignored") for n in notices)
    assert any(fragment in n for n in notices)


def test_valid_parts_of_a_partly_bad_link_are_kept():
    state, notices = parse_query_params({"topic": ["talent", "nonsense"], "from": ["2019"], "to": ["abc"]}, VOCAB)
    assert state.topics == ("talent",) and state.year_from == 2019 and state.year_to == 2030
    assert len(notices) == 2


def test_the_view_line_names_what_is_chosen_and_the_currency():
    labels = {"talent": "Talent"}
    assert describe(default_state(VOCAB), VOCAB, labels, {}) == "2014–2030; all topics; all jurisdictions; amounts as reported"
    some = FilterState(2018, 2021, ("talent",), ("china", "shanghai"), "USD")   # every place, in another order
    assert describe(some, VOCAB, labels, {}) == "2018–2021; Talent; all jurisdictions; amounts in USD ($)"
    # one year reads as a year; where only the records chosen matter (an empty state), no currency
    one = FilterState(2019, 2019, ("talent",), ("shanghai",), "CNY")
    assert describe(one, VOCAB, labels, {"shanghai": "Shanghai"}, amounts=False) == "the year 2019; Talent; Shanghai"


def test_a_range_that_only_repeats_the_year_is_not_a_contradiction():
    state, notices = parse_query_params({"year": ["2019"], "from": ["2019"], "to": ["2019"]}, VOCAB)
    assert (state.year_from, state.year_to) == (2019, 2019) and notices == []


def test_an_empty_value_in_a_link_is_named_as_empty_not_shown_as_a_blank_box():
    _, notices = parse_query_params({"topic": [""], "currency": ["  "]}, VOCAB)
    assert notices == ["Ignored topic (empty): not a known topic.", "Ignored currency (empty): use one of reported, CNY, USD."]
