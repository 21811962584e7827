"""Chart builders and their descriptions on frames made here, for the cases the real data does not reach."""
import csv
import itertools
from pathlib import Path

import pandas as pd
import pytest

from tracker import charts, present
from tracker.formatting import fmt_value


def test_many_events_on_one_day_stay_in_their_row_and_apart():
    # twelve events of one type on one date (say, a dozen known only to the year 2030), two of another
    rows = pd.Series(["plan"] * 12 + ["conference"] * 2)
    dates = pd.Series([pd.Timestamp("2030-01-01")] * 14)
    y, names, most = charts._dodged(rows, dates)
    assert names == ["conference", "plan"] and most == 12
    plan, conference = sorted(y[:12]), sorted(y[12:])
    assert all(-0.35 - 1e-9 <= v <= 0.35 + 1e-9 for v in plan)          # row 0, within its band
    assert min(b - a for a, b in zip(plan, plan[1:])) > 0.06              # none on another
    assert conference == [0.875, 1.125]                                   # two: a quarter of a row apart


def test_a_metric_with_nothing_in_view_draws_an_empty_chart():
    empty = pd.DataFrame
    fig = charts.metric_series(
        empty(columns=["year", "value", "series_label", "derived", "hover", "color_topic", "label"]),
        empty(columns=["start_year", "deadline_year", "target_value", "label", "jurisdiction_label", "hover"]),
        empty(columns=["year", "hover"]), {}, "Nothing", "Value")
    assert fig.data == () and fig.layout.title.text.startswith("Nothing")


def test_events_a_few_weeks_apart_are_spread_but_years_apart_are_not():
    # over a ten-year axis, March and January of one year would cover each other; 2015 and 2024 would not
    rows = pd.Series(["partnership"] * 4)
    dates = pd.Series(pd.to_datetime(["2023-01-01", "2023-03-01", "2015-06-01", "2024-12-31"]))
    y, _, most = charts._dodged(rows, dates)
    assert most == 2 and y[0] != y[1]
    assert y[2] == y[3] == 0


def test_a_row_of_monthly_events_is_not_stacked_as_one_spot():
    # two years of monthly events on a ten-year axis: neighbours nearly touch, but a spot is measured
    # from its first marker, so the row does not become one 24-marker stack squeezed into 0.7 of a row
    months = pd.Series(pd.date_range("2020-01-01", periods=24, freq="MS"))
    dates = pd.concat([months, pd.Series(pd.to_datetime(["2015-01-01", "2025-01-01"]))], ignore_index=True)
    _, _, most = charts._dodged(pd.Series(["meeting"] * 26), dates)
    assert most <= 4


def test_a_time_axis_with_one_date_spans_a_year_not_milliseconds():
    one = pd.DataFrame({"date": [pd.Timestamp("2020-06-01")], "event_type": ["conference"], "topic": ["governance"],
                        "topic_label": ["Governance"], "date_precision": ["day"], "hover": ["x"]})
    start, end = (pd.Timestamp(v) for v in charts.timeline(one, {}, "One").layout.xaxis.range)
    assert end - start >= pd.Timedelta(days=365) and start < pd.Timestamp("2020-06-01") < end
    two_days = pd.DataFrame({"label": ["GAIDC"], "start": [pd.Timestamp("2023-02-25")], "end": [pd.Timestamp("2023-02-26")],
                             "date_precision": ["day"], "topic": ["governance"], "hover": ["x"]})
    start, end = (pd.Timestamp(v) for v in charts.event_ranges(two_days, {}, "Two days").layout.xaxis.range)
    assert end - start >= pd.Timedelta(days=365)



def test_a_time_axis_shows_the_label_of_its_first_and_last_years():
    # events of 2018 known only to the year are drawn mid-2018: the axis must still reach back to 1 January 2018
    years = pd.DataFrame({"date": pd.to_datetime(["2018-01-01", "2023-02-25"]), "event_type": ["conference"] * 2,
                          "topic": ["events"] * 2, "topic_label": ["Events"] * 2, "date_precision": ["year", "day"],
                          "hover": ["x", "y"]})
    start, end = (pd.Timestamp(v) for v in charts.timeline(years, {}, "Years").layout.xaxis.range)
    assert start < pd.Timestamp("2018-01-01") and pd.Timestamp("2024-01-01") < end < pd.Timestamp("2024-07-01")


