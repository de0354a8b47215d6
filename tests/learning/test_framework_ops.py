"""Every operation's backward against numerical gradients, repeated use, and the ordered matrix product."""

import numpy as np
import pytest

from learning.framework import OPS, Tensor, code_location, ops, ordered_dot
from tests.learning.framework_checks import numerical_gradient


def check_op(build, arrays, seed=0, rtol=1e-6, atol=1e-8):
    """backward(R) from build(*tensors) for a random R, against d Σ(out ⊙ R) / d input, for every input."""
    tensors = [Tensor(np.array(a, dtype=float), autograd=True) for a in arrays]
    out = build(*tensors)
    weights = np.random.RandomState(seed + 100).uniform(-1, 1, size=out.data.shape)
    out.backward(Tensor(weights))

    def f(values):
        return float(np.sum(build(*[Tensor(v) for v in values]).data * weights))

    for k, t in enumerate(tensors):
        np.testing.assert_allclose(t.grad.data, numerical_gradient(f, arrays, k), rtol=rtol, atol=atol,
                                   err_msg=f"input {k}")


def shapes(seed):
    rs = np.random.RandomState(seed)
    return int(rs.randint(1, 5)), int(rs.randint(1, 5)), int(rs.randint(1, 5))


def arrays(seed, *shape_list):
    rs = np.random.RandomState(seed)
    return [rs.uniform(-2, 2, size=s) for s in shape_list]


SEEDS = range(4)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["add", "sub", "mul"])
def test_binary_ops(name, seed):
    m, n, _ = shapes(seed)
    build = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b}[name]
    check_op(build, arrays(seed, (m, n), (m, n)), seed)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["neg", "transpose", "sigmoid", "tanh"])
def test_unary_ops(name, seed):
    m, n, _ = shapes(seed)
    build = {"neg": lambda a: -a, "transpose": lambda a: a.transpose(), "sigmoid": lambda a: a.sigmoid(),
             "tanh": lambda a: a.tanh()}[name]
    check_op(build, arrays(seed, (m, n + 1)), seed)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("dim", [0, 1, 2])
def test_sum(dim, seed):
    check_op(lambda a: a.sum(dim), arrays(seed, tuple(s + 1 for s in shapes(seed))), seed)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("dim", [0, 1, 2])
def test_expand(dim, seed):
    m, n, copies = shapes(seed)
    check_op(lambda a: a.expand(dim, copies + 1), arrays(seed, (m, n + 1)), seed)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("ordered", [True, False])
