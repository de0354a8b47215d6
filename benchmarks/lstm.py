"""Chapter 14 speed (a measurement, not a test; every ratio is measured in one run, in one process).

1. One 16 × 25 LSTM batch at 512 units (forward, backward, SGD) through learning.framework, as ch14.char-lstm
   trains it, against hand-written numpy LSTMs of the same math: `plain` (the same eight matrix products per
   step, weight gradients added step by step) and `fused` (the four gates in one product, weight gradients of
   the whole batch in one product per matrix). Goal: framework ≤ 1.3 × numpy.
2. The same batch in PyTorch (CPU, float64, the same formulas through autograd) when torch is importable.
   Goal: framework within 3 × PyTorch.
3. A whole epoch of the book's file at the 128-unit preset (249 batches through Experiment.step). Goal ≤ 15 s.
4. Generating 500 characters from the current weights (128 and 512 units). Goal ≤ 0.5 s.
5. The longest phase (the longest the window's timer waits between two phases) at 128 and 512 units.

Each timing is the median of interleaved repeats; wall-clock and CPU seconds are both printed, because this
machine's two cores are shared: `--blas-threads 1` re-runs the whole measurement with OPENBLAS_NUM_THREADS=1
(two OpenBLAS threads fighting other processes for two cores lose up to 100× on these small matrices).

Run: GROKKING_DATA=/work/shared/data .venv/bin/python benchmarks/lstm.py [--repeats 5] [--blas-threads 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

STREAMS, BPTT, VOCAB = 16, 25, 62


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one call."""
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def sig(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


# -- the hand-written numpy LSTMs ------------------------------------------------------------------------------------
class NumpyLSTM:
    """The book's LSTM on plain arrays: f, i, o = σ(x·Wx + b + h·Wh), g = tanh(...), c = f⊙c + i⊙g,
    h = o⊙tanh(c), logits = h·W_ho; loss = Σ_t cross-entropy (gradient softmax − one-hot, summed over rows);
    back-propagation through time written out; SGD."""

    GATES = "fioc"

    def __init__(self, arrays: list[np.ndarray], fused: bool) -> None:
        self.fused = fused
        xs = arrays[0:8]
        self.wx = [xs[2 * k].copy() for k in range(4)]
        self.bx = [xs[2 * k + 1].copy() for k in range(4)]
        self.wh = [a.copy() for a in arrays[8:12]]
        self.w_out = arrays[12].copy()
        self.embed = arrays[13].copy()
        if fused:
            self.WX = np.concatenate(self.wx, axis=1)
            self.BX = np.concatenate(self.bx)
            self.WH = np.concatenate(self.wh, axis=1)

    def batch(self, inputs: np.ndarray, targets: np.ndarray, h: np.ndarray, c: np.ndarray,
              alpha: float) -> tuple[float, np.ndarray, np.ndarray]:
        n = h.shape[1]
        rows = np.arange(len(inputs))
        cache = []
        total = 0.0
        for t in range(inputs.shape[1]):
            x = self.embed[inputs[:, t]]
            if self.fused:
                z = x.dot(self.WX) + self.BX + h.dot(self.WH)
                f, i, o = sig(z[:, :n]), sig(z[:, n:2 * n]), sig(z[:, 2 * n:3 * n])
                g = np.tanh(z[:, 3 * n:])
            else:
                f = sig(x.dot(self.wx[0]) + self.bx[0] + h.dot(self.wh[0]))
                i = sig(x.dot(self.wx[1]) + self.bx[1] + h.dot(self.wh[1]))
                o = sig(x.dot(self.wx[2]) + self.bx[2] + h.dot(self.wh[2]))
                g = np.tanh(x.dot(self.wx[3]) + self.bx[3] + h.dot(self.wh[3]))
            c_new = f * c + i * g
            tc = np.tanh(c_new)
            h_new = o * tc
            logits = h_new.dot(self.w_out)
            e = np.exp(logits - logits.max(1, keepdims=True))
            p = e / e.sum(1, keepdims=True)
            total += -np.log(p[rows, targets[:, t]]).mean()
            cache.append((x, h, c, f, i, o, g, tc, h_new, p))
            h, c = h_new, c_new
        d_out = np.zeros_like(self.w_out)
        d_embed = np.zeros_like(self.embed)
        dh_next = np.zeros_like(h)
        dc_next = np.zeros_like(c)
        if self.fused:
            xs, hs, dzs = [], [], []
        else:
            dwx = [np.zeros_like(w) for w in self.wx]
            dbx = [np.zeros_like(b) for b in self.bx]
            dwh = [np.zeros_like(w) for w in self.wh]
        for t in reversed(range(inputs.shape[1])):
            x, h_prev, c_prev, f, i, o, g, tc, h_t, p = cache[t]
            dlogits = p.copy()
            dlogits[rows, targets[:, t]] -= 1
            d_out += h_t.T.dot(dlogits)
            dh = dlogits.dot(self.w_out.T) + dh_next
            dc = dh * o * (1 - tc * tc) + dc_next
            dz = [dc * c_prev * f * (1 - f), dc * g * i * (1 - i), dh * tc * o * (1 - o), dc * i * (1 - g * g)]
            dc_next = dc * f
            if self.fused:
                dZ = np.concatenate(dz, axis=1)  # noqa: N806
                dx = dZ.dot(self.WX.T)
                dh_next = dZ.dot(self.WH.T)
                xs.append(x)
                hs.append(h_prev)
                dzs.append(dZ)
            else:
                dx = np.zeros_like(x)
                dh_next = np.zeros_like(h_prev)
                for k in range(4):
                    dwx[k] += x.T.dot(dz[k])
                    dbx[k] += dz[k].sum(0)
                    dwh[k] += h_prev.T.dot(dz[k])
                    dx += dz[k].dot(self.wx[k].T)
                    dh_next += dz[k].dot(self.wh[k].T)
            np.add.at(d_embed, inputs[:, t], dx)
        if self.fused:
            X, H, DZ = np.concatenate(xs), np.concatenate(hs), np.concatenate(dzs)  # noqa: N806
            self.WX -= X.T.dot(DZ) * alpha
            self.BX -= DZ.sum(0) * alpha
            self.WH -= H.T.dot(DZ) * alpha
        else:
            for k in range(4):
                self.wx[k] -= dwx[k] * alpha
                self.bx[k] -= dbx[k] * alpha
                self.wh[k] -= dwh[k] * alpha
        self.w_out -= d_out * alpha
        self.embed -= d_embed * alpha
        return total, h, c


# -- PyTorch -----------------------------------------------------------------------------------------------------------
def torch_batch_factory(arrays: list[np.ndarray], h: np.ndarray,
                        c: np.ndarray) -> Callable[[np.ndarray, np.ndarray], float] | None:
    """A function running one batch of the same LSTM in PyTorch (float64, autograd, manual SGD), or None."""
    try:
        import torch
    except ImportError:
        return None
    params = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in arrays]
    wx = [params[2 * k] for k in range(4)]
    bx = [params[2 * k + 1] for k in range(4)]
    wh = params[8:12]
    w_out, embed = params[12], params[13]
    state = {"h": torch.tensor(h, dtype=torch.float64), "c": torch.tensor(c, dtype=torch.float64)}

    def batch(inputs: np.ndarray, targets: np.ndarray) -> float:
        h, c = state["h"], state["c"]
        loss = torch.zeros((), dtype=torch.float64)
        ins, tgs = torch.from_numpy(inputs), torch.from_numpy(targets)
        for t in range(inputs.shape[1]):
            x = embed[ins[:, t]]
            f = torch.sigmoid(x @ wx[0] + bx[0] + h @ wh[0])
            i = torch.sigmoid(x @ wx[1] + bx[1] + h @ wh[1])
            o = torch.sigmoid(x @ wx[2] + bx[2] + h @ wh[2])
            g = torch.tanh(x @ wx[3] + bx[3] + h @ wh[3])
            c = f * c + i * g
            h = o * torch.tanh(c)
            loss = loss + torch.nn.functional.cross_entropy(h @ w_out, tgs[:, t], reduction="sum")
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= p.grad * 0.05
                p.grad = None
        state["h"], state["c"] = h.detach(), c.detach()
        return float(loss) / STREAMS

    return batch


