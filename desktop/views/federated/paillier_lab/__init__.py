"""The Paillier lab (chapter 15): the learner picks the key size (128 bits as in the book, 512, 1024, 2048),
encrypts two numbers, adds the ciphertexts and decrypts the sum, and sees n, g, λ, μ, every intermediate number,
the exact float encoding, the ciphertext size against a float's, and the time of each step — computed in slices
from a timer, so that the window never waits long, with Cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.views import ViewSpec
from desktop.views.federated._common import secure
from desktop.views.federated.paillier_lab.driver import SliceDriver
from desktop.views.federated.paillier_lab.panel import COMPARED, LabPanel, parse

__all__ = ["ACTIONS", "COMPARED", "MINIMUM", "LabPanel", "SliceDriver", "applies", "parse", "spec"]

#: What the learner does here that a lesson task may count.
ACTIONS = ("lab_run", "lab_cancelled", "sizes_compared")
#: The smallest readable size: the controls on two lines and a few lines of results (they scroll).
MINIMUM = (360, 220)


def applies(experiment: object) -> bool:
    """True for the secure-aggregation experiment, whose encryption the lab takes apart (ch15.paillier)."""
    return secure(experiment)


def spec() -> ViewSpec:
    """The Paillier lab."""
    return ViewSpec("paillier_lab", lambda: QCoreApplication.translate("LabTexts", "Paillier lab"), LabPanel,
                    MINIMUM, applies, rank=20, actions=ACTIONS)
