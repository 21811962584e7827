"""Charts: pure functions from a DataFrame to a Plotly Figure, with no Streamlit in them.

Every chart has a title that says what it shows, units on its axes and hover text with the
record's statement and source. Traces are scatter / bar (SVG, never WebGL: a page may hold
several charts and browsers allow few WebGL contexts). Colours come from the topic vocabulary so a
topic has one colour on every chart.

Each figure is written as plain dicts and wrapped in go.Figure once, unvalidated (see _figure):
Plotly's add_trace/update_* calls re-validate the figure at every step and cost three times as
much, paid on every filter change.
"""
from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from tracker.formatting import shorten, source_noun
from tracker.limits import MAP_LABELS, POINT_LABELS

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"  # local fonts only: nothing from a CDN


def _hover(texts) -> list[str]:
    return [t.replace("\n", "<br>") for t in texts]


def _axis(title: str | None, **extra) -> dict:
    return {"title": {"text": title}, "showgrid": True, "gridcolor": "#eeeeee", "zeroline": False, "automargin": True,
            **extra}


YEAR_EDGE = pd.Timedelta(days=45)


def _year_axis(years) -> dict:
    """A year axis labelled every year over up to 10 years, then every 2 or 5: a label a year over
    25 years turned the labels sideways, and Plotly measured each one twice to decide that (about
    40 ms of each redraw in the browser)."""
    years = list(years)
    span = max(years) - min(years) if years else 0
    return {"dtick": 1 if span <= 10 else 2 if span <= 20 else 5, "tickformat": "d"}


def _date_axis(*dates: pd.Series) -> dict:
    """A time axis over the whole years of its dates, a little past their edges. Plotly's own range
    starts at the first marker: events of 2018, drawn mid-year, left the axis without a 2018 label;
    and one date, or a few days apart, zoomed in to hours and milliseconds ("23:59:59.999 Dec 30")."""
    when = pd.to_datetime(pd.concat([pd.Series(list(d)) for d in dates]).dropna())
    if when.empty:
        return {"type": "date"}
    start, end = pd.Timestamp(when.min().year, 1, 1), pd.Timestamp(when.max().year + 1, 1, 1)
    return {"type": "date", "range": [(start - YEAR_EDGE).isoformat(), (end + YEAR_EDGE).isoformat()]}


# legend at the right: below the plot it covers the x-axis title, above it the chart's title
LEGEND = {"orientation": "v", "yanchor": "top", "y": 1, "xanchor": "left", "x": 1.01}
LEGEND_KEY = "legend key"


def _legend_key(name: str, color: str, mode: str = "markers", symbol: str = "circle") -> dict:
    """A legend entry that draws nothing, for traces whose markers differ point by point (filled or
    hollow): Plotly draws a legend item like the trace's first point, so one topic would look filled
    and the next hollow although fill means something else. The data trace it stands for shares its
    legendgroup (clicking the entry hides both) and has showlegend off. Tagged in `meta` so that
    whoever counts a chart's points can leave it out."""
    return {"type": "scatter", "x": [None], "y": [None], "mode": mode, "name": name, "legendgroup": name,
            "meta": LEGEND_KEY, "hoverinfo": "skip", "line": {"color": color, "width": 2},
            "marker": {"symbol": symbol, "size": 12, "color": color}}


def data_traces(traces: list[dict]) -> list[dict]:
    """The traces that draw data: all but the legend keys."""
    return [t for t in traces if t.get("meta") != LEGEND_KEY]


# Pixels kept right of the plot for a value written past a bar's end ("> 275.6%", "$707 m"): room
# in data units (a wider axis) shrinks with the screen, and on a tablet "$707 m" was cut to "$707"
# under an axis of billions.
LABEL_ROOM = 80


