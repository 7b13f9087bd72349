"""Serving the explorer as a web app on this machine (make explore): Voilà, with a page
template that fetches nothing from the network."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "explorer.ipynb"
# Jupyter data folder holding the "offline" Voila template (voila/templates/offline/)
TEMPLATES = Path(__file__).resolve().parent / "jupyter"


def voila_command(port: int) -> tuple[list[str], dict[str, str]]:
    """The command and environment that serve the explorer on 127.0.0.1:port, no code shown."""
    voila = Path(sys.executable).parent / "voila"
    paths = [str(TEMPLATES), os.environ.get("JUPYTER_PATH", "")]
    env = {**os.environ, "JUPYTER_PATH": os.pathsep.join(p for p in paths if p)}
    return ([str(voila), str(NOTEBOOK), "--no-browser", "--template=offline",
             "--Voila.ip=127.0.0.1", f"--port={port}"], env)
