"""The backward pass: child counting, the three policies of the book, dry runs and stepping node by node."""

import numpy as np
import pytest

from learning.framework import LENIENT, NAIVE, BackpropError, BackwardPass, Tensor
from tests.learning import book_framework as book


def abc():
    return (Tensor([1, 2, 3, 4, 5], autograd=True), Tensor([2, 2, 2, 2, 2], autograd=True),
            Tensor([5, 4, 3, 2, 1], autograd=True))


def test_counted_backward_adds_the_gradients_of_a_tensor_used_twice():
    """Checks 3 and 4 of chapter 13: b is used by d and by e."""
    a, b, c = abc()
    f = (a + b) + (b + c)
    f.backward(Tensor(np.array([1, 1, 1, 1, 1])))
    np.testing.assert_array_equal(b.grad.data, [2, 2, 2, 2, 2])
    np.testing.assert_array_equal(a.grad.data, [1, 1, 1, 1, 1])


def test_the_naive_backward_overwrites_the_first_gradient():
    a, b, c = abc()
    f = (a + b) + (b + c)
    f.backward(Tensor(np.array([1, 1, 1, 1, 1])), policy=NAIVE)
    assert list(b.grad.data == np.array([2, 2, 2, 2, 2])) == [False] * 5
    np.testing.assert_array_equal(b.grad.data, [1, 1, 1, 1, 1])


def test_negation_check():
    """Check 5: d = a + (−b), e = (−b) + c, f = d + e gives b.grad = −2 everywhere."""
    a, b, c = abc()
    f = (a + (-b)) + ((-b) + c)
    f.backward(Tensor(np.array([1, 1, 1, 1, 1])))
    np.testing.assert_array_equal(b.grad.data, [-2, -2, -2, -2, -2])


def model():
    rs = np.random.RandomState(0)
    w = Tensor(rs.randn(3, 2), autograd=True)
    x = Tensor(rs.randn(4, 3), autograd=True)
    h = x.mm(w).tanh()
    loss = ((h * h) + h).sum(0).sum(0)
    return w, x, h, loss


def test_strict_refuses_a_second_pass_and_changes_nothing():
    w, x, h, loss = model()
    loss.backward()
    before = w.grad.data.copy(), h.grad.data.copy()
    with pytest.raises(BackpropError, match="cannot backprop more than once"):
        loss.backward()
    np.testing.assert_array_equal(w.grad.data, before[0])
    np.testing.assert_array_equal(h.grad.data, before[1])


def test_lenient_adds_a_second_gradient_but_passes_nothing_on():
    w, x, h, loss = model()
    loss.backward(policy=LENIENT)
    before = w.grad.data.copy()
    loss.backward(policy=LENIENT)
    np.testing.assert_array_equal(w.grad.data, before)
    np.testing.assert_array_equal(loss.grad.data, 2.0)


def test_a_child_that_never_sends_a_gradient_does_not_block_its_creator():
    """The book counts every child ever made, so h below would wait for ever for `unused`."""
    rs = np.random.RandomState(1)
    a, b, d = (Tensor(rs.randn(2, 2), autograd=True) for _ in range(3))
    h = a + b
    unused = h * d  # noqa: F841 - made, never part of the loss
    out = (h * d).sum(0)
    out.backward()
    np.testing.assert_array_equal(a.grad.data, d.data)


def test_a_dry_run_gives_the_gradients_of_backward_and_changes_nothing():
    w, x, h, loss = model()
    dry = BackwardPass(loss)
    dry.run()
    assert w.grad is None and h.grad is None and not loss.spent
    loss.backward()
    for t in (w, x, h, loss):
        np.testing.assert_array_equal(dry.gradient(t), t.grad.data)


def test_steps_show_the_child_counting():
    a, b, c = abc()
    d, e = a + b, b + c
    f = d + e
    run = BackwardPass(f)
    assert run.expected[b] == 2 and run.expected[a] == 1
    seen = []
    for step in run.steps():
        seen.append(step.node)
        assert step.received == step.expected
        if step.node is e:
            assert run.received[b] == 1 and not run.done(b)  # "gradients received: 1 of 2"
    assert seen == [f, d, a, e, b, c]  # the book's recursion: d's whole branch before e
    assert run.passed == [f, d, e] and run.done(b)
    np.testing.assert_array_equal(run.gradient(b), [2, 2, 2, 2, 2])


def test_naive_steps_every_arrival():
    a, b, c = abc()
    f = (a + b) + (b + c)
    steps = list(BackwardPass(f, policy=NAIVE).steps())
    assert [s.node for s in steps].count(b) == 2


def test_the_seed_must_have_the_shape_of_the_tensor():
    _, _, _, loss = model()
    with pytest.raises(ValueError, match="shape"):
        loss.backward(Tensor(np.ones(3)))


def test_gradients_meet_in_the_books_order():
    """A recurrence uses W at four steps; the four gradients must be added in the order of the book's
    recursive backward, bit for bit (the oracle is the book's own Tensor)."""
    rs = np.random.RandomState(5)
    w0, u0, h0 = rs.randn(3, 3), rs.randn(2, 3), rs.randn(4, 3)
    xs = [rs.randn(4, 2) for _ in range(4)]

    def run(T, mm):  # noqa: N803
        W, U, h = T(w0), T(u0), T(h0)  # noqa: N806
        for x in xs:
            h = (mm(h, W) + mm(T(x), U)).sigmoid()
        loss = (h * h).sum(0).sum(0)
        loss.backward()
        return W.grad.data, U.grad.data

    ours = run(lambda v: Tensor(v, autograd=True), lambda a, b: a.mm(b, ordered=True))
    b = book.Book(np.random.RandomState(0))
    theirs = run(lambda v: b.Tensor(v, autograd=True), lambda a, m: a.mm(m))
    np.testing.assert_array_equal(ours[0], theirs[0])
    np.testing.assert_array_equal(ours[1], theirs[1])
