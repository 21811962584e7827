"""Charts re-laid for a narrow page: a phone's screen, or a window too narrow for the desktop layout.

A Plotly figure is laid out for one width. At a phone's ~360 px the desktop layout lost most of
each chart: the legend at the right took half the width, a title of 80 characters ran off the edge,
and row labels of 60 characters were cut at the left. A narrow page (tracker/screen_width.py says
which) gets the same figure with its text wrapped and its legend below the plot. The data, the table
and every word of the hover are the same; only where text goes changes. Two charts name things
beside their markers, with no room for that on a phone: the network shortens the names (the hover
has them whole), the map numbers its markers and names them in a key. A row label too long for
its lines keeps its end, the jurisdiction and deadline "(Shanghai, by 2020)" or the status
"· announced ahead", and gives up words of its start instead.

A wider page (fit_for_wide) keeps the desktop layout with its title, x-axis title and row labels
wrapped to what its narrowest chart, 700 px, holds, so that they neither run off the edge nor
under Plotly's toolbar.
"""
from __future__ import annotations

import re
import textwrap

import plotly.graph_objects as go

from tracker.formatting import shorten

TITLE_CHARS = 34        # a bold 17 px title across a phone's chart (~360 px)
AXIS_TITLE_CHARS = 26   # a 13 px axis title, centred under a plot that row labels push right
LEGEND_CHARS = 40       # a legend entry on a row of its own
NAME_CHARS = 14         # a name written beside a marker (the network's parties)
LABEL_CHARS = 21        # a row label column of about 135 px, leaving the rest to the bars
LABEL_LINES = 4         # per part of a row label (its name; its status): the rest is in the hover and the table
HOVER_CHARS = 42        # a hover line: a wider hover box than the chart loses the start of its lines
MODEBAR_PX = 28         # above the title: on a touch screen Plotly's toolbar is always shown, over the title
TITLE_TOP_PX = 24 + MODEBAR_PX   # to the first line's baseline, as Plotly anchors a title of several lines
CHAR_PX = 7             # a character of 13 px text, to size the room right of the bars for their values
X_TICKS = 4             # at most, on an x axis that picks its own ticks: more were turned sideways
YEAR_STEPS = {1: 2, 2: 5, 5: 10}   # a year axis's tick step on a phone: 2018-2030 every 2 years was turned sideways
VALUE_CHARS = 10        # a value past a bar, wrapped: "¥5.006 bn (derived)" on one line left the bar 45 px
LINE_PX = 16            # a line of 13 px text
TITLE_LINE_PX = 22      # a line of the 17 px title
LEGEND_ROW_PX = 22
LEGEND_PX = 330         # the legend's width: a phone's chart is 330-400 px wide
AXIS_PX = 70            # ticks and title of the x axis (where it has one), above a legend or key at the bottom


def is_phone(user_agent: str | None) -> bool:
    """What browsers put in the User-Agent of a phone ("Mobi", as MDN advises), not of most tablets:
    the guess of tracker/screen_width.py until the browser has measured the page. An iPad that
    says "Mobile" is guessed narrow too: upright, with the sidebar open, its charts are ~490 px wide."""
    return "Mobi" in (user_agent or "")


def wrap(text: str, width: int, max_lines: int | None = None) -> str:
    """Text wrapped at `width` characters with <br>, each <br>-separated part on its own lines and
    at most `max_lines` of them (_fit). A part wholly in <b>…</b> stays bold on every line."""
    lines = []
    for part in text.split("<br>"):
        bold = part.startswith("<b>") and part.endswith("</b>")
        inner = part[3:-4] if bold else part
        lines += [f"<b>{line}</b>" if bold else line for line in _fit(inner, width, max_lines)]
    return "<br>".join(lines)


# the end of a label that says what it is: "(Shanghai, by 2020)", "· announced ahead", "· S004"
_TAIL = re.compile(r"\s(\([^()]*\)|·\s[^·]*)$")


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def _fit(text: str, width: int, max_lines: int | None) -> list[str]:
    """The text's lines. A row label (max_lines given) puts its tail (_TAIL) on lines of its own and
    keeps it whole; where the label is too long, words of its start give way ("…")."""
    tail = _TAIL.search(text) if max_lines else None
    head_text, tail_lines = (text[:tail.start()], _lines(tail.group(1), width)) if tail else (text, [])
    if max_lines and len(tail_lines) >= max_lines:     # a tail as long as the label: cut it like the rest
        head_text, tail_lines = text, []
    head = _lines(head_text, width)
    if max_lines and len(head) > max_lines - len(tail_lines):
        head = head[:max_lines - len(tail_lines)]
        head[-1] = head[-1][:width - 1].rstrip(" …") + "…"
    return head + tail_lines


def _categories(fig: go.Figure) -> list[str]:
    """The rows of a category y axis, in the axis's order where it has one."""
    order = fig.layout.yaxis.categoryarray
    if order:
        return list(order)
    rows = [y for trace in fig.data if trace.y is not None for y in trace.y if isinstance(y, str)]
    return list(dict.fromkeys(rows))