def test_legend_entries_do_not_take_the_fill_of_a_traces_first_point():
    # Fill means "exact date" / "reported", not the topic or the place; Plotly's legend copies a trace's first
    # point, so a topic or place whose first point is hollow would look unlike the others in the legend.
    events = pd.DataFrame({"date": pd.to_datetime(["2018-01-01", "2019-05-21", "2019-01-01"]),
                           "event_type": ["plan announced", "zone established", "conference"],
                           "topic": ["governance", "clusters", "clusters"], "topic_label": ["Governance", "Clusters", "Clusters"],
                           "date_precision": ["year", "day", "year"], "hover": ["a", "b", "c"]})
    fig = charts.timeline(events, {}, "Events")
    shown = [t for t in fig.data if t.showlegend is not False]
    assert [t.name for t in shown] == ["Governance", "Clusters"]
    assert {t.marker.symbol for t in shown} == {"square"}               # one kind of swatch, whatever the first point
    drawn = charts.data_traces([t.to_plotly_json() for t in fig.data])
    assert sorted(len(t["x"]) for t in drawn) == [1, 2]                  # the swatches draw no point
    assert all(t["legendgroup"] == t["name"] for t in drawn)            # clicking a swatch hides its topic's markers

    points = pd.DataFrame({"year": [2021, 2023], "value": [275.6e9, 500e9], "series_label": ["Shanghai", "Shanghai"],
                           "derived": [True, False], "hover": ["x", "y"], "color_topic": ["industry_scale"] * 2,
                           "label": ["> ¥275.6 bn", "> ¥500 bn"]})
    none = pd.DataFrame(columns=["start_year", "deadline_year", "target_value", "label", "jurisdiction_label", "hover"])
    fig = charts.metric_series(points, none, pd.DataFrame(columns=["year", "hover"]), {}, "Scale", "CNY")
    (key,) = [t for t in fig.data if t.showlegend is not False]
    assert key.name == "Shanghai" and key.marker.symbol == "circle"      # filled, though 2021 is derived (hollow)
    (line,) = charts.data_traces([t.to_plotly_json() for t in fig.data])
    assert list(line["marker"]["symbol"]) == ["circle-open", "circle"]


def test_a_timeline_description_names_every_year_that_ties_for_the_busiest():
    events = pd.DataFrame({"year": [2018] * 3 + [2019] + [2023] * 3})
    assert present.timeline_description(events) == \
        "7 events from 2018 to 2023; the busiest years are 2018 and 2023, with 3 events each."
    assert present.timeline_description(events.iloc[:4]) == "4 events from 2018 to 2019; the busiest year is 2018 with 3 events."


def test_a_date_known_only_to_its_year_is_drawn_inside_that_year():
    # a deadline "by 2020" is stored as 2020-12-31: drawn there it sat on the 2021 gridline
    events = pd.DataFrame({"date": pd.to_datetime(["2020-12-31", "2018-01-01", "2019-05-21"]),
                           "event_type": ["target deadline", "plan announced", "zone established"],
                           "topic": ["industry_scale"] * 3, "topic_label": ["Industry scale"] * 3,
                           "date_precision": ["year", "year", "day"], "hover": ["a", "b", "c"]})
    (trace,) = charts.data_traces([t.to_plotly_json() for t in charts.timeline(events, {}, "Events").data])
    assert [pd.Timestamp(x).strftime("%Y-%m-%d") for x in trace["x"]] == ["2020-07-01", "2018-07-01", "2019-05-21"]


@pytest.mark.parametrize("ratio, figure, target, text", [
    (2.756085, "more_than", "more_than", "> 275.6%"), (2.75999, "more_than", None, "> 275.9%"), (0.57, "at_least", None, "≥ 57%"),
    (0.7, "about", "more_than", "≈ 70%"), (0.5, None, "about", "≈ 50%"),
    (1.2, "at_least", None, "≥ 120%"), (0.25, None, None, "25%"), (float("nan"), None, None, "—")])
def test_progress_keeps_the_qualifier_of_the_figure_or_the_target(ratio, figure, target, text):
    assert present.progress_text(ratio, figure, target) == text


def test_a_progress_label_too_long_for_its_bar_stays_level():
    # "> 60%" in a bar a fifth of the axis wide was turned sideways by Plotly's automatic text angle
    frame = pd.DataFrame({"label": ["A goal"], "topic": ["industry_scale"], "progress_ratio": [0.6],
                          "progress_text": ["> 60%"], "status_label": ["Not shown reached"], "hover": ["h"]})
    (bar,) = charts.target_progress(frame, {}, 2030).data
    assert bar.textangle == 0 and list(bar.text) == ["> 60%"]
    # past the bar's end, the dashed 100 % line ran through "> 50%" on a phone: a halo keeps it readable
    assert bar.outsidetextfont.shadow == "auto"


