"""Review candidates on the command line: accept, edit or skip each one.

Reads answers line by line from a stream (stdin in use, a StringIO in tests), so a review can be
scripted: `printf 'a\\ns\\ne\\nunit=companies\\n\\na\\n' | python -m tracker ingest ...`.

    a  accept (asks for required columns that are still empty)
    e  edit: then lines `column=value` (`kind=achievement` changes the kind), a blank line to end
    s  skip (also an empty line)
    q  stop here and write what was accepted so far (also the end of the input)
    x  abort: write nothing
"""
from __future__ import annotations

from typing import TextIO

from tracker.ingest.candidate import Candidate, change_kind, columns, format_value

HELP = "a = accept, e = edit, s = skip, q = stop and write what was accepted, x = abort and write nothing"


class Aborted(Exception):
    pass


def describe(c: Candidate, number: int, total: int) -> str:
    lines = [f"[{number}/{total}] {c.kind}"]
    if c.value is not None or c.unit:
        lines[0] += f"  {format_value(c.value)} {c.unit or ''}" + (f" ({c.comparator})" if c.comparator else "")
    if c.year is not None:
        lines[0] += f"  year {c.year}"
    if c.date:
        lines[0] += f"  date {c.date}" + (f" to {c.end_date}" if c.end_date else "")
    if c.conversion:
        lines.append(f"  reported conversion: {format_value(c.conversion['value'])} {c.conversion['unit']}")
    lines.append(f"  quote: \"{c.quote}\"")
    filled = [f"{k}={v}" for k, v in c.fields.items() if v not in (None, "") and k not in ("statement", "note")]
    lines.append("  fields: " + "; ".join(filled))
    if c.fields.get("statement"):
        lines.append(f"  statement: {c.fields['statement']}")
    if c.entities:
        lines.append("  known names: " + ", ".join(e["name"] for e in c.entities))
    if c.new_entities:
        lines.append("  new names: " + ", ".join(f"{e['name']} ({e['kind']})" for e in c.new_entities))
    lines.append("  why: " + "; ".join(c.reasons))
    missing = c.missing_required()
    if missing:
        lines.append("  still needed before it can be accepted: " + ", ".join(missing))
    return "\n".join(lines)


def _edit(c: Candidate, read, say) -> Candidate:
    say(f"  edit: one `column=value` per line (empty value clears it), blank line to finish. Columns: {', '.join(columns(c.kind))}, kind")
    while True:
        line = read()
        if line is None or not line.strip():
            return c
        column, sep, value = line.strip().partition("=")
        column, value = column.strip(), value.strip()
        if not sep:
            say(f"  not understood: {line.strip()!r}; write column=value")
        elif column == "kind":
            try:
                c = change_kind(c, value)
                say(f"  kind is now {value}; columns: {', '.join(columns(c.kind))}")
            except ValueError as e:
                say(f"  {e}")
        elif column in c.fields:
            c.fields[column] = value or None
        else:
            say(f"  {c.kind} has no column {column!r}; columns: {', '.join(columns(c.kind))}")


def review(candidates: list[Candidate], stdin: TextIO, stdout: TextIO) -> list[Candidate]:
    """The accepted candidates (edited as the reviewer asked). Raises Aborted on x."""
    def read() -> str | None:
        line = stdin.readline()
        return None if line == "" else line.rstrip("\n")

    def say(text: str) -> None:
        print(text, file=stdout, flush=True)

    accepted: list[Candidate] = []
    say(f"{len(candidates)} candidates. {HELP}.")
    for number, c in enumerate(candidates, 1):
        say("")
        say(describe(c, number, len(candidates)))
        while True:
            say("  accept / edit / skip / quit / abort [a/e/s/q/x]? ")
            answer = read()
            if answer is None:
                say("  (end of input: the remaining candidates are skipped)")
                return accepted
            answer = answer.strip().lower()
            if answer in ("a", "accept", "y", "yes"):
                missing = c.missing_required()
                if missing:
                    say(f"  cannot accept yet: {', '.join(missing)} still empty; edit them (e) or skip (s)")
                    continue
                accepted.append(c)
                break
            if answer in ("e", "edit"):
                c = _edit(c, read, say)
                say(describe(c, number, len(candidates)))
                continue
            if answer in ("", "s", "skip", "n", "no"):
                break
            if answer in ("q", "quit", "done"):
                return accepted
            if answer in ("x", "abort"):
                raise Aborted("review aborted; nothing was written.")
            say(f"  not understood: {answer!r}. {HELP}.")
    return accepted
