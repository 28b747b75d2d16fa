"""How this project starts Debian's chromium: the one copy of its path and flags.

Used by the browser tests (``browser.py``), the benchmark (``benchmarks/run.py``) and the search
measurement (``scripts/measure_search.py``). No ``playwright install``: its download is blocked.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
