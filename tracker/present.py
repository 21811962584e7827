"""From query results to what a page shows: chart-ready frames with hover text, and tables with
readable columns. Pure pandas, no Streamlit, so pages only lay out widgets."""
from __future__ import annotations

import math
import textwrap

import pandas as pd

from tracker.charts import point_hover
from tracker.formatting import (COMPARATOR_SIGNS, COMPARATORS, STATUS_LABELS, count_of, fmt_date, fmt_money, fmt_value, shorten, signed,
                                sources_of)
from tracker.limits import DESCRIBED

CLAIM_LABELS = {"official_statement": "Official statement", "press_report": "Press report", "derived": "Derived"}
NATURE_LABELS = {"announcement": "Announcement", "action": "Action"}


def claim(value) -> str:
    return CLAIM_LABELS.get(value, "—") if isinstance(value, str) else "—"


def source_list(frame: pd.DataFrame, shown: int = 5, columns: tuple[str, ...] = ("source_ids",)) -> str:
    """The distinct sources behind a frame's rows (in `columns`), with their noun ("source S001",
    "sources S002; S003"), for a chart's source note; past `shown` of them (five, as the SQL macro
    int_source_summary does for captions), the first ones and how many more."""
    ids = sorted({i for column in columns for cell in frame[column].dropna() for i in cell.split("; ")})
    if not ids:
        return "no source in view"
    more = f" and {len(ids) - shown:,} more" if len(ids) > shown else ""
    return sources_of("; ".join(ids[:shown]) + more)


def more_note(total: int, shown: int, what: str) -> str:
    """"; and 12 more figures" when a description named only the first `shown` of `total`."""
    return f"; and {total - shown:,} more{' ' + what if what else ''}" if total > shown else ""


def _year_text(value) -> str:
    return "—" if pd.isna(value) else str(int(value))


# --- overview ------------------------------------------------------------------------------------

# How views/40_money_values.sql words the basis of an amount a source converted itself
# ("converted by the source S002"): the one place Python recognises that wording.
SOURCE_CONVERSION = "converted by the source"


def _by_source(basis) -> bool:
    return isinstance(basis, str) and basis.startswith(SOURCE_CONVERSION)


def _basis_note(derived: bool, basis, prefix: str = " (", suffix: str = "") -> str:
    """Say how a shown amount was converted: by this project (derived) or by the source itself."""
    # a derived basis says so itself: "derived at 6.45 CNY per USD, the 2021 annual average"
    return f"{prefix}{basis}{suffix}" if derived or _by_source(basis) else ""


def headline_cards(headlines: pd.DataFrame) -> list[dict]:
    """One card per headline metric: the figure, when, what kind of claim and from which source.
    Where no figure is dated in the chosen years (in_view false), no figure ("—"), and the caption
    gives the latest one before them: the one the goal pages measure progress with."""
    cards = []
    for row in headlines.itertuples():
        qualifier = COMPARATORS.get(row.comparator or "", "")
        value = fmt_value(row.value, row.unit, row.unit_kind)
        if row.unit_kind == "count":
            value = f"{row.value:,.0f}"  # the card's label names what is counted
        basis = _basis_note(row.is_derived, row.conversion_basis, " · ")
        when = f"as of {row.as_of_year} · {claim(row.claim_type)} · {sources_of(row.source_ids)}{basis}"
        stated = f"{qualifier} {value}" if qualifier else value          # "more than $42.73 bn"
        if row.in_view:
            shown = signed(value, row.comparator)     # "exceeded $42.73 bn" is not "$42.73 bn"
            caption = (f"{stated[0].upper()}{stated[1:]} · " if qualifier else "") + when
        else:
            shown, caption = "—", f"No figure dated in the chosen years; the latest before them: {stated} · {when}"
        cards.append({
            "metric": row.metric, "statement": row.statement,    # what the figure measures, in the record's words
            "value": shown, "caption": caption, "derived": bool(row.is_derived),
        })
    return cards


LOWER_BOUNDS = ("more_than", "at_least")


