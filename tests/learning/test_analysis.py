"""learning.analysis: correlations, dot products, forward passes and error landscapes, checked by hand."""

import math

import numpy as np
import pytest

from learning import analysis
from learning.catalogue import get
from learning.network import Layer, Network, Weights

# The chapter 6 streetlights: the whole table, and the XOR-like first four patterns of ch06.backprop.
LIGHTS = np.array([[1, 0, 1], [0, 1, 1], [0, 0, 1], [1, 1, 1], [0, 1, 1], [1, 0, 1]], dtype=float)
WALK = np.array([0, 1, 0, 1, 1, 0], dtype=float)
XOR_LIGHTS = LIGHTS[:4]
XOR_WALK = np.array([1, 1, 0, 0], dtype=float)


def test_the_middle_light_predicts_walk():
    r = analysis.correlation(LIGHTS, WALK)
    assert r.shape == (3, 1)
    assert r[1, 0] == pytest.approx(1.0)  # walk exactly when the middle light is on
    assert r[0, 0] == pytest.approx(-1 / 3)  # by hand: sum of products -0.5 over norms 1.5
    assert math.isnan(r[2, 0])  # the right light is always on: no correlation at all


def test_no_single_light_correlates_with_the_xor_pattern():
    r = analysis.correlation(XOR_LIGHTS, XOR_WALK)
    assert r[0, 0] == pytest.approx(0.0, abs=1e-15)
    assert r[1, 0] == pytest.approx(0.0, abs=1e-15)
    assert math.isnan(r[2, 0])


def test_correlation_matches_numpy_corrcoef_on_random_columns():
    rs = np.random.RandomState(3)
    a, b = rs.randn(20, 4), rs.randn(20, 2)
    r = analysis.correlation(a, b)
    for i in range(4):
        for j in range(2):
            assert r[i, j] == pytest.approx(np.corrcoef(a[:, i], b[:, j])[0, 1], rel=1e-12)
    with pytest.raises(ValueError, match="same number of rows"):
        analysis.correlation(a, b[:5])


def test_activations_and_units_off():
    z = np.array([[-1.0, 0.0, 2.0]])
    assert analysis.activate("relu", z).tolist() == [[0.0, 0.0, 2.0]]
    assert analysis.activate(None, z).tolist() == z.tolist()
    assert analysis.activate("sigmoid", np.zeros(1))[0] == 0.5
    assert analysis.activate("softmax", np.zeros((1, 4))).tolist() == [[0.25] * 4]
    with pytest.raises(ValueError, match="known: relu"):
        analysis.activate("swish", z)
    hidden = Layer("hidden", ("a", "b", "c"), [0.0, 0.3, 0.0], activation="relu")
    assert analysis.units_off(hidden).tolist() == [True, False, True]
    linear = Layer("hidden", ("a", "b"), [0.0, 1.0])
    assert analysis.units_off(linear).tolist() == [False, False]
    assert analysis.units_off(Layer("h", ("a",), None, activation="relu")).tolist() == [False]


def test_forward_from_the_description_matches_the_book_stacked_network():
    exp = get("ch03.stacked")()
    exp.step()
    net = exp.network()
    layers = analysis.forward(net, np.array([[8.5, 0.65, 1.2]]))
    assert layers is not None and len(layers) == 3
    np.testing.assert_allclose(layers[1][0], exp.hid, rtol=1e-12)
    np.testing.assert_allclose(layers[2][0], [0.21350000000000002, 0.14500000000000002, 0.5065], rtol=1e-12)


def test_forward_applies_relu_and_refuses_what_it_cannot_run():
    net = Network([Layer("in", ("a", "b")), Layer("hid", ("h0", "h1"), activation="relu"), Layer("out", ("y",))],
                  [Weights("w01", 0, 1, [[1.0, -1.0], [-1.0, 1.0]]), Weights("w12", 1, 2, [[1.0, 1.0]])])
    layers = analysis.forward(net, np.array([[1, 0], [0, 1], [1, 1], [0, 0]]))
    assert layers[1].tolist() == [[1, 0], [0, 1], [0, 0], [0, 0]]
    assert layers[2].ravel().tolist() == [1, 1, 0, 0]  # XOR
    net.layers[1].activation = "mystery"
    assert analysis.forward(net, np.ones((1, 2))) is None
    net.weights = net.weights[:1]
    assert analysis.forward(net, np.ones((1, 2))) is None


def test_dot_products_say_which_input_agrees_with_which_weight_vector():
    inputs = np.array([[1, 0, 1], [0, 1, 0]], dtype=float)
    weights = np.array([[1, -1, 1], [-1, 1, -1]], dtype=float)
    d = analysis.dot_products(inputs, weights)
    assert d.tolist() == [[2, -2], [-1, 1]]
    products, total = analysis.agreement(inputs[0], weights[0])
    assert products.tolist() == [1, 0, 1] and total == 2.0
    with pytest.raises(ValueError, match="differ in length"):
        analysis.agreement(np.ones(3), np.ones(4))