def _figure(traces: list[dict], title: str, x_title: str | None, y_title: str | None, height: int = 420, *,
            xaxis: dict | None = None, yaxis: dict | None = None, right: int = 10, **layout) -> go.Figure:
    """The figure with the layout every chart shares; xaxis/yaxis add to the shared axis style;
    right is the margin right of the plot (LABEL_ROOM where values are written past bars).

    Not validated here: Plotly's property checks were a third of a chart's cost on every rerun
    (~16 ms for a 13-trace series). The tests validate every figure each page draws instead
    (tests/plotly_checks.py, valid_figures, used by the page tests)."""
    return go.Figure(_validate=False, data=traces, layout={
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 17}},
        "font": {"family": FONT, "size": 13},
        "height": height,
        "margin": {"l": 10, "r": right, "t": 60, "b": 10},
        "hoverlabel": {"align": "left"},
        "legend": LEGEND,
        "plot_bgcolor": "white",
        "xaxis": _axis(x_title, **(xaxis or {})),
        "yaxis": _axis(y_title, **(yaxis or {})),
        **layout,
    })


def target_progress(df: pd.DataFrame, colors: dict[str, str], as_of: int) -> go.Figure:
    """Horizontal bars: each quantitative target's latest comparable figure dated `as_of` or
    earlier as a share of the target.

    Expects label, topic, progress_ratio, progress_text, status_label, hover, in the order to draw
    from the top."""
    df = df.assign(row=[f"{lab}<br><b>{s}</b>" for lab, s in zip(df["label"], df["status_label"])])
    traces = [{
        "type": "bar", "x": part["progress_ratio"] * 100, "y": part["row"],
        "orientation": "h", "name": topic, "marker": {"color": colors.get(topic, "#888888")},
        "text": part["progress_text"],
        # level text: where a label does not fit inside a bar, Plotly would turn it sideways
        "textposition": "auto", "insidetextanchor": "end", "textangle": 0, "cliponaxis": False,
        # a halo the page's colour: a label past a bar's end that the 100 % line runs through stays readable
        "outsidetextfont": {"shadow": "auto"},
        "hovertext": _hover(part["hover"]), "hoverinfo": "text", "showlegend": False,
    } for topic, part in df.groupby("topic", sort=False)]
    top = max(130.0, float((df["progress_ratio"] * 100).max()) * 1.6) if len(df) else 110.0
    return _figure(
        traces, f"Progress of quantitative targets: latest comparable figure dated up to {as_of}, as % of the target",
        "Latest figure as % of target (derived)", None, height=max(260, 110 + 50 * len(df)), right=LABEL_ROOM,
        xaxis={"range": [0, top], "ticksuffix": "%"},
        # rows in the frame's order from the top (Plotly starts a category axis at the bottom); fixed
        # across traces, since each topic is its own trace
        yaxis={"categoryorder": "array", "categoryarray": list(df["row"]), "autorange": "reversed"},
        # the 100 % line sits under the bar labels, which stay readable
        shapes=[{"type": "line", "xref": "x", "yref": "paper", "x0": 100, "x1": 100, "y0": 0, "y1": 1,
                 "line": {"dash": "dash", "color": "#333333"}, "layer": "below"}],
        annotations=[{"xref": "x", "yref": "paper", "x": 100, "y": 1, "text": "target (100%)", "showarrow": False,
                      "xanchor": "center", "yanchor": "bottom"}])


def _dodged(rows: pd.Series, dates: pd.Series, near: float = 1 / 40) -> tuple[list[float], list[str], int]:
    """Rows as numbers, the first name (alphabetically) at the top, with the markers that would cover
    one another spread vertically around their row. A "spot" is the markers of one row less than
    `near` of the time span after the spot's first one (about a marker's width on a chart 600 px
    wide; several events known only to their year all sit on January 1). Markers of a spot are a
    quarter of a row apart, closer where more must fit in 0.7 of a row, so no two share a position.
    Returns each marker's y, the row names from the top, and the most markers in one spot."""
    names = sorted(rows.unique())
    top = len(names) - 1
    when = pd.to_datetime(pd.Series(dates.to_numpy()))
    gap = (when.max() - when.min()) * near if len(when) else pd.Timedelta(0)
    spot = pd.DataFrame({"row": rows.to_numpy(), "when": when}).sort_values(["row", "when"], kind="stable")
    ids, spot_row, spot_start = [], None, None
    for row, t in zip(spot["row"], spot["when"]):
        if row != spot_row or t - spot_start > gap:     # from the spot's first marker, so spots do not chain
            spot_row, spot_start = row, t
            ids.append(len(ids))
        else:
            ids.append(ids[-1])
    spot["spot"] = ids
    rank = spot.groupby("spot").cumcount()
    size = spot.groupby("spot")["spot"].transform("size")
    step = (0.7 / (size - 1).clip(lower=1)).clip(upper=0.25)       # each spot its own step
    offset = ((rank - (size - 1) / 2) * step).sort_index().to_numpy()     # back in the input's order
    base = rows.map({name: top - i for i, name in enumerate(names)}).to_numpy(dtype=float)
    return list(base + offset), names, int(size.max()) if len(size) else 1


