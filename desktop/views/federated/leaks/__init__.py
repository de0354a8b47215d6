"""The leak inspector (chapter 15): the words a client's update changed, marked in that client's e-mails; the same
for the average of the three, which still reveals the union of their words (secure aggregation hides who, not
what); ch15.federated-hack's one e-mail read off Bob's update, and its words missing from the vocabulary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.views import ViewSpec
from desktop.views.federated._common import federated, hack
from desktop.views.federated.leaks.model import AVERAGE, Leak, leak_of
from desktop.views.federated.leaks.panel import LeakPanel

__all__ = ["ACTIONS", "AVERAGE", "MINIMUM", "Leak", "LeakPanel", "applies", "leak_of", "spec"]

#: What the learner does here that a lesson task may count.
ACTIONS = ("update_inspected", "average_inspected", "word_found")
#: The smallest readable size: the pickers, the summary, a column of words beside the e-mail.
MINIMUM = (360, 240)


def applies(experiment: object) -> bool:
    """True for experiments whose updates can be inspected (ch15.federated, ch15.paillier, ch15.federated-hack)."""
    return federated(experiment) or hack(experiment)


def spec() -> ViewSpec:
    """The leak inspector: the main view of the attack."""
    return ViewSpec("leaks", lambda: QCoreApplication.translate("LeakTexts", "Leak inspector"), LeakPanel, MINIMUM,
                    applies, rank=30, actions=ACTIONS)
