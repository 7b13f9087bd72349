"""A small client for headless Chromium over the DevTools protocol (a websocket), enough to
open a local page, emulate a phone or print, read the page and save screenshots and PDFs.

Debian's `chromium` is used as installed; nothing is downloaded at run time.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket  # websocket-client

BINARIES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio",
         "--remote-debugging-port=0"]
A4_IN = (8.27, 11.69)


def find_chromium() -> str | None:
    return next((path for name in BINARIES if (path := shutil.which(name))), None)


class ProtocolError(RuntimeError):
    pass


class Chromium:
    """One headless browser with one page. Use as a context manager."""

    def __init__(self, binary: str, timeout: float = 60):
        self.profile = tempfile.mkdtemp(prefix="chromium-")
        self.process = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.timeout = timeout
        try:
            port = self._port()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=timeout) as reply:
                page = next(t for t in json.load(reply) if t["type"] == "page")
            self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=timeout,
                                                  suppress_origin=True)
        except BaseException:  # a browser that never connected is not left running
            self._stop()
            raise
        self.next_id = 0
        self.events: list[dict] = []
        for domain in ("Page", "Network", "Runtime", "Log", "DOM", "CSS"):
            self.call(f"{domain}.enable")

    def _port(self) -> int:
        """The port Chromium chose, from the file it writes into its profile."""
        active = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if active.exists() and active.read_text().strip():
                return int(active.read_text().split()[0])
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise ProtocolError("Chromium did not start its DevTools endpoint")

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self._stop()

    def _stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._remove_profile()

    def _remove_profile(self) -> None:
        # Chromium's helper processes may still be writing to the profile for a moment after
        # the browser has exited; a removal that races them is tried again.
        for _ in range(50):
            try:
                shutil.rmtree(self.profile)
                return
            except FileNotFoundError:
                return
            except OSError:
                time.sleep(0.1)
        shutil.rmtree(self.profile, ignore_errors=True)

    # -- protocol

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise ProtocolError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event: str, after: int = 0) -> dict:
        """The first `event` among events[after:], reading more until it comes."""
        deadline = time.monotonic() + self.timeout
        while True:
            for message in self.events[after:]:
                if message.get("method") == event:
                    return message
            if time.monotonic() > deadline:
                raise ProtocolError(f"no {event} within {self.timeout} s")
            self.events.append(json.loads(self.ws.recv()))

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise ProtocolError(f"{expression[:60]}…: {result['exceptionDetails']}")
        return result["result"].get("value")

    # -- pages

    def open(self, path: Path, width: int = 1200, height: int = 900, mobile: bool = False,
             media: str = "screen") -> int:
        """Load a local file at a viewport size; returns the index of its first event."""
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=2 if mobile else 1, mobile=mobile)
        self.call("Emulation.setEmulatedMedia", media=media)
        start = len(self.events)
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired", start)
        # images decoded, including those a <picture> chose for this viewport
        self.evaluate("Promise.all([...document.images].map(i => i.decode().catch(() => null)))")
        return start

    def requests(self, since: int = 0) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events[since:]
                if e.get("method") == "Network.requestWillBeSent"]

    def errors(self, since: int = 0) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors."""
        found = []
        for e in self.events[since:]:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                found.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"]["text"])
        return found

    def fonts_for(self, selector: str) -> list[str]:
        """The fonts the browser drew the first element matching selector with."""
        root = self.call("DOM.getDocument", depth=-1)["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            raise ProtocolError(f"nothing matches {selector!r}")
        fonts = self.call("CSS.getPlatformFontsForNode", nodeId=node)["fonts"]
        return [f["familyName"] for f in fonts]

    def screenshot(self, target: Path, max_height: int = 8000) -> Path:
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], max_height), "scale": 1}
        data = self.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)["data"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(data))
        return target

    def pdf(self, target: Path) -> Path:
        data = self.call("Page.printToPDF", paperWidth=A4_IN[0], paperHeight=A4_IN[1], printBackground=True,
                         preferCSSPageSize=True)["data"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(data))
        return target