def test_error_curve_is_the_ch04_parabola_and_nothing_changes():
    exp = get("ch04.divergence")()  # input 2, goal 0.8, weight 0.5
    ref = ("weight", 0, 0)
    xs = np.array([0.0, 0.4, 0.5, 1.0])
    ys = analysis.error_curve(exp, ref, xs)
    np.testing.assert_allclose(ys, (2.0 * xs - 0.8) ** 2, rtol=1e-12)
    assert exp.weight == 0.5
    assert analysis.weight_refs(exp.network()) == [ref]
    assert analysis.weight_value(exp.network(), ref) == 0.5
    f = analysis.error_curve(exp, ref, [0.0, 1.0, 2.0])
    assert analysis.quadratic_bottom(f[0], f[1], f[2], 1.0, 1.0) == pytest.approx(0.4)
    assert analysis.quadratic_bottom(1.0, 0.0, 1.0, 0.0, 1.0) == 0.0
    assert analysis.quadratic_bottom(-1.0, 0.0, -1.0, 0.0, 1.0) is None  # opens downwards


class TwoWeights:
    """A stand-in with the error_for seam: error = (x0*w0 + x1*w1 - goal)^2."""

    def network(self):
        return Network([Layer("in", ("x0", "x1"), [1.0, 2.0]), Layer("out", ("y",))],
                       [Weights("w", 0, 1, [[0.1, 0.2]])])

    def error_for(self, weights):
        w = weights["w"]
        return (1.0 * w[0, 0] + 2.0 * w[0, 1] - 1.0) ** 2


def test_error_grid_over_two_weights():
    exp = TwoWeights()
    xs, ys = np.array([0.0, 1.0]), np.array([0.0, 0.5, 1.0])
    grid = analysis.error_grid(exp, ("w", 0, 0), ("w", 0, 1), xs, ys)
    assert grid.shape == (3, 2)
    for j, y in enumerate(ys):
        for i, x in enumerate(xs):
            assert grid[j, i] == pytest.approx((x + 2 * y - 1) ** 2)


def test_trajectory_window_follows_the_last_steps():
    # ch04.divergence weights: each step triples the distance from 0.4 and flips its side
    w = [0.4 + 0.1 * (-3) ** k for k in range(10)]
    lo, hi = analysis.trajectory_window(w, keep=3)
    last = w[-3:]
    assert lo < min(last) and hi > max(last)
    assert hi - lo < 1.5 * (max(last) - min(last))  # zoomed to the last steps, not the whole run
    lo, hi = analysis.trajectory_window([0.5, 0.5], include=[0.4])
    assert lo < 0.4 and hi > 0.5 and hi - lo == pytest.approx(0.2 * 1.3)
    lo, hi = analysis.trajectory_window([math.inf, math.nan, 1.0])
    assert math.isfinite(lo) and lo < 1.0 < hi
    assert analysis.trajectory_window([]) == (-1.0, 1.0)


def test_upsample_interpolates_between_the_grid_points():
    grid = np.array([[0.0, 2.0], [4.0, 6.0]])
    fine = analysis.upsample(grid, 2)
    assert fine.shape == (3, 3)
    np.testing.assert_allclose(fine, [[0, 1, 2], [2, 3, 4], [4, 5, 6]])
    assert analysis.upsample(np.arange(12.0).reshape(3, 4), 4).shape == (9, 13)


def test_learning_refs_leave_out_the_weights_of_units_that_never_fire():
    from learning.analysis import learning_refs, weight_arrays
    from learning.catalogue import get

    exp = get("ch06.backprop")()  # seed 1: hidden units 1 and 3 are off for all four patterns at the start
    start = weight_arrays(exp.network())
    refs = learning_refs(exp)
    assert weight_arrays(exp.network())["weights_1_2"].tolist() == start["weights_1_2"].tolist()  # untouched
    assert exp.iteration_index == 0
    hidden = np.maximum(exp.data_table().inputs @ exp.network().weights[0].values.T, 0)  # 4 patterns x 4 units
    never = {int(u) for u in np.flatnonzero((hidden == 0).all(axis=0))}
    assert never and {("weights_1_2", 0, u) for u in range(4) if u not in never} <= set(refs)
    assert not any(name == "weights_1_2" and column in never for name, _, column in refs)
    single = get("ch06.single-light")()  # one pattern [1, 0, 1]: the middle light's weight has nothing to learn
    assert learning_refs(single) == [("weights", 0, 0), ("weights", 0, 2)]


