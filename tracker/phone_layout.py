"""Charts re-laid for a phone's screen.

A Plotly figure is laid out for one width, and Streamlit does not tell the server how wide the
reader's screen is. At a phone's ~360 px the desktop layout lost most of each chart: the legend at
the right took half the width, a title of 80 characters ran off the edge, and row labels of 60
characters were cut at the left. The browser does say it is a phone (its User-Agent), so a phone
gets the same figure with its text wrapped and its legend below the plot. The data, the hover
and the table are the same; only where the text goes changes.
"""
from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from tracker.formatting import shorten

TITLE_CHARS = 34        # a bold 17 px title across a phone's chart (~360 px)
AXIS_TITLE_CHARS = 26   # a 13 px axis title, centred under a plot that row labels push right
LEGEND_CHARS = 40       # a legend entry on a row of its own
NAME_CHARS = 14         # a name written beside a marker (the network's parties)
LABEL_CHARS = 22        # a row label column of about 140 px, leaving the rest to the bars
LABEL_LINES = 3         # per part of a row label (its name; its status): the rest is in the hover and the table
TITLE_TOP_PX = 24       # to the first line's baseline, as Plotly anchors a title of several lines
LINE_PX = 16            # a line of 13 px text
TITLE_LINE_PX = 22      # a line of the 17 px title
LEGEND_ROW_PX = 22
LEGEND_PX = 330         # the legend's width: a phone's chart is 330-400 px wide
AXIS_PX = 70            # ticks and title of the x axis, above a legend at the bottom


def is_phone(user_agent: str | None) -> bool:
    """What browsers put in the User-Agent of a phone ("Mobi", as MDN advises), not of a tablet."""
    return "Mobi" in (user_agent or "")


def wrap(text: str, width: int, max_lines: int | None = None) -> str:
    """Text wrapped at `width` characters with <br>, each <br>-separated part on its own lines and
    at most `max_lines` of them (the last one ending in "…" where text was left out). A part
    wholly in <b>…</b> stays bold on every line."""
    lines = []
    for part in text.split("<br>"):
        bold = part.startswith("<b>") and part.endswith("</b>")
        inner = part[3:-4] if bold else part
        wrapped = textwrap.wrap(inner, width, break_on_hyphens=False) or [""]
        if max_lines and len(wrapped) > max_lines:
            wrapped = wrapped[:max_lines]
            wrapped[-1] = wrapped[-1][:width - 1].rstrip() + "…"
        lines += [f"<b>{line}</b>" if bold else line for line in wrapped]
    return "<br>".join(lines)


def _categories(fig: go.Figure) -> list[str]:
    """The rows of a category y axis, in the axis's order where it has one."""
    order = fig.layout.yaxis.categoryarray
    if order:
        return list(order)
    rows = [y for trace in fig.data if trace.y is not None for y in trace.y if isinstance(y, str)]
    return list(dict.fromkeys(rows))


def _legend_names(fig: go.Figure) -> list[str]:
    """The names the legend shows: Plotly shows none for a lone trace unless told to."""
    if fig.layout.showlegend is False or (fig.layout.showlegend is None and len(fig.data) < 2):
        return []
    return [t.name for t in fig.data if t.name and t.showlegend is not False]


def _names_beside_markers(fig: go.Figure) -> dict:
    """Names written left or right of markers on a chart without an x axis (the network's)
    shortened, and the axis widened so that they fit: the markers keep the middle third of the
    width, the names a third on each side. Where the axes keep true distances (the cluster map,
    scaleanchor) a wider x axis would shrink the whole map to a strip: there the names are left to
    the hover and the table. Values written beside markers on a chart with axes stay as they are."""
    beside = [t for t in fig.data if "text" in (getattr(t, "mode", None) or "") and t.text is not None
              and any("left" in p or "right" in p for p in (
                  [t.textposition] if isinstance(t.textposition, str) else t.textposition or []))]
    if not beside:
        return {}
    if fig.layout.yaxis.scaleanchor:        # a map
        for t in beside:
            t.mode = t.mode.replace("+text", "")
        return {}
    if fig.layout.xaxis.visible is not False:
        return {}
    for t in beside:
        t.text = [shorten(name, NAME_CHARS) for name in t.text]
    xs = [x for t in fig.data if t.x is not None for x in t.x if x is not None]
    low, high = min(xs), max(xs)
    return {"xaxis_range": [low - (high - low), high + (high - low)]}


def fit_for_phone(fig: go.Figure) -> go.Figure:
    """The figure with its title, x-axis title and row labels wrapped, names beside markers fitted
    (_names_beside_markers) and a legend at the right moved below the plot, an entry a row; taller
    by what the wrapping and the legend take."""
    layout = fig.layout
    height = layout.height or 450
    margin = {"t": layout.margin.t, "b": layout.margin.b}

    title = wrap(layout.title.text or "", TITLE_CHARS)
    extra_title = TITLE_LINE_PX * title.count("<br>")
    margin["t"] += extra_title
    height += extra_title
    changes = {}
    x_title = layout.xaxis.title.text
    if x_title:
        wrapped = wrap(x_title, AXIS_TITLE_CHARS)
        changes["xaxis_title_text"] = wrapped
        margin["b"] += LINE_PX * wrapped.count("<br>")
        height += LINE_PX * wrapped.count("<br>")

    changes.update(_names_beside_markers(fig))

    rows = _categories(fig)
    if rows:
        labels = [wrap(row, LABEL_CHARS, LABEL_LINES) for row in rows]
        lines = max(label.count("<br>") + 1 for label in labels)
        changes["yaxis"] = {"tickmode": "array", "tickvals": rows, "ticktext": labels}
        # each row as tall as its label; the plot area is what is left of the height
        plot = height - margin["t"] - margin["b"] - 60
        height += max(0, len(rows) * (lines * LINE_PX + 8) - plot)

    entries = _legend_names(fig) if (layout.legend.x or 0) >= 1 else []   # only a legend at the right moves
    if entries:
        for trace in fig.data:
            if trace.name:
                trace.name = wrap(trace.name, LEGEND_CHARS)
        lines = sum(name.count("<br>") + 1 for name in _legend_names(fig)) + bool(layout.legend.title.text)
        legend_px = lines * LEGEND_ROW_PX + 10
        changes["legend"] = {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom",
                             "xref": "container", "x": 0, "xanchor": "left",
                             # an entry a row; in pixels, as a "fraction" is of the plot's width, which row labels narrow
                             "entrywidthmode": "pixels", "entrywidth": LEGEND_PX}
        margin["b"] += legend_px + AXIS_PX - layout.margin.b
        height += legend_px + AXIS_PX - layout.margin.b

    # the title a few pixels from the top edge: where Plotly puts it by itself, in the middle of the
    # top margin, the first of its lines was cut off
    changes["title"] = {"text": title, "yref": "container", "y": 1 - TITLE_TOP_PX / height, "yanchor": "top"}
    fig.update_layout(height=height, margin=margin, **changes)
    return fig
