"""Sampling the next character: safe softmax with temperature, the correct rule against the softmax within
statistical bounds, and the book's rule (Q22) — exactly for fixed draws, and its true distribution."""

import numpy as np
import pytest

from learning.chapters.ch14_sampling import (
    book_rule,
    book_rule_distribution,
    distribution,
    inverse_cdf,
    pick,
    softmax,
)

P = np.array([0.05, 0.6, 0.3, 0.05])
LOGITS = np.array([1.2, -0.4, 2.5, 0.0, 0.7, -2.0, 1.9, 0.3])

# A chi-square statistic with 7 degrees of freedom exceeds 35.3 with probability 1e-5 when the counts come from
# the expected distribution (upper-tail quantile of χ²₇); with N = 20,000 draws a wrong rule that moves even
# 3 % of the mass gives a statistic in the hundreds. The draws come from a fixed RandomState, so each test is
# deterministic; the bound says why the fixed outcome is no accident.
CHI2_7_1E5 = 35.3
N = 20_000


def chi2(counts, expected_p):
    expected = expected_p * counts.sum()
    keep = expected > 0
    assert counts[~keep].sum() == 0, "a zero-probability index was drawn"
    return float((((counts - expected) ** 2)[keep] / expected[keep]).sum())


def draw_counts(rule, logits, temperature=1.0, seed=1):
    """N picks by `rule` with uniforms from RandomState(seed); pick() itself for the first 500 (checked equal)."""
    rs = np.random.RandomState(seed)
    p = softmax(logits, temperature)
    choose = inverse_cdf if rule == "sample" else book_rule
    counts = np.zeros(len(logits))
    for k in range(N):
        u = rs.random_sample()
        chosen = choose(p, u)
        if k < 500:
            assert pick(logits, rule, u, temperature) == chosen
        counts[chosen] += 1
    return counts


def test_softmax_is_safe_in_float64_and_temperature_scales_like_the_book():
    p = softmax(np.array([1000.0, 999.0, -1000.0]))
    assert np.all(np.isfinite(p)) and p.sum() == pytest.approx(1.0)
    assert p[0] / p[1] == pytest.approx(np.e)
    np.testing.assert_array_equal(softmax(LOGITS, 0.0), np.eye(8)[2])
    # the book multiplies the logits by 10; temperature 0.1 must give those very products
    z = LOGITS * 10
    e = np.exp(z - z.max())
    np.testing.assert_array_equal(softmax(LOGITS, 0.1), e / e.sum())
    with pytest.raises(ValueError):
        softmax(np.array([np.nan, 1.0]))


def test_the_default_rule_matches_the_softmax():
    for temperature in (1.0, 0.5):
        counts = draw_counts("sample", LOGITS, temperature)
        assert chi2(counts, softmax(LOGITS, temperature)) < CHI2_7_1E5
    # the same statistic rejects the book's rule as a sampler of the softmax
    assert chi2(draw_counts("book", LOGITS), softmax(LOGITS)) > 10 * CHI2_7_1E5


def test_the_books_rule_draws_what_book_rule_distribution_says():
    np.testing.assert_allclose(book_rule_distribution(P), [0.45, 0.55, 0.0, 0.0])  # measured in PEERS-11-15 §0.1
    counts = draw_counts("book", LOGITS)
    q = distribution(LOGITS, "book")
    assert q.sum() == pytest.approx(1.0)
    assert chi2(counts, q) < CHI2_7_1E5


def test_q22_is_the_books_expression_for_fixed_draws():
    """For every draw u the rule returns what `(temp_dist > u).argmax()` returns, computed here by brute force
    as 'the first index whose probability exceeds u, else 0'."""
    for u in np.linspace(0.0, 0.999, 1000):
        above = [k for k, p in enumerate(P) if p > u]
        assert book_rule(P, u) == (above[0] if above else 0)
    assert book_rule(P, 0.6) == 0 and book_rule(P, 0.59) == 1 and book_rule(P, 0.04) == 0


def test_inverse_cdf_picks_by_cumulative_probability():
    assert [inverse_cdf(P, u) for u in (0.0, 0.0499, 0.05, 0.6499, 0.65, 0.9499, 0.95, 0.9999)] == \
        [0, 0, 1, 1, 2, 2, 3, 3]
    # rounding leaves the total a hair below 1: a draw above it still gets a real (non-zero) index
    assert inverse_cdf(np.array([0.5, 0.5 - 1e-12, 0.0]), 1 - 1e-13) == 1


def test_greedy_takes_the_largest_logit_and_needs_no_draw():
    assert pick(LOGITS, "greedy") == 2
    np.testing.assert_array_equal(distribution(LOGITS, "greedy"), np.eye(8)[2])
    with pytest.raises(ValueError):
        pick(LOGITS, "sample")
    with pytest.raises(ValueError):
        pick(LOGITS, "nucleus", 0.5)
