"""Layers: the book's draws in the book's order, RNNCell and LSTMCell through time against numerical
gradients, the losses, SGD, and the scope marks that group a layer call's tensors."""

import numpy as np
import pytest

from learning.framework import (
    SGD,
    CrossEntropyLoss,
    Embedding,
    Linear,
    LSTMCell,
    MSELoss,
    RNNCell,
    Sequential,
    Sigmoid,
    Tanh,
    Tensor,
    id_draws,
)


def test_linear_draws_the_weight_then_an_id_then_an_id_for_the_bias():
    rs, expected = np.random.RandomState(0), np.random.RandomState(0)
    layer = Linear(2, 3, rs=rs, id_draw=id_draws(rs, 100000))
    weight = expected.randn(2, 3) * np.sqrt(2.0 / 2)
    expected.randint(0, 100000)
    expected.randint(0, 100000)
    np.testing.assert_array_equal(layer.weight.data, weight)
    np.testing.assert_array_equal(layer.bias.data, np.zeros(3))
    assert rs.randint(0, 2**31) == expected.randint(0, 2**31)  # the same number of draws
    assert layer.get_parameters() == [layer.weight, layer.bias]


def test_a_tensor_draws_its_id_after_its_data():
    rs, expected = np.random.RandomState(4), np.random.RandomState(4)
    t = Tensor(rs.rand(2), id_draw=id_draws(rs, 100000))
    np.testing.assert_array_equal(t.data, expected.rand(2))
    expected.randint(0, 100000)
    assert rs.rand() == expected.rand()


def test_the_id_bound_changes_the_stream():
    """BOOK.md 1.4: chapter 14's LSTM and chapter 15 draw ids below 10⁹; the bound matters."""
    small, large = np.random.RandomState(0), np.random.RandomState(0)
    a = [Embedding(5, 3, rs=small, id_draw=id_draws(small, 100000)) for _ in range(10)]
    b = [Embedding(5, 3, rs=large, id_draw=id_draws(large, 1000000000)) for _ in range(10)]
    np.testing.assert_array_equal(a[0].weight.data, b[0].weight.data)  # the first values come before any id
    assert not np.array_equal(a[-1].weight.data, b[-1].weight.data)  # a rejected draw shifted the stream


def test_embedding_draws():
    rs, expected = np.random.RandomState(0), np.random.RandomState(0)
    e = Embedding(5, 3, rs=rs, id_draw=id_draws(rs, 100000))
    np.testing.assert_array_equal(e.weight.data, (expected.rand(5, 3) - 0.5) / 3)


def test_lstm_creates_its_layers_in_the_books_order():
    high = 1000000000
    rs, expected = np.random.RandomState(0), np.random.RandomState(0)
    cell = LSTMCell(3, 4, 2, rs=rs, id_draw=id_draws(rs, high))
    scale = np.sqrt(2.0 / 3), np.sqrt(2.0 / 4)
    want = []
    for _ in "xf xi xo xc".split():
        want.append(expected.randn(3, 4) * scale[0])
        expected.randint(0, high)
        want.append(np.zeros(4))
        expected.randint(0, high)
    for _ in "hf hi ho hc".split():
        want.append(expected.randn(4, 4) * scale[1])
        expected.randint(0, high)
    want.append(expected.randn(4, 2) * scale[1])
    expected.randint(0, high)
    got = [p.data for p in cell.get_parameters()]
    assert len(got) == len(want) == 13
    for g, w in zip(got, want, strict=True):
        np.testing.assert_array_equal(g, w)
    assert not hasattr(cell.w_ho, "bias") and not hasattr(cell.hf, "bias")
    names = [name for name, _ in cell.named_parameters()]
    assert names[:3] == ["xf.weight", "xf.bias", "xi.weight"] and names[-1] == "w_ho.weight"


def numeric_parameter_check(loss_of, parameters, rtol=1e-5, atol=1e-8, h=1e-6):
    loss = loss_of()
    loss.backward()
    analytic = [p.grad.data.copy() for p in parameters]
    for p, grad in zip(parameters, analytic, strict=True):
        original = p.data
        for i in np.ndindex(original.shape):
            values = []
            for sign in (1, -1):
                changed = original.astype(float).copy()
                changed[i] += sign * h
                p.data = changed
                values.append(float(np.sum(loss_of().data)))
            p.data = original
            assert grad[i] == pytest.approx((values[0] - values[1]) / (2 * h), rel=rtol, abs=atol), (p.name, i)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_rnn_cell_through_several_steps(activation):
    rs = np.random.RandomState(2)
    cell = RNNCell(3, 4, 2, activation, rs=rs)
    xs = [Tensor(rs.randn(2, 3), autograd=True) for _ in range(4)]
    weights = rs.randn(2, 2)

    def loss_of():
        hidden = cell.init_hidden(2)
        total = None
        for x in xs:
            output, hidden = cell.forward(x, hidden)
            step = (output * Tensor(weights)).sum(0).sum(0)
            total = step if total is None else total + step
        return total

    numeric_parameter_check(loss_of, cell.get_parameters() + xs)


