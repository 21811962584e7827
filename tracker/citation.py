"""A ready-made citation of the current view and its link."""
from __future__ import annotations

from datetime import date
from urllib.parse import urlencode, urlsplit, urlunsplit



def view_link(base_url: str | None, page_path: str, query: dict) -> str:
    """The link that reopens this page with these filters. base_url is the address the browser
    used (st.context.url); without one (tests, scripts) a relative link is given."""
    query_string = urlencode(query, doseq=True)
    if not base_url:
        return f"/{page_path}" + (f"?{query_string}" if query_string else "")
    parts = urlsplit(base_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{page_path}", query_string, ""))


def as_markdown_quote(text: str) -> str:
    """Text as a Markdown block quote; $ escaped, since Streamlit reads $…$ as mathematics."""
    return "> " + text.replace("$", "\\$")


def citation(state_line: str, link: str, accessed: date, built_at) -> str:
    return (f"Shanghai AI Policy Tracker. View: {state_line}. Data built {built_at:%Y-%m-%d} from five news articles "
            f"(2018–2023) with verbatim evidence. {link} (accessed {accessed:%Y-%m-%d}).")