def test_each_status_reads_in_words():
    assert present.status_label("not_shown_reached", 2030) == "Not shown reached (a lower bound from before the deadline)"
    assert present.status_label("behind", 2020) == "Not yet reached (figure from before the deadline)"
    assert present.status_label("behind", None) == "Not yet reached (no deadline)"
    assert present.status_label("met", 2020) == "Met"


@pytest.mark.parametrize("value, unit, comparator, text", [
    (1.4e9, "people", None, "1.4 billion people"), (2.5e6, "users", "more_than", "more than 2.5 million users"),
    (4000, "companies", "about", "about 4,000 companies"), (42.73e9, "USD", "more_than", "more than $42.73 bn")])
def test_a_figure_reads_as_the_sources_write_it(value, unit, comparator, text):
    assert fmt_value(value, unit, None, comparator) == text


def test_a_person_sits_beside_their_organisation_on_the_network_circle():
    # a hub with three partners, each with one person: ordered by degree alone, the people would
    # come last, across the circle from their organisations, and every line would cross it
    pairs = [("Hub", "Org A"), ("Hub", "Org B"), ("Hub", "Org C"), ("Org A", "Ann"), ("Org B", "Bo"), ("Org C", "Cy")]
    degree = {"Hub": 3, "Org A": 2, "Org B": 2, "Org C": 2, "Ann": 1, "Bo": 1, "Cy": 1}
    order = charts._circle_order(degree, pairs)
    assert order[0] == "Hub" and sorted(order) == sorted(degree)
    for org, person in (("Org A", "Ann"), ("Org B", "Bo"), ("Org C", "Cy")):
        assert abs(order.index(org) - order.index(person)) == 1


def _lab(hex_color: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour, to compare colours as a reader sees them."""
    rgb = [int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92 for c in rgb)
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def test_every_topic_colour_can_be_told_from_every_other():
    # Technology & infrastructure (#B8860B) beside Companies (#E69F00), and Applications (#2E8B57)
    # beside Talent & research (#009E73), could not be matched to the legend on hollow markers
    with open(Path(__file__).resolve().parent.parent / "data" / "topics.csv", newline="") as f:
        colors = {row["topic"]: row["color"] for row in csv.DictReader(f)}
    closest = min((sum((p - q) ** 2 for p, q in zip(_lab(colors[a]), _lab(colors[b]))) ** 0.5, a, b)
                  for a, b in itertools.combinations(colors, 2))
    assert closest[0] >= 20, closest     # CIE76 distance; 20 or more reads as a different colour


def test_a_map_label_is_written_away_from_the_nearest_marker():
    # Zhangjiang's name, centred under its marker, ran over West Bund's marker on a tablet and read as its name
    x = pd.Series([121.46, 121.59, 121.54, 121.37, 121.37])
    y = pd.Series([31.175, 31.20, 31.22, 31.034, 30.90])
    # the eastmost (121.59) would be written to its right, past the edge of a narrow chart: above it instead
    assert charts._away_from_nearest(x, y) == ["middle left", "top center", "middle left", "top center", "bottom center"]
    names = pd.DataFrame({"name": ["China's first pilot zone for the innovation and application of AI technology", "Maqiao"],
                          "latitude": [31.22, 31.03], "longitude": [121.54, 121.37], "hover": ["a", "b"]})
    assert list(charts.cluster_map(names, "#56B4E9").data[0].text) == ["China's first pilot zone for th…", "Maqiao"]   # 32 characters


def test_a_figure_is_written_clear_of_its_line_and_inside_the_axis():
    # "≈ ¥70 bn" above 2018's marker sat on the line rising from it and on the 100 bn target's dashes
    rising = charts._label_sides(pd.Series([2018, 2021]), pd.Series([70e9, 275.6e9]), 2018, 2030)
    assert rising == ["bottom right", "top center"]
    assert charts._label_sides(pd.Series([2023]), pd.Series([4000]), 2018, 2023) == ["top left"]        # alone, at the axis' end
    assert charts._label_sides(pd.Series([2019, 2023]), pd.Series([0.333, 0.333]), 2018, 2023) == ["top center", "top left"]
