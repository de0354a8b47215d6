"""What the chapter-15 views share: which experiments each one shows, the participants' names, the data note, and
the round stepper (a round of federated learning is one epoch: every client's batches, then the owner's average)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from desktop.runner import Runner
from desktop.theme import colours
from desktop.widgets import ElidedLabel, FlowLayout

#: The owners of data, in the order they train (learning/chapters/ch15_data.py CLIENTS).
CLIENTS = ("bob", "alice", "sue")
OWNER = "owner"


def spam_model(experiment: object) -> bool:
    """True for chapter 15's spam experiments (a weight per word: spam_words())."""
    return callable(getattr(experiment, "spam_words", None)) and getattr(experiment, "spam", None) is not None


def federated(experiment: object) -> bool:
    """True for experiments with federated rounds (ch15.federated, ch15.paillier)."""
    return spam_model(experiment) and callable(getattr(experiment, "client_update", None)) and \
        hasattr(experiment, "rounds")


def secure(experiment: object) -> bool:
    """True for federated rounds with encrypted aggregation (ch15.paillier)."""
    return federated(experiment) and callable(getattr(experiment, "blocks", None))


def hack(experiment: object) -> bool:
    """True for the one-e-mail attack (ch15.federated-hack)."""
    return spam_model(experiment) and hasattr(experiment, "missing_words") and \
        callable(getattr(experiment, "leaked_words", None))


class Names(QObject):
    """The participants' names and the data note in the current language."""

    def name(self, key: str) -> str:
        """"Bob", "Alice", "Sue", "Model owner" or "Average of the three"."""
        return {"bob": self.tr("Bob"), "alice": self.tr("Alice"), "sue": self.tr("Sue"),
                OWNER: self.tr("Model owner"), "average": self.tr("Average of the three")}.get(key, key)

    def of(self, key: str) -> str:
        """The name after a preposition ("to Bob": Russian declines it, "к Бобу" is not "Боб")."""
        return {"bob": self.tr("Bob", "genitive"), "alice": self.tr("Alice", "genitive"),
                "sue": self.tr("Sue", "genitive")}.get(key, self.name(key))

    def whose(self, key: str) -> str:
        """The possessive: "Bob's" ("Боба")."""
        return {"bob": self.tr("Bob's"), "alice": self.tr("Alice's"), "sue": self.tr("Sue's"),
                OWNER: self.tr("the model owner's"), "average": self.tr("the average's")}.get(key, key)

    def data_note(self, experiment: object) -> str:
        """Where the e-mails come from, and that the numbers are not the book's when they are not its files."""
        spam = getattr(experiment, "spam", None)
        if spam is None:
            return ""
        if getattr(spam, "substitute", True):
            return self.tr("E-mails: the Enron-Spam set 1, not the book's files; the numbers differ from the book's")
        return self.tr("E-mails: the book's spam.txt and ham.txt")


def round_of(experiment: Any, count: int) -> tuple[int, int]:
    """(round, position within it) of the next iteration after `count` iterations (a round is an epoch)."""
    size = experiment.epoch_size or 1
    return count // size, count % size