YEAR_ONLY_AXIS = "Date (hollow marker: only the year is known, drawn mid-year)"


def _drawn_dates(dates: pd.Series, precision: pd.Series) -> pd.Series:
    """Where a date is drawn: a date known only to its year at July 1, in the middle of its year.
    Stored on January 1 (December 31 for a deadline "by" that year), it sat on a year's edge, and a
    deadline "by 2020" on the 2021 gridline."""
    when = pd.to_datetime(dates).to_numpy(dtype="datetime64[ns]")
    july = (when.astype("datetime64[Y]").astype("datetime64[M]") + np.timedelta64(6, "M")).astype("datetime64[ns]")
    return pd.Series(np.where((precision == "year").to_numpy(), july, when), index=dates.index)


def timeline(df: pd.DataFrame, colors: dict[str, str], title: str) -> go.Figure:
    """Dated events on one time axis, a row per event type. Events known only to the year are
    hollow markers in the middle of their year (_drawn_dates); events in one row close enough to
    cover one another are spread apart vertically within the row (see _dodged).

    Expects date, event_type, topic, topic_label, date_precision, hover."""
    df = df.assign(date=_drawn_dates(df["date"], df["date_precision"]))
    y, names, most = _dodged(df["event_type"], df["date"])
    df = df.assign(y=y)
    traces, keys = [], []
    for topic, part in df.groupby("topic", sort=False):
        name, color = part["topic_label"].iloc[0], colors.get(topic, "#888888")
        traces.append({
            "type": "scatter", "x": part["date"], "y": part["y"], "mode": "markers", "name": name,
            "legendgroup": name, "showlegend": False,
            "marker": {"color": color, "size": 13, "line": {"width": 2, "color": color},
                       "symbol": ["circle" if p == "day" or p == "month" else "circle-open" for p in part["date_precision"]]},
            "hovertext": _hover(part["hover"]), "hoverinfo": "text"})
        keys.append(_legend_key(name, color, symbol="square"))   # a swatch: colour is the topic, fill the precision
    row_px = max(38, 14 * min(most, 12))   # rows grow with the markers they must hold apart
    return _figure(traces + keys, title, YEAR_ONLY_AXIS, None,
                   height=max(320, 140 + row_px * len(names)), xaxis=_date_axis(df["date"]),
                   legend={**LEGEND, "title": {"text": "Topic"}},
                   yaxis={"tickvals": list(range(len(names) - 1, -1, -1)), "ticktext": names,
                          "range": [-0.6, len(names) - 0.4], "zeroline": False})


def timeline_counts(df: pd.DataFrame, title: str) -> go.Figure:
    """Dated events counted per year and event type, for when they are too many to draw one by one:
    a bubble per year and type, its area proportional to the count. Expects year, event_type, events, hover."""
    size = 40 * (df["events"] / max(float(df["events"].max()), 1.0)) ** 0.5 + 6
    trace = {"type": "scatter", "x": df["year"], "y": df["event_type"], "mode": "markers", "name": "events",
             "marker": {"size": size, "color": "#0072B2", "opacity": 0.7, "line": {"width": 1, "color": "#0072B2"}},
             "hovertext": _hover(df["hover"]), "hoverinfo": "text", "showlegend": False}
    return _figure([trace], title, "Year (bubble area: number of events)", None,
                   height=max(320, 140 + 38 * df["event_type"].nunique()),
                   xaxis=_year_axis(df["year"]), yaxis={"categoryorder": "category descending"})