# -- the framework, as the experiment trains -------------------------------------------------------------------------
def framework_experiment(size: str, book_faithful: bool = False, clip: float | None = None):  # noqa: ANN201
    from learning.catalogue import get
    from learning.datasets.shakespeare import book_shakespeare

    extra = {} if clip is None else {"clip": clip}
    return get("ch14.char-lstm")(data=book_shakespeare(), size=size, book_faithful=book_faithful, **extra)


def batch_comparison(repeats: int) -> None:
    exp = framework_experiment("book", clip=0.0)  # no clipping: the same plain SGD as the references
    exp.step()  # batch 0 (the output layer is zero): start every contender from the weights after it
    arrays = [a.copy() for a in exp.net.arrays()]
    h, c = (a.copy() for a in exp.hidden_state)
    b = exp.iteration_index
    inputs = exp.stream_matrix[:, BPTT * b:BPTT * b + BPTT]
    targets = exp.stream_matrix[:, BPTT * b + 1:BPTT * b + BPTT + 1]
    saved = exp.state()
    losses: dict[str, float] = {}
    runners: dict[str, Callable[[], Callable[[], object]]] = {}

    def framework() -> Callable[[], object]:
        exp.load_state(saved)  # every run trains the same batch from the same weights
        return lambda: losses.setdefault("framework", exp.step().record["loss"] / BPTT)

    def numpy_lstm(fused: bool, key: str) -> Callable[[], Callable[[], object]]:
        def prepare() -> Callable[[], object]:
            net = NumpyLSTM(arrays, fused)
            return lambda: losses.setdefault(key, float(net.batch(inputs, targets, h, c, 0.05)[0]) / BPTT)
        return prepare

    runners = {"framework": framework, "numpy plain": numpy_lstm(False, "plain"),
               "numpy fused": numpy_lstm(True, "fused")}
    if torch_batch_factory(arrays, h, c) is not None:
        def pytorch() -> Callable[[], object]:
            batch = torch_batch_factory(arrays, h, c)
            assert batch is not None
            return lambda: losses.setdefault("pytorch", batch(inputs, targets) / BPTT)

        runners["pytorch"] = pytorch
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in runners}
    for _ in range(repeats + 1):  # the first round warms up (its times are dropped)
        for name, prepare in runners.items():
            run = prepare()  # fresh weights, outside the timing
            samples[name].append(timed(run))
    print("1-2. one 16x25 LSTM batch at 512 units (forward + backward + SGD, no clipping), median of", repeats)
    base = medians(samples["framework"][1:])
    for name in runners:
        wall, cpu = medians(samples[name][1:])
        print(f"   {name:12s} wall {wall * 1000:8.1f} ms   cpu {cpu * 1000:8.1f} ms   "
              f"framework/this: wall {base[0] / wall:5.2f}x  cpu {base[1] / cpu:5.2f}x")
    print("   the batch's loss per character (the same math everywhere): "
          + ", ".join(f"{k} {v!r}" for k, v in losses.items()))
    if "pytorch" not in runners:
        print("   pytorch: not importable here (pip install torch==2.13.0 into .venv to compare)")
    else:
        import torch
        print(f"   pytorch threads: {torch.get_num_threads()}")