def progress_text(ratio, figure_comparator, target_comparator) -> str:
    """A progress ratio as a reader may take it: "> 275.6%" when the figure is a lower bound ("exceeded
    $42.73 billion"), "≈ 70%" when the figure or the target is approximate; "—" without a figure.
    To a tenth of a percent, as the tables' number column; a lower bound is cut, not rounded up, so
    that it claims no more than the source ("> 276%" would overstate "more than 275.6%")."""
    if pd.isna(ratio):
        return "—"
    sign = COMPARATOR_SIGNS.get(figure_comparator) or ("≈" if target_comparator == "about" else "")
    tenths = round(ratio * 1000, 6)         # round(): 0.57 * 1000 is 569.999...
    tenths = math.floor(tenths) if figure_comparator in LOWER_BOUNDS else round(tenths)
    percent = f"{tenths / 10:.1f}".removesuffix(".0") + "%"
    return f"{sign} {percent}" if sign else percent


def status_label(status, deadline_year) -> str:
    """The status in words (the rule itself is SQL's: views/49_int_progress.sql)."""
    if status == "behind" and pd.isna(deadline_year):
        return "Not yet reached (no deadline)"
    return STATUS_LABELS.get(status, "—") if isinstance(status, str) else "—"


def _progress_columns(df: pd.DataFrame) -> dict:
    """The progress columns both goal tables share: as shown (with its qualifier) and as a number for sorting."""
    return {"Status": [status_label(s, d) for s, d in zip(df["status"], df["deadline_year"])],
            "Progress (derived)": [progress_text(r, c, t) for r, c, t in
                                   zip(df["progress_ratio"], df["latest_comparator"], df["comparator"])],
            "Progress (%, number)": (df["progress_ratio"] * 100).round(1)}


def progress_frame(goals: pd.DataFrame, as_of: int) -> pd.DataFrame:
    """Quantitative targets that have a comparable figure dated `as_of` or earlier (the end of the
    chosen years), ready for charts.target_progress."""
    df = goals[goals["is_quantitative"] & goals["progress_ratio"].notna()].copy()
    if df.empty:
        return df.assign(label=[], status_label=[], hover=[])
    df["label"] = [f"{shorten(s, 48)} ({j}, by {_year_text(d)})" for s, j, d in
                   zip(df["statement"], df["jurisdiction_label"], df["deadline_year"])]
    columns = _progress_columns(df)
    df["status_label"], df["progress_text"] = columns["Status"], columns["Progress (derived)"]
    df["hover"] = [
        point_hover(r.statement, f"Target: {fmt_value(r.reported_value, r.reported_unit, None, r.comparator)}\n"
                    f"Latest up to {as_of}: {fmt_value(r.latest_value_as_reported, r.latest_unit_as_reported, None, r.latest_comparator)} "
                    f"({r.latest_year})\nProgress: {r.progress_text} of the target (derived: figure ÷ target)\n"
                    + "\n".join(textwrap.wrap(f"Figure: {r.latest_statement.rstrip('.')} (record {r.latest_achievement_id}, "
                                             f"{claim(r.latest_claim_type).lower()}, {sources_of(r.latest_source_ids)})", 80)),
                    # the figure's words and kind of claim: the status rests on it as much as on the target
                    f"deadline {_year_text(r.deadline_year)}; figure {r.figure_timing}", f"{claim(r.claim_type)} (the target)", r.source_ids,
                    extra=f"Basis: {r.progress_basis}")
        for r in df.itertuples()]
    return df


def progress_claims(progress: pd.DataFrame) -> list[str]:
    """The kinds of claim a progress chart rests on: the targets', the figures' and the ratio's (derived)."""
    return [*progress["claim_type"], *progress["latest_claim_type"], "derived"]


def progress_description(progress: pd.DataFrame) -> str:
    """The progress chart in words, for the goal pages."""
    more = len(progress) - DESCRIBED
    return (" ".join(f"{r.statement.rstrip('.')}: latest figure {r.progress_text} of the target. Status: {r.status_label.lower()}."
                     for r in progress.head(DESCRIBED).itertuples())
            + (f" {count_of(more, 'more target is', 'more targets are')} in the table." if more > 0 else ""))