def _label_sides(years: pd.Series, values: pd.Series, first: int, last: int) -> list[str]:
    """Where each figure of a line is written: below a point its line rises from on both sides
    (above it, the label sat on the line and on a target's dashes just above the first figure),
    above any other; at either end of the axis inwards, so the plot's edge does not cut it.
    years and values in the line's order."""
    v = list(values)
    sides = []
    for i, year in enumerate(years):
        neighbours = [v[j] for j in (i - 1, i + 1) if 0 <= j < len(v)]
        vertical = "bottom" if neighbours and all(n > v[i] for n in neighbours) else "top"
        sides.append(f"{vertical} {'left' if year == last else 'right' if year == first else 'center'}")
    return sides


def metric_series(points: pd.DataFrame, targets: pd.DataFrame, events: pd.DataFrame, colors: dict[str, str],
                  title: str, y_title: str, y_scale: float = 1.0, yaxis: dict | None = None) -> go.Figure:
    """One metric over time, a line per jurisdiction (or per company, where the figure is a
    company's). Derived values (converted currency) are hollow markers; targets are dashed lines
    ending at their deadline; years with dated events are marked on the x axis (the hover says
    what happened) and by dotted lines.

    points: year, value, series_label, derived, hover, color_topic, label (the figure with its
    qualifier, written beside its marker when the chart has at most POINT_LABELS points)
    targets: start_year, deadline_year, target_value, label, jurisdiction_label, hover
    events: year, hover
    y_scale divides every value (1e9 draws money in billions); yaxis adds to the y axis (e.g. a % format)."""
    years = [*points["year"], *targets["start_year"], *targets["deadline_year"], *events["year"]]
    first, last = min(years, default=0), max(years, default=0)
    traces = []
    labelled = len(points) <= POINT_LABELS
    for place, part in points.groupby("series_label", sort=False):
        part = part.sort_values("year")
        color = colors.get(part["color_topic"].iloc[0], "#0072B2") if place == points["series_label"].iloc[0] else "#7F7F7F"
        traces.append({
            "type": "scatter", "x": part["year"], "y": part["value"] / y_scale, "name": place,
            **({"mode": "lines+markers+text", "text": part["label"],
                "textposition": _label_sides(part["year"], part["value"], first, last),
                "textfont": {"color": color}, "cliponaxis": False} if labelled else {"mode": "lines+markers"}),
            "legendgroup": place, "showlegend": False, "line": {"color": color, "width": 2},
            "marker": {"size": 12, "color": color, "symbol": ["circle-open" if d else "circle" for d in part["derived"]],
                       "line": {"width": 2, "color": color}},
            "hovertext": _hover(part["hover"]), "hoverinfo": "text",
        })
        traces.append(_legend_key(place, color, mode="lines+markers"))   # filled: hollow means derived
    for row in targets.itertuples():
        traces.append({
            "type": "scatter", "x": [row.start_year, row.deadline_year], "y": [row.target_value / y_scale] * 2,
            "mode": "lines+markers+text", "name": f"Target: {row.label}", "line": {"dash": "dash", "color": "#D55E00", "width": 2},
            "marker": {"symbol": ["line-ns", "star"], "size": [1, 14], "color": "#D55E00"},
            # named on the chart: China's and Shanghai's targets share the target colour. Written towards
            # the middle of the axis from the star, so that neither end of the axis cuts it off.
            "text": ["", f"{row.jurisdiction_label}: target {row.deadline_year}"],
            "textposition": "top left" if row.deadline_year - first > (last - first) / 2 else "top right",
            "hovertext": _hover([row.hover, row.hover]), "hoverinfo": "text",
        })
    if len(events):
        # A marker on the x axis per year with events (at the bottom of a set range: a rank axis runs
        # downwards from the first); the hover says what they were.
        bottom = (yaxis or {}).get("range", [0])[0]
        traces.append({
            "type": "scatter", "x": events["year"], "y": [bottom] * len(events), "mode": "markers", "cliponaxis": False,
            "name": "Year with events (hover)", "marker": {"symbol": "triangle-up", "size": 12, "color": "#777777"},
            "hovertext": events["hover"], "hoverinfo": "text",
        })
    return _figure(
        traces, title, "Year", y_title, height=460,
        xaxis=_year_axis(years),
        yaxis={"rangemode": "tozero", **(yaxis or {})},
        shapes=[{"type": "line", "xref": "x", "yref": "paper", "x0": y, "x1": y, "y0": 0, "y1": 1,
                 "line": {"dash": "dot", "color": "#999999", "width": 1}, "layer": "below"} for y in events["year"]])


