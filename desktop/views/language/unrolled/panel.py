"""The unrolled view's widget: buttons that step through time (forward word by word, the backward pass from the
last word to the first), a sentence the learner types to analyse, a caption and the TimeCanvas."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtWidgets import QLineEdit, QToolButton, QVBoxLayout, QWidget

from desktop.format import num
from desktop.runner import Runner
from desktop.views.language._common import LiveView, short, shown
from desktop.views.language.unrolled.canvas import TimeCanvas
from desktop.views.language.unrolled.timeline import TimeLine, from_rnn, from_toy
from desktop.widgets import ElidedLabel, FlowLayout, spoken
from learning.chapters.ch11_language import split_words
from learning.experiment import Phase

ACTIONS = ("time_step", "bptt_step", "sentence_analysed")
BUTTONS = ("back", "forward", "bptt", "all")


def is_rnn(experiment: object) -> bool:
    """True for ch12.rnn-babi (it analyses any sentence); False for the toy chain."""
    return callable(getattr(experiment, "analyse", None))


class UnrolledView(LiveView):
    """The recurrent network laid out in time, live; the learner steps it word by word and back through time."""

    PLAY_MS = 200

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "unrolled", parent)
        bar = QWidget()
        flow = FlowLayout(bar, spacing=4)
        self.buttons: dict[str, QToolButton] = {}
        for name in BUTTONS:
            button = QToolButton()
            button.setObjectName(f"unrolled_{name}")
            flow.addWidget(button)
            self.buttons[name] = button
        self.buttons["back"].clicked.connect(lambda: self.move_cursor(-1))
        self.buttons["forward"].clicked.connect(lambda: self.move_cursor(1))
        self.buttons["bptt"].clicked.connect(self.backward_step)
        self.buttons["all"].clicked.connect(self.show_all)
        self.entry = QLineEdit()
        self.entry.setObjectName("unrolled_entry")
        self.entry.setClearButtonEnabled(True)
        self.entry.setMinimumWidth(150)
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        self.entry.textChanged.connect(self._on_entry_text_changed)
        flow.addWidget(self.entry)
        self.caption = ElidedLabel()
        self.caption.setObjectName("unrolled_caption")
        self.canvas = TimeCanvas(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.caption)
        layout.addWidget(self.canvas, 1)
        self.sentence: list[str] | None = None  # the learner's sentence, or None: follow training
        self.error = ""
        self.line: TimeLine | None = None
        self._key: Any = None  # which sentence the canvas shows (a new one resets the stepping)
        self._stepping = False  # the learner phase-steps: the backward pass waits for the button
        runner.phase_stepped.connect(self._on_phase)
        self.new_run()
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"back": ("◀", self.tr("One word back in time")),
                 "forward": ("▶", self.tr("Read one more word")),
                 "bptt": (self.tr("◀ gradient"), self.tr("Backward pass: carry the gradient one step back in time")),
                 "all": (self.tr("All"), self.tr("Show every step, forward and backward"))}
        for name, (text, tip) in texts.items():
            self.buttons[name].setText(text)
            self.buttons[name].setToolTip(tip)
        self.entry.setPlaceholderText(self.tr("type a sentence, e.g. mary moved to the"))
        spoken(self.entry, self.tr("Sentence to read"))
        self.entry.setToolTip(self.tr("Press Enter: the network reads your sentence with its current weights and "
                                      "guesses the next word. Clear it to follow training again."))
        self.canvas.labels = (self.tr("guesses"), self.tr("reads"), self.tr("hidden"), self.tr("gradient"),
                              self.tr("start"), self.tr("next?"), self.tr("recurrent"))
        self.canvas.setAccessibleName(self.tr("Recurrent network unrolled in time"))
        self.refresh()

    # -- the learner ---------------------------------------------------------------------------------------
    def move_cursor(self, step: int) -> None:
        """Read one word more (+1) or fewer (−1)."""
        if self.line is None:
            return
        n = len(self.line.words)
        now = self.canvas.shown_words()
        self.canvas.cursor = max(0, min(n, now + step))
        self.acted.emit("time_step")
        self._update_caption()
        self.canvas.update()

    def backward_step(self) -> None:
        """Carry the gradient one hidden vector further back (from the last word to the start)."""
        line = self.line
        if line is None or line.deltas is None:
            return
        done = len(line.backward) if self.canvas.revealed is None else self.canvas.revealed
        if done >= len(line.backward):
            done = 0  # start again from the last word
        self.canvas.revealed = done + 1
        self.acted.emit("bptt_step")
        self._update_caption()
        self.canvas.update()

    def show_all(self) -> None:
        """Every word read, the whole backward pass."""
        self.canvas.cursor = None
        self.canvas.revealed = None
        self._update_caption()
        self.canvas.update()

    def _on_entry_return_pressed(self) -> None:
        words = split_words(self.entry.text())
        if not words:
            self.sentence = None
            self.refresh()
            return
        exp = self.runner.experiment
        if not is_rnn(exp):
            return
        try:
            exp.indices(words)
        except KeyError as exc:
            self.error = str(exc.args[0]) if exc.args else str(exc)
            self._update_caption()
            return
        self.sentence = words
        self.error = ""
        self._key = None
        self.refresh()
        self.acted.emit("sentence_analysed")

    def _on_entry_text_changed(self, text: str) -> None:
        if not text.strip() and self.sentence is not None:
            self.sentence = None
            self.error = ""
            self._key = None
            self.schedule()

    def _on_phase(self, result: Any) -> None:
        self._stepping = True

    def _on_runner_advanced(self, *_: Any) -> None:
        if self.runner.playing:
            self._stepping = False
        super()._on_runner_advanced()

    # -- model ----------------------------------------------------------------------------------------------
    def new_run(self) -> None:
        self.canvas.hidden_scale.reset()
        self.canvas.gradient_scale.reset()
        self._key = None
        exp = self.runner.experiment
        self.entry.setVisible(is_rnn(exp))
        if not is_rnn(exp):
            self.sentence = None

    def _learn_values(self) -> dict[str, Any] | None:
        for result in reversed(self.runner.iteration_phases):
            if result.phase == Phase.LEARN:
                return result.values
        return None

    def refresh(self) -> None:
        exp = self.runner.experiment
        line = None
        self.canvas.note = ""
        if is_rnn(exp):
            baseline = getattr(exp, "perplexity_baseline", 0)
            self.canvas.baseline = max(1e-9, math.log(baseline)) if baseline > 1 else 1.0
            try:
                line = from_rnn(exp, self.sentence)
            except KeyError as exc:
                self.error = str(exc.args[0]) if exc.args else str(exc)
                self.sentence = None
                line = from_rnn(exp, None)
        elif callable(getattr(exp, "unrolled", None)):
            line = from_toy(exp, self._learn_values())
            if line is None:
                self.canvas.note = self.demo_text(exp)
        self.line = line
        key = (self.runner.count, self.runner.mid_iteration, tuple(self.sentence or ()),
               None if line is None else line.words)
        if key != self._key:
            self._key = key
            self.canvas.cursor = None
            waiting = self._stepping and line is not None and line.deltas is not None and self.sentence is None
            self.canvas.revealed = 0 if waiting else None
        self.canvas.line = line
        self.canvas.matrix_text = self.matrix_text(exp, line)
        for name in ("back", "forward", "all"):
            self.buttons[name].setEnabled(line is not None)
        self.buttons["bptt"].setEnabled(line is not None and line.deltas is not None)
        self._update_caption()
        self.canvas.update()

    def demo_text(self, exp: Any) -> str:
        """Iterations 0 and 1 of the toy chain: what they show."""
        if getattr(exp, "shown", 0) == 0 and getattr(exp, "iteration_index", 0) <= 1:
            if getattr(exp, "iteration_index", 0) == 0:
                return self.tr("Step: first the identity matrix, which changes nothing it multiplies.")
            return self.tr("a · identity = a for every vector a: the identity matrix changes nothing.")
        return self.tr("this + movie + rocks = ((this · identity + movie) · identity) + rocks: a sum of word vectors "
                       "is a chain through the identity. Step on: the chain learns.")

    def matrix_text(self, exp: Any, line: TimeLine | None) -> str:
        """What the recurrent matrix shows."""
        matrix = line.recurrent if line is not None else getattr(exp, "identity", None)
        if matrix is None:
            matrix = getattr(exp, "recurrent", None)
        if matrix is None:
            return ""
        drift = float(np.linalg.norm(matrix - np.eye(len(matrix))))
        return self.tr("The recurrent matrix started as the identity (dotted diagonal). ‖recurrent − I‖ = {0}."
                       ).format(num(drift, 3))

    def _update_caption(self) -> None:
        self.caption.setText(self.caption_text())
        self.setAccessibleDescription(self.describe())

    def caption_text(self) -> str:
        if self.error:
            return self.tr("Not in the vocabulary: {0}").format(self.error)
        line = self.line
        if line is None:
            return self.canvas.note or self.tr("No sentence yet: step once.")
        exp = self.runner.experiment
        sentence = " ".join(shown(w) for w in line.words)
        if self.sentence is not None:
            head = self.tr("Your sentence “{0}”").format(sentence)
        elif is_rnn(exp):
            head = self.tr("Line {0}: “{1}”").format(getattr(exp, "line", 0) + 1, sentence)
        else:
            head = self.tr("“{0}” → {1}?").format(sentence, line.goal)
        parts = [head]
        if line.perplexity is not None:
            parts.append(self.tr("perplexity {0}").format(num(line.perplexity, 3)))
        if line.after:
            parts.append(self.tr("next: {0} ({1})").format(short(line.after[0][0], 20), num(line.after[0][1], 2)))
        if line.deltas is not None:
            reached = len(line.backward) if self.canvas.revealed is None else self.canvas.revealed
            if reached < len(line.backward):
                parts.append(self.tr("backward pass: {0} of {1} steps (◀ gradient)").format(reached,
                                                                                            len(line.backward)))
        return " · ".join(parts)

    def describe(self) -> str:
        line = self.line
        if line is None:
            return self.caption.text()
        steps = []
        for k, word in enumerate(line.words):
            guesses = line.guesses[k]
            text = shown(word)
            if guesses:
                text += " (" + self.tr("guessed {0}").format(", ".join(f"{shown(w)} {num(p, 2)}" for w, p in guesses)
                                                             ) + ")"
            steps.append(text)
        parts = [self.caption.text(), self.tr("Reads: {0}.").format("; ".join(steps)), self.canvas.matrix_text]
        norms = line.delta_norms()
        if norms:
            parts.append(self.tr("Gradient length from the last step back: {0}.").format(
                ", ".join(num(v, 2) for v in norms)))
        return " ".join(parts)
