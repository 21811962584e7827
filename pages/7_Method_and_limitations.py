"""Method & limitations: what the tracker is, how records are made and checked, the rules, how to cite."""
from datetime import date

import streamlit as st

from tracker import app_data, present
from tracker.citation import as_markdown_quote, citation, view_link
from tracker.filters import to_query_params
from tracker.formatting import STATUS_LABELS
from tracker.ui import current_view_line, setup_page, sidebar_filters, vocabulary

setup_page("Method & limitations", ":material/rule:")
filters = sidebar_filters()

METHOD = """
### What this is, and what it is for
An evidence-backed record of what Shanghai — and China, where national plans frame Shanghai's — **said it would do**
in artificial intelligence (goals), what it **reports having done** (achievements, clusters, funds, conferences) and
**with whom** (partnerships, people and organisations). Use it to find and cite a stated figure, compare a goal with
what was later reported, or see who met whom and when. It is **not** a complete census of Shanghai's AI policy: it
holds what five news articles (2018–2023) state, nothing more.

### How records are collected and checked
- Each record was read out of one of the five articles and is stored as a row of a CSV file in `data/`.
  **Every record cites at least one article with a verbatim quote**; one fact stated by two articles is one record
  with two quotes. The validator checks every quote against the article's text, every id, type, date, unit and
  currency, and refuses the whole dataset if anything is wrong.
- **Claim types.** *Official statement*: an official's words or a plan. *Press report*: a figure or fact the article
  states without attributing it to an official. *Derived*: computed by this project (currency conversions,
  progress ratios) — never shown without that label and its basis. Events are marked *announcement* (said or
  planned) or *action* (took place).
- **Dates.** Where an article carries no date, its month or year is inferred from the events it reports, and the
  source record says how (see *Sources & evidence*). A record's own year is the one the article states, or one
  resolved against the article's date from "this year", "now", "a new plan", an official quoted saying it or a
  dated occasion, with a note saying how (shown in the hover and the tables). A plan or step the articles describe
  without dating it has no year: it is not on the timeline, and the goal pages count it from the year it was first
  reported. A state of affairs ("several think tanks have been established", "1,000 companies") is dated by the
  article that reports it, as a figure is, and is not on the timeline either; the one exception is a partnership,
  which is always drawn: Tesla's Giga-factory in Lingang is placed at 2023, the year of the article that mentions
  it, and its note says that the factory's own date is not stated. Dates are shown at their known precision.

### Status of quantitative targets
For each target with a number, the **latest comparable achievement** is the most recent figure for the same
jurisdiction and metric (converted through the exchange rates below when its currency differs — then labelled
derived). Only figures dated up to the last of the chosen years count, so progress is shown as of that year.
Progress = that figure ÷ the target. A figure *reaches* the target when it is ≥ the target, or > it where the
target says "more than".

| Status | Rule |
|---|---|
| {met} | reaches the target; the figure dates from the deadline year or before |
| {met_after_deadline} | reaches the target; the figure dates from after the deadline (the sources give no figure for the deadline year, so whether it was met on time is not known) |
| {behind} | below the target; the figure dates from before the deadline year (not a verdict on the schedule: no later figure is in view) |
| {missed} | below the target; the figure dates from the deadline year or after |
| {not_shown_reached} | below the target, but the source gives the figure as a lower bound ("more than"); it dates from before the deadline year |
| {not_shown_reached_by_deadline} | the same, with a figure from the deadline year or after |
| {no_comparable_data} | no figure for the same jurisdiction and metric |

A figure the source gives as a lower bound ("more than 500 billion yuan") and that is below the target is
*not shown reached* rather than behind or missed: it does not show the target reached, nor that it was not. The
progress keeps the qualifier ("> 50%"), and the downloads carry the same status. Qualitative goals have no status: they are listed, not measured.

### Currencies
Amounts are stored as reported (full amounts with their ISO code). Where a source gives its own conversion (for
example "70 billion yuan ($10.16 billion)"), the **CNY** and **USD** views show that reported figure, marked
"converted by the source". Otherwise they convert at the annual average rate for the year the amount refers to
(the nearest year with a rate when that year has none), and the figure is labelled *derived* with its rate and
year. Where sources convert one amount differently, all are kept and one is marked preferred, with the reason
(see *Achievements → Where sources disagree*, which also shows this project's own conversion beside them).
"""
st.markdown(METHOD.format_map(STATUS_LABELS))   # the status table names each status as the pages do
# Small fixed tables: static (st.table), not the interactive grid, which costs far more to draw.
st.table(present.fx_rates_table(app_data.query("method__fx_rates")))

st.markdown("""
### What the sources do not cover
- Five articles from 2018, 2019 and 2023: nothing on 2020–2022 except what the 2023 articles look back on, so
  **no figure exists for the 2020 deadline year** itself.
- No official documents: plans are known through press reports, and several are unnamed ("a new municipal plan").
- Cluster **coordinates are approximate** and added by this project; districts and focus are left blank where the
  sources do not state them. The fund's name is not stated.
- One article attributes a quote to "Cheng" after introducing "Chen Mingbo"; it is kept as printed.
- Metric wording differs between articles ("industry scale", "worth", "combined output value of AI enterprises");
  they are treated as one metric, and each record keeps its own wording.
""")
st.markdown("### Coverage of the dataset")
st.table(present.coverage_table(app_data.query("method__coverage")))

st.markdown("### How to cite this view")
info = app_data.query("shared__build_info").iloc[0]
link = view_link(st.context.url, "", to_query_params(filters, vocabulary()))
# A quote, not st.code: the code block's highlighter is loaded on demand and was half a second of
# this page's drawing; the text selects and copies the same.
st.markdown(as_markdown_quote(citation(current_view_line(filters), link, date.today(), info.built_at)))
st.caption("The link reopens the Overview with the filters now set; a link copied from the address bar reopens "
           "any page the same way. Download the whole dataset with its data dictionary from the sidebar.")