def reported_conversions(df: pd.DataFrame, title: str) -> go.Figure:
    """Dot plot: the dollar figures different sources give for one yuan amount, beside the
    project's own derived conversion, one row each so close figures stay readable.
    Expects label, value_bn, text (the amount as written), kind ('reported (preferred)'/'reported'/'derived by this
    project'), source_id, hover."""
    styles = {"reported (preferred)": ("#0072B2", "circle"), "reported": ("#56B4E9", "circle"),
              "derived by this project": ("#E69F00", "diamond-open")}
    traces = []
    for kind, (color, symbol) in styles.items():
        part = df[df["kind"] == kind]
        if part.empty:
            continue
        traces.append({
            "type": "scatter", "x": part["value_bn"], "name": kind, "mode": "markers+text",
            "y": [f"{lab} · {s if isinstance(s, str) else 'this project'}" for lab, s in zip(part["label"], part["source_id"])],
            "marker": {"size": 14, "color": color, "symbol": symbol, "line": {"width": 2, "color": color}},
            "text": part["text"], "textposition": "middle right", "cliponaxis": False,   # into LABEL_ROOM
            "hovertext": _hover(part["hover"]), "hoverinfo": "text",
        })
    return _figure(traces, title, "US dollars (billions)", None, height=max(260, 120 + 34 * len(df)), right=LABEL_ROOM,
                   yaxis={"categoryorder": "category descending"},
                   xaxis={"tickprefix": "$", "ticksuffix": " bn", "range": [0, float(df["value_bn"].max()) * 1.4 if len(df) else 1]})   # room for "$71.75 bn" right of the last


def _circle_layout(names: list[str]) -> dict[str, tuple[float, float]]:
    """Names on a circle, the first at the top; the page is wide, so the circle is drawn as an ellipse."""
    n = max(len(names), 1)
    return {name: (math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n)) for i, name in enumerate(names)}


def _circle_order(degree: dict[str, int], pairs) -> list[str]:
    """The order of the parties around the circle: the most connected first, and after each party
    the ones it is linked to (depth first, most connected first), so that a person sits beside their
    organisation and the lines stay short instead of crossing the circle."""
    linked: dict[str, set[str]] = {name: set() for name in degree}
    for a, b in pairs:
        linked[a].add(b)
        linked[b].add(a)
    rank = sorted(degree, key=lambda n: (-degree[n], n))
    order, seen = [], set()
    for start in rank:                        # each group of linked parties in turn
        stack = [start]
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            order.append(name)
            # pushed least connected first: popped most connected first (ties by name)
            stack += sorted(linked[name] - seen, key=lambda n: (-degree[n], n), reverse=True)
    return order


NETWORK_NAME_CHARS = 28   # a name beside the network's marker; 36 ran 40 px off a chart of 700 px at the left