def progress_note(progress: pd.DataFrame, as_of: int) -> str:
    """The progress chart's source note: the targets' and the figures' sources, and what the bars compare."""
    return (f"{source_list(progress, columns=('source_ids', 'latest_source_ids'))}. Progress with the figures dated up to "
            f"{as_of} (the last chosen year): the latest figure for the same metric and jurisdiction, as a share of the "
            "target, computed by this project (derived), in the target's own currency: a figure in another currency is "
            "converted at the annual average rate (derived). The hover and the table give both amounts as the sources "
            "do, whatever the currency chosen; elsewhere, where both are shown in the chosen currency (on the "
            "Achievements chart, for one), each is converted on its own basis, so their ratio can differ a little. "
            "\">\", \"≥\" and \"≈\" keep a figure the source gives as \"more than\", \"at "
            "least\" or \"about\"; a lower bound below the target is \"not shown reached\", not \"not reached\".")


def progress_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Target": df["statement"], "Jurisdiction": df["jurisdiction_label"], "Deadline": df["deadline_year"],
        "Target value (as reported)": [fmt_value(v, u, None, c) for v, u, c in zip(df["reported_value"], df["reported_unit"], df["comparator"])],
        "Target sources": df["source_ids"],
        "Latest comparable figure (as reported)": [fmt_value(v, u, None, c) for v, u, c in
                                                   zip(df["latest_value_as_reported"], df["latest_unit_as_reported"], df["latest_comparator"])],
        "Figure year": df["latest_year"], "Figure statement": df["latest_statement"],
        "Figure claim type": df["latest_claim_type"].map(claim),
        "Figure record": df["latest_achievement_id"], "Figure sources": df["latest_source_ids"],
        **_progress_columns(df), "Basis of the figure": df["progress_basis"],
    })


def timeline_frame(events: pd.DataFrame) -> pd.DataFrame:
    df = events.copy()
    df["when"] = [fmt_date(d, p) for d, p in zip(df["date"], df["date_precision"])]
    df["hover"] = [point_hover(r.title, None, f"{r.when} ({r.event_type})", f"{claim(r.claim_type)}"
                               + (f", {NATURE_LABELS[r.event_nature].lower()}" if isinstance(r.event_nature, str) else ""),
                               r.source_ids, note=r.note) for r in df.itertuples()]
    return df


def _busiest(per_year: pd.Series) -> str:
    """ "the busiest year is 2018 with 13 events", or every year that ties for it."""
    most = int(per_year.max())
    years = [str(y) for y in sorted(per_year[per_year == most].index)]
    if len(years) == 1:
        return f"the busiest year is {years[0]} with {count_of(most, 'event', 'events')}"
    listed = ", ".join(years[:-1]) + f" and {years[-1]}"
    return f"the busiest years are {listed}, with {count_of(most, 'event', 'events')} each"


def _timeline_words(per_year: pd.Series) -> str:
    first, last = per_year.index.min(), per_year.index.max()
    events = count_of(int(per_year.sum()), 'event', 'events')
    return f"{events} in {first}." if first == last else f"{events} from {first} to {last}; {_busiest(per_year)}."


def timeline_description(events: pd.DataFrame) -> str:
    """The timeline in words: how many events over which years, and the busiest year."""
    return _timeline_words(events.groupby("year").size())


def timeline_counts_description(counts: pd.DataFrame) -> str:
    """The counted timeline in words (counts per year and type, from SQL)."""
    return _timeline_words(counts.groupby("year")["events"].sum())


def timeline_counts_frame(counts: pd.DataFrame) -> pd.DataFrame:
    df = counts.copy()
    df["hover"] = [f"<b>{count_of(r.events, r.event_type + ' event', r.event_type + ' events')} in {r.year}</b>\n"
                  f"in {count_of(r.topics, 'topic', 'topics')}" for r in df.itertuples()]
    return df


def timeline_counts_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"Year": df["year"], "Event type": df["event_type"], "Events": df["events"], "Topics": df["topics"]})


def timeline_table(df: pd.DataFrame, row_title: str = "Event type") -> pd.DataFrame:
    """The timeline's rows as a table; row_title names what the chart's rows are (the Microsoft
    history's rows are "Microsoft in China" and "Microsoft in Shanghai", not event types)."""
    return pd.DataFrame({
        "Date": df["when"], row_title: df["event_type"], "What": df["title"], "Topic": df["topic_label"],
        "Date precision": df["date_precision"], "Jurisdiction": df["jurisdiction_label"], "Claim type": df["claim_type"].map(claim),
        "Announcement or action": df["event_nature"].map(lambda n: NATURE_LABELS.get(n, "—")), "Sources": df["source_ids"],
        "Note": df["note"].fillna(""), "Record": df["record_id"],
    })


