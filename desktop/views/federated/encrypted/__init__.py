"""Encrypted aggregation (chapter 15, ch15.paillier): the three encrypted models as opaque blocks, their
homomorphic sum and only the sum decrypted; the book's decryption bug (Q24) as a switch with its effect on the
accuracy; what encryption costs (encryptions, bytes, seconds; encrypting only the changed weights vs all)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.views import ViewSpec
from desktop.views.federated._common import secure
from desktop.views.federated.encrypted.model import SUM, Aggregation, aggregation_of
from desktop.views.federated.encrypted.panel import EncryptedPanel

__all__ = ["ACTIONS", "MINIMUM", "SUM", "Aggregation", "EncryptedPanel", "aggregation_of", "applies", "spec"]

#: What the learner does here that a lesson task may count.
ACTIONS = ("q24_switched", "encrypt_switched")
#: The smallest readable size: the switches and a few rows of blocks (the rest scrolls).
MINIMUM = (360, 220)


def applies(experiment: object) -> bool:
    """True for federated rounds with encrypted aggregation (ch15.paillier)."""
    return secure(experiment)


def spec() -> ViewSpec:
    """Encrypted aggregation."""
    return ViewSpec("encrypted", lambda: QCoreApplication.translate("EncryptedTexts", "Encrypted aggregation"),
                    EncryptedPanel, MINIMUM, applies, rank=29, actions=ACTIONS)
