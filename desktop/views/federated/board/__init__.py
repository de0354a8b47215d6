"""The federation board (chapter 15): the model owner and Bob, Alice and Sue as cards of one class, each with its
data, its local loss and its update on one shared colour scale; the model travelling out, the updates travelling
back (encrypted in ch15.paillier), the average and the test accuracy of each round; a round stepper with rewind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.views import ViewSpec
from desktop.views.federated._common import federated
from desktop.views.federated.board.model import Board, Card, board_of, strip_of
from desktop.views.federated.board.panel import BoardPanel

__all__ = ["ACTIONS", "MINIMUM", "Board", "BoardPanel", "Card", "applies", "board_of", "spec", "strip_of"]

#: What the learner does here that a lesson task may count.
ACTIONS = ("next_round", "previous_round")
#: The smallest readable size: the stepper, a one-line owner card and three client cards.
MINIMUM = (360, 240)


def applies(experiment: object) -> bool:
    """True for experiments with federated rounds (ch15.federated, ch15.paillier)."""
    return federated(experiment)


def spec() -> ViewSpec:
    """The federation board: the main view of federated rounds."""
    return ViewSpec("federation", lambda: QCoreApplication.translate("BoardTexts", "Federation board"), BoardPanel,
                    MINIMUM, applies, rank=31, actions=ACTIONS)