def network(nodes: pd.DataFrame, edges: pd.DataFrame, title: str) -> go.Figure:
    """Who works with whom: organisations and people on a circle (_circle_order), with a line per
    pair of parties. nodes: name, node_type ('organization'/'person'/'place or event'), degree, hover.
    edges: source, target, relation, hover."""
    # One line per pair of parties: two relations between the same two (a meeting and a proposed
    # collaboration) would be drawn on top of each other, and only one of them could be hovered.
    pairs: dict[tuple[str, str], list[str]] = {}
    for s, t, hover in zip(edges["source"], edges["target"], edges["hover"]):
        pairs.setdefault(tuple(sorted((s, t))), []).append(hover)
    pos = _circle_layout(_circle_order(dict(zip(nodes["name"], nodes["degree"])), pairs))
    xs, ys = [], []
    for s, t in pairs:
        (x0, y0), (x1, y1) = pos[s], pos[t]
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    traces = [
        {"type": "scatter", "x": xs, "y": ys, "mode": "lines", "line": {"color": "#BBBBBB", "width": 1.5},
         "hoverinfo": "skip", "showlegend": False},
        # a marker at each line's midpoint carries the hover text of every relation of the pair
        {"type": "scatter", "x": [(pos[s][0] + pos[t][0]) / 2 for s, t in pairs],
         "y": [(pos[s][1] + pos[t][1]) / 2 for s, t in pairs],
         "mode": "markers", "marker": {"size": 7, "color": "#BBBBBB", "symbol": "diamond"}, "name": "relation",
         "hovertext": _hover("\n\n".join(hovers) for hovers in pairs.values()), "hoverinfo": "text", "showlegend": False},
    ]
    styles = {"organization": ("#0072B2", "square"), "person": ("#E69F00", "circle"), "place or event": ("#009E73", "diamond")}
    for node_type, (color, symbol) in styles.items():
        part = nodes[nodes["node_type"] == node_type]
        if part.empty:
            continue
        traces.append({
            "type": "scatter", "x": [pos[n][0] for n in part["name"]], "y": [pos[n][1] for n in part["name"]],
            "mode": "markers+text", "name": node_type, "text": [shorten(n, NETWORK_NAME_CHARS) for n in part["name"]], "textfont": {"size": 12},
            "cliponaxis": False,
            # outwards from the circle: beside a node on either side, above the top one, below the bottom one
            "textposition": ["middle right" if pos[n][0] > 0.05 else "middle left" if pos[n][0] < -0.05
                             else "top center" if pos[n][1] > 0 else "bottom center" for n in part["name"]],
            "marker": {"size": 10 + 4 * part["degree"].clip(upper=6), "color": color, "symbol": symbol},
            "hovertext": _hover(part["hover"]), "hoverinfo": "text"})
    # the legend sits in the empty corner of the circle, leaving the width to the names
    return _figure(traces, title, None, None, height=620,
                   xaxis={"visible": False, "range": [-2.4, 2.4]}, yaxis={"visible": False, "range": [-1.2, 1.25]},   # room for a name of NETWORK_NAME_CHARS
                   legend={"x": 0, "y": 1, "xanchor": "left", "yanchor": "top", "bgcolor": "rgba(255,255,255,0.8)"})


MAP_NAME_CHARS = 32   # a name on the map; a longer one ("China's first pilot zone for the…") ran off a tablet's chart


def _away_from_nearest(x: pd.Series, y: pd.Series) -> list[str]:
    """For each marker, the side of it its label goes: away from its nearest neighbour (left or
    right when the neighbour is mostly beside it, above or below when mostly above or below), so
    that a name does not run over the next marker and read as its name. Pairwise: for the few
    markers a map names (MAP_LABELS). Never outwards from the map's east- or westmost marker: the
    axis's padding is a share of the plot's width, and in a window of 1160 px "Lingang New Area"
    ran 35 px past the right edge; such a label goes above its marker instead."""
    xs, ys = x.to_numpy(dtype=float), y.to_numpy(dtype=float)
    sides = []
    for i in range(len(xs)):
        distance = (xs - xs[i]) ** 2 + (ys - ys[i]) ** 2
        distance[i] = np.inf                  # a lone marker is its own "nearest": its label goes right
        j = int(np.argmin(distance))
        dx, dy = xs[j] - xs[i], ys[j] - ys[i]
        if abs(dx) >= abs(dy):
            side = "middle left" if dx > 0 else "middle right"
            outwards = (side == "middle right" and xs[i] == xs.max()) or (side == "middle left" and xs[i] == xs.min())
            sides.append("top center" if outwards and len(xs) > 1 else side)
        else:
            sides.append("bottom center" if dy > 0 else "top center")
    return sides


def cluster_map(df: pd.DataFrame, color: str) -> go.Figure:
    """A schematic map: longitude and latitude on equal-distance axes, no base map, so the markers
    show with no tile server or network. Expects name, latitude, longitude, hover."""
    labelled = len(df) <= MAP_LABELS     # past that, names stay in the hover
    trace = {
        "type": "scatter", "x": df["longitude"], "y": df["latitude"], "mode": "markers+text" if labelled else "markers",
        # short names on the map (the hover has each whole), written away from the nearest marker
        "name": "clusters", "text": [shorten(n, MAP_NAME_CHARS) for n in df["name"]],
        "textposition": _away_from_nearest(df["longitude"], df["latitude"]) if labelled else "top center",
        "marker": {"size": 18 if labelled else 9, "color": color, "line": {"width": 2 if labelled else 1, "color": "white"}},
        "hovertext": _hover(df["hover"]), "hoverinfo": "text"}
    mid_lat = float(df["latitude"].mean()) if len(df) else 31.2
    pad = 0.08
    return _figure(
        [trace], "AI clusters and zones in Shanghai (approximate positions, schematic map without base tiles)",
        "Longitude (°E)", "Latitude (°N)", height=560,
        xaxis={"range": [df["longitude"].min() - pad, df["longitude"].max() + pad] if len(df) else None},
        # one degree of longitude is cos(latitude) degrees of latitude long: keep distances true
        yaxis={"scaleanchor": "x", "scaleratio": 1 / math.cos(math.radians(mid_lat)),
               "range": [df["latitude"].min() - pad, df["latitude"].max() + pad] if len(df) else None})


