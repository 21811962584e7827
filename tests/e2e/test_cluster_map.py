"""The cluster map needs no network: with every request that does not go to the dashboard itself
refused, it still draws one marker per cluster."""
from __future__ import annotations

from urllib.parse import urlsplit

import duckdb

from . import streamlit_page as st_page
from .dashboard import described

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def test_cluster_map_draws_every_cluster_offline(new_context, built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        (clusters_with_position,) = con.execute(
            "select count(*) from clusters where latitude is not null and longitude is not null").fetchone()
    assert clusters_with_position > 0

    context = new_context()
    refused: list[str] = []

    def loopback_only(route):
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", loopback_only)
    page = context.new_page()
    clusters = described("pages/4_Clusters.py")
    st_page.open_app(page, clusters.url(), min_charts=clusters.min_charts)

    assert st_page.exceptions(page) == []
    index, _ = st_page.find_chart(page, trace_name="clusters")
    markers = st_page.charts(page).nth(index).locator(st_page.SCATTER_POINT)
    assert markers.count() == clusters_with_position
    print(f"requests refused while the map drew: {refused or 'none'}")
