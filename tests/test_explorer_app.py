"""The explorer served as a web app (make explore): Voilà starts on this machine, runs the
notebook and serves its page with every cell executed and nothing failed."""

import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from analysis.explore.serve import voila_command

ROOT = Path(__file__).resolve().parent.parent
STARTUP = 180  # seconds: a kernel start and the notebook on a busy machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_served_explorer_renders_without_error(tmp_path):
    port = free_port()
    command, env = voila_command(port)  # what make explore runs
    log = tmp_path / "voila.log"
    with open(log, "w") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        page, deadline = None, time.monotonic() + STARTUP
        while page is None and time.monotonic() < deadline:
            assert server.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=STARTUP) as answer:
                    page = answer.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert page is not None, "Voilà did not answer"
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Explorer: the report" in page  # the notebook's heading
    assert "application/vnd.jupyter.widget-view+json" in page  # the controls' widget
    assert "Selection: chapter All; topic All" in page  # the cell after them ran
    assert "Traceback" not in page and "application/vnd.jupyter.stderr" not in page
    assert "import analysis" not in page  # no code shown
    remote = re.findall(r"""<(?:script|link|img)[^>]+(?:src|href)=["'](https?://[^"']+)""", page)
    assert remote == []  # nothing fetched from the network: no script, style sheet or image