def amounts_bar(df: pd.DataFrame, colors: dict[str, str], title: str, x_title: str) -> go.Figure:
    """Horizontal bars of amounts in one currency. Derived amounts are hatched.
    Expects label, amount, topic, derived, text, hover."""
    trace = {"type": "bar", "x": df["amount"], "y": df["label"], "orientation": "h", "text": df["text"],
             "textposition": "outside", "cliponaxis": False,
             "marker": {"color": [colors.get(t, "#888888") for t in df["topic"]],
                        "pattern": {"shape": ["/" if d else "" for d in df["derived"]]}},
             "hovertext": _hover(df["hover"]), "hoverinfo": "text"}
    return _figure([trace], title, x_title, None, height=max(240, 130 + 60 * len(df)), right=LABEL_ROOM,
                   xaxis={"range": [0, float(df["amount"].max()) * 1.35] if len(df) else None})


def event_ranges(df: pd.DataFrame, colors: dict[str, str], title: str) -> go.Figure:
    """Conferences on a time axis: a bar from start to end where both are known, a marker
    otherwise (hollow when only the year is known). One trace per topic, the events of a topic
    separated by gaps, so the cost grows with topics, not events; a year-only date is drawn mid-year.
    Expects label, start, end, date_precision, topic, hover."""
    df = df.assign(start=_drawn_dates(df["start"], df["date_precision"]), end=_drawn_dates(df["end"], df["date_precision"]))
    traces = []
    for topic, part in df.groupby("topic", sort=False):
        color = colors.get(topic, "#D55E00")
        xs, ys, symbols, hovers = [], [], [], []
        for row in part.itertuples():
            has_range = not pd.isna(row.end) and row.end != row.start
            points = [row.start, row.end] if has_range else [row.start]
            xs += points + [None]
            ys += [row.label] * len(points) + [None]
            symbols += ["circle-open" if row.date_precision == "year" else "circle"] * len(points) + ["circle"]
            hovers += [row.hover] * len(points) + [""]
        traces.append({
            "type": "scatter", "x": xs, "y": ys, "mode": "lines+markers", "connectgaps": False,
            "line": {"color": color, "width": 8},
            "marker": {"size": 12, "color": color, "symbol": symbols, "line": {"width": 2, "color": color}},
            "hovertext": _hover(hovers), "hoverinfo": "text", "showlegend": False})
    return _figure(traces, title, YEAR_ONLY_AXIS, None, height=max(280, 120 + 45 * len(df)),
                   xaxis=_date_axis(df["start"], df["end"]), yaxis={"categoryorder": "array", "categoryarray": list(dict.fromkeys(df["label"]))[::-1]})


def point_hover(statement: str, value_text: str | None, when: str, claim: str, sources: str | None, extra: str = "",
                note=None) -> str:
    """The hover text every record gets: what, how much, when, what kind of claim, from where; and
    the curator's note where there is one (it says how a date the source does not print was inferred),
    wrapped so that the hover stays narrow."""
    lines = [f"<b>{shorten(statement, 90)}</b>"]
    if value_text:
        lines.append(value_text)
    lines.append(f"When: {when}")
    lines.append(f"Claim: {claim}")
    if extra:
        lines.append(extra)
    if isinstance(note, str) and note:
        lines += textwrap.wrap(f"Note: {note}", 80)
    lines.append(f"{source_noun(sources).capitalize()}: {sources}" if sources else "Source: —")
    return "\n".join(lines)


