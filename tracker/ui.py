"""What every page shares: page set-up, the sidebar filters and their URL state, navigation,
and the way a chart is shown (chart, source note, description, table, CSV download).

Classic multipage mode (app.py + pages/), without st.navigation: see STYLE.md. Widget values do
not survive a page switch in this mode, so the filter state lives under the non-widget key
"_filters" and the widgets are re-seeded from it on every run.
"""
from __future__ import annotations

import atexit
import gc
import os
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from tracker import app_data
from tracker.formatting import code_span, count_of
from tracker.paths import REPO_ROOT, default_data_dir
from tracker.validate import ValidationError
from tracker.phone_layout import fit_for_phone, fit_for_wide
from tracker.screen_width import is_narrow, measure_page
from tracker.present import CLAIM_LABELS
from tracker.filters import (CURRENCIES, CURRENCY_LABELS, FilterState, Vocabulary, default_state, describe, page_choices,
                             parse_query_params, shown, to_query_params)

APP_NAME = "Shanghai AI Policy Tracker"
PAGES = (   # file, title (as setup_page gets it), icon, the page's own choice in the URL (filters.PAGE_KEYS)
    ("app.py", "Overview", ":material/home:", None),
    ("pages/1_Stated_goals.py", "Stated goals", ":material/flag:", None),
    ("pages/2_Achievements.py", "Achievements", ":material/trending_up:", "metric"),
    ("pages/3_Partnerships.py", "Partnerships", ":material/handshake:", None),
    ("pages/4_Clusters.py", "Clusters", ":material/map:", None),
    ("pages/5_Funds.py", "Funds", ":material/savings:", None),
    ("pages/6_Conferences.py", "Conferences", ":material/event:", None),
    ("pages/7_Method_and_limitations.py", "Method & limitations", ":material/rule:", None),
    ("pages/8_Sources_and_evidence.py", "Sources & evidence", ":material/menu_book:", "q"),
)
INGEST_PAGE = ("pages/9_Add_a_source.py", "Add a source", ":material/note_add:", None)
STATE_KEY = "_filters"
PAGE_KEY = "_page"            # session key: the title of the page this run draws (set by setup_page)
PROBLEMS_SHOWN = 50     # data problems listed on the page; the validate command lists them all
FAVICON = REPO_ROOT / "assets" / "favicon.png"
CLAIM_COLORS = {"official_statement": "blue", "press_report": "gray", "derived": "orange"}


def ingest_enabled() -> bool:
    return os.environ.get("TRACKER_ENABLE_INGEST") == "1"


def setup_page(title: str, icon: str) -> None:
    """Page config and heading; the first Streamlit call of every page."""
    # The tab icon is a local file: a Material icon here would be fetched from a font server.
    st.set_page_config(page_title=f"{title} · {APP_NAME}", page_icon=str(FAVICON), layout="wide",
                       initial_sidebar_state="auto")   # open on a desktop; on a phone it would cover the page
    st.title(f"{icon} {title}")  # material icons: bundled with Streamlit, no CDN
    st.session_state[PAGE_KEY] = title
    _stop_if_data_invalid()
    _startup_heap_frozen()


def _stop_if_data_invalid() -> None:
    """The database is built from data/ at the first run (a fresh clone on Community Cloud). If data/
    does not validate, say what is wrong where (file, line, column) instead of a traceback, and show
    nothing else. A failure is not cached: the next visit after the data is fixed builds it."""
    try:
        app_data.connection()
    except ValidationError as e:
        shown = e.problems[:PROBLEMS_SHOWN]
        data_dir = default_data_dir()
        where = f"{data_dir.relative_to(REPO_ROOT)}/" if data_dir.is_relative_to(REPO_ROOT) else str(data_dir)
        st.error(f"The dashboard cannot open: the data in `{where}` does not validate "
                 f"({count_of(len(e.problems), 'problem', 'problems')}). Correct the data and reload the page; "
                 "`python -m tracker validate` lists the same problems.\n\n"
                 + "\n".join(f"- {code_span(str(p))}" for p in shown)
                 + (f"\n- … and {len(e.problems) - len(shown):,} more" if len(e.problems) > len(shown) else ""),
                 icon=":material/error:")
        st.stop()


