"""Gradients through time (chapter 14's character models): for the LSTM and the RNN side by side, a map of time
step × training batch shaded by the gradient's size — the training's own gradient (‖∂loss/∂h_t‖ of the batch's
summed loss, CharModel.grad_norms) or the probe (the last step's loss back-propagated alone,
learning.chapters.ch14_probe: how far one loss reaches back) — with the clipping switch and what it did to the last
batch. The other model's map comes from its latest run in this session, or from a few batches trained here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.views import ViewSpec
from desktop.views.lstm._common import is_char_model
from desktop.views.lstm.gradient_map.panel import ACTIONS, GradientMapPanel

__all__ = ["ACTIONS", "MINIMUM", "GradientMapPanel", "spec"]

#: The smallest readable size (width, height) in pixels: the controls in two rows, two small maps, two lines.
MINIMUM = (360, 240)


def spec() -> ViewSpec:
    """Gradients through time, for the character models."""
    return ViewSpec("gradient_map", lambda: QCoreApplication.translate("GradientMapPanel", "Gradients through time"),
                    GradientMapPanel, MINIMUM, is_char_model, rank=8, actions=ACTIONS)
