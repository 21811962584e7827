"""Whether the page is narrow: the charts then take the narrow layout (tracker/phone_layout.py).

Streamlit does not tell the server how wide the reader's page is. A Plotly figure is laid out for
one width, and the desktop layout cut titles, labels and names once the page's main column fell
below ~700 px: a phone, but also a 1000 px window with the sidebar open (540 px) or an iPad. So a
small script in the browser measures the main column, and says so whenever it crosses
NARROW_BELOW_PX (on load, on resizing the window, on opening or closing the sidebar); the page
then runs again with the other layout. Until the browser has measured (a session's first run),
the guess is the User-Agent's: a phone's browser says "Mobi", so a phone is laid out for its
width from the first run. The script sends nothing while the guess holds, so a desktop window of
usual width never runs twice."""
from __future__ import annotations

import streamlit as st

from tracker.phone_layout import is_phone

NARROW_BELOW_PX = 700    # the main column (px) below which the narrow layout takes over; fit_for_wide holds from here up
_SEEN = "_narrow_page"   # session state: the last width class the browser reported
_WAIT_MS = 250           # while a window is dragged wider, one report when it stops, not one per pixel

_MEASURE_JS = """
export default function({ data, setStateValue }) {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!main) return;                       // not Streamlit's page as known: keep the server's guess
  let told = data.narrow, timer = null;
  const measure = () => {
    const style = getComputedStyle(main);
    const width = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const narrow = width < data.below_px;
    main.dataset.trackerLayout = narrow ? "narrow" : "wide";   // what the charts' layout.meta should say (tests)
    if (narrow !== told) { told = narrow; setStateValue("narrow", narrow); }
  };
  const watch = new ResizeObserver(() => { clearTimeout(timer); timer = setTimeout(measure, data.wait_ms); });
  watch.observe(main);
  measure();
  return () => { clearTimeout(timer); watch.disconnect(); };
}
"""
_probe = st.components.v2.component("tracker_width_probe", js=_MEASURE_JS)


def measure_page() -> None:
    """Draw the (invisible) measuring script; once per run, before the first chart."""
    guess = is_narrow()
    result = _probe(key="width_probe", data={"narrow": guess, "below_px": NARROW_BELOW_PX, "wait_ms": _WAIT_MS},
                    default={"narrow": guess}, on_narrow_change=lambda: None, height=0)
    st.session_state[_SEEN] = bool(result.narrow)


def is_narrow() -> bool:
    """Whether the charts take the narrow layout: as the browser last measured, else the User-Agent's guess."""
    seen = st.session_state.get(_SEEN)
    return is_phone(st.context.headers.get("User-Agent")) if seen is None else seen
