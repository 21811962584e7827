"""Charts on a phone: the same figures, with their text wrapped and their legend below the plot; and on a
wider page, their titles and row labels wrapped to what a chart of 700 px holds."""
import re

import pandas as pd
import pytest

from tracker import charts
from tracker.phone_layout import (HOVER_CHARS, LABEL_CHARS, LABEL_LINES, NAME_CHARS, TITLE_CHARS, WIDE_AXIS_TITLE_CHARS,
                                  WIDE_LABEL_CHARS, WIDE_TITLE_CHARS, fit_for_phone, fit_for_wide, is_phone, wrap)

IPAD = ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.0 Mobile/15E148 Safari/604.1")
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/17.0 Mobile/15E148 Safari/604.1")
ANDROID_PHONE = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/120.0.0.0 Mobile Safari/537.36")
ANDROID_TABLET = ("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/120.0.0.0 Safari/537.36")
DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"


@pytest.mark.parametrize("agent, phone", [(IPHONE, True), (ANDROID_PHONE, True), (ANDROID_TABLET, False), (IPAD, True),
                                          (DESKTOP, False), (None, False)])
def test_a_phone_is_told_from_a_tablet_or_a_desktop_by_its_user_agent(agent, phone):
    assert is_phone(agent) is phone


def test_a_wrapped_label_keeps_its_bold_status_and_says_where_text_was_left_out():
    label = "Expand the scale of Shanghai's AI industry to more than 100 billion yuan<br><b>Reached (by a figure dated after the deadline)</b>"
    lines = wrap(label, 22, max_lines=2).split("<br>")
    assert lines[:2] == ["Expand the scale of", "Shanghai's AI industr…"]
    assert lines[2:] == ["<b>Reached (by a figure</b>", "<b>dated after the…</b>"]
    assert wrap("CES Asia 2018", 22) == "CES Asia 2018"


@pytest.mark.parametrize("label, kept", [
    # cut at its end, the first row lost its deadline: "(Shanghai, by…)"
    ("Expand the scale of Shanghai's AI industry to more than 100 billion yuan by the end of the decade (Shanghai, by 2020)",
     "(Shanghai, by 2020)"),
    # and a conference previewed ahead read as held: "World Artificial Intelligence Conference 2nd (2019)…"
    ("World Artificial Intelligence Conference 2nd (2019) in the West Bund of Shanghai · announced ahead", "· announced ahead"),
])
def test_a_row_label_cut_short_keeps_the_end_that_says_what_it_is(label, kept):
    lines = wrap(label, LABEL_CHARS, LABEL_LINES).split("<br>")
    assert len(lines) == LABEL_LINES and lines[-1] == kept and lines[-2].endswith("…")


def test_on_a_phone_hover_lines_fit_the_screen_and_values_past_the_bars_get_room():
    frame = pd.DataFrame({"label": ["A fund<br>planned"], "amount": [5.006], "topic": ["funding"], "derived": [True],
                          "text": ["¥5.006 bn (derived)"],
                          "hover": ["<b>Shanghai innovation investment fund (name not stated)</b>\n¥5.006 bn (derived)\n"
                                    "derived: 0.707 bn USD × 7.08 CNY per USD (2023 annual average)\nSources: S001"]})
    fig = fit_for_phone(charts.amounts_bar(frame, {}, "Fund sizes in CNY (billions)", "Billions of CNY"))
    (bar,) = fig.data
    assert max(len(re.sub("</?b>", "", line)) for line in bar.hovertext[0].split("<br>")) <= HOVER_CHARS
    # 80 px cut it to "¥5.006 bn (deriv"; on one line it left the bar 45 px of a 360 px screen
    assert list(bar.text) == ["¥5.006 bn<br>(derived)"] and fig.layout.margin.r >= 7 * len("¥5.006 bn")


