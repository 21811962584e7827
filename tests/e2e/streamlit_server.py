"""Start `streamlit run app.py` headless on a free loopback port, wait until it is healthy, stop it.

Used by the session fixture in conftest.py and by the concurrency test, which wants a server of its
own so that the peak memory it reports belongs to that load alone.
"""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.browser import free_port
from bench.procmem import peak_rss_mb

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "artifacts"  # gitignored: screenshots, server logs, concurrency numbers
HOST = "127.0.0.1"
START_TIMEOUT_S = 90  # a cold start on a busy 2-core machine; the health check usually answers in ~3 s
STOP_TIMEOUT_S = 15


@dataclass
class StreamlitServer:
    url: str  # http://127.0.0.1:PORT, no trailing slash
    process: subprocess.Popen
    log_path: Path

    def peak_memory_mib(self) -> float | None:
        """The server's peak resident memory (VmHWM) so far, in MiB."""
        return peak_rss_mb(self.process.pid)

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError as error:
            return f"(no server log: {error})"


def _health(url: str) -> str:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode(errors="replace").strip()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return f"({error})"


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT_S)


@contextlib.contextmanager
def running_server(db_path: Path, log_path: Path, app_dir: Path = REPO_ROOT) -> Iterator[StreamlitServer]:
    """Run app_dir/app.py (the dashboard by default) with its database at db_path; yield once healthy."""
    port = free_port()
    env = dict(os.environ)
    env["TRACKER_DB"] = str(db_path)
    env["PYTHONUNBUFFERED"] = "1"
    # The ingest page is off by default; the tests check the dashboard as it is deployed.
    env.pop("TRACKER_ENABLE_INGEST", None)
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.address", HOST,
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=app_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    server = StreamlitServer(f"http://{HOST}:{port}", process, log_path)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        answer = ""
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with status {process.returncode} before it was healthy:\n"
                                   f"{server.log_tail()}")
            answer = _health(server.url)
            if answer == "ok":
                break
            time.sleep(0.25)
        else:
            raise RuntimeError(f"streamlit did not answer 'ok' on /_stcore/health within {START_TIMEOUT_S} s "
                               f"(last answer: {answer}):\n{server.log_tail()}")
        yield server
    finally:
        _stop(process)
