"""Sources & evidence: every source with its metadata, the records it supports and their quotes."""
import streamlit as st

from tracker import app_data, present
from tracker.ui import empty_state, setup_page, sidebar_filters

QUOTE_ROWS = 500  # rows drawn at most; the full set is in the dataset download

setup_page("Sources & evidence", ":material/menu_book:")
filters = sidebar_filters()

st.markdown("The five articles the dataset is built from, and every quote that supports a record in view. Publisher, "
            "author and URL are given only where the article itself states them.")
sources = app_data.query("sources__list", **filters.params)
st.dataframe(present.sources_table(sources), hide_index=True, width="stretch",
             column_config={"URL": st.column_config.LinkColumn("URL"),
                            "How the date was found": st.column_config.TextColumn(width="large")})

st.subheader("Evidence")
search = st.text_input("Search the quotes", placeholder="e.g. Microsoft, billion, Lingang",
                       help="Matches the quote, the record's text or its id; not case-sensitive.")
evidence = app_data.query("sources__evidence", search=search.strip(), limit=QUOTE_ROWS, **filters.params)
if evidence.empty:
    if search.strip():
        st.info(f"No quote in view contains “{search.strip()}”. Try a shorter word, or widen the filters.", icon="🔎")
    else:
        empty_state("records", filters)
    st.stop()

st.caption(f"{len(evidence)} quote(s){' (first ' + str(QUOTE_ROWS) + ')' if len(evidence) == QUOTE_ROWS else ''}.")
for source in sources.itertuples():
    quotes = evidence[evidence["source_id"] == source.source_id]
    if quotes.empty:
        continue
    with st.expander(f"{source.source_id} · {source.title} — {len(quotes)} quote(s)", expanded=bool(search.strip())):
        for q in quotes.itertuples():
            st.markdown(f"**{q.record}** · *{q.kind}* · {present.claim(q.claim_type)} · `{q.record_id}`")
            st.markdown(f"> {q.quote}")