# --- goals ---------------------------------------------------------------------------------------

def goals_table(goals: pd.DataFrame) -> pd.DataFrame:
    target_text = []
    for r in goals.itertuples():
        if not r.is_quantitative:
            target_text.append("—")
            continue
        text = fmt_value(r.target_value, r.unit, r.unit_kind, r.comparator)
        text += _basis_note(r.target_is_derived, r.target_conversion_basis, " (", ")")
        target_text.append(text)
    reported = [fmt_value(v, u, None, c) if pd.notna(v) else "—" for v, u, c in
                zip(goals["reported_value"], goals["reported_unit"], goals["comparator"])]
    conversion = [f"{fmt_money(v, u)} per {s}" + (f" ({count_of(n - 1, 'other conversion', 'other conversions')} under "
                                                   "Where sources disagree, on Achievements)" if n > 1 else "")
                  if pd.notna(v) else "—"
                  for v, u, s, n in zip(goals["reported_conversion_value"], goals["reported_conversion_unit"],
                                        goals["reported_conversion_source"], goals["reported_conversion_count"])]
    return pd.DataFrame({   # what a reader looks for first (status, progress) before the detail, not off-screen
        "Goal": goals["statement"], "Jurisdiction": goals["jurisdiction_label"], "Deadline": goals["deadline_year"],
        **_progress_columns(goals),
        "Target (chosen currency)": target_text, "As stated": reported, "Topic": goals["topic_label"],
        "Announced": [_year_text(a) if pd.notna(a) else f"not stated (first reported {_year_text(f)})"
                      for a, f in zip(goals["announced_year"], goals["active_from_year"])],
        "Basis of progress figure": goals["progress_basis"].fillna("—"),
        "Progress figure": [f"{w} ({a}, {claim(c).lower()}, {sources_of(s)})" if isinstance(a, str) else "—"
                            for w, a, c, s in zip(goals["latest_statement"], goals["latest_achievement_id"],
                                                  goals["latest_claim_type"], goals["latest_source_ids"])],
        "Conversion the source reports": conversion,
        "Claim type": goals["claim_type"].map(claim), "Speaker": goals["speaker"].fillna("—"),
        "Sources": goals["source_ids"], "Note": goals["note"].fillna(""), "Record": goals["target_id"],
    })


# --- achievements --------------------------------------------------------------------------------

def series_frame(points: pd.DataFrame) -> pd.DataFrame:
    df = points.copy()
    df["color_topic"] = df["topic"]
    # the figure drawn, with the source's qualifier: a marker at 20 for "more than twenty" is labelled "> 20 products"
    df["label"] = [signed(fmt_value(v, u, k), c) for v, u, k, c in zip(df["value"], df["unit"], df["unit_kind"], df["comparator"])]
    df["hover"] = [
        point_hover(r.statement,
                    fmt_value(r.value, r.unit, r.unit_kind, r.comparator)
                    + (f" (from {fmt_value(r.reported_value, r.reported_unit, r.unit_kind, r.comparator)}, {r.conversion_basis})"
                       if r.derived else _basis_note(False, r.conversion_basis, " (", ")")),
                    str(r.year), claim(r.claim_type) + (" (converted figure: derived)" if r.derived else ""), r.source_ids,
                    note=r.note)
        for r in df.itertuples()]
    return df


def series_axis(points: pd.DataFrame) -> tuple[str, float, dict | None]:
    """The metric chart's y axis for the unit drawn: its title, the divisor of the values (money in
    billions) and what it adds to the axis (whole ticks for ranks and small counts: no "2.5 clusters";
    ranks read downwards from the first)."""
    unit, kind = points["unit"].iloc[0], points["unit_kind"].iloc[0]
    title = {"CNY": "Billions of yuan (CNY)", "USD": "Billions of US dollars (USD)", "share": "Share of the national total",
             "rank": "Rank (1 = first)"}.get(unit, unit.capitalize())
    if unit == "share":
        return title, 1.0, {"tickformat": ".0%", "range": [0, 1]}
    if unit == "rank":      # first at the top, and no rank 0 at the bottom
        return title, 1.0, {"dtick": 1, "range": [float(points["value"].max()) + 0.5, 0.5]}
    if kind == "count" and points["value"].max() <= 10:
        return title, 1.0, {"dtick": 1}
    return title, 1e9 if unit in ("CNY", "USD") else 1.0, None