def _wrapped_rows(fig: go.Figure, chars: int, height: int, margin: dict) -> tuple[dict, int]:
    """The y axis with its row labels wrapped at `chars` (at most LABEL_LINES a part), and how much
    taller the figure must be for each row to be as tall as its label; ({}, 0) with no rows."""
    rows = _categories(fig)
    if not rows:
        return {}, 0
    labels = [wrap(row, chars, LABEL_LINES) for row in rows]
    lines = max(label.count("<br>") + 1 for label in labels)
    plot = height - margin["t"] - margin["b"] - 60     # the plot area is what is left of the height
    return {"tickmode": "array", "tickvals": rows, "ticktext": labels}, max(0, len(rows) * (lines * LINE_PX + 8) - plot)


def _legend_names(fig: go.Figure) -> list[str]:
    """The names the legend shows: Plotly shows none for a lone trace unless told to."""
    if fig.layout.showlegend is False or (fig.layout.showlegend is None and len(fig.data) < 2):
        return []
    return [t.name for t in fig.data if t.name and t.showlegend is not False]


def _positions(trace) -> list[str]:
    position = getattr(trace, "textposition", None)
    return [position] if isinstance(position, str) else list(position or [])


def _names_beside(fig: go.Figure) -> list:
    """The traces that write text beside their markers: the network's names, the map's (on either
    side, or above a marker at the map's edge), a series' figures (which fit_for_phone leaves)."""
    return [t for t in fig.data if "markers" in (getattr(t, "mode", None) or "") and "text" in t.mode and t.text is not None]


def _shortened_names(fig: go.Figure, traces) -> list[float]:
    """On a chart without an x axis (the network), names shortened and the x range that fits them:
    the markers keep the middle third of the width, the names a third on each side."""
    for t in traces:
        t.text = [shorten(name, NAME_CHARS) for name in t.text]
    xs = [x for t in fig.data if t.x is not None for x in t.x if x is not None]
    low, high = min(xs), max(xs)
    return [low - (high - low), high + (high - low)]


def _outside_traces(fig: go.Figure) -> list:
    """The traces of a chart with a row per record that write values past a bar's end or right of a
    marker: the room right of the plot is for them. (A chart over years writes its labels inwards
    at the axis' end, charts._label_sides.)"""
    if not _categories(fig):
        return []
    return [t for t in fig.data if t.text is not None and not isinstance(t.text, str)
            and any(p in ("outside", "auto") or "right" in p for p in _positions(t))]


def _wrap_hover(fig: go.Figure) -> None:
    """Hover lines wrapped to a phone's width: a hover box wider than the chart lost the start of
    its lines ("urce: S004")."""
    for t in fig.data:
        if isinstance(t.hovertext, str):
            t.hovertext = wrap(t.hovertext, HOVER_CHARS)
        elif t.hovertext is not None:
            t.hovertext = [wrap(h, HOVER_CHARS) for h in t.hovertext]


def _wrap_values(traces) -> int | None:
    """Values written past the bars wrapped ("¥5.006 bn" above "(derived)", which on one line left
    the bar 45 px), and the pixels right of the plot that they need: the desktop's 80 cut
    "¥5.006 bn (derived)" short, and left 80 empty beside "> 50%"."""
    for t in traces:
        t.text = [wrap(str(x), VALUE_CHARS) for x in t.text]
    lines = [line for t in traces for x in t.text for line in x.split("<br>")]
    return CHAR_PX * max(map(len, lines)) + 14 if lines else None


def _numbered_markers(traces) -> str:
    """Each named marker numbered, its number written on it; returns the key that names them under
    the plot ("1  Zhangjiang High-Tech Park"). Beside the markers of a phone's map (true distances:
    a wider x axis would shrink it to a strip), names ran off its edges."""
    key = []
    for t in traces:
        names = list(t.text)
        t.text = [str(len(key) + i + 1) for i in range(len(names))]
        t.textposition = "middle center"
        t.textfont = {"color": "white", "size": 11}
        key += names
    return "<br>".join(f"{i}  {name}" for i, name in enumerate(key, 1))


WIDE_TITLE_CHARS = 60        # a title's line on a wider page: clear of the toolbar (~150 px) on a chart of 700 px
WIDE_AXIS_TITLE_CHARS = 48   # "Date (hollow marker: only the year is known, drawn mid-year)" ran 78 px off at 700 px
WIDE_LABEL_CHARS = 44       # a row label's line: at 60 characters the labels took 440 of a 700 px chart
WIDE_TITLE_TOP_PX = 16       # from the top edge to the top of the title


def _room_for_titles(title: str, x_title: str, margin: dict) -> tuple[dict, int]:
    """For a wrapped title and x-axis title: the margins grown by their extra lines (in place), the
    change that sets the x-axis title (none without one), and the height the lines add."""
    top, bottom = TITLE_LINE_PX * title.count("<br>"), LINE_PX * x_title.count("<br>")
    margin["t"] += top
    margin["b"] += bottom
    return ({"xaxis_title_text": x_title} if x_title else {}), top + bottom


