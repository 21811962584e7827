"""Peak memory of a process from /proc, without psutil: VmHWM is the resident set's high-water mark."""
from __future__ import annotations

import os
from pathlib import Path


def _status_kb(pid: int, field: str) -> int | None:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:             # the process has gone, or /proc is not there (not Linux)
        return None
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def peak_rss_mb(pid: int | None = None) -> float | None:
    """The high-water mark of the resident set of `pid` (default: this process), in MiB."""
    kb = _status_kb(pid or os.getpid(), "VmHWM")
    return None if kb is None else round(kb / 1024, 1)