def series_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Year": df["year"], "Jurisdiction": df["jurisdiction_label"], "Company": df["subject"].fillna("—"), "Statement": df["statement"],
        "Value (chart)": df["value"], "Unit (chart)": df["unit"], "Derived": df["derived"],
        "Conversion basis": df["conversion_basis"].fillna("as reported"),
        "As reported": [fmt_value(v, u, k, c) for v, u, k, c in zip(df["reported_value"], df["reported_unit"], df["unit_kind"], df["comparator"])],
        "Claim type": df["claim_type"].map(claim), "Sources": df["source_ids"], "Record": df["achievement_id"],
    })


def target_lines_note(targets: pd.DataFrame) -> str:
    """For the chart's note: targets drawn with one source's conversion where other sources convert
    the amount too, so a reader knows the line is one of several figures."""
    return "".join(
        f" The target line {r.label} uses {r.reported_conversion_source}'s conversion; "
        f"{count_of(r.reported_conversion_count - 1, 'other source converts', 'other sources convert')} it too "
        "(see *Where sources disagree*)."
        for r in targets.itertuples() if r.source_converted and r.reported_conversion_count > 1)


def target_lines_frame(targets: pd.DataFrame) -> pd.DataFrame:
    df = targets.copy()
    df["source_converted"] = [_by_source(b) and not d for b, d in zip(df["conversion_basis"], df["derived"])]
    # the legend says, briefly, how a target drawn in another currency got there
    how = [", derived" if r.derived else f", per {r.reported_conversion_source}" if r.source_converted else ""
           for r in df.itertuples()]
    df["label"] = [f"{fmt_value(r.target_value, r.unit, 'currency' if r.unit in ('CNY', 'USD') else None, r.comparator)} "
                   f"by {r.deadline_year} ({r.jurisdiction_label}{h})" for r, h in zip(df.itertuples(), how)]
    # the line starts when the goal was set, or where the sources do not say, when it was first reported
    df["hover"] = [point_hover(r.statement, f"Target: {r.label}" + _basis_note(r.derived, r.conversion_basis, "; "),
                               f"from {r.start_year} to {r.deadline_year}" if pd.notna(r.announced_year) else
                               f"by {r.deadline_year}; when it was set is not stated (the line starts at its first report, {r.start_year})",
                               claim(r.claim_type), r.source_ids, note=r.note) for r in df.itertuples()]
    return df


def event_marks_frame(events: pd.DataFrame) -> pd.DataFrame:
    """Years with events, each with a line saying what happened (the hover text of the chart's event marks)."""
    df = events.copy()
    df["hover"] = [f"<b>{r.year}</b>: " + ", ".join(count_of(n, one, many) for n, one, many in (
                       (r.conferences, "conference", "conferences"), (r.partnerships, "partnership or meeting", "partnerships and meetings"),
                       (r.plans, "plan announced", "plans announced")) if n)
                   + "<br>(the Overview's timeline shows them; the whole-dataset download lists each)" for r in df.itertuples()]
    return df


def achievements_table(df: pd.DataFrame) -> pd.DataFrame:
    shown = []
    for r in df.itertuples():
        text = fmt_value(r.value, r.unit, r.unit_kind, r.comparator) if pd.notna(r.value) else "— (no figure in the source)"
        text += _basis_note(r.is_derived, r.conversion_basis, " (", ")")
        shown.append(text)
    return pd.DataFrame({
        "Statement": df["statement"], "Figure (chosen currency)": shown,
        "As reported": [fmt_value(v, u, k, c) for v, u, k, c in zip(df["reported_value"], df["reported_unit"], df["unit_kind"], df["comparator"])],
        "Conversion the source reports": [fmt_money(v, u) if pd.notna(v) else "—" for v, u in zip(df["reported_conversion_value"], df["reported_conversion_unit"])],
        "As of": df["as_of_year"], "Jurisdiction": df["jurisdiction_label"], "Topic": df["topic_label"],
        "Metric": df["metric_label"].fillna("—"), "About": df["subject"].fillna("—"), "Speaker": df["speaker"].fillna("—"),
        "Claim type": df["claim_type"].map(claim), "Sources": df["source_ids"], "Note": df["note"].fillna(""),
        "Record": df["achievement_id"],
    })


