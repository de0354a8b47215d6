"""Every experiment by id, in the book's order; what `python -m learning list` prints."""

from __future__ import annotations

from learning.chapters import (
    ch03_forward,
    ch04_gradient_descent,
    ch05_multiple_weights,
    ch06_backprop,
    ch08_regularization,
    ch09_activations,
    ch10_convolution,
    ch11_analogy,
    ch11_language,
    ch11_word2vec,
    ch12_recurrence,
    ch12_rnn_babi,
    ch13_framework,
    ch13_rnn,
    ch14_char,
    ch14_gradients,
    ch15_federated,
    ch15_paillier,
    ch15_spam,
)
from learning.experiment import Experiment

_MODULES = (ch03_forward, ch04_gradient_descent, ch05_multiple_weights, ch06_backprop, ch08_regularization,
            ch09_activations, ch10_convolution, ch11_language, ch11_word2vec, ch11_analogy, ch12_recurrence,
            ch12_rnn_babi, ch13_framework, ch13_rnn, ch14_gradients, ch14_char, ch15_spam, ch15_federated,
            ch15_paillier)

EXPERIMENTS: dict[str, type[Experiment]] = {cls.id: cls for m in _MODULES for cls in m.EXPERIMENTS}


class UnknownExperiment(KeyError):
    """An id that is not in the catalogue."""

    def __str__(self) -> str:
        return str(self.args[0])


def get(experiment_id: str) -> type[Experiment]:
    """The experiment class for `experiment_id`, or UnknownExperiment with a helpful message."""
    try:
        return EXPERIMENTS[experiment_id]
    except KeyError:
        close = [i for i in EXPERIMENTS if experiment_id.split(".")[0] in i] or list(EXPERIMENTS)
        raise UnknownExperiment(
            f"unknown experiment {experiment_id!r}; known: {', '.join(close)}"
            + ("" if len(close) == len(EXPERIMENTS) else " (python -m learning list shows all)")
        ) from None


def chapters() -> dict[int, list[type[Experiment]]]:
    """Experiments grouped by chapter, in catalogue order."""
    out: dict[int, list[type[Experiment]]] = {}
    for cls in EXPERIMENTS.values():
        out.setdefault(cls.chapter, []).append(cls)
    return out
