"""Every word of the computation-graph view, in the current language: buttons, the caption, tooltips, the code's
caption and the text alternative (`describe`) that reads the whole graph out."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

from desktop.format import num
from desktop.runner import Runner
from desktop.views.graph.computation.model import BACKWARD, FORWARD, LOSS, WRONG, GraphModel
from desktop.views.graph.computation.source import Lines
from learning.framework.graph import Node
from learning.framework.layout import Box

#: Arrays up to this size are read out (and shown in tooltips) number by number.
READ_OUT = 12


class GraphTexts(QObject):
    """The view's words; every string goes through tr() in this context."""

    def title(self) -> str:
        """The view's name."""
        return self.tr("Computation graph")

    def caption_name(self) -> str:
        """The accessible name of the caption line."""
        return self.tr("What the graph shows now")

    def buttons(self) -> dict[str, tuple[str, str]]:
        """Each toolbar button's text and tooltip."""
        return {
            "step": (self.tr("Backward step"), self.tr(
                "Send the gradients back one node at a time: a tensor passes its gradient on only when it has "
                "received one from every operation that used it (the badge counts them)")),
            "complete": (self.tr("Whole pass"), self.tr("Finish the backward pass at once")),
            "check": (self.tr("Check gradients"), self.tr(
                "Compare every gradient in the graph with a numerical one (finite differences) and colour each "
                "box by the relative error")),
            "break": (self.tr("Break it"), self.tr(
                "The naive Tensor of check 3: no child counting, so a tensor used twice keeps only the last "
                "gradient it receives; then check the gradients")),
            "collapse": (self.tr("Collapse layers"), self.tr(
                "Draw each layer call as one box (double-click a box to collapse its layer or expand it)")),
            "fit": (self.tr("Fit"), self.tr("Show the whole graph (wheel: zoom, drag: move, Ctrl+0: fit)")),
        }

    def item_words(self) -> dict[str, str]:
        """The words the boxes and the legend draw."""
        return {
            "badge": self.tr("received {0} of {1}"),
            "no data": self.tr("not computed yet"),
            "no grad": self.tr("no gradient yet"),
            "legend values": self.tr("upper row: data, lower row ∇: gradient; each tensor on its own scale"),
            "legend check": self.tr("gradient check: relative error against finite differences, agrees → wrong"),
        }

    def empty(self, runner: Runner) -> str:
        """The note of an empty scene."""
        if not callable(getattr(runner.experiment, "graph", None)):
            return self.tr("This experiment does not run on the chapter-13 framework: it has no computation graph")
        return self.tr("Step the run (→, or Shift+→ phase by phase): the graph of the iteration appears here")

    def shape(self, shape: tuple[int, ...]) -> str:
        """A shape as "4×3" ("scalar" for none)."""
        return "×".join(str(n) for n in shape) if shape else self.tr("scalar")

    def expand(self, title: str) -> str:
        """A menu entry."""
        return self.tr("Expand {0}").format(title)

    def collapse(self, title: str) -> str:
        """A menu entry."""
        return self.tr("Collapse {0}").format(title)

    def expand_all(self) -> str:
        """A menu entry."""
        return self.tr("Expand every layer")

    def show_code(self) -> str:
        """A menu entry."""
        return self.tr("Show its code")

    # -- code --------------------------------------------------------------------------------------------------
    def code_caption(self, node: Node, lines: Lines, root: bool) -> str:
        """What the lit lines are: the forward function that computed a tensor, the backward ones of its gradient."""
        parts = []
        if lines.forward_op is not None:
            first, last = lines.forward[0]
            parts.append(self.tr("{0} = {1}(…): lines {2}–{3}").format(node.label(), lines.forward_op, first, last))
        else:
            parts.append(self.tr("{0} was made from data: no operation computed it").format(node.label()))
        if lines.backward_ops:
            ranges = ", ".join(f"{op}_backward {a}–{b}" for op, (a, b) in zip(lines.backward_ops, lines.backward,
                                                                             strict=True))
            parts.append(self.tr("its gradient: {0}").format(ranges))
        elif root:
            parts.append(self.tr("its gradient is the seed: ones"))
        return "; ".join(parts)

    def layer_caption(self, title: str, lines: Lines) -> str:
        """The lit lines of a collapsed layer call."""
        first, last = lines.forward[0]
        return self.tr("{0}: the layer's forward, lines {1}–{2}").format(title, first, last)

    # -- caption -----------------------------------------------------------------------------------------------
    def caption(self, model: GraphModel, runner: Runner) -> str:
        """One line on what the graph shows now."""
        if model.trace is None:
            return self.empty(runner)
        prefix = self.tr("Naive Tensor (no child counting): ") if model.naive else ""
        n = len(model.trace.nodes)
        if model.checking:
            return prefix + self.tr("Checking gradients against finite differences… {0} tensors done").format(
                len(model.checks))
        if model.checks:
            wrong = model.wrong()
            largest = max(c.error for c in model.checks.values())
            if not wrong:
                return prefix + self.tr("Gradient check: all {0} gradients agree with finite differences (largest "
                                        "relative error {1})").format(len(model.checks), num(largest, 2))
            names = ", ".join(dict.fromkeys(node.label() for node in wrong))
            return prefix + self.tr("Gradient check: {0} of {1} gradients are wrong: {2} (click one to see its "
                                    "code)").format(len(wrong), len(model.checks), names)
        if model.last is not None:
            step = model.last
            text = self.tr("Backward step {0} of {1}: {2} received {3} of {4} gradients").format(
                model.steps_taken, model.total(), step.node.label(), step.received, step.expected)
            if step.passed_on and step.received < step.expected:
                text += self.tr(" and passed it on without waiting for the rest")
            elif step.passed_on and step.expected > 1:
                text += self.tr(" and passes their sum on")
            elif step.passed_on:
                text += self.tr(" and passes it on")
            return prefix + text
        if model.stage == FORWARD:
            return prefix + self.tr("Forward pass: {0} tensors, computed left to right").format(n)
        if model.stage == LOSS:
            return prefix + self.tr("The loss: press Backward step to send the gradients back node by node")
        if model.stage == BACKWARD and not model.trace.root.autograd:
            return self.tr("Without autograd the result does not remember how it was made: no graph to go back "
                           "through")
        if model.backward is not None and not model.pass_done:
            return prefix + self.tr("Backward pass: {0} steps so far").format(model.steps_taken)
        return prefix + self.tr("Backward pass done: every tensor has its gradient ({0} tensors)").format(n)

    # -- tooltips and the text alternative ---------------------------------------------------------------------
    def values(self, values: np.ndarray) -> str:
        """An array read out: every number when there are a few, else its range."""
        a = np.asarray(values, dtype=float)
        if a.size <= READ_OUT:
            return num(a.reshape(-1).tolist() if a.ndim else float(a), 4)
        return self.tr("{0} values from {1} to {2}").format(a.size, num(float(np.nanmin(a)), 3),
                                                            num(float(np.nanmax(a)), 3))

    def box_lines(self, model: GraphModel, box: Box) -> list[str]:
        """What one box shows, line by line."""
        node = model.output(box)
        if box.collapsed:
            head = self.tr("{0}: {1} tensors; its output {2}").format(model.group_title((box.key[1], box.key[2])),
                                                                    len(box.nodes), self.shape(node.shape))
        elif node.op is None:
            head = self.tr("{0} ({1}), made from data").format(node.label(), self.shape(node.shape))
        else:
            head = self.tr("{0} ({1}) = {2} of {3}").format(
                node.label(), self.shape(node.shape), node.creation_op,
                ", ".join(c.label() for c in node.creators or ()))
        out = [head]
        out.append(self.tr("data: {0}").format(self.values(node.data)) if model.data_shown(node)
                   else self.tr("data: not computed yet"))
        grad = model.gradient(node)
        out.append(self.tr("gradient: {0}").format(self.values(grad)) if grad is not None
                   else self.tr("gradient: not reached yet"))
        received, expected = model.counts(node)
        if expected:
            out.append(self.tr("gradients received: {0} of {1}").format(received, expected))
            if not model.active_policy.counted and expected > 1:
                out.append(self.tr("the naive Tensor kept only the last one"))
        error = model.box_error(box)
        if error is not None:
            verdict = self.tr("wrong") if not error <= WRONG else self.tr("agrees")
            out.append(self.tr("gradient check: relative error {0} ({1})").format(num(error, 2), verdict))
        return out

    def tip(self, model: GraphModel, box: Box) -> str:
        """A box's tooltip."""
        hint = self.tr("Click: its code. Double-click: expand") if box.collapsed else \
            self.tr("Click: its code. Double-click: collapse its layer")
        return "\n".join([*self.box_lines(model, box), hint])

    def describe(self, model: GraphModel, runner: Runner) -> str:
        """The whole graph in words, box by box in the order of the forward pass."""
        if model.trace is None:
            return self.empty(runner)
        stage = {FORWARD: self.tr("after the forward pass"), LOSS: self.tr("with the loss"),
                 BACKWARD: self.tr("after the backward pass")}.get(model.stage or "", "")
        head = self.tr("Computation graph of {0}, iteration {1}, {2}: {3} tensors in {4} boxes.").format(
            runner.experiment.id, runner.count, stage, len(model.trace.nodes), len(model.boxes()))
        lines = [head, self.caption(model, runner)]
        for box in model.boxes():
            lines.append("; ".join(self.box_lines(model, box)))
        return "\n".join(lines)
