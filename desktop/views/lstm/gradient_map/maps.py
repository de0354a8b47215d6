"""The data of the gradients-through-time view, Qt-free: one model's maps (its training's gradient norms per batch
and time step, and its probes: the last step's loss alone), and how a norm becomes a shade on the map."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from learning.chapters.ch14_probe import Probe

#: Shades of the training's gradient norms span this many decades below the map's largest value.
TOTAL_DECADES = 4
#: Shades of a probe span this many decades below the last step's gradient (1).
REACH_DECADES = 8
#: Modes of the map: the training's gradient (every loss of the batch) or the probe (the last step's loss alone).
MODES = ("total", "probe")


@dataclass
class ModelMaps:
    """What the view knows of one model (kind "lstm" or "rnn") in one run: the training's norms (`iterations`,
    `h`, `c`: batches × steps) and the probes by iteration; `label` names the run (its size)."""

    kind: str
    label: str
    iterations: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    h: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    c: np.ndarray | None = None
    probes: dict[int, Probe] = field(default_factory=dict)

    def take_norms(self, norms: dict[str, np.ndarray]) -> None:
        """Copy an experiment's grad_norms()."""
        self.iterations = np.array(norms["iterations"])
        self.h = np.array(norms["h"])
        self.c = np.array(norms["c"]) if "c" in norms else None

    def columns(self, mode: str, what: str, most: int) -> tuple[np.ndarray, np.ndarray]:
        """(iterations, values: steps × columns) of the last `most` columns of a mode, for the state `what`
        ("h", or "c" for the LSTM; the RNN always shows h)."""
        what = what if self.kind == "lstm" else "h"
        if mode == "probe":
            keys = sorted(self.probes)[-most:]
            if not keys:
                return np.zeros(0, dtype=np.int64), np.zeros((0, 0))
            rows = [self.probes[k].h if what == "h" else self.probes[k].c for k in keys]
            return np.array(keys, dtype=np.int64), np.array(rows).T
        values = self.h if what == "h" or self.c is None else self.c
        return self.iterations[-most:], values[-most:].T

    def mean_factor(self, what: str = "h", last: int = 10) -> float:
        """The geometric mean of the probes' factor per step back over the last `last` probes (NaN if none)."""
        what = what if self.kind == "lstm" else "h"
        factors = [self.probes[k].factor_per_step(what) for k in sorted(self.probes)[-last:]]
        factors = [f for f in factors if math.isfinite(f) and f > 0]
        return float(np.exp(np.mean(np.log(factors)))) if factors else float("nan")


def shades(values: np.ndarray, mode: str) -> tuple[np.ndarray, float]:
    """Each value's shade 0…1 on the map (0: the surface, 1: full colour) and the top of the scale.

    Training mode: log₁₀ of the norm over TOTAL_DECADES up to the map's largest value rounded up to a decade.
    Probe mode: each column divided by its last step (1 at the last step), log₁₀ over REACH_DECADES."""
    v = np.asarray(values, dtype=float)
    if v.size == 0:
        return v.copy(), 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        if mode == "probe":
            last = v[-1:, :]
            ratio = np.where(last > 0, v / np.where(last > 0, last, 1.0), np.nan)
            out = 1 + np.log10(ratio) / REACH_DECADES
            top = 1.0
        else:
            finite = v[np.isfinite(v) & (v > 0)]
            top = 10.0 ** math.ceil(math.log10(finite.max())) if finite.size else 1.0
            out = 1 + np.log10(v / top) / TOTAL_DECADES
    out = np.where(np.isnan(out), np.nan, np.clip(out, 0.0, 1.0))
    return out, top
