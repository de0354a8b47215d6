"""Independent numpy references of the two character models' training (no learning.framework): a plain
forward pass over a batch and back-propagation through time written out by hand, for the loss the book's
cross-entropy differentiates (summed over the rows and the time steps, BOOK.md 1.1)."""

import numpy as np


def sig(z):
    return 1 / (1 + np.exp(-z))


def softmax_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def lstm_batch(w, inputs, targets, h, c):
    """w: dict E, Wxf, bxf, ..., Whf, ..., Who. inputs/targets: (streams, bptt). Returns (mean loss per step
    summed over steps, grads dict, final h, c)."""
    streams, bptt = inputs.shape
    cache = []
    total = 0.0
    for t in range(bptt):
        x = w["E"][inputs[:, t]]
        f = sig(x @ w["Wxf"] + w["bxf"] + h @ w["Whf"])
        i = sig(x @ w["Wxi"] + w["bxi"] + h @ w["Whi"])
        o = sig(x @ w["Wxo"] + w["bxo"] + h @ w["Who_"])
        g = np.tanh(x @ w["Wxc"] + w["bxc"] + h @ w["Whc"])
        c_new = f * c + i * g
        h_new = o * np.tanh(c_new)
        p = softmax_rows(h_new @ w["Wout"])
        total += -np.log(p[np.arange(streams), targets[:, t]]).mean()
        cache.append((x, h, c, f, i, o, g, c_new, h_new, p))
        h, c = h_new, c_new
    grads = {k: np.zeros_like(v) for k, v in w.items()}
    dh_next = np.zeros_like(h)
    dc_next = np.zeros_like(c)
    for t in reversed(range(bptt)):
        x, h_prev, c_prev, f, i, o, g, c_t, h_t, p = cache[t]
        dlogits = p.copy()
        dlogits[np.arange(streams), targets[:, t]] -= 1
        grads["Wout"] += h_t.T @ dlogits
        dh = dlogits @ w["Wout"].T + dh_next
        tc = np.tanh(c_t)
        do = dh * tc
        dc = dh * o * (1 - tc * tc) + dc_next
        df, di, dg = dc * c_prev, dc * g, dc * i
        dc_next = dc * f
        dzf, dzi, dzo, dzg = df * f * (1 - f), di * i * (1 - i), do * o * (1 - o), dg * (1 - g * g)
        dx = np.zeros_like(x)
        dh_next = np.zeros_like(h_prev)
        for gate, dz in (("f", dzf), ("i", dzi), ("o", dzo), ("c", dzg)):
            hname = "Who_" if gate == "o" else "Wh" + gate
            grads["Wx" + gate] += x.T @ dz
            grads["bx" + gate] += dz.sum(0)
            grads[hname] += h_prev.T @ dz
            dx += dz @ w["Wx" + gate].T
            dh_next += dz @ w[hname].T
        np.add.at(grads["E"], inputs[:, t], dx)
    return total, grads, h, c


def rnn_batch(w, inputs, targets, h, activation="sigmoid"):
    """w: dict E, Wih, bih, Whh, bhh, Who, bho. Returns (summed mean step losses, grads, final h)."""
    streams, bptt = inputs.shape
    act = np.tanh if activation == "tanh" else sig
    cache = []
    total = 0.0
    for t in range(bptt):
        x = w["E"][inputs[:, t]]
        h_new = act(x @ w["Wih"] + w["bih"] + h @ w["Whh"] + w["bhh"])
        p = softmax_rows(h_new @ w["Who"] + w["bho"])
        total += -np.log(p[np.arange(streams), targets[:, t]]).mean()
        cache.append((x, h, h_new, p))
        h = h_new
    grads = {k: np.zeros_like(v) for k, v in w.items()}
    dh_next = np.zeros_like(h)
    for t in reversed(range(bptt)):
        x, h_prev, h_t, p = cache[t]
        dlogits = p.copy()
        dlogits[np.arange(streams), targets[:, t]] -= 1
        grads["Who"] += h_t.T @ dlogits
        grads["bho"] += dlogits.sum(0)
        dh = dlogits @ w["Who"].T + dh_next
        dz = dh * (1 - h_t * h_t) if activation == "tanh" else dh * h_t * (1 - h_t)
        grads["Wih"] += x.T @ dz
        grads["bih"] += dz.sum(0)
        grads["Whh"] += h_prev.T @ dz
        grads["bhh"] += dz.sum(0)
        np.add.at(grads["E"], inputs[:, t], dz @ w["Wih"].T)
        dh_next = dz @ w["Whh"].T
    return total, grads, h


LSTM_NAMES = ("Wxf", "bxf", "Wxi", "bxi", "Wxo", "bxo", "Wxc", "bxc", "Whf", "Whi", "Who_", "Whc", "Wout", "E")
RNN_NAMES = ("Wih", "bih", "Whh", "bhh", "Who", "bho", "E")


def train(kind, arrays, indices, streams, bptt, batches, alpha=0.05, activation="sigmoid", initial=None):
    """The book's loop (state carried across batches with the graph cut), `batches` batches of SGD on the
    summed loss; `arrays` in the experiment's parameter order. Returns (per-batch mean step loss, arrays)."""
    names = LSTM_NAMES if kind == "lstm" else RNN_NAMES
    w = {n: np.array(a, dtype=float) for n, a in zip(names, arrays, strict=True)}
    n = len(indices) // streams
    matrix = np.asarray(indices[: n * streams]).reshape(streams, n)
    hidden = w["E"].shape[1]
    if initial is None:
        h = np.zeros((streams, hidden))
        c = np.zeros((streams, hidden))
        if kind == "lstm":
            h[:, 0] = 1
            c[:, 0] = 1
    else:
        h, c = initial
    losses = []
    for b in range(batches):
        inputs = matrix[:, bptt * b:bptt * b + bptt]
        targets = matrix[:, bptt * b + 1:bptt * b + bptt + 1]
        if kind == "lstm":
            total, grads, h, c = lstm_batch(w, inputs, targets, h, c)
        else:
            total, grads, h = rnn_batch(w, inputs, targets, h, activation)
        for k in w:
            w[k] = w[k] - grads[k] * alpha
        losses.append(total / bptt)
    return losses, [w[n] for n in names]
