"""Numbers the views derive from a network: correlations, dot products, forward passes, error landscapes.

Pure numpy, no Qt: the desktop panels draw what these functions compute, and tests check them directly.
Shapes follow learning.network: a Weights matrix is (target units, source units).
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from learning.network import Layer, Network

if TYPE_CHECKING:
    from learning.experiment import Experiment

#: Activations a network description may name, each beside what "off" means for it.
ACTIVATIONS = ("relu", "sigmoid", "tanh", "softmax")


def correlation(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pearson correlation of every column of `a` (n x p) with every column of `b` (n x q): a p x q array.

    A column that never changes (e.g. a light that is always on) has no correlation: its entries are NaN.
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.ndim == 1:
        a = a[:, None]
    if b.ndim == 1:
        b = b[:, None]
    if a.shape[0] != b.shape[0]:
        raise ValueError(f"correlation needs the same number of rows (got {a.shape[0]} and {b.shape[0]})")
    da = a - a.mean(axis=0)
    db = b - b.mean(axis=0)
    norm_a = np.sqrt((da * da).sum(axis=0))
    norm_b = np.sqrt((db * db).sum(axis=0))
    # Spread below rounding noise of the mean counts as constant.
    tiny_a = norm_a <= 1e-12 * np.maximum(1.0, np.abs(a).max(axis=0, initial=0.0)) * math.sqrt(len(a))
    tiny_b = norm_b <= 1e-12 * np.maximum(1.0, np.abs(b).max(axis=0, initial=0.0)) * math.sqrt(len(b))
    with np.errstate(invalid="ignore", divide="ignore"):
        out = (da.T @ db) / np.outer(norm_a, norm_b)
    out[tiny_a, :] = np.nan
    out[:, tiny_b] = np.nan
    return np.clip(out, -1.0, 1.0, where=np.isfinite(out), out=out)


def activate(name: str | None, z: np.ndarray) -> np.ndarray:
    """Apply a named activation to pre-activations `z` (rows = examples); None means linear."""
    z = np.asarray(z, dtype=float)
    if name is None or name in ("", "linear", "identity"):
        return z
    if name == "relu":
        return (z > 0) * z
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "softmax":
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    raise ValueError(f"unknown activation {name!r}; known: {', '.join(ACTIVATIONS)}")


def forward(network: Network, inputs: np.ndarray) -> list[np.ndarray] | None:
    """Every layer's values for rows of inputs (n x input units), from the network description alone.

    Layer t = activation_t(sum over matrices W into t of layer_source · Wᵀ). Returns None when the
    description cannot be run this way (an unknown activation, a layer nothing feeds).
    """
    x = np.asarray(inputs, dtype=float)
    if x.ndim == 1:
        x = x[None, :]
    layers: list[np.ndarray] = [x]
    for t in range(1, len(network.layers)):
        incoming = [w for w in network.weights if w.target == t]
        if not incoming or any(w.source >= t for w in incoming):
            return None
        z = sum(layers[w.source] @ w.values.T for w in incoming)
        try:
            layers.append(activate(network.layers[t].activation, z))
        except ValueError:
            return None
    return layers


def agreement(x: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, float]:
    """The dot product spelled out: the elementwise products x ⊙ w and their sum x · w."""
    x = np.asarray(x, dtype=float).reshape(-1)
    w = np.asarray(w, dtype=float).reshape(-1)
    if x.shape != w.shape:
        raise ValueError(f"the vectors differ in length ({x.size} and {w.size})")
    products = x * w
    return products, float(products.sum())


def dot_products(inputs: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each input row (n x k) with each weight vector (m x k, a Weights matrix): n x m similarities."""
    return np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float).T


def units_off(layer: Layer) -> np.ndarray:
    """Which units of a layer are off: a ReLU unit whose value is exactly 0 (all False otherwise)."""
    if layer.values is None or layer.activation != "relu":
        return np.zeros(layer.size, dtype=bool)
    return np.asarray(layer.values, dtype=float) == 0.0


# -- error landscape ----------------------------------------------------------------------------
WeightRef = tuple[str, int, int]


def weight_arrays(network: Network) -> dict[str, np.ndarray]:
    """Copies of every weight matrix by name, shaped as in network() (the argument error_for takes)."""
    return {w.name: np.array(w.values, dtype=float) for w in network.weights}


def weight_refs(network: Network) -> list[WeightRef]:
    """(name, row, column) of every single weight, matrix by matrix, row by row."""
    return [(w.name, r, c) for w in network.weights for r in range(w.shape[0]) for c in range(w.shape[1])]