def test_correlation_takes_single_columns_and_names_both_row_counts():
    r = analysis.correlation(np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 7.0]))  # 1-D: one column each
    assert r.shape == (1, 1) and r[0, 0] == pytest.approx(np.corrcoef([1, 2, 3], [2, 4, 7])[0, 1], rel=1e-12)
    assert analysis.correlation([1, 2, 3], [3, 2, 1])[0, 0] == pytest.approx(-1.0, rel=1e-12)  # lists of ints
    with pytest.raises(ValueError, match=r"\(got 3 and 2\)"):
        analysis.correlation(np.ones((3, 2)), np.ones((2, 5)))
    # a column and 13 times itself: the plain formula rounds to 1.0000000000000002; a correlation stays in [-1, 1]
    a = np.array([[0.5288949197529045], [0.5680445610939323], [0.925596638292661], [0.07103605819788694],
                  [0.08712929970154071]])
    assert analysis.correlation(a, 13 * a)[0, 0] == 1.0 and analysis.correlation(a, -13 * a)[0, 0] == -1.0
    constant = analysis.correlation(np.ones((5, 1)), a)
    assert np.isnan(constant).all() and np.isnan(analysis.correlation(a, np.full((5, 1), 5.0))).all()


def test_every_named_activation():
    z = np.array([[-2.0, 0.0, 3.0], [1000.0, 1001.0, 999.0]])
    assert analysis.activate("linear", z).tolist() == z.tolist()
    assert analysis.activate("identity", z).tolist() == z.tolist()
    assert analysis.activate("", z).tolist() == z.tolist()
    np.testing.assert_allclose(analysis.activate("tanh", z), np.tanh(z))
    np.testing.assert_allclose(analysis.activate("sigmoid", np.array([-2.0, 0.0, 3.0])),
                               [1 / (1 + math.exp(2)), 0.5, 1 / (1 + math.exp(-3))])
    soft = analysis.activate("softmax", z)  # row by row, and stable for large values
    assert soft.shape == z.shape and np.allclose(soft.sum(axis=1), 1.0)
    first = np.exp([-2.0, 0.0, 3.0]) / np.exp([-2.0, 0.0, 3.0]).sum()
    np.testing.assert_allclose(soft[0], first, rtol=1e-12)
    np.testing.assert_allclose(soft[1], first[[1, 2, 0]] * 0 + np.exp([1.0, 2.0, 0.0]) / np.exp([1.0, 2.0, 0.0]).sum(),
                               rtol=1e-12)
    np.testing.assert_allclose(analysis.activate("softmax", np.array([1.0, 2.0, 3.0])),
                               np.exp([1.0, 2.0, 3.0]) / np.exp([1.0, 2.0, 3.0]).sum(), rtol=1e-12)
    with pytest.raises(ValueError, match="known: relu, sigmoid, tanh, softmax"):
        analysis.activate("swish", z)


def test_forward_takes_one_input_row_and_refuses_a_layer_fed_from_itself():
    net = Network([Layer("in", ("a", "b")), Layer("out", ("y",))], [Weights("w", 0, 1, [[2.0, 3.0]])])
    layers = analysis.forward(net, np.array([1.0, 1.0]))  # one example as a plain vector
    assert layers[0].shape == (1, 2) and layers[1].tolist() == [[5.0]]
    looped = Network([Layer("in", ("a",)), Layer("h", ("h",)), Layer("out", ("y",))],
                     [Weights("w01", 0, 1, [[1.0]]), Weights("w11", 1, 1, [[1.0]]), Weights("w12", 1, 2, [[1.0]])])
    assert analysis.forward(looped, np.ones((1, 1))) is None


def test_agreement_multiplies_element_by_element():
    products, total = analysis.agreement(np.array([2.0, -1.0, 0.5]), np.array([[4.0, 3.0, -2.0]]))
    assert products.tolist() == [8.0, -3.0, -1.0] and total == 4.0


def test_error_grid_sets_the_named_row_and_column():
    class Grid:
        """error = the sum of squares of a 2 x 2 matrix, so each position counts once."""

        def network(self):
            return Network([Layer("in", ("a", "b")), Layer("out", ("y", "z"))],
                           [Weights("w", 0, 1, [[0.0, 0.0], [0.0, 0.0]])])

        def error_for(self, weights):
            w = weights["w"]
            return float(1 * w[0, 0] + 10 * w[0, 1] + 100 * w[1, 0] + 1000 * w[1, 1])

    grid = analysis.error_grid(Grid(), ("w", 0, 1), ("w", 1, 0), [1.0, 2.0], [3.0])
    assert grid.tolist() == [[10 * 1.0 + 100 * 3.0, 10 * 2.0 + 100 * 3.0]]
    curve = analysis.error_curve(Grid(), ("w", 1, 0), [1.0, 2.0])
    assert curve.tolist() == [100.0, 200.0]
