"""The live computation graph of chapter 13's framework (and chapters 14-15, which run on it).

The tensors of the current iteration are boxes laid out left to right (learning/framework/layout.py) with the
operation that made each one in a pill on the edges that meet it; each box shows the tensor's shape, its data and,
once the backward pass reaches it, its gradient, with a badge that counts the gradients it received ("received
2 of 3": the child counting that makes repeated use correct). The view follows the run's phases (PREDICT lights
data left to right, LEARN gradients right to left) and steps the backward pass node by node on request; layer
calls collapse into one box; a click shows the framework's lines that computed the tensor and its gradient; a
gradient check colours every box by its relative error; "break it" runs the naive Tensor of check 3.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.views import ViewSpec
from desktop.views.graph.computation.model import AGREE, WRONG, GraphModel
from desktop.views.graph.computation.node import NodeItem
from desktop.views.graph.computation.panel import ACTIONS, GraphPanel

__all__ = ["ACTIONS", "AGREE", "MINIMUM", "WRONG", "GraphModel", "GraphPanel", "NodeItem", "applies", "spec"]

#: The smallest readable size (width, height) in pixels: two rows of buttons, a caption and a few boxes.
MINIMUM = (360, 240)


def applies(experiment: object) -> bool:
    """True for experiments on the chapter-13 framework (they expose the current iteration's graph)."""
    return callable(getattr(experiment, "graph", None))


def spec() -> ViewSpec:
    """The computation graph: the main view of chapters 13-15."""
    return ViewSpec("graph", lambda: QCoreApplication.translate("GraphPanel", "Computation graph"), GraphPanel,
                    MINIMUM, applies, rank=20, actions=ACTIONS)
