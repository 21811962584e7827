"""Add a source: paste or upload a new article, review the candidate records proposed from it, and
write the accepted ones with their quotes. Off unless TRACKER_ENABLE_INGEST=1, so that the public
deployment stays read-only; the logic is in tracker.ingest (the same as `python -m tracker ingest`)."""
import streamlit as st

from tracker.formatting import code_span
from tracker.ingest import editing
from tracker.ingest.pipeline import prepare
from tracker.ingest.source_text import IngestError
from tracker.ingest.write import WriteError, commit
from tracker.paths import default_archive, default_data_dir
from tracker.ui import ingest_enabled, setup_page, sidebar_filters

setup_page("Add a source", ":material/note_add:")
sidebar_filters()        # the shared sidebar; this page does not filter

if not ingest_enabled():
    st.info("Adding sources is switched off here: this deployment is read-only. To add an article, run the "
            "dashboard on your own copy with `TRACKER_ENABLE_INGEST=1 streamlit run app.py`, or use "
            "`python -m tracker ingest ARTICLE.txt --title ... --published-on ...` (see docs/INGEST.md).",
            icon=":material/lock:")
    st.stop()

STATE = "_ingest"
data_dir, archive = default_data_dir(), default_archive()
st.caption(f"Writes to `{data_dir}`; the article is copied into the archive `{archive or 'not set'}`. "
           "Nothing is written until you press **Write accepted records**, and then only if the whole dataset still validates.")

with st.form("ingest_article"):
    uploaded = st.file_uploader("Article as a text file", type=["txt"])
    pasted = st.text_area("…or paste its text", height=200)
    title = st.text_input("Title")
    published_on = st.text_input("Published on", placeholder="YYYY, YYYY-MM or YYYY-MM-DD")
    publisher = st.text_input("Publisher (only if the article states it)")
    url = st.text_input("URL (only if the article states it)")
    propose = st.form_submit_button("Propose candidates", type="primary")

if propose:
    raw, name = (uploaded.getvalue(), uploaded.name) if uploaded else (pasted.encode("utf-8"), "pasted text")
    try:
        article, candidates = prepare(raw, name, title=title, published_on=published_on, publisher=publisher,
                                      url=url, data_dir=data_dir, archive=archive)
        st.session_state[STATE] = (article, candidates)
    except (IngestError, ValueError) as e:
        st.session_state.pop(STATE, None)
        st.error(str(e))

if STATE in st.session_state:
    article, candidates = st.session_state[STATE]
    st.subheader(f"{len(candidates)} candidates from “{article.title}” ({article.published.text})")
    st.caption("Tick **accept** for each record to keep and correct any field; the quote is what the evidence row will cite.")
    edited = {}
    for kind, table in editing.tables(candidates).items():
        st.markdown(f"**{kind}** ({len(table)})")
        edited[kind] = st.data_editor(
            table, key=f"ingest_{kind}", hide_index=True, width="stretch", disabled=[editing.FOUND, editing.QUOTE],
            column_config={editing.ACCEPT: st.column_config.CheckboxColumn("accept", width="small"),
                           editing.FOUND: st.column_config.TextColumn("found", width="medium",
                                                                      help="The value, unit, year or date read from the quote"),
                           editing.QUOTE: st.column_config.TextColumn("quote", width="medium")})
    if st.button("Write accepted records", type="primary"):
        chosen, problems = editing.accepted(candidates, edited)
        if not chosen:
            st.warning("No candidate is ticked; nothing was written.")
        elif problems:
            st.error("Not written; still missing:\n\n" + "\n".join(f"- {p}" for p in problems))
        else:
            try:
                result = commit(article, chosen, data_dir, archive)
            except WriteError as e:
                st.error("Not written: the dataset would not validate.\n\n" + "\n".join(f"- {code_span(p)}" for p in e.problems))
            except IngestError as e:
                st.error(f"Not written: {e}")
            else:
                st.session_state.pop(STATE, None)
                # The database is rebuilt from data/ on the next run (its fingerprint changed).
                st.cache_data.clear()
                st.cache_resource.clear()
                count = len(result.record_ids)
                st.success(f"Added source {result.source_id} with {count} record{'s' if count != 1 else ''}: "
                           f"{', '.join(result.record_ids)}. The dashboard now includes them.")