def learning_refs(experiment: Experiment, iterations: int | None = None) -> list[WeightRef]:
    """The weights that change within the next `iterations` iterations (default: one epoch, or 8), found by running
    a copy of the experiment; the experiment itself is left as it is. A weight that stays put (from a relu unit that
    is off for every example, or from an input that is always 0) does not appear."""
    trial = copy.deepcopy(experiment)
    before = weight_arrays(trial.network())
    with np.errstate(all="ignore"):
        for _ in range(iterations or trial.epoch_size or 8):
            trial.step()
    after = weight_arrays(trial.network())
    return [(name, r, c) for name, r, c in weight_refs(experiment.network())
            if not before[name][r, c] == after[name][r, c]]


def weight_value(network: Network, ref: WeightRef) -> float:
    """The current value of one weight."""
    name, row, column = ref
    for w in network.weights:
        if w.name == name:
            return float(w.values[row, column])
    raise KeyError(name)


def error_curve(experiment: Experiment, ref: WeightRef, xs: Sequence[float] | np.ndarray) -> np.ndarray:
    """The error (experiment.error_for) with weight `ref` at each x and every other weight as it is now."""
    arrays = weight_arrays(experiment.network())
    name, row, column = ref
    out = np.empty(len(xs))
    with np.errstate(over="ignore", invalid="ignore"):
        for i, x in enumerate(xs):
            arrays[name][row, column] = x
            out[i] = _error(experiment, arrays)
    return out


def error_grid(experiment: Experiment, ref_x: WeightRef, ref_y: WeightRef, xs: Sequence[float] | np.ndarray,
               ys: Sequence[float] | np.ndarray) -> np.ndarray:
    """The error over a grid of two weights (len(ys) x len(xs)), the other weights as they are now."""
    arrays = weight_arrays(experiment.network())
    out = np.empty((len(ys), len(xs)))
    with np.errstate(over="ignore", invalid="ignore"):
        for j, y in enumerate(ys):
            arrays[ref_y[0]][ref_y[1], ref_y[2]] = y
            for i, x in enumerate(xs):
                arrays[ref_x[0]][ref_x[1], ref_x[2]] = x
                out[j, i] = _error(experiment, arrays)
    return out


def _error(experiment: Experiment, arrays: dict[str, np.ndarray]) -> float:
    try:
        value = float(np.sum(experiment.error_for(arrays)))
    except (OverflowError, FloatingPointError):
        return math.inf
    return value if not math.isnan(value) else math.inf


def quadratic_bottom(f_minus: float, f_zero: float, f_plus: float, x: float, h: float) -> float | None:
    """Where a parabola through (x-h, f_minus), (x, f_zero), (x+h, f_plus) is lowest; None if it opens down."""
    curvature = f_minus - 2.0 * f_zero + f_plus
    if not (math.isfinite(curvature) and curvature > 0):
        return None
    bottom = x - h * (f_plus - f_minus) / (2.0 * curvature)
    return bottom if math.isfinite(bottom) else None


def trajectory_window(points: Sequence[float] | np.ndarray, keep: int = 8, include: Sequence[float] = (),
                      pad: float = 0.15, min_span: float = 0.2) -> tuple[float, float]:
    """An axis range that shows the last `keep` finite points and the values in `include`, padded.

    A diverging run grows without bound: looking at its last few steps keeps the picture readable,
    whereas the whole trajectory would squash every earlier step into a dot.
    """
    finite = [float(p) for p in points if math.isfinite(float(p))][-keep:]
    finite += [float(v) for v in include if v is not None and math.isfinite(float(v))]
    if not finite:
        return -1.0, 1.0
    lo, hi = min(finite), max(finite)
    span = max(hi - lo, min_span, 1e-9 * max(abs(lo), abs(hi)))
    centre = (lo + hi) / 2
    half = span / 2 * (1 + 2 * pad)
    return centre - half, centre + half


def upsample(grid: np.ndarray, factor: int) -> np.ndarray:
    """A grid refined `factor` times along both axes by linear interpolation (corners stay exact)."""
    z = np.asarray(grid, dtype=float)
    n, m = z.shape
    xi = np.linspace(0, m - 1, (m - 1) * factor + 1)
    yi = np.linspace(0, n - 1, (n - 1) * factor + 1)
    rows = np.array([np.interp(xi, np.arange(m), row) for row in z])
    return np.array([np.interp(yi, np.arange(n), column) for column in rows.T]).T