@st.cache_resource(show_spinner=False)
def _startup_heap_frozen() -> bool:
    """Once per process, after the page's imports: move every object alive now (Streamlit, pandas,
    Plotly's validators, DuckDB) out of the garbage collector's reach. Streamlit runs a full
    collection after every script run ([runner] postScriptGC), and walking those long-lived objects
    was ~0.1 s of every rerun; objects made later are still collected."""
    gc.freeze()
    atexit.register(gc.unfreeze)    # so that the interpreter's last collection still frees them at exit
    return True


# --- vocabularies --------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def _vocabularies() -> tuple[Vocabulary, dict[str, str], dict[str, str], dict[str, str]]:
    """The filter vocabulary and the labels and colours every page reads, once per process (and
    per database: it is cleared with the connection). A resource, not data: every run of every
    page reads it several times, and a cached DataFrame would be copied each time."""
    bounds = app_data.query("shared__year_bounds").iloc[0]
    topics = app_data.query("shared__topics")
    places = app_data.query("shared__jurisdictions")
    vocab = Vocabulary(int(bounds.year_min), int(bounds.year_max), tuple(topics["topic"]), tuple(places["jurisdiction"]))
    return (vocab, dict(zip(topics["topic"], topics["label"])), dict(zip(topics["topic"], topics["color"])),
            dict(zip(places["jurisdiction"], places["label"])))


def vocabulary() -> Vocabulary:
    return _vocabularies()[0]


def topic_labels() -> dict[str, str]:
    return dict(_vocabularies()[1])


def topic_colors() -> dict[str, str]:
    return dict(_vocabularies()[2])


def jurisdiction_labels() -> dict[str, str]:
    return dict(_vocabularies()[3])


# --- filters -------------------------------------------------------------------------------------

def _store_widgets() -> None:
    """on_change of any filter widget: copy the widgets into the filter state (an empty list is all)."""
    ss = st.session_state
    vocab = vocabulary()
    years = ss["w_years"]
    ss[STATE_KEY] = FilterState(int(years[0]), int(years[1]), tuple(ss["w_topics"]) or vocab.topics,
                                tuple(ss["w_jurisdictions"]) or vocab.jurisdictions, ss["w_currency"])


def _reset() -> None:
    st.session_state[STATE_KEY] = default_state(vocabulary())


def _seed_widgets(state: FilterState, vocab: Vocabulary) -> None:
    ss = st.session_state
    ss["w_years"] = (state.year_from, state.year_to)
    ss["w_topics"] = _chips(state.topics, vocab.topics, "topics" in state.every)
    ss["w_jurisdictions"] = _chips(state.jurisdictions, vocab.jurisdictions, "jurisdictions" in state.every)
    ss["w_currency"] = state.currency


def _chips(chosen: tuple[str, ...], allowed: tuple[str, ...], every: bool) -> list[str]:
    """The chips a multiselect shows, in vocabulary order. All chosen is shown as none ("All topics"):
    a chip per value would fill the sidebar once there are hundreds of jurisdictions, and every page
    would pay for drawing them. _store_widgets reads an empty box back as all."""
    return [] if every else [v for v in allowed if v in chosen]


