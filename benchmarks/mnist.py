"""One ch08.mnist-overfit epoch (1,000 images, 784→40→10, per-example updates): engine vs plain numpy vs PyTorch.

A measurement, not a test. All three run the same default-mode math from the same initial weights in this
process, without a test pass:

* engine     — `Experiment.step()` in a loop (every record and result object built, then dropped);
* numpy      — a plain loop of the same operations with the same reused buffers (the strict reference:
               the difference is the engine's own cost: phase functions, records, result objects);
* book-style — a plain loop written as the book writes it (`W += alpha * x.T.dot(delta)`, a fresh
               temporary per product);
* torch      — PyTorch CPU, float64, the same per-example updates with in-place `addr_` (only if
               importable; `pip install torch` — an optional extra, not a dependency).

Prints the median of several alternating rounds and the ratios (target engine/numpy ≤ 1.1).
Run: GROKKING_DATA=../shared/data .venv/bin/python benchmarks/mnist.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import numpy as np

from learning.chapters.ch08_regularization import MnistOverfit
from learning.datasets.mnist import MnistBook, book_mnist

ALPHA = 0.005
HIDDEN = 40


def initial_weights() -> tuple[np.ndarray, np.ndarray]:
    """The book's draws for ch08.mnist-overfit: RandomState(1), W01 then W12."""
    rs = np.random.RandomState(1)
    weights_0_1 = 0.2 * rs.random_sample((784, HIDDEN)) - 0.1
    weights_1_2 = 0.2 * rs.random_sample((HIDDEN, 10)) - 0.1
    return weights_0_1, weights_1_2


def numpy_epoch(data: MnistBook) -> tuple[float, np.ndarray, np.ndarray, float, int]:
    """(seconds, W01, W12, summed error, correct) of one plain-numpy epoch."""
    images, labels = data.images, data.labels
    label_index = np.argmax(labels, axis=1)
    weights_0_1, weights_1_2 = initial_weights()
    buf_0_1, buf_1_2 = np.empty_like(weights_0_1), np.empty_like(weights_1_2)
    alpha, error, correct = ALPHA, 0.0, 0
    start = time.perf_counter()
    for i in range(len(images)):
        layer_0 = images[i:i + 1]
        layer_1 = np.maximum(np.dot(layer_0, weights_0_1), 0)
        layer_2 = np.dot(layer_1, weights_1_2)
        layer_2_delta = labels[i:i + 1] - layer_2
        error += float(np.sum(layer_2_delta**2))
        correct += int(np.argmax(layer_2) == label_index[i])
        layer_1_delta = np.dot(layer_2_delta, weights_1_2.T)
        layer_1_delta *= layer_1 > 0
        np.dot(layer_1.T, layer_2_delta, out=buf_1_2)
        buf_1_2 *= alpha
        weights_1_2 += buf_1_2
        np.dot(layer_0.T, layer_1_delta, out=buf_0_1)
        buf_0_1 *= alpha
        weights_0_1 += buf_0_1
    return time.perf_counter() - start, weights_0_1, weights_1_2, error, correct


def book_style_epoch(data: MnistBook) -> tuple[float, np.ndarray, np.ndarray, float, int]:
    """The same epoch written as the book writes its loop: a fresh temporary for every product."""
    images, labels = data.images, data.labels
    weights_0_1, weights_1_2 = initial_weights()
    alpha, error, correct = ALPHA, 0.0, 0
    start = time.perf_counter()
    for i in range(len(images)):
        layer_0 = images[i:i + 1]
        layer_1 = np.maximum(np.dot(layer_0, weights_0_1), 0)
        layer_2 = np.dot(layer_1, weights_1_2)
        error += float(np.sum((labels[i:i + 1] - layer_2) ** 2))
        correct += int(np.argmax(layer_2) == np.argmax(labels[i:i + 1]))
        layer_2_delta = labels[i:i + 1] - layer_2
        layer_1_delta = layer_2_delta.dot(weights_1_2.T) * (layer_1 > 0)
        weights_1_2 += alpha * layer_1.T.dot(layer_2_delta)
        weights_0_1 += alpha * layer_0.T.dot(layer_1_delta)
    return time.perf_counter() - start, weights_0_1, weights_1_2, error, correct