def _events(n_topics: int) -> pd.DataFrame:
    topics = [f"Topic number {i}" for i in range(n_topics)]
    return pd.DataFrame({"date": pd.to_datetime(["2019-05-21"] * n_topics), "event_type": ["plan announced"] * n_topics,
                         "topic": topics, "topic_label": topics, "date_precision": ["day"] * n_topics,
                         "hover": ["h"] * n_topics})


def test_on_a_phone_the_legend_goes_below_the_plot_and_the_title_wraps():
    title = "29 dated events in view: plans, deadlines, conferences, meetings, launches"
    desktop = charts.timeline(_events(3), {}, title)
    phone = fit_for_phone(charts.timeline(_events(3), {}, title))
    # at the right, the legend took half of a phone's width from the plot
    assert desktop.layout.legend.x > 1 and phone.layout.legend.orientation == "h"
    assert phone.layout.legend.yref == "container" and phone.layout.legend.y == 0
    lines = phone.layout.title.text.split("<br>")
    assert len(lines) == 3 and max(map(len, lines)) <= TITLE_CHARS
    # the plot keeps its height: the chart grows by the title's extra lines and the legend's rows
    grown = phone.layout.height - desktop.layout.height
    assert grown >= 2 * 22 + 4 * 22     # two more title lines; a legend title and three entries
    # the data and the hover are the same
    def drawn(fig):
        return [(list(t.x), list(t.y), list(t.hovertext or [])) for t in fig.data]
    assert drawn(phone) == drawn(desktop)


def test_on_a_phone_row_labels_wrap_and_each_row_is_as_tall_as_its_label():
    frame = pd.DataFrame({"label": ["Expand the scale of Shanghai's AI industry to m… (Shanghai, by 2020)"] * 2,
                          "topic": ["industry_scale"] * 2, "progress_ratio": [2.756, 0.5],
                          "progress_text": ["> 275.6%", "> 50%"], "status_label": ["Reached", "Not reached"],
                          "hover": ["a", "b"]})
    frame.loc[1, "label"] = "National plan (China, by 2030)"
    desktop = charts.target_progress(frame, {}, 2030)
    phone = fit_for_phone(charts.target_progress(frame, {}, 2030))
    assert list(phone.layout.yaxis.tickvals) == list(desktop.layout.yaxis.categoryarray)   # the same rows
    first = phone.layout.yaxis.ticktext[0].split("<br>")
    assert first[-2:] == ["(Shanghai, by 2020)", "<b>Reached</b>"]
    assert all(len(line) <= LABEL_CHARS for line in first[:-1])
    assert phone.layout.height >= 2 * (len(first) * 16 + 8) + phone.layout.margin.t


def test_on_a_phone_network_names_are_shortened_and_given_room_and_map_markers_are_numbered():
    nodes = pd.DataFrame({"name": ["AWS Technology Summit 2018 China Station", "Shanghai government", "Microsoft"],
                          "node_type": ["place or event", "organization", "organization"], "degree": [1, 1, 2],
                          "hover": ["a", "b", "c"]})
    edges = pd.DataFrame({"source": ["Microsoft", "Microsoft"], "target": ["Shanghai government", "AWS Technology Summit 2018 China Station"],
                          "relation": ["r", "r"], "hover": ["x", "y"]})
    network = fit_for_phone(charts.network(nodes, edges, "Who works with whom"))
    names = [n for t in network.data if t.text is not None for n in t.text]
    assert "AWS Technolog…" in names and max(map(len, names)) <= NAME_CHARS
    low, high = network.layout.xaxis.range
    xs = [x for t in network.data for x in t.x if x is not None]
    assert max(xs) - min(xs) <= (high - low) / 3 + 1e-9     # the circle keeps a third of the width, the names the rest

    clusters = pd.DataFrame({"name": ["Zhangjiang High-Tech Park", "West Bund"], "latitude": [31.20, 31.175],
                             "longitude": [121.59, 121.46], "hover": ["Zhangjiang High-Tech Park · …", "West Bund · …"]})
    fig = fit_for_phone(charts.cluster_map(clusters, "#56B4E9"))
    (trace,) = fig.data
    # names beside the markers ran off a phone's map: the markers are numbered, and a key names them
    assert list(trace.text) == ["1", "2"] and trace.textposition == "middle center"
    assert fig.layout.annotations[-1].text == "1  Zhangjiang High-Tech Park<br>2  West Bund"
    assert list(trace.hovertext) == ["Zhangjiang High-Tech Park · …", "West Bund · …"]


