"""Every word of the federation board in the current language: card lines, states, flows and the text alternative."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from desktop.format import num
from desktop.views.federated._common import OWNER, Names
from desktop.views.federated.board.model import (
    AGGREGATING,
    AVERAGED,
    COLLECTING,
    SENT,
    TRAINING,
    WAITING,
    Board,
    Card,
)


def percent(value: float | None) -> str:
    """An accuracy as "94.1 %" ("–" when unknown)."""
    return "–" if value is None else f"{100 * value:.1f} %"


class BoardTexts(QObject):
    """The board's words; every string goes through tr() in this context."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = Names(self)

    def title(self) -> str:
        """The view's name."""
        return self.tr("Federation board")

    def stage(self, stage: str) -> str:
        """A stage of the encrypted aggregation (learning/chapters/ch15_paillier.py)."""
        if stage.startswith("encrypt "):
            return self.tr("{0} encrypts the model").format(self.names.name(stage.split(" ", 1)[1]))
        return {"keygen": self.tr("making the key pair"), "add": self.tr("adding the encrypted models"),
                "decrypt": self.tr("decrypting the sum"),
                "compare": self.tr("comparing with plain averaging")}.get(stage, stage)

    def state(self, card: Card, board: Board) -> str:
        """What a participant is doing."""
        if card.key == OWNER:
            if card.state == COLLECTING:
                return self.tr("waiting for the updates")
            if card.state == AGGREGATING:
                return self.stage(board.stage)
            return self.tr("averaged, tested")
        return {WAITING: self.tr("waiting for the model"),
                TRAINING: self.tr("training: batch {0} of {1}").format(card.batch, card.batches),
                SENT: self.tr("encrypted update sent") if board.encrypted else self.tr("update sent"),
                AVERAGED: self.tr("update averaged")}.get(card.state, card.state)

    def lines(self, card: Card) -> list[str]:
        """The card's lines under its title."""
        loc = QLocale()
        if card.key == OWNER:
            out = [self.tr("{0} test e-mails ({1} spam)").format(loc.toString(card.emails), loc.toString(card.spam)),
                   self.tr("test accuracy {0}").format(percent(card.figure))]
            if card.changed is not None:
                out.append(self.tr("the average changed {0} weights").format(loc.toString(card.changed)))
            return out
        out = [self.tr("{0} e-mails ({1} spam)").format(loc.toString(card.emails), loc.toString(card.spam)),
               self.tr("Loss {0}").format(num(card.figure))]
        if card.changed is not None:
            out.append(self.tr("{0} weights changed").format(loc.toString(card.changed)))
        return out

    def flow(self, direction: str, encrypted: bool) -> str:
        """The label of an arrow."""
        if direction == "out":
            return self.tr("model")
        return self.tr("Enc(update)") if encrypted else self.tr("update")

    def round_title(self, board: Board) -> str:
        """The owner card's title line."""
        if board.round >= board.rounds:
            return self.tr("{0} · round {1}, after the book's {2}").format(self.names.name(OWNER), board.round + 1,
                                                                          board.rounds)
        return self.tr("{0} · round {1} of {2}").format(self.names.name(OWNER), board.round + 1, board.rounds)

    def scale(self, scale: float) -> str:
        """The shared colour scale of the update strips."""
        return self.tr("update strips: ±{0} (blue: towards spam, orange: towards ham)").format(num(scale, 2))

    def chart_tip(self, key: str) -> str:
        """What a card's little chart shows."""
        if key == OWNER:
            return self.tr("Test accuracy after each round")
        return self.tr("Loss per e-mail of each batch, round after round")

    def strip_tip(self, key: str) -> str:
        """What a card's strip shows."""
        if key == OWNER:
            return self.tr("The average's change of the weights: the vocabulary in alphabetical order, each cell "
                           "a run of words coloured by its largest change (blue: towards spam, orange: towards ham)")
        return self.tr("This client's update: the vocabulary in alphabetical order, each cell a run of words coloured "
                       "by its largest change (blue: towards spam, orange: towards ham); every card on one scale")

    def empty(self) -> str:
        """What the board says for an experiment without federated rounds."""
        return self.tr("This experiment has no federated rounds: the board shows ch15.federated and ch15.paillier")

    def describe(self, board: Board) -> str:
        """The whole board as text."""
        loc = QLocale()
        owner = board.cards[OWNER]
        parts = [self.tr("Round {0} of {1}.").format(board.round + 1, board.rounds)]
        parts.append(self.tr("{0}: {1}; test accuracy by round: {2}.").format(
            self.names.name(OWNER), self.state(owner, board),
            ", ".join(percent(v) for v in owner.series) or "–"))
        for key, card in board.cards.items():
            if key == OWNER:
                continue
            flow = board.flows.get(key, "")
            travel = {"out": self.tr("the model is with it"),
                      "back": self.tr("its update travels back")}.get(flow, self.tr("nothing travels"))
            parts.append(self.tr("{0}: {1} e-mails, {2}; loss {3}; {4}.").format(
                self.names.name(key), loc.toString(card.emails), self.state(card, board), num(card.figure), travel))
        if board.averaged and owner.changed is not None:
            parts.append(self.tr("The average changed {0} weights.").format(loc.toString(owner.changed)))
        return " ".join(parts)
