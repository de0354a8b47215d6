"""A finished graph keeps no memory alive: memory stays flat over 10⁴ training iterations (the book's
children dictionaries grow on every weight with every iteration; the same measurement shows that)."""

import gc
import sys

import numpy as np

from learning.framework import SGD, Linear, MSELoss, Sequential, Tanh, Tensor
from tests.learning import book_framework as book


def live_tensors():
    return sum(1 for o in gc.get_objects() if type(o) is Tensor)


def growth(step, first, last):
    """Memory blocks (Python's allocator: objects, dictionaries, array headers) allocated and still held
    between iteration `first` and iteration `last`."""
    for i in range(last):
        if i == first:
            gc.collect()
            start = sys.getallocatedblocks()
        step()
    gc.collect()
    return sys.getallocatedblocks() - start


def test_memory_stays_flat_over_ten_thousand_iterations():
    rs = np.random.RandomState(0)
    data = Tensor(np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), autograd=True)
    target = Tensor(np.array([[0], [1], [0], [1]]), autograd=True)
    model = Sequential([Linear(2, 3, rs=rs), Tanh(), Linear(3, 1, rs=rs)])
    criterion, optim = MSELoss(), SGD(model.get_parameters(), alpha=0.05)
    kept = []

    def step():
        loss = criterion.forward(model.forward(data), target)
        loss.backward()
        optim.step()
        kept[:] = [loss]  # the last graph stays referenced, as an experiment keeps it for the view

    for _ in range(100):
        step()
    before = live_tensors()
    held = growth(step, 1000, 10_000)
    assert held < 50, f"{held} memory blocks still held after 9,000 more iterations"
    assert live_tensors() == before


def test_the_same_measurement_sees_the_books_children_grow():
    b = book.Book(np.random.RandomState(0))
    data = b.Tensor(np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), autograd=True)
    target = b.Tensor(np.array([[0], [1], [0], [1]]), autograd=True)
    model = book.Sequential([book.Linear(b, 2, 3), book.Tanh(), book.Linear(b, 3, 1)])
    criterion, optim = book.MSELoss(), book.SGD(model.get_parameters(), alpha=0.05)

    def step():
        loss = criterion.forward(model.forward(data), target)
        loss.backward(b.Tensor(np.ones_like(loss.data)))
        optim.step()

    assert growth(step, 100, 1100) > 1000
