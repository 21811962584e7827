"""Plotly's full property checks on what a page sent: the app builds its figures unvalidated for
speed (tracker/charts.py), so the page tests validate every figure instead."""
from __future__ import annotations

import json

import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest


def valid_figures(at: AppTest) -> int:
    """Validate every figure the page sent; raises on a misspelt or ill-typed property. Returns how many."""
    charts = at.get("plotly_chart")
    for element in charts:
        go.Figure(json.loads(element.proto.spec))
    return len(charts)
