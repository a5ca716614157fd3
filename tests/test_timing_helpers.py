"""The timing helpers the speed tests rely on: they fail on a quadratic cost, pass a noisy linear one."""

from __future__ import annotations

import pytest

from timing import assert_cpu_within, assert_scales_linearly


def test_a_quadratic_cost_fails_every_round():
    with pytest.raises(AssertionError, match="after 3 rounds"):
        assert_scales_linearly(lambda n: n * n * 1e-6, 100, 8, allowed=24)


def test_one_noisy_measurement_is_measured_again():
    big = iter([0.500, 0.085])  # round 1: a busy moment makes the big size 50x

    assert_scales_linearly(lambda n: 0.010 if n == 100 else next(big), 100, 8, allowed=12)


def test_the_small_size_is_timed_factor_times_over():
    """Both sizes are timed over about the same stretch: one quiet 0.1 s moment is not enough."""
    calls = []

    def cost(n):
        calls.append(n)
        return 0.001 * n if n == 800 else [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.02][len(calls) - 1]

    assert_scales_linearly(cost, 100, 8, allowed=12)  # mean 0.09: 0.8 s is 8.9x, not 40x
    assert calls == [100] * 8 + [800]


def test_the_floor_keeps_a_tiny_small_time_from_failing():
    assert_scales_linearly(lambda n: 0.0 if n == 10 else 0.05, 10, 8, allowed=24, floor=0.01)


def test_cpu_within():
    assert_cpu_within(lambda: None, 1.0)
    with pytest.raises(AssertionError, match="CPU seconds"):
        assert_cpu_within(lambda: sum(range(200_000)), 0.0)