def conversions_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["statement"] = out["label"]
    out["label"] = out["label"].map(lambda s: shorten(s, 42))
    # as the source writes it: "$14.5 bn" for "$14.5 billion", not "$14.50 bn"; the chart and the hover alike
    out["text"] = [fmt_money(v, "USD") for v in out["value"]]
    out["hover"] = [f"<b>{'<br>'.join(textwrap.wrap(r.statement, 80))}</b>\n{r.text} — {r.kind}"
                    + (f" by {r.source_id}" if isinstance(r.source_id, str) else "")
                    + (f"\n{r.reason}" if isinstance(r.reason, str) else "") for r in out.itertuples()]
    return out


def conversions_intro(df: pd.DataFrame) -> str:
    """What the disagreement chart shows, counted: how many of its amounts two or more sources convert."""
    reported = df[df["kind"].str.startswith("reported")]
    values = reported.groupby("record_id")["value"].nunique().reindex(df["record_id"].unique(), fill_value=0)
    differ = int((values > 1).sum())
    intro = ("The dollar figures the articles give for yuan amounts, beside this project's own conversion (derived, at "
             "the annual average rate). ")
    if differ == 0:
        return intro + f"No amount of the {len(values)} in view is given different dollar figures by different sources."
    return intro + (f"{count_of(differ, 'amount', 'amounts')} of {len(values)} in view {'is' if differ == 1 else 'are'} "
                    "given different dollar figures by different sources; all their figures are kept, and the *preferred* "
                    "one is shown by default elsewhere, for the reason given.")


def conversions_table(df: pd.DataFrame) -> pd.DataFrame:
    """Each dollar figure for a yuan amount: who gave it (a source, or this project: derived) and why it is kept."""
    return pd.DataFrame({
        "Record": df["record_id"], "Statement": df["statement"], "US dollars (bn)": df["value_bn"].round(3),
        "Figure": df["kind"], "Source": df["source_id"].fillna("— (this project)"), "Basis or reason": df["reason"],
    })


# --- partnerships --------------------------------------------------------------------------------