class RoundStepper(QWidget):
    """"◀ Round" and "Round ▶" buttons and where the run is: a round back rewinds to the round's start (or the
    previous round's when at a start); a round forward steps iteration by iteration to the end of the round (each
    step returns to the event loop, so the window stays live), or replays it from the run's history when the run has
    been there. `acted` says "previous_round" or "next_round"."""

    acted = Signal(str)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.names = Names(self)
        self.target: int | None = None  # the count a round forward is stepping to
        self.back = QToolButton()
        self.back.setObjectName("round_back")
        self.forward = QToolButton()
        self.forward.setObjectName("round_forward")
        self.status = ElidedLabel()
        self.status.setObjectName("round_status")
        self.status.setStyleSheet(f"color: {colours().muted.name()}")
        flow = FlowLayout(self, spacing=4, expand_first=True)
        flow.addWidget(self.status)
        flow.addWidget(self.back)
        flow.addWidget(self.forward)
        for button in (self.back, self.forward):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.back.clicked.connect(self.previous_round)
        self.forward.clicked.connect(self.next_round)
        self._stepper = QTimer(self)
        self._stepper.setSingleShot(True)
        self._stepper.setInterval(0)
        self._stepper.timeout.connect(self._on_stepper_timeout)
        runner.advanced.connect(self._on_runner_advanced)
        runner.playing_changed.connect(self._on_runner_playing_changed)
        runner.reset_done.connect(self.stop)
        runner.experiment_changed.connect(self.stop)
        runner.rewound.connect(self._on_runner_rewound)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.back.setText(self.tr("◀ Round"))
        self.back.setToolTip(self.tr("Back to the start of this round (or of the previous one): the run rewinds"))
        self.forward.setText(self.tr("Round ▶"))
        self.forward.setToolTip(self.tr("Run to the end of this round: the clients' remaining batches, the average "
                                        "and the test"))
        self.update_status()

    # -- commands ---------------------------------------------------------------------------------------------
    def previous_round(self) -> None:
        """Rewind to the start of the current round, or to the start of the previous one if at a start."""
        self.stop()
        exp, count = self.runner.experiment, self.runner.count
        if not exp.epoch_size or count == 0 and not self.runner.mid_iteration:
            return
        size = exp.epoch_size
        target = (count - 1) // size * size if count else 0
        self.runner.rewind_to(target)
        self.acted.emit("previous_round")

    def next_round(self) -> None:
        """Go to the end of the current round (the start of the next)."""
        exp = self.runner.experiment
        if not exp.epoch_size:
            return
        self.stop()
        target = (self.runner.count // exp.epoch_size + 1) * exp.epoch_size
        self.acted.emit("next_round")
        if target <= self.runner.horizon and not self.runner.mid_iteration:
            self.runner.rewind_to(target)  # the run has been there: replay from its kept states
            return
        self.target = target
        self.update_status()
        self.runner.step()

    def stop(self, *_: Any) -> None:
        """Stop stepping towards the end of a round."""
        self.target = None
        self._stepper.stop()
        self.update_status()

    @property
    def going(self) -> bool:
        """True while a round forward is under way."""
        return self.target is not None

    # -- runner -----------------------------------------------------------------------------------------------
    def _on_runner_advanced(self, count: int) -> None:
        if self.target is not None and not self.runner.mid_iteration and not self.runner.playing:
            if count >= self.target:
                self.target = None
            else:
                self._stepper.start()  # the next iteration after the event loop has drawn this one
        self.update_status()

    def _on_stepper_timeout(self) -> None:
        if self.target is not None and self.runner.count < self.target and not self.runner.mid_iteration:
            self.runner.step()

    def _on_runner_playing_changed(self, playing: bool) -> None:
        if playing:
            self.stop()

    def _on_runner_rewound(self, *_: Any) -> None:
        if self.target is not None and self.runner.count >= self.target:
            self.stop()
        self.update_status()

    def update_status(self) -> None:
        """Say where the run is: the round and what comes next."""
        exp = self.runner.experiment
        if not federated(exp):
            self.status.setText("")
            self.back.setEnabled(False)
            self.forward.setEnabled(False)
            return
        count = self.runner.count
        round_, position = round_of(exp, count)
        rounds = exp.epochs or 1
        step = exp.schedule[position]
        if step.kind == "aggregate":
            nxt = self.tr("next: the owner averages the three models")
        else:
            nxt = self.tr("next: {0}, batch {1} of {2}").format(self.names.name(step.client), step.batch + 1,
                                                                step.batches)
        if round_ < rounds:
            text = self.tr("Round {0} of {1} · {2}").format(round_ + 1, rounds, nxt)
        else:
            text = self.tr("Round {0}, after the book's {1} · {2}").format(round_ + 1, rounds, nxt)
        if self.target is not None:
            text = self.tr("Running to the end of round {0}…").format((self.target - 1) // exp.epoch_size + 1)
        self.status.setText(text)
        self.back.setEnabled(count > 0 or self.runner.mid_iteration)
        self.forward.setEnabled(self.target is None)