def sidebar_filters() -> FilterState:
    """Draw the shared sidebar (navigation, filters, downloads) and return the filter state.

    On a session's first run the state comes from the URL (a shared link), and again when the
    browser's Back or Forward button brings an earlier address; otherwise from the session. The URL
    is rewritten on every run so that it always reopens this view, once per run (each change of
    the address is a step in the browser's history).
    The page's own choice (PAGES) is kept in the URL too; the page reads it with linked_choice /
    linked_text. Another page's key in a link is ignored with a notice."""
    vocab = vocabulary()
    ss = st.session_state
    notices: list[str] = []
    address = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    page_keys = tuple(key for _, title, _, key in _pages() if key and title == ss.get(PAGE_KEY))
    moved = _back_or_forward()
    if STATE_KEY not in ss or moved:
        ss[STATE_KEY], notices = parse_query_params(address, vocab)
        choices, refused = page_choices(address, page_keys)
        notices += refused
        for key in page_keys:
            if key in choices:
                ss[_LINKED + key] = choices[key]      # read once by the page's widget
            elif moved:
                ss[_LINKED + key] = _NO_CHOICE        # that view had no such choice
    state: FilterState = ss[STATE_KEY].within(vocab)
    _seed_widgets(state, vocab)
    url_params = to_query_params(state, vocab)
    topics, places = topic_labels(), jurisdiction_labels()

    with st.sidebar:
        st.markdown(f"**{APP_NAME}**")
        for path, label, icon, key in _pages():
            # the filters, and the page's own choice as it was left (its widget's value on this page, else
            # the kept copy): arriving, the page need not add it to the address
            kept = (ss.get("w_" + key) or ss.get(_KEPT + "w_" + key)) if key else None
            st.page_link(path, label=label, icon=icon, query_params={**url_params, key: kept} if kept else url_params)
        st.divider()
        st.subheader("Filters")
        st.slider("Years", vocab.year_min, vocab.year_max, key="w_years", on_change=_store_widgets,
                  help="Records about these years. A goal is shown while it is open: from its announcement (or its first report, where the sources do not date it) to its deadline.")
        st.multiselect("Topics", vocab.topics, format_func=lambda t: topics.get(t, t), key="w_topics",
                       on_change=_store_widgets, placeholder="All topics", help="Leave empty for all topics.")
        st.multiselect("Jurisdictions", vocab.jurisdictions, format_func=lambda j: places.get(j, j),
                       key="w_jurisdictions", on_change=_store_widgets, placeholder="All jurisdictions",
                       help="Leave empty for all jurisdictions.")
        st.radio("Currency", CURRENCIES, format_func=CURRENCY_LABELS.get, key="w_currency",
                 on_change=_store_widgets, horizontal=True,
                 help="Converted amounts are derived by this project from annual average rates and labelled so.")
        st.button("Reset filters", on_click=_reset, width="stretch")
        st.caption(f"Showing {describe(state, vocab, topics, places)}. The address bar holds this view: copy it to share.")
        st.divider()
        # a callable: the zip is made when someone clicks, not on every page view
        st.download_button("Download the whole dataset (zip)", app_data.dataset_zip, "shanghai_ai_tracker.zip",
                           mime="application/zip", on_click="ignore", width="stretch",
                           help="Every public view as CSV, with the data dictionary (README.md).")
        measure_page()   # last: it draws nothing, and a 0 px element still takes a gap

    # with the page's own choice as the address has it, so that the page changes the address only
    # when its choice changes: two changes in one run would be two steps in the history
    st.query_params.from_dict({**url_params, **{k: address[k] for k in page_keys if k in address}})
    if notices:
        st.warning("Ignored part of the link; the view below uses the rest of it.\n\n" + "\n".join(f"- {n}" for n in notices),
                   icon=":material/warning:")
    return state


def _pages() -> tuple:
    return PAGES + ((INGEST_PAGE,) if ingest_enabled() else ())


