"""Plotly's full property checks on what a page sent: the app builds its figures unvalidated for
speed (tracker/charts.py), so the page tests validate every figure instead."""
from __future__ import annotations

import base64
import json

import numpy as np
import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

from tracker import charts


def valid_figures(at: AppTest) -> int:
    """Validate every figure the page sent; raises on a misspelt or ill-typed property. Returns how many."""
    charts = at.get("plotly_chart")
    for element in charts:
        go.Figure(json.loads(element.proto.spec))
    return len(charts)


def title(figure: dict) -> str:
    """A drawn figure's title on one line: a page gives long titles line breaks (phone_layout)."""
    return figure["layout"]["title"]["text"].replace("<br>", " ")


def drawn(element) -> dict:
    """A chart's figure as sent, with only the traces that draw data (no legend-only keys)."""
    spec = json.loads(element.proto.spec)
    return {**spec, "data": charts.data_traces(spec["data"])}


def values(trace: dict, key: str) -> list:
    """A trace's x or y as a list: Plotly 7 sends numpy arrays as base64 typed arrays."""
    data = trace.get(key)
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=np.dtype(data["dtype"])).tolist()
    return list(data or [])
