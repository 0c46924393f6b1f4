"""The GIL is released while checking: threads check in parallel."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import scrapelint

from test_api import ARTICLE


def test_threads_share_one_linter():
    linter = scrapelint.Linter()
    texts = [ARTICLE.replace("four", str(i)) for i in range(32)]
    expected = [linter.check(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(linter.check, texts)) == expected


def test_python_runs_while_rust_checks():
    """A Python thread keeps counting during a long check_many call; it could not if
    the call held the GIL."""
    linter = scrapelint.Linter()
    texts = [ARTICLE * 20] * 40
    linter.check(ARTICLE)  # rules compile lazily; do it before timing
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    started = time.perf_counter()
    ticks_before = ticks
    linter.check_many(texts)
    elapsed = time.perf_counter() - started
    ticks_during = ticks - ticks_before
    done.set()
    counter.join()
    assert elapsed > 0.05, "the check should take long enough to measure"
    # Holding the GIL would allow a tick per switch interval (5 ms) at best.
    assert ticks_during > 0.5 * elapsed / 0.005, (ticks_during, elapsed)
