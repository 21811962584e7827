"""How much a page shows at most, whatever the size of the data (see docs/BENCHMARKS.md).

Tables show their first rows, with the full list one download away; charts draw at most what a
reader can read, and each page says when it shows less than is in view."""

TABLE_ROWS = 100   # every list of the real data fits; past that, the download has the rest
QUOTES = 100       # evidence quotes listed on Sources & evidence (84 in the real data)
PROGRESS_BARS = 15   # Stated goals: about one screen at 50 px a bar; the table lists every target
OVERVIEW_PROGRESS_BARS = 10   # a summary: the first deadlines; Stated goals draws up to PROGRESS_BARS
TIMELINE_EVENTS = 400
SERIES_LINES = 8
TARGET_LINES = 5
CONVERSION_RECORDS = 10
NETWORK_PARTIES = 40
NETWORK_EDGES = 300
CHART_ROWS = 20    # a bar or event per row: 40 rows made a 1,400 px chart, and twice the redraw (see docs/BENCHMARKS.md)
MAP_LABELS = 40     # markers named on the map; past that, names would cover each other
POINT_LABELS = 12  # points labelled with their figure on the metric chart; past that, the hover has it
DESCRIBED = 12      # items a chart's text description names one by one