def test_mm(ordered, seed):
    m, k, n = shapes(seed)
    check_op(lambda a, b: a.mm(b, ordered), arrays(seed, (m, k + 1), (k + 1, n)), seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_index_select(seed):
    rs = np.random.RandomState(seed)
    indices = rs.randint(0, 4, size=(3, 2))
    check_op(lambda w: w.index_select(indices), arrays(seed, (4, 3)), seed)


def test_index_select_adds_the_gradient_of_every_repeat():
    """Chapter 13, part 14: eye(5) selected with [[1,2,3],[2,3,4]]; each row's gradient counts its uses."""
    x = Tensor(np.eye(5), autograd=True)
    y = x.index_select(Tensor([[1, 2, 3], [2, 3, 4]]))
    assert y.shape == (2, 3, 5)
    y.backward()
    np.testing.assert_array_equal(x.grad.data, np.array([0, 1, 2, 2, 1])[:, None] * np.ones((5, 5)))


@pytest.mark.parametrize("seed", SEEDS)
def test_cross_entropy_sends_the_gradient_of_the_summed_loss(seed):
    """BOOK.md 1.1: the forward reports the mean over rows, the backward is the gradient of the sum."""
    rs = np.random.RandomState(seed)
    rows, classes = 3 + seed, 4
    target = rs.randint(0, classes, size=rows)
    logits = rs.uniform(-2, 2, size=(rows, classes))
    x = Tensor(logits, autograd=True)
    loss = x.cross_entropy(Tensor(target))
    p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    assert float(loss.data) == pytest.approx(-np.mean(np.log(p[np.arange(rows), target])), rel=1e-12)
    loss.backward()

    def summed(values):
        return float(ops.cross_entropy_summed(values[0], target))

    np.testing.assert_allclose(x.grad.data, numerical_gradient(summed, [logits], 0), rtol=1e-6, atol=1e-8)


def test_softmax_is_a_plain_array_of_row_probabilities():
    x = Tensor(np.array([[0.0, np.log(3.0)], [1.0, 1.0]]))
    s = x.softmax()
    assert isinstance(s, np.ndarray)
    np.testing.assert_allclose(s, [[0.25, 0.75], [0.5, 0.5]])


def test_repeated_use_adds_every_gradient():
    """a used three times and c twice (a diamond): the counted backward adds every contribution."""
    check_op(lambda a, b: ((a * b) + (a * a)) * (a + b), arrays(7, (2, 3), (2, 3)))
    check_op(lambda a: (lambda c: (c * c) + c)(a.tanh() + a), arrays(8, (3, 2)))


def test_sum_and_expand_on_the_books_matrix():
    x = Tensor(np.array([[1, 2, 3], [4, 5, 6]]))
    np.testing.assert_array_equal(x.sum(0).data, [5, 7, 9])
    np.testing.assert_array_equal(x.sum(1).data, [6, 15])
    e = x.expand(dim=2, copies=4)
    assert e.shape == (2, 3, 4)
    np.testing.assert_array_equal(e.data[1, 2], [6, 6, 6, 6])
    np.testing.assert_array_equal(x.expand(0, 2).data, [x.data, x.data])


def test_ordered_dot_sums_left_to_right_without_fused_multiply_add():
    # left to right: (1e16 + 1) rounds to 1e16, minus 1e16 gives 0 (a pairwise or reordered sum gives 1)
    assert ordered_dot(np.array([[1e16, 1.0, -1e16]]), np.ones((3, 1)))[0, 0] == 0.0
    # (1 + 2^-30)(1 − 2^-30) rounds to 1 before the −1 is added; a fused multiply-add keeps −2^-60
    e = 2.0 ** -30
    assert ordered_dot(np.array([[1 + e, 1.0]]), np.array([[1 - e], [-1.0]]))[0, 0] == 0.0
    rs = np.random.RandomState(3)
    a, b = rs.randn(5, 7), rs.randn(7, 4)
    np.testing.assert_allclose(ordered_dot(a, b), a @ b, rtol=1e-13)
    with pytest.raises(ValueError, match="do not fit"):
        ordered_dot(a, a)


def test_plain_tensors_build_no_graph_and_mixed_ones_do():
    x = Tensor([1, 2, 3])
    y = x + x
    assert y.creators is None and not y.autograd
    np.testing.assert_array_equal(y.data, [2, 4, 6])
    w = Tensor([1.0, 1.0, 1.0], autograd=True)
    z = (x * w).sum(0)
    z.backward()
    np.testing.assert_array_equal(w.grad.data, [1, 2, 3])
    assert x.grad is None  # a tensor without autograd receives nothing
    with pytest.raises(TypeError, match="another Tensor"):
        w + 1


def test_ids_are_unique_and_increasing():
    tensors = [Tensor(0.0) for _ in range(1000)]
    ids = [t.id for t in tensors]
    assert ids == sorted(ids) and len(set(ids)) == 1000
    a = Tensor([1.0], autograd=True)
    assert (a + a).id > a.id


def test_every_op_has_its_code_located_with_forward_beside_backward():
    for name, op in OPS.items():
        where = code_location(name)
        lines = where.file.read_text().splitlines()
        assert lines[where.forward[0] - 1].lstrip().startswith(f"def {op.forward.__name__}(")
        assert lines[where.backward[0] - 1].lstrip().startswith(f"def {op.backward.__name__}(")
        assert 0 < where.backward[0] - where.forward[1] <= 12, name  # the backward follows its forward
    assert code_location("sum_1") == code_location("sum")
    assert code_location("expand_0").op == "expand"


@pytest.mark.parametrize("shape", [(1, 40, 1), (2, 40, 1), (1, 40, 3), (16, 100, 16), (83, 100, 16), (100, 16, 83),
                                   (100, 83, 16), (4, 2, 3), (3, 9, 2)])
def test_ordered_dot_is_the_left_to_right_sum_for_every_shape(shape):
    """Values spread over 40 orders of magnitude make every other summation order give other bits."""
    m, k, n = shape
    rs = np.random.RandomState(k + m)
    a = rs.randn(m, k) * 10.0 ** rs.randint(-20, 20, size=(m, k))
    b = rs.randn(k, n)
    expected = np.zeros((m, n))
    backwards = np.zeros((m, n))
    for i in range(m):
        for j in range(n):
            total = back = 0.0
            for t in range(k):
                total = total + float(a[i, t]) * float(b[t, j])
                back = back + float(a[i, k - 1 - t]) * float(b[k - 1 - t, j])
            expected[i, j], backwards[i, j] = total, back
    np.testing.assert_array_equal(ordered_dot(a, b), expected)
    assert k < 9 or not np.array_equal(backwards, expected)  # the data tells summation orders apart
