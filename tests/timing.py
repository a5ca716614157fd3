"""Timing assertions that a busy, shared machine does not fail by chance.

A test that guards against a quadratic step compares the cost of a small input with the cost of
one ``factor`` times bigger: linear work costs about ``factor`` times more, a quadratic step
``factor**2`` times. One pair of measurements can still land on a noisy moment (another process
takes the core while the big input runs). So a failing comparison is measured again, keeping the
cheapest time seen for each size, before the test fails: noise does not repeat, a quadratic step
does.

The small size is measured ``factor`` times over, so that both sizes are timed over about the
same stretch: on a loaded host a 0.1 s run can land in a quiet moment that a 1 s run cannot, and
CI once saw a linear step (7-9x here) measured at 15x that way, in all three rounds.
"""

from __future__ import annotations

import time
from typing import Callable


def cpu_seconds(work: Callable[[], object]) -> float:
    """CPU seconds ``work()`` takes (process time: other processes' load does not count)."""
    start = time.process_time()
    work()
    return time.process_time() - start


def assert_scales_linearly(cost: Callable[[int], float], small: int, factor: int = 8, *,
                           allowed: float, floor: float = 0.0, attempts: int = 3) -> None:
    """Assert ``cost(small * factor) < allowed * max(cost(small), floor)``.

    ``cost(small)`` is the mean of ``factor`` runs (about as long as one big run, see above).

    ``cost(n)`` returns the seconds the work of size ``n`` takes; ``allowed`` is the ratio the big
    size may cost (``factor`` for exactly linear work, with room above it); ``floor`` keeps a
    tiny small-size time from making the bound meaningless. Up to ``attempts`` rounds are
    measured, keeping the minimum per size.
    """
    cheap = dear = float("inf")
    for _ in range(attempts):
        cheap = min(cheap, sum(cost(small) for _ in range(factor)) / factor)
        dear = min(dear, cost(small * factor))
        if dear < allowed * max(cheap, floor):
            return
    raise AssertionError(f"size {small} took {cheap:.4f} s, size {small * factor} took {dear:.4f} s: "
                         f"more than {allowed} times as long after {attempts} rounds")


def assert_cpu_within(work: Callable[[], object], seconds: float, attempts: int = 2) -> None:
    """Assert ``work()`` takes less than ``seconds`` of CPU time in one of ``attempts`` runs."""
    best = float("inf")
    for _ in range(attempts):
        best = min(best, cpu_seconds(work))
        if best < seconds:
            return
    raise AssertionError(f"took {best:.3f} CPU seconds, allowed {seconds}")