def _back_or_forward() -> bool:
    """Whether the browser's Back or Forward button brought this run. Streamlit then reruns the page
    with the address from the browser's history (and says so in the run's context); the view must
    follow that address. Seeded from the session instead, the run would write the newer view back
    over it, and Back would seem to do nothing. Not guessed from the address: after quick changes
    a run may start before the browser has the address the last run wrote."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and getattr(ctx, "is_history_navigation", False))


def _write_choice(key: str, value: str | None) -> None:
    """A page's own choice into the address (None: no choice, so none in the address), only if it
    changed: an unchanged address is no step in the history."""
    if value is None:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get_all(key) != [value]:
        st.query_params[key] = value


_LINKED = "_linked_"   # session key prefix: a page choice from the address (a shared link, or Back and Forward)
_NO_CHOICE = ()        # linked when Back reopens a view whose address had no choice: the widget's default.
                       # Set, not forgotten: the browser would go on showing the widget's last value.
_KEPT = "kept_"   # session key prefix: a page choice's copy that outlives its widget


def _from_link(key: str) -> str | tuple | None:
    return st.session_state.pop(_LINKED + key, None)


def _refuse_link(key: str, value: str, why: str) -> None:
    st.warning(f"Ignored {key}={shown(value)}: {why}", icon=":material/warning:")


def linked_choice(label: str, options: Sequence[str], format_func: Callable[[str], str], *, key: str) -> str:
    """A select box whose choice is in the URL (?key=value), so a shared link reopens it.
    A value the page does not offer (now) is ignored with a notice."""
    ss, widget = st.session_state, "w_" + key
    linked = _from_link(key)
    if linked is not None:
        if linked == _NO_CHOICE and options:
            ss[widget] = options[0]
        elif linked in options:
            ss[widget] = linked
        else:
            _refuse_link(key, linked, "not one of the choices in this view; showing the first.")
    else:
        _restore(widget)
    if ss.get(widget) not in options:       # the filters changed what is offered
        ss.pop(widget, None)
    choice = st.selectbox(label, options, format_func=format_func, key=widget)
    ss[_KEPT + widget] = choice
    _write_choice(key, choice)
    return choice


def _restore(widget: str) -> None:
    """Back on a page: its choice as it was left. Streamlit forgets a widget's value on a run that
    does not draw it (another page), so the choice is kept under a key of its own too."""
    if widget not in st.session_state and _KEPT + widget in st.session_state:
        st.session_state[widget] = st.session_state[_KEPT + widget]


def drop_link(key: str, why: str) -> None:
    """A page choice from the link that this view has nothing to offer for: say so now, rather
    than keep it in the session and apply it, unasked, after a later filter change."""
    linked = _from_link(key)
    if linked is not None and linked != _NO_CHOICE:
        _refuse_link(key, linked, why)
    _write_choice(key, None)            # nothing to choose: the address holds no choice either


def linked_text(label: str, *, key: str, **kwargs) -> str:
    """A text box whose text is in the URL (?key=text) while it is not empty."""
    ss, widget = st.session_state, "w_" + key
    linked = _from_link(key)
    if linked is not None:
        ss[widget] = "" if linked == _NO_CHOICE else linked[:200]
    else:
        _restore(widget)
    text = st.text_input(label, key=widget, **kwargs)
    ss[_KEPT + widget] = text
    _write_choice(key, text if text.strip() else None)
    return text


def current_view_line(state: FilterState, amounts: bool = True) -> str:
    return describe(state, vocabulary(), topic_labels(), jurisdiction_labels(), amounts)


# --- showing things ------------------------------------------------------------------------------

def empty_state(what: str, state: FilterState) -> None:
    st.info(f"No {what} match the current filters ({current_view_line(state, amounts=False)}). "
            "Widen the year range, choose more topics or jurisdictions in the sidebar, or press **Reset filters**.",
            icon=":material/search_off:")


def claim_badges(claim_types) -> None:
    """A visible badge per claim type present, so a reader sees what kind of claim a figure is.
    One line of markdown badges: one element to send and draw, not one (and one line) per badge."""
    st.markdown(" ".join(f":{CLAIM_COLORS.get(claim, 'gray')}-badge[{CLAIM_LABELS.get(claim, claim)}]"
                         for claim in dict.fromkeys(claim_types)))


# Plotly's toolbar without zoom in, zoom out and autoscale (box zoom, pan and reset do the same):
# 224 px wide, it covered the end of the titles it sits beside
CHART_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["zoomIn2d", "zoomOut2d", "autoScale2d"]}


def show_chart(fig, data: pd.DataFrame | Callable[[], pd.DataFrame], *, key: str, source_note: str,
               description: str) -> None:
    """A chart with what a reader needs to trust and reuse it: its source, a text description
    (also given to screen readers), the table behind it and a CSV of exactly those rows.

    data may be a callable (functools.partial, so that it holds this run's values): the table is
    then made only when "Show as table" is open or the CSV is asked for."""
    rows = data if callable(data) else (lambda: data)
    narrow = is_narrow()
    fig = fit_for_phone(fig) if narrow else fit_for_wide(fig)
    fig.update_layout(meta={"layout": "narrow" if narrow else "wide"})   # which layout it got, for the browser tests
    st.plotly_chart(fig, width="stretch", key=key, alt=description, config=CHART_CONFIG)
    st.caption(f"**Data:** {source_note}  \n**Chart description:** {description}")
    if table := opened("Show as table", key=f"table_{key}"):
        data_table(rows(), table)
    download_csv("Download chart data (CSV)", rows, f"{key}.csv", key=f"download_{key}")


CARD_WIDTH = 256   # px: two a row in a 1000 px window, three at 1366, five at 1920; room for "> $42.73 bn"


def card_row() -> Callable[[], st.delta_generator.DeltaGenerator]:
    """A row of bordered cards (headline figures); returns the function that adds a card to it.

    The row wraps: as many cards of CARD_WIDTH as the page has room for (one on a phone). Columns
    kept five cards side by side down to a 640 px window and cut "> $42.73 bn" to "> $4…"."""
    row = st.container(horizontal=True, gap="small")
    return lambda: row.container(border=True, width=CARD_WIDTH)


MISSING = "—"   # a missing value in a table, as the tables' text columns and the CSVs write it


LONG_TEXT_ROW_PX = 76   # three lines of a cell's text: at one line (35 px) a goal read "Expand the scale of Shanghai's AI"


def data_table(frame: pd.DataFrame, into=None, long_text: bool = False, **kwargs) -> None:
    """A table as every page shows one: no index, the page's width, "—" for a missing value (not
    Streamlit's grey "None"). into: the container to draw it in (default: the page). long_text: rows
    three lines tall, in which the grid wraps a statement or a goal instead of cutting it."""
    (into or st).dataframe(frame, hide_index=True, width="stretch", placeholder=MISSING,
                           row_height=LONG_TEXT_ROW_PX if long_text else None, **kwargs)


# A fixed label: Streamlit keys an expander's open state on its label too, so a label with a count
# in it would close the table whenever a filter changed the count.
LIST_LABEL = "Show the list as a table"


def opened(label: str, key: str):
    """An expander whose content is made only once a reader opens it: the container when open, else None.

    Tables go in one. Closed, nothing in it is made, sent or drawn (nor queried, when the page
    queries inside it), and a page with no table open never loads the data grid's JavaScript
    (23 files, ~1.5 MB in the browser's request log, evaluated again on every page load)."""
    box = st.expander(label, key=key, on_change="rerun")
    return box if box.open else None


def download_csv(label: str, frame, file_name: str, key: str | None = None) -> None:
    """A CSV download made when it is clicked (frame is a callable), not on every run."""
    st.download_button(label, lambda: frame().to_csv(index=False).encode("utf-8"), file_name=file_name,
                       mime="text/csv", key=key, on_click="ignore")


def capped_note(shown: int, total: int, what: str, rest: str = "the download below has them all") -> None:
    """Say so when a table or chart shows only the first rows of what is in view, and where the rest are."""
    if total > shown:
        st.caption(f"Showing the first {shown:,} of {total:,} {what} in view; {rest}.")


def one_currency_note(mark: str) -> None:
    """Over a chart that draws money in CNY while the sidebar says "as reported"; mark is how the
    chart shows a converted figure ("hollow marker")."""
    st.caption("In *as reported* mode a chart still needs one currency: money is drawn in CNY and any figure reported in "
               f"another currency is converted ({mark}, derived; see the table).")


def rows_in_view(frame: pd.DataFrame, column: str = "rows_in_view") -> int:
    """How many rows a capped query matched (its rows_in_view column), 0 when it returned none."""
    return int(frame[column].iloc[0]) if len(frame) else 0