def network_frames(edges: pd.DataFrame, actor_types: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (with type and degree) and edges with hover text, from the relation rows."""
    e = edges.copy()
    e["hover"] = [f"<b>{r.source} — {r.target}</b>\n{r.relation}\n{shorten(r.statement, 90)}\n{r.year} · {claim(r.claim_type)} · {sources_of(r.source_ids)}"
                  for r in e.itertuples()]
    names = pd.unique(pd.concat([e["source"], e["target"]], ignore_index=True))
    types = actor_types.set_index("name")
    degree = pd.concat([e["source"], e["target"]]).value_counts()
    rows = []
    for name in names:
        if name in types.index:
            info = types.loc[name]
            node_type = info["actor_type"]
            hover = f"<b>{name}</b>\n{info['role'] or ''}" + (f"\n{info['affiliation']}" if isinstance(info["affiliation"], str) else "")
        else:
            node_type = "place or event" if name not in set(e["source"]) else "organization"
            hover = f"<b>{name}</b>"
        rows.append({"name": name, "node_type": node_type, "degree": int(degree.get(name, 0)),
                     "hover": hover + f"\n{count_of(int(degree.get(name, 0)), 'relation', 'relations')}"})
    return pd.DataFrame(rows, columns=["name", "node_type", "degree", "hover"]), e


def network_table(edges: pd.DataFrame) -> pd.DataFrame:
    """The relations drawn, in words: "From" and "To" are the two parties (not source articles)."""
    return pd.DataFrame({
        "From": edges["source"], "To": edges["target"], "Relation": edges["relation"], "What": edges["statement"],
        "Year": edges["year"], "Claim type": edges["claim_type"].map(claim), "Sources": edges["source_ids"],
        "Record": edges["record_id"],
    })


def partnerships_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "When": [fmt_date(d, p) if pd.notna(d) else str(y) for d, p, y in zip(df["event_date"], df["date_precision"], df["year"])],
        "Organisation": df["organization"], "Counterpart": df["counterpart"], "Kind": df["kind"],
        "People": df["people"].fillna("—"), "What": df["statement"], "Jurisdiction": df["jurisdiction_label"],
        "Claim type": df["claim_type"].map(claim), "Announcement or action": df["event_nature"].map(lambda n: NATURE_LABELS.get(n, "—")),
        "Sources": df["source_ids"], "Note": df["note"].fillna(""), "Record": df["partnership_id"],
    })


def history_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["event_type"] = out["jurisdiction_label"].map(lambda j: f"Microsoft in {j}")
    out["title"] = out["statement"]
    return timeline_frame(out)


# --- clusters, funds, conferences ----------------------------------------------------------------

def clusters_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["hover"] = [point_hover(r.name, f"{r.kind}" + (f" · {r.district}" if isinstance(r.district, str) else "")
                                + f"\nFocus: {r.focus if isinstance(r.focus, str) else 'not stated in the sources'}",
                                fmt_date(r.established_on, "day") if pd.notna(r.established_on) else f"reported {r.year}",
                                claim(r.claim_type), r.source_ids, extra="Position: approximate (not from the sources)", note=r.note)
                    for r in out.itertuples()]
    return out


def clusters_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Name": df["name"], "Kind": df["kind"], "District": df["district"].fillna("not stated"),
        "Focus": df["focus"].fillna("not stated in the sources"),
        "Established": [fmt_date(d, "day") if pd.notna(d) else "not stated" for d in df["established_on"]],
        "Latitude (approx.)": df["latitude"], "Longitude (approx.)": df["longitude"],
        "Claim type": df["claim_type"].map(claim), "Sources": df["source_ids"], "Note": df["note"].fillna(""),
        "Record": df["cluster_id"],
    })


def stage_label(stage: str) -> str:
    """A stage of the money in words: "initial capitalization"."""
    return stage.replace("_", " ")


def funds_frame(df: pd.DataFrame, in_cny: bool = False) -> pd.DataFrame:
    """The funds to draw; in_cny: every size in CNY (derived where converted), whatever the currency
    chosen, for a chart of funds reported in several currencies."""
    if in_cny:
        df = df.assign(value=df["value_cny"], unit="CNY", is_derived=df["cny_is_derived"])
    out = df[df["value"].notna()].copy()
    # the stage on a line of its own: a name cut short could hide "(name not stated)"
    out["label"] = [f"{shorten(n, 56)}<br>{stage_label(s)}" for n, s in zip(out["name"], out["amount_stage"])]
    out["amount"] = out["value"] / 1e9
    out["derived"] = out["is_derived"]
    out["text"] = [fmt_money(v, u) + (" (derived)" if d else "") for v, u, d in zip(out["value"], out["unit"], out["is_derived"])]
    out["hover"] = [point_hover(r.name, f"{r.text}\nAs reported: {fmt_money(r.reported_value, r.reported_unit)}"
                                + (f"\n{r.conversion_basis}" if r.derived else ""), _year_text(r.launched_year),
                                claim(r.claim_type), r.source_ids, extra=f"Backers: {r.backers}\nFocus: {r.focus}", note=r.note)
                    for r in out.itertuples()]
    return out


def funds_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Fund": df["name"], "Stage of the money": df["amount_stage"].map(stage_label),
        "Size as reported": [fmt_money(v, u) for v, u in zip(df["reported_value"], df["reported_unit"])],
        "Size in CNY": [fmt_money(v, "CNY") + (" (derived)" if d else "") for v, d in zip(df["value_cny"], df["cny_is_derived"])],
        "Size in USD": [fmt_money(v, "USD") + (" (derived)" if d else "") for v, d in zip(df["value_usd"], df["usd_is_derived"])],
        "Conversion basis": df["conversion_basis"].fillna("—"), "Backers": df["backers"].fillna("—"), "Focus": df["focus"].fillna("—"),
        "Launched": df["launched_year"], "Claim type": df["claim_type"].map(claim), "Sources": df["source_ids"],
        "Note": df["note"].fillna(""), "Record": df["fund_id"],
    })


def conferences_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["event"] = [f"{n} {e}" if isinstance(e, str) else n for n, e in zip(out["name"], out["edition"])]
    # an event the source previewed before it took place says so where it is drawn
    out["label"] = [e + (" · announced ahead" if nature == "announcement" else "") for e, nature in zip(out["event"], out["event_nature"])]
    out["start"] = out["event_date"]
    out["end"] = out["end_date"]
    out["when"] = [_conference_dates(r) for r in out.itertuples()]
    out["hover"] = [point_hover(r.label, f"{r.location or 'place not stated'}", r.when,
                                f"{claim(r.claim_type)}, {NATURE_LABELS[r.event_nature].lower()}", r.source_ids,
                                note=r.note) for r in out.itertuples()]
    return out


def fund_capital_card(stages: pd.DataFrame) -> tuple[str, str, str]:
    """The Overview's fund card (label, value, caption) from overview__fund_capital's rows, one per
    stage of the money. One stage: the capital added up. Several: the number of funds, and each
    stage's capital in the caption, never added together (money planned is not money deployed)."""
    def basis(r) -> str:
        return f" · {r.basis}" if r.is_derived else ""
    rows = list(stages.itertuples())
    if len(rows) == 1:
        (r,) = rows
        return ("Fund capital", fmt_money(r.total_value, r.unit),
                f"{count_of(r.fund_count, 'fund', 'funds')}, {stage_label(r.amount_stage)} · {sources_of(r.source_ids)}{basis(r)}")
    by_stage = "; ".join(f"{fmt_money(r.total_value, r.unit)}{' (derived)' if r.is_derived else ''} "
                         f"{stage_label(r.amount_stage)} ({count_of(r.fund_count, 'fund', 'funds')})" for r in rows)
    return ("Funds", f"{sum(r.fund_count for r in rows):,}",
            f"{by_stage} · stages not added together · {sources_of(rows[0].all_source_ids)}")


def held_note(editions: int, held: int) -> str:
    """How many of the (one or more) conference editions took place, as the sources report; the others were previewed."""
    if held == editions:
        return "All reported as held"
    if held == 0:
        return "None reported as held: all announced ahead"
    return f"{held:,} reported as held, the rest announced ahead"


def _conference_dates(r) -> str:
    if pd.notna(r.start_date):
        return fmt_date(r.start_date, "day") + (f" – {fmt_date(r.end_date, 'day')}" if pd.notna(r.end_date) else "")
    if pd.notna(r.observed_on):
        return f"in session on {fmt_date(r.observed_on, 'day')} (start and end not stated)"
    return f"{r.year} (dates not stated)"


def conferences_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Event": df["event"], "Dates": df["when"], "Place": df["location"].fillna("not stated"),
        "Held or announced": df["event_nature"].map({"action": "Held", "announcement": "Announced ahead"}),
        "Claim type": df["claim_type"].map(claim), "Sources": df["source_ids"], "Note": df["note"].fillna(""),
        "Record": df["conference_id"],
    })


