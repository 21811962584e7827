"""Chart builders on frames made here, for the cases the real data does not reach."""
import pandas as pd

from tracker import charts


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
        empty(columns=["year", "value", "jurisdiction_label", "derived", "hover", "color_topic"]),
        empty(columns=["start_year", "deadline_year", "target_value", "label", "hover"]),
        empty(columns=["year", "hover"]), {}, "Nothing", "Value")
    assert fig.data == () and fig.layout.title.text.startswith("Nothing")