def test_rnn_cell_q20():
    """The book's cell ignores activation="tanh": with book_faithful it is a sigmoid."""
    x = Tensor(np.array([[0.5, -1.0]]))
    fixed = RNNCell(2, 3, 1, "tanh", rs=np.random.RandomState(0))
    book = RNNCell(2, 3, 1, "tanh", rs=np.random.RandomState(0), book_faithful=True)
    pre = x.data @ fixed.w_ih.weight.data
    np.testing.assert_allclose(fixed.forward(x, fixed.init_hidden())[1].data, np.tanh(pre))
    np.testing.assert_allclose(book.forward(x, book.init_hidden())[1].data, 1 / (1 + np.exp(-pre)))
    with pytest.raises(ValueError, match="unknown activation"):
        RNNCell(2, 3, 1, "relu", rs=np.random.RandomState(0))


def test_lstm_cell_through_several_steps():
    rs = np.random.RandomState(3)
    cell = LSTMCell(3, 4, 2, rs=rs)
    xs = [Tensor(rs.randn(2, 3), autograd=True) for _ in range(3)]
    weights = rs.randn(2, 2)
    for p in cell.get_parameters():
        p.data = p.data + rs.uniform(-0.1, 0.1, size=p.data.shape)  # nonzero biases and w_ho

    def loss_of():
        hidden = cell.init_hidden(2)
        total = None
        for x in xs:
            output, hidden = cell.forward(x, hidden)
            step = (output * Tensor(weights)).sum(0).sum(0)
            total = step if total is None else total + step
        return total

    numeric_parameter_check(loss_of, cell.get_parameters() + xs)


def test_lstm_forward_is_the_books_formula():
    rs = np.random.RandomState(6)
    cell = LSTMCell(2, 3, 2, rs=rs)
    h, c = cell.init_hidden(1)
    np.testing.assert_array_equal(h.data, [[1, 0, 0]])
    np.testing.assert_array_equal(cell.init_hidden(2, column_0_one=False)[1].data, np.zeros((2, 3)))
    x = rs.randn(1, 2)
    output, (h2, c2) = cell.forward(Tensor(x), (h, c))

    def sig(v):
        return 1 / (1 + np.exp(-v))

    def lin(layer, v):
        return v @ layer.weight.data + (layer.bias.data if layer.use_bias else 0)

    f = sig(lin(cell.xf, x) + lin(cell.hf, h.data))
    i = sig(lin(cell.xi, x) + lin(cell.hi, h.data))
    o = sig(lin(cell.xo, x) + lin(cell.ho, h.data))
    g = np.tanh(lin(cell.xc, x) + lin(cell.hc, h.data))
    cell_state = f * c.data + i * g
    np.testing.assert_allclose(c2.data, cell_state)
    np.testing.assert_allclose(h2.data, o * np.tanh(cell_state))
    np.testing.assert_allclose(output.data, (o * np.tanh(cell_state)) @ cell.w_ho.weight.data)


def test_mse_loss_and_sgd():
    pred = Tensor(np.array([[1.0], [2.0]]), autograd=True)
    target = Tensor(np.array([[0.0], [4.0]]), autograd=True)
    loss = MSELoss().forward(pred, target)
    np.testing.assert_array_equal(loss.data, [5.0])
    loss.backward()
    np.testing.assert_array_equal(pred.grad.data, [[2.0], [-4.0]])
    old = pred.data
    SGD([pred], alpha=0.25).step()
    np.testing.assert_array_equal(pred.data, [[0.5], [3.0]])
    np.testing.assert_array_equal(pred.grad.data, [[0.0], [0.0]])
    np.testing.assert_array_equal(old, [[1.0], [2.0]])  # rebound, not changed in place


def test_cross_entropy_loss_layer():
    logits = Tensor(np.array([[0.0, 0.0], [0.0, np.log(3.0)]]), autograd=True)
    loss = CrossEntropyLoss().forward(logits, Tensor(np.array([0, 1])))
    assert float(loss.data) == pytest.approx(-(np.log(0.5) + np.log(0.75)) / 2)


def test_layer_calls_mark_their_tensors():
    rs = np.random.RandomState(0)
    first, second = Linear(2, 3, rs=rs), Linear(3, 1, rs=rs)
    model = Sequential([first, Tanh(), second, Sigmoid()])
    x = Tensor(np.ones((4, 2)), autograd=True)
    out = model.forward(x)
    out2 = model.forward(x)
    assert out.scope[0] == (model, 0) and out2.scope[0] == (model, 1)
    assert out.scope[1][0] is model.layers[3]
    mm_node = out.creators[0].creators[0]  # sigmoid ← add ← mm
    assert mm_node.creation_op == "mm" and [layer for layer, _ in mm_node.scope] == [model, second]
    assert x.scope == () and first.weight.scope == ()  # made before the calls: not theirs
    assert [name for name, _ in model.named_parameters()] == ["0.weight", "0.bias", "2.weight", "2.bias"]