def test_on_a_phone_figures_written_beside_their_markers_are_left_whole():
    points = pd.DataFrame({"year": [2019, 2023], "value": [20, 4000], "series_label": ["Shanghai", "Shanghai"],
                           "derived": [False, False], "hover": ["x", "y"], "color_topic": ["companies"] * 2,
                           "label": ["> 20 products", "≈ 4,000 companies"]})
    none = pd.DataFrame(columns=["start_year", "deadline_year", "target_value", "label", "jurisdiction_label", "hover"])
    fig = fit_for_phone(charts.metric_series(points, none, pd.DataFrame(columns=["year", "hover"]), {}, "Companies", "Count"))
    assert [n for t in fig.data if t.text is not None for n in t.text] == ["> 20 products", "≈ 4,000 companies"]
    assert fig.layout.margin.r == 10      # written inwards at the axis' end: no room taken from the plot for them
    # a label every year from 2019 to 2023 was turned sideways on a 360 px phone
    assert fig.layout.xaxis.dtick == 2
    assert fig.layout.xaxis.range is None or fig.layout.xaxis.range[0] >= 2018


def test_on_a_wider_page_a_long_title_wraps_in_even_lines_and_the_chart_grows_by_them():
    # on one line the toolbar covered the end of a title, and at 700 px the title ran off the edge
    title = "Conferences and editions over time, with their dates where stated"
    before = charts.timeline(_events(2), {}, title)
    wide = fit_for_wide(charts.timeline(_events(2), {}, title))
    lines = wide.layout.title.text.split("<br>")
    # two lines of about even length, not 60 characters and the orphan "stated"
    assert lines == ["Conferences and editions over time,", "with their dates where stated"]
    # 22 px for the title's second line, 16 for the axis title's ("Date (hollow marker: …" wraps too)
    assert wide.layout.margin.t - before.layout.margin.t == 22 and wide.layout.height - before.layout.height == 22 + 16
    assert wide.layout.title.yanchor == "top" and wide.layout.title.yref == "container"
    short = fit_for_wide(charts.timeline(_events(2), {}, "Six events"))
    assert short.layout.title.text == "Six events" and short.layout.height == before.layout.height + 16


def test_on_a_wider_page_row_labels_and_the_axis_title_wrap():
    # at 700 px one-line row labels of 60 characters left the plot 230 px, and its centred axis title
    # "Date (hollow marker: only the year is known, drawn mid-year)" ran 78 px past the edge
    frame = pd.DataFrame({"label": ["World Artificial Intelligence Conference 2nd (2019) in the West Bund · announced ahead"],
                          "topic": ["conferences"], "progress_ratio": [0.5], "progress_text": ["50%"],
                          "status_label": ["Not reached"], "hover": ["a"]})
    wide = fit_for_wide(charts.target_progress(frame, {}, 2030))
    label = wide.layout.yaxis.ticktext[0].split("<br>")
    assert label == ["World Artificial Intelligence Conference 2nd", "(2019) in the West Bund", "· announced ahead",
                     "<b>Not reached</b>"]
    assert all(len(line) <= WIDE_LABEL_CHARS for line in label)
    timeline = fit_for_wide(charts.timeline(_events(1), {}, "t"))
    axis_lines = timeline.layout.xaxis.title.text.split("<br>")
    assert len(axis_lines) == 2 and max(map(len, axis_lines)) <= WIDE_AXIS_TITLE_CHARS
    assert max(map(len, wide.layout.title.text.split("<br>"))) <= WIDE_TITLE_CHARS
