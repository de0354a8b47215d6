"""The federation board's data, Qt-free: one `Card` per participant (the owner, Bob, Alice, Sue) and the flows
between them, read from a federated experiment as it is now (learning/chapters/ch15_federated.py).

A round: the owner sends the model to each client (the "out" flow, while that client trains), each client's update
comes back (the "back" flow, once its batches are done), and the owner averages them (then tests). An update is
drawn as a strip over the vocabulary: each cell is a run of words in alphabetical order, coloured by the largest
change among them, all cards on one colour scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop.views.federated._common import CLIENTS, OWNER

#: Cells of an update strip.
STRIP_CELLS = 64

#: Client states: waiting for the model, training on it, update sent back, update averaged (round over).
WAITING, TRAINING, SENT, AVERAGED = "waiting", "training", "sent", "averaged"
#: Owner states: waiting for the updates, aggregating them (encrypted: a long iteration), averaged and tested.
COLLECTING, AGGREGATING, TESTED = "collecting", "aggregating", "tested"


@dataclass
class Card:
    """One participant as the board draws it."""

    key: str
    #: Client: its training e-mails (and how many are spam) and those it trains on each round (whole batches);
    #: owner: the test e-mails.
    emails: int = 0
    spam: int = 0
    trained: int = 0
    state: str = WAITING
    #: Batches done this round and in all.
    batch: int = 0
    batches: int = 0
    #: Client: the book's printed Loss of this round so far; owner: the last test accuracy.
    figure: float | None = None
    #: Client: each batch's loss per e-mail, all rounds so far; owner: the test accuracy of each round.
    series: list[float] = field(default_factory=list)
    #: Where each round's values start in `series` (client) — rounds are drawn apart.
    round_starts: list[int] = field(default_factory=list)
    #: Weights its update changed (owner: the average).
    changed: int | None = None
    #: The update over the vocabulary, STRIP_CELLS signed values (None: no update yet).
    strip: np.ndarray | None = None


@dataclass
class Board:
    """Everything the board draws."""

    cards: dict[str, Card]
    #: Client → "out" (the model is with it), "back" (its update is on its way back) or "" (nothing travels).
    flows: dict[str, str]
    round: int = 0
    rounds: int = 1
    #: True when the last iteration was the owner's average.
    averaged: bool = False
    #: Updates travel encrypted (ch15.paillier).
    encrypted: bool = False
    #: The stage of an encrypted aggregation under way ("encrypt bob", "add", …), or "".
    stage: str = ""
    #: The client whose batch ran last ("" for none).
    active: str = ""


def strip_of(indices: np.ndarray, deltas: np.ndarray, size: int, cells: int = STRIP_CELLS) -> np.ndarray:
    """An update (its changed indices and their changes, over `size` weights) as `cells` signed values: each cell is
    a run of about size/cells weights and takes the change of largest magnitude among them (0 where none changed)."""
    full = np.zeros(max(size, 1))
    full[np.asarray(indices, dtype=np.int64)] = np.asarray(deltas, dtype=float)
    width = -(-len(full) // cells)
    padded = np.zeros(width * cells)
    padded[:len(full)] = full
    runs = padded.reshape(cells, width)
    pick = np.argmax(np.abs(runs), axis=1)
    return runs[np.arange(cells), pick]


def _client_series(experiment: Any, name: str, upto: int) -> tuple[list[float], list[int]]:
    """Each batch's loss per e-mail of `name` in rounds 0 … upto, and where each round starts."""
    sizes = [s.stop - s.start for s in experiment.schedule if s.client == name]
    series: list[float] = []
    starts: list[int] = []
    for entry in experiment.rounds[:upto + 1]:
        starts.append(len(series))
        for k, loss in enumerate(entry["clients"][name]["losses"]):
            size = sizes[k] if k < len(sizes) else 0
            series.append(loss / size if size else 0.0)
    return series, starts


def board_of(experiment: Any, stage: str = "") -> Board:
    """The board of a federated experiment as it is now (`stage`: the encrypted aggregation's stage, if any)."""
    spam = experiment.spam
    size = experiment.epoch_size or 1
    index = experiment.iteration_index
    last = experiment.last_step
    averaged = index > 0 and index % size == 0  # the iteration before a round's start is always the average
    round_ = index // size - (1 if averaged else 0)
    entry = experiment.rounds[round_] if 0 <= round_ < len(experiment.rounds) else None
    cards: dict[str, Card] = {}
    flows: dict[str, str] = {}
    for name in CLIENTS:
        first, end = experiment.client_span(name) if hasattr(experiment, "client_span") else spam.client_rows(name)
        steps = [s for s in experiment.schedule if s.client == name]
        log = entry["clients"][name] if entry is not None else None
        done = len(log["losses"]) if log is not None else 0
        series, starts = _client_series(experiment, name, max(round_, 0))
        card = Card(name, emails=end - first, spam=int(np.count_nonzero(spam.train_target[first:end] > 0.5)),
                    trained=sum(s.stop - s.start for s in steps), batch=done, batches=len(steps),
                    figure=log["printed_loss"] if log is not None else None, series=series, round_starts=starts,
                    changed=log["changed"] if log is not None else None)
        if averaged:
            card.state, flows[name] = AVERAGED, "back"
        elif experiment.clients.get(name) is None:
            card.state, flows[name] = WAITING, ""
        elif done < len(steps):
            card.state, flows[name] = TRAINING, "out"
        else:
            card.state, flows[name] = SENT, "back"
        if card.state != WAITING:
            indices, deltas = experiment.client_update(name)
            card.strip = strip_of(indices, deltas, spam.vocab_size)
        cards[name] = card
    owner = Card(OWNER, emails=len(spam.test_input), spam=int(np.count_nonzero(spam.test_target > 0.5)))
    owner.series = [float(e["test_accuracy"]) for e in experiment.rounds if e.get("test_accuracy") is not None]
    owner.figure = owner.series[-1] if owner.series else None
    owner.changed = entry["changed"] if entry is not None else None
    if averaged:
        owner.state = TESTED
        if experiment.previous is not None and experiment.last_average is not None:
            delta = (experiment.last_average - experiment.previous).reshape(-1)
            where = np.flatnonzero(delta != 0)
            owner.strip = strip_of(where, delta[where], spam.vocab_size)
    elif stage:
        owner.state = AGGREGATING
    else:
        owner.state = COLLECTING
    active = last.client if last is not None and last.kind == "train" and not averaged else ""
    return Board(cards={OWNER: owner, **cards}, flows=flows, round=max(round_, 0), rounds=experiment.epochs or 1,
                 averaged=averaged, encrypted=callable(getattr(experiment, "blocks", None)), stage=stage,
                 active=active)


def strips_scale(board: Board, share: float = 90.0) -> float:
    """One colour scale for every card's strip: the `share` percentile of the strips' non-zero |changes| (0 when
    none). A few words change far more than the rest (a handful of very common words); with the largest change as
    the scale every other cell would look blank, so those few saturate instead."""
    values = [np.abs(card.strip) for card in board.cards.values() if card.strip is not None]
    pooled = np.concatenate(values) if values else np.empty(0)
    pooled = pooled[pooled > 0]
    return float(np.percentile(pooled, share)) if pooled.size else 0.0
