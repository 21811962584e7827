"""Sources & evidence: every source with its metadata, the records it supports and their quotes."""
import streamlit as st

from tracker import app_data, present
from tracker.filters import shown
from tracker.formatting import count_of
from tracker.limits import QUOTES, TABLE_ROWS
from tracker.ui import capped_note, data_table, empty_state, linked_text, rows_in_view, setup_page, sidebar_filters

setup_page("Sources & evidence", ":material/menu_book:")
filters = sidebar_filters()

st.markdown("The five articles the dataset is built from, and every quote that supports a record in view. Publisher, "
            "author and URL are given only where the article itself states them.")
sources = app_data.query("sources__list", limit=TABLE_ROWS, **filters.params)
capped_note(len(sources), rows_in_view(sources), "sources (earliest first)", "the dataset download has them all")
data_table(present.sources_table(sources), long_text=True,
           column_config={"URL": st.column_config.LinkColumn("URL"),
                          "How the date was found": st.column_config.TextColumn(width="large")})

st.subheader("Evidence")
search = linked_text("Search the quotes", key="q", placeholder="e.g. Microsoft, billion, Lingang",
                       help="Matches the quote, the record's text or its id; not case-sensitive.")
# one row past the cap: it says whether more quotes match, without counting them all
evidence = app_data.query("sources__evidence", search=search.strip(), limit=QUOTES + 1, **filters.params)
if evidence.empty:
    if search.strip():
        st.info(f"No quote in view contains {shown(search.strip())}. Try a shorter word, or widen the filters.", icon=":material/search_off:")
    else:
        empty_state("records", filters)
    st.stop()

more = len(evidence) > QUOTES
evidence = evidence.head(QUOTES)
st.caption(count_of(len(evidence), "quote", "quotes")
           + (f": the first {QUOTES} that match; more do — narrow the search or the filters, or download the dataset"
              if more else "") + ".")
for (source_id, title), quotes in evidence.groupby(["source_id", "source_title"], sort=False):
    with st.expander(f"{source_id} · {title} — {count_of(len(quotes), 'quote', 'quotes')}", expanded=bool(search.strip())):
        # one block per source, not two elements per quote: the page stays light with hundreds of quotes
        st.markdown("\n\n".join(f"**{q.record}** · *{q.kind}* · {present.claim(q.claim_type)} · `{q.record_id}`\n\n> {q.quote}"
                                  for q in quotes.itertuples()))
