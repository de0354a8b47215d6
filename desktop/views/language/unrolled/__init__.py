"""The recurrent network unrolled in time (ch12.toy-forward and ch12.rnn-babi).

The sentence is laid out left to right: for each word the network's guesses before reading it, the word with its
surprise, and the hidden vector after reading it; the recurrent matrix below, which starts as the identity and
drifts as it learns. The learner steps it word by word (◀ ▶) and, after a learn phase, steps the backward pass back
through time (◀ gradient): the gradient reaching each hidden vector, from the last word to the first. Typing a
sentence shows how the network reads it now and what it guesses next.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.views import ViewSpec
from desktop.views.language.unrolled.panel import ACTIONS, UnrolledView
from desktop.views.language.unrolled.timeline import TimeLine, from_rnn, from_toy

__all__ = ["ACTIONS", "MINIMUM", "TimeLine", "UnrolledView", "applies", "from_rnn", "from_toy", "spec"]

#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 240)


def applies(experiment: object) -> bool:
    """True for the recurrent experiments of chapter 12 (they lay a sentence out in time: `unrolled()`)."""
    return callable(getattr(experiment, "unrolled", None))


def spec() -> ViewSpec:
    """The unrolled network: the main view of ch12.toy-forward and ch12.rnn-babi."""
    return ViewSpec("unrolled", lambda: QCoreApplication.translate("UnrolledView", "Unrolled in time"), UnrolledView,
                    MINIMUM, applies, rank=18, actions=ACTIONS)