def engine_epoch(data: MnistBook) -> tuple[float, np.ndarray, np.ndarray, float, int]:
    """The same epoch through Experiment.step(): each step builds its record and result objects, which are then
    dropped, as the CLI streams them and the runner keeps only their scalars."""
    exp = MnistOverfit(data=data, test_every=0)
    step = exp.step
    start = time.perf_counter()
    for _ in range(exp.epoch_size):
        result = step()
    seconds = time.perf_counter() - start
    epoch = result.epoch
    return seconds, exp.weights_0_1, exp.weights_1_2, epoch["error"], epoch["correct"]


def torch_epoch(data: MnistBook) -> tuple[float, np.ndarray, np.ndarray, float, int] | None:
    """The same epoch in PyTorch CPU (float64, no autograd), or None when PyTorch is not installed."""
    try:
        import torch
    except ImportError:
        return None
    images, labels = torch.from_numpy(data.images), torch.from_numpy(data.labels)
    w01, w12 = (torch.from_numpy(w) for w in initial_weights())
    alpha, error, correct = ALPHA, 0.0, 0
    with torch.no_grad():
        start = time.perf_counter()
        for i in range(len(images)):
            layer_0 = images[i]
            layer_1 = torch.relu(layer_0 @ w01)
            layer_2 = layer_1 @ w12
            layer_2_delta = labels[i] - layer_2
            error += float(torch.sum(layer_2_delta**2))
            correct += int(torch.argmax(layer_2) == torch.argmax(labels[i]))
            layer_1_delta = (w12 @ layer_2_delta) * (layer_1 > 0)
            w12.addr_(layer_1, layer_2_delta, alpha=alpha)
            w01.addr_(layer_0, layer_1_delta, alpha=alpha)
        seconds = time.perf_counter() - start
    return seconds, w01.numpy(), w12.numpy(), error, correct


def main() -> int:
    """Print the medians and ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    data = book_mnist()
    print(f"data: {'sample mode' if data.sample_mode else 'book slice'} from {data.source}; "
          f"{len(data.images)} training images, 784→{HIDDEN}→10, alpha {ALPHA}, per-example updates, no test pass")
    runners = {"numpy": numpy_epoch, "book-style": book_style_epoch, "engine": engine_epoch, "torch": torch_epoch}
    times: dict[str, list[float]] = {name: [] for name in runners}
    results: dict[str, tuple] = {}
    numpy_epoch(data), engine_epoch(data)  # warm up caches and the allocator
    for _ in range(args.rounds):
        for name, run in runners.items():
            out = run(data)
            if out is not None:
                times[name].append(out[0])
                results[name] = out
    base = statistics.median(times["numpy"])
    for name, values in times.items():
        if not values:
            print(f"{name:10s} not installed (pip install torch to compare)")
            continue
        median = statistics.median(values)
        _, w01, w12, error, correct = results[name]
        same = np.array_equal(w01, results["numpy"][1]) and np.array_equal(w12, results["numpy"][2])
        close = np.allclose(w01, results["numpy"][1], rtol=1e-9, atol=1e-12)
        print(f"{name:10s} {median * 1e3:7.1f} ms/epoch {median * 1e6 / len(data.images):6.1f} µs/example "
              f"(min {min(values) * 1e3:.1f}, max {max(values) * 1e3:.1f})  error {error:.6f}  correct {correct}  "
              f"weights {'identical' if same else 'close' if close else 'DIFFERENT'} to numpy")
    engine = statistics.median(times["engine"])
    book = statistics.median(times["book-style"])
    print(f"ratio engine / plain numpy with reused buffers: {engine / base:.3f}")
    print(f"ratio engine / plain numpy as the book writes it: {engine / book:.3f}")
    if times["torch"]:
        print(f"ratio torch / plain numpy with reused buffers: {statistics.median(times['torch']) / base:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
