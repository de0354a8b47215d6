"""Qt-free helpers of the text views: a character model's generation and reading a character at a time (the same
numbers as CharModel.generate and CharModel.read, spread over the event loop by the views), where a text repeats
itself, and which characters are capital letters, line breaks or speaker names."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from learning.chapters.ch14_reading import GATES, Reading
from learning.chapters.ch14_sampling import RULES, pick, softmax
from learning.experiment import ParamError

#: Pieces of this many characters are compared to tell a text that repeats itself.
PIECE = 8
#: A text "repeats itself" when at least this share of its pieces occurred before in it.
REPEATS = 0.5
#: What the text view can look for: a unit whose value differs most on these characters.
FEATURES = ("capitals", "line_breaks", "speakers")


class Writer:
    """CharModel.generate(n, prime=, temperature=, rule=, seed=) a character at a time: read the prime from a
    fresh state, then pick each next character by the rule with one uniform per character from RandomState(seed)
    (none for greedy). The weights are those of the moment the writer was made. ParamError for bad arguments."""

    def __init__(self, experiment: Any, n: int, prime: str, temperature: float, rule: str, seed: int) -> None:
        if rule not in RULES:
            raise ParamError(f"rule must be one of {', '.join(RULES)} (got {rule!r})")
        if not (temperature >= 0 and math.isfinite(temperature)):
            raise ParamError(f"temperature must be a number >= 0 (got {temperature!r})")
        self.codes = experiment.encode(prime)
        if len(self.codes) == 0:
            raise ParamError("the prime text is empty")
        self.n, self.temperature, self.rule = n, temperature, rule
        self.vocab = list(experiment.vocab)
        self.net = experiment.numpy_net()
        self.state = experiment.net.initial_state(1)
        self.rs = np.random.RandomState(seed)
        self.text = ""
        #: The logits after the prime (what the first character is drawn from), once read.
        self.first_logits: np.ndarray | None = None

    def steps(self) -> Iterator[None]:
        """Write the text into `text`, yielding now and then."""
        logits = None
        for code in self.codes:  # a yield per character: the views' Chunked decides how many fit in a slice
            logits, self.state = self.net.step(np.array([code]), self.state)
            yield
        assert logits is not None
        self.first_logits = logits[0].copy()
        for _ in range(self.n):
            u = None if self.rule == "greedy" else self.rs.random_sample()
            k = pick(logits[0], self.rule, u, self.temperature)
            self.text += self.vocab[k]
            logits, self.state = self.net.step(np.array([k]), self.state)
            yield

    def run(self) -> str:
        """The whole text at once."""
        for _ in self.steps():
            pass
        return self.text


def repetition(text: str, k: int = PIECE) -> float:
    """The share of the text's k-character pieces that already occurred earlier in it: about 0 for varied text,
    near 1 for a text caught in a loop ("the the the …", "eeee…"); 0 for a text shorter than k."""
    seen: set[str] = set()
    again = 0
    total = len(text) - k + 1
    for i in range(max(0, total)):
        piece = text[i:i + k]
        again += piece in seen
        seen.add(piece)
    return again / total if total > 0 else 0.0


def feature_mask(chars: str, feature: str) -> np.ndarray:
    """Which characters have a feature: capital letters, line breaks, or the characters of a speaker's name line
    ("KING LEAR:" on a line of its own, as the plays write them)."""
    if feature == "capitals":
        return np.array([c.isupper() for c in chars], dtype=bool)
    if feature == "line_breaks":
        return np.array([c == "\n" for c in chars], dtype=bool)
    if feature == "speakers":
        mask = np.zeros(len(chars), dtype=bool)
        at = 0
        for line in chars.split("\n"):
            name = line.rstrip()
            if name.endswith(":") and name[:-1].strip() and name[:-1].isupper():
                mask[at:at + len(line)] = True
            at += len(line) + 1
        return mask
    raise ValueError(f"feature must be one of {', '.join(FEATURES)} (got {feature!r})")


class Reader:
    """CharModel.read(start, length, gates) a character at a time: the network reads text[start : start + length
    + 1] from a fresh state; `result` is the same Reading once done."""

    def __init__(self, experiment: Any, start: int, length: int, gates: bool) -> None:
        text = experiment.text
        if not (0 <= start < len(text) - 1) or length < 1:
            raise ParamError(f"start must be from 0 to {len(text) - 2} and length at least 1")
        stop = min(len(experiment.indices), start + length + 1)
        self.start = start
        self.chars = text[start:stop]
        self.indices = np.asarray(experiment.indices[start:stop])
        self.vocab = list(experiment.vocab)
        self.net = experiment.numpy_net()
        self.state = experiment.net.initial_state(1)
        n = len(self.indices) - 1
        self.hidden = np.empty((n, self.net.hidden))
        self.kept = {g: np.empty((n, self.net.hidden)) for g in GATES} if gates and self.net.kind == "lstm" else {}
        self.probability = np.empty(n)
        self.predicted: list[int] = []
        self.result: Reading | None = None

    def steps(self) -> Iterator[None]:
        """Read, yielding after every character; `result` holds the Reading at the end."""
        step: dict[str, np.ndarray] = {}
        indices = self.indices
        for k in range(len(indices) - 1):
            logits, self.state = self.net.step(indices[k:k + 1], self.state, step)
            p = softmax(logits[0])
            self.probability[k] = p[indices[k + 1]]
            self.predicted.append(int(np.argmax(logits[0])))
            self.hidden[k] = self.state[0][0]
            for g, values in self.kept.items():
                values[k] = step[g][0]
            yield
        with np.errstate(divide="ignore"):
            surprise = -np.log(self.probability)
        self.result = Reading(self.start, self.chars, self.probability, surprise,
                              "".join(self.vocab[i] for i in self.predicted), self.hidden, self.kept)

    def run(self) -> Reading:
        """The whole reading at once."""
        for _ in self.steps():
            pass
        assert self.result is not None
        return self.result