def _title_from_top(title: str, top_px: int, height: int) -> dict:
    """The title `top_px` from the chart's top edge: where Plotly puts it by itself, in the middle
    of the top margin, the first of several lines was cut off."""
    return {"text": title, "yref": "container", "y": 1 - top_px / height, "yanchor": "top"}


def _balanced(text: str, chars: int) -> str:
    """Text wrapped in as few lines as at `chars` characters, but of even length: a title of 66
    characters wrapped at 60 left one word ("stated") on its second line."""
    lines = len(textwrap.wrap(text, chars)) or 1
    width = next((w for w in range(max(1, -(-len(text) // lines)), chars) if len(textwrap.wrap(text, w)) <= lines), chars)
    return wrap(text, width)


def fit_for_wide(fig: go.Figure) -> go.Figure:
    """The figure for a page of 700 px or more: its title, x-axis title and row labels wrapped to
    what fits the narrowest such page, the margins and height grown by the lines that adds. On one
    line, the toolbar covered the end of a title, and at 700 px titles ran off the edge and row
    labels left the plot too narrow for its axis title."""
    layout = fig.layout
    title = _balanced(layout.title.text or "", WIDE_TITLE_CHARS)
    margin = {"t": layout.margin.t, "b": layout.margin.b}
    changes, taller = _room_for_titles(title, _balanced(layout.xaxis.title.text or "", WIDE_AXIS_TITLE_CHARS), margin)
    height = (layout.height or 450) + taller
    yaxis, taller = _wrapped_rows(fig, WIDE_LABEL_CHARS, height, margin)
    if yaxis:
        changes["yaxis"] = yaxis
        height += taller
    fig.update_layout(height=height, margin=margin, title=_title_from_top(title, WIDE_TITLE_TOP_PX, height), **changes)
    return fig


def fit_for_phone(fig: go.Figure) -> go.Figure:
    """The figure with its title, x-axis title, row labels and hover wrapped, names beside markers
    shortened (network) or numbered (map), room right of the plot for the values written there, and the
    legend below the plot, an entry a row; taller by what the wrapping, the legend and the toolbar
    take."""
    layout = fig.layout
    height = layout.height or 450
    axis_px = AXIS_PX if layout.xaxis.visible is not False else 0
    margin = {"t": layout.margin.t + MODEBAR_PX, "b": layout.margin.b}
    height += MODEBAR_PX

    title = wrap(layout.title.text or "", TITLE_CHARS)
    changes, taller = _room_for_titles(title, wrap(layout.xaxis.title.text or "", AXIS_TITLE_CHARS), margin)
    height += taller
    changes["xaxis_nticks"] = X_TICKS
    if layout.xaxis.tickformat == "d" and layout.xaxis.dtick in YEAR_STEPS:    # a year axis (charts._year_axis)
        changes["xaxis_dtick"] = YEAR_STEPS[layout.xaxis.dtick]

    _wrap_hover(fig)
    if room := _wrap_values(_outside_traces(fig)):
        margin["r"] = room
    below = 0       # pixels under the x axis: the map's key, the legend
    beside = _names_beside(fig)
    if beside and layout.yaxis.scaleanchor:         # a map
        key = _numbered_markers(beside)
        changes["annotations"] = [*layout.annotations, {
            "text": key, "showarrow": False, "align": "left", "xref": "paper", "x": 0, "xanchor": "left",
            "yref": "paper", "y": 0, "yanchor": "top", "yshift": -axis_px}]
        below += (key.count("<br>") + 1) * LINE_PX + 10
    elif beside and layout.xaxis.visible is False:  # the network; values beside markers on axes stay as they are
        changes["xaxis_range"] = _shortened_names(fig, beside)

    yaxis, taller = _wrapped_rows(fig, LABEL_CHARS, height, margin)
    if yaxis:
        changes["yaxis"] = yaxis
        height += taller

    if _legend_names(fig):
        for trace in fig.data:
            if trace.name:
                trace.name = wrap(trace.name, LEGEND_CHARS)
        lines = sum(name.count("<br>") + 1 for name in _legend_names(fig)) + bool(layout.legend.title.text)
        changes["legend"] = {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom",
                             "xref": "container", "x": 0, "xanchor": "left",
                             # an entry a row; in pixels, as a "fraction" is of the plot's width, which row labels narrow
                             "entrywidthmode": "pixels", "entrywidth": LEGEND_PX}
        below += lines * LEGEND_ROW_PX + 10
    if below:
        margin["b"] += below + axis_px - layout.margin.b
        height += below + axis_px - layout.margin.b

    changes["title"] = _title_from_top(title, TITLE_TOP_PX, height)
    fig.update_layout(height=height, margin=margin, **changes)
    return fig