def epoch_at_laptop_size() -> None:
    exp = framework_experiment("laptop")
    wall, cpu = timed(lambda: [exp.step() for _ in range(exp.epoch_size)])
    record = exp._epoch_records  # noqa: SLF001 - cleared at the epoch's end; the last record is in the history
    print(f"3. a whole epoch at 128 units ({exp.epoch_size} batches): wall {wall:.1f} s, cpu {cpu:.1f} s "
          f"(goal <= 15 s); perplexity after it {exp.perplexity:.2f}{'' if not record else ''}")


def generation() -> None:
    print("4. generating 500 characters (sampling from the softmax):")
    for size in ("laptop", "book"):
        exp = framework_experiment(size)
        for _ in range(3):
            exp.step()
        samples = [timed(lambda e=exp: e.generate(500, temperature=0.8)) for _ in range(3)]
        wall, cpu = medians(samples)
        print(f"   {size:6s} ({exp.net.hidden} units): wall {wall:.3f} s, cpu {cpu:.3f} s (goal <= 0.5 s)")


def longest_phase() -> None:
    print("5. the longest phase (what the window's timer may wait for), 3 batches each:")
    for size in ("laptop", "book"):
        for book in (False, True):
            exp = framework_experiment(size, book)
            longest = (0.0, 0.0)
            for _ in range(3):
                gen = exp.phases()
                while True:
                    w, c = time.perf_counter(), time.process_time()
                    try:
                        next(gen)
                    except StopIteration:
                        break
                    longest = (max(longest[0], time.perf_counter() - w), max(longest[1], time.process_time() - c))
            print(f"   {size:6s} {'book_faithful' if book else 'default':13s}: wall {longest[0] * 1000:6.1f} ms, "
                  f"cpu {longest[1] * 1000:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--blas-threads", type=int, default=None,
                        help="run again in a fresh process with OPENBLAS_NUM_THREADS (and OMP) set to this")
    parser.add_argument("--skip-epoch", action="store_true", help="leave out the 128-unit epoch")
    args = parser.parse_args()
    if args.blas_threads is not None and os.environ.get("OPENBLAS_NUM_THREADS") != str(args.blas_threads):
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(args.blas_threads), OMP_NUM_THREADS=str(args.blas_threads))
        rest = [a for a in sys.argv[1:]]
        sys.exit(subprocess.call([sys.executable, __file__, *rest], env=env))
    print(f"numpy {np.__version__}; OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    batch_comparison(args.repeats)
    if not args.skip_epoch:
        epoch_at_laptop_size()
    generation()
    longest_phase()


if __name__ == "__main__":
    main()