# --- sources -------------------------------------------------------------------------------------

def sources_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        # how the date was found next to it: most dates here are inferred, and off-screen they read as printed
        "Source": df["source_id"], "Title": df["title"],
        "Date (printed or inferred)": [fmt_date(d, p) for d, p in zip(df["published_on"], df["date_precision"])],
        "How the date was found": df["date_note"].fillna(""), "Date precision": df["date_precision"],
        "Publisher": df["publisher"].fillna("not stated"), "Authors": df["authors"].fillna("not stated"),
        "URL": df["url"], "Archive file": df["archive_name"],
        "Records supported (all)": df["record_count"], "Records in this view": df["records_in_view"],
    })


# --- method ---------------------------------------------------------------------------------------

def fx_rates_table(rates: pd.DataFrame) -> pd.DataFrame:
    """The exchange rates as printed: year as text, two decimals (a static table shows values as given)."""
    return pd.DataFrame({"Year": rates["year"].astype(str), "CNY per USD": rates["cny_per_usd"].map("{:.2f}".format),
                         "Basis": rates["basis"]}).set_index("Year")


def coverage_table(coverage: pd.DataFrame) -> pd.DataFrame:
    """Records per kind and claim type, as whole numbers with claim-type labels."""
    return (coverage.pivot_table(index="kind", columns="claim_type", values="records", fill_value=0, aggfunc="sum")
            .astype(int).rename(columns=CLAIM_LABELS).rename_axis(index="Kind of record", columns=None))
